"""RAG status as configuration: pure functions from an indicator's figures to a Rag and its reason.

The rules (``model.rules``) state the comparison with the target and, for the in-between
status, the trend and whether "maintained" counts. With the ``havering`` preset this is the
published rule: Green on target or within 10% of it; Amber more than 10% off but improved or
maintained against the same quarter last year; Red more than 10% off and not improved against
the same quarter last year. With ``belfast``: Green within 1%, Amber 1–5%, Red 5% or more off.

Distances are fractions of the target (or plain differences, in points), and count only the
bad side: beating a target is 0 off. A rule target ("Increase on previous year") is judged
against the previous year's outturn, with the polarity the rule implies. No figures gives
GREY; no target, a baseline year or a text-only target gives BLUE. An indicator's own
``tolerance`` replaces the rules' Green tolerance.

Short-term changes compare the latest figure with the previous period; long-term ones with the
same period a year earlier (or, when ``long_term_outturn`` is set and that is missing, with the
previous year's outturn). Both come from :func:`committee_papers.assess.assess_change`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..formatting import format_value
from ..model import (
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
from ..model.rules import Distance, RagMethod, StatusRules, Trend
from .dot import assess_change
from .page import rule_polarity
from .results import Assessment

INFINITE = Decimal("Infinity")


def green_limit(rules: StatusRules, kpi: Kpi) -> Decimal:
    """Return how far off target an indicator can be and still be Green."""
    if rules.indicator_tolerance and kpi.tolerance is not None:
        return kpi.tolerance
    return rules.tolerance if rules.method is RagMethod.TOLERANCE else rules.green_within


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
    trend: Change | None = None  # the change an Amber or Red status was judged on

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
        side = target.comparison.polarity if target.comparison is not None else kpi.polarity
        words = f"the target '{target.wording}'" if target.wording else f"the {format_value(figure)} target"
        return Goal(figure, side, words)
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


def shortfall(value: Number, reference: Number, polarity: Polarity,
              distance: Distance = Distance.PERCENT_OF_TARGET) -> Decimal:
    """Return how far ``value`` is worse than ``reference`` (0 if it is not worse).

    The distance is a fraction of the reference, or with ``Distance.POINTS`` the plain
    difference. With no polarity any difference counts; against a reference of 0 a fractional
    shortfall is infinite.
    """
    difference = value.value - reference.value
    worse = {Polarity.HIGH: difference < 0, Polarity.LOW: difference > 0}.get(polarity, difference != 0)
    if not worse:
        return Decimal(0)
    if distance is Distance.POINTS:
        return abs(difference)
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


def _amount(gap: Decimal, distance: Distance) -> str:
    if distance is Distance.POINTS:
        return f"{format(gap.normalize(), 'f')} point{'s' * (gap != 1)}"
    return percent(gap)


def _off(value: Number, found: Goal, gap: Decimal, distance: Distance) -> str:
    shown = format_value(value)
    if gap == 0:
        return f"{shown} meets {found.words}"
    if not gap.is_finite():
        return f"{shown} is worse than {found.words}"
    return f"{shown} is {_amount(gap, distance)} worse than {found.words}"


def trend_change(kpi: Kpi, rules: StatusRules) -> Change | None:
    """Return the change the in-between status is judged on: against the previous period, or
    against the same period last year (that period exactly: a missing one is no improvement)."""
    latest = kpi.latest
    if latest is None:
        return None
    before = (latest.period.previous() if rules.trend is Trend.PREVIOUS_PERIOD
              else latest.period.year_earlier())
    return _change(kpi, latest, kpi.at(before), rules)


def _improvement(change: Change | None, latest: Observation, rules: StatusRules) -> tuple[bool, str]:
    if rules.trend is Trend.PREVIOUS_PERIOD:
        reference = f"the previous {latest.period.frequency.noun}"
        missing = latest.period.previous()
    else:
        reference = f"the same {latest.period.frequency.noun} last year"
        missing = latest.period.year_earlier()
    if change is None:
        return False, f"has no figure for {reference} ({missing.label}) to show an improvement"
    before = f"{format_value(change.reference.value)} in {change.reference.period.label}"
    judgement = change.assessment.judgement
    if judgement is Judgement.BETTER:
        return True, f"improved on {before}"
    if judgement is Judgement.NEUTRAL and change.assessment.direction.value == "same" and rules.maintained:
        return True, f"maintained {before}"
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
    gap = shortfall(latest.value, found.figure, found.polarity, rules.distance)
    limit = green_limit(rules, kpi)
    said = _off(latest.value, found, gap, rules.distance)
    if gap <= limit:
        within = "" if gap == 0 else f", within the {_amount(limit, rules.distance)} tolerance"
        return Status(Rag.GREEN, f"Green: {said}{within}", latest, found, gap, near, far)
    if rules.method is RagMethod.BANDS:
        rag = Rag.RED if gap >= rules.red_from else Rag.AMBER
        band = (f"Red at {_amount(rules.red_from, rules.distance)} or more" if rag is Rag.RED
                else f"Amber from {_amount(limit, rules.distance)} to {_amount(rules.red_from, rules.distance)}")
        return Status(rag, f"{rag.label}: {said} ({band})", latest, found, gap, near, far)
    trend = trend_change(kpi, rules)
    improved, how = _improvement(trend, latest, rules)
    rag = Rag.AMBER if improved else Rag.RED
    joint = "but" if improved else "and"
    return Status(rag, f"{rag.label}: {said} {joint} {how}", latest, found, gap, near, far, trend)


__all__ = [
    "Change", "Goal", "Status", "assess_kpi", "goal", "green_limit", "long_term", "percent", "short_term",
    "shortfall", "trend_change",
]
