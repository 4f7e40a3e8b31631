"""The rows of a wide sheet: each indicator's fields, stated status and polarity, and its figures.

Every figure is read as Excel shows it (``cells``), as in the long form. A row's unit, when no
``Unit`` column gives it, is the one its figures are shown with: ``%`` (a percent format, a
literal percent sign, or typed) or ``£``; both in one row is a problem. The polarity and the RAG
status are kept as the sheet words them (``Stated``).
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..model import Frequency, Number, Polarity, ReportingPeriod, Stated, Unit
from .cells import Cells, read_figure
from .columns import Column, Headings
from .headers import FREQUENCY_WORDS, NO, POLARITY_WORDS, RAG_WORDS, UNIT_WORDS, YES
from .indicators import VALUE_HINT, Spec, observe, read_target
from .reading import RawSheet
from .settings import PercentScale, Reading
from .sheet import CellProblem, Sheet, column_letter

POLARITY_EXPECTED = "a polarity: high or low (or higher, lower, smaller is better, ...), or none"
RAG_EXPECTED = "a RAG status: Red, Amber or Green, Blue (no target) or Grey (no figures); or leave it blank"
YES_NO = {**dict.fromkeys(YES, True), **dict.fromkeys(NO, False)}


def wide_sheet(raw: RawSheet, headings: Headings) -> tuple[Sheet, list[Problem]]:
    """Return the sheet's rows below its headings, read by the fields and periods of its columns.

    A cell with something in it under no heading is a problem (its figures would be lost).
    """
    last = headings.rows[-1]
    known = {col.position: col.key for col in headings.columns}
    problems: list[Problem] = []
    unheaded: set[int] = set()
    cells = {}
    for number, row in enumerate(raw.rows[last:], start=last + 1):
        cells[number] = {name: row[p - 1] for p, name in known.items() if p <= len(row)}
        for position, cell in enumerate(row, start=1):
            if position in known or position in headings.ignored or position in unheaded or cell.blank:
                continue
            unheaded.add(position)
            problems.append(CellProblem(f"{raw.title}!{column_letter(position)}{number}", "the cell is in a column "
                                        "without a heading, so it would be lost: give the column a heading (and "
                                        "map it if the library does not know it), or clear the column"))
    letters = {col.key: col.letter for col in headings.columns}
    names = {col.key: col.heading for col in headings.columns}
    return Sheet(raw.title, letters, last, cells, names), problems


def _unit(cells: Cells, sheet: Sheet, row: int, periods: list[Column]) -> Unit | None:
    """Return the row's unit: its Unit cell, else the symbol its figures are shown with."""
    if sheet.has("unit") and not sheet.cell(row, "unit").blank:
        found = cells.words(sheet, row, "unit", UNIT_WORDS, f"a unit: {', '.join(u.value for u in Unit)}")
        return found[0] if found else None
    symbols: dict[str, str] = {}
    for name in [col.key for col in periods] + ["target", "england", "stat_neighbours"]:
        cell = sheet.cell(row, name)
        if cell.blank or cell.merged:
            continue
        try:
            symbol = read_figure(cell, decimal_comma=cells.decimal_comma).symbol
        except ValueError:
            continue  # words, or a figure the reading below reports
        if symbol is not None:
            symbols.setdefault(symbol, sheet.ref(row, name))
    if len(symbols) > 1:
        cells.problem(sheet, row, "unit" if sheet.has("unit") else "id", "some figures of the row are shown as "
                      f"percentages ({symbols['%']}) and some as money ({symbols['£']}): give the row its unit in "
                      "a Unit column, or correct the cells' formats")
        return None
    return {"%": Unit.PERCENT, "£": Unit.MONEY}.get(next(iter(symbols), ""), Unit.NUMBER)


def _polarity(cells: Cells, sheet: Sheet, row: int) -> tuple[Polarity, Stated] | None:
    """Return the polarity a row states, with its wording: ``Good is: Lower``, ``Smaller is better: Yes``."""
    for name, yes in (("polarity", None), ("smaller_is_better", Polarity.LOW), ("bigger_is_better", Polarity.HIGH)):
        if not sheet.has(name):
            continue
        stated: tuple[Any, str] | None
        if yes is None:
            stated = cells.words(sheet, row, name, POLARITY_WORDS, POLARITY_EXPECTED)
        else:
            stated = cells.words(sheet, row, name, YES_NO, "yes or no")
        if stated is None:
            return None
        value, text = stated
        if yes is not None:
            value = yes if value else (Polarity.HIGH if yes is Polarity.LOW else Polarity.LOW)
        return value, Stated(sheet.headings.get(name, name), text, sheet.ref(row, name))
    return None


