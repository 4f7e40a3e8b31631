"""Build the appendix pack's data from KPI data: status, selection, exception pages, scorecard.

    >>> from committee_papers.workbook import read_workbook
    >>> from committee_papers.pack import build_pack
    >>> pack = build_pack(read_workbook("samples/kpis.xlsx"), "havering")
    >>> [entry.id for entry in pack.exceptions]
"""

from __future__ import annotations

import os

from ..assess.page import assess_report
from ..assess.results import Pack, ScorecardEntry
from ..assess.selection import select
from ..assess.status import Status, assess_kpi
from ..model import (
    ExceptionPage,
    Kpi,
    KpiData,
    Report,
    Section,
)
from ..model.rules import DEFAULT_PRESET, PRESETS, Rules
from .charts import trend_chart
from .pages import data_table, dot_table, exception_page


def resolve_rules(rules: Rules | str | os.PathLike[str] | None) -> Rules:
    """Return the rules a preset name or rules file states (the default preset for None).

    Raise LoadError for a rules file with problems, or a name that is neither.
    """
    if rules is None:
        return PRESETS[DEFAULT_PRESET]
    if isinstance(rules, Rules):
        return rules
    from ..loaders.rules import load_rules

    return load_rules(rules)


def _entry(kpi: Kpi, status: Status, reasons: tuple[str, ...], page: tuple[int, int] | None) -> ScorecardEntry:
    latest = status.latest
    return ScorecardEntry(
        id=kpi.id, portfolio=kpi.portfolio, description=kpi.description, polarity=kpi.polarity,
        unit=kpi.unit, latest=latest.value if latest else None,
        period=latest.period.label if latest else None, target=kpi.target,
        dot=status.short_term.assessment if status.short_term else None, rag=status.rag,
        status=status.reason, reasons=reasons, page=page,
        dot_reference=status.short_term.reference.value if status.short_term else None,
    )


def build_pack(data: KpiData, rules: Rules | str | os.PathLike[str] | None = None, *,
               past_years: int = 2, charts: bool = True, chart_periods: int | None = None) -> Pack:
    """Return the pack: exception pages of the indicators the rules select, and the scorecard.

    ``rules`` is a Rules value, a preset name (``havering``, ``belfast``, ``blackpool``), a
    rules file, or None for the default preset. Sections are the portfolios in workbook order
    that have at least one exception; each exception page shows ``past_years`` past outturns
    and, with ``charts``, a trend chart of the last ``chart_periods`` periods (by default 8
    quarters, 12 months or 5 years; see ``pack.charts``).
    """
    chosen = resolve_rules(rules)
    reporting = data.reporting_period
    statuses = {kpi.id: assess_kpi(kpi, chosen.status) for kpi in data.kpis}
    reasons = {kpi.id: select(kpi, statuses[kpi.id], chosen.select, chosen.status.change_tolerance)
               for kpi in data.kpis}
    sections: list[Section] = []
    page_of: dict[str, tuple[int, int]] = {}
    for portfolio in data.portfolios:
        pages: list[ExceptionPage] = []
        for kpi in data.kpis:
            if kpi.portfolio == portfolio and reasons[kpi.id]:
                assert reporting is not None  # a selected indicator has figures, so a period
                page_of[kpi.id] = (len(sections), len(pages))
                chart = trend_chart(kpi, reporting, chart_periods) if charts else None
                pages.append(exception_page(kpi, statuses[kpi.id], reporting, past_years, chart=chart))
        if pages:
            sections.append(Section(portfolio, tuple(pages)))
    settings = data.settings
    report = Report(
        appendix=settings.appendix, sections=tuple(sections), title=settings.title,
        period=data.reporting_period, committee=settings.committee, meeting_date=settings.meeting_date,
        organisation=settings.organisation,
    )
    scorecard = tuple(_entry(kpi, statuses[kpi.id], reasons[kpi.id], page_of.get(kpi.id)) for kpi in data.kpis)
    return Pack(report, assess_report(report), scorecard, chosen.status.dot, chosen.name)


__all__ = ["build_pack", "data_table", "dot_table", "exception_page", "resolve_rules", "trend_chart"]
