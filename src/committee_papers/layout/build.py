"""Lay out a whole report: one page layout per exception page."""

from __future__ import annotations

from ..assess.results import PageMarks, ReportMarks
from ..errors import TableTooWide
from ..languages import localised
from ..model import (
    Block,
    DataTable,
    DotTable,
    ExceptionPage,
    IndicatorTable,
    ListBlock,
    MarksKey,
    Paragraph,
    Report,
    Section,
    StatusBlock,
    SubHeading,
    SupplementaryTable,
    TextKind,
    TextSection,
    TrendChart,
)
from ..style import DEFAULT_STYLE, HouseStyle
from .chart import chart_block
from .marks import key_spans
from .metrics import Measure
from .nodes import DocumentLayout, Heading, LayoutBlock, ListItems, PageLayout, ParagraphKind, Span, TextBlock
from .tables import data_table, dot_table, indicator_table, span, status_block, supplementary_table
from .widths import FIGURES, WORDS, Memo


def _spans(paragraph: Paragraph) -> tuple[Span, ...]:
    """Return a paragraph's spans, each in its run's language, else the paragraph's."""
    return tuple(Span(run.text, bold=run.bold, italic=run.italic, link=run.link, lang=run.lang or paragraph.lang)
                 for run in paragraph.runs)


def _blocks(blocks: tuple[Block, ...], lead: str | None = None, level: int = 3) -> list[LayoutBlock]:
    """Return text blocks; ``lead`` (e.g. ``Notes:``) starts the first paragraph in bold; a
    sub-heading of level 1 is a heading of ``level``, of level 2 one deeper."""
    result: list[LayoutBlock] = []
    for block in blocks:
        if isinstance(block, SubHeading):
            result.append(Heading(level + block.level - 1, block.text))
            continue
        if isinstance(block, ListBlock):
            if lead:
                result.append(TextBlock((span(lead, bold=True),)))
                lead = None
            result.append(ListItems(tuple(_spans(p) for p in block.items), block.ordered))
            continue
        spans = _spans(block)
        if lead:
            spans = (span(lead, bold=True), Span(" "), *spans)
            lead = None
        result.append(TextBlock(spans))
    return result


def _text_section(section: TextSection, style: HouseStyle, level: int) -> list[LayoutBlock]:
    """Return a text section: commentary under its label as a heading of ``level``, its
    sub-headings one level deeper; notes led by their label in bold."""
    default = style.labels.commentary if section.kind is TextKind.COMMENTARY else style.labels.notes
    label = default if section.label is None else section.label
    if section.kind is TextKind.NOTES:
        return _blocks(section.blocks, label or None, level)
    if not label:
        return _blocks(section.blocks, level=level)
    return [Heading(level, label), *_blocks(section.blocks, level=level + 1)]


def _supplementary(table: SupplementaryTable, style: HouseStyle, width: float, whole: int, memo: Memo,
                   where: str) -> list[LayoutBlock] | None:
    """Return a supplementary table's title, the table and its footnotes, or None when the table
    does not fit ``width`` keeping ``whole`` whole; ``where`` (the page, on the last try) makes
    that an error instead."""
    laid = supplementary_table(table, style, width, whole=whole, memo=memo, where=where)
    if laid is None:
        return None
    blocks: list[LayoutBlock] = []
    if table.title:
        blocks.append(TextBlock((span(table.title, bold=True),), keep_with_next=True))
    blocks.append(laid)
    blocks.extend(TextBlock((span(note),), ParagraphKind.SMALL) for note in table.footnotes)
    return blocks


def page_layout(section: Section, page: ExceptionPage, marks: PageMarks, first_in_section: bool,
                style: HouseStyle, locale: str, depth: int = 1, *, memo: Memo | None = None) -> PageLayout:
    """Return the layout of one exception page: its blocks in order, showing the marks
    assessed for it. A page without a title has no heading (none is invented); a section
    without a portfolio name has none either. ``depth`` is the number of heading levels above
    the page (1 under a portfolio heading, 0 in a document without one), so levels never
    skip (PDF/UA-1 §7.4.2). ``memo`` is the report's (``Memo.next_page``): pages share measured spans.

    A figures table that cannot fit the page upright, even set smaller, turns the page to
    landscape where the house style allows (``TableFit.landscape``), and its columns split into
    groups only where that is not enough (``layout/widths.py``, ``layout/split.py``). Raises
    ``TableTooWide`` when nothing fits.
    """
    setup = style.page_setup
    turns = style.table_fit.landscape and not setup.landscape
    tries = [(setup.text_width, False, False)]  # (width, split, landscape): upright, turned, then split
    if turns:
        tries.append((setup.turned().text_width, False, True))
    tries.append((tries[-1][0], True, turns))
    memo = Memo() if memo is None else memo.next_page()  # each table made and measured once
    for whole in (WORDS, FIGURES):  # every word whole where any try allows it, then every figure
        for width, split, landscape in tries:
            blocks = _page_blocks(section, page, marks, first_in_section, style, locale, depth, width,
                                  split=split, whole=whole, memo=memo)
            if blocks is not None:
                return PageLayout(tuple(blocks), page.heading, section.portfolio, landscape=landscape)
    raise AssertionError("the last try, split keeping figures whole, raises TableTooWide")  # pragma: no cover


