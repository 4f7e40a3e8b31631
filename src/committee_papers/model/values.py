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
        if not self.value.is_finite():
            raise ValueError(f"a figure must be a finite number, got {self.value}")

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
