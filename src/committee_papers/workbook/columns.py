"""The columns of a wide sheet as its headings give them: each a field or a period, checked
together once read: headings written as dates placed among their neighbours, one target column
chosen, no field or period claimed twice, and the columns every sheet needs present."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..model import FinancialYear, FiscalPeriod, Frequency, ReportingPeriod
from .cells import shown
from .headers import IGNORE, recognised
from .sheet import CellProblem, column_letter

POLARITY_FIELDS = ("polarity", "smaller_is_better", "bigger_is_better")


@dataclass(frozen=True, slots=True)
class Column:
    """A column read from its heading: a field (``description``, ``target``, ...) or a period.

    ``key`` is the name the column is read by: the field, or the period's label. ``year`` is a
    target column's year (``Target 2016/17``). ``heading`` is as the sheet shows it (both rows).
    """

    position: int
    heading: str
    field: str | None = None
    period: FiscalPeriod | None = None
    year: FinancialYear | None = None
    mapped: bool = False

    @property
    def letter(self) -> str:
        """Return the column's letters, e.g. ``E``."""
        return column_letter(self.position)

    @property
    def key(self) -> str:
        """Return the name the column's cells are read by: the field, or the period's label."""
        if self.period is not None:
            return self.period.label
        assert self.field is not None
        return self.field


@dataclass
class Headings:
    """What a wide sheet's heading rows say: the rows, each column read, the columns left out
    (by the mapping, or another year's target), and notes for the layout."""

    rows: tuple[int, ...]
    columns: list[Column] = field(default_factory=list)
    ignored: set[int] = field(default_factory=set)  # column positions the mapping leaves out
    notes: list[str] = field(default_factory=list)


_QUARTER_ENDS = {(6, 30): 1, (9, 30): 2, (12, 31): 3, (3, 31): 4}


def place_dates(headings: Headings, title: str, row: int, values: dict[tuple[int, int], Any]) -> list[Problem]:
    """Place headings written as dates: a month, or among quarters only a quarter's last day."""
    dated = [(i, col) for i, col in enumerate(headings.columns)
             if col.period is not None and isinstance(values.get((row, col.position)), dt.date)]
    if not dated:
        return []
    others = {col.period.frequency for col in headings.columns
              if col.period is not None and not isinstance(values.get((row, col.position)), dt.date)}
    if Frequency.QUARTERLY not in others or Frequency.MONTHLY in others:
        return []
    problems: list[Problem] = []
    for index, col in dated:
        date = values[row, col.position]
        quarter = _QUARTER_ENDS.get((date.month, date.day))
        if quarter is None:
            problems.append(CellProblem(f"{title}!{col.letter}{row}", f"the heading is {shown(date)}, among "
                                        "quarters: write the quarter, e.g. 'Q3 2016/17', as text (a date can "
                                        "only stand for a month, or for the quarter it ends)", column=col.heading))
            continue
        headings.columns[index] = Column(col.position, col.heading,
                                         period=FiscalPeriod.quarter(FinancialYear.of(date), quarter))
    headings.columns = [col for col in headings.columns if not (
        col.period is not None and isinstance(values.get((row, col.position)), dt.date)
        and col.period.frequency is Frequency.MONTHLY)]
    return problems


def check_columns(headings: Headings, title: str, row: int, reporting: ReportingPeriod | None) -> list[Problem]:
    """Return a problem for each field or period two columns claim, and choose the target column."""
    problems: list[Problem] = []
    targets = [col for col in headings.columns if col.field == "target"]
    if len(targets) > 1:
        chosen = [col for col in targets if reporting is not None and col.year == reporting.year] or \
                 [col for col in targets if col.year is None]
        if len(chosen) == 1:
            for col in targets:
                if col is not chosen[0]:
                    headings.columns.remove(col)
                    headings.ignored.add(col.position)
                    headings.notes.append(f"{col.heading!r} ({col.letter}) left out: the target read is "
                                          f"{chosen[0].heading!r} ({chosen[0].letter})")
    seen: dict[str, Column] = {}
    for col in headings.columns:
        name = "polarity" if col.field in POLARITY_FIELDS else col.key
        first = seen.get(name)
        if first is None:
            seen[name] = col
            continue
        what = f"the period {name}" if col.period is not None else f"the {name}"
        fix = ("map the others to ignore (or to another field) in a mapping file: columns: "
               f"{{{col.heading!r}: {IGNORE}}}")
        if col.field == "target" and reporting is None:
            fix = "give the period reported in the settings sheet, or " + fix
        problems.append(CellProblem(f"{title}!{col.letter}{row}", f"both {first.letter} ({first.heading!r}) "
                                    f"and {col.letter} ({col.heading!r}) read as {what}: {fix}",
                                    column=col.heading))
    for name, label in (("id", "reference"), ("description", "description")):
        if name not in seen:
            problems.append(CellProblem(f"{title}!{row}:{row}", f"no column gives the indicators' {label}: head "
                                        f"it with one of {recognised(name)}, or map yours", column=name))
    if not any(name in seen for name in POLARITY_FIELDS):
        problems.append(CellProblem(f"{title}!{row}:{row}", "no column gives the polarity (which way is better): "
                                    f"add one headed {recognised('polarity')} or {recognised('smaller_is_better')}"
                                    ", or map yours", column="polarity"))
    if not any(col.period is not None for col in headings.columns):
        problems.append(CellProblem(f"{title}!{row}:{row}", "no column of figures was found: head each with its "
                                    "period ('2015/16', 'Q1 2016/17', 'Sept 2016', or 'Q1' under a year), or "
                                    "map them under periods: in a mapping file", column="periods"))
    return problems


__all__ = ["POLARITY_FIELDS", "Column", "Headings", "check_columns", "place_dates"]
