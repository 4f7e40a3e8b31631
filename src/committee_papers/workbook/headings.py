"""The heading rows of a wide sheet: which column holds which field, and which period each
column of figures is for.

A wide sheet has one row per indicator. Its heading row is the first of the top 20 rows that
names an indicator's reference or description (``Ref``, ``Indicator``, ...), or the row(s) a
mapping gives. A second heading row is read with it when it holds the quarters or months of a
year written above them (a year heading over two rows, merged or written once above the first
of its columns), or when the row above holds the year of bare quarters in this one. A bare
``Q1``, ``Apr`` or ``Outturn`` takes its year from the heading above it, else from the period
reported in the settings sheet (and the layout says so), else it is a problem: a year is never
guessed. Every other heading must be recognised (``headers``) or mapped (``mapping``): an
unknown or ambiguous heading is a problem saying how to map it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import Problem
from ..model import FinancialYear, Frequency, PeriodWithoutYear, ReportingPeriod, parse_period
from .cells import shown, to_text
from .columns import Column, Headings, check_columns, place_dates
from .headers import ANCHORS, FIELDS, IGNORE, field_of, key
from .mapping import Mapped, Mapping
from .reading import RawSheet
from .sheet import CellProblem, column_letter

SEARCH_ROWS = 20  # the heading row is looked for in the top rows
_AMBIGUOUS_YEAR = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")  # 2011-12: December 2011, or the year 2011/12?


def _grid(raw: RawSheet, last: int) -> tuple[dict[tuple[int, int], Any], dict[tuple[int, int], tuple[int, int]]]:
    """Return the heading cells' values in the top ``last`` rows (a merged range's value in each
    of its cells), and for each merged cell the top-left cell it takes its value from."""
    values: dict[tuple[int, int], Any] = {}
    for r, row in enumerate(raw.rows[:last], start=1):
        for c, cell in enumerate(row, start=1):
            if not cell.blank:
                values[r, c] = cell.value
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for _, (low_row, low_col, high_row, high_col) in raw.merged:
        if low_row > last:
            continue
        value = values.get((low_row, low_col))
        for r in range(low_row, min(high_row, last) + 1):
            for c in range(low_col, min(high_col, low_col + 500) + 1):
                origin[r, c] = (low_row, low_col)
                if value is not None:
                    values[r, c] = value
    return values, origin


def _text(value: Any) -> str:
    return "" if value is None else " ".join(to_text(value).split())


def _bare(value: Any) -> bool:
    """Return whether a heading names a period within a year not given: ``Q1``, ``Apr``, ``EoY``."""
    if value is None or isinstance(value, (dt.date, int, float)):
        return False
    try:
        parse_period(_text(value))
    except PeriodWithoutYear:
        return True
    except ValueError:
        return False
    return False


def is_period_heading(value: Any) -> bool:
    """Return whether a heading names a period: ``2015/16``, ``Q1 2016/17``, ``Q1``, ``Sept``, a date."""
    if isinstance(value, dt.date):
        return True
    if value is None or isinstance(value, (int, float)):
        return False
    if _bare(value):
        return True
    try:
        parse_period(_text(value))
    except ValueError:
        return False
    return True


def _mapped(mapping: Mapping | None, *texts: str) -> Mapped | None:
    if mapping is None:
        return None
    for text in texts:
        if text and key(text) in mapping.columns:
            return mapping.columns[key(text)]
    return None


def _anchors(raw: RawSheet, values: dict[tuple[int, int], Any], mapping: Mapping | None,
             row: int) -> list[int]:
    """Return the columns of a row whose heading names an indicator's reference or description."""
    found: list[int] = []
    for c in range(1, len(raw.rows[row - 1]) + 1):
        text = _text(values.get((row, c)))
        if not text:
            continue
        entry = _mapped(mapping, text)
        named = field_of(text)
        if (entry is not None and entry.field in ANCHORS) or (entry is None and named and named[0] in ANCHORS):
            found.append(c)
    return found


