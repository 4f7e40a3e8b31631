"""Assess an exception page: the DoT of each data row and of each comparison."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import (
    Comparison,
    DataRow,
    DotBasis,
    ExceptionPage,
    Polarity,
    TargetKind,
    Value,
)
from .dot import Assessment, assess_change

_RULE_POLARITY = {TargetKind.INCREASE: Polarity.HIGH, TargetKind.DECREASE: Polarity.LOW}


@dataclass(frozen=True, slots=True)
class RowDot:
    """The DoT of a data row, or why there is none."""

    assessment: Assessment | None
    reason: str = ""
    current: Value | None = None
    reference: Value | None = None


def _compared(current: Value, reference: Value, polarity: Polarity) -> RowDot:
    return RowDot(assess_change(current, reference, polarity), "", current, reference)


def row_dot(page: ExceptionPage, row: DataRow) -> RowDot:
    """Return the DoT of a data row against its target or past performance."""
    table = page.table
    if table is None or table.dot is None:
        return RowDot(None, "the table has no DoT column")
    now = table.latest(row)
    if now is None:
        return RowDot(None, "the row has no figures")
    polarity = page.indicators[row.indicator].polarity
    dot = table.dot
    if dot.reference is not None:
        if dot.reference not in row.values:
            return RowDot(None, f"the row has no figure for {dot.reference}")
        return _compared(now[1], row.values[dot.reference], polarity)
    if dot.basis is DotBasis.PAST:
        before = table.previous_year(row)
        if before is None or before[0] == now[0]:
            return RowDot(None, "the row has no past year to compare with")
        return _compared(now[1], before[1], polarity)
    target = table.target_for(row)
    if target is None:
        return RowDot(None, "the row has no target")
    if target.kind is TargetKind.VALUE:
        assert target.value is not None
        return _compared(now[1], target.value, polarity)
    if target.kind in _RULE_POLARITY:
        before = table.previous_year(row)
        if before is None:
            return RowDot(None, "the rule compares with the previous year, which has no figure")
        return _compared(now[1], before[1], _RULE_POLARITY[target.kind])
    return RowDot(None, f"a {target.kind.value} target has no figure to compare with")


def comparison_dot(page: ExceptionPage, comparison: Comparison) -> Assessment | None:
    """Return the mark of a Direction of Travel entry; None for a text entry."""
    if comparison.text is not None:
        return None
    if comparison.stated is not None:
        return Assessment.stated(comparison.stated)
    assert comparison.current is not None and comparison.reference is not None
    polarity = page.indicators[comparison.indicator].polarity
    return assess_change(comparison.current, comparison.reference, polarity)


def rule_polarity(kind: TargetKind) -> Polarity | None:
    """Return the polarity a rule target implies (Increase → High), if it is a rule."""
    return _RULE_POLARITY.get(kind)
