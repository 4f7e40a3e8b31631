"""Indicators as a KPI workbook holds them: metadata, a series of figures, commentary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .notice import Notice
from .page import Indicator
from .periods import FiscalPeriod, Frequency, ReportingPeriod
from .status import Rag
from .tables import Target
from .text import Block
from .values import Number, Polarity, Unit


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure of a series, with an optional note such as ``provisional``."""

    period: FiscalPeriod
    value: Number
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Stated:
    """What a workbook states in words for an indicator, kept as typed: the column's heading
    (``Good is``, ``RAG``), the cell's text (``Lower``, ``(GREEN)``), the cell (``Adults!K5``)
    and, for a status, the Rag the words name (checked against the status computed)."""

    heading: str
    text: str
    where: str = ""
    rag: Rag | None = None


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
    stated_polarity: Stated | None = None  # the polarity as the workbook words it ("Good is: Lower")
    stated_status: Stated | None = None  # the RAG status the workbook gives for the period reported
    lead_officer: str | None = None

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

    def at(self, period: FiscalPeriod) -> Observation | None:
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
    notices: tuple[Notice, ...] = ()  # what the reader changed or doubts, for ``check`` to report
    layout: str = ""  # how the workbook was laid out and read, in words, as ``check`` prints it

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
