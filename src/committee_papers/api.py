"""The functions of the public API that load their heavy parts (renderers, openpyxl) when called."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .output import Target as OutputTarget
from .style import DEFAULT_STYLE, HouseStyle

if TYPE_CHECKING:
    import pandas as pd

    from .assess import Finding
    from .limits import Limits
    from .model import KpiData, Pack, Report
    from .model.rules import Rules
    from .render.docx import TemplateSetup


def check(subject: Report | KpiData, style: HouseStyle = DEFAULT_STYLE) -> list[Finding]:
    """Return every finding about a report, or about KPI data read from a workbook, in order.

    For KPI data, the workbook's findings (``assess.check``: notices of the reader, figures
    missing for a period that is due). For a report, the findings of the figures and text
    (marks that contradict the figures, missing targets and data, pasted control characters),
    then a warning for each character of each field that ``style``'s fonts cannot draw in the
    PDF (code ``no-glyph``), and an error if the running header is too long for the top of a
    PDF page (``header-too-long``).
    """
    from .assess import check as figures
    from .model import Report

    if not isinstance(subject, Report):
        return figures(subject)
    from .render.pdf.coverage import report_findings

    return [*figures(subject), *report_findings(subject, style)]


def render_docx(
    report: Report,
    target: OutputTarget,
    template: str | os.PathLike[str] | None = None,
    style: HouseStyle = DEFAULT_STYLE,
) -> None:
    """Write the report as a Word document to a path or a binary stream.

    The page comes from ``template`` (a house-style .docx) when one is given, else from
    ``style``. Raises TemplateError for a template that cannot be used.
    """
    from .render.docx import render_docx as _render

    _render(report, target, template=template, style=style)


def render_pdf(report: Report, target: OutputTarget, style: HouseStyle = DEFAULT_STYLE, *,
               variant: str | None = None, template: str | os.PathLike[str] | None = None) -> None:
    """Write the report as a print-ready, tagged PDF to a path or a binary stream.

    ``variant="pdf/a-2b"`` makes it a PDF/A-2b archive copy as well. ``template`` is the
    Word template the .docx is made from: the PDF then takes its page (size, orientation,
    margins, header and footer room) and font sizes, so both files break pages alike.
    """
    from .render.pdf import render_pdf as _render

    if template is not None:
        style = template_style(template, style).style
    _render(report, target, style=style, variant=variant)


def template_style(template: str | os.PathLike[str], style: HouseStyle = DEFAULT_STYLE) -> TemplateSetup:
    """Return what a Word template sets for both outputs: ``.style``, the house style with the
    template's page and font sizes, and ``.warnings``, sentences naming where the PDF will
    differ from the Word file and what to change. Raises TemplateError (exit 1 on the command
    line) for a template that cannot be used."""
    from .render.docx import template_style as _read

    return _read(template, style)


def read_workbook(path: str | os.PathLike[str], *, limits: Limits | None = None) -> KpiData:
    """Return the KPI data in an .xlsx workbook or a folder of CSV files (openpyxl loads on first use).

    The file is read as untrusted, within ``limits`` (``committee_papers.limits.Limits``).
    Raise LoadError naming the sheet and cell of every problem.
    """
    from .workbook import read_workbook as _read

    return _read(path, limits=limits)


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
