"""From sheets of cells to typed KPI data: the indicators and values sheets, and the whole.

Every figure is read as Excel shows it (``cells``); a period written as a date is placed only
where that is unambiguous for the indicator's frequency; an indicator must keep to one
frequency; and a percentage indicator whose figures all lie between 0 and 1 while its target
does not is stopped as "looks like fractions" unless the workbook declares its percent scale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import Problem
from ..model import (
    FinancialYear,
    FiscalPeriod,
    Frequency,
    KpiData,
    Number,
    Polarity,
    ReportingPeriod,
    Unit,
    parse_period,
)
from .cells import Cells, shown
from .indicators import VALUE_HINT, Spec, assemble, fractions, observe, read_target
from .settings import (
    COMMENTARY_OPTIONAL,
    COMMENTARY_REQUIRED,
    SETTINGS_COLUMNS,
    PercentScale,
    read_commentary,
    read_settings,
    unknown_id,
)
from .sheet import CellProblem, Sheet, is_blank, require

INDICATOR_REQUIRED = ("id", "portfolio", "description", "polarity", "unit", "target")
INDICATOR_OPTIONAL = ("target_kind", "target_text", "tolerance", "england", "stat_neighbours",
                      "comparator_period", "frequency", "percent_scale")
VALUE_REQUIRED = ("indicator_id", "period", "value")
VALUE_OPTIONAL = ("note",)
COLUMNS = {
    "indicators": (INDICATOR_REQUIRED, INDICATOR_OPTIONAL),
    "values": (VALUE_REQUIRED, VALUE_OPTIONAL),
    "commentary": (COMMENTARY_REQUIRED, COMMENTARY_OPTIONAL),
    "settings": (SETTINGS_COLUMNS, ()),
}
POLARITY_WORDS = {"higher": Polarity.HIGH, "lower": Polarity.LOW, "n/a": Polarity.NONE,
                  "for information": Polarity.NONE}
UNIT_WORDS = {"%": Unit.PERCENT, "percentage": Unit.PERCENT, "£": Unit.MONEY, "gbp": Unit.MONEY}
FREQUENCY_WORDS = {"month": Frequency.MONTHLY, "quarter": Frequency.QUARTERLY, "year": Frequency.ANNUAL,
                   "yearly": Frequency.ANNUAL}
LONG_LAYOUT = "long form: an indicators sheet, and a values sheet of one figure a row"


def _indicator(cells: Cells, sheet: Sheet, row: int, portfolio: str | None) -> dict[str, Any] | None:
    before = len(cells.problems)
    unit = cells.choice(sheet, row, "unit", Unit, UNIT_WORDS, default=Unit.NUMBER) or Unit.NUMBER
    figures = {key: cells.figure(sheet, row, key, unit, measure=True) for key in ("england", "stat_neighbours")}
    found = {
        "portfolio": cells.text(sheet, row, "portfolio", merged_ok=True) or portfolio,
        "description": cells.text(sheet, row, "description", required=True),
        "polarity": cells.choice(sheet, row, "polarity", Polarity, POLARITY_WORDS),
        "unit": unit,
        "target": read_target(cells, sheet, row, unit),
        "tolerance": cells.fraction(sheet, row, "tolerance"),
        "frequency": cells.choice(sheet, row, "frequency", Frequency, FREQUENCY_WORDS, required=False),
        "comparator_period": cells.text(sheet, row, "comparator_period"),
        **{key: Number(value.value, unit) if value is not None else None for key, value in figures.items()},
    }
    if found["portfolio"] is None:
        cells.problem(sheet, row, "portfolio", "the portfolio is missing: fill in the cell")
    return found if len(cells.problems) == before else None


def read_indicators(cells: Cells, sheet: Sheet, scale: PercentScale | None) -> dict[str, Spec | None]:
    """Return each indicator by id in sheet order; None for one whose row has problems.

    A blank portfolio is the one of the row above, as in a sheet with merged portfolio cells.
    ``scale`` is the workbook's percent scale, which a row's own ``percent_scale`` replaces.
    """
    specs: dict[str, Spec | None] = {}
    rows: dict[str, int] = {}
    portfolio: str | None = None
    for row in sheet.rows():
        kpi_id = cells.text(sheet, row, "id", required=True)
        fields = _indicator(cells, sheet, row, portfolio)
        own = cells.choice(sheet, row, "percent_scale", PercentScale, required=False)
        portfolio = cells.text(sheet, row, "portfolio", merged_ok=True) or portfolio
        if kpi_id is None:
            continue
        if kpi_id in rows:
            cells.problem(sheet, row, "id", f"the id {kpi_id!r} is already used on row {rows[kpi_id]}")
            continue
        rows[kpi_id] = row
        spec = Spec(row, {"id": kpi_id, **fields}, own or scale, where=f"indicators row {row}") if fields else None
        specs[kpi_id] = spec
    return specs


@dataclass
class _Line:
    """A row of the values sheet, its period still as written (a date is placed later)."""

    row: int
    kpi_id: str
    written: Any
    period: FiscalPeriod | None


def read_values(cells: Cells, sheet: Sheet, specs: dict[str, Spec | None] | None,
                reporting: ReportingPeriod | None) -> None:
    """Add each figure to its indicator's series; ``specs`` None checks nothing but the cells."""
    lines: list[_Line] = []
    for row in sheet.rows():
        kpi_id = cells.text(sheet, row, "indicator_id", required=True)
        written = _period_cell(cells, sheet, row)
        period = _period(cells, sheet, row, written) if written is not None and not _is_date(written) else None
        if kpi_id is None or specs is None:
            cells.number(sheet, row, "value", VALUE_HINT)
            continue
        if kpi_id not in specs:
            cells.problem(sheet, row, "indicator_id", unknown_id(kpi_id, set(specs)))
            continue
        if written is not None:
            lines.append(_Line(row, kpi_id, written, period))
    frequencies = _frequencies(cells, sheet, lines, specs or {})
    seen: dict[tuple[str, FiscalPeriod], int] = {}
    for line in lines:
        spec = specs[line.kpi_id] if specs is not None else None
        period = line.period
        if _is_date(line.written):
            period = _dated(cells, sheet, line, frequencies.get(line.kpi_id))
        if period is None:
            continue
        if (line.kpi_id, period) in seen:
            cells.problem(sheet, line.row, "period", f"{line.kpi_id} already has a figure for {period.label} "
                          f"on row {seen[line.kpi_id, period]}")
            continue
        seen[line.kpi_id, period] = line.row
        if reporting is not None and period.is_after(reporting):
            cells.problem(sheet, line.row, "period", f"{period.label} is after the period reported, "
                          f"{reporting.label}: remove the row or change the period in the settings sheet")
            continue
        if spec is None:  # its indicator's row has problems: still check the figure itself
            cells.number(sheet, line.row, "value", VALUE_HINT)
            continue
        _observe(cells, sheet, line, period, spec)


