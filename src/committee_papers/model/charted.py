"""Give every page of a report the default trend chart: ``render --charts``, ``cp.with_charts``."""

from __future__ import annotations

from dataclasses import replace

from .chart import TrendChart
from .report import Report


def with_charts(report: Report) -> Report:
    """Return the report with the default trend chart on each page that has a data table and no
    chart of its own (a page's ``chart`` key still chooses, or leaves the chart out with false)."""
    sections = tuple(
        replace(section, pages=tuple(page.with_chart(TrendChart())
                                     if page.table is not None and page.chart is None else page
                                     for page in section.pages))
        for section in report.sections)
    return replace(report, sections=sections)
