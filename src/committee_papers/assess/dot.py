"""The direction-of-travel engine: which way a figure moved, and whether that is good."""

from __future__ import annotations

from decimal import Decimal

from ..model import Direction, Judgement, Number, Polarity, Value, headline
from .results import Assessment


def _figure(value: Value | Number | Decimal | int | float | str) -> Decimal:
    if isinstance(value, (Decimal, int, float, str)):
        return Number(value).value  # plain numbers and text as every input reads them
    return headline(value).value


def assess_change(
    current: Value | Decimal | int | float | str,
    reference: Value | Decimal | int | float | str,
    polarity: Polarity,
    tolerance: Decimal | int = 0,
) -> Assessment:
    """Return how ``current`` moved against ``reference`` and whether that is better.

    ``current`` and ``reference`` are figures (``Number``, a count with its rate) or plain
    numbers (``50.1``, ``Decimal("50.4")``, ``"1,234"``). A difference no larger than
    ``tolerance`` counts as no change. A count with its rate is compared on the count. Raise
    ValueError for a negative tolerance or text that is not a figure.
    """
    tolerance = Decimal(tolerance)
    if tolerance < 0:
        raise ValueError(f"tolerance must not be negative, got {tolerance}")
    difference = _figure(current) - _figure(reference)
    if abs(difference) <= tolerance:
        return Assessment(Direction.SAME, Judgement.NEUTRAL)
    direction = Direction.UP if difference > 0 else Direction.DOWN
    if polarity is Polarity.NONE:
        return Assessment(direction, Judgement.NEUTRAL)
    good = Direction.UP if polarity is Polarity.HIGH else Direction.DOWN
    return Assessment(direction, Judgement.BETTER if direction is good else Judgement.WORSE)
