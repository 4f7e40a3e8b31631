"""Share a table's width among its columns by what their cells need."""

from __future__ import annotations

from .grid import place
from .nodes import LayoutCell, LayoutRow, Scope, Table

# Roughly the share of A4's text width that one character of 10pt Arial takes, and a cell's padding.
CHARACTER = 0.0118
PADDING = 0.024
# A figure up to this long should stay on one line; longer text may wrap between words.
ONE_LINE = 16


def _need(cell: LayoutCell) -> float:
    words = max((len(word) for word in cell.text.split()), default=0)
    figure = cell.scope is not Scope.COLUMN and len(cell.text) <= ONE_LINE
    return PADDING + CHARACTER * (len(cell.text) if figure else words)


def fit_widths(rows: tuple[LayoutRow, ...], columns: int, kind: str, *,
               equal: range = range(0), minimum: float = 0.06) -> tuple[float, ...]:
    """Return column widths summing to 1: each as wide as its one-column cells need (the
    columns in ``equal`` as wide as the widest of them), then spare width shared equally;
    scaled down if the needs exceed the table."""
    needs = [minimum] * columns
    for placed in place(Table(rows, (1 / columns,) * columns, "", kind)):
        if placed.cell.colspan == 1:
            needs[placed.column] = max(needs[placed.column], _need(placed.cell))
    if equal:
        widest = max(needs[i] for i in equal)
        for i in equal:
            needs[i] = widest
    total = sum(needs)
    if total >= 1:
        return tuple(need / total for need in needs)
    spare = (1 - total) / columns
    return tuple(need + spare for need in needs)
