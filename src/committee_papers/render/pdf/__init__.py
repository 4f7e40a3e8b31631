"""The PDF renderer: draws the renderer-neutral layout, and writes the file with pikepdf.

The PDF is on the house style's page (the Word template's size, orientation and margins when
there is one; else A4 portrait in the house margins), with every font embedded as a subset, a
running header, "Page X of Y" and the template's header and footer pictures, a trend chart as
vector paths where a page has one, one bookmark per exception page under its portfolio, the document's
title, author, subject, keywords and language, and the title shown in the viewer's title bar.
It is a tagged PDF meant to meet PDF/UA-1: headings, paragraphs, lists and tables (with header
cells and their scope) in a structure tree, DoT marks read as their words, page furniture as
artifacts (``tagging.py``, ``structure.py``). A PDF/A-2b variant is there for archive copies.
The same input always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from ...layout import DocumentLayout, Pagination
from ...output import Target, write_output
from ...style import DEFAULT_STYLE, HouseStyle
from .document import write_pdf
from .fonts import load_fonts


def render_pdf(layout: DocumentLayout, target: Target, *, style: HouseStyle = DEFAULT_STYLE,
               tagged: bool = True, variant: str | None = None, date: dt.date | None = None) -> Pagination:
    """Write a laid-out document as a PDF to a path or a binary stream, atomically; return the
    page each page layout starts on and the number of pages (``.starts``, ``.pages``).

    Page numbers count from 1, one per page layout in order, so a scorecard can refer to
    them. The PDF is tagged (PDF/UA) unless ``tagged`` is false; ``variant="pdf/a-2b"`` makes
    it a PDF/A-2b archive copy as well. ``date`` (the meeting date) is the file's creation
    and modification date, as in the Word file; 1 January 1980 without one. Raises
    ``CommitteePapersError`` for an unknown variant, a font file that cannot be read, a
    running header too long for the page, or a layout with no pages. This is the PDF
    renderer's one public entry.
    """
    fonts = load_fonts(style)
    found: list[Pagination] = []

    def write(stream: BinaryIO) -> None:
        found.append(write_pdf(layout, style, fonts, stream, tagged=tagged, variant=variant, date=date))

    write_output(target, write)
    return found[-1]


__all__ = ["render_pdf"]
