"""Read the columns of a data table: past years, then the current year's sub-periods."""

from __future__ import annotations

import re
from typing import Any

from ..model import MONTHS, FinancialYear, Frequency, Period, PeriodKind, ReportingPeriod, parse_period
from ..model.tables import out_of_order
from .context import Context
from .source import join

_QUARTER = re.compile(r"^q([1-4])$", re.IGNORECASE)
_LEADING_YEAR = re.compile(r"^\s*(\d{4}\s*[/-]\s*\d{2,4})(?!\d)")
_CUMULATIVE = {"ytd", "year to date", "year-to-date", "outturn to date", "to date", "cumulative",
               "cumulative to date", "ytd total"}
_YEAR_END = {"outturn", "eoy", "year end", "year-end", "end of year"}


def _year(label: str) -> FinancialYear | None:
    try:
        return FinancialYear.parse(label)
    except ValueError:
        return None


def _leading_year(label: str) -> FinancialYear | None:
    """Return the financial year a past column's label starts with: ``2014/15 (revised)``."""
    match = _LEADING_YEAR.match(label)
    return _year(match.group(1)) if match else None


def classify(label: str, year: FinancialYear | None, group: str | None) -> Period:
    """Return the period a sub-period label names: Q1-Q4, a month, Outturn/EoY, or other."""
    word = label.strip().lower().rstrip(".")
    quarter = _QUARTER.match(word)
    if quarter and year is not None:
        return Period(label, PeriodKind.QUARTER, year, int(quarter.group(1)), group)
    if word in MONTHS and year is not None:
        return Period(label, PeriodKind.MONTH, year, MONTHS[word], group)
    if word in _YEAR_END:
        return Period(label, PeriodKind.YEAR_END, year, None, group)
    if word in _CUMULATIVE:
        return Period(label, PeriodKind.CUMULATIVE, year, None, group)
    try:  # a period with its own year: "Q3 2015/16" or "Sep 2015", e.g. the same quarter last year
        point = parse_period(label)
    except ValueError:
        point = None
    if point is not None and point.frequency is not Frequency.ANNUAL:
        kind = PeriodKind.QUARTER if point.frequency is Frequency.QUARTERLY else PeriodKind.MONTH
        return Period(label, kind, point.year, point.index, group)
    return Period(label, PeriodKind.OTHER, year, None, group)


def read_periods(ctx: Context, value: Any, path: str) -> tuple[Period, ...]:
    """Return the table's periods from ``{past: [...], year: ..., periods: [...]}``."""
    data = ctx.mapping(value, path, [], ["past", "year", "periods", "current"])
    if data is None:
        return ()
    periods: list[Period] = []
    past_path = join(path, "past")
    for i, item in enumerate(ctx.sequence(data.get("past", []), past_path, allow_empty=True)):
        label = ctx.text(item, join(past_path, i))
        year = _leading_year(label)
        if year is None:
            ctx.problem(join(past_path, i), f"{label!r} does not start with a financial year: write past "
                                            "years as 2014/15 (a note may follow, as in '2014/15 (revised)')")
            continue
        periods.append(Period(label, PeriodKind.YEAR, year))
    group = ctx.optional_text(data, "year", path)
    subs_path = join(path, "periods")
    subs = ctx.sequence(data.get("periods", []), subs_path, allow_empty=group is None)
    if subs and group is None:
        ctx.problem(path, "sub-periods need the 'year' they belong to, e.g. year: 2015/16")
    year = _year(group) if group else None
    for i, item in enumerate(subs):
        periods.append(classify(ctx.text(item, join(subs_path, i)), year, group))
    if not periods:
        ctx.problem(path, "the table has no columns: give 'past' years and/or 'periods'")
    seen: set[str] = set()
    for period in periods:
        if period.label in seen:
            ctx.problem(path, f"the period {period.label!r} appears twice: each column needs its own label")
        seen.add(period.label)
    disorder = out_of_order(tuple(periods))
    if disorder is not None:
        ctx.problem(path, disorder)
        return ()
    return tuple(periods)


def current_column(ctx: Context, value: Any, path: str, periods: tuple[Period, ...],
                   reporting: ReportingPeriod | None) -> str | None:
    """Return the column the page's marks use: ``columns.current`` if given, else the column of
    the report's period (its quarter, or the quarter's last month), else None (each row's latest).
    """
    data = value if isinstance(value, dict) else {}
    labels = [p.label for p in periods]
    if data.get("current") is not None:
        label = ctx.text(data["current"], join(path, "current"))
        if label not in labels:
            ctx.problem(join(path, "current"), f"{label!r} is not a column of this table: use one of "
                                               f"{', '.join(labels)}")
            return None
        return label
    if reporting is None or reporting.quarter is None:
        return None
    for period in periods:
        point = period.fiscal
        if point is not None and point.frequency is not Frequency.ANNUAL and point.year == reporting.year \
                and point.position == 3 * reporting.quarter:
            return period.label
    return None
