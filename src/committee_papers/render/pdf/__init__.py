"""The PDF renderer: draws the renderer-neutral layout with reportlab.

The PDF is A4 portrait in the house margins, with every font embedded as a subset, a running
header, "Page X of Y", one bookmark per exception page under its portfolio, the document's
title, author, subject, keywords and language, and the title shown in the viewer's title bar.
The same input always gives the same bytes.
"""

from __future__ import annotations

from typing import BinaryIO

from ...layout import layout_report
from ...model import Report
from ...output import Target, write_output
from ...style import DEFAULT_STYLE, HouseStyle
from .document import write_pdf
from .fonts import register_fonts


def render_pdf(report: Report, target: Target, *, style: HouseStyle = DEFAULT_STYLE) -> None:
    """Write the report as a print-ready PDF to a path or a binary stream."""
    layout = layout_report(report, style)
    fonts = register_fonts(style)

    def write(stream: BinaryIO) -> None:
        write_pdf(layout, style, fonts, stream)

    write_output(target, write)


__all__ = ["render_pdf"]
