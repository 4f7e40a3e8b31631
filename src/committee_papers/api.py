"""The functions of the public API that load their heavy parts (renderers, openpyxl) when called."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .output import Target as OutputTarget
from .style import DEFAULT_STYLE, HouseStyle

if TYPE_CHECKING:
    import pandas as pd

    from .assess import Finding, Pack
    from .limits import Limits
    from .model import KpiData, Report
    from .model.rules import Rules
    from .render.docx import TemplateSetup


def check(subject: Report | KpiData, style: HouseStyle = DEFAULT_STYLE, *,
          rules: Rules | None = None) -> list[Finding]:
    """Return every finding about a report, or about KPI data read from a workbook, in order.

    The findings of ``assess.check`` (for a report: marks that contradict the figures, missing
    targets and data, pasted control characters; for KPI data: a stated RAG status that the
    ``rules`` do not give); then, for a report, a warning for each character of each field that
    ``style``'s fonts cannot draw in the PDF (code ``no-glyph``). Every finding is a warning.
    """
    from .assess import Finding, Severity, check as figures
    from .assess.fields import text_fields
    from .model import Report

    if not isinstance(subject, Report):
        return figures(subject, rules=rules)
    from .render.pdf.coverage import CODE, font_gaps

    fields = list(text_fields(subject))  # walked once, for control characters and for glyphs
    return [*figures(subject, rules=rules, fields=fields),
            *(Finding(Severity.WARNING, where, message, CODE) for where, message in font_gaps(fields, style))]


def check_header(report: Report, style: HouseStyle = DEFAULT_STYLE) -> None:
    """Raise ``CommitteePapersError`` (naming ``appendix``) if the report's running header is
    too long for the top of a PDF page in ``style``, as ``render_pdf`` would."""
    from .model.cleaning import clean_text
    from .render.pdf.coverage import check_header as _check

    _check(clean_text(report.appendix), style)


def render_docx(
    report: Report,
    target: OutputTarget,
    template: str | os.PathLike[str] | None = None,
    style: HouseStyle = DEFAULT_STYLE,
) -> None:
    """Write the report as a Word document to a path or a binary stream.

    The page comes from ``template`` (a house-style .docx) when one is given, else from
    ``style``. Raises TemplateError for a template that cannot be used. The report is
    assessed, laid out and rendered: load → model → assess → layout → render.
    """
    from .assess import assess_report
    from .layout import layout_report
    from .render.docx import render_docx as _render

    if template is not None:
        style = template_style(template, style).style
    layout = layout_report(report, assess_report(report), style)
    _render(layout, target, template=template, style=style, date=report.meeting_date)


def render_pdf(report: Report, target: OutputTarget, style: HouseStyle = DEFAULT_STYLE, *,
               variant: str | None = None, template: str | os.PathLike[str] | None = None) -> None:
    """Write the report as a print-ready, tagged PDF to a path or a binary stream.

    ``variant="pdf/a-2b"`` makes it a PDF/A-2b archive copy as well. ``template`` is the
    Word template the .docx is made from: the PDF then takes its page (size, orientation,
    margins, header and footer room) and font sizes, so both files break pages alike. The
    file's dates are the meeting date (1 January 1980 without one), as in the Word file.
    Raises ``CommitteePapersError`` for an unknown variant, a font file that cannot be read, a
    running header too long for the page, or a report with no pages.
    """
    from .assess import assess_report
    from .layout import layout_report
    from .render.pdf import render_pdf as _render

    if template is not None:
        style = template_style(template, style).style
    _render(layout_report(report, assess_report(report), style), target, style=style, variant=variant,
            date=report.meeting_date)


def template_style(template: str | os.PathLike[str], style: HouseStyle = DEFAULT_STYLE) -> TemplateSetup:
    """Return what a Word template sets for both outputs: ``.style``, the house style with the
    template's page and font sizes, and ``.warnings``, sentences naming where the PDF will
    differ from the Word file and what to change. Raises TemplateError (exit 1 on the command
    line) for a template that cannot be used."""
    from .render.docx import template_style as _read

    return _read(template, style)


def read_workbook(path: str | os.PathLike[str], *, limits: Limits | None = None,
                  mapping: str | os.PathLike[str] | None = None) -> KpiData:
    """Return the KPI data in an .xlsx workbook or a folder of CSV files (openpyxl loads on first use).

    The layout (long form or wide) is found from the workbook, and ``.layout`` says which;
    ``mapping`` is a YAML mapping file for a wide workbook's own headings. The files are read
    as untrusted, within ``limits`` (``committee_papers.limits.Limits``). Raise LoadError naming
    the sheet and cell of every problem.
    """
    from .workbook import read_workbook as _read

    return _read(path, limits=limits, mapping=mapping)


def from_dataframes(
    indicators: pd.DataFrame,
    values: pd.DataFrame,
    commentary: pd.DataFrame | None = None,
    settings: pd.DataFrame | None = None,
) -> KpiData:
    """Return the KPI data in DataFrames with the workbook's columns."""
    from .workbook import from_dataframes as _from

    return _from(indicators, values, commentary, settings)


def build_pack(data: KpiData, rules: Rules | str | os.PathLike[str] | None = None, *,
               charts: bool = True) -> Pack:
    """Return the appendix pack's data: exception pages chosen by the rules, and the scorecard.

    Each exception page has a trend chart unless ``charts`` is false.
    """
    from .pack import build_pack as _build

    return _build(data, rules, charts=charts)
