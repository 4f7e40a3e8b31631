"""Read figures ("41%", "2,774 (955.6)", 9.38) and marks ("↓ ✓") as written."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..model import (
    Direction,
    Judgement,
    Mark,
    NotAFigure,
    Number,
    Pair,
    Unit,
    Value,
    check_figure,
    parse_figure,
)
from .context import Context

_PAIR = re.compile(r"^(?P<first>[^()]+?)\s*\((?P<second>[^()]+)\)$")
_UP, _DOWN, _SAME = "↑⬆▲", "↓⬇▼", "↔⇔⬌→"
_BETTER, _WORSE = "✓✔☑", "✗✘✖xX×"
_WORDS: dict[str, Direction | Judgement] = {
    "up": Direction.UP, "down": Direction.DOWN, "same": Direction.SAME,
    "better": Judgement.BETTER, "worse": Judgement.WORSE, "neutral": Judgement.NEUTRAL,
}


def _number(text: str, unit: Unit, *, decimal_comma: bool = False) -> Number:
    """Return the figure a string spells, its symbol checked against the unit.

    Raise ValueError saying what to write (``model.parse_figure``'s rules).
    """
    written = parse_figure(text, decimal_comma=decimal_comma)
    spelled = {"%": Unit.PERCENT, "£": Unit.MONEY}.get(written.symbol or "")
    if spelled is not None and unit not in (spelled, Unit.NUMBER):
        raise ValueError(f"{text.strip()!r} is written as {spelled.value} but the figure is {unit.value}: "
                         f"write it without {written.symbol}, or correct the unit")
    return Number(written.value, spelled or unit)


PERCENT_LIMIT = Decimal(1000)


def read_value(ctx: Context, value: Any, path: str, unit: Unit) -> Value | None:
    """Return a figure or a count with its rate; None (with no problem) for a blank.

    A figure out of the model's range (``check_figure``) is a problem at its place.
    """
    try:
        figure = _read_value(ctx, value, path, unit)
    except ValueError as error:
        ctx.problem(path, str(error))
        return None
    if isinstance(figure, Pair) and unit in (Unit.PERCENT, Unit.MONEY):
        ctx.problem(path, f"a count with its rate is not a {unit.value} figure: give the row (or its "
                    "indicator) the unit count, or write one figure")
        return None
    if isinstance(figure, Number) and figure.unit is Unit.PERCENT and abs(figure.value) > PERCENT_LIMIT:
        ctx.problem(path, f"{figure.value}% is not a believable percentage: write 40 or '40%' for "
                    "40%; if a figure really is beyond 1,000%, give the row the unit 'number'")
        return None
    return figure


def _read_value(ctx: Context, value: Any, path: str, unit: Unit) -> Value | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, list) and len(value) == 2:
        first = read_value(ctx, value[0], f"{path}[0]", Unit.COUNT)
        second = read_value(ctx, value[1], f"{path}[1]", Unit.RATE)
        if isinstance(first, Number) and isinstance(second, Number):
            return Pair(first, second)
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        expected = "a number or blank" if unit is Unit.NUMBER else f"a number or blank ({unit.value})"
        ctx.problem(path, f"expected {expected}, got {ctx.describe(value)}")
        return None
    text = ctx.source.raw.get(path)  # a plain YAML scalar: exactly as typed
    if text is None:
        text = _as_written(value)
    try:
        return _number(text, unit)
    except NotAFigure as error:
        pair = _PAIR.match(text.strip()) if len(text) <= 100 else None  # a pair is short: no long backtracking
        if pair:
            try:
                return Pair(_number(pair["first"], Unit.COUNT), _number(pair["second"], Unit.RATE))
            except ValueError:
                raise error from None
        expected = "a number or blank" if unit is Unit.NUMBER else f"a number or blank ({unit.value})"
        raise ValueError(f"expected {expected}, got {ctx.describe(value)}") from None


def _as_written(value: str | int | float | Decimal) -> str:
    """Return a figure given in Python (not YAML text) as it would have been typed."""
    if isinstance(value, float):  # its shortest repr is what was typed: 44.6 stays 44.6
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        check_figure(value)  # before writing it out: 1E+999999999 has a billion digits
        return format(value, "f")
    return str(value)


def read_mark(ctx: Context, value: Any, path: str) -> Mark | None:
    """Return a mark written as symbols (``↓ ✓``, ``↑✘``, ``↔``) or words (``down better``)."""
    text = ctx.text(value, path)
    direction: Direction | None = None
    judgement: Judgement | None = None
    found: Direction | Judgement
    for token in re.findall(r"[a-zA-Z]{2,}|\S", text):
        word = token.lower()
        if word in _WORDS:
            found = _WORDS[word]
        elif token in _UP:
            found = Direction.UP
        elif token in _DOWN:
            found = Direction.DOWN
        elif token in _SAME:
            found = Direction.SAME
        elif token in _BETTER:
            found = Judgement.BETTER
        elif token in _WORSE:
            found = Judgement.WORSE
        else:
            ctx.problem(path, f"{text!r} is not a mark: write an arrow (↑ ↓ ↔) then ✓ or ✗, "
                        "or words such as 'down better'")
            return None
        if isinstance(found, Direction):
            direction = found
        else:
            judgement = found
    if direction is None:
        if text.strip():
            ctx.problem(path, f"the mark {text!r} has no direction: start it with ↑, ↓ or ↔")
        return None
    return Mark(direction, judgement)
