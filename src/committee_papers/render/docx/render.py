"""Render a laid-out document as a Word file in the house-style template."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any, BinaryIO

from ...layout import DocumentLayout
from ...output import Target, write_output
from ...style import DEFAULT_STYLE, HouseStyle
from . import package, styles, wml
from .body import BodyWriter
from .drawings import number_drawings
from .fields import fill_page_fields, set_statistics
from .fontembed import embed_mark_font
from .geometry import write_page
from .stylenames import TemplateStyles
from .styles import Palette, StyleIds, add_missing_styles
from .template import fill_template

_TWIPS_PER_EMU = 1 / 635
UNDATED = dt.date(1980, 1, 1)  # the creation date of a document whose report has no date


def _set_properties(document: Any, layout: DocumentLayout, date: dt.date | None) -> None:
    """Set the document's metadata, its dates included, from the layout alone.

    The created and modified dates are ``date`` (the meeting date) at midnight UTC, or
    1980-01-01 without one, never the time of rendering: the same report always gives the
    same file.
    """
    properties = document.core_properties
    texts = {"title": layout.title, "subject": layout.subject, "creator": layout.author,
             "lastModifiedBy": layout.author, "keywords": ", ".join(layout.keywords),
             "language": layout.language, "description": ""}
    for name, value in texts.items():
        # python-docx stops at 255 characters; the format sets no limit, so a long title goes in whole
        properties._element._get_or_add(name).text = value
    stamp = dt.datetime.combine(date or UNDATED, dt.time(), tzinfo=dt.UTC)
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1
    wml.set_language(document, layout.language)


def _text_width(document: Any, *, turned: bool = False) -> int:
    """Return the width between the margins of the last section, in twips; ``turned``: of its
    page on its side (its height less the same margins)."""
    section = document.sections[-1]
    across = section.page_height if turned else section.page_width
    emu: int = across - section.left_margin - section.right_margin
    return round(emu * _TWIPS_PER_EMU)


def _prepare(layout: DocumentLayout, template: str | os.PathLike[str] | None, style: HouseStyle,
             date: dt.date | None) -> tuple[Any, list[str]]:
    """Return the filled-in template (with the relationships of the links and charts) and
    the XML of the body's blocks, one string per page."""
    context = {"appendix": layout.running_header, "title": layout.title,
               "subject": layout.subject, "author": layout.author}
    document = fill_template(template, context)
    write_page(document, style.page_setup)  # the page the layout (and the PDF) was made for
    number_drawings(document)  # a logo in the header and one in the footer: ids 1 and 2
    _set_properties(document, layout, date)
    add_missing_styles(document, TemplateStyles.read(document))  # Heading 4-6, Hyperlink
    found = TemplateStyles.read(document)
    # the marks' font travels with the file, when the DoT styles name it
    embed_mark_font(document, layout, style, {found.get(name, "character").font.name
                                              for name in styles.CHARACTER_STYLES})
    writer = BodyWriter(document, found, Palette.read(found, style), StyleIds.read(found),
                        _text_width(document), style, _text_width(document, turned=True))
    blocks = writer.body(layout.pages)
    if layout.pages and layout.pages[-1].landscape:  # the last section is the body's own
        wml.turn_section(document.sections[-1], landscape=True)
    if writer.sections > 1:
        wml.continue_section(document.sections[-1]._sectPr)
    return document, blocks


def _page_count(document: Any, layout: DocumentLayout, style: HouseStyle,
                pages: int | Callable[[], int | None] | None) -> None:
    """Show the PDF's page count in the footers ("Page 1 of N", in the report's language) and
    the extended properties; ``pages`` is asked for only now, after the body is written (the
    PDF may be written meanwhile, in another process)."""
    count = pages() if callable(pages) else pages
    fill_page_fields(document, style, layout.language, count)
    set_statistics(document, count)


def render_docx(layout: DocumentLayout, target: Target, *,
                template: str | os.PathLike[str] | None = None,
                style: HouseStyle = DEFAULT_STYLE, date: dt.date | None = None,
                pages: int | Callable[[], int | None] | None = None) -> None:
    """Write a laid-out document as a .docx to a path or a binary stream, atomically.

    ``template`` is a house-style .docx (default: templates/house-style.docx); ``date`` fills
    its date placeholder. The Word file's page is ``style.page_setup``, the page the layout
    was made for: lay out with the style ``template_style`` returns for the template, so the
    template's page is kept. A template that lacks a style or the running-header placeholder,
    or whose page cannot be followed, raises TemplateError. The same layout and template
    always give the same bytes. ``pages`` is the number of pages the PDF of the same layout has
    (``render_pdf`` returns it): the footer's "Page 1 of N" and ``docProps/app.xml`` show it
    until Word updates the fields (``fields.py``); without it they claim no count. It may be a
    function returning the count, called once the body is written (so the PDF can be written
    meanwhile). This is the
    Word renderer's one public entry.
    """
    document, blocks = _prepare(layout, template, style, date)

    def write(stream: BinaryIO) -> None:
        package.save(document, stream, blocks, lambda: _page_count(document, layout, style, pages))

    write_output(target, write, protect=[template] if template is not None else [])
