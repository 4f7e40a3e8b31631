"""Time in a council's reporting year: financial years, quarters, months and outturns.

This is the one place for the rules of reporting time, used by report files and workbooks
alike: the UK financial year runs from April to March and is written ``2015/16``; Q1 is
April to June (never a calendar quarter, so Babel's ``QQQ`` is wrong here); a month belongs
to the financial year it falls in (January 2017 is in 2016/17); which periods are due by a
reporting period; the period before, and the same period a year earlier. Month names are
read and written from the tables here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

# How months are written in a column heading: Blackpool's pages write "Sept".
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")
# How months may be read: every common abbreviation and the full names, lower case.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}

_YEAR = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")


@dataclass(frozen=True, slots=True, order=True)
class FinancialYear:
    """The year that starts on 1 April of ``start``: 2015/16 has start 2015."""

    start: int

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Return the year written as ``2015/16``, ``2015/2016`` or ``2015-16``.

        Raise ValueError for anything else, or for an end year that does not follow the start.
        """
        match = _YEAR.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a financial year such as 2015/16")
        start, end = int(match.group(1)), match.group(2)
        expected = str(start + 1)
        if end != expected and end != expected[-2:]:
            raise ValueError(f"{text!r} is not a financial year: {end} does not follow {start}")
        return cls(start)

    @property
    def short(self) -> str:
        """Return the label in the short form, ``2015/16``."""
        return f"{self.start}/{(self.start + 1) % 100:02d}"

    @property
    def long(self) -> str:
        """Return the label in the long form, ``2015/2016``."""
        return f"{self.start}/{self.start + 1}"

    def previous(self) -> FinancialYear:
        """Return the year before this one."""
        return FinancialYear(self.start - 1)

    @classmethod
    def of(cls, date: dt.date) -> FinancialYear:
        """Return the financial year a date falls in."""
        return cls(date.year if date.month >= 4 else date.year - 1)


def quarter_of_month(month: int) -> int:
    """Return the financial quarter (1-4) that a calendar month (1-12) falls in."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, got {month}")
    return (month - 4) % 12 // 3 + 1


_REPORTING = re.compile(r"^\s*(?:Q([1-4])\s+)?(\S+)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    """The period a report covers: a financial year and, within it, a quarter."""

    year: FinancialYear
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter must be 1 to 4, got {self.quarter}")

    @classmethod
    def parse(cls, text: str) -> ReportingPeriod:
        """Return ``Q2 2015/16`` or ``2015/16``; raise ValueError saying what was expected."""
        match = _REPORTING.match(text)
        if not match:
            raise ValueError("write the period as 'Q2 2015/16' or '2015/16'")
        return cls(FinancialYear.parse(match[2]), int(match[1]) if match[1] else None)

    @property
    def label(self) -> str:
        """Return e.g. ``Q2 2015/16``, or the year alone."""
        if self.quarter is None:
            return self.year.short
        return f"Q{self.quarter} {self.year.short}"


class Frequency(Enum):
    """How often an indicator is reported within a financial year."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"

    @property
    def noun(self) -> str:
        """Return the period's name, e.g. ``quarter``."""
        return {"monthly": "month", "quarterly": "quarter", "annual": "year"}[self.value]


_RANK = {Frequency.MONTHLY: 0, Frequency.QUARTERLY: 1, Frequency.ANNUAL: 2}


