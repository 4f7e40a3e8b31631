"""The rules of a pack, as plain configuration: how a status is judged, which indicators are
selected, and the three councils' published rules as presets.

A status rule states, for each status, the comparison with the target (met, within a
tolerance, missed by more) and, for the in-between status, the trend comparison (against the
previous period or the same period last year) and whether "maintained" counts as improved.
The presets reproduce their councils' published wording:

- ``havering``: "Green = on target or within 10% of it; Amber = more than 10% off target but
  improved or maintained compared with the same quarter last year; Red = more than 10% off
  target and not improved compared with the same quarter last year" (London Borough of
  Havering, quarterly corporate performance reports, 2013–15). Later reports replace the 10%
  with a per-indicator "variable tolerance": an indicator's own ``tolerance`` does that here.
- ``belfast``: "Green within 1%, Amber 1–5%, Red 5% or more" off target (Belfast City Council).
- ``blackpool``: Blackpool's pages publish no RAG; the pack uses Havering's status rules with
  Blackpool's marks (the value's arrow and a tick or cross).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .status import DotConvention


class RagMethod(Enum):
    """How the distance from target becomes a status."""

    TOLERANCE = "tolerance"  # Green within tolerance, else Amber if improved, else Red
    BANDS = "bands"  # fixed bands of distance: Green, Amber, Red


class Distance(Enum):
    """How far from target is measured."""

    PERCENT_OF_TARGET = "percent"  # a fraction of the target: 0.1 is 10% of it
    POINTS = "points"  # the plain difference: percentage points for a percentage


class Trend(Enum):
    """What the in-between status compares the latest figure with."""

    PREVIOUS_PERIOD = "previous_period"  # Q3 against Q2
    SAME_PERIOD_LAST_YEAR = "same_period_last_year"  # Q3 2016/17 against Q3 2015/16


@dataclass(frozen=True, slots=True)
class StatusRules:
    """The settings of the status rules; every threshold is a distance from the target.

    Raise ValueError for a negative threshold, or bands that overlap.
    """

    method: RagMethod = RagMethod.TOLERANCE
    tolerance: Decimal = Decimal("0.1")  # TOLERANCE: Green up to this far off
    green_within: Decimal = Decimal("0.01")  # BANDS: Green up to this far off
    red_from: Decimal = Decimal("0.05")  # BANDS: Red from this far off
    distance: Distance = Distance.PERCENT_OF_TARGET
    trend: Trend = Trend.SAME_PERIOD_LAST_YEAR  # TOLERANCE: Amber if improved against this
    maintained: bool = True  # TOLERANCE: "improved or maintained" — no change counts as improved
    indicator_tolerance: bool = True  # an indicator's own tolerance replaces the Green limit
    change_tolerance: Decimal = Decimal(0)  # a change this small counts as no change
    long_term_outturn: bool = True  # the same period last year falls back to last year's outturn
    dot: DotConvention = DotConvention.BLACKPOOL  # for the renderers

    def __post_init__(self) -> None:
        for name in ("tolerance", "green_within", "red_from", "change_tolerance"):
            value = Decimal(getattr(self, name))
            if not value.is_finite() or value < 0:
                raise ValueError(f"{name} must be a number of at least 0, got {value}")
            object.__setattr__(self, name, value)
        if self.green_within > self.red_from:
            raise ValueError(f"green_within ({self.green_within}) must not exceed red_from ({self.red_from})")


def havering(tolerance: Decimal | str = "0.1", *, dot: DotConvention = DotConvention.BETTER_WORSE,
             change_tolerance: Decimal | str = "0", indicator_tolerance: bool = True,
             long_term_outturn: bool = True, trend: Trend = Trend.SAME_PERIOD_LAST_YEAR,
             maintained: bool = True) -> StatusRules:
    """Return Havering's published rule: Green within the tolerance; else Amber if improved or
    maintained against the same quarter last year; else Red."""
    return StatusRules(RagMethod.TOLERANCE, tolerance=Decimal(tolerance), dot=dot,
                       change_tolerance=Decimal(change_tolerance), indicator_tolerance=indicator_tolerance,
                       long_term_outturn=long_term_outturn, trend=trend, maintained=maintained)


def belfast(green_within: Decimal | str = "0.01", red_from: Decimal | str = "0.05", *,
            dot: DotConvention = DotConvention.BETTER_WORSE, change_tolerance: Decimal | str = "0",
            indicator_tolerance: bool = True, long_term_outturn: bool = True) -> StatusRules:
    """Return Belfast's fixed bands: Green within 1%, Amber from 1% to 5%, Red 5% or more off."""
    return StatusRules(RagMethod.BANDS, green_within=Decimal(green_within), red_from=Decimal(red_from),
                       dot=dot, change_tolerance=Decimal(change_tolerance),
                       indicator_tolerance=indicator_tolerance, long_term_outturn=long_term_outturn)


