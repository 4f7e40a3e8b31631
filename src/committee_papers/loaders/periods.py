"""Read the columns of a data table: past years, then the current year's sub-periods."""

from __future__ import annotations

import re
from typing import Any

from ..model import FinancialYear, Period, PeriodKind
from .context import Context
from .source import join

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_QUARTER = re.compile(r"^q([1-4])$", re.IGNORECASE)
_YEAR_END = {"outturn", "eoy", "year end", "year-end", "end of year"}


def _year(label: str) -> FinancialYear | None:
    try:
        return FinancialYear.parse(label)
    except ValueError:
        return None


def classify(label: str, year: FinancialYear | None, group: str | None) -> Period:
    """Return the period a sub-period label names: Q1-Q4, a month, Outturn/EoY, or other."""
    word = label.strip().lower().rstrip(".")
    quarter = _QUARTER.match(word)
    if quarter:
        return Period(label, PeriodKind.QUARTER, year, int(quarter.group(1)), group)
    if word in _MONTHS:
        return Period(label, PeriodKind.MONTH, year, _MONTHS[word], group)
    if word in _YEAR_END:
        return Period(label, PeriodKind.YEAR_END, year, None, group)
    return Period(label, PeriodKind.OTHER, year, None, group)


def read_periods(ctx: Context, value: Any, path: str) -> tuple[Period, ...]:
    """Return the table's periods from ``{past: [...], year: ..., periods: [...]}``."""
    data = ctx.mapping(value, path, [], ["past", "year", "periods"])
    if data is None:
        return ()
    periods: list[Period] = []
    past_path = join(path, "past")
    for i, item in enumerate(ctx.sequence(data.get("past", []), past_path, allow_empty=True)):
        label = ctx.text(item, join(past_path, i))
        periods.append(Period(label, PeriodKind.YEAR, _year(label)))
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
    return tuple(periods)
