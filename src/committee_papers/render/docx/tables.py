"""Write a layout table as a Word table: spans, widths, header rows, shading, alignment."""

from __future__ import annotations

import itertools

from ...layout import Align, LayoutCell, Table, place
from ...style import DEFAULT_STYLE, HouseStyle
from . import styles, wml
from .runs import Links, spans_xml
from .styles import Palette, StyleIds

_ALIGN = {Align.LEFT: "left", Align.CENTRE: "center", Align.RIGHT: "right"}
_CAPTIONS = {"indicators": "Indicators", "data": "Figures", "dot": "Direction of travel",
             "supplementary": "Supplementary figures"}


_CELL_END = wml.PARAGRAPH_END + wml.CELL_END


def _column(entry: tuple[int, LayoutCell, bool]) -> int:
    return entry[0]


def column_widths(fractions: tuple[float, ...], text_width: int) -> list[int]:
    """Return column widths in twips: fractions of the text width, summing to it exactly.

    The column edges are rounded rather than the widths, so no rounding error accumulates.
    """
    total = sum(fractions) or 1.0
    edges = [round(text_width * sum(fractions[:i]) / total) for i in range(len(fractions) + 1)]
    return [right - left for left, right in itertools.pairwise(edges)]


def _half_points(table: Table, small: bool, house: HouseStyle) -> int | None:
    """Return the size of a cell's text in half points where the layout set the table smaller."""
    if table.size is None:
        return None
    return round(2 * table.size * (house.small_size / house.table_size if small else 1))


def table_xml(table: Table, text_width: int, palette: Palette, ids: StyleIds, links: Links, *,
              page_break: bool = False, house: HouseStyle = DEFAULT_STYLE) -> str:
    """Return ``table`` as a ``w:tbl``; ``page_break`` starts it on a new page. A table the
    layout set smaller than ``house`` sets tables has that size on its runs and paragraph
    marks, and its cell margins.

    A cell spanning columns is one ``w:tc`` over several grid columns. A cell spanning rows
    is a vertical merge: the cells it covers below are empty ``w:tc`` elements continuing
    the merge, each with a paragraph in the same style (Word needs one in every cell).
    """
    widths = column_widths(table.widths, text_width)
    rows: list[list[tuple[int, LayoutCell, bool]]] = [[] for _ in table.rows]
    for item in place(table):  # raises ValueError on spans that do not fit
        rows[item.row].append((item.column, item.cell, True))
        for below in range(item.row + 1, item.row + item.cell.rowspan):
            rows[below].append((item.column, item.cell, False))
    side = None if table.cell_side is None else round(table.cell_side * 20)
    out = [wml.table(widths, style_id=ids.table[styles.TABLE],
                     caption=_CAPTIONS.get(table.kind, table.kind.capitalize()),
                     description=table.description, cell_side=side)]
    text_style, small_style = ids.paragraph[styles.TABLE_TEXT], ids.paragraph[styles.SMALL_TEXT]
    for layout_row, cells in zip(table.rows, rows, strict=True):
        out.append(wml.row(header=layout_row.header))
        cells.sort(key=_column)
        for column, cell, first in cells:
            span = cell.colspan
            merge = None if cell.rowspan == 1 else "restart" if first else "continue"
            fill = None if cell.fill is None else palette.colour(cell.fill)
            width = widths[column] if span == 1 else sum(widths[column:column + span])
            out.append(wml.cell(width, span, merge, fill))
            align = "left" if cell.align is Align.LEFT else _ALIGN[cell.align]
            # Small Text's space after is for footnotes under a table, not in a cell; an empty
            # cell is one line of Table Text high, as in the PDF
            small = cell.small and bool(cell.text)
            size = _half_points(table, small, house)
            out.append(wml.paragraph(small_style if small else text_style, page_break,
                                     align, after=0 if small else None, half_points=size))
            page_break = False  # only the first cell's paragraph starts the page
            if first and cell.spans:
                out.append(spans_xml(cell.spans, palette, ids, links, size))
            out.append(_CELL_END)
        out.append(wml.ROW_END)
    out.append(wml.TABLE_END)
    return "".join(out)
