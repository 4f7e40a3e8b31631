"""What the long and the wide layouts share: an indicator's target, its figures, the check of
percentages that look like fractions, and the KPI data made from them.

A target cell holds a figure, or words (``Decrease to 14%``, ``Increase on previous year``)
read with ``Target.from_wording``; a figure is read as Excel shows it (``cells``) and a
percentage figure written without ``%`` follows the declared percent scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import LoadError, Problem
from ..model import (
    Block,
    FiscalPeriod,
    Kpi,
    KpiData,
    KpiSettings,
    Notice,
    Number,
    Observation,
    Target,
    TargetKind,
    Unit,
)
from .cells import Cells, Figure
from .settings import PercentScale
from .sheet import CellProblem, Sheet, is_blank

TARGET_HINT = (": a target in words goes in target_text, with target_kind increase, decrease, "
               "baseline or text")
VALUE_HINT = ": leave the cell blank for a period not reported"
FRACTIONS_FIX = ("declare percent_scale: fraction in the settings sheet (or in the indicator's percent_scale "
                 "column) if they are fractions, percent_scale: percent if they really are below 1%, or "
                 "write them as percentages (45.1 for 45.1%)")


@dataclass
class Spec:
    """An indicator as read from its row, before its figures and commentary are joined to it."""

    row: int
    fields: dict[str, Any]
    scale: PercentScale | None = None  # as the row declares it, else the settings'
    series: list[Observation] = field(default_factory=list)
    plain: list[tuple[str, str, Decimal]] = field(default_factory=list)  # (cell, column, figure) without %
    where: str = ""  # the row, e.g. ``indicators row 5`` or ``Adults!5:5``

    @property
    def name(self) -> str:
        return f"{self.fields['id']} {self.fields['description']}"


def read_target(cells: Cells, sheet: Sheet, row: int, unit: Unit, *, measure: bool = True) -> Target | None:
    """Return the target a row gives (a figure, words, a rule or a kind), or None. With
    ``measure``, a ``number`` indicator's target figure may not show % or £ (``Cells.figure``)."""
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
        return worded(cells, sheet, row, "target", text, unit) if text else None
    if kind is TargetKind.VALUE:
        figure = cells.figure(sheet, row, "target", unit, TARGET_HINT, measure=measure)
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
        return worded(cells, sheet, row, "target_text", wording, unit)
    return Target(kind, None, wording)


def worded(cells: Cells, sheet: Sheet, row: int, column: str, text: str, unit: Unit) -> Target | None:
    """Return a target in words ("Decrease to 14%", "Increase on previous year", free text)."""
    try:
        return Target.from_wording(text, unit, decimal_comma=cells.decimal_comma)
    except ValueError as error:
        cells.problem(sheet, row, column, str(error))
        return None


def observe(spec: Spec, found: Figure, period: FiscalPeriod, where: str, column: str,
            note: str | None = None) -> None:
    """Add a figure to an indicator's series; a percentage written without % follows the scale."""
    unit: Unit = spec.fields["unit"]
    value = found.value
    if unit is Unit.PERCENT and found.symbol != "%":
        if spec.scale is PercentScale.FRACTION:
            value = value.scaleb(2)
        elif spec.scale is None:
            spec.plain.append((where, column, value))
    spec.series.append(Observation(period, Number(value, unit), note))


def fractions(specs: dict[str, Spec], cells: Cells) -> None:
    """Stop or flag percentage indicators whose figures look like fractions (0.451 for 45.1%)."""
    others = [value for spec in specs.values() for *_, value in spec.plain if value > 1]
    for spec in specs.values():
        values = [value for *_, value in spec.plain]
        if not values or any(abs(value) > 1 for value in values) or not any(values):
            continue
        target = spec.fields["target"]
        figure = target.value.value if target is not None and isinstance(target.value, Number) else None
        listed = ", ".join(str(v) for v in values[:3])
        where, column, _ = spec.plain[0]
        if figure is not None and abs(figure) > 1:
            cells.problems.append(CellProblem(where, f"{spec.name}: its figures ({listed}) all lie between 0 and 1 "
                                              f"but its target is {figure}: they look like fractions; "
                                              f"{FRACTIONS_FIX}", column=column))
        elif others:
            cells.notices.append(Notice(where, f"the figures ({listed}) all lie between 0 and 1 while other "
                                        f"percentages in the workbook are larger: they may be fractions; "
                                        f"{FRACTIONS_FIX}", "looks-like-fractions", spec.name))


_CELL = re.compile(r"^(?P<sheet>.*)!(?P<column>[A-Z?]+)(?P<row>\d+)")


def in_reading_order(problems: list[Problem], sheets: list[str]) -> list[Problem]:
    """Return problems as a person reads the workbook: sheet by sheet (in ``sheets`` order, by
    name in any case), row by row, left to right; problems of the whole workbook first."""
    order = {name.lower(): index for index, name in enumerate(sheets)}

    def place(problem: Problem) -> tuple[int, int, int, str]:
        match = _CELL.match(problem.path)
        if match is None:
            return (-1, 0, 0, "")
        sheet = order.get(match["sheet"].lower().removesuffix(".csv"), len(order))
        return (sheet, int(match["row"]), len(match["column"]), match["column"])

    return sorted(problems, key=place)


def assemble(source: str, cells: Cells, specs: dict[str, Spec | None] | None, settings: KpiSettings,
             notes: dict[str, tuple[tuple[Block, ...], tuple[Block, ...]]], sheets: list[str],
             layout: str) -> KpiData:
    """Return the KPI data, or raise LoadError listing every problem in reading order."""
    if cells.problems or specs is None:
        raise LoadError(source, in_reading_order(cells.problems, sheets))
    kpis = []
    for kpi_id, spec in specs.items():
        assert spec is not None  # a row with problems left one in cells.problems
        commentary, extra = notes.get(kpi_id, ((), ()))
        found = {key: value for key, value in spec.fields.items() if key != "id"}
        kpis.append(Kpi(kpi_id, series=tuple(spec.series), commentary=commentary, notes=extra, **found))
    return KpiData(settings, tuple(kpis), tuple(cells.notices), layout)


__all__ = ["FRACTIONS_FIX", "TARGET_HINT", "VALUE_HINT", "Spec", "assemble", "fractions", "in_reading_order",
           "observe", "read_target", "worded"]
