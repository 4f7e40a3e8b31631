"""The columns of a data table: what each stands for, and how a heading names one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

from .periods import MONTH_NAMES, MONTHS, FinancialYear, FiscalPeriod, Frequency, parse_period


class PeriodKind(Enum):
    """What a column of the data table stands for."""

    YEAR = "year"  # a past year's outturn
    QUARTER = "quarter"
    MONTH = "month"
    YEAR_END = "year_end"  # Outturn, EoY
    CUMULATIVE = "cumulative"  # YTD, year to date: compared only with the same cumulative period
    OTHER = "other"


_QUARTER = re.compile(r"^q([1-4])$", re.IGNORECASE)
_CUMULATIVE = {"ytd", "year to date", "year-to-date", "outturn to date", "to date", "cumulative",
               "cumulative to date", "ytd total"}
_YEAR_END = {"outturn", "eoy", "year end", "year-end", "end of year"}


@dataclass(frozen=True, slots=True)
class Period:
    """One column of figures. ``label`` is shown and identifies the column in the table."""

    label: str
    kind: PeriodKind
    year: FinancialYear | None = None
    index: int | None = None  # quarter 1-4, or calendar month 1-12
    group: str | None = None  # the spanning header above it, e.g. "2015/16"
    _fiscal: FiscalPeriod | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        limits = {PeriodKind.QUARTER: 4, PeriodKind.MONTH: 12}
        if self.kind in limits:
            if self.year is None or self.index is None or not 1 <= self.index <= limits[self.kind]:
                raise ValueError(f"the {self.kind.value} column {self.label!r} needs its financial year and "
                                 f"an index from 1 to {limits[self.kind]}")
        elif self.index is not None:
            raise ValueError(f"the {self.kind.value} column {self.label!r} has no index")
        elif self.kind is PeriodKind.YEAR and self.year is None:
            raise ValueError(f"the past year column {self.label!r} needs its financial year")
        object.__setattr__(self, "_fiscal", self._point())  # asked for often: by every mark and check

    @classmethod
    def past_year(cls, year: FinancialYear) -> Period:
        """Return the column of a past year's outturn, labelled ``2014/15``."""
        return cls(year.short, PeriodKind.YEAR, year)

    @classmethod
    def quarter(cls, year: FinancialYear, quarter: int, group: str | None = None) -> Period:
        """Return the column of quarter 1-4 of ``year``, labelled ``Q2``, under the spanning
        header ``group`` (by default the year, ``2015/16``)."""
        return cls(f"Q{quarter}", PeriodKind.QUARTER, year, quarter, year.short if group is None else group)

    @classmethod
    def month(cls, year: FinancialYear, month: int, group: str | None = None) -> Period:
        """Return the column of calendar month 1-12 of ``year`` (April is its first), labelled
        ``Sept``, under the spanning header ``group`` (by default the year)."""
        if not 1 <= month <= 12:
            raise ValueError(f"a month is 1 to 12, got {month}")
        return cls(MONTH_NAMES[month - 1], PeriodKind.MONTH, year, month, year.short if group is None else group)

    @classmethod
    def from_label(cls, label: str, year: FinancialYear | None = None, group: str | None = None) -> Period:
        """Return the column a heading names, as the YAML ``periods`` list reads it.

        ``Q1``-``Q4`` and month names (``Sep``, ``September``) are sub-periods of ``year``;
        ``Outturn``, ``EoY``, ``Year end`` are its outturn; ``YTD``, ``Year to date``,
        ``Cumulative`` are cumulative; a heading with its own year (``Q3 2015/16``,
        ``Sep 2015``) is that period; anything else is a column of kind OTHER (e.g. ``Rate``),
        never compared by time. ``group`` is the spanning header above the column.
        """
        word = label.strip().lower().rstrip(".")
        quarter = _QUARTER.match(word)
        if quarter and year is not None:
            return cls(label, PeriodKind.QUARTER, year, int(quarter.group(1)), group)
        if word in MONTHS and year is not None:
            return cls(label, PeriodKind.MONTH, year, MONTHS[word], group)
        if word in _YEAR_END:
            return cls(label, PeriodKind.YEAR_END, year, None, group)
        if word in _CUMULATIVE:
            return cls(label, PeriodKind.CUMULATIVE, year, None, group)
        try:  # a period with its own year: "Q3 2015/16" or "Sep 2015", e.g. the same quarter last year
            point = parse_period(label)
        except ValueError:
            point = None
        if point is not None and point.frequency is not Frequency.ANNUAL:
            kind = PeriodKind.QUARTER if point.frequency is Frequency.QUARTERLY else PeriodKind.MONTH
            own = group if year is None or point.year == year else None  # not under another year's header
            return cls(label, kind, point.year, point.index, own)
        return cls(label, PeriodKind.OTHER, year, None, group)

    @property
    def fiscal(self) -> FiscalPeriod | None:
        """Return the point in time the column stands for; None for a column such as ``YTD``.

        A past year and a year-end column (``Outturn``, ``EoY``) are that year's outturn.
        """
        return self._fiscal

    def _point(self) -> FiscalPeriod | None:
        if self.year is None or self.kind in (PeriodKind.OTHER, PeriodKind.CUMULATIVE):
            return None
        if self.kind is PeriodKind.QUARTER:
            return FiscalPeriod(self.year, Frequency.QUARTERLY, self.index)
        if self.kind is PeriodKind.MONTH:
            return FiscalPeriod(self.year, Frequency.MONTHLY, self.index)
        return FiscalPeriod.outturn(self.year)


def out_of_order(periods: tuple[Period, ...]) -> str | None:
    """Return why the columns are not in time order, or None when they are.

    Columns with a point in time must run oldest first (a column such as ``YTD`` may sit
    anywhere): the marks compare the latest figure with earlier ones, so an order that is not
    chronological would reverse them.
    """
    timed = [(p, p.fiscal) for p in periods if p.fiscal is not None]
    for (before, early), (after, late) in pairwise(timed):
        assert early is not None and late is not None
        if late.sort_key <= early.sort_key:
            return (f"the columns are not in time order: {after.label!r} comes after {before.label!r}; "
                    "list past years and periods oldest first")
    return None
