"""Read the columns of a data table: past years, then the current year's sub-periods."""

from __future__ import annotations

import re
from typing import Any

from ..model import FinancialYear, Frequency, Period, PeriodKind, ReportingPeriod
from ..model.columns import out_of_order
from .context import Context
from .source import join

_LEADING_YEAR = re.compile(r"^\s*(\d{4}\s*[/-]\s*\d{2,4})(?!\d)")


def _year(label: str) -> FinancialYear | None:
    try:
        return FinancialYear.parse(label)
    except ValueError:
        return None


def _leading_year(label: str) -> FinancialYear | None:
    """Return the financial year a past column's label starts with: ``2014/15 (revised)``."""
    match = _LEADING_YEAR.match(label)
    return _year(match.group(1)) if match else None


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
        periods.append(Period.from_label(ctx.text(item, join(subs_path, i)), year, group))
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
