"""From sheets of cells to typed KPI data: the indicators and values sheets, and the whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..loaders import LoadError, Problem
from ..model import (
    FiscalPeriod,
    Frequency,
    Kpi,
    KpiData,
    Number,
    Observation,
    Polarity,
    ReportingPeriod,
    Target,
    TargetKind,
    Unit,
)
from .cells import Cells
from .periods import parse_period
from .settings import (
    COMMENTARY_OPTIONAL,
    COMMENTARY_REQUIRED,
    SETTINGS_COLUMNS,
    read_commentary,
    read_settings,
    unknown_id,
)
from .sheet import Sheet, is_blank, require

INDICATOR_REQUIRED = ("id", "portfolio", "description", "polarity", "unit", "target")
INDICATOR_OPTIONAL = ("target_kind", "target_text", "tolerance", "england", "stat_neighbours",
                      "comparator_period", "frequency")
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
    series: list[Observation] = field(default_factory=list)


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
    if kind is TargetKind.VALUE:
        figure = cells.number(sheet, row, "target", TARGET_HINT)
        if figure is None:
            if not written:
                cells.problem(sheet, row, "target", "the target_kind is value but the target is blank: give the figure")
            return None
        return Target(kind, Number(figure, unit))
    if written:
        cells.problem(sheet, row, "target", f"a target of kind {kind.value} takes no figure: leave the "
                      "target blank (its wording goes in target_text), or set target_kind to value")
        return None
    if kind is TargetKind.TEXT and not wording:
        cells.problem(sheet, row, "target_text", "a text target needs its wording here")
        return None
    return Target(kind, None, wording)


def _indicator(cells: Cells, sheet: Sheet, row: int, portfolio: str | None) -> dict[str, Any] | None:
    before = len(cells.problems)
    unit = cells.choice(sheet, row, "unit", Unit, UNIT_WORDS, default=Unit.NUMBER)
    figures = {key: cells.number(sheet, row, key) for key in ("england", "stat_neighbours")}
    found = {
        "portfolio": cells.text(sheet, row, "portfolio") or portfolio,
        "description": cells.text(sheet, row, "description", required=True),
        "polarity": cells.choice(sheet, row, "polarity", Polarity, POLARITY_WORDS),
        "unit": unit,
        "target": _target(cells, sheet, row, unit or Unit.NUMBER),
        "tolerance": cells.fraction(sheet, row, "tolerance"),
        "frequency": cells.choice(sheet, row, "frequency", Frequency, FREQUENCY_WORDS, required=False),
        "comparator_period": cells.text(sheet, row, "comparator_period"),
        **{key: Number(value, unit or Unit.NUMBER) if value is not None else None
           for key, value in figures.items()},
    }
    if found["portfolio"] is None:
        cells.problem(sheet, row, "portfolio", "the portfolio is missing: fill in the cell")
    return found if len(cells.problems) == before else None


def read_indicators(cells: Cells, sheet: Sheet) -> dict[str, _Spec | None]:
    """Return each indicator by id in sheet order; None for one whose row has problems.

    A blank portfolio is the one of the row above, as in a sheet with merged portfolio cells.
    """
    specs: dict[str, _Spec | None] = {}
    rows: dict[str, int] = {}
    portfolio: str | None = None
    for row in sheet.rows():
        kpi_id = cells.text(sheet, row, "id", required=True)
        fields = _indicator(cells, sheet, row, portfolio)
        portfolio = cells.text(sheet, row, "portfolio") or portfolio
        if kpi_id is None:
            continue
        if kpi_id in rows:
            cells.problem(sheet, row, "id", f"the id {kpi_id!r} is already used on row {rows[kpi_id]}")
            continue
        rows[kpi_id] = row
        specs[kpi_id] = _Spec(row, fields) if fields is not None else None
    return specs


def read_values(cells: Cells, sheet: Sheet, specs: dict[str, _Spec | None] | None,
                reporting: ReportingPeriod | None) -> None:
    """Add each figure to its indicator's series; ``specs`` None checks nothing but the cells."""
    seen: dict[tuple[str, FiscalPeriod], int] = {}
    for row in sheet.rows():
        kpi_id = cells.text(sheet, row, "indicator_id", required=True)
        period = _period(cells, sheet, row)
        figure = cells.number(sheet, row, "value", ": leave the cell blank for a period not reported")
        note = cells.text(sheet, row, "note")
        if kpi_id is None or specs is None:
            continue
        if kpi_id not in specs:
            cells.problem(sheet, row, "indicator_id", unknown_id(kpi_id, set(specs)))
            continue
        spec = specs[kpi_id]
        if period is None:
            continue
        if (kpi_id, period) in seen:
            cells.problem(sheet, row, "period", f"{kpi_id} already has a figure for {period.label} "
                          f"on row {seen[kpi_id, period]}")
            continue
        seen[kpi_id, period] = row
        if reporting is not None and period.is_after(reporting):
            cells.problem(sheet, row, "period", f"{period.label} is after the period reported, {reporting.label}: "
                          "remove the row or change the period in the settings sheet")
            continue
        if spec is None:
            continue
        frequency = spec.fields["frequency"]
        if frequency is not None and period.frequency not in (frequency, Frequency.ANNUAL):
            cells.problem(sheet, row, "period", f"{period.label} is a {period.frequency.noun} but {kpi_id} "
                          f"is reported {frequency.value} (indicators row {spec.row})")
            continue
        if figure is not None:
            spec.series.append(Observation(period, Number(figure, spec.fields["unit"]), note))


def _period(cells: Cells, sheet: Sheet, row: int) -> FiscalPeriod | None:
    value = sheet.get(row, "period")
    if is_blank(value):
        cells.problem(sheet, row, "period", "the period is missing: write e.g. 'Q3 2016/17', 'Sep 2016' or '2015/16'")
        return None
    try:
        return parse_period(value)
    except ValueError as error:
        cells.problem(sheet, row, "period", str(error))
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
    settings = read_settings(cells, usable["settings"])
    indicators, values = usable["indicators"], usable["values"]
    specs = read_indicators(cells, indicators) if indicators is not None else None
    if values is not None:
        read_values(cells, values, specs, settings.period)
    notes = read_commentary(cells, usable["commentary"], set(specs) if specs is not None else None)
    if cells.problems or specs is None:
        raise LoadError(source, cells.problems)
    kpis = []
    for kpi_id, spec in specs.items():
        assert spec is not None  # a row with problems left one in cells.problems
        commentary, extra = notes.get(kpi_id, ((), ()))
        kpis.append(Kpi(kpi_id, series=tuple(spec.series), commentary=commentary, notes=extra, **spec.fields))
    return KpiData(settings, tuple(kpis))

