"""Lay out the tables of an exception page: indicators, figures, DoT, supplementary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import groupby
from typing import cast

from ..assess.results import Assessment, RagStatus, TableMarks
from ..errors import TableTooWide
from ..formatting import format_target, format_value
from ..model import (
    ColumnAlign,
    DataRow,
    DataTable,
    DotColumn,
    DotTable,
    ExceptionPage,
    Indicator,
    IndicatorTable,
    Number,
    Rag,
    RowStyle,
    StatusBlock,
    SupplementaryTable,
)
from ..style import HouseStyle
from .grid import place
from .marks import dot_spans, mark_words
from .nodes import Align, LayoutCell, LayoutRow, Scope, Span, Table
from .split import Group, columns_of, split_columns
from .widths import WORDS, Fit, Memo, fit_given, fit_table, least_width, settings


def span(text: str, *, bold: bool = False, italic: bool = False, lang: str | None = None) -> Span:
    """Return a plain span (its text cleaned as the span is made), in the language ``lang`` if
    not the document's."""
    return Span(text, bold=bold, italic=italic, lang=lang)


def header_cell(text: str, style: HouseStyle, *, colspan: int = 1, rowspan: int = 1,
                align: Align = Align.CENTRE, lang: str | None = None) -> LayoutCell:
    return LayoutCell((span(text, bold=True, lang=lang),), colspan, rowspan, Scope.COLUMN, align,
                      style.header_fill)


def indicator_table(page: ExceptionPage, options: IndicatorTable, style: HouseStyle) -> Table:
    """Return the ``Indicator Description | Better to be?`` table, with a Ref and a
    Responsible officer column where ``options`` ask, and without polarity where they say."""
    labels = style.labels
    header = [header_cell(labels.indicator_description, style, align=Align.LEFT)]
    weights = [0.8]
    if options.show_id:
        header.insert(0, header_cell(labels.reference, style, align=Align.LEFT))
        weights.insert(0, 0.12)
    if options.show_polarity:
        header.append(header_cell(options.polarity_header or labels.better_to_be, style))
        weights.append(0.2)
    if options.show_officer:
        header.append(header_cell(labels.officer, style, align=Align.LEFT))
        weights.append(0.25)
    rows = [LayoutRow(tuple(header), header=True)]
    for indicator in page.indicators:
        cells = [LayoutCell((span(indicator.description),))]
        if options.show_id:
            cells.insert(0, LayoutCell((span(indicator.id or ""),)))
        if options.show_polarity:
            better = indicator.better if indicator.better is not None else labels.polarity(indicator.polarity.value)
            cells.append(LayoutCell((span(better),), align=Align.CENTRE))
        if options.show_officer:
            who = ", ".join(part for part in (indicator.officer, indicator.service) if part)
            cells.append(LayoutCell((span(who),)))
        rows.append(LayoutRow(tuple(cells)))
    total = sum(weights)
    return Table(tuple(rows), tuple(w / total for w in weights),
                 labels.indicators_summary + (labels.polarity_summary if options.show_polarity else ""),
                 "indicators")


def _columns(table: DataTable) -> int:
    return len(table.periods) + table.has_row_labels + table.show_target + len(table.dots) + table.show_status


