"""A sheet as the readers see it: cells by spreadsheet row and heading key, with column letters.

Every source (an .xlsx sheet, a CSV file, a DataFrame) becomes the same plain structure, so
the rules for reading figures, dates and text are applied once, whatever the source. Rows
keep the numbers a person sees in Excel: the header is row 1 (or the row found below a title)
and the first data row follows it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from .formats import GENERAL, NumberFormat

# Headings people write for the documented columns.
ALIASES = {
    "indicator": "indicator_id", "kpi": "indicator_id", "kpi_id": "indicator_id",
    "stat_neighbour": "stat_neighbours", "statistical_neighbours": "stat_neighbours",
    "statistical_neighbour": "stat_neighbours", "note": "note", "notes": "notes",
}


def normalise(heading: Any) -> str:
    """Return a column heading as a key: ``Stat Neighbours`` -> ``stat_neighbours``."""
    key = re.sub(r"[\s\-]+", "_", str(heading).strip().lower())
    return ALIASES.get(key, key)


def column_letter(number: int) -> str:
    """Return the spreadsheet letters of a 1-based column number: 1 -> A, 28 -> AB."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class CellProblem(Problem):
    """A problem in one cell: ``values!C14 (value): expected a number, got 'n/a'``."""

    column: str = ""

    def __str__(self) -> str:
        column = f" ({self.column})" if self.column else ""
        return f"{self.path}{column}: {self.message}"


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its stored value and how it is shown.

    ``value`` is what the file holds (text, a number, a date, a boolean or None); ``format``
    is its number format; ``formula`` is set when the cell holds a formula whose result was
    never saved (a workbook written by a script); ``merged`` names the merged range the cell
    belongs to when that range spans rows (e.g. ``C5:C7``).
    """

    value: Any
    format: NumberFormat = GENERAL
    formula: str | None = None
    merged: str | None = None

    @property
    def blank(self) -> bool:
        """Return whether the cell is empty (and holds no unsaved formula)."""
        return self.formula is None and is_blank(self.value)


EMPTY = Cell(None)


@dataclass(frozen=True)
class Sheet:
    """One sheet: cells by row number and heading key, and each key's column letter."""

    name: str
    letters: dict[str, str] = field(default_factory=dict)  # heading key -> column letter
    header_row: int = 1
    cells: dict[int, dict[str, Cell]] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # heading key -> heading as written, where it differs

    def has(self, column: str) -> bool:
        """Return whether the sheet has the column."""
        return column in self.letters

    def ref(self, row: int, column: str) -> str:
        """Return the reference of a cell, e.g. ``values!C14``."""
        return f"{self.name}!{self.letters.get(column, '?')}{row}"

    def rows(self) -> Iterator[int]:
        """Yield the row numbers of the rows that have anything in a known column."""
        for row, cells in self.cells.items():
            if any(not cell.blank for cell in cells.values()):
                yield row

    def cell(self, row: int, column: str) -> Cell:
        """Return a cell (an empty one if the sheet lacks the column or the row)."""
        return self.cells.get(row, {}).get(column, EMPTY)

    def get(self, row: int, column: str) -> Any:
        """Return a cell's stored value (None if the sheet lacks the column)."""
        return self.cell(row, column).value


def is_blank(value: Any) -> bool:
    """Return whether a value is empty: None, NaN, NaT, pandas NA or only spaces."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def make_sheet(name: str, header: Sequence[Any], body: Sequence[tuple[int, Sequence[Cell]]],
               header_row: int = 1) -> tuple[Sheet, list[Problem]]:
    """Return a sheet from its header row and its data rows (each with its row number).

    A repeated heading is a problem; blank headings are left out, and so are their cells.
    """
    problems: list[Problem] = []
    keep: dict[int, str] = {}
    letters: dict[str, str] = {}
    for position, heading in enumerate(header):
        if is_blank(heading):
            continue
        key, letter = normalise(heading), column_letter(position + 1)
        if key in letters:
            problems.append(CellProblem(f"{name}!{letter}{header_row}",
                                        f"the column {key!r} appears twice (first in column {letters[key]}): "
                                        "rename or remove one of them", column=key))
            continue
        letters[key] = letter
        keep[position] = key
    cells = {number: {key: row[position] for position, key in keep.items() if position < len(row)}
             for number, row in body}
    return Sheet(name, letters, header_row, cells), problems


def require(sheet: Sheet, required: Sequence[str], optional: Sequence[str]) -> list[Problem]:
    """Return a problem for each required column the sheet lacks, and each likely misspelling."""
    problems: list[Problem] = []
    where = f"{sheet.name}!{sheet.header_row}:{sheet.header_row}"
    found = ", ".join(sheet.letters) or "none"
    for column in required:
        if not sheet.has(column):
            problems.append(CellProblem(where, f"the required column {column!r} is missing from the header "
                                        f"row (the columns found are: {found})", column=column))
    known = [*required, *optional]
    absent = [c for c in known if not sheet.has(c)]
    for column, letter in sheet.letters.items():
        if column in known:
            continue
        close = difflib.get_close_matches(column, absent, n=1, cutoff=0.8)
        if close:
            problems.append(CellProblem(f"{sheet.name}!{letter}{sheet.header_row}",
                                        f"unknown column {column!r}: did you mean {close[0]!r}?", column=column))
    return problems


__all__ = ["EMPTY", "Cell", "CellProblem", "Sheet", "column_letter", "is_blank", "make_sheet", "normalise",
           "require"]
