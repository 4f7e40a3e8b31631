"""Share a table's width among its columns by what their cells need, in points.

Each cell is measured in the house style's fonts (``metrics``) at the table's size, plus the
cell's padding either side (``Spacing.cell_side``), against the page's text width
(``PageSetup.text_width``, in points):

- a column is at least as wide as its widest figure in a body cell (``2,912``; each half of a
  figure pair, ``2,912 (1,000.4)``, which breaks only at its space): the hard need;
- then, while the width lasts, as wide as its widest word and header word (a word longer than
  ``LONG_WORD`` ems, a URL, counts as that long and may break);
- then, while the width lasts, as wide as each body cell's whole text on one line (up to
  ``WISH_SHARE`` of the width);
- at each step short of the next, every column grows the same share of the way, so equal
  columns stay equal; width left over is shared equally;
- a table whose figures cannot fit is refused (``TableTooWide``) naming the page and the table.

Both renderers draw these widths, so Word and the PDF break the same lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from ..errors import TableTooWide
from ..style import HouseStyle
from .grid import place
from .metrics import Measure
from .nodes import LayoutRow, Scope, Table

SLACK = 1.0  # points more than a token measures: Word's twip rounding and its own measuring
LONG_WORD = 8  # ems: a word wider than this (a URL, a name run together) may break; a figure never
WISH_SHARE = 1 / 3  # no cell asks for more than this part of the text width to stay on one line

Needs = list[list[float]]  # hard, soft and wished-for widths of each column, in points


def _needs(rows: tuple[LayoutRow, ...], columns: int, kind: str, style: HouseStyle,
           width: float) -> tuple[Needs, list[tuple[int, int, list[float]]], set[int]]:
    """Return each column's hard, soft and wished-for width; each spanning cell's (first
    column, span, its three needs), in points with padding; and the columns with text below
    their headers."""
    pad = 2 * style.spacing.cell_side + SLACK
    table = Measure(style, style.table_size)
    small = Measure(style, style.small_size)
    base = pad + style.table_size / 2  # an empty column keeps half an em
    needs = [[base] * columns for _ in range(3)]
    spanning = []
    filled = set()
    for placed in place(Table(rows, (1 / columns,) * columns, "", kind)):
        cell = placed.cell
        measure = small if cell.small else table
        figure, token, lines = measure.tokens(cell.spans, LONG_WORD * measure.size)
        header = cell.scope is Scope.COLUMN
        hard = pad + (0.0 if header else figure)
        soft = pad + token
        wish = soft if header else max(soft, min(pad + max(lines), width * WISH_SHARE))
        if cell.colspan > 1:
            spanning.append((placed.column, cell.colspan, [hard, soft, wish]))
            continue
        column = placed.column
        if not header and cell.text.strip():
            filled.add(column)
        for level, need in enumerate((hard, soft, wish)):
            needs[level][column] = max(needs[level][column], need)
    return needs, spanning, filled


def _spread(widths: list[float], spanning: list[tuple[int, int, list[float]]], level: int) -> None:
    """Widen the columns under each spanning cell equally where together they are too narrow."""
    for first, span, needs in spanning:
        short = needs[level] - sum(widths[first:first + span])
        if short > 0:
            for column in range(first, first + span):
                widths[column] += short / span


def _evened(widths: list[float], same: list[int]) -> list[float]:
    """Return ``widths`` with the columns in ``same`` as wide as the widest of them."""
    widest = max((widths[i] for i in same), default=0.0)
    return [widest if i in same else w for i, w in enumerate(widths)]


def fit_widths(rows: tuple[LayoutRow, ...], columns: int, kind: str, style: HouseStyle, *,
               where: str, equal: range = range(0),
               floors: Mapping[int, float] | None = None) -> tuple[float, ...]:
    """Return column widths, as fractions of the text width summing to 1 (see the module).

    ``equal`` columns with figures get the same width where that fits (an empty one may be
    narrower); ``floors`` give columns a wished-for share of the text width (a column of names
    that reads better as phrases), kept while the width lasts. ``where`` names the table and
    its page for the error. Raises ``TableTooWide`` when the figures cannot fit the page.
    """
    width = style.page_setup.text_width
    needs, spanning, filled = _needs(rows, columns, kind, style, width)
    for column, floor in (floors or {}).items():
        needs[2][column] = max(needs[2][column], floor * width)
    same = [i for i in equal if i in filled]
    for level in range(3):
        for below in range(level):  # each level at least the one below
            needs[level] = [max(a, b) for a, b in zip(needs[level], needs[below], strict=True)]
        _spread(needs[level], spanning, level)
        evened = _evened(needs[level], same)
        if sum(evened) <= width or level == 2:  # equal where they fit, else each its own
            needs[level] = evened
    hard = sum(needs[0])
    if hard > width:
        raise TableTooWide(
            f"{where}: its {columns} columns need {hard:.0f} pt to keep each figure whole at "
            f"{style.table_size:g} pt, but the page leaves {width:.0f} pt: show fewer columns "
            "(fewer periods, or no target or DoT column), split the table into two, or use a "
            "landscape template")
    for low, high in itertools.pairwise(needs):
        if sum(high) > width:  # grow each column the same share of the way from low to high
            share = (width - sum(low)) / (sum(high) - sum(low))
            fitted = [a + (b - a) * share for a, b in zip(low, high, strict=True)]
            break
    else:
        spare = (width - sum(needs[2])) / columns
        fitted = [w + spare for w in needs[2]]
    return tuple(w / width for w in fitted)
