"""Assess an exception page: the DoT of each data row and of each comparison."""

from __future__ import annotations

from ..model import (
    Comparison,
    DataRow,
    DataTable,
    DotBasis,
    DotColumn,
    ExceptionPage,
    Judgement,
    Period,
    PeriodKind,
    Polarity,
    Rag,
    Report,
    StatusBlock,
    Target,
    TargetKind,
    Value,
    headline,
)
from .dot import assess_change
from .rag import row_status
from .results import Assessment, PageMarks, RagStatus, ReportMarks, RowDot, TableMarks

_RULE_POLARITY = {TargetKind.INCREASE: Polarity.HIGH, TargetKind.DECREASE: Polarity.LOW}


def _compared(current: Value, reference: Value, polarity: Polarity) -> RowDot:
    return RowDot(assess_change(current, reference, polarity), "", current, reference)


def row_dot(page: ExceptionPage, row: DataRow, column: DotColumn | None = None, *,
            table: DataTable | None = None) -> RowDot:
    """Return a data row's DoT in one DoT column (default: the table's first) of ``table``
    (default: the page's first data table).

    The current figure is the current period's (``DataTable.now``); it is compared with the
    target, last year's outturn, the previous period, the same period last year, or a named
    column, as the column's basis says.
    """
    table = table if table is not None else page.table
    column = column if column is not None else (table.dot if table is not None else None)
    if table is None or column is None:
        return RowDot(None, "the table has no DoT column")
    found = table.now(row)
    if found is None:
        return RowDot(None, "the row has no figures")
    period, figure = found
    if figure is None:
        return RowDot(None, f"the row has no figure for {period.label}, the period reported, so no mark is "
                            "drawn (none is taken from another period): give the figure, or leave it blank "
                            "knowingly", missing=period.label)
    now = (period, figure)
    polarity = page.indicators[row.indicator].polarity
    if column.reference is not None:
        if column.reference not in row.values:
            return RowDot(None, f"the row has no figure for {column.reference}, the period compared with")
        return _compared(now[1], row.values[column.reference], polarity)
    if column.basis in (DotBasis.PREVIOUS_PERIOD, DotBasis.SAME_PERIOD_LAST_YEAR):
        return _trend(table, row, now, column.basis, polarity)
    if column.basis is DotBasis.PAST:
        latest = table.previous_year(row)
        annual = all(p.kind is PeriodKind.YEAR for p in table.periods)  # the year reported is a past-year column
        if latest is not None and latest[0] == now[0] and not annual:
            return RowDot(None, f"the row has no figure after {latest[0].label}: this year's periods are "
                                "all blank, so there is nothing to compare with past performance")
        before = table.year_before(row, now[0])
        if before is None:
            return RowDot(None, f"the table has no column for the year before {now[0].label}, the outturn a "
                                "DoT against past performance compares with: add that year's column")
        if before[1] is None:
            return RowDot(None, f"{_blank(row, before[0])}, last year's outturn, so no mark is drawn against "
                                "past performance (none is taken from an earlier year): give that figure")
        return _compared(now[1], before[1], polarity)
    return _against_target(table, row, now, polarity)


def _blank(row: DataRow, period: Period) -> str:
    """Say why a row has no figure for ``period``: words stated in its place, or a blank."""
    stated = row.stated.get(period.label)
    if stated is not None:
        return f"{period.label} holds the words {stated.text!r}, not a figure"
    return f"the row has no figure for {period.label}"


def _trend(table: DataTable, row: DataRow, now: tuple[Period, Value], basis: DotBasis,
           polarity: Polarity) -> RowDot:
    """Return the short-term (previous period) or long-term (same period last year) trend."""
    point = now[0].fiscal
    if point is None:
        return RowDot(None, f"{now[0].label} is not a single period, so it has no period before it")
    wanted = point.previous() if basis is DotBasis.PREVIOUS_PERIOD else point.year_earlier()
    column = next((p for p in table.periods if p.fiscal == wanted), None)
    if column is None or column.label not in row.values:
        return RowDot(None, f"the row has no figure for {wanted.label} to compare {now[0].label} with")
    return _compared(now[1], row.values[column.label], polarity)


