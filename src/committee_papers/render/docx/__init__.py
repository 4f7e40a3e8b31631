"""The Word renderer: the layout drawn with python-docx on a docxtpl house-style template."""

from .render import build_document, render_docx
from .template import TemplateError, default_template

__all__ = ["TemplateError", "build_document", "default_template", "render_docx"]
