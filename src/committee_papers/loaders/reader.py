"""Read a report from parsed input: the top level, its sections and their pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..formatting import LocaleError, check_locale
from ..model import FinancialYear, Report, ReportingPeriod, Section, check_language
from .context import Context
from .page import read_page
from .source import Source, join

REPORT_KEYS = [
    "appendix", "sections", "title", "period", "committee", "meeting_date", "organisation",
    "author", "locale", "language",
]


def _period(ctx: Context, value: Any, path: str) -> ReportingPeriod | None:
    """Return ``Q2 2015/16``, ``2015/16`` or ``{year: 2015/16, quarter: 2}``."""
    try:
        if isinstance(value, dict):
            data = ctx.mapping(value, path, ["year"], ["quarter"]) or {}
            year_text = ctx.text(data.get("year"), join(path, "year"))
            quarter = ctx.integer(data["quarter"], join(path, "quarter"), 1, 4) if "quarter" in data else None
            return ReportingPeriod(FinancialYear.parse(year_text), quarter)
        return ReportingPeriod.parse(ctx.text(value, path))
    except ValueError as error:
        ctx.problem(path, str(error))
        return None


def _date(ctx: Context, value: Any, path: str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        ctx.problem(path, f"{ctx.describe(value)} is not a date: write it as YYYY-MM-DD, e.g. 2015-12-07")
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text).date()
    except ValueError:
        ctx.problem(path, f"{ctx.describe(value)} is not a date: write it as YYYY-MM-DD, e.g. 2015-12-07")
        return None


def read_report(source: Source) -> Report:
    """Return the report the parsed input describes, or raise LoadError with every problem."""
    ctx = Context(source)
    data = ctx.mapping(source.data, "", ["appendix", "sections"], REPORT_KEYS)
    if data is None:
        ctx.raise_if_any()
    assert data is not None
    period = _period(ctx, data["period"], "period") if data.get("period") is not None else None
    ctx.reporting = period  # the pages' marks use its column
    sections: list[Section] = []
    for s, item in enumerate(ctx.sequence(data.get("sections", []), "sections", allow_empty="sections" not in data)):
        here = join("sections", s)
        section = ctx.mapping(item, here, ["portfolio", "pages"], [])
        if section is None:
            continue
        pages_path = join(here, "pages")
        pages = [read_page(ctx, p, join(pages_path, i))
                 for i, p in enumerate(ctx.sequence(section.get("pages"), pages_path))]
        portfolio = ctx.text(section.get("portfolio"), join(here, "portfolio"))
        sections.append(Section(portfolio, tuple(p for p in pages if p is not None)))
    locale = ctx.optional_text(data, "locale", "") or "en_GB"
    try:
        check_locale(locale)
    except LocaleError as error:
        ctx.problem("locale", str(error))
    language = ctx.optional_text(data, "language", "") or "en-GB"
    try:
        check_language(language)
    except ValueError as error:
        ctx.problem("language", str(error))
        language = "en-GB"
    report = Report(
        appendix=ctx.text(data["appendix"], "appendix") if "appendix" in data else "",
        sections=tuple(sections),
        title=ctx.optional_text(data, "title", ""),
        period=period,
        committee=ctx.optional_text(data, "committee", ""),
        meeting_date=_date(ctx, data["meeting_date"], "meeting_date") if data.get("meeting_date") else None,
        organisation=ctx.optional_text(data, "organisation", ""),
        author=ctx.optional_text(data, "author", ""),
        locale=locale,
        language=language,
    )
    ctx.raise_if_any()
    return report
