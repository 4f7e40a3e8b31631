"""From sheets of cells to typed KPI data: the indicators and values sheets, and the whole.

Every figure is read as Excel shows it (``cells``); a period written as a date is placed only
where that is unambiguous for the indicator's frequency; an indicator must keep to one
frequency; and a percentage indicator whose figures all lie between 0 and 1 while its target
does not is stopped as "looks like fractions" unless the workbook declares its percent scale.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import LoadError, Problem
from ..model import (
    FinancialYear,
    FiscalPeriod,
    Frequency,
    Kpi,
    KpiData,
    Notice,
    Number,
    Observation,
    Polarity,
    ReportingPeriod,
    Target,
    TargetKind,
    Unit,
    parse_period,
)
from .cells import Cells, shown
from .settings import (
    COMMENTARY_OPTIONAL,
    COMMENTARY_REQUIRED,
    SETTINGS_COLUMNS,
    PercentScale,
    read_commentary,
    read_settings,
    unknown_id,
)
from .sheet import Sheet, is_blank, require

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
TARGET_HINT = (": a target in words goes in target_text, with target_kind increase, decrease, "
               "baseline or text")


@dataclass
class _Spec:
    """An indicator as read from its row, before its figures and commentary are joined to it."""

    row: int
    fields: dict[str, Any]
    scale: PercentScale | None = None  # as the row declares it, else the settings'
    series: list[Observation] = field(default_factory=list)
    plain: list[tuple[int, Decimal]] = field(default_factory=list)  # (row, figure) written without %

    @property
    def name(self) -> str:
        return f"{self.fields['id']} {self.fields['description']}"


def _target(cells: Cells, sheet: Sheet, row: int, unit: Unit) -> Target | None:
    written = not is_blank(sheet.get(row, "target"))
    kind = cells.choice(sheet, row, "target_kind", TargetKind, required=False)
    wording = cells.text(sheet, row, "target_text")
    if kind is None and not is_blank(sheet.get(row, "target_kind")):
        return None  # a bad kind was reported
    if kind is None:
        kind = TargetKind.VALUE if written else (TargetKind.TEXT if wording else None)
    if kind is None:
        return None
    cell = sheet.cell(row, "target")
    if kind is TargetKind.VALUE and isinstance(cell.value, str) and not re.match(r"^\s*[+\-\u2212£.\d]", cell.value):
        text = cells.text(sheet, row, "target")  # words in the target cell: "Decrease to 14%"
        return _worded(cells, sheet, row, "target", text, unit) if text else None
    if kind is TargetKind.VALUE:
        figure = cells.figure(sheet, row, "target", unit, TARGET_HINT)
        if figure is None:
            if not written:
                cells.problem(sheet, row, "target", "the target_kind is value but the target is blank: give the figure")
            return None
        return Target(kind, Number(figure.value, unit))
    if written:
        cells.problem(sheet, row, "target", f"a target of kind {kind.value} takes no figure: leave the "
                      "target blank (its wording goes in target_text), or set target_kind to value")
        return None
    if kind is TargetKind.TEXT and not wording:
        cells.problem(sheet, row, "target_text", "a text target needs its wording here")
        return None
    if kind is TargetKind.TEXT and wording:
        return _worded(cells, sheet, row, "target_text", wording, unit)
    return Target(kind, None, wording)


def _worded(cells: Cells, sheet: Sheet, row: int, column: str, text: str, unit: Unit) -> Target | None:
    """Return a target in words ("Decrease to 14%", "Increase on previous year", free text)."""
    try:
        return Target.from_wording(text, unit, decimal_comma=cells.decimal_comma)
    except ValueError as error:
        cells.problem(sheet, row, column, str(error))
        return None


def _indicator(cells: Cells, sheet: Sheet, row: int, portfolio: str | None) -> dict[str, Any] | None:
    before = len(cells.problems)
    unit = cells.choice(sheet, row, "unit", Unit, UNIT_WORDS, default=Unit.NUMBER) or Unit.NUMBER
    figures = {key: cells.figure(sheet, row, key, unit) for key in ("england", "stat_neighbours")}
    found = {
        "portfolio": cells.text(sheet, row, "portfolio", merged_ok=True) or portfolio,
        "description": cells.text(sheet, row, "description", required=True),
        "polarity": cells.choice(sheet, row, "polarity", Polarity, POLARITY_WORDS),
        "unit": unit,
        "target": _target(cells, sheet, row, unit),
        "tolerance": cells.fraction(sheet, row, "tolerance"),
        "frequency": cells.choice(sheet, row, "frequency", Frequency, FREQUENCY_WORDS, required=False),
        "comparator_period": cells.text(sheet, row, "comparator_period"),
        **{key: Number(value.value, unit) if value is not None else None for key, value in figures.items()},
    }
    if found["portfolio"] is None:
        cells.problem(sheet, row, "portfolio", "the portfolio is missing: fill in the cell")
    return found if len(cells.problems) == before else None


def read_indicators(cells: Cells, sheet: Sheet, scale: PercentScale | None) -> dict[str, _Spec | None]:
    """Return each indicator by id in sheet order; None for one whose row has problems.

    A blank portfolio is the one of the row above, as in a sheet with merged portfolio cells.
    ``scale`` is the workbook's percent scale, which a row's own ``percent_scale`` replaces.
    """
    specs: dict[str, _Spec | None] = {}
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
        specs[kpi_id] = _Spec(row, {"id": kpi_id, **fields}, own or scale) if fields is not None else None
    return specs


@dataclass
class _Line:
    """A row of the values sheet, its period still as written (a date is placed later)."""

    row: int
    kpi_id: str
    written: Any
    period: FiscalPeriod | None


def read_values(cells: Cells, sheet: Sheet, specs: dict[str, _Spec | None] | None,
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


VALUE_HINT = ": leave the cell blank for a period not reported"


def _observe(cells: Cells, sheet: Sheet, line: _Line, period: FiscalPeriod, spec: _Spec) -> None:
    unit: Unit = spec.fields["unit"]
    found = cells.figure(sheet, line.row, "value", unit, VALUE_HINT)
    note = cells.text(sheet, line.row, "note")
    if found is None:
        return
    value = found.value
    if unit is Unit.PERCENT and found.symbol != "%":
        if spec.scale is PercentScale.FRACTION:
            value = value.scaleb(2)
        elif spec.scale is None:
            spec.plain.append((line.row, value))
    spec.series.append(Observation(period, Number(value, unit), note))


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
                 specs: dict[str, _Spec | None]) -> dict[str, Frequency]:
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


def _fractions(specs: dict[str, _Spec], cells: Cells, sheet: Sheet | None) -> None:
    """Stop or flag percentage indicators whose figures look like fractions (0.451 for 45.1%)."""
    others = [value for spec in specs.values() for _, value in spec.plain if value > 1]
    for spec in specs.values():
        values = [value for _, value in spec.plain]
        if not values or any(abs(value) > 1 for value in values) or not any(values):
            continue
        target = spec.fields["target"]
        figure = target.value.value if target is not None and isinstance(target.value, Number) else None
        listed = ", ".join(str(v) for v in values[:3])
        fix = ("declare percent_scale: fraction in the settings sheet (or in the indicator's percent_scale "
               "column) if they are fractions, percent_scale: percent if they really are below 1%, or "
               "write them as percentages (45.1 for 45.1%)")
        if figure is not None and abs(figure) > 1 and sheet is not None:
            row = spec.plain[0][0]
            cells.problem(sheet, row, "value", f"{spec.name}: its figures ({listed}) all lie between 0 and 1 but "
                          f"its target is {figure}: they look like fractions; {fix}")
        elif others and sheet is not None:
            cells.notices.append(Notice(sheet.ref(spec.plain[0][0], "value"), f"the figures ({listed}) all lie "
                                        "between 0 and 1 while other percentages in the workbook are larger: "
                                        f"they may be fractions; {fix}", "looks-like-fractions", spec.name))


_CELL = re.compile(r"^(?P<sheet>.*)!(?P<column>[A-Z?]+)(?P<row>\d+)")


def _place(problem: Problem) -> tuple[int, int, int, str]:
    """Order problems as a person reads the workbook: sheet by sheet, row by row, left to right."""
    match = _CELL.match(problem.path)
    if match is None:
        return (-1, 0, 0, "")
    order = {name: index for index, name in enumerate(COLUMNS)}
    sheet = order.get(match["sheet"].lower().removesuffix(".csv"), len(order))
    return (sheet, int(match["row"]), len(match["column"]), match["column"])


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
    indicators, values = usable["indicators"], usable["values"]
    specs = read_indicators(cells, indicators, reading.percent_scale) if indicators is not None else None
    if values is not None:
        read_values(cells, values, specs, settings.period)
        if specs is not None:
            _fractions({k: v for k, v in specs.items() if v is not None}, cells, values)
    notes = read_commentary(cells, usable["commentary"], set(specs) if specs is not None else None)
    if cells.problems or specs is None:
        raise LoadError(source, sorted(cells.problems, key=_place))
    kpis = []
    for kpi_id, spec in specs.items():
        assert spec is not None  # a row with problems left one in cells.problems
        commentary, extra = notes.get(kpi_id, ((), ()))
        fields = {key: value for key, value in spec.fields.items() if key != "id"}
        kpis.append(Kpi(kpi_id, series=tuple(spec.series), commentary=commentary, notes=extra, **fields))
    return KpiData(settings, tuple(kpis), tuple(cells.notices))
