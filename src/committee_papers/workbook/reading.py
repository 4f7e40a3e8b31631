"""Read a KPI workbook (.xlsx) or a folder of CSV files into sheets of DataFrames.

Rows keep the numbers a person sees in Excel: the header is row 1 and the first data row is
row 2. pandas and openpyxl are imported here, when a workbook is read, and not before.
"""

from __future__ import annotations

import os
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..loaders import LoadError, Problem
from .cells import to_decimal
from .sheet import Sheet, from_frame, is_blank, normalise

SHEETS = ("indicators", "values", "commentary", "settings")
REQUIRED_SHEETS = ("indicators", "values")
FIRST_COLUMN = {"indicators": "id", "values": "indicator_id", "commentary": "indicator_id", "settings": "key"}
NOT_XLSX = ("the file is not an Excel workbook (.xlsx): save it from Excel as 'Excel Workbook (.xlsx)', "
            "or give a folder holding indicators.csv, values.csv, commentary.csv and settings.csv")


def read_sheets(path: str | os.PathLike[str]) -> tuple[dict[str, Sheet], list[Problem]]:
    """Return the workbook's sheets by name, and the problems found reading them.

    ``path`` is an .xlsx file or a folder of CSV files. Raise LoadError when it cannot be read
    at all; a missing required sheet is returned as a problem.
    """
    where = Path(path)
    if where.is_dir():
        return _read_folder(where)
    if not where.exists():
        raise LoadError(str(where), [Problem("", "the file does not exist: check the path")])
    return _read_xlsx(where)


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


def _open_workbook(where: Path) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if where.suffix.lower() == ".xls":
        raise LoadError(str(where), [Problem("", "this is an old-style Excel .xls file: open it in Excel and "
                                             "save it as 'Excel Workbook (.xlsx)'")])
    if where.suffix.lower() == ".csv":
        raise LoadError(str(where), [Problem("", "give the folder that holds indicators.csv, values.csv, "
                                             "commentary.csv and settings.csv, not one CSV file")])
    try:
        is_zip = zipfile.is_zipfile(where)
    except OSError as error:
        raise LoadError(str(where), [Problem("", f"the file cannot be read: {error.strerror}")]) from None
    if not is_zip:
        raise LoadError(str(where), [Problem("", NOT_XLSX)])
    try:
        return openpyxl.load_workbook(where, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError):
        raise LoadError(str(where), [Problem("", NOT_XLSX)]) from None
    except OSError as error:
        raise LoadError(str(where), [Problem("", f"the file cannot be read: {error.strerror}")]) from None


def _read_xlsx(where: Path) -> tuple[dict[str, Sheet], list[Problem]]:
    import pandas as pd

    book = _open_workbook(where)
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
        rows = [[_cell_value(cell) for cell in row] for row in book[title].iter_rows(min_row=1, min_col=1)]
        header = _header_row(rows, FIRST_COLUMN[name])
        if header is None:
            problems.append(Problem(title, "the sheet is empty: it needs a header row of column names"))
            continue
        width = max(len(row) for row in rows)
        body = [row + [None] * (width - len(row)) for row in rows[header + 1:]]
        frame = pd.DataFrame(body, columns=list(range(width)), dtype=object)
        frame.columns = pd.Index([rows[header][i] if i < len(rows[header]) else None for i in range(width)])
        sheet, found_problems = from_frame(title, frame, header_row=header + 1)
        sheets[name] = sheet
        problems.extend(found_problems)
    return sheets, problems


def _read_folder(where: Path) -> tuple[dict[str, Sheet], list[Problem]]:
    import pandas as pd

    by_name = {p.name.lower(): p for p in where.iterdir() if p.is_file()}
    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    for name in SHEETS:
        file = by_name.get(f"{name}.csv")
        if file is None:
            if name in REQUIRED_SHEETS:
                problems.append(Problem(f"{name}.csv", f"the folder has no {name}.csv: add it"))
            continue
        try:
            frame = pd.read_csv(file, dtype=str, keep_default_na=False, skip_blank_lines=False,
                                encoding="utf-8-sig")
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
