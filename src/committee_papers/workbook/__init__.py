"""KPI workbooks: indicators, their figures and commentary, read from Excel, CSV or DataFrames.

A workbook (.xlsx) has the sheets ``indicators``, ``values``, ``commentary`` and ``settings``;
a folder of CSV files holds ``indicators.csv``, ``values.csv``, ``commentary.csv`` and
``settings.csv`` with the same columns. The layout is documented in the README. Bad data gets a
LoadError listing every problem by sheet and cell, e.g.
``values!C14 (value): expected a number, got 'n/a'``.

openpyxl is imported only when a workbook is read; pandas never (a DataFrame is read through
its own methods).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..limits import Limits
from ..model import KpiData

if TYPE_CHECKING:
    import pandas as pd


def read_workbook(path: str | os.PathLike[str], *, limits: Limits | None = None) -> KpiData:
    """Return the KPI data in an .xlsx workbook or a folder of CSV files.

    The file is read as untrusted, within ``limits`` (see ``committee_papers.limits``). Raise
    LoadError naming the sheet, row and column of every problem.
    """
    from .build import build
    from .reading import read_sheets

    sheets, problems = read_sheets(path, limits)
    return build(os.fspath(path), sheets, problems)


def from_dataframes(
    indicators: pd.DataFrame,
    values: pd.DataFrame,
    commentary: pd.DataFrame | None = None,
    settings: pd.DataFrame | None = None,
) -> KpiData:
    """Return the KPI data in DataFrames with the workbook's columns.

    Each DataFrame is read as a sheet whose header is row 1, so the first row of a DataFrame
    is row 2 in the problems reported (whatever its index).
    """
    from ..errors import Problem
    from .build import build
    from .dataframes import sheet_from_frame
    from .sheet import Sheet

    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    given: dict[str, Any] = {"indicators": indicators, "values": values, "commentary": commentary,
                             "settings": settings}
    for name, frame in given.items():
        if frame is None:
            continue
        sheet, found = sheet_from_frame(name, frame)
        sheets[name] = sheet
        problems.extend(found)
    return build("<dataframes>", sheets, problems)


__all__ = ["KpiData", "from_dataframes", "read_workbook"]
