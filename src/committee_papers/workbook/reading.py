"""Read a KPI workbook (.xlsx) or a folder of CSV files into sheets of DataFrames.

Rows keep the numbers a person sees in Excel: the header is row 1 and the first data row is
row 2. pandas and openpyxl are imported here, when a workbook is read, and not before.
"""

from __future__ import annotations

import io
import os
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..limits import InputError, Limits, check_file, check_package, read_bytes, resolve
from ..loaders import LoadError, Problem
from .cells import to_decimal
from .sheet import Sheet, from_frame, is_blank, normalise

SHEETS = ("indicators", "values", "commentary", "settings")
REQUIRED_SHEETS = ("indicators", "values")
FIRST_COLUMN = {"indicators": "id", "values": "indicator_id", "commentary": "indicator_id", "settings": "key"}
NOT_XLSX = ("the file is not an Excel workbook (.xlsx): save it from Excel as 'Excel Workbook (.xlsx)', "
            "or give a folder holding indicators.csv, values.csv, commentary.csv and settings.csv")


def read_sheets(path: str | os.PathLike[str],
                limits: Limits | None = None) -> tuple[dict[str, Sheet], list[Problem]]:
    """Return the workbook's sheets by name, and the problems found reading them.

    ``path`` is an .xlsx file or a folder of CSV files, read as untrusted within ``limits``
    (file and package sizes, rows and columns). Raise LoadError when it cannot be read at
    all; a missing required sheet is returned as a problem.
    """
    limits = resolve(limits)
    where = Path(path)
    if where.is_dir():
        return _read_folder(where, limits)
    if not where.exists():
        raise LoadError(str(where), [Problem("", "the file does not exist: check the path")])
    return _read_xlsx(where, limits)


def _percent_text(value: Any) -> str:
    """Return a percentage-formatted cell as Excel shows it: 0.171 -> ``17.1%``."""
    number = to_decimal(value).scaleb(2)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        number = number.quantize(Decimal(1))
    return f"{number}%"


def _cell_value(cell: Any) -> Any:
    value = cell.value
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if numeric and "%" in str(cell.number_format or ""):
        return _percent_text(value)
    return value


def _header_row(rows: list[list[Any]], marker: str) -> int | None:
    """Return the index of the header row: the first of the top rows naming the sheet's first
    column (so a title above the table is skipped), else the first row with anything in it."""
    for index, row in enumerate(rows[:20]):
        if any(not is_blank(v) and normalise(v) == marker for v in row):
            return index
    return next((i for i, row in enumerate(rows) if any(not is_blank(v) for v in row)), None)


def _open_workbook(where: Path, limits: Limits) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if where.suffix.lower() == ".xls":
        raise LoadError(str(where), [Problem("", "this is an old-style Excel .xls file: open it in Excel and "
                                             "save it as 'Excel Workbook (.xlsx)'")])
    if where.suffix.lower() == ".csv":
        raise LoadError(str(where), [Problem("", "give the folder that holds indicators.csv, values.csv, "
                                             "commentary.csv and settings.csv, not one CSV file")])
    try:
        check_file(where, "workbook", limits)  # before anything opens it: a pipe would hang
    except InputError as error:
        raise LoadError(error.path, [Problem("", error.reason)]) from None
    try:
        is_zip = zipfile.is_zipfile(where)
    except OSError as error:
        raise LoadError(str(where), [Problem("", f"the file cannot be read: {error.strerror}")]) from None
    if not is_zip:
        raise LoadError(str(where), [Problem("", NOT_XLSX)])
    try:
        check_package(where, "workbook", limits, whole_xml=False)
    except InputError as error:
        raise LoadError(error.path, [Problem("", error.reason)]) from None
    try:
        return openpyxl.load_workbook(where, read_only=True, data_only=True)
    except SyntaxError as error:  # lxml's XMLSyntaxError and ElementTree's ParseError
        raise LoadError(str(where), [Problem("", f"a part of the workbook is not well-formed XML ({error}): open "
                                             "it in Excel and save it again")]) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError):
        raise LoadError(str(where), [Problem("", NOT_XLSX)]) from None
    except OSError as error:
        raise LoadError(str(where), [Problem("", f"the file cannot be read: {error.strerror}")]) from None


