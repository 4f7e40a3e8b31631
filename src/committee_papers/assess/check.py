"""Findings about a report: marks that contradict the figures, missing targets and data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ..formatting import format_value
from ..model import (
    DataTable,
    ExceptionPage,
    Mark,
    Report,
    ReportingPeriod,
    Value,
)
from ..model.cleaning import unclean_characters
from .dot import Assessment
from .fields import text_fields
from .page import comparison_dot, row_dot, rule_polarity


class Severity(Enum):
    """How serious a finding is: errors stop a render, warnings fail only ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a person should look at, with the place it was found."""

    severity: Severity
    where: str
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.where}: {self.message}"


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
        dot = row_dot(page, row)
        if table.dot is not None and dot.assessment is None:
            yield Finding(Severity.WARNING, place, f"no DoT can be computed: {dot.reason}", "no-dot")
        published, computed = row.published, dot.assessment
        if published is not None and computed is not None and not computed.agrees_with(published):
            assert dot.current is not None and dot.reference is not None
            yield _contradiction(place, published, computed, dot.current, dot.reference, locale)
        target = table.target_for(row)
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
                if due and period.label not in row.values:
                    yield Finding(
                        Severity.WARNING,
                        f"{place}.values.{period.label}",
                        f"no figure for {period.label}, which {reporting.label} should have",
                        "period-not-reported",
                    )


def _page_findings(
    page: ExceptionPage, where: str, reporting: ReportingPeriod | None, locale: str
) -> Iterator[Finding]:
    if page.table is not None:
        yield from _table_findings(page, page.table, where, reporting, locale)
    if page.dot_table is not None:
        for number, comparison in enumerate(page.dot_table.comparisons):
            computed = comparison_dot(page, comparison)
            if comparison.published is None or computed is None or not computed.computed:
                continue
            if not computed.agrees_with(comparison.published):
                place = f"{where}.direction_of_travel[{number}] ({comparison.label})"
                assert comparison.current is not None and comparison.reference is not None
                yield _contradiction(
                    place, comparison.published, computed, comparison.current,
                    comparison.reference, locale,
                )
    if not page.commentary:
        yield Finding(Severity.WARNING, where, "the page has no commentary", "no-commentary")


def _text_findings(report: Report) -> Iterator[Finding]:
    for where, text in text_fields(report):
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


def check(report: Report) -> list[Finding]:
    """Return every finding about the report, in document order."""
    findings: list[Finding] = list(_text_findings(report))
    for s, section in enumerate(report.sections):
        if not section.pages:
            findings.append(
                Finding(Severity.WARNING, f"sections[{s}]", "the section has no pages", "empty")
            )
        for p, page in enumerate(section.pages):
            where = f"sections[{s}].pages[{p}]"
            findings.extend(_page_findings(page, where, report.period, report.locale))
    return findings


__all__ = ["Finding", "Severity", "check"]
