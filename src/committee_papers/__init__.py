"""committee_papers: the Exception Reports appendix of a committee paper, as Word and PDF.

    >>> import committee_papers as cp
    >>> report = cp.load("samples/blackpool-q2-2015-16.yaml")
    >>> cp.render_pdf(report, "out/appendix.pdf")
    >>> cp.render_docx(report, "out/appendix.docx")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .assess import Assessment, Finding, Severity, assess_change, check
from .loaders import LoadError, Problem, load
from .model import *  # noqa: F403 - the model classes are the public API for building reports
from .model import __all__ as _model_names
from .output import Target as OutputTarget
from .style import DEFAULT_STYLE, Colour, FontFiles, HouseStyle, Labels, MarkStyle

if TYPE_CHECKING:
    from .model import Report

__version__ = "0.1.0"


def render_docx(
    report: Report,
    target: OutputTarget,
    template: str | os.PathLike[str] | None = None,
    style: HouseStyle = DEFAULT_STYLE,
) -> None:
    """Write the report as a Word document to a path or a binary stream."""
    from .render.docx import render_docx as _render

    _render(report, target, template=template, style=style)


def render_pdf(report: Report, target: OutputTarget, style: HouseStyle = DEFAULT_STYLE) -> None:
    """Write the report as a print-ready PDF to a path or a binary stream."""
    from .render.pdf import render_pdf as _render

    _render(report, target, style=style)


__all__ = [
    *_model_names, "Assessment", "Colour", "DEFAULT_STYLE", "Finding", "FontFiles", "HouseStyle",
    "Labels", "LoadError", "MarkStyle", "Problem", "Severity", "assess_change", "check", "load",
    "render_docx", "render_pdf",
]
