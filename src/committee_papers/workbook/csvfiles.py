"""Read a folder of CSV files (indicators.csv, values.csv, ...) as the sheets of a workbook.

Excel writes CSV with commas in some locales and semicolons in others (where the comma is
the decimal separator), so each file's separator is found from its header row: the one of
``,``, ``;`` and tab that splits it into the most known column names. A file is read with
Python's csv module as text; a repeated column heading is reported, never renamed. The rows
and columns are bounded as a worksheet's are, counted before the text is parsed, and a
file in the folder that is a link to somewhere else is refused, not followed.
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
    lines = text.count("\n") + 1
    if lines > limits.rows:
        return None, [Problem(file.name, f"the file has {lines:,} lines, more than the {limits.rows:,} rows "
                                         f"allowed: delete the lines you do not use ({limits.hint('rows')})")]
    first = next((line for line in text[:1_000_000].splitlines() if line.strip()), "")
    if not first:
        return None, [Problem(file.name, "the file is empty: it needs a header row of column names")]
    separator = separator_of(first[:100_000])
    widest = max(line.count(separator) for line in text.splitlines())
    if widest >= limits.columns:
        return None, [Problem(file.name, f"a line of the file has {widest + 1:,} columns, more than the "
                                         f"{limits.columns:,} allowed: {limits.hint('columns')}")]
    try:
        rows = _rows(text, separator)
    except csv.Error as error:
        return None, [Problem(file.name, f"the file is not valid CSV: {error}")]
    header = next((i for i, row in enumerate(rows[:20]) if any(normalise(v) == marker for v in row)), None)
    if header is None:
        header = next(i for i, row in enumerate(rows) if any(not is_blank(v) for v in row))
    body = [(number, [Cell(value) for value in row]) for number, row in enumerate(rows[header + 1:], start=header + 2)]
    return make_sheet(name, rows[header], body, header_row=header + 1)


def read_folder(where: Path, limits: Limits, names: Sequence[str], required: Sequence[str],
                markers: dict[str, str]) -> tuple[dict[str, Sheet], list[Problem]]:
    """Return the sheets of a folder of CSV files, and the problems found reading them."""
    by_name = {p.name.lower(): p for p in where.iterdir() if p.is_symlink() or not p.is_dir()}
    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    for name in names:
        file = by_name.get(f"{name}.csv")
        if file is None:
            if name in required:
                problems.append(Problem(f"{name}.csv", f"the folder has no {name}.csv: add it"))
            continue
        if file.is_symlink():
            problems.append(Problem(file.name, "the file is a link to another file: copy the file itself "
                                               "into the folder"))
            continue
        sheet, found = read_csv(file, name, markers[name], limits)
        problems.extend(found)
        if sheet is not None:
            sheets[name] = sheet
    return sheets, problems


__all__ = ["read_csv", "read_folder", "separator_of"]