def _against_target(table: DataTable, row: DataRow, now: tuple[Period, Value], polarity: Polarity) -> RowDot:
    figure = now[1]
    target = table.target_for(row, now[0].label)
    if target is None:
        return RowDot(None, "the row has no target")
    if target.kind is TargetKind.VALUE:
        assert target.value is not None
        return RowDot(against_target(figure, target, polarity), "", figure, target.value)
    if target.kind in _RULE_POLARITY:
        before = table.year_before(row, now[0])
        if before is None:
            return RowDot(None, "the rule compares with the previous year's outturn, which the table does not "
                                "have: add that year's column and figure")
        if before[1] is None:
            return RowDot(None, f"{_blank(row, before[0])}, the previous year's outturn the rule compares "
                                "with, so no mark is drawn (none is taken from an earlier year): give that figure")
        return _compared(figure, before[1], _RULE_POLARITY[target.kind])
    if target.kind is TargetKind.BASELINE:
        return RowDot(None, "a baseline year has no target to compare with")
    return RowDot(None, f"the target {target.wording!r} holds no figure to compare with, so no mark is drawn "
                        "against it: write it as, e.g., 'At least 90%' or 'Decrease to 14%', or give the figure")


def against_target(current: Value, target: Target, polarity: Polarity) -> Assessment:
    """Return the mark of a figure against a target with a figure.

    The arrow is the way the figure stands from the target's; the judgement is whether the
    target is met, by the side its wording states ("Decrease to 14%": 14% or less), else by
    the indicator's polarity.
    """
    assert target.value is not None
    if target.comparison is None:
        return assess_change(current, target.value, polarity)
    direction = assess_change(current, target.value, Polarity.NONE).direction
    met = target.comparison.met(headline(current), headline(target.value))
    return Assessment(direction, Judgement.BETTER if met else Judgement.WORSE)


def comparison_dot(page: ExceptionPage, comparison: Comparison) -> Assessment | None:
    """Return the mark of a Direction of Travel entry; None for a text entry."""
    if comparison.text is not None or comparison.missing is not None:
        return None
    if comparison.stated is not None:
        return Assessment.stated(comparison.stated)
    assert comparison.current is not None and comparison.reference is not None
    polarity = page.indicators[comparison.indicator].polarity
    return assess_change(comparison.current, comparison.reference, polarity)


def rule_polarity(kind: TargetKind) -> Polarity | None:
    """Return the polarity a rule target implies (Increase → High), if it is a rule."""
    return _RULE_POLARITY.get(kind)


def page_status(page: ExceptionPage, block: StatusBlock, table: DataTable | None) -> RagStatus:
    """Return the status a page's status block shows: as stated, else the first row's of
    ``table`` (the page's first data table), computed with the block's tolerance, else the
    table's (``assess.rag``)."""
    if block.stated is not None:
        return RagStatus(block.stated, block.reason or "", computed=False)
    if table is None or not table.rows:
        return RagStatus(Rag.GREY, "the page has no figures")
    row = table.rows[0]
    return row_status(table, row, page.indicators[row.indicator].polarity, block.tolerance)


def assess_page(page: ExceptionPage) -> PageMarks:
    """Return every mark of an exception page: each data row in each DoT column and its
    status (where the table shows one), each Direction of Travel entry, each status block."""
    tables = tuple(
        TableMarks(tuple(tuple(row_dot(page, row, column, table=table) for column in table.dots)
                         for row in table.rows),
                   tuple(row_status(table, row, page.indicators[row.indicator].polarity)
                         for row in table.rows) if table.show_status else ())
        for table in page.tables)
    dot_tables = tuple(tuple(comparison_dot(page, c) for c in dots.comparisons) for dots in page.dot_tables)
    first = page.table  # found once: a page may list many blocks
    statuses = tuple(page_status(page, b, first) for b in page.blocks if isinstance(b, StatusBlock))
    return PageMarks(tables, dot_tables, statuses)


def assess_report(report: Report) -> ReportMarks:
    """Return the marks of every page of a report, computed once for every output of it."""
    return ReportMarks(tuple(tuple(assess_page(page) for page in section.pages) for section in report.sections))