def _sheet_rows(where: Path, sheet: Any, limits: Limits) -> list[list[Any]]:
    """Return a read-only sheet's values row by row, refusing anything past the limits.

    The sheet's own dimension record is ignored (it can claim a million rows); rows are
    read as the file holds them, and a value beyond ``limits.rows`` or ``limits.columns``
    stops the read with its cell named. Empty formatted cells anywhere are ignored.
    """
    from openpyxl.utils import get_column_letter

    sheet.reset_dimensions()
    rows: list[list[Any]] = []
    blank_run = 0
    for number, row in enumerate(sheet.iter_rows(min_row=1, min_col=1), start=1):
        values = [_cell_value(cell) for cell in row[:limits.columns]]
        beyond = next((cell for cell in row[limits.columns:] if cell.value is not None), None)
        if beyond is not None:
            message = (f"{sheet.title}!{get_column_letter(beyond.column)}{number} holds a value beyond "
                       f"column {get_column_letter(limits.columns)}: delete the columns you do not use "
                       f"({limits.hint('columns')})")
            raise LoadError(str(where), [Problem("", message)])
        if any(value is not None for value in values):
            if number > limits.rows:
                message = (f"{sheet.title}!A{number} is beyond row {limits.rows:,}, the most a sheet may "
                           f"use: delete the rows you do not use ({limits.hint('rows')})")
                raise LoadError(str(where), [Problem("", message)])
            rows.extend([] for _ in range(blank_run))
            blank_run = 0
            rows.append(values)
        else:
            blank_run += 1  # blank rows are kept only between rows that hold something
    return rows


def _read_xlsx(where: Path, limits: Limits) -> tuple[dict[str, Sheet], list[Problem]]:
    book = _open_workbook(where, limits)
    try:
        return _read_book(where, book, limits)
    finally:
        book.close()


def _read_book(where: Path, book: Any, limits: Limits) -> tuple[dict[str, Sheet], list[Problem]]:
    import pandas as pd

    by_name = {str(title).strip().lower(): title for title in book.sheetnames}
    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    for name in SHEETS:
        if name not in by_name:
            if name in REQUIRED_SHEETS:
                found = ", ".join(repr(t) for t in book.sheetnames)
                problems.append(Problem(name, f"the workbook has no sheet named {name!r} (its sheets are {found}): "
                                              "add it, or rename the sheet"))
            continue
        title = by_name[name]
        try:
            rows = _sheet_rows(where, book[title], limits)
        except (SyntaxError, ValueError, KeyError) as error:  # a malformed or hostile sheet part
            if isinstance(error, LoadError):
                raise
            raise LoadError(str(where), [Problem(title, f"the sheet cannot be read ({type(error).__name__}: "
                                                        f"{error}): open the workbook in Excel and save it "
                                                        "again")]) from None
        header = _header_row(rows, FIRST_COLUMN[name])
        if header is None:
            problems.append(Problem(title, "the sheet is empty: it needs a header row of column names"))
            continue
        width = max(len(row) for row in rows)
        if width == 0:
            problems.append(Problem(title, "the sheet is empty: it needs a header row of column names"))
            continue
        body = [row + [None] * (width - len(row)) for row in rows[header + 1:]]
        frame = pd.DataFrame(body, columns=list(range(width)), dtype=object)
        frame.columns = pd.Index([rows[header][i] if i < len(rows[header]) else None for i in range(width)])
        sheet, found_problems = from_frame(title, frame, header_row=header + 1)
        sheets[name] = sheet
        problems.extend(found_problems)
    return sheets, problems


def _read_folder(where: Path, limits: Limits) -> tuple[dict[str, Sheet], list[Problem]]:
    import pandas as pd

    by_name = {p.name.lower(): p for p in where.iterdir() if not p.is_dir()}
    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    for name in SHEETS:
        file = by_name.get(f"{name}.csv")
        if file is None:
            if name in REQUIRED_SHEETS:
                problems.append(Problem(f"{name}.csv", f"the folder has no {name}.csv: add it"))
            continue
        try:
            text = read_bytes(file, "CSV file", limits).decode("utf-8-sig")
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                                skip_blank_lines=False)
        except InputError as error:
            problems.append(Problem(file.name, error.reason))
            continue
        except UnicodeDecodeError:
            problems.append(Problem(file.name, "the file is not UTF-8 text: save it as 'CSV UTF-8'"))
            continue
        except pd.errors.EmptyDataError:
            problems.append(Problem(file.name, "the file is empty: it needs a header row of column names"))
            continue
        except pd.errors.ParserError as error:
            problems.append(Problem(file.name, f"the file is not valid CSV: {error}"))
            continue
        sheet, found_problems = from_frame(name, frame)
        sheets[name] = sheet
        problems.extend(found_problems)
    return sheets, problems


__all__ = ["REQUIRED_SHEETS", "SHEETS", "read_sheets"]
