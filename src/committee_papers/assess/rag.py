"""The RAG status of a data row and of a page, stated or computed from the target.

The rule is the one most English councils publish for exception pages (for example
Havering's and Bristol's performance reports): **Green** when the figure for the period
reported meets its target; **Amber** when it misses by no more than the tolerance, a
percentage of the target (5% unless the table or status block says otherwise); **Red** when it
misses by more. A rule target ("Increase on previous year") is met when the figure is better
than the previous financial year's outturn, and the tolerance is taken of that outturn.
Without a figure for the period reported the status is **Grey** ("No data"). It is **Blue**
("No target") without a target holding a figure or a rule (none, a baseline year, free
text); for a target without a stated side, without a polarity; and for a rule target whose
previous year has no figure in the table (it is never compared with an older year). A stated
status is shown as stated; ``check`` warns where the figures give another.

The workbook pack's fuller rules (trends, bands, presets) are in ``assess.status``.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import DataRow, DataTable, Polarity, Rag, TargetKind, headline
from .results import RagStatus

_RULE_POLARITY = {TargetKind.INCREASE: Polarity.HIGH, TargetKind.DECREASE: Polarity.LOW}


def row_status(table: DataTable, row: DataRow, polarity: Polarity,
               tolerance: Decimal | None = None) -> RagStatus:
    """Return a row's RAG status: its stated one, else computed (module docstring).

    ``polarity`` is the row's indicator's; ``tolerance`` (percent of the target, 0–100)
    defaults to the table's ``status_tolerance``.
    """
    if row.status is not None:
        return RagStatus(row.status, "as stated", computed=False)
    tolerance = table.status_tolerance if tolerance is None else tolerance
    found = table.now(row)
    if found is None or found[1] is None:
        which = f" for {found[0].label}" if found is not None else ""
        return RagStatus(Rag.GREY, f"no figure{which}")
    period, value = found[0], found[1]
    figure = headline(value).value
    target = table.target_for(row, period.label)
    if target is None or target.kind in (TargetKind.BASELINE, TargetKind.TEXT):
        return RagStatus(Rag.BLUE, "no target with a figure to judge against")
    if target.kind in _RULE_POLARITY:
        before = table.year_before(row, period)
        if before is None or before[1] is None:
            return RagStatus(Rag.BLUE, "no figure for the previous year for the target to compare with")
        goal, side, words = headline(before[1]).value, _RULE_POLARITY[target.kind], f"{before[0].label}'s figure"
        met = figure > goal if side is Polarity.HIGH else figure < goal
    else:
        assert target.value is not None
        goal, words = headline(target.value).value, "the target"
        if target.comparison is not None:
            met = target.comparison.met(headline(value), headline(target.value))
            side = target.comparison.polarity
        elif polarity is Polarity.NONE:
            return RagStatus(Rag.BLUE, "the indicator has no polarity, so a miss cannot be told from a hit")
        else:
            side = polarity
            met = figure >= goal if side is Polarity.HIGH else figure <= goal
    if met:
        return RagStatus(Rag.GREEN, f"{period.label} meets {words}")
    gap = abs(figure - goal)
    if side is not Polarity.NONE and gap <= abs(goal) * tolerance / 100:
        return RagStatus(Rag.AMBER, f"{period.label} misses {words} by no more than {tolerance.normalize():f}%")
    return RagStatus(Rag.RED, f"{period.label} misses {words} by more than {tolerance.normalize():f}%")


__all__ = ["row_status"]
