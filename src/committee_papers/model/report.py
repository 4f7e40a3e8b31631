"""Indicators, exception pages, portfolio sections and the report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .chart import TrendChart
from .periods import ReportingPeriod
from .tables import DataTable, DotTable
from .text import Block, SupplementaryTable, as_blocks
from .values import Polarity, Unit

# A BCP 47 language tag (RFC 5646 §2.1): language, optional script, region and variants.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
                           r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*")


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:30] + "...")


def check_language(tag: str) -> None:
    """Raise ValueError unless ``tag`` is a BCP 47 language tag such as ``en-GB`` or ``cy``.

    PDF ``/Lang`` (ISO 32000-1 §14.9.2), Word's ``w:lang`` and ``dc:language`` all take
    BCP 47 tags; the locale form ``cy_GB`` is not one, and is refused with the right spelling.
    """
    if _LANGUAGE_TAG.fullmatch(tag):
        return
    if tag.strip() != tag and _LANGUAGE_TAG.fullmatch(tag.strip()):
        raise ValueError(f"the language {_quoted(tag)} has spaces around it: write {tag.strip()!r}")
    if _LANGUAGE_TAG.fullmatch(tag.strip().replace("_", "-")):
        raise ValueError(f"{_quoted(tag)} is a locale, not a language tag: write "
                         f"{_quoted(tag.strip().replace('_', '-'))}")
    raise ValueError(f"{_quoted(tag)} is not a language tag: write one such as 'en-GB' or 'cy-GB' (BCP 47)")


@dataclass(frozen=True, slots=True)
class Indicator:
    """A performance indicator: what it measures and which way is better."""

    description: str
    polarity: Polarity
    unit: Unit = Unit.NUMBER
    id: str | None = None


@dataclass(frozen=True, slots=True)
class ExceptionPage:
    """One exception report: indicators, figures, direction of travel and commentary.

    ``notes`` and ``commentary`` take blocks, or plain text (a paragraph each, split at blank
    lines), or a list of texts and blocks. Raise ValueError for a page without indicators, rows
    or comparisons naming an indicator it lacks, and TypeError for text of the wrong kind.
    """

    indicators: tuple[Indicator, ...]
    table: DataTable | None = None
    dot_table: DotTable | None = None
    notes: tuple[Block, ...] = ()
    supplementary: tuple[SupplementaryTable, ...] = ()
    commentary: tuple[Block, ...] = ()
    title: str | None = None  # heading and bookmark; defaults to the first description
    chart: TrendChart | None = None  # a trend chart of the figures, drawn after the DoT table

    def __post_init__(self) -> None:
        object.__setattr__(self, "indicators", tuple(self.indicators))
        object.__setattr__(self, "notes", as_blocks(self.notes, "notes"))
        object.__setattr__(self, "commentary", as_blocks(self.commentary, "commentary"))
        object.__setattr__(self, "supplementary", tuple(self.supplementary))
        if any(not isinstance(i, Indicator) for i in self.indicators):
            raise TypeError("an exception page's indicators are Indicator values")
        if self.chart is not None:
            _check_chart(self.chart, self.table)
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


def _check_chart(chart: TrendChart, table: DataTable | None) -> None:
    if table is None and not chart.series:
        raise ValueError("a trend chart needs the page's data table, or figures of its own")
    chart.check_table(tuple(p.label for p in table.periods) if table else (), len(table.rows) if table else 0)


@dataclass(frozen=True, slots=True)
class Section:
    """The exception pages of one portfolio."""

    portfolio: str
    pages: tuple[ExceptionPage, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """An Exception Reports appendix."""

    appendix: str
    sections: tuple[Section, ...]
    title: str | None = None  # document title; defaults to the appendix label
    period: ReportingPeriod | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    organisation: str | None = None
    author: str | None = None
    locale: str = "en_GB"
    language: str = "en-GB"

    def __post_init__(self) -> None:
        check_language(self.language)

    @property
    def document_title(self) -> str:
        """Return the title for the document's metadata."""
        return self.title or self.appendix

    def pages(self) -> Iterator[tuple[Section, ExceptionPage]]:
        """Yield every exception page with its section, in order."""
        for section in self.sections:
            for page in section.pages:
                yield section, page

    @property
    def page_count(self) -> int:
        """Return the number of exception pages."""
        return sum(len(section.pages) for section in self.sections)