class SelectionKind(Enum):
    """The kinds of selection rule."""

    RED = "red"
    AMBER = "amber"
    WORSE_THAN_TARGET_AND_WORSENING = "worse_than_target_and_worsening"
    WORSENING_FOR = "worsening_for"


@dataclass(frozen=True, slots=True)
class SelectionRule:
    """One rule; ``periods`` is the N of ``worsening_for``. Raise ValueError for a bad N."""

    kind: SelectionKind
    periods: int | None = None

    def __post_init__(self) -> None:
        needs = self.kind is SelectionKind.WORSENING_FOR
        if needs and (self.periods is None or self.periods < 1):
            raise ValueError(f"worsening_for needs a number of periods of at least 1, got {self.periods}")
        if not needs and self.periods is not None:
            raise ValueError(f"the rule {self.kind.value} takes no number of periods")

    @property
    def name(self) -> str:
        """Return the rule as written in a rules file: ``red``, ``worsening_for: 3``."""
        return f"{self.kind.value}: {self.periods}" if self.periods is not None else self.kind.value


RED = SelectionRule(SelectionKind.RED)
AMBER = SelectionRule(SelectionKind.AMBER)
WORSE_THAN_TARGET_AND_WORSENING = SelectionRule(SelectionKind.WORSE_THAN_TARGET_AND_WORSENING)


def worsening_for(periods: int) -> SelectionRule:
    """Return the rule that picks indicators worse in each of the last ``periods`` periods."""
    return SelectionRule(SelectionKind.WORSENING_FOR, periods)


@dataclass(frozen=True, slots=True)
class Rules:
    """How a pack judges indicators and which it makes exception pages for."""

    name: str
    status: StatusRules
    select: tuple[SelectionRule, ...]

    @property
    def description(self) -> str:
        """Return a one-line summary, e.g. ``havering: select red or worse_than_target_and_worsening``."""
        chosen = " or ".join(rule.name for rule in self.select) or "nothing"
        return f"{self.name}: select {chosen}"


PRESETS: dict[str, Rules] = {
    "havering": Rules("havering", havering(), (RED, WORSE_THAN_TARGET_AND_WORSENING)),
    "belfast": Rules("belfast", belfast(), (RED,)),
    "blackpool": Rules("blackpool", havering(dot=DotConvention.BLACKPOOL),
                       (RED, WORSE_THAN_TARGET_AND_WORSENING)),
}
DEFAULT_PRESET = "havering"


def preset(name: str) -> Rules:
    """Return a preset's rules by name (case-insensitive); raise KeyError naming the presets."""
    try:
        return PRESETS[name.strip().lower()]
    except KeyError:
        raise KeyError(f"no preset named {name!r}: the presets are {', '.join(PRESETS)}") from None


__all__ = [
    "AMBER", "DEFAULT_PRESET", "PRESETS", "RED", "WORSE_THAN_TARGET_AND_WORSENING", "Distance", "RagMethod",
    "Rules", "SelectionKind", "SelectionRule", "StatusRules", "Trend", "belfast", "havering", "preset",
    "worsening_for",
]
