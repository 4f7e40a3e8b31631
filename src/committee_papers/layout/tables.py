"""Lay out the tables of an exception page: indicators, figures, DoT, supplementary."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from ..assess.results import Assessment, RagStatus, TableMarks
from ..formatting import format_target, format_value
from ..model import (
    ColumnAlign,
    DataRow,
    DataTable,
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
from .widths import fit_widths, scale


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


def data_table(page: ExceptionPage, table: DataTable, marks: TableMarks, style: HouseStyle, locale: str) -> Table:
    """Return the figures table: a two-row header when sub-periods share a year header; the
    DoT cells show ``marks.rows``."""
    grouped = any(p.group for p in table.periods)
    depth = 2 if grouped else 1
    top: list[LayoutCell] = []
    sub: list[LayoutCell] = []
    if table.has_row_labels:
        top.append(header_cell(table.label_header, style, rowspan=depth, align=Align.LEFT))
    for group, members in groupby(table.periods, key=lambda p: p.group):
        periods = list(members)
        if group is None:
            top.extend(header_cell(p.label, style, rowspan=depth) for p in periods)
        else:
            top.append(header_cell(group, style, colspan=len(periods)))
            sub.extend(header_cell(p.label, style) for p in periods)
    if table.show_target:
        top.append(header_cell(table.target_header, style, rowspan=depth))
    top.extend(header_cell(column.header, style, rowspan=depth) for column in table.dots)
    if table.show_status:
        top.append(header_cell(table.status_header, style, rowspan=depth))
    rows = [LayoutRow(tuple(top), header=True)] + ([LayoutRow(tuple(sub), header=True)] if sub else [])
    shared = table.target is not None and all(r.target is None for r in table.rows)
    height = len(table.rows) + sum(bool(r.period_targets) for r in table.rows)  # with the Target rows
    said: list[str] = []  # the stated cells' reasons, read out with the table
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
                    said.append(f"{period.label}: {stated.text}, {stated.reason}")
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
    first, last = table.periods[0].label, table.periods[-1].label
    labels = style.labels
    extras = (labels.with_target * table.show_target + "".join(f", {column.header}" for column in table.dots)
              + f", {table.status_header}" * table.show_status)
    description = (labels.figures_summary.format(heading=page.heading, first=first, last=last, extras=extras)
                   + "".join(f"; {s}" for s in said))
    first_period = int(table.has_row_labels)
    figures = range(first_period, first_period + len(table.periods))
    floors = {0: 0.3} if table.indicator_labels else None  # names read as phrases, not a word a line
    widths = fit_widths(tuple(rows), _columns(table), "data", equal=figures, factor=scale(style), floors=floors)
    return Table(tuple(rows), widths, description, "data")


def _period_targets(table: DataTable, row: DataRow, style: HouseStyle, locale: str, indicator: Indicator,
                    shared: bool) -> LayoutRow:
    """Return the Target row under a row with targets per period: each period's target in its
    column (blank where it has none); the Target, DoT and status columns are left blank."""
    cells: list[LayoutCell] = []
    if table.has_row_labels:
        cells.append(LayoutCell((span(table.target_header, italic=True),), scope=Scope.ROW))
    for period in table.periods:
        target = row.period_targets.get(period.label)
        text = format_target(target, locale, ungrouped=style.ungrouped_units, prefix=indicator.prefix,
                             suffix=indicator.suffix) if target else ""
        cells.append(LayoutCell((span(text, italic=True),), align=Align.CENTRE))
    blanks = (table.show_target and not shared) + len(table.dots) + table.show_status
    cells.extend(LayoutCell((span(""),)) for _ in range(blanks))
    return LayoutRow(tuple(cells))


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


def supplementary_table(table: SupplementaryTable, style: HouseStyle) -> Table:
    """Return a supplementary table with its header rows (at the top and part-way down),
    spanning cells, summary and footnote rows, and its columns' widths and alignment."""
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
            bold = cell.bold or row.style is RowStyle.SUMMARY
            italic = row.style is RowStyle.FOOTNOTE
            is_label = number == 0 and row.style is not RowStyle.FOOTNOTE and bool(cell.text)
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
    return Table(tuple(rows), widths, description, "supplementary")


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
    cells = [header_cell(block.label, style, align=Align.LEFT), rag_cell(status.rag, style)]
    widths = [0.2, 0.2]
    if reason:
        cells.append(LayoutCell((span(reason),)))
        widths.append(0.6)
    total = sum(widths)
    return Table((LayoutRow(tuple(cells)),), tuple(w / total for w in widths),
                 f"{block.label}: {word}" + (f", {reason}" if reason else ""), "status")
