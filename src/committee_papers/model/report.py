"""Indicators, exception pages, portfolio sections and the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .language import check_language
from .page import ExceptionPage
from .periods import ReportingPeriod


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
