"""Share a table's width among its columns by what their cells need."""

from __future__ import annotations

from ..style import HouseStyle, PageSetup
from .grid import place
from .nodes import LayoutCell, LayoutRow, Scope, Table

# Roughly the share of A4's text width (20 mm margins) that one character of 10pt Arial
# takes, and a cell's padding. On another page, or at another table font size, the shares
# scale: a character takes the same points, so a larger share of a narrower text width.
CHARACTER = 0.0118
PADDING = 0.024
_A4_TEXT_WIDTH = PageSetup().text_width
_TABLE_SIZE = 10.0
# A figure up to this long should stay on one line; longer text may wrap between words.
ONE_LINE = 16


def scale(style: HouseStyle) -> float:
    """Return how much wider a character is, as a share of the text width, than on A4 at 10pt."""
    return (_A4_TEXT_WIDTH / style.page_setup.text_width) * (style.table_size / _TABLE_SIZE)


def _need(cell: LayoutCell, factor: float) -> float:
    words = max((len(word) for word in cell.text.split()), default=0)
    figure = cell.scope is not Scope.COLUMN and len(cell.text) <= ONE_LINE
    return (PADDING + CHARACTER * (len(cell.text) if figure else words)) * factor


def fit_widths(rows: tuple[LayoutRow, ...], columns: int, kind: str, *,
               equal: range = range(0), minimum: float = 0.06, factor: float = 1.0,
               floors: dict[int, float] | None = None) -> tuple[float, ...]:
    """Return column widths summing to 1: each as wide as its one-column cells need (the
    columns in ``equal`` as wide as the widest of them), then spare width shared equally;
    scaled down if the needs exceed the table. ``factor`` (see ``scale``) widens what a
    character needs on a narrower page or in a larger font. ``floors`` gives columns a
    larger minimum share (a column of indicator names that should not wrap word by word)."""
    needs = [minimum] * columns
    for column, floor in (floors or {}).items():
        needs[column] = max(needs[column], floor)
    for placed in place(Table(rows, (1 / columns,) * columns, "", kind)):
        if placed.cell.colspan == 1:
            needs[placed.column] = max(needs[placed.column], _need(placed.cell, factor))
    if equal:
        widest = max(needs[i] for i in equal)
        for i in equal:
            needs[i] = widest
    total = sum(needs)
    if total >= 1:
        return tuple(need / total for need in needs)
    spare = (1 - total) / columns
    return tuple(need + spare for need in needs)
