"""Render a report as a Word document from its layout and the house-style template."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any, BinaryIO

from ...layout import DocumentLayout, layout_report
from ...model import Report
from ...output import Target, write_output
from ...style import DEFAULT_STYLE, HouseStyle
from . import xml
from .body import BodyWriter
from .styles import Palette
from .template import fill_template

_TWIPS_PER_EMU = 1 / 635


def _set_properties(document: Any, layout: DocumentLayout) -> None:
    properties = document.core_properties
    properties.title = layout.title
    properties.subject = layout.subject
    properties.author = layout.author
    properties.last_modified_by = layout.author
    properties.keywords = ", ".join(layout.keywords)
    properties.language = layout.language
    properties.comments = ""
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = now
    properties.modified = now
    properties.revision = 1
    xml.set_language(document, layout.language)


def _text_width(document: Any) -> int:
    """Return the width between the margins of the last section, in twips."""
    section = document.sections[-1]
    emu: int = section.page_width - section.left_margin - section.right_margin
    return round(emu * _TWIPS_PER_EMU)


def build_document(layout: DocumentLayout, template: str | os.PathLike[str] | None,
                   style: HouseStyle) -> Any:
    """Return a python-docx Document holding every page of the layout."""
    context = {"appendix": layout.running_header, "title": layout.title,
               "subject": layout.subject, "author": layout.author}
    document = fill_template(template, context)
    _set_properties(document, layout)
    writer = BodyWriter(document, Palette.read(document, style), _text_width(document))
    for number, page in enumerate(layout.pages):
        writer.page(page, new_page=number > 0)
    writer.finish()
    return document


def render_docx(report: Report, target: Target, *, template: str | os.PathLike[str] | None = None,
                style: HouseStyle = DEFAULT_STYLE) -> None:
    """Write the report as a .docx to a path or a binary stream, atomically.

    ``template`` is a house-style .docx (default: templates/house-style.docx); a template
    that lacks a style or the running-header placeholder raises TemplateError.
    """
    document = build_document(layout_report(report, style), template, style)

    def write(stream: BinaryIO) -> None:
        document.save(stream)

    write_output(target, write)