def _status(cells: Cells, sheet: Sheet, row: int) -> Stated | None:
    """Return the RAG status a row states for the period reported, with its wording, or None."""
    if not sheet.has("rag"):
        return None
    found = cells.words(sheet, row, "rag", RAG_WORDS, RAG_EXPECTED, required=False)
    if found is None:
        return None
    rag, text = found
    return Stated(sheet.headings.get("rag", "rag"), text, sheet.ref(row, "rag"), rag)


def _series(cells: Cells, sheet: Sheet, row: int, spec: Spec, periods: list[Column],
            reporting: ReportingPeriod | None, measure: bool = True) -> None:
    """Add the row's figures to its series: one frequency, nothing after the period reported."""
    declared: Frequency | None = spec.fields["frequency"]
    first: tuple[Frequency, str] | None = None
    for column in periods:
        period = column.period
        assert period is not None
        found = cells.figure(sheet, row, column.key, spec.fields["unit"], VALUE_HINT, measure=measure)
        if found is None:
            continue
        ref = sheet.ref(row, column.key)
        if reporting is not None and period.is_after(reporting):
            cells.problem(sheet, row, column.key, f"{period.label} is after the period reported, {reporting.label}: "
                          "clear the cell, or change the period in the settings sheet")
            continue
        if period.frequency is not Frequency.ANNUAL:
            if declared is not None and period.frequency is not declared:
                cells.problem(sheet, row, column.key, f"{period.label} is a {period.frequency.noun} but "
                              f"{spec.fields['id']} is reported {declared.value} ({sheet.ref(row, 'frequency')})")
                continue
            first = first or (period.frequency, ref)
            if first[0] is not period.frequency:
                cells.problem(sheet, row, column.key, f"{period.label} is a {period.frequency.noun}, but the row has "
                              f"{first[0].noun}s ({first[1]}): an indicator is reported at one frequency; give "
                              "its figures all by month or all by quarter")
                continue
        observe(spec, found, period, ref, column.key)


def read_row(cells: Cells, sheet: Sheet, row: int, kpi_id: str, portfolio: str, periods: list[Column],
         reading: Reading, reporting: ReportingPeriod | None) -> Spec | None:
    """Return the indicator a row holds, or None when the row has problems (recorded)."""
    before = len(cells.problems)
    found_unit = _unit(cells, sheet, row, periods)  # None: a problem already recorded
    unit = found_unit or Unit.NUMBER
    measure = found_unit is not None  # so a number row's figure shown with % or £ is a problem of its own
    polarity = _polarity(cells, sheet, row)
    figures = {name: cells.figure(sheet, row, name, unit, measure=measure) for name in ("england", "stat_neighbours")}
    frequency = cells.words(sheet, row, "frequency", FREQUENCY_WORDS, "monthly, quarterly or annual",
                            required=False) if sheet.has("frequency") else None
    fields: dict[str, Any] = {
        "id": kpi_id,
        "portfolio": portfolio,
        "description": cells.text(sheet, row, "description", required=True),
        "polarity": polarity[0] if polarity else None,
        "stated_polarity": polarity[1] if polarity else None,
        "unit": unit,
        "target": read_target(cells, sheet, row, unit, measure=measure),
        "tolerance": cells.fraction(sheet, row, "tolerance"),
        "frequency": frequency[0] if frequency else None,
        "comparator_period": cells.text(sheet, row, "comparator_period"),
        "stated_status": _status(cells, sheet, row),
        "lead_officer": cells.text(sheet, row, "lead_officer"),
        **{name: Number(value.value, unit) if value is not None else None for name, value in figures.items()},
    }
    own = cells.choice(sheet, row, "percent_scale", PercentScale, required=False)
    spec = Spec(row, fields, own or reading.percent_scale, where=f"{sheet.name}!{row}:{row}")
    _series(cells, sheet, row, spec, periods, reporting, measure)
    return spec if len(cells.problems) == before else None


__all__ = ["read_row", "wide_sheet"]
