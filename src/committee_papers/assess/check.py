"""Findings about a report: marks that contradict the figures, missing targets and data."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from ..formatting import format_value
from ..model import (
    DataTable,
    DotTable,
    ExceptionPage,
    Indicator,
    IndicatorTable,
    KpiData,
    Mark,
    Rag,
    Report,
    ReportingPeriod,
    Value,
)
from ..model.cleaning import unclean_characters
from ..model.rules import DEFAULT_PRESET, PRESETS, Rules
from .fields import text_fields
from .page import comparison_dot, row_dot, rule_polarity
from .rag import row_status
from .results import Assessment
from .status import assess_kpi


class Severity(Enum):
    """How serious a finding is. Every finding is a warning: something that cannot be read is
    a :class:`~committee_papers.LoadError`, never a finding, so ``check`` fails on findings only
    under ``--strict``."""

    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a person should look at: the indicator it concerns (id and description), the
    place (``sections[0].pages[2].rows[0]``, ``values!C5``), what is wrong and what to do."""

    severity: Severity
    where: str
    message: str
    code: str
    indicator: str | None = None

    def __str__(self) -> str:
        about = f"{self.indicator}: " if self.indicator else ""
        return f"{self.severity.value}: {about}{self.where}: {self.message}"


def indicator_name(indicator: Indicator) -> str:
    """Return how a finding names an indicator: ``CS05 Referrals to children's social care``."""
    text = f"{indicator.id} {indicator.description}" if indicator.id else indicator.description
    return text if len(text) <= 90 else text[:87] + "..."


def _mark_text(mark: Mark) -> str:
    judgement = f", {mark.judgement.value}" if mark.judgement else ""
    return f"{mark.direction.value}{judgement}"


def _contradiction(
    where: str, published: Mark, computed: Assessment, current: Value, reference: Value,
    locale: str,
) -> Finding:
    figures = f"{format_value(current, locale)} against {format_value(reference, locale)}"
    return Finding(
        Severity.WARNING,
        where,
        f"the published mark says {_mark_text(published)} but the figures, {figures}, say "
        f"{computed.words!r}; the mark computed from the figures is the one rendered",
        "mark-contradicts-figures",
    )


def _table_findings(
    page: ExceptionPage, table: DataTable, where: str, reporting: ReportingPeriod | None,
    locale: str,
) -> Iterator[Finding]:
    for number, row in enumerate(table.rows):
        place = f"{where}.rows[{number}]"
        dot = row_dot(page, row, table=table)
        reported = table.now(row)
        stated = reported is not None and reported[0].label in row.stated  # the council says why
        for column in table.dots:
            other = row_dot(page, row, column, table=table)
            if other.assessment is None and not stated:
                named = f" in the column {column.title!r}" if len(table.dots) > 1 else ""
                yield Finding(Severity.WARNING, place, f"no DoT can be computed{named}: {other.reason}", "no-dot")
        published, computed = row.published, dot.assessment
        if published is not None and computed is not None and not computed.agrees_with(published):
            assert dot.current is not None and dot.reference is not None
            yield _contradiction(place, published, computed, dot.current, dot.reference, locale)
        if row.status is not None:
            figures = row_status(table, dataclasses.replace(row, status=None), page.indicators[row.indicator].polarity)
            if figures.rag not in (row.status, Rag.GREY, Rag.BLUE):
                yield Finding(Severity.WARNING, place,
                              f"the status is stated {row.status.label} but the figures give {figures.rag.label} "
                              f"({figures.reason}); the stated status is the one rendered", "status-contradicts")
        target = table.target_for(row, reported[0].label if reported else None)
        if table.show_target and target is None:
            yield Finding(Severity.WARNING, place, "the row has no target", "target-missing")
        polarity = page.indicators[row.indicator].polarity
        implied = rule_polarity(target.kind) if target else None
        if implied is not None and polarity.value != "none" and implied is not polarity:
            assert target is not None
            yield Finding(
                Severity.WARNING,
                place,
                f"the target {target.wording!r} asks for the opposite of "
                f"'better to be {polarity.label}'",
                "target-contradicts-polarity",
            )
        if reporting is not None:
            for period in table.periods:
                due = period.fiscal is not None and period.fiscal.is_due(reporting)
                if due and period.label not in row.values and period.label not in row.stated:
                    yield Finding(
                        Severity.WARNING,
                        f"{place}.values.{period.label}",
                        f"no figure for {period.label}, which {reporting.label} should have",
                        "period-not-reported",
                    )


def _page_findings(
    page: ExceptionPage, where: str, reporting: ReportingPeriod | None, locale: str
) -> Iterator[Finding]:
    tables = [(b, f"{where}.blocks[{i}].table" if page.listed else where)
              for i, b in enumerate(page.blocks) if isinstance(b, DataTable)]
    for table, place in tables:
        yield from _table_findings(page, table, place, reporting, locale)
    dots = [(b, f"{where}.blocks[{i}].direction_of_travel" if page.listed else f"{where}.direction_of_travel")
            for i, b in enumerate(page.blocks) if isinstance(b, DotTable)]
    named = any(isinstance(b, IndicatorTable) for b in page.blocks) or any(t.indicator_labels for t, _ in tables)
    if not named:
        yield Finding(Severity.WARNING, where, "the page names none of its indicators: add an indicator_table "
                                               "block, or indicator_labels: true on its table", "no-indicator-names")
    for dot_table, dot_place in dots:
        yield from _dot_findings(page, dot_table, dot_place, locale)
    if not page.commentary:
        yield Finding(Severity.WARNING, where, "the page has no commentary", "no-commentary")