@dataclass(frozen=True, slots=True)
class FiscalPeriod:
    """A point in reporting time: a financial quarter, a calendar month, or a year's outturn.

    ``index`` is the quarter (1-4, Q1 = April to June) or the calendar month (1-12); it is None
    for a year's outturn. A month belongs to the financial year it falls in: Jan 2017 is in
    2016/17. Raise ValueError for an index out of range.
    """

    year: FinancialYear
    frequency: Frequency
    index: int | None = None

    def __post_init__(self) -> None:
        limits = {Frequency.QUARTERLY: 4, Frequency.MONTHLY: 12}
        if self.frequency is Frequency.ANNUAL:
            if self.index is not None:
                raise ValueError("a year's outturn has no index")
        elif self.index is None or not 1 <= self.index <= limits[self.frequency]:
            raise ValueError(f"a {self.frequency.noun} index must be 1 to {limits[self.frequency]}")

    @classmethod
    def quarter(cls, year: FinancialYear, quarter: int) -> FiscalPeriod:
        """Return a financial quarter."""
        return cls(year, Frequency.QUARTERLY, quarter)

    @classmethod
    def month(cls, calendar_year: int, month: int) -> FiscalPeriod:
        """Return a calendar month, placed in its financial year."""
        return cls(FinancialYear(calendar_year if month >= 4 else calendar_year - 1), Frequency.MONTHLY, month)

    @classmethod
    def outturn(cls, year: FinancialYear) -> FiscalPeriod:
        """Return a year's outturn."""
        return cls(year, Frequency.ANNUAL)

    @property
    def position(self) -> int:
        """Return the month of the financial year (1 = April) in which the period ends."""
        if self.index is None:
            return 12
        if self.frequency is Frequency.QUARTERLY:
            return 3 * self.index
        return (self.index - 4) % 12 + 1

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Return a key that sorts periods in time order (a month, its quarter, then the year)."""
        return (self.year.start, self.position, _RANK[self.frequency])

    @property
    def calendar_year(self) -> int:
        """Return the calendar year a month falls in (the start year otherwise)."""
        if self.frequency is Frequency.MONTHLY and self.index is not None and self.index < 4:
            return self.year.start + 1
        return self.year.start

    @property
    def column(self) -> str:
        """Return the column heading under the year: ``Q3``, ``Sept``, or the year itself."""
        if self.frequency is Frequency.QUARTERLY:
            return f"Q{self.index}"
        if self.frequency is Frequency.MONTHLY:
            assert self.index is not None
            return MONTH_NAMES[self.index - 1]
        return self.year.short

    @property
    def label(self) -> str:
        """Return the full name: ``Q3 2016/17``, ``Sept 2016`` or ``2015/16``."""
        if self.frequency is Frequency.QUARTERLY:
            return f"Q{self.index} {self.year.short}"
        if self.frequency is Frequency.MONTHLY:
            return f"{self.column} {self.calendar_year}"
        return self.year.short

    @property
    def short_label(self) -> str:
        """Return the name used in a Direction of Travel heading: ``Q2 (16/17)``, ``EoY (15/16)``."""
        years = f"{self.year.start % 100:02d}/{(self.year.start + 1) % 100:02d}"
        return f"{'EoY' if self.frequency is Frequency.ANNUAL else self.column} ({years})"

    @property
    def quarter_number(self) -> int | None:
        """Return the financial quarter the period falls in; None for a year's outturn."""
        if self.frequency is Frequency.QUARTERLY:
            return self.index
        if self.frequency is Frequency.MONTHLY:
            assert self.index is not None
            return quarter_of_month(self.index)
        return None

    def previous(self) -> FiscalPeriod:
        """Return the period just before: Q4 of last year before Q1, March before April."""
        if self.frequency is Frequency.ANNUAL:
            return FiscalPeriod(self.year.previous(), self.frequency)
        assert self.index is not None
        if self.frequency is Frequency.QUARTERLY:
            if self.index == 1:
                return FiscalPeriod(self.year.previous(), self.frequency, 4)
            return FiscalPeriod(self.year, self.frequency, self.index - 1)
        if self.index == 4:
            return FiscalPeriod(self.year.previous(), self.frequency, 3)
        return FiscalPeriod(self.year, self.frequency, 12 if self.index == 1 else self.index - 1)

    def next(self) -> FiscalPeriod:
        """Return the period just after: Q1 of next year after Q4, April after March."""
        if self.frequency is Frequency.ANNUAL:
            return FiscalPeriod(FinancialYear(self.year.start + 1), self.frequency)
        assert self.index is not None
        if self.frequency is Frequency.QUARTERLY:
            if self.index == 4:
                return FiscalPeriod(FinancialYear(self.year.start + 1), self.frequency, 1)
            return FiscalPeriod(self.year, self.frequency, self.index + 1)
        if self.index == 3:
            return FiscalPeriod(FinancialYear(self.year.start + 1), self.frequency, 4)
        return FiscalPeriod(self.year, self.frequency, 1 if self.index == 12 else self.index + 1)

    def year_earlier(self) -> FiscalPeriod:
        """Return the same period of the previous financial year."""
        return FiscalPeriod(self.year.previous(), self.frequency, self.index)

    def is_after(self, reporting: ReportingPeriod) -> bool:
        """Return whether the period ends after the reporting period.

        The reporting year's own outturn is never after it: annual measures are often published
        during the year they are named for.
        """
        if self.year != reporting.year:
            return self.year > reporting.year
        if self.frequency is Frequency.ANNUAL or reporting.quarter is None:
            return False
        return self.position > 3 * reporting.quarter

    def is_due(self, reporting: ReportingPeriod) -> bool:
        """Return whether a figure for this period should exist by the end of the reporting period.

        Every period of an earlier year is due; within the reporting year, the quarters and
        months up to the reporting quarter are due, and the year's own outturn is not yet.
        """
        if self.year != reporting.year:
            return self.year < reporting.year
        if self.frequency is Frequency.ANNUAL or reporting.quarter is None:
            return False
        return self.position <= 3 * reporting.quarter


