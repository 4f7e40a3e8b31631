"""Lay out the appendix pack: a cover, the scorecard of every indicator, then the exceptions."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..assess.results import Pack, ScorecardEntry
from ..errors import TableTooWide
from ..formatting import format_long_date, format_target, format_value
from ..languages import localised
from ..model import DotConvention
from ..style import DEFAULT_STYLE, HouseStyle
from .build import layout_report
from .marks import key_spans, mark_spans
from .nodes import (
    Align,
    DocumentLayout,
    Heading,
    LayoutBlock,
    LayoutCell,
    LayoutRow,
    PageLayout,
    ParagraphKind,
    Scope,
    Table,
    TextBlock,
)
from .tables import fitted_as, header_cell, span
from .widths import FIGURES, fit_given

PageNumbers = Mapping[tuple[int, int], int]  # (section, page) -> the page number it starts on
UNKNOWN_PAGE = "–"


def _cover(pack: Pack, style: HouseStyle) -> list[LayoutBlock]:
    report = pack.report
    blocks: list[LayoutBlock] = [Heading(1, report.document_title)]
    facts = [("Committee", report.committee),
             ("Meeting date", format_long_date(report.meeting_date, report.locale) if report.meeting_date else None),
             ("Appendix", report.appendix), ("Period", report.period.label if report.period else None),
             ("Organisation", report.organisation)]
    for label, value in facts:
        if value:
            blocks.append(TextBlock((span(f"{label}: ", bold=True), span(value))))
    selected, total = len(pack.exceptions), len(pack.scorecard)
    blocks.append(TextBlock((span(
        f"{selected} of {total} indicators are reported by exception, chosen by the "
        f"{pack.rules or 'stated'} rules."),)))
    return blocks


def _page_text(entry: ScorecardEntry, pages: PageNumbers | None) -> str:
    if entry.page is None:
        return ""
    if pages is None or entry.page not in pages:
        return UNKNOWN_PAGE
    return str(pages[entry.page])


def _status_cell(entry: ScorecardEntry, style: HouseStyle) -> LayoutCell:
    name = entry.rag.value
    return LayoutCell((span(style.rag.word(name), bold=True),), align=Align.CENTRE, fill=style.rag.fill(name))


def scorecard_table(pack: Pack, style: HouseStyle, pages: PageNumbers | None, locale: str) -> Table:
    """Return the scorecard: every indicator by portfolio, with its page if it is an exception."""
    current = pack.report.period.label if pack.report.period else None
    labels = style.labels
    headers = ["Indicator", f"Latest ({current})" if current else "Latest", labels.target, labels.scorecard_dot,
               labels.status, "Page"]
    rows = [LayoutRow(tuple(header_cell(h, style, align=Align.LEFT if i == 0 else Align.CENTRE)
                            for i, h in enumerate(headers)), header=True)]
    portfolio = None
    for entry in pack.scorecard:
        if entry.portfolio != portfolio:
            portfolio = entry.portfolio
            rows.append(LayoutRow((LayoutCell((span(portfolio, bold=True),), colspan=len(headers),
                                              scope=Scope.ROW, fill=style.header_fill),)))
        latest = format_value(entry.latest, locale) if entry.latest is not None else ""
        # a figure older than the reporting period says when it is from
        when = f" ({entry.period})" if entry.period and entry.period != current and latest else ""
        rows.append(LayoutRow((
            LayoutCell((span(f"{entry.id} {entry.description}"),), scope=Scope.ROW),
            LayoutCell((span(latest + when),), align=Align.CENTRE),
            LayoutCell((span(format_target(entry.target, locale) if entry.target else ""),), align=Align.CENTRE),
            LayoutCell(mark_spans(entry.dot, style.marks), align=Align.CENTRE),
            _status_cell(entry, style),
            LayoutCell((span(_page_text(entry, pages)),), align=Align.CENTRE),
        )))
    widths = (0.42, 0.15, 0.13, 0.12, 0.11, 0.07)  # kept where every figure fits them whole
    description = (f"Scorecard of all {len(pack.scorecard)} indicators: latest figure, target, "
                   "direction of travel, status, and the page of each exception report")
    laid, width = tuple(rows), style.page_setup.text_width
    fit = (fit_given(laid, widths, "scorecard", style, width)
           or fit_given(laid, widths, "scorecard", style, width, whole=FIGURES))
    if fit is None:
        raise TableTooWide(f"the scorecard: its figures do not fit whole even at {style.table_fit.min_size:g} pt: "
                           "check the figures in the workbook's value column")
    return Table(laid, fit.widths, description, "scorecard", *fitted_as(fit, style))


def reasons_table(pack: Pack, style: HouseStyle, pages: PageNumbers | None) -> Table:
    """Return the indicators reported by exception, with why each was chosen and its page."""
    headers = ["Indicator", "Why it is reported", "Page"]
    rows = [LayoutRow(tuple(header_cell(h, style, align=Align.LEFT) for h in headers), header=True)]
    for entry in pack.exceptions:
        rows.append(LayoutRow((
            LayoutCell((span(f"{entry.id} {entry.description}"),), scope=Scope.ROW),
            LayoutCell((span("\n".join(entry.reasons)),)),
            LayoutCell((span(_page_text(entry, pages)),), align=Align.CENTRE),
        )))
    return Table(tuple(rows), (0.35, 0.55, 0.10), "Why each indicator reported by exception was chosen",
                 "reasons")


def with_convention(style: HouseStyle, convention: DotConvention) -> HouseStyle:
    """Return the style with its marks drawn under ``convention`` (a pack's rules choose it)."""
    return dataclasses.replace(style, marks=dataclasses.replace(style.marks, convention=convention))


def layout_pack(pack: Pack, style: HouseStyle = DEFAULT_STYLE, pages: PageNumbers | None = None) -> DocumentLayout:
    """Return the pack's layout: a cover page with the scorecard, then the exception pages.

    ``pages`` gives the page number each exception page starts on; without it the page column
    shows a dash (the renderer lays the pack out once to learn them, then again with them).
    """
    report = pack.report
    style = localised(with_convention(style, pack.dot_convention), report.language)  # one meaning for every mark
    blocks = _cover(pack, style)
    blocks += [Heading(2, style.labels.scorecard), scorecard_table(pack, style, pages, report.locale),
               TextBlock((span(style.labels.marks_key + ": ", bold=True), *key_spans(style.marks)),
                         ParagraphKind.SMALL)]
    if pack.exceptions:
        blocks += [Heading(2, style.labels.exceptions), reasons_table(pack, style, pages)]
    cover = PageLayout(tuple(blocks), style.labels.scorecard, "")
    body = layout_report(report, pack.marks, style)
    return DocumentLayout(body.title, body.subject, body.author, body.keywords, body.language,
                          body.running_header, (cover, *body.pages))
