"""Fit a table to the page: its font size, cell padding and column widths, in points.

Each cell is measured once in the house style's fonts (``metrics``), in ems, so it can be
tried at every size the house style allows (``TableFit``) against a text width in points:

- a column is at least as wide as its widest figure in a body cell (``2,912``; each half of a
  figure pair, ``2,912 (1,000.4)``, which breaks only at its space): the hard need;
- then, while the width lasts, as wide as its widest word and header word (a word longer than
  ``LONG_WORD`` ems, a URL, counts as that long and may break);
- then, while the width lasts, as wide as each body cell's whole text on one line (up to
  ``WISH_SHARE`` of the width);
- at each step short of the next, every column grows the same share of the way, so equal
  columns stay equal; width left over is shared equally.

The first setting (the style's own size and padding, then less padding, then smaller type, half
a point at a time down to ``TableFit.min_size``) at which every figure and word is whole is
used (``WORDS``); when none fits, ``fit_table`` returns None and the caller turns the page or
splits the columns (``layout/split.py``), and only when nothing keeps every word whole does it
ask for every figure whole (``FIGURES``), letting long words break.

Both renderers draw these widths at this size and padding, so Word and the PDF break the same
lines. This is our own code because it is the product: no library lays out committee tables.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..style import HouseStyle
from .grid import place
from .metrics import Measure
from .nodes import LayoutRow, Scope, Span, Table

SLACK = 1.0  # points more than a token measures: Word's twip rounding and its own measuring
LONG_WORD = 8  # ems: a word wider than this (a URL, a name run together) may break; a figure never
WISH_SHARE = 1 / 3  # no cell asks for more than this part of the text width to stay on one line


@dataclass(frozen=True, slots=True)
class Fit:
    """How a table is set: column widths as fractions of the text width (summing to 1), the
    font size of its body and header text and the padding either side of a cell, in points."""

    widths: tuple[float, ...]
    size: float
    cell_side: float
    step: int  # which of ``settings`` it is, from 0 (the house style's own)


@dataclass(frozen=True, slots=True)
class _Cell:
    """One cell's needs in ems at its own size: widest figure, widest token, its lines."""

    column: int
    span: int
    header: bool
    filled: bool
    scale: float  # its size over the table's (a small cell's is less than 1)
    figure: float
    token: float
    line: float


SHARED_TEXT = 40  # characters: shorter cells (figures, headers) recur from page to page and are kept


@dataclass(slots=True)
class Memo:
    """What one page's tries at fitting its tables share, so nothing is made or measured twice:
    each short run of spans' needs in ems (shared with the report's other pages), each table's
    cells (by the identity of its rows, which the memo keeps alive), and whatever else a caller
    keeps by key (``kept``)."""

    spans: dict[tuple[Span, ...], tuple[float, float, list[float]]] = field(default_factory=dict)
    tables: dict[int, tuple[tuple[LayoutRow, ...], list[_Cell]]] = field(default_factory=dict)
    kept: dict[object, object] = field(default_factory=dict)
    measure: Measure | None = None  # the house style's fonts at 1 pt (found on first use)

    def next_page(self) -> Memo:
        """Return a memo for another page of the same report in the same house style: it shares
        this one's measured spans and fonts (spans are measured in ems, whatever the size), not
        its tables."""
        return Memo(self.spans, measure=self.measure)


def _cells(rows: tuple[LayoutRow, ...], columns: int, kind: str, style: HouseStyle,
           memo: Memo | None = None) -> list[_Cell]:
    """Return every cell's needs in ems, measured once at 1 pt (once a page with ``memo``)."""
    if memo is not None and id(rows) in memo.tables:
        return memo.tables[id(rows)][1]
    if memo is None:
        return _measure(rows, columns, kind, style, {}, Measure(style, 1.0))
    if memo.measure is None:
        memo.measure = Measure(style, 1.0)
    cells = _measure(rows, columns, kind, style, memo.spans, memo.measure)
    memo.tables[id(rows)] = (rows, cells)
    return cells


