"""Read an exception page: indicators, data table, Direction of Travel, notes, commentary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import (
    Comparison,
    DataRow,
    DataTable,
    DotBasis,
    DotColumn,
    DotTable,
    ExceptionPage,
    Indicator,
    Period,
    Polarity,
    Target,
    TargetKind,
    Unit,
    Value,
)
from .blocks import read_blocks, read_supplementary
from .chart import read_chart
from .context import Context
from .figures import read_mark, read_value
from .periods import current_column, read_periods
from .source import join

PAGE_KEYS = [
    "title", "columns", "rows", "target", "target_header", "label_header", "dot",
    "direction_of_travel", "notes", "supplementary", "commentary", "chart",
]
_POLARITY_ALIASES = {"higher": Polarity.HIGH, "lower": Polarity.LOW}


INDICATOR_KEYS = ["id", "unit", "polarity", "better", "officer", "service", "prefix", "suffix"]


def _indicator(ctx: Context, value: Any, path: str) -> Indicator | None:
    data = ctx.mapping(value, path, ["description"], INDICATOR_KEYS)
    if data is None:
        return None
    polarity = (ctx.choice(data["polarity"], join(path, "polarity"), Polarity, _POLARITY_ALIASES)
                if "polarity" in data else Polarity.NONE)
    unit = ctx.choice(data["unit"], join(path, "unit"), Unit) if "unit" in data else Unit.NUMBER
    description = ctx.text(data.get("description"), join(path, "description"))
    # A problem is already recorded; carry on with a stand-in to find the page's other problems.
    return Indicator(description if description.strip() else "?", polarity or Polarity.NONE,
                     unit or Unit.NUMBER, ctx.optional_text(data, "id", path),
                     better=ctx.optional_text(data, "better", path),
                     officer=ctx.optional_text(data, "officer", path),
                     service=ctx.optional_text(data, "service", path),
                     prefix=ctx.optional_text(data, "prefix", path) or "",
                     suffix=ctx.optional_text(data, "suffix", path) or "")


def read_target(ctx: Context, value: Any, path: str, unit: Unit) -> Target | None:
    """Return a target: a figure, 'Baseline', 'Increase …'/'Decrease …', or {text: …}."""
    if isinstance(value, dict):
        data = ctx.mapping(value, path, [], ["text", "rule", "wording"])
        if data is None:
            return None
        if "text" in data:
            wording = ctx.text(data["text"], join(path, "text"))  # records a problem if empty
            return _worded(ctx, wording, join(path, "text"), unit) if wording.strip() else None
        kind = ctx.choice(data.get("rule"), join(path, "rule"), TargetKind)
        if kind not in (TargetKind.INCREASE, TargetKind.DECREASE, TargetKind.BASELINE):
            ctx.problem(join(path, "rule"), "a rule is increase, decrease or baseline")
            return None
        return Target(kind, wording=ctx.optional_text(data, "wording", path))
    if isinstance(value, str) and not _looks_like_a_figure(value):
        return _worded(ctx, value, path, unit)
    figure = read_value(ctx, value, path, unit)
    return Target(TargetKind.VALUE, value=figure) if figure is not None else None


def _looks_like_a_figure(text: str) -> bool:
    """Return whether text starts as a figure does (a sign, £ or digit): then it must be one."""
    return bool(re.match(r"^\s*[+\-\u2212£.\d]", text))


def _worded(ctx: Context, text: str, path: str, unit: Unit) -> Target | None:
    """Return a target in words: a threshold ("Decrease to 14%"), a rule, Baseline, or text."""
    try:
        return Target.from_wording(text, unit)
    except ValueError as error:  # a figure out of range in the wording
        ctx.problem(path, str(error))
        return None


def _indicator_index(ctx: Context, value: Any, path: str, indicators: list[Indicator]) -> int:
    ids = [i.id for i in indicators]
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(indicators):
        return value
    if isinstance(value, str) and value in ids:
        return ids.index(value)
    ctx.problem(path, f"{value!r} is not an indicator of this page: give its id or its position from 0")
    return 0


def _row(ctx: Context, value: Any, path: str, periods: tuple[Period, ...],
         indicators: list[Indicator], default_indicator: int) -> DataRow | None:
    data = ctx.mapping(value, path, ["values"], ["label", "indicator", "unit", "target", "published"])
    if data is None:
        return None
    indicator = default_indicator
    if "indicator" in data:
        indicator = _indicator_index(ctx, data["indicator"], join(path, "indicator"), indicators)
    unit = indicators[indicator].unit if indicators else Unit.NUMBER
    if "unit" in data:
        unit = ctx.choice(data["unit"], join(path, "unit"), Unit) or unit
    values: dict[str, Value] = {}
    values_path = join(path, "values")
    raw_values = ctx.mapping(data.get("values"), values_path, [], [p.label for p in periods])
    for key, raw in (raw_values or {}).items():
        if key in {p.label for p in periods}:
            figure = read_value(ctx, raw, join(values_path, key), unit)
            if figure is not None:
                values[key] = figure
    target = read_target(ctx, data["target"], join(path, "target"), unit) if "target" in data else None
    published = read_mark(ctx, data["published"], join(path, "published")) if "published" in data else None
    return DataRow(values, ctx.optional_text(data, "label", path), unit, indicator, target, published)


def _dot_column(ctx: Context, value: Any, path: str, periods: tuple[Period, ...]) -> DotColumn | None:
    data = ctx.mapping(value, path, ["basis"], ["header", "reference"])
    if data is None:
        return None
    basis = ctx.choice(data.get("basis"), join(path, "basis"), DotBasis, _BASIS_WORDS)
    reference = ctx.optional_text(data, "reference", path)
    if reference is not None and reference not in {p.label for p in periods}:
        ctx.problem(join(path, "reference"), f"{reference!r} is not a column of this table")
    header = ctx.optional_text(data, "header", path) or "DoT"
    if basis is DotBasis.PERIOD and reference is None:
        ctx.problem(path, "a DoT column against a period names it: add reference: <column>, e.g. reference: Q2")
        return None
    return DotColumn(basis, header, reference) if basis else None


_BASIS_WORDS = {"short_term": DotBasis.PREVIOUS_PERIOD, "short": DotBasis.PREVIOUS_PERIOD,
                "previous": DotBasis.PREVIOUS_PERIOD, "long_term": DotBasis.SAME_PERIOD_LAST_YEAR,
                "long": DotBasis.SAME_PERIOD_LAST_YEAR, "same_period": DotBasis.SAME_PERIOD_LAST_YEAR}


def _dot_columns(ctx: Context, value: Any, path: str, periods: tuple[Period, ...]) -> tuple[DotColumn, ...]:
    """Return the table's DoT columns: one mapping, or a list of them (short and long term)."""
    items = value if isinstance(value, list) else [value]
    if isinstance(value, list) and not value:
        ctx.problem(path, "the list of DoT columns is empty: give at least one, or leave 'dot' out")
    columns = [_dot_column(ctx, item, join(path, i) if isinstance(value, list) else path, periods)
               for i, item in enumerate(items)]
    return tuple(c for c in columns if c is not None)


