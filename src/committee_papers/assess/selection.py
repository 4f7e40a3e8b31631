"""Exception selection by rule: which indicators get an exception page, and why.

Rules combine as "any of": an indicator is selected when at least one rule picks it, and it
records one reason per rule that did.

- ``red``: its status is Red.
- ``amber``: its status is Amber.
- ``worse_than_target_and_worsening``: worse than its target (by any amount) and worse than
  the previous period.
- ``worsening_for: N``: worse than the period before in each of the last N periods, e.g.
  Q1 → Q2 and Q2 → Q3 for N = 2. Only consecutive periods of the same kind count.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..formatting import format_value
from ..model import Judgement, Kpi, Observation, Rag
from ..model.rules import SelectionKind, SelectionRule
from .dot import assess_change
from .status import Status


def worsening_run(kpi: Kpi, change_tolerance: Decimal = Decimal(0)) -> tuple[Observation, ...]:
    """Return the figures of the unbroken run of worsening that ends with the latest figure.

    The run holds the figure it started from, so N worsening steps give N + 1 figures; a latest
    figure no worse than the one before gives an empty run.
    """
    latest = kpi.latest
    if latest is None:
        return ()
    run = [latest]
    while True:
        before = kpi.at(run[-1].period.previous())
        if before is None:
            break
        change = assess_change(run[-1].value, before.value, kpi.polarity, change_tolerance)
        if change.judgement is not Judgement.WORSE:
            break
        run.append(before)
    return tuple(reversed(run)) if len(run) > 1 else ()


def _worse_and_worsening(status: Status) -> str | None:
    near = status.short_term
    if not status.off_target or near is None or near.assessment.judgement is not Judgement.WORSE:
        return None
    assert status.latest is not None and status.goal is not None
    before = f"{format_value(near.reference.value)} last {near.reference.period.frequency.noun}"
    return (f"Worse than target and worsening: {format_value(status.latest.value)} is worse than "
            f"{status.goal.words} and worse than {before}")


def _worsening(kpi: Kpi, periods: int, change_tolerance: Decimal) -> str | None:
    run = worsening_run(kpi, change_tolerance)
    if len(run) - 1 < periods:
        return None
    steps = len(run) - 1
    noun = run[-1].period.frequency.noun
    figures = ", ".join(f"{format_value(o.value)} in {o.period.label}" for o in run)
    return f"Worsening for {steps} {noun}{'s' if steps != 1 else ''} in a row: {figures}"


def select(kpi: Kpi, status: Status, rules: Sequence[SelectionRule],
           change_tolerance: Decimal = Decimal(0)) -> tuple[str, ...]:
    """Return why the rules select the indicator, one reason per rule that does; empty if none."""
    reasons: list[str] = []
    for rule in rules:
        reason: str | None = None
        if rule.kind is SelectionKind.RED:
            reason = status.reason if status.rag is Rag.RED else None
        elif rule.kind is SelectionKind.AMBER:
            reason = status.reason if status.rag is Rag.AMBER else None
        elif rule.kind is SelectionKind.WORSE_THAN_TARGET_AND_WORSENING:
            reason = _worse_and_worsening(status)
        else:
            assert rule.periods is not None
            reason = _worsening(kpi, rule.periods, change_tolerance)
        if reason is not None and reason not in reasons and not _said_already(rule, status, reasons):
            reasons.append(reason)
    return tuple(reasons)


def _said_already(rule: SelectionRule, status: Status, reasons: list[str]) -> bool:
    """Return whether a "worse than target and worsening" reason would repeat a Red reason that
    already compares with the previous period (the same figures, said twice)."""
    if rule.kind is not SelectionKind.WORSE_THAN_TARGET_AND_WORSENING or status.reason not in reasons:
        return False
    trend, near = status.trend, status.short_term
    return trend is not None and near is not None and trend.reference.period == near.reference.period


__all__ = ["select", "worsening_run"]
