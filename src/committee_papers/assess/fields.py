"""Every text field of a report that reaches a document, with its place.

A place is the field's path in the input (``sections[0].pages[1].commentary[2]``), as
``check`` names it: a page given as parts has them at its top level; a page given as a list of
``blocks`` has each under its item (``blocks[3].commentary.text[0]``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import (
    STATED_TOKENS,
    Block,
    DataTable,
    DotTable,
    ExceptionPage,
    IndicatorTable,
    ListBlock,
    Report,
    StatusBlock,
    SubHeading,
    SupplementaryTable,
    TextSection,
    TrendChart,
)


def _blocks(blocks: tuple[Block, ...], where: str) -> Iterator[tuple[str, str]]:
    for b, block in enumerate(blocks):
        if isinstance(block, SubHeading):
            yield f"{where}[{b}].heading", block.text
            continue
        paragraphs = block.items if isinstance(block, ListBlock) else (block,)
        for p, paragraph in enumerate(paragraphs):
            place = f"{where}[{b}]" + (f".items[{p}]" if isinstance(block, ListBlock) else "")
            for r, run in enumerate(paragraph.runs):
                yield (f"{place}[{r}]" if len(paragraph.runs) > 1 else place), run.text


def _table(table: DataTable, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where}.label_header", table.label_header
    if table.target_header is not None:
        yield f"{where}.target_header", table.target_header
    if table.show_status and table.status_header is not None:
        yield f"{where}.status.header", table.status_header
    for d, column in enumerate(table.dots):
        place = f"{where}.dot[{d}]" if len(table.dots) > 1 else f"{where}.dot"
        if column.header is not None:
            yield f"{place}.header", column.header
        if column.subheader is not None:
            yield f"{place}.subheader", column.subheader
    for p, period in enumerate(table.periods):
        yield f"{where}.columns[{p}]", period.label
    for group in dict.fromkeys(p.group for p in table.periods if p.group):
        yield f"{where}.columns.year", group
    targets = [(f"{where}.target", table.target)] + [
        (f"{where}.rows[{r}].target", row.target) for r, row in enumerate(table.rows)]
    number = {period.label: p for p, period in enumerate(table.periods)}  # cells by column number,
    # as the column labels are (a label is text that may hold anything)
    targets += [(f"{where}.rows[{r}].targets[{number[label]}]", target) for r, row in enumerate(table.rows)
                for label, target in row.period_targets.items()]
    for place, target in targets:
        if target is not None and target.wording is not None:
            yield place, target.wording
    for r, row in enumerate(table.rows):
        if row.label is not None:
            yield f"{where}.rows[{r}].label", row.label
        for label, stated in row.stated.items():
            cell = f"{where}.rows[{r}].values[{number[label]}]"
            plain = stated.reason is None and stated.text in STATED_TOKENS
            yield (cell if plain else f"{cell}.text"), stated.text
            if stated.reason is not None:
                yield f"{cell}.reason", stated.reason
        for label, note in row.notes.items():
            yield f"{where}.rows[{r}].values[{number[label]}].{'marker' if note.marker else 'note'}", note.text


def _dot_table(dots: DotTable, where: str) -> Iterator[tuple[str, str]]:
    for c, comparison in enumerate(dots.comparisons):
        yield f"{where}[{c}].label", comparison.label
        if comparison.text is not None:
            yield f"{where}[{c}].text", comparison.text


def _supplementary(extra: SupplementaryTable, here: str) -> Iterator[tuple[str, str]]:
    for key, value in (("title", extra.title), ("description", extra.description)):
        if value is not None:
            yield f"{here}.{key}", value
    for part, rows in (("header", extra.header_rows), ("rows", extra.rows)):
        for r, table_row in enumerate(rows):
            for c, cell in enumerate(table_row.cells):
                yield f"{here}.{part}[{r}][{c}]", cell.text
    for n, note in enumerate(extra.footnotes):
        yield f"{here}.footnotes[{n}]", note


def _chart(chart: TrendChart, where: str) -> Iterator[tuple[str, str]]:
    for c, comparator in enumerate(chart.comparators):
        yield f"{where}.comparators[{c}].label", comparator.label
    for s, series in enumerate(chart.series):
        yield f"{where}.series[{s}].name", series.name


def _section(section: TextSection, where: str) -> Iterator[tuple[str, str]]:
    if section.label is not None:
        yield f"{where}.label", section.label
        where = f"{where}.text"
    yield from _blocks(section.blocks, where)


def _part(block: object, where: str) -> Iterator[tuple[str, str]]:
    """Yield the text fields of one block of a page, ``where`` being its place."""
    if isinstance(block, IndicatorTable):
        if block.polarity_header is not None:
            yield f"{where}.polarity_header", block.polarity_header
    elif isinstance(block, DataTable):
        yield from _table(block, where)
    elif isinstance(block, DotTable):
        yield from _dot_table(block, where)
    elif isinstance(block, TrendChart):
        yield from _chart(block, where)
    elif isinstance(block, TextSection):
        yield from _section(block, where)
    elif isinstance(block, SupplementaryTable):
        yield from _supplementary(block, where)
    elif isinstance(block, StatusBlock):
        if block.label is not None:
            yield f"{where}.label", block.label
        if block.reason is not None:
            yield f"{where}.reason", block.reason


_BLOCK_KEYS = {IndicatorTable: "indicator_table", DataTable: "table", DotTable: "direction_of_travel",
               TrendChart: "chart", StatusBlock: "status", SupplementaryTable: "supplementary"}


def _page(page: ExceptionPage, where: str) -> Iterator[tuple[str, str]]:
    if page.title is not None:
        yield f"{where}.title", page.title
    for i, indicator in enumerate(page.indicators):
        yield f"{where}.indicators[{i}].description", indicator.description
        for key in ("better", "officer", "service", "prefix", "suffix"):
            value = getattr(indicator, key)
            if value:
                yield f"{where}.indicators[{i}].{key}", value
    supplementary = 0
    for b, block in enumerate(page.blocks):
        if page.listed:
            key = block.kind.value if isinstance(block, TextSection) else _BLOCK_KEYS.get(type(block), "key")
            yield from _part(block, f"{where}.blocks[{b}].{key}")
        elif isinstance(block, (DataTable, TrendChart, DotTable, IndicatorTable)):
            named = {DataTable: "", TrendChart: ".chart", DotTable: ".direction_of_travel",
                     IndicatorTable: ".indicator_table"}[type(block)]
            yield from _part(block, where + named)
        elif isinstance(block, TextSection):
            yield from _part(block, f"{where}.{block.kind.value}")
        elif isinstance(block, SupplementaryTable):
            yield from _part(block, f"{where}.supplementary[{supplementary}]")
            supplementary += 1


def text_fields(report: Report) -> Iterator[tuple[str, str]]:
    """Yield (place, text) for every field of the report that is shown or stored in a document."""
    for key in ("appendix", "title", "committee", "organisation", "author"):
        value = getattr(report, key)
        if value is not None:
            yield key, value
    for s, section in enumerate(report.sections):
        yield f"sections[{s}].portfolio", section.portfolio
        for p, page in enumerate(section.pages):
            yield from _page(page, f"sections[{s}].pages[{p}]")
