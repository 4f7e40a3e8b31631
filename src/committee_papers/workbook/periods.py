"""Period labels of a values sheet: financial quarters, months and year outturns.

- a financial quarter: ``2016/17 Q3``, ``Q3 2016/17`` (also ``2016/2017`` or ``2016-17``);
- a month: ``2016-09``, ``Sep 2016``, ``Sept 2016``, ``September 2016``, or a date cell;
- a year's outturn: ``2015/16``, ``2015/2016``, ``2015/16 Outturn`` or ``2015/16 EoY``.

``YYYY-MM`` is always a month: write a financial year with a slash (``2011/12``).
Quarters are financial (Q1 = April to June), never calendar quarters.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import FinancialYear, KpiPeriod, ReportingPeriod

_YEAR = r"(\d{4}\s*[/-]\s*(?:\d{4}|\d{2}))"
_QUARTER_FIRST = re.compile(rf"^q([1-4])\s*,?\s*{_YEAR}$", re.IGNORECASE)
_QUARTER_LAST = re.compile(rf"^{_YEAR}\s*,?\s*q([1-4])$", re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_NAMED_MONTH = re.compile(r"^([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)
_OUTTURN = re.compile(rf"^{_YEAR}(?:\s+(?:outturn|eoy|year\s*end))?$", re.IGNORECASE)
MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}
EXAMPLES = "a quarter such as 'Q3 2016/17', a month such as 'Sep 2016' or '2016-09', or a year such as '2015/16'"


def _year(text: str) -> FinancialYear:
    return FinancialYear.parse(text.replace(" ", ""))


def parse_period(value: Any) -> KpiPeriod:
    """Return the period a cell names, or raise ValueError saying what was expected."""
    if isinstance(value, dt.date):  # a month typed into Excel becomes a date: 01/09/2016
        return KpiPeriod.month(value.year, value.month)
    text = " ".join(str(value).split())
    quarter = _QUARTER_FIRST.match(text)
    if quarter:
        return KpiPeriod.quarter(_year(quarter.group(2)), int(quarter.group(1)))
    quarter = _QUARTER_LAST.match(text)
    if quarter:
        return KpiPeriod.quarter(_year(quarter.group(1)), int(quarter.group(2)))
    month = _ISO_MONTH.match(text)
    if month:
        number = int(month.group(2))
        if not 1 <= number <= 12:
            raise ValueError(f"{text!r} is not a month: {number} is not 1 to 12")
        return KpiPeriod.month(int(month.group(1)), number)
    named = _NAMED_MONTH.match(text)
    if named and named.group(1).lower() in MONTHS:
        return KpiPeriod.month(int(named.group(2)), MONTHS[named.group(1).lower()])
    outturn = _OUTTURN.match(text)
    if outturn:
        return KpiPeriod.outturn(_year(outturn.group(1)))
    raise ValueError(f"cannot read {text!r} as a period: write {EXAMPLES}")


def parse_reporting_period(value: Any) -> ReportingPeriod:
    """Return the period a report covers: a financial quarter, or a whole year."""
    period = parse_period(value)
    if period.frequency.value == "monthly":
        raise ValueError(f"the period reported is a quarter such as 'Q3 2016/17' or a year, not a month ({value!r})")
    return ReportingPeriod(period.year, period.index)


__all__ = ["MONTHS", "parse_period", "parse_reporting_period"]
