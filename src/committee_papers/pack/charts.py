"""The trend chart of a pack's exception page: the last quarters, months or years of the workbook."""

from __future__ import annotations

from ..model import ChartSeries, Comparator, Frequency, Kpi, KpiPeriod, Number, ReportingPeriod, TrendChart

# How many periods a chart shows by default: two years of quarters, a year of months, five years.
PERIODS = {Frequency.QUARTERLY: 8, Frequency.MONTHLY: 12, Frequency.ANNUAL: 5}


def trend_chart(kpi: Kpi, reporting: ReportingPeriod, periods: int | None = None) -> TrendChart | None:
    """Return a chart of the indicator's last ``periods`` figures at its cadence, up to the period
    reported, with England and statistical neighbours as comparators; None with under two figures.

    Periods without a figure inside the span are gaps in the line. The target is the page's.
    """
    cadence = kpi.cadence
    count = periods or PERIODS[cadence]
    shown = [o for o in kpi.series if o.period.frequency is cadence and not o.period.is_after(reporting)]
    if len(shown) < 2:
        return None
    first = shown[0].period
    span: list[KpiPeriod] = [shown[-1].period]
    while len(span) < count and span[-1].sort_key > first.sort_key:
        span.append(span[-1].previous())
    span.reverse()
    values = {o.period.label: o.value for o in shown if o.period in span}
    if len(values) < 2:
        return None
    when = f" ({kpi.comparator_period})" if kpi.comparator_period else ""
    named: tuple[tuple[str, Number | None], ...] = (
        (f"England{when}", kpi.england), (f"Statistical neighbours{when}", kpi.stat_neighbours))
    comparators = tuple(Comparator(label, figure) for label, figure in named if figure is not None)
    return TrendChart(categories=tuple(p.label for p in span),
                      series=(ChartSeries(kpi.description, values),), comparators=comparators)
