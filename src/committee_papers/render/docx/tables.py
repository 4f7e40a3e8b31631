"""Write a layout table as a Word table: spans, widths, header rows, shading, alignment."""

from __future__ import annotations

import itertools
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Twips

from ...layout import Align, LayoutCell, Table, place
from . import styles, xml
from .runs import add_spans
from .styles import Palette

_ALIGN = {Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT, Align.CENTRE: WD_ALIGN_PARAGRAPH.CENTER,
          Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT}
_CAPTIONS = {"indicators": "Indicators", "data": "Figures", "dot": "Direction of travel",
             "supplementary": "Supplementary figures"}


def column_widths(fractions: tuple[float, ...], text_width: int) -> list[int]:
    """Return column widths in twips: fractions of the text width, summing to it exactly.

    The column edges are rounded rather than the widths, so no rounding error accumulates.
    """
    total = sum(fractions) or 1.0
    edges = [round(text_width * sum(fractions[:i]) / total) for i in range(len(fractions) + 1)]
    return [right - left for left, right in itertools.pairwise(edges)]


def _format(target: Any, cell: LayoutCell, style: Any, palette: Palette) -> Any:
    """Style, align and shade a Word cell; return its paragraph."""
    paragraph = target.paragraphs[0]
    paragraph.style = style
    paragraph.alignment = _ALIGN[cell.align]
    if cell.fill is not None:
        xml.shade_cell(target, palette.colour(cell.fill))
    return paragraph


def add_table(document: Any, table: Table, text_width: int, palette: Palette) -> Any:
    """Append ``table`` to the document body and return the python-docx table."""
    widths = column_widths(table.widths, text_width)
    word = document.add_table(rows=len(table.rows), cols=len(widths))
    word.style = document.styles[styles.TABLE]
    word.autofit = False  # fixed layout: the widths below are kept
    xml.set_table_width(word, sum(widths))
    xml.describe_table(word, _CAPTIONS.get(table.kind, table.kind.capitalize()),
                       table.description)
    for column, width in zip(word.columns, widths, strict=True):
        column.width = Twips(width)
    for row in word.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)
    placed = place(table)
    for item in placed:  # merge first, while every cell is still empty
        cell = item.cell
        if cell.colspan > 1 or cell.rowspan > 1:
            corner = word.cell(item.row + cell.rowspan - 1, item.column + cell.colspan - 1)
            word.cell(item.row, item.column).merge(corner)
    for item in placed:
        cell = item.cell
        style = document.styles[styles.SMALL_TEXT if cell.small else styles.TABLE_TEXT]
        add_spans(_format(word.cell(item.row, item.column), cell, style, palette), cell.spans,
                  palette)
        for below in range(item.row + 1, item.row + cell.rowspan):
            # the cells a vertical span covers keep their own paragraph: keep it small
            _format(xml.covered_cell(word, below, item.column), cell, style, palette)
    for layout_row, row in zip(table.rows, word.rows, strict=True):
        xml.set_row_flags(row, header=layout_row.header, keep_together=True)
    return word
