"""What the assessment computes, as plain values: marks, page marks, the scorecard and pack.

Everything a document shows about performance (each mark, its words, a RAG status and its
reasons) is computed once, by ``assess``, into these values; layout only places them, so it
imports from ``assess`` nothing but this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import (
    Direction,
    DotConvention,
    Judgement,
    Mark,
    Polarity,
    Rag,
    Report,
    Target,
    Unit,
    Value,
)

DIRECTION_WORDS = {Direction.UP: "Increased", Direction.DOWN: "Decreased", Direction.SAME: "No change"}
JUDGEMENT_WORDS = {Judgement.BETTER: "better", Judgement.WORSE: "worse", Judgement.NEUTRAL: ""}


@dataclass(frozen=True, slots=True)
class Assessment:
    """A direction of travel and its judgement; ``computed`` is False for a stated mark."""

    direction: Direction
    judgement: Judgement
    computed: bool = True

    @property
    def words(self) -> str:
        """Return the meaning in plain words, e.g. ``Increased – worse``."""
        judgement = JUDGEMENT_WORDS[self.judgement]
        direction = DIRECTION_WORDS[self.direction]
        return f"{direction} – {judgement}" if judgement else direction

    def agrees_with(self, mark: Mark) -> bool:
        """Return whether a published mark says the same thing."""
        if mark.direction is not self.direction:
            return False
        return mark.judgement is None or mark.judgement is self.judgement

    @classmethod
    def stated(cls, mark: Mark) -> Assessment:
        """Return the assessment a stated mark gives, for comparisons with no data behind them."""
        judgement = mark.judgement if mark.judgement is not None else Judgement.NEUTRAL
        return cls(mark.direction, judgement, computed=False)


@dataclass(frozen=True, slots=True)
class RowDot:
    """The DoT of a data row, or why there is none."""

    assessment: Assessment | None
    reason: str = ""
    current: Value | None = None
    reference: Value | None = None
    missing: str | None = None  # the current period, when it has no figure (no mark is drawn)


@dataclass(frozen=True, slots=True)
class PageMarks:
    """The marks of one exception page, computed once.

    ``rows[i][j]`` is data row ``i`` in DoT column ``j`` of the page's table (empty without a
    table); ``comparisons[k]`` is the ``k``-th entry of its Direction of Travel table (None for
    a text entry or a blank current period).
    """

    rows: tuple[tuple[RowDot, ...], ...] = ()
    comparisons: tuple[Assessment | None, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportMarks:
    """The marks of every page of a report: ``pages[s][p]`` is page ``p`` of section ``s``."""

    pages: tuple[tuple[PageMarks, ...], ...]

    def __post_init__(self) -> None:
        if any(not isinstance(page, PageMarks) for section in self.pages for page in section):
            raise TypeError("ReportMarks.pages holds a tuple of PageMarks per section")

    def fits(self, report: Report) -> bool:
        """Return whether these marks have one entry per page, row and comparison of ``report``."""
        if [len(s.pages) for s in report.sections] != [len(s) for s in self.pages]:
            return False
        for section, marks in zip(report.sections, self.pages, strict=True):
            for page, page_marks in zip(section.pages, marks, strict=True):
                rows = page.table.rows if page.table is not None else ()
                dots = len(page.table.dots) if page.table is not None else 0
                comparisons = page.dot_table.comparisons if page.dot_table is not None else ()
                if (len(page_marks.rows) != len(rows) or any(len(r) != dots for r in page_marks.rows)
                        or len(page_marks.comparisons) != len(comparisons)):
                    return False
        return True


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
    marks: ReportMarks  # every mark of the report's pages, computed once (``assess_report``)
    scorecard: tuple[ScorecardEntry, ...]
    dot_convention: DotConvention = DotConvention.BLACKPOOL
    rules: str = ""  # the name of the rules that chose the exceptions

    def __post_init__(self) -> None:
        if not self.marks.fits(self.report):
            raise ValueError("the pack's marks are not those of its report: compute them with assess_report")
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