_YEAR_TEXT = r"(\d{4}\s*[/-]\s*(?:\d{4}|\d{2}))"
_QUARTER_WORD = r"(?:q|qtr\.?|quarter)\s*([1-4])"
_YEAR_END = r"(?:outturn|eoy|year\s*-?\s*end|end\s+of\s+year)"
_QUARTER_FIRST = re.compile(rf"^{_QUARTER_WORD}\s*,?\s*{_YEAR_TEXT}$", re.IGNORECASE)
_QUARTER_LAST = re.compile(rf"^{_YEAR_TEXT}\s*,?\s*{_QUARTER_WORD}$", re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_NAMED_MONTH = re.compile(r"^([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)
_OUTTURN = re.compile(rf"^(?:{_YEAR_END}\s+)?{_YEAR_TEXT}(?:\s+{_YEAR_END})?$", re.IGNORECASE)
_BARE_QUARTER = re.compile(rf"^{_QUARTER_WORD}$", re.IGNORECASE)
_BARE_YEAR_END = re.compile(rf"^{_YEAR_END}$", re.IGNORECASE)
PERIOD_EXAMPLES = ("a quarter such as 'Q3 2016/17', a month such as 'Sep 2016' or '2016-09', or a "
                   "year such as '2015/16'")


class PeriodWithoutYear(ValueError):
    """A column heading such as ``Q3``, ``Sept`` or ``Outturn`` that names a period of a year not given."""


def _year(text: str) -> FinancialYear:
    return FinancialYear.parse(text.replace(" ", ""))


def _within(text: str, year: FinancialYear | None) -> FiscalPeriod | None:
    """Return the period a heading without a year names within ``year``: ``Q3``, ``Sept``, ``Outturn``.

    Return None when the text is not such a heading; raise PeriodWithoutYear when it is but
    ``year`` is None.
    """
    quarter = _BARE_QUARTER.match(text)
    word = text.lower().rstrip(".")
    if quarter is None and word not in MONTHS and not _BARE_YEAR_END.match(text):
        return None
    if year is None:
        raise PeriodWithoutYear(f"cannot read {text!r} as a period: it has no year; write e.g. "
                                f"'{text} 2016/17'")
    if quarter is not None:
        return FiscalPeriod.quarter(year, int(quarter.group(1)))
    if word in MONTHS:
        return FiscalPeriod(year, Frequency.MONTHLY, MONTHS[word])
    return FiscalPeriod.outturn(year)


def parse_period(value: Any, *, year: FinancialYear | None = None) -> FiscalPeriod:
    """Return the period a label (or a date, for its month) names; raise ValueError otherwise.

    Accepted: ``Q3 2016/17``, ``2016/17 Q3``, ``Quarter 3 2016/17`` or ``Qtr 3 2016/17``;
    ``Sep 2016``, ``September 2016`` or ``2016-09`` (``YYYY-MM`` is a month whenever MM is one:
    ``2011-12`` is December 2011, ``2015-16`` the year 2015/16); ``2015/16``, ``2015/16 Outturn``,
    ``Outturn 2015/16`` or ``2015/16 EoY``. A column heading under a year (``Q3``, ``Sept``, ``Outturn``, ``EoY``) is
    read within ``year``; without one it raises PeriodWithoutYear, a ValueError.
    """
    if isinstance(value, dt.date):
        return FiscalPeriod.month(value.year, value.month)
    text = " ".join(str(value).split())
    quarter = _QUARTER_FIRST.match(text)
    if quarter:
        return FiscalPeriod.quarter(_year(quarter.group(2)), int(quarter.group(1)))
    quarter = _QUARTER_LAST.match(text)
    if quarter:
        return FiscalPeriod.quarter(_year(quarter.group(1)), int(quarter.group(2)))
    month = _ISO_MONTH.match(text)
    if month:
        number = int(month.group(2))
        if 1 <= number <= 12:
            return FiscalPeriod.month(int(month.group(1)), number)
        if f"{(int(month.group(1)) + 1) % 100:02d}" == month.group(2):
            return FiscalPeriod.outturn(_year(text))  # 2015-16: no month 16, so the year 2015/16
        raise ValueError(f"{text!r} is not a month: {number} is not 1 to 12")
    named = _NAMED_MONTH.match(text)
    if named and named.group(1).lower() in MONTHS:
        return FiscalPeriod.month(int(named.group(2)), MONTHS[named.group(1).lower()])
    outturn = _OUTTURN.match(text)
    if outturn:
        return FiscalPeriod.outturn(_year(outturn.group(1)))
    within = _within(text, year)
    if within is not None:
        return within
    raise ValueError(f"cannot read {text!r} as a period: write {PERIOD_EXAMPLES}")


__all__ = [
    "MONTHS", "MONTH_NAMES", "PERIOD_EXAMPLES", "FinancialYear", "FiscalPeriod", "Frequency",
    "PeriodWithoutYear", "ReportingPeriod", "parse_period", "quarter_of_month",
]
