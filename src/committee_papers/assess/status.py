"""RAG status as configuration: pure functions from an indicator's figures to a Rag and its reason.

Two documented presets, both parameterised:

- :func:`havering`: Green on target or within the tolerance (default 10% of the target); Amber
  beyond the tolerance but better than the previous period; Red beyond it and not better.
- :func:`belfast`: fixed bands: Green within 1% of the target, Amber from 1% to 5%, Red 5% or
  more off.

Distances are fractions of the target, and count only the bad side: beating a target is 0 off.
A rule target ("Increase on previous year") is judged against the previous year's outturn, with
the polarity the rule implies. No figures gives GREY; no target, a baseline year or a text-only
target gives BLUE. An indicator's own ``tolerance`` replaces the rules' Green tolerance.

Short-term changes compare the latest figure with the previous period; long-term ones with the
same period a year earlier (or, when ``long_term_outturn`` is set and that is missing, with the
previous year's outturn). Both come from :func:`committee_papers.assess.assess_change`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from ..formatting import format_value
from ..model import (
    DotConvention,
    FiscalPeriod,
    Frequency,
    Judgement,
    Kpi,
    Number,
    Observation,
    Polarity,
    Rag,
    TargetKind,
    headline,
)
from .dot import Assessment, assess_change
from .page import rule_polarity

INFINITE = Decimal("Infinity")


class RagMethod(Enum):
    """How the distance from target becomes a status."""

    TOLERANCE = "tolerance"  # Havering: Green within tolerance, else Amber if improved, else Red
    BANDS = "bands"  # Belfast: fixed bands of distance


@dataclass(frozen=True, slots=True)
class StatusRules:
    """The settings of the status rules; every threshold is a fraction of the target."""

    method: RagMethod = RagMethod.TOLERANCE
    tolerance: Decimal = Decimal("0.1")  # TOLERANCE: Green up to this far off
    green_within: Decimal = Decimal("0.01")  # BANDS: Green up to this far off
    red_from: Decimal = Decimal("0.05")  # BANDS: Red from this far off
    indicator_tolerance: bool = True  # an indicator's own tolerance replaces the Green limit
    change_tolerance: Decimal = Decimal(0)  # a change this small counts as no change
    long_term_outturn: bool = True  # long term falls back to the previous year's outturn
    dot: DotConvention = DotConvention.BLACKPOOL  # for the renderers

    def __post_init__(self) -> None:
        for name in ("tolerance", "green_within", "red_from", "change_tolerance"):
            value = Decimal(getattr(self, name))
            if not value.is_finite() or value < 0:
                raise ValueError(f"{name} must be a number of at least 0, got {value}")
            object.__setattr__(self, name, value)
        if self.green_within > self.red_from:
            raise ValueError(f"green_within ({self.green_within}) must not exceed red_from ({self.red_from})")

    def green_limit(self, kpi: Kpi) -> Decimal:
        """Return how far off target an indicator can be and still be Green."""
        if self.indicator_tolerance and kpi.tolerance is not None:
            return kpi.tolerance
        return self.tolerance if self.method is RagMethod.TOLERANCE else self.green_within


def havering(tolerance: Decimal | str = "0.1", *, dot: DotConvention = DotConvention.BETTER_WORSE,
             change_tolerance: Decimal | str = "0", indicator_tolerance: bool = True,
             long_term_outturn: bool = True) -> StatusRules:
    """Return Havering's rules: Green within the tolerance, else Amber if improved, else Red."""
    return StatusRules(RagMethod.TOLERANCE, tolerance=Decimal(tolerance), dot=dot,
                       change_tolerance=Decimal(change_tolerance), indicator_tolerance=indicator_tolerance,
                       long_term_outturn=long_term_outturn)


def belfast(green_within: Decimal | str = "0.01", red_from: Decimal | str = "0.05", *,
            dot: DotConvention = DotConvention.BETTER_WORSE, change_tolerance: Decimal | str = "0",
            indicator_tolerance: bool = True, long_term_outturn: bool = True) -> StatusRules:
    """Return Belfast's fixed bands: Green within 1%, Amber from 1% to 5%, Red 5% or more off."""
    return StatusRules(RagMethod.BANDS, green_within=Decimal(green_within), red_from=Decimal(red_from),
                       dot=dot, change_tolerance=Decimal(change_tolerance),
                       indicator_tolerance=indicator_tolerance, long_term_outturn=long_term_outturn)


@dataclass(frozen=True, slots=True)
class Change:
    """How the latest figure moved against an earlier one."""

    current: Observation
    reference: Observation
    assessment: Assessment

    @property
    def words(self) -> str:
        """Return e.g. ``Q3 2016/17 vs Q2 2016/17: Increased – worse``."""
        return f"{self.current.period.label} vs {self.reference.period.label}: {self.assessment.words}"


@dataclass(frozen=True, slots=True)
class Goal:
    """What the latest figure is judged against, and which way is better."""

    figure: Number
    polarity: Polarity
    words: str  # e.g. ``the 14% target``


@dataclass(frozen=True, slots=True)
class Status:
    """An indicator's status with its reason, and the comparisons behind it."""

    rag: Rag
    reason: str
    latest: Observation | None = None
    goal: Goal | None = None
    shortfall: Decimal | None = None  # fraction worse than the goal; 0 when it is met
    short_term: Change | None = None
    long_term: Change | None = None

    @property
    def off_target(self) -> bool:
        """Return whether the latest figure is worse than its goal by any amount."""
        return self.shortfall is not None and self.shortfall > 0