def _own(values: dict[tuple[int, int], Any], origin: dict[tuple[int, int], tuple[int, int]], r: int,
         c: int) -> Any:
    """Return a cell's own heading: None for a cell merged down from a row above."""
    source = origin.get((r, c))
    if source is not None and source[0] < r:
        return None
    return values.get((r, c))


def heading_rows(raw: RawSheet, mapping: Mapping | None) -> tuple[int, ...] | None:
    """Return the sheet's heading row, or two rows (a year above its quarters); None if none is found."""
    if mapping is not None and mapping.header_rows:
        return mapping.header_rows
    values, origin = _grid(raw, SEARCH_ROWS + 1)
    anchor = next((r for r in range(1, min(SEARCH_ROWS, len(raw.rows)) + 1)
                   if _anchors(raw, values, mapping, r)), None)
    if anchor is None:
        return None
    width = max((len(row) for row in raw.rows[:SEARCH_ROWS + 1]), default=0)
    below = anchor + 1
    if below <= len(raw.rows):
        own = [_own(values, origin, below, c) for c in range(1, width + 1)]
        numbers = any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in own)
        anchors_blank = all(own[c - 1] is None for c in _anchors(raw, values, mapping, anchor) if c <= width)
        if anchors_blank and not numbers and any(is_period_heading(v) for v in own):
            return anchor, below
    above = anchor - 1
    if above >= 1:
        for c in range(1, width + 1):
            heading, over = values.get((anchor, c)), values.get((above, c))
            if over is not None and (_bare(heading) or (is_period_heading(heading) and _year_above(over))):
                return above, anchor
    return (anchor,)


def _year_above(upper: Any) -> FinancialYear | None:
    """Return the financial year a heading above quarters or months names, or None."""
    if upper is None or isinstance(upper, (dt.date, int, float)):
        return None
    try:
        period = parse_period(_text(upper))
    except ValueError:
        return None
    return period.year if period.frequency is Frequency.ANNUAL else None


def read_headings(raw: RawSheet, rows: tuple[int, ...], mapping: Mapping | None,
                  reporting: ReportingPeriod | None, used: set[str]) -> tuple[Headings, list[Problem]]:
    """Return what each column of a sheet holds, read from its heading rows, and the problems.

    ``used`` collects the keys of the mapping's headings that matched a column.
    """
    values, origin = _grid(raw, rows[-1])
    width = max((len(raw.rows[r - 1]) for r in rows if r <= len(raw.rows)), default=0)
    headings = Headings(rows)
    problems: list[Problem] = []
    upper_row, lower_row = (rows[0], rows[-1]) if len(rows) == 2 else (None, rows[0])
    carry: Any = None
    years_from_reporting: list[str] = []
    for c in range(1, width + 1):
        lower = _own(values, origin, lower_row, c) if upper_row is not None else values.get((lower_row, c))
        upper = values.get((upper_row, c)) if upper_row is not None else None
        if upper_row is not None and lower is None and origin.get((lower_row, c), (0, 0))[0] == upper_row:
            lower, upper = upper, None  # one heading merged over both rows
        if upper_row is not None and _bare(lower):
            if upper is None and (upper_row, c) not in origin:
                upper = carry  # a year written once above the first of its quarters
            carry = upper
        else:
            carry = None
        place = f"{raw.title}!{column_letter(c)}{lower_row}"
        column, problem = _column(c, upper, lower, place, mapping, reporting, used)
        if problem is not None:
            problems.append(problem)
        elif column is None and (upper is not None or lower is not None):
            headings.ignored.add(c)
        elif column is not None:
            if column.period is not None and _bare(lower) and upper is None:
                years_from_reporting.append(_text(lower))
            headings.columns.append(column)
    if years_from_reporting and reporting is not None:
        headings.notes.append(f"{', '.join(years_from_reporting)} read as {reporting.year.short}, the year "
                              f"of the period reported ({reporting.label}, in the settings sheet)")
    problems.extend(place_dates(headings, raw.title, lower_row, values))
    problems.extend(check_columns(headings, raw.title, lower_row, reporting))
    return headings, problems


