"""A mapping file: how to read a wide workbook whose headings the library does not know.

A small YAML file (every key optional), passed as ``--mapping`` or pasted in the settings
sheet's ``mapping`` row::

    sheets: [Housing, Planning]      # the sheets that hold indicators (default: all not skipped)
    skip_sheets: [Notes, Lookups]    # sheets to leave out
    header_rows: [4, 5]              # the heading row, or two (a year above its quarters)
    columns:                         # a heading as written -> the field it holds, or ignore
      KPI No.: id
      What we measure: description
      Aim: polarity
      Forecast: ignore
    periods:                         # a heading as written -> the period its figures are for
      Last year: 2015/16
      This quarter: Q3 2016/17

The file comes from others, so it is read as untrusted with the project's safe YAML reader
(``loaders.source``): bounded, nothing in it runs, and every problem names its line.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import LoadError, Problem
from ..limits import Limits
from ..model import FiscalPeriod, parse_period
from .headers import FIELDS, IGNORE, key

if TYPE_CHECKING:  # the YAML reader loads when a mapping is read: most workbooks have none
    from ..loaders.source import Source

KEYS = ("sheets", "skip_sheets", "header_rows", "columns", "periods")
MAX_HEADER_ROW = 50  # headings further down are not headings


@dataclass(frozen=True, slots=True)
class Mapped:
    """One heading of a mapping: as written, what it maps to (a field, ``ignore`` or a period)
    and the line of the mapping it is on."""

    heading: str
    field: str | None = None
    period: FiscalPeriod | None = None
    line: int | None = None


@dataclass(frozen=True)
class Mapping:
    """How to read a wide workbook: its sheets, heading rows, and what its headings mean.

    ``columns`` is keyed by the heading's key (``headers.key``); ``name`` is the file (or the
    settings cell) it came from, for messages.
    """

    name: str = ""
    sheets: tuple[str, ...] = ()
    skip_sheets: tuple[str, ...] = ()
    header_rows: tuple[int, ...] = ()
    columns: dict[str, Mapped] = field(default_factory=dict)

    def problem(self, entry: Mapped | None, message: str) -> Problem:
        """Return a problem located in the mapping (its file or cell, and the entry's line)."""
        return Problem(self.name, message, entry.line if entry is not None else None)


def read_mapping(path: str | os.PathLike[str], limits: Limits | None = None) -> Mapping:
    """Return the mapping in a YAML file; raise LoadError naming the line of every problem.

    The file is read within ``limits`` (size, nesting, values), as any untrusted input.
    """
    from ..loaders.source import read_text

    name = os.fspath(path)
    return parse_mapping(read_text(path, "mapping file", limits), name, limits)


def parse_mapping(text: str, name: str, limits: Limits | None = None) -> Mapping:
    """Return the mapping a YAML text states; ``name`` says where it came from in messages.

    Raise LoadError listing every problem with its line.
    """
    from ..loaders.source import parse_yaml

    source = parse_yaml(text, name, limits)
    problems: list[Problem] = []
    data = source.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LoadError(name, [Problem("", "a mapping is a set of keys such as 'columns:' and 'periods:' "
                                           "(see README, 'The mapping file')", 1)])
    for item in data:
        if item not in KEYS:
            close = difflib.get_close_matches(item, KEYS, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"the keys are {', '.join(KEYS)}"
            problems.append(Problem(item, f"unknown key {item!r}: {hint}", _key_line(text, item, source)))
    sheets = _names(source, "sheets", problems)
    skip = _names(source, "skip_sheets", problems)
    both = sorted({key(s) for s in sheets} & {key(s) for s in skip})
    if both:
        problems.append(Problem("skip_sheets", "a sheet is both read and skipped: take it out of one of "
                                "'sheets' and 'skip_sheets'", source.line("skip_sheets")))
    rows = _header_rows(source, problems)
    columns: dict[str, Mapped] = {}
    _columns(source, columns, problems)
    _periods(source, columns, problems)
    if problems:
        raise LoadError(name, problems)
    return Mapping(name, sheets, skip, rows, columns)


def _key_line(text: str, item: str, source: Source) -> int | None:
    """Return the line a top-level key is written on (its value may start on the next)."""
    for number, line in enumerate(text.splitlines()[:10_000], start=1):
        if line.startswith(item) and line[len(item):].lstrip().startswith(":"):
            return number
    return source.line(item)


def _names(source: Source, item: str, problems: list[Problem]) -> tuple[str, ...]:
    value = source.data.get(item) if isinstance(source.data, dict) else None
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for index, name in enumerate(values):
        if isinstance(name, (dict, list)) or name is None or not str(name).strip():
            problems.append(Problem(item, f"expected sheet names, as in {item}: [Notes, Lookups]",
                                    source.line(f"{item}[{index}]") or source.line(item)))
            continue
        names.append(str(name).strip())
    return tuple(names)


def _header_rows(source: Source, problems: list[Problem]) -> tuple[int, ...]:
    value = source.data.get("header_rows") if isinstance(source.data, dict) else None
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    line = source.line("header_rows")
    if not values or len(values) > 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        problems.append(Problem("header_rows", "expected the heading row, or two rows, as numbers: "
                                "header_rows: 3, or header_rows: [3, 4]", line))
        return ()
    rows = tuple(int(v) for v in values)
    if not all(1 <= r <= MAX_HEADER_ROW for r in rows):
        problems.append(Problem("header_rows", f"heading rows are rows 1 to {MAX_HEADER_ROW}, got "
                                f"{', '.join(map(str, rows))}", line))
        return ()
    if len(rows) == 2 and rows[1] != rows[0] + 1:
        problems.append(Problem("header_rows", "two heading rows must be next to each other, the year "
                                f"above its quarters: header_rows: [{rows[0]}, {rows[0] + 1}]", line))
        return ()
    return rows


def _entries(source: Source, item: str, problems: list[Problem]) -> list[tuple[str, Any, int | None]]:
    value = source.data.get(item) if isinstance(source.data, dict) else None
    if value is None:
        return []
    if not isinstance(value, dict):
        example = "columns:\n  KPI No.: id" if item == "columns" else "periods:\n  This quarter: Q3 2016/17"
        problems.append(Problem(item, f"expected headings and what they hold, as in\n{example}",
                                source.line(item)))
        return []
    return [(str(heading), meaning, source.line(f"{item}.{heading}")) for heading, meaning in value.items()]


def _add(columns: dict[str, Mapped], entry: Mapped, problems: list[Problem], name: str) -> None:
    heading_key = key(entry.heading)
    if not heading_key:
        problems.append(Problem(name, f"{entry.heading!r} is not a heading: write the heading as it is "
                                "in the sheet", entry.line))
        return
    if heading_key in columns:
        first = columns[heading_key]
        problems.append(Problem(name, f"the heading {entry.heading!r} is mapped twice (first as "
                                f"{first.heading!r} on line {first.line}): keep one", entry.line))
        return
    columns[heading_key] = entry


def _columns(source: Source, columns: dict[str, Mapped], problems: list[Problem]) -> None:
    choices = [*FIELDS, IGNORE]
    for heading, meaning, line in _entries(source, "columns", problems):
        word = str(meaning).strip().lower().replace(" ", "_") if isinstance(meaning, str) else None
        if word not in choices:
            close = difflib.get_close_matches(str(meaning), choices, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            problems.append(Problem("columns", f"{heading!r} is mapped to {meaning!r}, which is not a field: "
                                    f"{hint}write one of {', '.join(choices)} (a period goes under 'periods')",
                                    line))
            continue
        _add(columns, Mapped(heading, word, None, line), problems, "columns")


def _periods(source: Source, columns: dict[str, Mapped], problems: list[Problem]) -> None:
    for heading, meaning, line in _entries(source, "periods", problems):
        if isinstance(meaning, (dict, list)) or meaning is None:
            problems.append(Problem("periods", f"{heading!r} needs the period it is for, e.g. 'Q3 2016/17', "
                                    "'Sep 2016' or '2015/16'", line))
            continue
        try:
            period = parse_period(str(meaning))
        except ValueError as error:
            problems.append(Problem("periods", f"{heading!r}: {error}", line))
            continue
        _add(columns, Mapped(heading, None, period, line), problems, "periods")


__all__ = ["KEYS", "Mapped", "Mapping", "parse_mapping", "read_mapping"]
