"""Small wide workbooks for the tests, written with openpyxl: a sheet per portfolio, rows as given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

Rows = list[list[Any]]


def write_wide(path: Path, sheets: dict[str, Rows], *, merges: dict[str, Sequence[str]] | None = None,
               formats: dict[tuple[str, str], str] | None = None,
               settings: Sequence[Sequence[Any]] | None = (("period", "Q3 2016/17"),)) -> Path:
    """Write the sheets (rows from row 1), merge the ranges given per sheet, set number formats by
    (sheet, cell), and add a settings sheet (key, value) unless ``settings`` is None."""
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    for title, ranges in (merges or {}).items():
        for cells in ranges:
            book[title].merge_cells(cells)
    for (title, cell), code in (formats or {}).items():
        book[title][cell].number_format = code
    if settings is not None:
        sheet = book.create_sheet("settings")
        sheet.append(["key", "value"])
        for row in settings:
            sheet.append(list(row))
    book.save(path)
    return path


def one_row(periods: Sequence[Any], figures: Sequence[Any], *, upper: Sequence[Any] | None = None,
            fields: Sequence[str] = ("Ref", "Indicator", "Good is"), values: Sequence[Any] = ("K1", "An indicator",
                                                                                           "Higher"),
            after: Sequence[str] = ("Target",), after_values: Sequence[Any] = (50,)) -> Rows:
    """Return a sheet's rows: the field headings, then the period headings (``upper`` above them,
    in a row of its own, when given), the headings after them, and one indicator's row."""
    rows: Rows = []
    if upper is not None:
        rows.append([None] * len(fields) + list(upper) + [None] * len(after))
    rows.append([*fields, *periods, *after])
    rows.append([*values, *figures, *after_values])
    return rows


MEETING = dt.date(2017, 3, 20)
