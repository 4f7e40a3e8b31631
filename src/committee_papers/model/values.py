"""Numbers with a unit, polarity, and published direction-of-travel marks."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum


class Unit(Enum):
    """What a figure measures; decides how it is written."""

    PERCENT = "percent"
    COUNT = "count"
    RATE = "rate"
    MONEY = "money"
    DAYS = "days"
    NUMBER = "number"


class Polarity(Enum):
    """Which way is better: the seeds' "Better to be? High/Low"."""

    HIGH = "high"
    LOW = "low"
    NONE = "none"

    @property
    def label(self) -> str:
        """Return the word shown in the "Better to be?" column."""
        return {"high": "High", "low": "Low", "none": "n/a"}[self.value]


class Direction(Enum):
    """The way a value moved against its reference."""

    UP = "up"
    DOWN = "down"
    SAME = "same"


class Judgement(Enum):
    """Whether a movement is good news, given the polarity."""

    BETTER = "better"
    WORSE = "worse"
    NEUTRAL = "neutral"


MAX_DIGITS = 15  # a figure is less than 10**15 in size: a council's budget is below 10**12
MAX_PLACES = 10  # and has at most ten decimal places


def check_figure(value: Decimal) -> None:
    """Raise ValueError unless ``value`` is a finite figure this library can write.

    The bounds (``abs(value) < 10**MAX_DIGITS``, at most ``MAX_PLACES`` decimal places) keep
    every figure printable: ``1e999999999`` would take a gigabyte to write out. The check
    looks only at the exponent, so it is cheap for any input.
    """
    if not value.is_finite():
        raise ValueError(f"a figure must be a finite number, got {value}")
    if value and value.adjusted() >= MAX_DIGITS:
        raise ValueError(f"{_short(value)} is too large for a figure (the limit is 10^{MAX_DIGITS}): "
                         "check the figure and its unit")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > MAX_PLACES:
        raise ValueError(f"{_short(value)} has {-exponent} decimal places (at most {MAX_PLACES} are "
                         "allowed): round it to the places you mean to publish")


def _short(value: Decimal) -> str:
    text = str(value)
    return text if len(text) <= 30 else f"{text[:12]}…{text[-12:]}"


Figure = Decimal | int | float | str  # what a script may give a Number: written as it is to be published


@dataclass(frozen=True, slots=True, init=False)
class Number:
    """A figure exactly as given: ``Number("9.38")`` keeps its two places.

    ``value`` may be a Decimal, an int, a float (taken at its shortest form: 44.6 stays 44.6)
    or text as a council writes it (``"1,234"``, ``"45.1%"``, ``"£4.10"``: a ``%`` or ``£``
    sets the unit when none is given). Raise ValueError for text that is not a figure, a
    symbol the unit contradicts, or a figure out of range (``check_figure``).
    """

    value: Decimal
    unit: Unit

    def __init__(self, value: Figure, unit: Unit | None = None) -> None:
        if isinstance(value, bool) or not isinstance(value, (Decimal, int, float, str)):
            raise TypeError(f"a figure is a number or text such as '1,234', got {type(value).__name__}")
        if isinstance(value, str):
            from .figures import parse_figure  # a figure's text is read as every input's is

            written = parse_figure(value)
            spelled = {"%": Unit.PERCENT, "£": Unit.MONEY}.get(written.symbol or "")
            if spelled is not None and unit not in (None, spelled, Unit.NUMBER):
                raise ValueError(f"{value!r} is written as {spelled.value} but the unit is {unit.value}")
            number, unit = written.value, unit if unit not in (None, Unit.NUMBER) else (spelled or unit)
        elif isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError(f"a figure must be a finite number, got {value}")
            number = Decimal(repr(value))
        else:
            number = Decimal(value)
        check_figure(number)
        object.__setattr__(self, "value", number)
        object.__setattr__(self, "unit", unit if unit is not None else Unit.NUMBER)

    @property
    def places(self) -> int:
        """Return the number of decimal places the figure was given with."""
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(0, -exponent)

    def with_unit(self, unit: Unit) -> Number:
        """Return the figure in ``unit`` when it has none of its own (its unit is NUMBER)."""
        return Number(self.value, unit) if self.unit is Unit.NUMBER and unit is not Unit.NUMBER else self


@dataclass(frozen=True, slots=True)
class Pair:
    """A count shown with its rate, as ``2,774 (955.6)``."""

    primary: Number
    secondary: Number


Value = Number | Pair


def headline(value: Value) -> Number:
    """Return the figure that comparisons use: the count of a count-with-rate pair."""
    return value.primary if isinstance(value, Pair) else value


@dataclass(frozen=True, slots=True)
class Mark:
    """A direction-of-travel mark as published, e.g. ``↓ ✓``."""

    direction: Direction
    judgement: Judgement | None = None
