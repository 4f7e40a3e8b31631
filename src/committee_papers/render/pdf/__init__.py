"""The PDF renderer: draws the renderer-neutral layout with reportlab.

The PDF is A4 portrait in the house margins, with every font embedded as a subset, a running
header, "Page X of Y", one bookmark per exception page under its portfolio, the document's
title, author, subject, keywords and language, and the title shown in the viewer's title bar.
It is a tagged PDF meant to meet PDF/UA-1: headings, paragraphs, lists and tables (with header
cells and their scope) in a structure tree, DoT marks read as their words, page furniture as
artifacts (``tagging.py``, ``structure.py``). A PDF/A-2b variant is there for archive copies.
The same input always gives the same bytes.
"""

from __future__ import annotations

from typing import BinaryIO

from ...layout import DocumentLayout
from ...output import Target, write_output
from ...style import DEFAULT_STYLE, HouseStyle
from .document import write_pdf
from .fonts import register_fonts


def render_pdf(layout: DocumentLayout, target: Target, *, style: HouseStyle = DEFAULT_STYLE,
               tagged: bool = True, variant: str | None = None) -> list[int]:
    """Write a laid-out document as a PDF to a path or a binary stream, atomically; return the
    page each page layout starts on.

    Page numbers count from 1, one per page layout in order, so a scorecard can refer to
    them. The PDF is tagged (PDF/UA) unless ``tagged`` is false; ``variant="pdf/a-2b"`` makes
    it a PDF/A-2b archive copy as well. This is the PDF renderer's one public entry.
    """
    fonts = register_fonts(style)
    starts: list[int] = []

    def write(stream: BinaryIO) -> None:
        starts[:] = write_pdf(layout, style, fonts, stream, tagged=tagged, variant=variant)

    write_output(target, write)
    return starts


__all__ = ["render_pdf"]
