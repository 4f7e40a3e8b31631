"""Targets written in words: the figure they hold, and which side of it is met.

Councils write targets as "Decrease to 14%", "Fewer than 85", "At least 90%", "Within 5% of
budget" or "Increase on previous year". The first three hold a figure, and the target is met
on one side of it; "Increase/Decrease on previous year" (and "on last year") is a rule against
last year's outturn; anything else is shown exactly as typed and no mark is drawn against it.
The wording is always what the page shows.

The phrases read are listed in ``AT_MOST``, ``BELOW``, ``AT_LEAST``, ``ABOVE`` and ``EXACTLY``
below; a phrase is followed by a figure (``parse_figure``'s rules) and, optionally, by words
(``Fewer than 85 children``).
"""

from __future__ import annotations

import re
from enum import Enum

from .figures import parse_figure
from .values import Number, Polarity, Unit


class TargetComparison(Enum):
    """Which side of a target's figure meets it."""

    AT_LEAST = "at_least"  # the figure or more
    ABOVE = "above"  # more than the figure
    AT_MOST = "at_most"  # the figure or less
    BELOW = "below"  # less than the figure
    EXACTLY = "exactly"

    @property
    def polarity(self) -> Polarity:
        """Return the polarity the comparison implies: more is better, or less is."""
        if self in (TargetComparison.AT_LEAST, TargetComparison.ABOVE):
            return Polarity.HIGH
        if self in (TargetComparison.AT_MOST, TargetComparison.BELOW):
            return Polarity.LOW
        return Polarity.NONE

    def met(self, value: Number, target: Number) -> bool:
        """Return whether ``value`` meets a target of ``target`` compared this way."""
        a, b = value.value, target.value
        return {TargetComparison.AT_LEAST: a >= b, TargetComparison.ABOVE: a > b,
                TargetComparison.AT_MOST: a <= b, TargetComparison.BELOW: a < b,
                TargetComparison.EXACTLY: a == b}[self]


_FIGURE = r"(?P<figure>[+\-\u2212]?\s*£?\s*\d[\d,.]*\s*%?)"
_WORDS = r"(?:\s+[^\d].*)?"  # "children", "or fewer", "per 10,000"
_PHRASES: dict[TargetComparison, tuple[str, ...]] = {
    TargetComparison.AT_MOST: (r"(?:decrease|reduce|lower|cut|bring\s+down|fall|drop)\s+(?:it\s+)?to",
                               r"no\s+more\s+than", r"not\s+more\s+than", r"no\s+higher\s+than", r"at\s+most",
                               r"maximum(?:\s+of)?", r"max\.?", r"up\s+to", r"≤", r"<="),
    TargetComparison.BELOW: (r"(?:fewer|less|lower)\s+than", r"below", r"under", r"<"),
    TargetComparison.AT_LEAST: (r"(?:increase|raise|improve|grow|rise)\s+(?:it\s+)?to", r"at\s+least",
                                r"no\s+(?:less|fewer|lower)\s+than", r"minimum(?:\s+of)?", r"min\.?", r"≥",
                                r">="),
    TargetComparison.ABOVE: (r"(?:more|greater|higher)\s+than", r"above", r"over", r">"),
    TargetComparison.EXACTLY: (r"exactly", r"equal\s+to", r"="),
}
_PATTERNS = [(comparison, re.compile(rf"^\s*(?:{phrase})\s*{_FIGURE}{_WORDS}\s*$", re.IGNORECASE))
             for comparison, phrases in _PHRASES.items() for phrase in phrases]
_RULE = re.compile(r"^\s*(?P<way>increase|decrease|improve|reduce)\s+on\s+(?:the\s+)?(?:previous|last|prior)\s+"
                   r"year('s)?\b", re.IGNORECASE)


def read_wording(text: str, *, decimal_comma: bool = False) -> tuple[TargetComparison, str] | str | None:
    """Return what a target's wording holds: (comparison, the figure as written), ``"increase"``
    or ``"decrease"`` for a rule on the previous year, or None when it holds neither."""
    if len(text) > 200:
        return None
    rule = _RULE.match(text)
    if rule:
        return "increase" if rule["way"].lower() in ("increase", "improve") else "decrease"
    for comparison, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            figure = match["figure"].strip()
            try:
                parse_figure(figure, decimal_comma=decimal_comma)
            except ValueError:
                return None
            return comparison, figure
    return None


def threshold(figure: str, unit: Unit, *, decimal_comma: bool = False) -> Number:
    """Return the figure a wording holds as a Number of ``unit`` (a ``%`` or ``£`` as written).

    Raise ValueError when the symbol written contradicts ``unit`` ("14%" for a count).
    """
    written = parse_figure(figure, decimal_comma=decimal_comma)
    spelled = {"%": Unit.PERCENT, "£": Unit.MONEY}.get(written.symbol or "")
    if spelled is not None and unit not in (spelled, Unit.NUMBER):
        raise ValueError(f"the target's figure {figure.strip()!r} is written as {spelled.value} but the "
                         f"indicator is {unit.value}: write it without {written.symbol}, or correct the unit")
    return Number(written.value, spelled or unit)


__all__ = ["TargetComparison", "read_wording", "threshold"]