def _page_blocks(section: Section, page: ExceptionPage, marks: PageMarks, first_in_section: bool,
                 style: HouseStyle, locale: str, depth: int, width: float, *,
                 split: bool, whole: int, memo: Memo) -> list[LayoutBlock] | None:
    """Return the page's blocks with its figures tables fitted to ``width`` points keeping
    ``whole`` whole, or None when one does not fit so (``data_table``)."""
    blocks: list[LayoutBlock] = []
    if first_in_section and section.portfolio:
        blocks.append(Heading(1, section.portfolio))
    if page.title:
        blocks.append(Heading(depth + 1, page.title))
    inner = depth + 1 + bool(page.title)
    tables = iter(zip(page.tables, marks.tables, strict=True))
    dots = iter(zip(page.dot_tables, marks.dot_tables, strict=True))
    statuses = iter(marks.statuses)
    for block in page.blocks:
        if isinstance(block, IndicatorTable):
            blocks.append(indicator_table(page, block, style))
        elif isinstance(block, DataTable):
            table, table_marks = next(tables)
            fitted = data_table(page, table, table_marks, style, locale, width, split=split, whole=whole,
                                memo=memo)
            if fitted is None:
                return None
            blocks.extend(fitted)
        elif isinstance(block, DotTable):
            dot, dot_marks = next(dots)
            blocks.append(dot_table(dot, dot_marks, style))
        elif isinstance(block, TrendChart):
            chart = chart_block(page, style, locale)
            if chart is not None:
                blocks.append(chart)
        elif isinstance(block, TextSection):
            blocks.extend(_text_section(block, style, inner))
        elif isinstance(block, SupplementaryTable):
            last = split and whole == FIGURES  # nothing is tried after this
            parts = _supplementary(block, style, width, whole, memo, page.heading or "(untitled)" if last else "")
            if parts is None:
                return None
            blocks.extend(parts)
        elif isinstance(block, StatusBlock):
            blocks.append(status_block(block, next(statuses), style))
        elif isinstance(block, MarksKey):
            blocks.append(TextBlock((span(style.labels.marks_key + ": ", bold=True), *key_spans(style.marks)),
                                    ParagraphKind.SMALL))
    return blocks


def layout_report(report: Report, marks: ReportMarks, style: HouseStyle = DEFAULT_STYLE) -> DocumentLayout:
    """Return the renderer-neutral layout of the whole report, its labels in its language.

    ``marks`` are the report's marks, computed once by ``assess.assess_report``; layout only
    places them. Raise ValueError when they are not the marks of this report's pages.
    """
    if not marks.fits(report):
        raise ValueError("the marks are not those of this report: compute them with assess_report(report)")
    style = localised(style, report.language)
    pages = []
    depth = 0  # becomes 1 once a portfolio heading has been printed
    memo = Memo(measure=Measure(style, 1.0))  # what the pages share: spans measured in the report's fonts
    for at, (section, section_marks) in enumerate(zip(report.sections, marks.pages, strict=True)):
        depth = max(depth, int(bool(section.portfolio) and bool(section.pages)))
        for number, (page, page_marks) in enumerate(zip(section.pages, section_marks, strict=True)):
            try:
                pages.append(page_layout(section, page, page_marks, number == 0, style, report.locale, depth,
                                         memo=memo))
            except TableTooWide as error:  # where it is in the input, as a load error says
                raise TableTooWide(f"sections[{at}].pages[{number}]: {error}") from None
    if style.marks.key_on_reports and pages:  # "How to read the marks", once, on the first page
        key = TextBlock((span(style.labels.marks_key + ": ", bold=True), *key_spans(style.marks)),
                        ParagraphKind.SMALL)
        first = pages[0]
        pages[0] = PageLayout((*first.blocks, key), first.bookmark, first.portfolio, first.landscape)
    subject_parts = [report.appendix, report.committee, report.period.label if report.period else None]
    keywords = ["performance", "exception report", *(s.portfolio for s in report.sections)]
    if report.organisation and report.author:  # otherwise the organisation is already the author
        keywords.append(report.organisation)
    if report.period:
        keywords.append(report.period.label)
    return DocumentLayout(
        title=report.document_title,
        subject=" – ".join(p for p in subject_parts if p),
        author=report.author or report.organisation or "",
        keywords=tuple(k for k in keywords),
        language=report.language,
        running_header=report.appendix,
        pages=tuple(pages),
    )