def _dot_findings(page: ExceptionPage, dot_table: DotTable, where: str, locale: str) -> Iterator[Finding]:
    for number, comparison in enumerate(dot_table.comparisons):
        if comparison.missing is not None:
            yield Finding(Severity.WARNING, f"{where}[{number}] ({comparison.label})",
                          f"no mark: {comparison.missing}, the period reported, has no figure", "no-dot")
        computed = comparison_dot(page, comparison)
        if comparison.published is None or computed is None or not computed.computed:
            continue
        if not computed.agrees_with(comparison.published):
            place = f"{where}[{number}] ({comparison.label})"
            assert comparison.current is not None and comparison.reference is not None
            yield _contradiction(
                place, comparison.published, computed, comparison.current,
                comparison.reference, locale,
            )


def _text_findings(fields: Iterable[tuple[str, str]]) -> Iterator[Finding]:
    for where, text in fields:
        changed = unclean_characters(text)
        if changed:
            yield Finding(
                Severity.WARNING,
                where,
                f"the text holds control characters ({', '.join(changed)}), as pasted from a "
                "spreadsheet: line-break controls are shown as line breaks and the others are "
                "left out; retype the text to silence this",
                "control-characters",
            )


_ROW = re.compile(r"\.rows\[(\d+)\]")
_COMPARISON = re.compile(r"\.direction_of_travel\[(\d+)\]")


def _about(page: ExceptionPage, finding: Finding) -> Finding:
    """Return the finding naming the indicator it concerns: its row's, its comparison's, or the page's."""
    index = 0
    row, comparison = _ROW.search(finding.where), _COMPARISON.search(finding.where)
    if row and page.table is not None and int(row[1]) < len(page.table.rows):
        index = page.table.rows[int(row[1])].indicator
    elif comparison and page.dot_table is not None and int(comparison[1]) < len(page.dot_table.comparisons):
        index = page.dot_table.comparisons[int(comparison[1])].indicator
    return dataclasses.replace(finding, indicator=indicator_name(page.indicators[index]))


def _report_findings(report: Report, fields: Iterable[tuple[str, str]] | None = None) -> list[Finding]:
    findings: list[Finding] = list(_text_findings(text_fields(report) if fields is None else fields))
    for s, section in enumerate(report.sections):
        if not section.pages:
            findings.append(
                Finding(Severity.WARNING, f"sections[{s}]", "the section has no pages", "empty")
            )
        for p, page in enumerate(section.pages):
            where = f"sections[{s}].pages[{p}]"
            findings.extend(_about(page, f) for f in _page_findings(page, where, report.period, report.locale))
    return findings


def _stated_findings(data: KpiData, rules: Rules) -> list[Finding]:
    """Return a finding for each status the workbook states that the figures do not give."""
    findings: list[Finding] = []
    for kpi in data.kpis:
        stated = kpi.stated_status
        if stated is None or stated.rag is None:
            continue
        status = assess_kpi(kpi, rules.status)
        if status.rag is stated.rag:
            continue
        findings.append(Finding(
            Severity.WARNING, stated.where or "status", f"the workbook states {stated.text!r} "
            f"({stated.rag.label}), but the figures give {status.rag.label} under the {rules.name or 'given'} "
            f"rules ({status.reason}): correct the status or the figures, or check the rules (--rules)",
            "stated-status-contradicts-figures", indicator_name(kpi.indicator)))
    return findings


def _kpi_findings(data: KpiData, rules: Rules) -> list[Finding]:
    """Return the reader's notices, statuses stated against the figures, then each indicator's
    figures missing for a period that is due."""
    findings = [Finding(Severity.WARNING, n.where, n.message, n.code, n.indicator) for n in data.notices]
    findings.extend(_stated_findings(data, rules))
    reporting = data.reporting_period
    if reporting is None:
        return findings
    place = "its row" if data.layout.startswith("wide") else "values sheet"
    where = "its row" if place == "its row" else "the values sheet"
    for kpi in data.kpis:
        if not kpi.series:
            findings.append(Finding(Severity.WARNING, place, f"the indicator has no figures: give them in {where}, "
                                    "or remove it", "no-figures", indicator_name(kpi.indicator)))
            continue
        latest = kpi.latest
        assert latest is not None
        due = latest.period
        while due.next().is_due(reporting):
            due = due.next()
        if due != latest.period:
            findings.append(Finding(
                Severity.WARNING, place, f"the latest figure is for {latest.period.label}, but one for "
                f"{due.label} is due by {reporting.label}: add it to {where}, or it is reported as "
                "missing", "period-not-reported", indicator_name(kpi.indicator)))
    return findings


def check(subject: Report | KpiData, *, rules: Rules | None = None,
          fields: Iterable[tuple[str, str]] | None = None) -> list[Finding]:
    """Return every finding about a report, or about KPI data read from a workbook, in order.

    Each finding leads with the indicator it concerns (id and description). For KPI data, a
    RAG status the workbook states is compared with the status ``rules`` compute (the default
    preset when None): a disagreement is a warning. ``fields`` are the report's
    ``text_fields``, when the caller has them already (they are walked once).
    """
    if isinstance(subject, KpiData):
        return _kpi_findings(subject, rules if rules is not None else PRESETS[DEFAULT_PRESET])
    return _report_findings(subject, fields)


__all__ = ["Finding", "Severity", "check"]
