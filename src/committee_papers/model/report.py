"""Indicators, exception pages, portfolio sections and the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .fiscal import ReportingPeriod
from .tables import DataTable, DotTable
from .text import Block, SupplementaryTable
from .values import Polarity, Unit


@dataclass(frozen=True, slots=True)
class Indicator:
    """A performance indicator: what it measures and which way is better."""

    description: str
    polarity: Polarity
    unit: Unit = Unit.NUMBER
    id: str | None = None


@dataclass(frozen=True, slots=True)
class ExceptionPage:
    """One exception report: indicators, figures, direction of travel and commentary."""

    indicators: tuple[Indicator, ...]
    table: DataTable | None = None
    dot_table: DotTable | None = None
    notes: tuple[Block, ...] = ()
    supplementary: tuple[SupplementaryTable, ...] = ()
    commentary: tuple[Block, ...] = ()
    title: str | None = None  # heading and bookmark; defaults to the first description

    def __post_init__(self) -> None:
        if not self.indicators:
            raise ValueError("an exception page needs at least one indicator")
        used = [row.indicator for row in self.table.rows] if self.table else []
        used += [c.indicator for c in self.dot_table.comparisons] if self.dot_table else []
        bad = sorted({i for i in used if not 0 <= i < len(self.indicators)})
        if bad:
            raise ValueError(f"rows or comparisons refer to indicators that do not exist: {bad}")

    @property
    def heading(self) -> str:
        """Return the page's heading: its title, else its first indicator's description."""
        return self.title or self.indicators[0].description


@dataclass(frozen=True, slots=True)
class Section:
    """The exception pages of one portfolio."""

    portfolio: str
    pages: tuple[ExceptionPage, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """An Exception Reports appendix."""

    appendix_label: str
    sections: tuple[Section, ...]
    title: str | None = None  # document title; defaults to the appendix label
    period: ReportingPeriod | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    organisation: str | None = None
    author: str | None = None
    locale: str = "en_GB"
    language: str = "en-GB"

    @property
    def document_title(self) -> str:
        """Return the title for the document's metadata."""
        return self.title or self.appendix_label

    def pages(self) -> Iterator[tuple[Section, ExceptionPage]]:
        """Yield every exception page with its section, in order."""
        for section in self.sections:
            for page in section.pages:
                yield section, page

    @property
    def page_count(self) -> int:
        """Return the number of exception pages."""
        return sum(len(section.pages) for section in self.sections)