def _measure(rows: tuple[LayoutRow, ...], columns: int, kind: str, style: HouseStyle,
             memo: dict[tuple[Span, ...], tuple[float, float, list[float]]], measure: Measure) -> list[_Cell]:
    small = style.small_size / style.table_size
    pairs_break = style.table_fit.pairs_break
    cells = []
    for placed in place(Table(rows, (1 / columns,) * columns, "", kind)):
        cell = placed.cell
        found = memo.get(cell.spans)
        if found is None:
            found = measure.tokens(cell.spans, LONG_WORD)
            if len(cell.text) <= SHARED_TEXT:
                memo[cell.spans] = found
        figure, token, lines = found
        if not pairs_break and not any(char.isalpha() for char in cell.text):
            figure = max(figure, *lines)  # a pair of figures is as unbreakable as one
        header = cell.scope is Scope.COLUMN
        cells.append(_Cell(placed.column, cell.colspan, header, not header and bool(cell.text.strip()),
                           small if cell.small else 1.0, figure, token, max(lines)))
    return cells


def settings(style: HouseStyle) -> Iterator[tuple[float, float]]:
    """Yield the (font size, cell padding) a table may be set at, in the order tried: the
    house style's own, then padding in half points down to ``min_cell_side``, then the type
    in half points down to ``min_size`` at that padding."""
    fit = style.table_fit
    size, side = style.table_size, style.spacing.cell_side
    yield size, side
    while side - 0.5 >= fit.min_cell_side:
        side -= 0.5
        yield size, side
    while size - 0.5 >= fit.min_size:
        size -= 0.5
        yield size, side


@dataclass(frozen=True, slots=True)
class _Summary:
    """A table's needs in ems, size-free: each column's widest figure, token and body line over
    its one-column cells (-1 for none; a small cell's scaled), and its spanning cells."""

    figure: list[float]
    token: list[float]
    line: list[float]
    spanning: list[_Cell]


def _summary(cells: list[_Cell], columns: int) -> _Summary:
    """Return the maxima a column's need at any size is made of: ``pad + size x ems`` grows with
    the size, so the widest cell at one size is the widest at all."""
    figure, token, line = [-1.0] * columns, [-1.0] * columns, [-1.0] * columns
    spanning = []
    for cell in cells:
        if cell.span > 1:
            spanning.append(cell)
            continue
        column, scale = cell.column, cell.scale
        token[column] = max(token[column], cell.token * scale)
        if not cell.header:
            figure[column] = max(figure[column], cell.figure * scale)
            line[column] = max(line[column], cell.line * scale)
    return _Summary(figure, token, line, spanning)


def _needs(summary: _Summary, columns: int, size: float, side: float,
           width: float) -> tuple[list[list[float]], list[tuple[int, int, list[float]]]]:
    """Return each column's hard, soft and wished-for width at ``size`` and padding ``side``,
    and each spanning cell's (first column, span, its three needs), in points."""
    pad = 2 * side + SLACK
    base = pad + size / 2  # an empty column keeps half an em
    cap = width * WISH_SHARE
    hard = [max(base, pad + size * ems) if ems >= 0 else base for ems in summary.figure]
    soft = [max(base, pad + size * ems) if ems >= 0 else base for ems in summary.token]
    wish = [max(s, min(pad + size * ems, cap)) if ems >= 0 else s for s, ems in zip(soft, summary.line, strict=True)]
    spanning = []
    for cell in summary.spanning:
        points = size * cell.scale
        soft_need = pad + cell.token * points
        spanning.append((cell.column, cell.span, [
            pad + (0.0 if cell.header else cell.figure * points), soft_need,
            soft_need if cell.header else max(soft_need, min(pad + cell.line * points, cap))]))
    return [hard, soft, wish], spanning


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


