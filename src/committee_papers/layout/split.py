"""Split a table's columns into groups that each repeat its row headings.

A figures table too wide for its page, even at the least size and padding the house style
allows and on a landscape page, is drawn as up to ``TableFit.max_groups`` tables one under the
other: each has the row-heading columns, a consecutive run of the period columns, and the last
also the columns after them (target, DoT, status), which speak of the latest period. A header
cell over several periods (a year over its months) is repeated over its part in each group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

from .grid import place
from .nodes import LayoutCell, LayoutRow, Table

T = TypeVar("T")


def columns_of(rows: tuple[LayoutRow, ...], width: int, kind: str, chosen: Sequence[int]) -> tuple[LayoutRow, ...]:
    """Return the rows of the table made of the ``chosen`` columns (in order) of ``rows``.

    A cell keeps the chosen columns it spans; one spanning none of them is left out. Raises
    ValueError when the spans do not fit a grid of ``width`` columns.
    """
    keep = set(chosen)
    kept: list[list[LayoutCell]] = [[] for _ in rows]
    for placed in place(Table(rows, (1 / width,) * width, "", kind)):
        covered = sum(1 for c in range(placed.column, placed.column + placed.cell.colspan) if c in keep)
        if covered:
            cell = placed.cell
            kept[placed.row].append(cell if covered == cell.colspan else
                                    LayoutCell(cell.spans, covered, cell.rowspan, cell.scope, cell.align,
                                               cell.fill, cell.small))
    return tuple(LayoutRow(tuple(cells), row.header) for cells, row in zip(kept, rows, strict=True))


def even_runs(count: int, groups: int) -> list[range]:
    """Return ``count`` columns in ``groups`` consecutive runs, the earlier ones no shorter."""
    size, extra = divmod(count, groups)
    runs, start = [], 0
    for group in range(groups):
        end = start + size + (group < extra)
        runs.append(range(start, end))
        start = end
    return runs


class Group(NamedTuple):
    """One table of a split: its columns in the whole table (row headings first), the period
    columns among them (counted from the first period), and whether it is the last."""

    columns: list[int]
    periods: range
    last: bool


def split_columns(heads: int, periods: int, tails: int, max_groups: int,
                  fits: Callable[[Group], T | None]) -> list[tuple[Group, T]] | None:
    """Return the fewest groups (2 to ``max_groups``) of the ``periods`` columns after ``heads``
    row-heading columns for which ``fits(group)`` gives a result for every group, with those
    results; the ``tails`` columns after the periods join the last group. Return None when no
    such grouping exists."""
    for groups in range(2, min(max_groups, periods) + 1):
        found = []
        for number, run in enumerate(even_runs(periods, groups)):
            last = number == groups - 1
            chosen = [*range(heads), *(heads + c for c in run)]
            if last:
                chosen.extend(range(heads + periods, heads + periods + tails))
            group = Group(chosen, run, last)
            result = fits(group)
            if result is None:
                break
            found.append((group, result))
        else:
            return found
    return None