def _change(kpi: Kpi, current: Observation, reference: Observation | None, rules: StatusRules) -> Change | None:
    if reference is None:
        return None
    return Change(current, reference, assess_change(current.value, reference.value, kpi.polarity,
                                                    rules.change_tolerance))


def short_term(kpi: Kpi, rules: StatusRules) -> Change | None:
    """Return the latest figure against the previous period's, if the series has both."""
    latest = kpi.latest
    return None if latest is None else _change(kpi, latest, kpi.at(latest.period.previous()), rules)


def long_term(kpi: Kpi, rules: StatusRules) -> Change | None:
    """Return the latest figure against the same period a year earlier (or last year's outturn)."""
    latest = kpi.latest
    if latest is None:
        return None
    reference = kpi.at(latest.period.year_earlier())
    if reference is None and rules.long_term_outturn and latest.period.frequency is not Frequency.ANNUAL:
        reference = kpi.at(FiscalPeriod.outturn(latest.period.year.previous()))
    return _change(kpi, latest, reference, rules)


def goal(kpi: Kpi, latest: Observation) -> Goal | str:
    """Return what the latest figure is judged against, or why there is nothing to judge by."""
    target = kpi.target
    if target is None:
        return "no target"
    if target.kind is TargetKind.VALUE:
        assert target.value is not None
        figure = headline(target.value)
        return Goal(figure, kpi.polarity, f"the {format_value(figure)} target")
    polarity = rule_polarity(target.kind)
    if polarity is None:
        return "baseline year, no target yet" if target.kind is TargetKind.BASELINE else (
            f"the target {target.wording!r} has no figure to measure against")
    year = latest.period.year.previous()
    before = kpi.at(FiscalPeriod.outturn(year))
    if before is None:
        return f"the target {target.wording!r} needs the {year.short} outturn, which is missing"
    return Goal(before.value, polarity, f"the {year.short} outturn of {format_value(before.value)} "
                f"(target: {target.wording})")


def shortfall(value: Number, reference: Number, polarity: Polarity) -> Decimal:
    """Return how far ``value`` is worse than ``reference``, as a fraction of it (0 if not worse).

    With no polarity any difference counts; against a reference of 0 any shortfall is infinite.
    """
    difference = value.value - reference.value
    worse = {Polarity.HIGH: difference < 0, Polarity.LOW: difference > 0}.get(polarity, difference != 0)
    if not worse:
        return Decimal(0)
    if reference.value == 0:
        return INFINITE
    return abs(difference) / abs(reference.value)


def percent(fraction: Decimal) -> str:
    """Return a fraction as a percentage for a reason: ``22%``, ``10.1%``, ``0.5%``."""
    if not fraction.is_finite():
        return "infinitely"
    hundred = fraction * 100
    step = Decimal(1) if hundred >= 20 else Decimal("0.1")
    text = str(hundred.quantize(step, rounding=ROUND_HALF_UP)).removesuffix(".0")
    return f"{text}%"


def _off(value: Number, found: Goal, gap: Decimal) -> str:
    shown = format_value(value)
    if gap == 0:
        return f"{shown} meets {found.words}"
    if not gap.is_finite():
        return f"{shown} is worse than {found.words}"
    return f"{shown} is {percent(gap)} worse than {found.words}"


def _improvement(change: Change | None, frequency: Frequency) -> tuple[bool, str]:
    if change is None:
        return False, f"has no figure for the previous {frequency.noun} to show an improvement"
    before = f"{format_value(change.reference.value)} last {frequency.noun}"
    if change.assessment.judgement is Judgement.BETTER:
        return True, f"improved on {before}"
    return False, f"did not improve on {before}"


def assess_kpi(kpi: Kpi, rules: StatusRules) -> Status:
    """Return an indicator's status under the rules, with the reason in words."""
    latest = kpi.latest
    if latest is None:
        return Status(Rag.GREY, "Grey: no figures")
    near, far = short_term(kpi, rules), long_term(kpi, rules)
    found = goal(kpi, latest)
    if isinstance(found, str):
        return Status(Rag.BLUE, f"Blue: {found}", latest, None, None, near, far)
    gap = shortfall(latest.value, found.figure, found.polarity)
    limit = rules.green_limit(kpi)
    said = _off(latest.value, found, gap)
    if gap <= limit:
        within = "" if gap == 0 else f", within the {percent(limit)} tolerance"
        return Status(Rag.GREEN, f"Green: {said}{within}", latest, found, gap, near, far)
    if rules.method is RagMethod.BANDS:
        rag = Rag.RED if gap >= rules.red_from else Rag.AMBER
        band = (f"Red at {percent(rules.red_from)} or more" if rag is Rag.RED
                else f"Amber from {percent(limit)} to {percent(rules.red_from)}")
        return Status(rag, f"{rag.label}: {said} ({band})", latest, found, gap, near, far)
    improved, how = _improvement(near, latest.period.frequency)
    rag = Rag.AMBER if improved else Rag.RED
    joint = "but" if improved else "and"
    return Status(rag, f"{rag.label}: {said} {joint} {how}", latest, found, gap, near, far)


__all__ = [
    "Change", "Goal", "RagMethod", "Status", "StatusRules", "assess_kpi", "belfast", "goal", "havering",
    "long_term", "percent", "short_term", "shortfall",
]
