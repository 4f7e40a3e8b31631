"""A sheet as the readers see it: a DataFrame indexed by spreadsheet row, with column letters."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..loaders import Problem

if TYPE_CHECKING:
    import pandas as pd

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


@dataclass(frozen=True)
class Sheet:
    """One sheet: ``frame`` holds the cells by heading key, its index is the spreadsheet row."""

    name: str
    frame: pd.DataFrame
    letters: dict[str, str] = field(default_factory=dict)  # heading key -> column letter
    header_row: int = 1

    def has(self, column: str) -> bool:
        """Return whether the sheet has the column."""
        return column in self.letters

    def ref(self, row: int, column: str) -> str:
        """Return the reference of a cell, e.g. ``values!C14``."""
        return f"{self.name}!{self.letters.get(column, '?')}{row}"

    def rows(self) -> Iterator[int]:
        """Yield the row numbers of the rows that have anything in a known column."""
        columns = [c for c in self.frame.columns if c in self.letters]
        for row in self.frame.index:
            if any(not is_blank(self.frame.at[row, c]) for c in columns):
                yield int(row)

    def get(self, row: int, column: str) -> Any:
        """Return a cell's raw value (None if the sheet lacks the column)."""
        return self.frame.at[row, column] if column in self.letters else None


def is_blank(value: Any) -> bool:
    """Return whether a cell is empty: None, NaN, NaT, pandas NA or only spaces."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


def from_frame(name: str, frame: pd.DataFrame, header_row: int = 1) -> tuple[Sheet, list[Problem]]:
    """Return a sheet from a DataFrame whose rows follow the header row, one spreadsheet row each.

    The row labels of ``frame`` are ignored: its rows are numbered from ``header_row + 1``. A
    repeated heading is a problem; blank or unnamed headings are left out.
    """
    import pandas as pd

    problems: list[Problem] = []
    keep: list[int] = []
    letters: dict[str, str] = {}
    for position, heading in enumerate(frame.columns):
        if is_blank(heading) or str(heading).startswith("Unnamed:"):
            continue
        key, letter = normalise(heading), column_letter(position + 1)
        if key in letters:
            problems.append(CellProblem(f"{name}!{letter}{header_row}",
                                        f"the column {key!r} appears twice (first in column {letters[key]})",
                                        column=key))
            continue
        letters[key] = letter
        keep.append(position)
    data = frame.iloc[:, keep].copy()
    data.columns = pd.Index([normalise(frame.columns[p]) for p in keep])
    data.index = pd.RangeIndex(header_row + 1, header_row + 1 + len(data))
    data = data.astype(object)
    return Sheet(name, data, letters, header_row), problems


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
