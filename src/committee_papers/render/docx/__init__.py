"""The Word renderer: the layout drawn into a docxtpl house-style template, in one pass."""

from .render import render_docx
from .setup import TemplateSetup, template_style
from .template import TemplateError, check_template, default_template

__all__ = ["TemplateError", "TemplateSetup", "check_template", "default_template", "render_docx",
           "template_style"]
