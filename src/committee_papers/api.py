"""The functions of the public API that load their heavy parts (renderers, pandas) when called."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .output import Target as OutputTarget
from .style import DEFAULT_STYLE, HouseStyle

if TYPE_CHECKING:
    import pandas as pd

    from .assess import Finding
    from .assess.rules import Rules
    from .model import KpiData, Pack, Report


def check(report: Report, style: HouseStyle = DEFAULT_STYLE) -> list[Finding]:
    """Return every finding about the report, in document order.

    The findings of the figures and text (``assess.check``: marks that contradict the figures,
    missing targets and data, pasted control characters), then a warning for each character
    of each field that ``style``'s fonts cannot draw in the PDF (code ``no-glyph``), and an
    error if the running header is too long for the top of a PDF page (``header-too-long``).
    """
    from .assess import check as figures
    from .render.pdf.coverage import report_findings

    return [*figures(report), *report_findings(report, style)]


def render_docx(
    report: Report,
    target: OutputTarget,
    template: str | os.PathLike[str] | None = None,
    style: HouseStyle = DEFAULT_STYLE,
) -> None:
    """Write the report as a Word document to a path or a binary stream."""
    from .render.docx import render_docx as _render

    _render(report, target, template=template, style=style)


def render_pdf(report: Report, target: OutputTarget, style: HouseStyle = DEFAULT_STYLE, *,
               variant: str | None = None) -> None:
    """Write the report as a print-ready, tagged PDF to a path or a binary stream.

    ``variant="pdf/a-2b"`` makes it a PDF/A-2b archive copy as well.
    """
    from .render.pdf import render_pdf as _render

    _render(report, target, style=style, variant=variant)


def read_workbook(path: str | os.PathLike[str]) -> KpiData:
    """Return the KPI data in an .xlsx workbook or a folder of CSV files (pandas loads on first use)."""
    from .workbook import read_workbook as _read

    return _read(path)


def from_dataframes(
    indicators: pd.DataFrame,
    values: pd.DataFrame,
    commentary: pd.DataFrame | None = None,
    settings: pd.DataFrame | None = None,
) -> KpiData:
    """Return the KPI data in DataFrames with the workbook's columns."""
    from .workbook import from_dataframes as _from

    return _from(indicators, values, commentary, settings)


def build_pack(data: KpiData, rules: Rules | str | os.PathLike[str] | None = None) -> Pack:
    """Return the appendix pack's data: exception pages chosen by the rules, and the scorecard."""
    from .pack import build_pack as _build

    return _build(data, rules)
