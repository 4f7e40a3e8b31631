"""The Word renderer: the layout drawn into a docxtpl house-style template, in one pass."""

from .render import build_document, render_docx, save_document
from .setup import TemplateSetup, template_style
from .template import TemplateError, check_template, default_template

__all__ = ["TemplateError", "TemplateSetup", "build_document", "check_template", "default_template",
           "render_docx", "save_document", "template_style"]