@dataclass(frozen=True, slots=True)
class Missing:
    """The current period of a comparison has no figure: no mark is drawn for it."""

    period: str


def _operand(ctx: Context, value: Any, path: str, table: DataTable | None,
             row: DataRow | None) -> Value | Missing | None:
    """Return a comparison's figure: a figure, ``latest`` (the current period's), ``target`` or
    ``{period: …}``; Missing when the current period is blank."""
    unit = row.unit if row else Unit.NUMBER
    if isinstance(value, dict):
        data = ctx.mapping(value, path, ["period"], [])
        which: str | None = ctx.text((data or {}).get("period"), join(path, "period"))
    elif value in ("latest", "target"):
        which = value
    else:
        return read_value(ctx, value, path, unit)
    if table is None or row is None or which is None:
        ctx.problem(path, "a comparison with the table's figures needs a page with a table and rows")
        return None
    try:
        figure = table.figure(row, which)
    except ValueError as error:
        ctx.problem(path, str(error))
        return None
    if figure is None:
        found = table.now(row)
        assert found is not None  # figure() gives None only for a blank current period
        return Missing(found[0].label)
    return figure


def _comparison(ctx: Context, value: Any, path: str, table: DataTable | None,
                indicators: list[Indicator]) -> Comparison | None:
    keys = ["current", "reference", "stated", "text", "published", "row", "indicator"]
    data = ctx.mapping(value, path, ["label"], keys)
    if data is None:
        return None
    label = ctx.text(data.get("label"), join(path, "label"))
    row = None
    if table is not None and table.rows:
        row = table.rows[0]
        if "row" in data:
            wanted = data["row"]
            matches = [r for i, r in enumerate(table.rows) if wanted in (i, r.label)]
            if not matches:
                ctx.problem(join(path, "row"), f"{wanted!r} is not a row label or position of the table")
            row = matches[0] if matches else row
    indicator = row.indicator if row else 0
    if "indicator" in data:
        indicator = _indicator_index(ctx, data["indicator"], join(path, "indicator"), indicators)
    current = reference = None
    if "reference" in data:
        reference = _operand(ctx, data["reference"], join(path, "reference"), table, row)
        current = _operand(ctx, data.get("current", "latest"), join(path, "current"), table, row)
    stated = read_mark(ctx, data["stated"], join(path, "stated")) if "stated" in data else None
    published = read_mark(ctx, data["published"], join(path, "published")) if "published" in data else None
    text = ctx.optional_text(data, "text", path)
    forms = sum(["reference" in data, "stated" in data, "text" in data])
    if forms != 1:
        ctx.problem(path, "give exactly one of: 'reference' (with optional 'current'), 'stated' or 'text'")
        return None
    if isinstance(reference, Missing):
        ctx.problem(join(path, "reference"), f"the reference is the current period {reference.period!r}, which "
                                             "has no figure: compare with another period")
        return None
    if "reference" in data and (current is None or reference is None):
        return None
    if "stated" in data and stated is None:
        return None
    if isinstance(current, Missing):
        return Comparison(label, None, reference, None, None, published, indicator, missing=current.period)
    return Comparison(label, current, reference, stated, text, published, indicator)


