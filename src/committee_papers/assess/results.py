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
    ExceptionPage,
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
class RagStatus:
    """A row's or page's RAG status and why: stated by the council (``computed`` False), or
    computed from the figures (``assess.rag``)."""

    rag: Rag
    reason: str
    computed: bool = True


@dataclass(frozen=True, slots=True)
class TableMarks:
    """The marks of one data table: ``rows[i][j]`` is row ``i`` in DoT column ``j``;
    ``statuses[i]`` is row ``i``'s RAG status (stated or computed), empty when the table
    shows no status column."""

    rows: tuple[tuple[RowDot, ...], ...] = ()
    statuses: tuple[RagStatus, ...] = ()


@dataclass(frozen=True, slots=True)
class PageMarks:
    """The marks of one exception page, computed once.

    ``tables[t]`` are the marks of the page's ``t``-th data table; ``dot_tables[d][k]`` the
    ``k``-th entry of its ``d``-th Direction of Travel table (None for a text entry or a blank
    current period); ``statuses[s]`` its ``s``-th status block's status.
    """

    tables: tuple[TableMarks, ...] = ()
    dot_tables: tuple[tuple[Assessment | None, ...], ...] = ()
    statuses: tuple[RagStatus, ...] = ()

    @property
    def rows(self) -> tuple[tuple[RowDot, ...], ...]:
        """Return the marks of the first data table's rows (empty without a table)."""
        return self.tables[0].rows if self.tables else ()

    @property
    def comparisons(self) -> tuple[Assessment | None, ...]:
        """Return the marks of the first Direction of Travel table (empty without one)."""
        return self.dot_tables[0] if self.dot_tables else ()


def _page_fits(page: ExceptionPage, marks: PageMarks) -> bool:
    """Return whether ``marks`` has an entry per table, row, DoT column and comparison of ``page``."""
    if len(marks.tables) != len(page.tables) or len(marks.dot_tables) != len(page.dot_tables):
        return False
    for table, table_marks in zip(page.tables, marks.tables, strict=True):
        if len(table_marks.rows) != len(table.rows) or any(len(r) != len(table.dots) for r in table_marks.rows):
            return False
    return all(len(d.comparisons) == len(m) for d, m in zip(page.dot_tables, marks.dot_tables, strict=True))


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
                if not _page_fits(page, page_marks):
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
