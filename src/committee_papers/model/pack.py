"""The appendix pack's data: the report of exception pages and the scorecard of all indicators."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .report import Report
from .status import DotConvention, Rag
from .tables import Target
from .values import Polarity, Unit, Value

if TYPE_CHECKING:  # the model does not depend on the assessment at run time
    from ..assess.dot import Assessment


@dataclass(frozen=True, slots=True)
class ScorecardEntry:
    """One indicator's line of the scorecard, whether or not it has an exception page."""

    id: str
    portfolio: str
    description: str
    polarity: Polarity
    unit: Unit
    latest: Value | None  # the most recent figure
    period: str | None  # the period of that figure, e.g. ``Q3 2016/17``
    target: Target | None
    dot: Assessment | None  # against the previous period
    rag: Rag
    status: str  # the status explained, e.g. ``Red: 17.1% is 22% worse than the 14% target ...``
    reasons: tuple[str, ...] = ()  # why it was selected as an exception; empty if it was not
    dot_reference: Value | None = None  # the previous period's figure the mark compares with
    page: tuple[int, int] | None = None  # (section, page) of its exception page in the report

    @property
    def selected(self) -> bool:
        """Return whether the indicator has an exception page."""
        return self.page is not None


@dataclass(frozen=True, slots=True)
class Pack:
    """The appendix pack: exception pages by portfolio, and a scorecard of every indicator."""

    report: Report
    scorecard: tuple[ScorecardEntry, ...]
    dot_convention: DotConvention = DotConvention.BLACKPOOL
    rules: str = ""  # the name of the rules that chose the exceptions

    def __post_init__(self) -> None:
        for entry in self.scorecard:
            if entry.page is None:
                continue
            section, page = entry.page
            if not (0 <= section < len(self.report.sections)
                    and 0 <= page < len(self.report.sections[section].pages)):
                raise ValueError(f"{entry.id} refers to page {entry.page}, which the report does not have")

    @property
    def exceptions(self) -> tuple[ScorecardEntry, ...]:
        """Return the entries that have an exception page, in scorecard order."""
        return tuple(entry for entry in self.scorecard if entry.selected)

    def entry(self, kpi_id: str) -> ScorecardEntry:
        """Return the scorecard entry of an indicator."""
        for entry in self.scorecard:
            if entry.id == kpi_id:
                return entry
        raise KeyError(kpi_id)