def _levels(cells: _Summary, columns: int, size: float, side: float, width: float, same: list[int],
            floors: Mapping[int, float]) -> list[list[float]]:
    """Return the hard, soft and wished-for widths of each column, each level at least the one
    below, equal columns equal where that fits."""
    needs, spanning = _needs(cells, columns, size, side, width)
    for column, floor in floors.items():
        needs[2][column] = max(needs[2][column], floor * width)
    for level in range(3):
        for below in range(level):
            needs[level] = [max(a, b) for a, b in zip(needs[level], needs[below], strict=True)]
        _spread(needs[level], spanning, level)
        evened = _evened(needs[level], same)
        if sum(evened) <= width or level == 2:  # equal where they fit, else each its own
            needs[level] = evened
    return needs


def _shared(needs: list[list[float]], width: float) -> tuple[float, ...]:
    """Return the widths as fractions: grown from one level towards the next as far as the width
    allows, every column the same share of the way."""
    for low, high in itertools.pairwise(needs):
        if sum(high) > width:
            share = (width - sum(low)) / (sum(high) - sum(low))
            fitted = [a + (b - a) * share for a, b in zip(low, high, strict=True)]
            break
    else:
        spare = (width - sum(needs[2])) / len(needs[2])
        fitted = [w + spare for w in needs[2]]
    return tuple(w / width for w in fitted)


WORDS, FIGURES = 1, 0  # what a fit keeps whole: every word and figure, or every figure


def fit_table(rows: tuple[LayoutRow, ...], columns: int, kind: str, style: HouseStyle, width: float, *,
              whole: int = WORDS, equal: range = range(0), floors: Mapping[int, float] | None = None,
              start: int = 0, memo: Memo | None = None) -> Fit | None:
    """Return how to set a table of ``columns`` columns in ``width`` points (see the module), or
    None when even at the least size and padding the style allows what ``whole`` names (every
    word and figure, ``WORDS``, or every figure, ``FIGURES``) cannot fit whole.

    ``equal`` columns with figures get the same width where that fits (an empty one may be
    narrower); ``floors`` give columns a wished-for share of the width (a column of names that
    reads better as phrases), kept while the width lasts; ``start`` skips the first settings
    (parts of one table are set alike); ``memo`` keeps what is measured for the next try.
    """
    measured = _cells(rows, columns, kind, style, memo)
    filled = {cell.column for cell in measured if cell.filled and cell.span == 1}
    cells = _summary(measured, columns)
    same = [i for i in equal if i in filled]
    for step, (size, side) in enumerate(settings(style)):
        if step < start:
            continue
        needs = _levels(cells, columns, size, side, width, same, floors or {})
        if sum(needs[whole]) <= width:
            return Fit(_shared(needs, width), size, side, step)
    return None


def least_width(rows: tuple[LayoutRow, ...], columns: int, kind: str, style: HouseStyle) -> tuple[float, float]:
    """Return the width in points the table's figures need at the least size the style allows,
    and that size."""
    cells = _summary(_cells(rows, columns, kind, style), columns)
    size, side = list(settings(style))[-1]
    return sum(_levels(cells, columns, size, side, float("inf"), [], {})[0]), size


def fit_given(rows: tuple[LayoutRow, ...], given: tuple[float, ...], kind: str, style: HouseStyle, width: float, *,
              whole: int = WORDS, memo: Memo | None = None) -> Fit | None:
    """Return how to set a table whose column widths were given (fractions of the text width,
    summing to 1): as given, at the house style's size, where every column holds its figures;
    else fitted as ``fit_table`` does, the given widths wished for while the width lasts; None
    when that cannot fit either."""
    columns = len(given)
    cells = _summary(_cells(rows, columns, kind, style, memo), columns)
    size, side = style.table_size, style.spacing.cell_side
    hard = _levels(cells, columns, size, side, width, [], {})[0]
    if all(need <= share * width for need, share in zip(hard, given, strict=True)):
        return Fit(given, size, side, 0)
    return fit_table(rows, columns, kind, style, width, whole=whole, memo=memo,
                     floors=dict(enumerate(given)))
