"""Indicators as a KPI workbook holds them: metadata, a series of figures, commentary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .fiscal import FinancialYear, ReportingPeriod, quarter_of_month
from .report import Indicator
from .tables import Target
from .text import Block
from .values import Number, Polarity, Unit

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")


class Frequency(Enum):
    """How often an indicator is reported within a financial year."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"

    @property
    def noun(self) -> str:
        """Return the period's name, e.g. ``quarter``."""
        return {"monthly": "month", "quarterly": "quarter", "annual": "year"}[self.value]


@dataclass(frozen=True, slots=True)
class KpiPeriod:
    """A point of a series: a financial quarter, a calendar month, or a year's outturn.

    ``index`` is the quarter (1-4, Q1 = April to June) or the calendar month (1-12); it is None
    for a year's outturn. A month belongs to the financial year it falls in: Jan 2017 is in 2016/17.
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
    def quarter(cls, year: FinancialYear, quarter: int) -> KpiPeriod:
        """Return a financial quarter."""
        return cls(year, Frequency.QUARTERLY, quarter)

    @classmethod
    def month(cls, calendar_year: int, month: int) -> KpiPeriod:
        """Return a calendar month, placed in its financial year."""
        return cls(FinancialYear(calendar_year if month >= 4 else calendar_year - 1), Frequency.MONTHLY, month)

    @classmethod
    def outturn(cls, year: FinancialYear) -> KpiPeriod:
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
        rank = {Frequency.MONTHLY: 0, Frequency.QUARTERLY: 1, Frequency.ANNUAL: 2}[self.frequency]
        return (self.year.start, self.position, rank)

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

    def previous(self) -> KpiPeriod:
        """Return the period just before: Q4 of last year before Q1, March before April."""
        if self.frequency is Frequency.ANNUAL:
            return KpiPeriod(self.year.previous(), self.frequency)
        assert self.index is not None
        if self.frequency is Frequency.QUARTERLY:
            if self.index == 1:
                return KpiPeriod(self.year.previous(), self.frequency, 4)
            return KpiPeriod(self.year, self.frequency, self.index - 1)
        if self.index == 4:
            return KpiPeriod(self.year.previous(), self.frequency, 3)
        return KpiPeriod(self.year, self.frequency, 12 if self.index == 1 else self.index - 1)

    def year_earlier(self) -> KpiPeriod:
        """Return the same period of the previous financial year."""
        return KpiPeriod(self.year.previous(), self.frequency, self.index)

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


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure of a series, with an optional note such as ``provisional``."""

    period: KpiPeriod
    value: Number
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Kpi:
    """An indicator with its target, comparators, figures in time order and commentary."""

    id: str
    portfolio: str
    description: str
    polarity: Polarity
    unit: Unit = Unit.NUMBER
    target: Target | None = None
    tolerance: Decimal | None = None  # a fraction of the target: 0.1 is 10%
    frequency: Frequency | None = None  # None: as the series shows
    series: tuple[Observation, ...] = ()
    england: Number | None = None
    stat_neighbours: Number | None = None
    comparator_period: str | None = None  # the period the comparators are for, e.g. 2015/16
    commentary: tuple[Block, ...] = ()
    notes: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.series, key=lambda o: o.period.sort_key))
        periods = [o.period for o in ordered]
        repeated = sorted({p.label for p in periods if periods.count(p) > 1})
        if repeated:
            raise ValueError(f"indicator {self.id}: more than one figure for {', '.join(repeated)}")
        object.__setattr__(self, "series", ordered)

    @property
    def indicator(self) -> Indicator:
        """Return the indicator as an exception page shows it."""
        return Indicator(self.description, self.polarity, self.unit, self.id)

    @property
    def cadence(self) -> Frequency:
        """Return the frequency given, else the finest one the series holds (annual if none)."""
        if self.frequency is not None:
            return self.frequency
        kinds = {o.period.frequency for o in self.series}
        for frequency in (Frequency.MONTHLY, Frequency.QUARTERLY):
            if frequency in kinds:
                return frequency
        return Frequency.ANNUAL

    @property
    def latest(self) -> Observation | None:
        """Return the most recent figure."""
        return self.series[-1] if self.series else None

    def at(self, period: KpiPeriod) -> Observation | None:
        """Return the figure for a period, if there is one."""
        for observation in self.series:
            if observation.period == period:
                return observation
        return None


@dataclass(frozen=True, slots=True)
class KpiSettings:
    """The report settings a workbook gives: labels, the period reported, the meeting."""

    appendix: str = "Exception Reports"
    title: str | None = None
    period: ReportingPeriod | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class KpiData:
    """Everything a KPI workbook holds: the settings and every indicator, in workbook order."""

    settings: KpiSettings
    kpis: tuple[Kpi, ...]

    def __post_init__(self) -> None:
        ids = [k.id for k in self.kpis]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"indicator ids must be unique, repeated: {', '.join(repeated)}")

    @property
    def portfolios(self) -> tuple[str, ...]:
        """Return the portfolios in the order they first appear."""
        return tuple(dict.fromkeys(k.portfolio for k in self.kpis))

    @property
    def reporting_period(self) -> ReportingPeriod | None:
        """Return the period reported: the settings' one, else that of the latest figure."""
        if self.settings.period is not None:
            return self.settings.period
        latest = [k.latest.period for k in self.kpis if k.latest is not None]
        if not latest:
            return None
        period = max(latest, key=lambda p: p.sort_key)
        return ReportingPeriod(period.year, period.quarter_number)

    def kpi(self, kpi_id: str) -> Kpi:
        """Return the indicator with this id."""
        for kpi in self.kpis:
            if kpi.id == kpi_id:
                return kpi
        raise KeyError(kpi_id)
