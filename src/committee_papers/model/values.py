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


@dataclass(frozen=True, slots=True)
class Number:
    """A figure exactly as given: ``Decimal('9.38')`` keeps its two places."""

    value: Decimal
    unit: Unit = Unit.NUMBER

    def __post_init__(self) -> None:
        if not isinstance(self.value, Decimal):
            # int and str convert exactly; a float goes through repr so 44.6 stays 44.6
            raw = repr(self.value) if isinstance(self.value, float) else self.value
            object.__setattr__(self, "value", Decimal(raw))
        check_figure(self.value)

    @property
    def places(self) -> int:
        """Return the number of decimal places the figure was given with."""
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(0, -exponent)


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
