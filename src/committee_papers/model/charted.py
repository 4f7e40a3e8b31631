"""Give every page of a report the default trend chart: ``render --charts``, ``cp.with_charts``."""

from __future__ import annotations

from dataclasses import replace

from .chart import TrendChart
from .page import ExceptionPage
from .report import Report


def with_charts(report: Report) -> Report:
    """Return the report with the default trend chart on each page that has a data table and no
    chart of its own (a page's ``chart`` key still chooses, or leaves the chart out with false).
    A table headed by its indicators, or whose rows are in different units, gets none: one axis
    cannot show a count beside a percentage."""
    sections = tuple(
        replace(section, pages=tuple(page.with_chart(TrendChart()) if _chartable(page) else page
                                     for page in section.pages))
        for section in report.sections)
    return replace(report, sections=sections)


def _chartable(page: ExceptionPage) -> bool:
    table = page.table
    return (table is not None and page.chart is None and not table.indicator_labels
            and len({page.indicators[row.indicator].unit for row in table.rows}) == 1)
