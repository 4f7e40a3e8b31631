"""One indicator's exception page: its figures by year and period, target, DoT and commentary."""

from __future__ import annotations

from ..assess.status import Change, Status
from ..model import (
    Block,
    Comparison,
    DataRow,
    DataTable,
    DotBasis,
    DotColumn,
    DotTable,
    ExceptionPage,
    FinancialYear,
    FiscalPeriod,
    Frequency,
    Kpi,
    Number,
    Paragraph,
    Period,
    PeriodKind,
    ReportingPeriod,
    TargetKind,
    TrendChart,
    Value,
)

_KIND = {Frequency.QUARTERLY: PeriodKind.QUARTER, Frequency.MONTHLY: PeriodKind.MONTH}
_AGAINST_TARGET = {TargetKind.VALUE, TargetKind.INCREASE, TargetKind.DECREASE}


def _sub_periods(kpi: Kpi, reporting: ReportingPeriod) -> list[FiscalPeriod]:
    """Return the current year's columns: Q1-Q4 (future ones blank), or the months reported."""
    year = reporting.year
    if kpi.cadence is Frequency.QUARTERLY:
        return [FiscalPeriod.quarter(year, q) for q in range(1, 5)]
    if kpi.cadence is Frequency.MONTHLY:
        last = 12 if reporting.quarter is None else 3 * reporting.quarter
        return [FiscalPeriod(year, Frequency.MONTHLY, (position + 2) % 12 + 1) for position in range(1, last + 1)]
    return []


def data_table(kpi: Kpi, reporting: ReportingPeriod, past_years: int = 2) -> DataTable:
    """Return the page's table: past years' outturns, then the reporting year's periods.

    Leading past years with no figure are left out, so a new indicator starts where its figures do.
    """
    year = reporting.year
    past = [FinancialYear(year.start - n) for n in range(past_years, 0, -1)]
    while past and kpi.at(FiscalPeriod.outturn(past[0])) is None:
        past.pop(0)
    columns: list[tuple[Period, FiscalPeriod]] = [
        (Period(y.short, PeriodKind.YEAR, y), FiscalPeriod.outturn(y)) for y in past]
    for sub in _sub_periods(kpi, reporting):
        columns.append((Period(sub.column, _KIND[sub.frequency], year, sub.index, year.short), sub))
    outturn = FiscalPeriod.outturn(year)
    if kpi.cadence is Frequency.ANNUAL or kpi.at(outturn) is not None:
        label = "Outturn" if kpi.cadence is Frequency.ANNUAL else "EoY"
        columns.append((Period(label, PeriodKind.YEAR_END, year, None, year.short), outturn))
    values: dict[str, Value] = {}
    for column, period in columns:
        found = kpi.at(period)
        if found is not None:
            values[column.label] = found.value
    target = kpi.target
    if target is not None and target.kind in _AGAINST_TARGET:
        dot: DotColumn | None = DotColumn(DotBasis.TARGET, "DoT Against Target")
    elif past:
        dot = DotColumn(DotBasis.PAST, "DoT Against Past Performance")
    else:
        dot = None
    row = DataRow(values, unit=kpi.unit)
    return DataTable(tuple(c for c, _ in columns), (row,), target=target, dots=(dot,) if dot else (),
                     current=_current(columns, reporting))


def _current(columns: list[tuple[Period, FiscalPeriod]], reporting: ReportingPeriod) -> str | None:
    """Return the column of the period reported (its quarter, or its last month), if shown."""
    for column, period in columns:
        if period.frequency is not Frequency.ANNUAL and period.year == reporting.year \
                and reporting.quarter is not None and period.position == 3 * reporting.quarter:
            return column.label
    return None


def _versus(label: str, current: Value, reference: Value) -> Comparison:
    return Comparison(f"Current vs. {label}", current=current, reference=reference)


def dot_table(kpi: Kpi, status: Status) -> DotTable | None:
    """Return the Direction of Travel table: short and long term, England, statistical neighbours."""
    latest = status.latest
    if latest is None:
        return None
    comparisons: list[Comparison] = []
    changes: list[Change] = [c for c in (status.short_term, status.long_term) if c is not None]
    seen: set[FiscalPeriod] = set()
    for change in changes:
        if change.reference.period not in seen:
            seen.add(change.reference.period)
            comparisons.append(_versus(change.reference.period.short_label, latest.value, change.reference.value))
    when = f" ({kpi.comparator_period})" if kpi.comparator_period else ""
    comparators: tuple[tuple[str, Number | None], ...] = (
        ("England", kpi.england), ("Stat Neighbour", kpi.stat_neighbours))
    for name, figure in comparators:
        if figure is not None:
            comparisons.append(_versus(f"{name}{when}", latest.value, figure))
    return DotTable(tuple(comparisons)) if comparisons else None


def exception_page(kpi: Kpi, status: Status, reporting: ReportingPeriod, past_years: int = 2, *,
                   chart: TrendChart | None = None) -> ExceptionPage:
    """Return the exception page of one indicator, with ``chart`` if given. The page is
    titled with the indicator's description, so the pack's contents and the scorecard's page
    numbers have a heading to point at in Word and in the PDF."""
    notes: tuple[Block, ...] = kpi.notes + tuple(
        Paragraph.plain(f"{o.period.label}: {o.note}") for o in kpi.series if o.note)
    return ExceptionPage(
        indicators=(kpi.indicator,),
        table=data_table(kpi, reporting, past_years),
        dot_table=dot_table(kpi, status),
        notes=notes,
        commentary=kpi.commentary,
        chart=chart,
        title=kpi.indicator.description,
    )