def _table(ctx: Context, data: dict[str, Any], path: str, indicators: list[Indicator]) -> DataTable | None:
    if "rows" not in data and "columns" not in data:
        return None
    if "columns" not in data or "rows" not in data:
        ctx.problem(path, "a data table needs both 'columns' and 'rows'")
        return None
    periods = read_periods(ctx, data["columns"], join(path, "columns"))
    row_items = ctx.sequence(data["rows"], join(path, "rows"))
    by_position = len(row_items) == len(indicators) > 1
    rows = [
        _row(ctx, item, join(join(path, "rows"), i), periods, indicators, i if by_position else 0)
        for i, item in enumerate(row_items)
    ]
    unit = indicators[0].unit if indicators else Unit.NUMBER
    target = read_target(ctx, data["target"], join(path, "target"), unit) if "target" in data else None
    dots = _dot_columns(ctx, data["dot"], join(path, "dot"), periods) if "dot" in data else ()
    if any(r is None for r in rows) or not periods:
        return None
    current = current_column(ctx, data["columns"], join(path, "columns"), periods, ctx.reporting)
    has_target = target is not None or any(r.target for r in rows if r)
    try:
        return DataTable(
            periods,
            tuple(r for r in rows if r is not None),
            target,
            dots,
            ctx.optional_text(data, "label_header", path) or "",
            ctx.optional_text(data, "target_header", path) or "Target",
            show_target=has_target,
            current=current,
        )
    except ValueError as error:
        ctx.problem(path, str(error))
        return None


def read_page(ctx: Context, value: Any, path: str) -> ExceptionPage | None:
    """Return an exception page, recording every problem found on the way."""
    data = ctx.mapping(value, path, ["indicators"], PAGE_KEYS)
    if data is None:
        return None
    ind_path = join(path, "indicators")
    items = ctx.sequence(data.get("indicators"), ind_path)
    found = [_indicator(ctx, v, join(ind_path, i)) for i, v in enumerate(items)]
    indicators = [i for i in found if i is not None]
    if len(indicators) != len(found) or not indicators:
        return None
    table = _table(ctx, data, path, indicators)
    dot_table = None
    if "direction_of_travel" in data:
        dot_path = join(path, "direction_of_travel")
        items = ctx.sequence(data["direction_of_travel"], dot_path)
        comparisons = [_comparison(ctx, v, join(dot_path, i), table, indicators) for i, v in enumerate(items)]
        if comparisons and all(comparisons):
            dot_table = DotTable(tuple(c for c in comparisons if c))
    sup_path = join(path, "supplementary")
    supplementary = [read_supplementary(ctx, v, join(sup_path, i))
                     for i, v in enumerate(ctx.sequence(data.get("supplementary", []), sup_path, allow_empty=True))]
    chart = read_chart(ctx, data["chart"], join(path, "chart"), table, indicators[0].unit) if "chart" in data else None
    try:
        return ExceptionPage(
            tuple(indicators),
            table,
            dot_table,
            read_blocks(ctx, data.get("notes"), join(path, "notes")),
            tuple(s for s in supplementary if s is not None),
            read_blocks(ctx, data.get("commentary"), join(path, "commentary")),
            ctx.optional_text(data, "title", path),
            chart=chart,
        )
    except ValueError as error:
        ctx.problem(path, str(error))
        return None