def data_table(page: ExceptionPage, table: DataTable, marks: TableMarks, style: HouseStyle, locale: str,
               width: float, *, split: bool = True, whole: int = WORDS,
               memo: Memo | None = None) -> list[Table] | None:
    """Return the figures table fitted to ``width`` points (``layout/widths.py``); the DoT
    cells show ``marks.rows``.

    The header is two rows when sub-periods share a year header or a DoT column has a
    ``subheader``; a cell with nothing under it spans both. The Target column's header is under
    the current year's span when the table says ``target_under_year``, else it spans the rows.

    A table that cannot fit with what ``whole`` names kept whole (``layout/widths.py``), even
    at the least size the house style allows, is split into groups of its period columns
    (``layout/split.py``) where ``split`` allows; else None is returned, as it is when no split
    fits either and ``whole`` is ``WORDS``. Raises ``TableTooWide``, naming the page and what to
    change, when no split keeps even the figures whole.
    """
    memo = Memo() if memo is None else memo
    key = ("data table", id(table))
    if key not in memo.kept:
        memo.kept[key] = (table, _prepared(page, table, marks, style, locale))
    made = cast("tuple[DataTable, tuple[tuple[LayoutRow, ...], Callable[[int, int, bool], str]]]", memo.kept[key])
    laid, describe = made[1]
    heads = int(table.has_row_labels)
    count = len(table.periods)
    columns = _columns(table)
    floors = {0: 0.3} if table.indicator_labels else None  # names read as phrases, not a word a line
    fit = fit_table(laid, columns, "data", style, width, whole=whole, equal=range(heads, heads + count),
                    floors=floors, memo=memo)
    if fit is not None:
        return [Table(laid, fit.widths, describe(0, count - 1, True), "data", *fitted_as(fit, style))]
    if not split:
        return None

    def part_of(group: Group, start: int = 0) -> tuple[Table, int] | None:
        """Return one part of the split table and the step of ``settings`` it is set at."""
        chosen, run, last = group
        part = columns_of(laid, columns, "data", chosen)
        fitted = fit_table(part, len(chosen), "data", style, width, whole=whole,
                           equal=range(heads, heads + len(run)), floors=floors, start=start, memo=memo)
        if fitted is None:
            return None
        laid_part = Table(part, fitted.widths, describe(run[0], run[-1], last), "data", *fitted_as(fitted, style))
        return laid_part, fitted.step

    tails = columns - heads - count
    parts = split_columns(heads, count, tails, style.table_fit.max_groups, part_of)
    if parts is None and whole == WORDS:
        return None
    if parts is None:
        need, least = least_width(laid, columns, "data", style)
        most = style.table_fit.max_groups
        turned = "on a landscape page" if style.table_fit.landscape and not style.page_setup.landscape else ""
        where = ", ".join(filter(None, (f"in up to {most} parts" if most > 1 else "", turned)))
        raise TableTooWide(
            f"the figures table ({table.periods[0].label} to {table.periods[-1].label}) on the page "
            f"'{page.heading}': its {columns} columns need {need:.0f} pt to keep each figure whole even at "
            f"{least:g} pt, and the page leaves {width:.0f} pt{f' ({where})' if where else ''}: show fewer "
            "columns (fewer periods, or no target or DoT column) or split the table into two")
    # every part at the same size and padding: the smallest any part needs (smaller fits too)
    step = max(found[1] for _, found in parts)
    same = []
    for group, _ in parts:
        found = part_of(group, start=step)
        assert found is not None  # a smaller setting needs no more width
        same.append(found[0])
    return same


def _prepared(page: ExceptionPage, table: DataTable, marks: TableMarks, style: HouseStyle,
              locale: str) -> tuple[tuple[LayoutRow, ...], Callable[[int, int, bool], str]]:
    """Return the figures table's rows, and what describes the part of it from one period to
    another (with its extra columns, or without)."""
    grouped = any(p.group for p in table.periods)
    depth = 2 if grouped or any(column.subheader for column in table.dots) else 1
    top: list[LayoutCell] = []
    sub: list[LayoutCell] = []
    if table.has_row_labels:
        top.append(header_cell(table.label_header, style, rowspan=depth, align=Align.LEFT))
    groups = [(group, list(members)) for group, members in groupby(table.periods, key=lambda p: p.group)]
    for number, (group, periods) in enumerate(groups):
        if group is None:
            top.extend(header_cell(p.label, style, rowspan=depth) for p in periods)
            continue
        under = table.target_under_year and number == len(groups) - 1  # the model: the last is grouped
        top.append(header_cell(group, style, colspan=len(periods) + under))
        sub.extend(header_cell(p.label, style) for p in periods)
        if under:
            sub.append(header_cell(_target_header(table, style), style))
    if table.show_target and not table.target_under_year:
        top.append(header_cell(_target_header(table, style), style, rowspan=depth))
    for column in table.dots:
        header = style.labels.dot if column.header is None else column.header
        if column.subheader is None:
            top.append(header_cell(header, style, rowspan=depth))
        else:
            top.append(header_cell(header, style))
            sub.append(header_cell(column.subheader, style))
    if table.show_status:
        top.append(header_cell(_status_header(table, style), style, rowspan=depth))
    rows = [LayoutRow(tuple(top), header=True)] + ([LayoutRow(tuple(sub), header=True)] if sub else [])
    shared = table.target is not None and all(r.target is None for r in table.rows)
    height = len(table.rows) + sum(bool(r.period_targets) for r in table.rows)  # with the Target rows
    said: list[tuple[str, str]] = []  # the stated cells' periods and reasons, read out with the table
    for number, row in enumerate(table.rows):
        cells: list[LayoutCell] = []
        indicator = page.indicators[row.indicator]
        if table.indicator_labels:
            name = " ".join(part for part in (indicator.id, indicator.description) if part)
            name += f" – {row.label}" if row.label else ""  # "HC01 Households … – No."
            cells.append(LayoutCell((span(name, bold=True),), scope=Scope.ROW))
        elif table.has_row_labels:
            cells.append(LayoutCell((span(row.label or "", bold=True),), scope=Scope.ROW))
        unit = row.unit if row.unit is not None else indicator.unit
        for period in table.periods:
            value = row.values.get(period.label)
            if isinstance(value, Number):
                value = value.with_unit(unit)  # the indicator's unit, for figures given without one
            if value is not None:
                text = format_value(value, locale, ungrouped=style.ungrouped_units, prefix=indicator.prefix,
                                    suffix=indicator.suffix)
                if period.label in row.notes:
                    text = row.notes[period.label].attach(text)
            elif period.label in row.stated:
                stated = row.stated[period.label]
                text = stated.text
                if stated.reason:
                    said.append((period.label, f"{period.label}: {stated.text}, {stated.reason}"))
            else:
                text = ""
            cells.append(LayoutCell((span(text),), align=Align.CENTRE))
        target = table.target_for(row)
        if table.show_target and not (shared and number > 0):
            text = format_target(target, locale, ungrouped=style.ungrouped_units, prefix=indicator.prefix,
                                 suffix=indicator.suffix) if target else ""
            cells.append(LayoutCell((span(text),), rowspan=height if shared else 1, align=Align.CENTRE))
        for dot in marks.rows[number]:
            cells.append(LayoutCell(dot_spans(dot.assessment, style.marks, dot.missing is not None),
                                    align=Align.CENTRE))
        if table.show_status:
            cells.append(rag_cell(marks.statuses[number].rag, style))
        rows.append(LayoutRow(tuple(cells)))
        if row.period_targets:
            rows.append(_period_targets(table, row, style, locale, indicator, shared))
    labels = style.labels
    extras = (labels.with_target * table.show_target
              + "".join(f", {_dot_title(column, style)}" for column in table.dots)
              + f", {_status_header(table, style)}" * table.show_status)

    def describe(first: int, last: int, whole: bool) -> str:
        shown = {p.label for p in table.periods[first:last + 1]}
        return (labels.figures_summary.format(heading=page.heading, first=table.periods[first].label,
                                              last=table.periods[last].label, extras=extras if whole else "")
                + "".join(f"; {s}" for label, s in said if label in shown))

    return tuple(rows), describe