def _observe(cells: Cells, sheet: Sheet, line: _Line, period: FiscalPeriod, spec: Spec) -> None:
    found = cells.figure(sheet, line.row, "value", spec.fields["unit"], VALUE_HINT, measure=True)
    note = cells.text(sheet, line.row, "note")
    if found is not None:
        observe(spec, found, period, sheet.ref(line.row, "value"), "value", note)


def _period_cell(cells: Cells, sheet: Sheet, row: int) -> Any:
    cell = sheet.cell(row, "period")
    if cell.merged is not None or cell.formula is not None:
        cells.text(sheet, row, "period")  # reports the merged range or the unsaved formula
        return None
    if is_blank(cell.value):
        cells.problem(sheet, row, "period", "the period is missing: write e.g. 'Q3 2016/17', 'Sep 2016' or '2015/16'")
        return None
    return cell.value


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date)


def _period(cells: Cells, sheet: Sheet, row: int, written: Any) -> FiscalPeriod | None:
    try:
        return parse_period(written)
    except ValueError as error:
        cells.problem(sheet, row, "period", str(error))
        return None


def _frequencies(cells: Cells, sheet: Sheet, lines: list[_Line],
                 specs: dict[str, Spec | None]) -> dict[str, Frequency]:
    """Return each indicator's frequency: as declared, else as its written periods show.

    An indicator whose periods mix quarters and months (beside year outturns) is a problem at
    the first row that breaks from the others.
    """
    result: dict[str, Frequency] = {}
    first: dict[str, tuple[Frequency, int]] = {}
    for line in lines:
        spec = specs.get(line.kpi_id)
        declared = spec.fields["frequency"] if spec is not None else None
        if declared is not None:
            result[line.kpi_id] = declared
        period = line.period
        if period is None or period.frequency is Frequency.ANNUAL:
            continue
        if declared is not None and period.frequency is not declared:
            cells.problem(sheet, line.row, "period", f"{period.label} is a {period.frequency.noun} but "
                          f"{line.kpi_id} is reported {declared.value} (indicators row {spec.row if spec else '?'})")
            line.period = None
            continue
        seen = first.setdefault(line.kpi_id, (period.frequency, line.row))
        if seen[0] is not period.frequency:
            cells.problem(sheet, line.row, "period", f"{period.label} is a {period.frequency.noun}, but "
                          f"{line.kpi_id} has {seen[0].noun}s (row {seen[1]}): an indicator is reported at one "
                          "frequency; give its figures all by month or all by quarter, or set its frequency")
            line.period = None
            continue
        result.setdefault(line.kpi_id, period.frequency)
    return result


