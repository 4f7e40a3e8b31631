"""Read a page's ``chart``: ``true`` for the default trend chart, or a mapping that chooses.

```yaml
chart: true                       # the page's figures, its target; nothing else to give
chart:
  rows: [No.]                     # rows of the table by label or position (default: the first
                                  # row's unit, at most four)
  periods: [2014/15, Q1, Q2, Q3]  # columns of the table (default: every column with a figure)
  target: step                    # line | step | none (default: a step for per-period targets)
  targets: {Q1: 70, Q2: 72}       # per-period targets
  comparators: {England: 60.2, Statistical neighbours: 55}
  history: 6                      # only the last 6 periods
```
"""

from __future__ import annotations

from typing import Any

from ..model import Comparator, DataTable, Number, TargetLine, TrendChart, Unit, headline
from .context import Context
from .figures import read_value
from .source import join

CHART_KEYS = ["rows", "periods", "target", "targets", "comparators", "history"]
_PERIODS = {"type": "array", "items": {"type": ["string", "number"]}}
_FIGURES = {"type": "object", "additionalProperties": {"type": ["number", "string"]}}
CHART_SCHEMA: dict[str, Any] = {
    "description": "A trend chart of the page's figures: true for the default (the figures, the target), "
    "or a mapping choosing rows, periods, the target's drawing, per-period targets and comparators.",
    "anyOf": [
        {"type": "boolean"},
        {"type": "object", "additionalProperties": False, "properties": {
            "rows": {"type": "array", "items": {"type": ["string", "integer"]}, "minItems": 1},
            "periods": {**_PERIODS, "minItems": 2},
            "target": {"enum": ["line", "step", "none", "auto"]},
            "targets": _FIGURES,
            "comparators": {"anyOf": [_FIGURES, {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["label", "value"],
                "properties": {"label": {"type": "string", "minLength": 1},
                               "value": {"type": ["number", "string"]}}}}]},
            "history": {"type": "integer", "minimum": 2, "maximum": 120},
        }},
    ],
}


def _number(ctx: Context, value: Any, path: str, unit: Unit) -> Number | None:
    figure = read_value(ctx, value, path, unit)
    if figure is None and value is not None:
        return None
    if figure is None:
        ctx.problem(path, "give a figure")
        return None
    return headline(figure)


def _rows(ctx: Context, value: Any, path: str, table: DataTable | None) -> tuple[int, ...]:
    found: list[int] = []
    for i, item in enumerate(ctx.sequence(value, path)):
        rows = table.rows if table else ()
        matches = [n for n, row in enumerate(rows) if item in (n, row.label) and not isinstance(item, bool)]
        if not matches:
            ctx.problem(join(path, i), f"{item!r} is not a row label or position of the page's table")
        elif matches[0] not in found:
            found.append(matches[0])
    return tuple(found)


def _comparators(ctx: Context, value: Any, path: str, unit: Unit) -> tuple[Comparator, ...]:
    pairs: list[tuple[str, Any, str]] = []
    if isinstance(value, dict):
        pairs = [(str(label), figure, join(path, label)) for label, figure in value.items()]
    else:
        for i, item in enumerate(ctx.sequence(value, path)):
            data = ctx.mapping(item, join(path, i), ["label", "value"], []) or {}
            if "label" in data and "value" in data:
                pairs.append((ctx.text(data["label"], join(join(path, i), "label")), data["value"],
                              join(join(path, i), "value")))
    found = []
    for label, raw, here in pairs:
        figure = _number(ctx, raw, here, unit)
        if figure is not None and label.strip():
            found.append(Comparator(label, figure))
    return tuple(found)


_NO_TABLE = ("a chart plots the page's data table: add 'columns' and 'rows' (in a page's blocks, put the chart "
             "after its table), or leave the chart out")


def read_chart(ctx: Context, value: Any, path: str, table: DataTable | None, unit: Unit) -> TrendChart | None:
    """Return the page's chart from ``true``/``false`` or a mapping, recording every problem.

    ``unit`` is the unit figures are read in (the page's first indicator's).
    """
    if isinstance(value, bool):
        if value and table is None:
            ctx.problem(path, _NO_TABLE)
            return None
        return TrendChart() if value else None
    data = ctx.mapping(value, path, [], CHART_KEYS)
    if data is None:
        return None
    if table is None:
        ctx.problem(path, _NO_TABLE)
        return None
    rows = _rows(ctx, data["rows"], join(path, "rows"), table) if "rows" in data else ()
    if rows:
        unit = table.rows[rows[0]].unit or unit
    elif table.rows:
        unit = table.rows[0].unit or unit
    labels = {p.label for p in table.periods}
    periods: list[str] = []
    for i, item in enumerate(ctx.sequence(data.get("periods", []), join(path, "periods"), allow_empty=True)):
        label = ctx.text(item, join(join(path, "periods"), i))
        if label not in labels:
            ctx.problem(join(join(path, "periods"), i), f"{label!r} is not a column of the page's table")
        else:
            periods.append(label)
    targets: dict[str, Number] = {}
    raw_targets = ctx.mapping(data.get("targets", {}), join(path, "targets"), [], sorted(labels, key=str))
    for label, raw in (raw_targets or {}).items():
        if label in labels:
            figure = _number(ctx, raw, join(join(path, "targets"), label), unit)
            if figure is not None:
                targets[label] = figure
    target = ctx.choice(data["target"], join(path, "target"), TargetLine) if "target" in data else TargetLine.AUTO
    comparators = _comparators(ctx, data["comparators"], join(path, "comparators"), unit) \
        if "comparators" in data else ()
    history = ctx.integer(data["history"], join(path, "history"), 2, 120) if "history" in data else None
    charted = table.rows[rows[0]] if rows else table.rows[0] if table.rows else None
    shown = {v.unit for v in charted.values.values() if isinstance(v, Number)} - {Unit.NUMBER} if charted else set()
    for name, figure in [*targets.items(), *((c.label, c.value) for c in comparators)]:
        if shown and figure.unit is not Unit.NUMBER and figure.unit not in shown:  # £50 on a % axis
            ctx.problem(path, f"the chart's {name!r} is in {figure.unit.value} but the figures it is drawn with "
                              f"are in {next(iter(shown)).value}: give it in the figures' unit")
    try:
        return TrendChart(rows=rows, periods=tuple(periods), target=target or TargetLine.AUTO,
                          targets=targets, comparators=comparators, history=history)
    except ValueError as error:
        ctx.problem(path, str(error))
        return None
