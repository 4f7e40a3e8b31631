"""Read a folder of CSV files (indicators.csv, values.csv, ...) as the sheets of a workbook.

Excel writes CSV with commas in some locales and semicolons in others (where the comma is
the decimal separator), so each file's separator is found from its header row: the one of
``,``, ``;`` and tab that splits it into the most known column names. A file is read with
Python's csv module as text; a repeated column heading is reported, never renamed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ..errors import Problem
from ..limits import InputError, Limits, read_bytes
from .sheet import Cell, Sheet, is_blank, make_sheet, normalise

SEPARATORS = (",", ";", "\t")
KNOWN = {"id", "portfolio", "description", "polarity", "unit", "target", "indicator_id", "period", "value",
         "note", "notes", "commentary", "key"}


def separator_of(header: str) -> str:
    """Return the separator that splits a header line into the most known column names."""
    def score(separator: str) -> tuple[int, int]:
        names = next(csv.reader([header], delimiter=separator), [])
        return (sum(normalise(name) in KNOWN for name in names), len(names))
    return max(SEPARATORS, key=score)


def _rows(text: str, separator: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


def read_csv(file: Path, name: str, marker: str, limits: Limits) -> tuple[Sheet | None, list[Problem]]:
    """Return one CSV file as a sheet (its header the first row naming ``marker`` or holding text)."""
    try:
        text = read_bytes(file, "CSV file", limits).decode("utf-8-sig")
    except InputError as error:
        return None, [Problem(file.name, error.reason)]
    except UnicodeDecodeError:
        return None, [Problem(file.name, "the file is not UTF-8 text: save it as 'CSV UTF-8'")]
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        return None, [Problem(file.name, "the file is empty: it needs a header row of column names")]
    try:
        rows = _rows(text, separator_of(first))
    except csv.Error as error:
        return None, [Problem(file.name, f"the file is not valid CSV: {error}")]
    if len(rows) > limits.rows:
        return None, [Problem(file.name, f"the file has {len(rows):,} rows, more than the {limits.rows:,} "
                                         f"allowed: {limits.hint('rows')}")]
    header = next((i for i, row in enumerate(rows[:20]) if any(normalise(v) == marker for v in row)), None)
    if header is None:
        header = next(i for i, row in enumerate(rows) if any(not is_blank(v) for v in row))
    body = [(number, [Cell(value) for value in row]) for number, row in enumerate(rows[header + 1:], start=header + 2)]
    return make_sheet(name, rows[header], body, header_row=header + 1)


def read_folder(where: Path, limits: Limits, names: Sequence[str], required: Sequence[str],
                markers: dict[str, str]) -> tuple[dict[str, Sheet], list[Problem]]:
    """Return the sheets of a folder of CSV files, and the problems found reading them."""
    by_name = {p.name.lower(): p for p in where.iterdir() if not p.is_dir()}
    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    for name in names:
        file = by_name.get(f"{name}.csv")
        if file is None:
            if name in required:
                problems.append(Problem(f"{name}.csv", f"the folder has no {name}.csv: add it"))
            continue
        sheet, found = read_csv(file, name, markers[name], limits)
        problems.extend(found)
        if sheet is not None:
            sheets[name] = sheet
    return sheets, problems


__all__ = ["read_csv", "read_folder", "separator_of"]
