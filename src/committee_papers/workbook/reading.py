"""Read a KPI workbook (.xlsx) or a folder of CSV files into sheets of cells.

The workbook is checked as untrusted (``committee_papers.limits``), then streamed with
openpyxl's read-only mode, keeping each cell's number format; unsaved formula results and
merged ranges come from ``parts``. Rows keep the numbers a person sees in Excel. Nothing here
imports pandas.
"""

from __future__ import annotations

import os
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import LoadError, Problem
from ..limits import InputError, Limits, check_file, check_package, resolve
from .csvfiles import read_folder
from .formats import NumberFormat, read_format
from .parts import SheetScan, scan_sheet, sheet_members
from .sheet import Cell, Sheet, is_blank, make_sheet, normalise

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
        return read_folder(where, limits, SHEETS, REQUIRED_SHEETS, FIRST_COLUMN)
    with open_book(where, limits) as book:
        return long_sheets(book)


def header_index(rows: list[list[Cell]], marker: str) -> int | None:
    """Return the index of the header row: the first of the top rows naming the sheet's first
    column (so a title above the table is skipped), else the first row with anything in it."""
    for index, row in enumerate(rows[:20]):
        if any(not cell.blank and normalise(cell.value) == marker for cell in row):
            return index
    return next((i for i, row in enumerate(rows) if any(not cell.blank for cell in row)), None)


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
    except (InvalidFileException, zipfile.BadZipFile, KeyError):  # not a workbook's parts
        raise LoadError(str(where), [Problem("", NOT_XLSX)]) from None
    except (ValueError, TypeError) as error:  # a workbook's part openpyxl cannot make sense of
        raise LoadError(str(where), [Problem("", f"a part of the workbook holds what openpyxl cannot read "
                                             f"({error}): open it in Excel and save it again")]) from None
    except OSError as error:
        raise LoadError(str(where), [Problem("", f"the file cannot be read: {error.strerror}")]) from None


class _Formats:
    """Each number format code read once per workbook."""

    def __init__(self) -> None:
        self._known: dict[str | None, NumberFormat] = {}

    def __call__(self, code: str | None) -> NumberFormat:
        found = self._known.get(code)
        if found is None:
            found = self._known[code] = read_format(code)
        return found


def _sheet_rows(where: Path, sheet: Any, limits: Limits, scan: SheetScan, formats: _Formats) -> list[list[Cell]]:
    """Return a read-only sheet's cells row by row, refusing anything past the limits.

    The sheet's own dimension record is ignored (it can claim a million rows): the scan of its
    XML says where the last cell holding anything is, a value beyond ``limits.rows`` or
    ``limits.columns`` is refused with its cell named, and only the rows and columns up to it
    are read, so empty formatted cells anywhere cost nothing. A formula with no saved result
    is kept as such, and a cell in a merged range spanning rows is marked.
    """
    from openpyxl.utils import get_column_letter

    if scan.last_column > limits.columns:
        row, column = scan.widest
        message = (f"{sheet.title}!{get_column_letter(column)}{row} holds a value beyond column "
                   f"{get_column_letter(limits.columns)}: delete the columns you do not use "
                   f"({limits.hint('columns')})")
        raise LoadError(str(where), [Problem("", message)])
    if scan.last_row > limits.rows:
        message = (f"{sheet.title}!A{scan.last_row} is beyond row {limits.rows:,}, the most a sheet may use: "
                   f"delete the rows you do not use ({limits.hint('rows')})")
        raise LoadError(str(where), [Problem("", message)])
    if scan.last_row == 0:
        return []
    sheet.reset_dimensions()
    rows: list[list[Cell]] = []
    for number, row in enumerate(sheet.iter_rows(min_row=1, max_row=scan.last_row, min_col=1,
                                                 max_col=scan.last_column), start=1):
        rows.append([Cell(cell.value, formats(cell.number_format), scan.unsaved.get((number, position)))
                     for position, cell in enumerate(row, start=1)])
    _mark_merged(rows, scan)
    return rows


def _mark_merged(rows: list[list[Cell]], scan: SheetScan) -> None:
    """Mark every cell of a merged range that spans rows, within the rows read."""
    for ref, (low_row, low_col, high_row, high_col) in scan.merged:
        if high_row == low_row:
            continue  # merged across columns only: each row still has its own cells
        for number in range(low_row, min(high_row, len(rows)) + 1):
            row = rows[number - 1]
            for column in range(low_col, high_col + 1):
                while len(row) < column:
                    row.append(Cell(None))
                old = row[column - 1]
                row[column - 1] = Cell(old.value, old.format, old.formula, ref)


@dataclass
class RawSheet:
    """A worksheet's cells row by row, before any heading is read, and its merged ranges as
    (ref, (first row, first column, last row, last column)), 1-based."""

    title: str
    rows: list[list[Cell]] = field(default_factory=list)
    merged: list[tuple[str, tuple[int, int, int, int]]] = field(default_factory=list)


class Sheets(Protocol):
    """A workbook's sheets by title, each read when asked for: an .xlsx ``Book`` or a ``folder.Folder``."""

    titles: list[str]

    def find(self, name: str) -> str | None: ...

    def is_worksheet(self, title: str) -> bool: ...

    def read(self, title: str) -> RawSheet: ...


