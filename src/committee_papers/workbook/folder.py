"""A folder of CSV files read as the sheets of a wide workbook: one file per sheet.

Performance systems often export each sheet as CSV. Each ``*.csv`` file in the folder is a sheet
named by its file name (``Adult Services.csv`` is the sheet ``Adult Services``), read in name
order; ``settings.csv`` holds the settings. The separator (comma, semicolon or tab) is the one
that splits a heading row among the first lines into the most recognised headings. Files are
read as untrusted, within the limits, as any CSV file: a link to another file is refused.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import LoadError, Problem
from ..limits import InputError, Limits, read_bytes, resolve
from .csvfiles import KNOWN, SEPARATORS
from .headers import field_of
from .reading import RawSheet
from .sheet import Cell, normalise

MAX_FILES = 200  # sheets in a folder


def _separator(lines: list[str]) -> str:
    """Return the separator that splits one of the first lines into the most known headings."""
    def score(separator: str) -> tuple[int, int]:
        best = (0, 0)
        for line in lines[:20]:
            names = next(csv.reader([line[:100_000]], delimiter=separator), [])
            known = sum(field_of(name) is not None or normalise(name) in KNOWN for name in names)
            best = max(best, (known, len(names)))
        return best
    return max(SEPARATORS, key=score)


class Folder:
    """A folder of CSV files as a workbook's sheets (the interface of ``reading.Book``)."""

    def __init__(self, where: Path, limits: Limits | None = None) -> None:
        self.where, self._limits = where, resolve(limits)
        files = sorted((p for p in where.iterdir() if p.suffix.lower() == ".csv"), key=lambda p: p.name.lower())
        if len(files) > MAX_FILES:
            raise LoadError(str(where), [Problem("", f"the folder holds {len(files):,} CSV files, more than the "
                                                     f"{MAX_FILES} sheets a workbook may have: give a folder "
                                                     "holding only the workbook's files")])
        self._files = {p.stem: p for p in files}
        self.titles: list[str] = list(self._files)

    def find(self, name: str) -> str | None:
        """Return the title of the sheet with this name (any case, spaces around ignored)."""
        wanted = name.strip().lower()
        return next((t for t in self.titles if t.strip().lower() == wanted), None)

    def is_worksheet(self, title: str) -> bool:
        """Return True: every CSV file holds cells."""
        return title in self._files

    def read(self, title: str) -> RawSheet:
        """Return a CSV file's cells; raise LoadError when it cannot be read within the limits."""
        file = self._files[title]
        if file.is_symlink():
            raise LoadError(str(file), [Problem("", "the file is a link to another file: copy the file itself "
                                                    "into the folder")])
        limits = self._limits
        try:
            text = read_bytes(file, "CSV file", limits).decode("utf-8-sig")
        except InputError as error:
            raise LoadError(error.path, [Problem("", error.reason)]) from None
        except UnicodeDecodeError:
            raise LoadError(str(file), [Problem("", "the file is not UTF-8 text: save it as 'CSV UTF-8'")]) from None
        lines = text.count("\n") + 1
        if lines > limits.rows:
            raise LoadError(str(file), [Problem("", f"the file has {lines:,} lines, more than the {limits.rows:,} "
                                                    f"rows allowed ({limits.hint('rows')})")])
        separator = _separator([line for line in text[:1_000_000].splitlines()[:40] if line.strip()])
        widest = max((line.count(separator) for line in text.splitlines()), default=0)
        if widest >= limits.columns:
            raise LoadError(str(file), [Problem("", f"a line of the file has {widest + 1:,} columns, more than "
                                                    f"the {limits.columns:,} allowed ({limits.hint('columns')})")])
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
        except csv.Error as error:
            raise LoadError(str(file), [Problem("", f"the file is not valid CSV: {error}")]) from None
        width = max((len(row) for row in rows), default=0)
        return RawSheet(title, [[Cell(value) for value in row] + [Cell(None)] * (width - len(row)) for row in rows])


__all__ = ["Folder"]
