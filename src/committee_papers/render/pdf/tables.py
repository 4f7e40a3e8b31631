"""Draw a layout table as a reportlab Table: spans, header shading, alignment and widths."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table as RLTable
from reportlab.platypus.flowables import Flowable

from ...layout import LayoutCell, SpanRole, Table, place
from .paragraphs import paragraph
from .styles import Styles, colour

PADDING_X = 3.0  # points either side of a cell's text
PADDING_Y = 2.5
RULE = 0.5  # width of the cell borders
MIN_SIZE = 6.0  # a header never shrinks below this to fit its longest word
SPACE_AFTER = 8.0


def _longest_word(cell: LayoutCell, styles: Styles, size: float) -> float:
    """Return the width of the cell's widest unbreakable word at ``size``."""
    fonts, widest, current = styles.fonts, 0.0, 0.0
    for span in cell.spans:
        for char in span.text:
            if char.isspace():
                widest, current = max(widest, current), 0.0
                continue
            face = fonts.face_for(char, bold=span.bold, italic=span.italic,
                                  mark=span.role is SpanRole.MARK)
            current += stringWidth(char, face, size)
    return max(widest, current)


def fitted_size(cell: LayoutCell, styles: Styles, width: float) -> float:
    """Return the cell's font size, shrunk (to a floor) so its longest word fits the width.

    Narrow columns such as ``DoT Against Past Performance`` would otherwise run a long word
    past the cell's border or break it in the middle.
    """
    house = styles.house
    size = house.small_size if cell.small else house.table_size
    available = width - 2 * PADDING_X
    longest = _longest_word(cell, styles, size)
    if longest <= available or longest == 0:
        return size
    fitted = int(size * available / longest * 2) / 2  # round down to half a point
    return max(MIN_SIZE, min(size, fitted))


def _content(cell: LayoutCell, styles: Styles, width: float) -> Flowable | str:
    if not cell.text:
        return ""
    size = fitted_size(cell, styles, width)
    return paragraph(cell.spans, styles, "cell", size=size, align=cell.align.value)


def table_flowable(table: Table, styles: Styles, frame_width: float) -> RLTable:
    """Return the reportlab Table for a layout table.

    Header rows repeat at the top of each page the table runs onto, and a row taller than a
    page is split inside the row rather than failing.
    """
    widths = [fraction * frame_width for fraction in table.widths]
    rows, columns = len(table.rows), len(widths)
    data: list[list[Flowable | str]] = [["" for _ in range(columns)] for _ in range(rows)]
    house = styles.house
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.text.regular),
        ("FONTSIZE", (0, 0), (-1, -1), house.table_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), colour(house.text_colour)),
        ("GRID", (0, 0), (-1, -1), RULE, colour(house.border_colour)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING_X),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING_Y + 1),
    ]
    for placed in place(table):
        cell, r, c = placed.cell, placed.row, placed.column
        end = (c + cell.colspan - 1, r + cell.rowspan - 1)
        data[r][c] = _content(cell, styles, sum(widths[c:c + cell.colspan]))
        if cell.colspan > 1 or cell.rowspan > 1:
            commands.append(("SPAN", (c, r), end))
        if cell.fill is not None:
            commands.append(("BACKGROUND", (c, r), end, colour(cell.fill)))
    flowable = RLTable(data, colWidths=widths, repeatRows=table.header_rows, splitByRow=1,
                       splitInRow=1, style=commands, hAlign="LEFT")
    flowable.spaceAfter = SPACE_AFTER
    return flowable