_QUARTER_ENDS = {(6, 30): 1, (9, 30): 2, (12, 31): 3, (3, 31): 4}


def _dated(cells: Cells, sheet: Sheet, line: _Line, frequency: Frequency | None) -> FiscalPeriod | None:
    """Return the period a date in the period column stands for, when that is unambiguous.

    For a monthly indicator (or one whose periods are all dates) a date is its month; for a
    quarterly one only a quarter's last day (30 June, 30 September, 31 December, 31 March)
    is its quarter; anything else is a problem saying what to write.
    """
    date: dt.date = line.written
    if frequency in (None, Frequency.MONTHLY):
        return FiscalPeriod.month(date.year, date.month)
    if frequency is Frequency.QUARTERLY and (date.month, date.day) in _QUARTER_ENDS:
        return FiscalPeriod.quarter(FinancialYear.of(date), _QUARTER_ENDS[date.month, date.day])
    example = ("the quarter, e.g. 'Q3 2016/17'" if frequency is Frequency.QUARTERLY
               else "the year, e.g. '2016/17'")
    cells.problem(sheet, line.row, "period", f"the cell holds {shown(date)}, but {line.kpi_id} is reported "
                  f"{frequency.value}: write {example} as text (a date can only stand for a month, or for "
                  "the quarter it ends)")
    return None


def build(source: str, sheets: dict[str, Sheet], problems: list[Problem]) -> KpiData:
    """Return the KPI data the sheets hold, or raise LoadError listing every problem."""
    cells = Cells()
    cells.problems.extend(problems)
    usable: dict[str, Sheet | None] = {}
    for name, (required, optional) in COLUMNS.items():
        sheet = sheets.get(name)
        missing = require(sheet, required, optional) if sheet is not None else []
        cells.problems.extend(missing)
        usable[name] = None if sheet is None or any(not sheet.has(c) for c in required) else sheet
    settings, reading = read_settings(cells, usable["settings"])
    cells.decimal_comma = reading.decimal_comma
    for where in reading.wide_only:
        cells.problems.append(CellProblem(where, "this setting is for a wide workbook (one row per indicator), but "
                                          "this one is in long form (indicators and values sheets): remove the row",
                                          column="key"))
    indicators, values = usable["indicators"], usable["values"]
    specs = read_indicators(cells, indicators, reading.percent_scale) if indicators is not None else None
    if values is not None:
        read_values(cells, values, specs, settings.period)
        if specs is not None:
            fractions({k: v for k, v in specs.items() if v is not None}, cells)
    notes = read_commentary(cells, usable["commentary"], set(specs) if specs is not None else None)
    return assemble(source, cells, specs, settings, notes, list(COLUMNS), LONG_LAYOUT)
