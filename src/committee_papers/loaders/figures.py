"""Read figures ("41%", "2,774 (955.6)", 9.38) and marks ("↓ ✓") as written."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..model import Direction, Judgement, Mark, Number, Pair, Unit, Value, check_figure
from .context import Context

_FIGURE = re.compile(r"^(?P<sign>[-−])?(?P<money>£)?(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)(?P<pct>%)?$")
_PAIR = re.compile(r"^(?P<first>[^()]+?)\s*\((?P<second>[^()]+)\)$")

_UP, _DOWN, _SAME = "↑⬆▲", "↓⬇▼", "↔⇔⬌→"
_BETTER, _WORSE = "✓✔☑", "✗✘✖xX×"
_WORDS: dict[str, Direction | Judgement] = {
    "up": Direction.UP, "down": Direction.DOWN, "same": Direction.SAME,
    "better": Judgement.BETTER, "worse": Judgement.WORSE, "neutral": Judgement.NEUTRAL,
}


def _number(text: str, unit: Unit) -> Number | None:
    """Return the figure a string spells, checking its symbol against the unit."""
    match = _FIGURE.match(text.strip())
    if not match:
        return None
    spelled = Unit.PERCENT if match["pct"] else Unit.MONEY if match["money"] else None
    if spelled is not None and unit not in (spelled, Unit.NUMBER):
        return None
    sign = "-" if match["sign"] else ""
    try:
        value = Decimal(sign + match["digits"].replace(",", ""))
    except InvalidOperation:
        return None
    check_figure(value)  # ValueError: the reader reports it at the figure's place
    return Number(value, spelled or unit)


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
    raw = ctx.source.raw.get(path)
    if isinstance(value, float):  # from a mapping built in Python: its shortest repr is what was typed
        value = Decimal(repr(value)) if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        number = _number(raw if raw is not None else str(value), unit)
        if number is None:  # 1e3 and the like
            try:
                number = Number(Decimal(str(value)), unit)
            except InvalidOperation:
                number = None
        if number is not None:
            return number
    if isinstance(value, str):
        number = _number(value, unit)
        if number is not None:
            return number
        pair = _PAIR.match(value.strip())
        if pair:
            first, second = _number(pair["first"], Unit.COUNT), _number(pair["second"], Unit.RATE)
            if first is not None and second is not None:
                return Pair(first, second)
    expected = "a number or blank" if unit is Unit.NUMBER else f"a number or blank ({unit.value})"
    ctx.problem(path, f"expected {expected}, got {ctx.describe(value)}")
    return None


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