class Book:
    """An open .xlsx workbook: its sheets' titles, and each worksheet's cells read when asked for.

    Only the sheets a layout needs are read, so a large sheet of notes or lookups costs
    nothing unless it is read. Raise LoadError for a sheet that is damaged or past the limits.
    """

    def __init__(self, where: Path, book: Any, archive: zipfile.ZipFile, limits: Limits) -> None:
        self.where, self._book, self._archive, self._limits = where, book, archive, limits
        self._members = sheet_members(archive)
        self._formats = _Formats()
        self.titles: list[str] = [str(title) for title in book.sheetnames]

    def find(self, name: str) -> str | None:
        """Return the title of the sheet with this name (any case, spaces around ignored)."""
        wanted = name.strip().lower()
        return next((t for t in self.titles if t.strip().lower() == wanted), None)

    def is_worksheet(self, title: str) -> bool:
        """Return whether a sheet holds cells (a chart sheet does not)."""
        return hasattr(self._book[title], "iter_rows")

    def read(self, title: str) -> RawSheet:
        """Return a worksheet's cells, read within the limits."""
        from openpyxl.utils.exceptions import CellCoordinatesException

        try:
            member = self._members.get(title)
            scan = scan_sheet(self._archive, member) if member else SheetScan()
            rows = _sheet_rows(self.where, self._book[title], self._limits, scan, self._formats)
            return RawSheet(title, rows, list(scan.merged))
        except SyntaxError as error:
            raise LoadError(str(self.where), [Problem("", f"a sheet is not well-formed XML ({error}): open the "
                                                      "workbook in Excel and save it again")]) from None
        except (IndexError, zipfile.BadZipFile, zlib.error, EOFError, CellCoordinatesException) as error:
            raise LoadError(str(self.where), [Problem("", f"the workbook is damaged ({type(error).__name__}: "
                                                      f"{str(error)[:80]}): open it in Excel and save it "
                                                      "again")]) from None
        except (KeyError, ValueError) as error:
            if isinstance(error, LoadError):
                raise
            raise LoadError(str(self.where), [Problem("", f"a sheet cannot be read ({type(error).__name__}: "
                                                      f"{str(error)[:80]}): open the workbook in Excel and save "
                                                      "it again")]) from None


@contextmanager
def open_book(path: str | os.PathLike[str], limits: Limits | None = None) -> Iterator[Book]:
    """Open an .xlsx workbook as untrusted, within ``limits``, for its sheets to be read.

    Raise LoadError when it is not a workbook, is damaged, or is past the package limits.
    """
    where = Path(path)
    if not where.exists():
        raise LoadError(str(where), [Problem("", "the file does not exist: check the path")])
    limits = resolve(limits)
    with warnings.catch_warnings():  # openpyxl warns of what it cannot read; the problems say it
        warnings.simplefilter("ignore")
        book = _open_workbook(where, limits)
        try:
            try:
                archive = zipfile.ZipFile(where)
            except (zipfile.BadZipFile, OSError) as error:
                raise LoadError(str(where), [Problem("", f"the workbook is damaged ({error}): open it in "
                                                     "Excel and save it again")]) from None
            with archive:
                try:
                    opened = Book(where, book, archive, limits)
                except SyntaxError as error:
                    raise LoadError(str(where), [Problem("", f"a part of the workbook is not well-formed XML "
                                                         f"({error}): open it in Excel and save it again")]) from None
                except (KeyError, IndexError, zipfile.BadZipFile, zlib.error, EOFError) as error:
                    raise LoadError(str(where), [Problem("", f"the workbook is damaged ({type(error).__name__}: "
                                                         f"{str(error)[:80]}): open it in Excel and save it "
                                                         "again")]) from None
                yield opened
        finally:
            book.close()


def long_sheets(book: Book) -> tuple[dict[str, Sheet], list[Problem]]:
    """Return the long form's sheets (indicators, values, commentary, settings) by name, and the
    problems found reading them; a missing required sheet is a problem."""
    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    for name in SHEETS:
        title = book.find(name)
        if title is None:
            if name in REQUIRED_SHEETS:
                found = ", ".join(repr(t) for t in book.titles)
                problems.append(Problem(name, f"the workbook has no sheet named {name!r} (its sheets are {found}): "
                                              "add it, or rename the sheet"))
            continue
        sheet, found_problems = keyed_sheet(book.read(title), FIRST_COLUMN[name])
        if sheet is None:
            problems.extend(found_problems)
            continue
        sheets[name] = sheet
        problems.extend(found_problems)
    return sheets, problems


def keyed_sheet(raw: RawSheet, marker: str) -> tuple[Sheet | None, list[Problem]]:
    """Return a sheet whose heading row is the first naming ``marker`` (a title above it is
    skipped), its columns keyed by heading; None with a problem when the sheet is empty."""
    header = header_index(raw.rows, marker)
    if header is None:
        return None, [Problem(raw.title, "the sheet is empty: it needs a header row of column names")]
    body = [(number, row) for number, row in enumerate(raw.rows[header + 1:], start=header + 2)]
    return make_sheet(raw.title, [c.value for c in raw.rows[header]], body, header_row=header + 1)


__all__ = ["REQUIRED_SHEETS", "SHEETS", "Book", "RawSheet", "Sheets", "header_index", "is_blank", "keyed_sheet",
           "long_sheets", "open_book", "read_sheets"]
