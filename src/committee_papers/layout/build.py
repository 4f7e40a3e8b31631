"""Lay out a whole report: one page layout per exception page."""

from __future__ import annotations

from ..languages import localised
from ..model import Block, ExceptionPage, ListBlock, Paragraph, Report, Section
from ..model.cleaning import clean_text
from ..style import DEFAULT_STYLE, HouseStyle
from .chart import chart_block
from .marks import key_spans
from .nodes import DocumentLayout, Heading, LayoutBlock, ListItems, PageLayout, ParagraphKind, Span, TextBlock
from .tables import data_table, dot_table, indicator_table, span, supplementary_table


def _spans(paragraph: Paragraph) -> tuple[Span, ...]:
    """Return a paragraph's spans, each in its run's language, else the paragraph's."""
    return tuple(span(run.text, bold=run.bold, italic=run.italic, lang=run.lang or paragraph.lang)
                 for run in paragraph.runs)


def _blocks(blocks: tuple[Block, ...], lead: str | None = None) -> list[LayoutBlock]:
    """Return text blocks; ``lead`` (e.g. ``Notes:``) starts the first paragraph in bold."""
    result: list[LayoutBlock] = []
    for block in blocks:
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


def page_layout(section: Section, page: ExceptionPage, first_in_section: bool,
                style: HouseStyle, locale: str) -> PageLayout:
    """Return the layout of one exception page."""
    blocks: list[LayoutBlock] = []
    if first_in_section:
        blocks.append(Heading(1, clean_text(section.portfolio)))
    heading = clean_text(page.heading)
    blocks.append(Heading(2, heading))
    blocks.append(indicator_table(page, style))
    if page.table is not None:
        blocks.append(data_table(page, page.table, style, locale))
    if page.dot_table is not None:
        blocks.append(dot_table(page, style))
    if page.chart is not None and (chart := chart_block(page, style, locale)) is not None:
        blocks.append(chart)
    blocks.extend(_blocks(page.notes, style.labels.notes))
    for table in page.supplementary:
        if table.title:
            blocks.append(TextBlock((span(table.title, bold=True),)))
        blocks.append(supplementary_table(table, style))
        blocks.extend(TextBlock((span(note),), ParagraphKind.SMALL) for note in table.footnotes)
    if page.commentary:
        blocks.append(Heading(3, clean_text(style.labels.commentary)))
        blocks.extend(_blocks(page.commentary))
    return PageLayout(tuple(blocks), heading, clean_text(section.portfolio))


def layout_report(report: Report, style: HouseStyle = DEFAULT_STYLE) -> DocumentLayout:
    """Return the renderer-neutral layout of the whole report, its labels in its language."""
    style = localised(style, report.language)
    pages = []
    for section in report.sections:
        for number, page in enumerate(section.pages):
            pages.append(page_layout(section, page, number == 0, style, report.locale))
    if style.marks.key_on_reports and pages:  # "How to read the marks", once, on the first page
        key = TextBlock((span(style.labels.marks_key + ": ", bold=True), *key_spans(style.marks)),
                        ParagraphKind.SMALL)
        first = pages[0]
        pages[0] = PageLayout((*first.blocks, key), first.bookmark, first.portfolio)
    subject_parts = [report.appendix_label, report.committee, report.period.label if report.period else None]
    keywords = ["performance", "exception report", *(s.portfolio for s in report.sections)]
    if report.organisation and report.author:  # otherwise the organisation is already the author
        keywords.append(report.organisation)
    if report.period:
        keywords.append(report.period.label)
    return DocumentLayout(
        title=clean_text(report.document_title),
        subject=clean_text(" – ".join(p for p in subject_parts if p)),
        author=clean_text(report.author or report.organisation or ""),
        keywords=tuple(clean_text(k) for k in keywords),
        language=report.language,
        running_header=clean_text(report.appendix_label),
        pages=tuple(pages),
    )
