"""The trend chart of a pack's exception page: the figures of the page, or the workbook's last periods."""

from __future__ import annotations

from ..model import ChartSeries, Comparator, FiscalPeriod, Frequency, Kpi, Number, ReportingPeriod, TrendChart

# How many periods a chart shows by default: two years of quarters, a year of months, five years.
PERIODS = {Frequency.QUARTERLY: 8, Frequency.MONTHLY: 12, Frequency.ANNUAL: 5}


def _comparators(kpi: Kpi) -> tuple[Comparator, ...]:
    when = f" ({kpi.comparator_period})" if kpi.comparator_period else ""
    named: tuple[tuple[str, Number | None], ...] = (
        (f"England{when}", kpi.england), (f"Statistical neighbours{when}", kpi.stat_neighbours))
    return tuple(Comparator(label, figure) for label, figure in named if figure is not None)


def trend_chart(kpi: Kpi, reporting: ReportingPeriod, periods: int | None = None) -> TrendChart | None:
    """Return the chart of an indicator's exception page, with England and statistical
    neighbours as comparators where the workbook gives them; None with under two figures.

    When the workbook holds figures at the indicator's cadence from before the reporting year
    (quarters of past years, say), the chart shows the last ``periods`` of them up to the period
    reported (by default 8 quarters, 12 months or 5 years), a missing one a gap in the line.
    Otherwise it shows the page's table: past years' outturns, then this year's periods.
    """
    cadence = kpi.cadence
    shown = [o for o in kpi.series if o.period.frequency is cadence and not o.period.is_after(reporting)]
    if len(shown) < 2 or (cadence is not Frequency.ANNUAL and shown[0].period.year >= reporting.year):
        return TrendChart(comparators=_comparators(kpi)) if len(kpi.series) >= 2 else None
    count = periods or PERIODS[cadence]
    first = shown[0].period
    span: list[FiscalPeriod] = [shown[-1].period]
    while len(span) < count and span[-1].sort_key > first.sort_key:
        span.append(span[-1].previous())
    span.reverse()
    values = {o.period.label: o.value for o in shown if o.period in span}
    if len(values) < 2:
        return None
    return TrendChart(categories=tuple(p.label for p in span),
                      series=(ChartSeries(kpi.description, values),), comparators=_comparators(kpi))