def fitted_as(fit: Fit, style: HouseStyle) -> tuple[float | None, float | None]:
    """Return a fitted table's size and padding, None where they are the house style's."""
    return (None if fit.size == style.table_size else fit.size,
            None if fit.cell_side == style.spacing.cell_side else fit.cell_side)


def _period_targets(table: DataTable, row: DataRow, style: HouseStyle, locale: str, indicator: Indicator,
                    shared: bool) -> LayoutRow:
    """Return the Target row under a row with targets per period: each period's target in its
    column (blank where it has none); the Target, DoT and status columns are left blank."""
    cells: list[LayoutCell] = []
    if table.has_row_labels:
        cells.append(LayoutCell((span(_target_header(table, style), italic=True),), scope=Scope.ROW))
    for period in table.periods:
        target = row.period_targets.get(period.label)
        text = format_target(target, locale, ungrouped=style.ungrouped_units, prefix=indicator.prefix,
                             suffix=indicator.suffix) if target else ""
        cells.append(LayoutCell((span(text, italic=True),), align=Align.CENTRE))
    blanks = (table.show_target and not shared) + len(table.dots) + table.show_status
    cells.extend(LayoutCell((span(""),)) for _ in range(blanks))
    return LayoutRow(tuple(cells))


def _target_header(table: DataTable, style: HouseStyle) -> str:
    """Return the Target column's header: the input's, else the house style's word."""
    return style.labels.target if table.target_header is None else table.target_header


def _status_header(table: DataTable, style: HouseStyle) -> str:
    """Return the status column's header: the input's, else the house style's word."""
    return style.labels.status if table.status_header is None else table.status_header


def _dot_title(column: DotColumn, style: HouseStyle) -> str:
    """Return a DoT column's whole header in one line, in the house style's word where not given."""
    header = style.labels.dot if column.header is None else column.header
    return header if column.subheader is None else f"{header} {column.subheader}"


def dot_table(dots: DotTable, marks: tuple[Assessment | None, ...], style: HouseStyle) -> Table:
    """Return the Direction of Travel table: a title row, the labels, then the ``marks``."""
    comparisons = dots.comparisons
    count = len(comparisons)
    title = dots.title or style.labels.direction_of_travel
    rows = [LayoutRow((header_cell(title, style, colspan=count, align=Align.LEFT),), header=True),
            LayoutRow(tuple(header_cell(c.label, style) for c in comparisons), header=True)]
    cells: list[LayoutCell] = []
    said: list[str] = []
    for comparison, assessment in zip(comparisons, marks, strict=True):
        if comparison.text is not None:
            cells.append(LayoutCell((span(comparison.text),), align=Align.CENTRE))
            said.append(f"{comparison.label}: {comparison.text}")
            continue
        missing = comparison.missing is not None
        cells.append(LayoutCell(dot_spans(assessment, style.marks, missing), align=Align.CENTRE))
        meaning = mark_words(assessment, style.marks) if assessment else (
            style.marks.no_figure_text if missing else style.labels.no_mark)
        said.append(f"{comparison.label}: {meaning}")
    rows.append(LayoutRow(tuple(cells)))
    description = f"{title}: " + "; ".join(said)
    return Table(tuple(rows), tuple([1 / count] * count), description, "dot")