def _how_to_map(text: str) -> str:
    return (f"map it in a mapping file (--mapping): under columns: to a field ({', '.join(FIELDS)}) or to "
            f"{IGNORE} to leave it out, or under periods: to the period its figures are for, e.g. "
            f"periods: {{{text!r}: Q3 2016/17}}")


def _column(c: int, upper: Any, lower: Any, place: str, mapping: Mapping | None,
            reporting: ReportingPeriod | None, used: set[str]) -> tuple[Column | None, Problem | None]:
    """Return the column a heading (``upper`` above ``lower``) makes, or a problem; (None, None)
    for a column without a heading or one the mapping leaves out."""
    up, low = _text(upper), _text(lower)
    main = low or up
    if not main:
        return None, None
    heading = f"{up} {low}".strip() if up and low else main
    entry = _mapped(mapping, low, heading) if low else _mapped(mapping, up)
    if entry is not None:
        used.add(key(entry.heading))
        if entry.field == IGNORE:
            return None, None
        if entry.period is not None:
            return Column(c, heading, period=entry.period, mapped=True), None
        year = _year_above(upper) if entry.field == "target" and low else None
        return Column(c, heading, field=entry.field, year=year, mapped=True), None
    found = field_of(main)
    if found is not None and not isinstance(lower if low else upper, dt.date):
        name, year = found
        if name == "target" and year is None and low:
            year = _year_above(upper)
        return Column(c, heading, field=name, year=year), None
    return _period_column(c, upper, lower, heading, place, reporting)


def _period_column(c: int, upper: Any, lower: Any, heading: str, place: str,
                   reporting: ReportingPeriod | None) -> tuple[Column | None, Problem | None]:
    low = _text(lower)
    main = lower if low else upper
    if isinstance(main, dt.date):
        return Column(c, heading, period=parse_period(main)), None  # its month; quarters: see _dates
    text = _text(main)
    ambiguous = _AMBIGUOUS_YEAR.match(text)
    if ambiguous and int(ambiguous.group(2)) == (int(ambiguous.group(1)) + 1) % 100 <= 12:
        start = int(ambiguous.group(1))
        month = parse_period(text).label
        return None, CellProblem(place, f"{text!r} could be the year {start}/{ambiguous.group(2)} or the month "
                                 f"{month}: write {start}/{ambiguous.group(2)} for the year, or "
                                 f"'{month}' for the month", column=text)
    if low and _bare(lower):
        if upper is not None:
            year = _year_above(upper)
            if year is None:
                return None, CellProblem(place, f"the heading above {low!r} is {shown(upper)}, which is not a "
                                         "financial year: write the year alone above its quarters or months "
                                         "(e.g. 2016/17), or map the column", column=low)
        elif reporting is not None:
            year = reporting.year
        else:
            return None, CellProblem(place, f"{low!r} has no year: write the year in a heading above it (e.g. "
                                     "2016/17, merged over its quarters), write the heading as 'Q1 2016/17', or "
                                     "give the period reported in the settings sheet", column=low)
        return Column(c, heading, period=parse_period(low, year=year)), None
    try:
        period = parse_period(text)
    except ValueError:
        return None, CellProblem(place, f"the heading {heading!r} is not one the library knows, so its "
                                 f"cells would be lost: {_how_to_map(heading)}", column=heading)
    above = _year_above(upper) if low else None
    if above is not None and above != period.year:
        return None, CellProblem(place, f"{low!r} is under the year {_text(upper)}, but is in "
                                 f"{period.year.short}: correct one of the headings", column=low)
    return Column(c, heading, period=period), None


__all__ = ["Column", "Headings", "heading_rows", "is_period_heading", "read_headings"]
