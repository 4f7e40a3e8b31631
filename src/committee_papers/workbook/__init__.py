"""KPI workbooks: indicators, their figures and commentary, read from Excel, CSV or DataFrames.

Two layouts are read. In the long form a workbook (.xlsx) has the sheets ``indicators``,
``values`` (one figure a row), ``commentary`` and ``settings``; a folder of CSV files holds
``indicators.csv``, ``values.csv``, ``commentary.csv`` and ``settings.csv`` with the same
columns. A wide workbook has one row per indicator, its figures in columns headed by their
periods, on one or more sheets (``wide``). Both are documented in the README. Bad data gets a
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

    from .reading import Sheets


def read_workbook(path: str | os.PathLike[str], *, limits: Limits | None = None,
                  mapping: str | os.PathLike[str] | None = None) -> KpiData:
    """Return the KPI data in an .xlsx workbook (long form or wide) or a folder of CSV files.

    The layout is found from the workbook: a ``values`` sheet (or an ``indicators`` sheet
    without period columns) is the long form, anything else is read as wide; ``.layout`` of the
    result says which, in words. ``mapping`` is a YAML mapping file for a wide workbook whose
    headings the library does not know. The files are read as untrusted, within ``limits``
    (see ``committee_papers.limits``). Raise LoadError naming the sheet, row and column of
    every problem (or the mapping's line).
    """
    from pathlib import Path

    from ..errors import LoadError, Problem
    from .build import build
    from .folder import Folder
    from .mapping import read_mapping
    from .reading import long_sheets, open_book, read_sheets
    from .wide import read_wide

    source = os.fspath(path)
    given = read_mapping(mapping, limits) if mapping is not None else None
    long_form = LoadError(source, [Problem("", "the workbook is in long form (it has indicators and values sheets), "
                                               "and a mapping is for wide workbooks: leave out the mapping")])
    if Path(path).is_dir():
        folder = Folder(Path(path), limits)
        if not folder.titles or is_long(folder):
            if given is not None:
                raise long_form
            sheets, problems = read_sheets(path, limits)
            return build(source, sheets, problems)
        return read_wide(source, folder, given, limits)
    with open_book(path, limits) as book:
        if is_long(book):
            if given is not None:
                raise long_form
            sheets, problems = long_sheets(book)
            return build(source, sheets, problems)
        return read_wide(source, book, given, limits)


def is_long(book: Sheets) -> bool:
    """Return whether a workbook's sheets (an .xlsx ``reading.Book`` or a folder of CSV files) are in
    long form: a ``values`` sheet, or an ``indicators`` sheet whose headings name no period (it then
    lacks its values)."""
    from .headings import is_period_heading
    from .reading import header_index

    if book.find("values") is not None:
        return True
    title = book.find("indicators")
    if title is None or not book.is_worksheet(title):
        return False
    rows = book.read(title).rows
    header = header_index(rows, "id")
    return header is None or not any(is_period_heading(cell.value) for cell in rows[header])


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