_ALIGN = {ColumnAlign.LEFT: Align.LEFT, ColumnAlign.CENTRE: Align.CENTRE, ColumnAlign.RIGHT: Align.RIGHT}


def supplementary_table(table: SupplementaryTable, style: HouseStyle, text_width: float, *, whole: int = WORDS,
                        memo: Memo | None = None, where: str = "") -> Table | None:
    """Return a supplementary table with its header rows (at the top and part-way down),
    spanning cells, summary rows (their label bold, their figures as any other, as the
    published "National Average" rows), footnote rows, and its columns' widths and alignment."""
    width = table.width
    aligns = (tuple(_ALIGN[a] for a in table.align) if table.align is not None
              else (Align.LEFT, *[Align.CENTRE] * (width - 1)))
    rows = [LayoutRow(tuple(header_cell(c.text, style, colspan=c.colspan, rowspan=c.rowspan, lang=c.lang)
                            for c in r.cells),
                      header=True)
            for r in table.header_rows]
    for row in table.rows:
        if row.style is RowStyle.HEADER:
            rows.append(LayoutRow(tuple(header_cell(c.text, style, colspan=c.colspan, rowspan=c.rowspan, lang=c.lang)
                                        for c in row.cells)))
            continue
        cells = []
        for number, cell in enumerate(row.cells):
            is_label = number == 0 and row.style is not RowStyle.FOOTNOTE and bool(cell.text)
            bold = cell.bold or (row.style is RowStyle.SUMMARY and is_label)  # the seed: the label alone
            italic = row.style is RowStyle.FOOTNOTE
            cells.append(LayoutCell(
                (span(cell.text, bold=bold, italic=italic, lang=cell.lang),), cell.colspan, cell.rowspan,
                scope=Scope.ROW if is_label else None,
                align=aligns[min(number, width - 1)] if table.align is None else Align.LEFT,
                small=row.style is RowStyle.FOOTNOTE,
            ))
        rows.append(LayoutRow(tuple(cells)))
    laid = Table(tuple(rows), (1 / width,) * width if width else (1.0,), "", "supplementary")
    if table.align is not None:  # each cell takes its column's alignment, wherever spans put it
        rows = _aligned(laid, aligns)
    if table.widths is not None:
        total = sum(table.widths)
        widths = tuple(w / total for w in table.widths)
    else:
        widths = (0.4, *[0.6 / (width - 1)] * (width - 1)) if width > 1 else (1.0,)
    description = table.description or table.title or style.labels.supplementary_summary
    fit = fit_given(tuple(rows), widths, "supplementary", style, text_width, whole=whole, memo=memo)
    if fit is None and where:
        raise TableTooWide(f"the table '{description}' on the page '{where}': its figures do not fit whole "
                           f"even at {list(settings(style))[-1][0]:g} pt: show fewer columns or split it in two")
    return None if fit is None else Table(tuple(rows), fit.widths, description, "supplementary", *fitted_as(fit, style))


def _aligned(table: Table, aligns: tuple[Align, ...]) -> list[LayoutRow]:
    """Return the table's rows with each body cell aligned as the column it starts in."""
    starts = {(p.row, id(p.cell)): p.column for p in place(table)}
    return [row if row.header else LayoutRow(tuple(
                replace(cell, align=aligns[starts[(r, id(cell))]]) if cell.scope is not Scope.COLUMN else cell
                for cell in row.cells), row.header)
            for r, row in enumerate(table.rows)]


def rag_cell(rag: Rag | None, style: HouseStyle) -> LayoutCell:
    """Return a RAG status cell: the word, bold, on its light fill (never the colour alone)."""
    if rag is None:
        return LayoutCell((span(""),), align=Align.CENTRE)
    return LayoutCell((span(style.rag.word(rag.value), bold=True),), align=Align.CENTRE,
                      fill=style.rag.fill(rag.value))


def status_block(block: StatusBlock, status: RagStatus, style: HouseStyle) -> Table:
    """Return the page's status: ``Status | Red`` and why, as a one-row table."""
    word = style.rag.word(status.rag.value)
    reason = block.reason or status.reason
    label = style.labels.status if block.label is None else block.label
    cells = [header_cell(label, style, align=Align.LEFT), rag_cell(status.rag, style)]
    widths = [0.2, 0.2]
    if reason:
        cells.append(LayoutCell((span(reason),)))
        widths.append(0.6)
    total = sum(widths)
    return Table((LayoutRow(tuple(cells)),), tuple(w / total for w in widths),
                 f"{label}: {word}" + (f", {reason}" if reason else ""), "status")
