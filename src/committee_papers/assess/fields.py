"""Every text field of a report that reaches a document, with its place."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Block, ExceptionPage, ListBlock, Report, SubHeading


def _blocks(blocks: tuple[Block, ...], where: str) -> Iterator[tuple[str, str]]:
    for b, block in enumerate(blocks):
        if isinstance(block, SubHeading):
            yield f"{where}[{b}]", block.text
            continue
        paragraphs = block.items if isinstance(block, ListBlock) else (block,)
        for p, paragraph in enumerate(paragraphs):
            place = f"{where}[{b}]" + (f".items[{p}]" if isinstance(block, ListBlock) else "")
            for r, run in enumerate(paragraph.runs):
                yield (f"{place}[{r}]" if len(paragraph.runs) > 1 else place), run.text


def _page(page: ExceptionPage, where: str) -> Iterator[tuple[str, str]]:
    if page.title is not None:
        yield f"{where}.title", page.title
    for i, indicator in enumerate(page.indicators):
        yield f"{where}.indicators[{i}].description", indicator.description
    if page.table is not None:
        table = page.table
        yield f"{where}.label_header", table.label_header
        yield f"{where}.target_header", table.target_header
        for d, column in enumerate(table.dots):
            yield (f"{where}.dot[{d}].header" if len(table.dots) > 1 else f"{where}.dot.header"), column.header
        for p, period in enumerate(table.periods):
            yield f"{where}.columns[{p}]", period.label
        for group in dict.fromkeys(p.group for p in table.periods if p.group):
            yield f"{where}.columns.year", group
        targets = [(f"{where}.target", table.target)] + [
            (f"{where}.rows[{r}].target", row.target) for r, row in enumerate(table.rows)]
        for place, target in targets:
            if target is not None and target.wording is not None:
                yield place, target.wording
        for r, row in enumerate(table.rows):
            if row.label is not None:
                yield f"{where}.rows[{r}].label", row.label
    if page.dot_table is not None:
        for c, comparison in enumerate(page.dot_table.comparisons):
            yield f"{where}.direction_of_travel[{c}].label", comparison.label
            if comparison.text is not None:
                yield f"{where}.direction_of_travel[{c}].text", comparison.text
    yield from _blocks(page.notes, f"{where}.notes")
    for s, extra in enumerate(page.supplementary):
        here = f"{where}.supplementary[{s}]"
        for key, value in (("title", extra.title), ("description", extra.description)):
            if value is not None:
                yield f"{here}.{key}", value
        for part, rows in (("header", extra.header_rows), ("rows", extra.rows)):
            for r, table_row in enumerate(rows):
                for c, cell in enumerate(table_row.cells):
                    yield f"{here}.{part}[{r}][{c}]", cell.text
        for n, note in enumerate(extra.footnotes):
            yield f"{here}.footnotes[{n}]", note
    yield from _blocks(page.commentary, f"{where}.commentary")
    if page.chart is not None:
        for c, comparator in enumerate(page.chart.comparators):
            yield f"{where}.chart.comparators[{c}].label", comparator.label
        for s, series in enumerate(page.chart.series):
            yield f"{where}.chart.series[{s}].name", series.name


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
