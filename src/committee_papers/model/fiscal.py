"""UK financial years (April to March) and their quarters."""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")
# First calendar month of each financial quarter: Q1 = April.
QUARTER_START_MONTH = {1: 4, 2: 7, 3: 10, 4: 1}


@dataclass(frozen=True, slots=True, order=True)
class FinancialYear:
    """The year that starts on 1 April of ``start``: 2015/16 has start 2015."""

    start: int

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Return the year written as ``2015/16``, ``2015/2016`` or ``2015-16``."""
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


def quarter_of_month(month: int) -> int:
    """Return the financial quarter (1-4) that a calendar month (1-12) falls in."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, got {month}")
    return (month - 4) % 12 // 3 + 1


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    """The period a report covers: a financial year and, within it, a quarter."""

    year: FinancialYear
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter must be 1 to 4, got {self.quarter}")

    @property
    def label(self) -> str:
        """Return e.g. ``Q2 2015/16``, or the year alone."""
        if self.quarter is None:
            return self.year.short
        return f"Q{self.quarter} {self.year.short}"
