"""Read a data table's DoT columns and the Direction of Travel table's comparisons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Comparison, DataRow, DataTable, DotBasis, DotColumn, DotTable, Indicator, Period, Unit, Value
from .context import Context
from .figures import read_mark, read_value
from .rows import indicator_index
from .source import join


def _dot_column(ctx: Context, value: Any, path: str, periods: tuple[Period, ...]) -> DotColumn | None:
    data = ctx.mapping(value, path, ["basis"], ["header", "subheader", "reference"])
    if data is None:
        return None
    basis = ctx.choice(data.get("basis"), join(path, "basis"), DotBasis, _BASIS_WORDS)
    reference = ctx.optional_text(data, "reference", path)
    if reference is not None and reference not in {p.label for p in periods}:
        ctx.problem(join(path, "reference"), f"{reference!r} is not a column of this table")
    header = ctx.optional_text(data, "header", path) or None  # None: the house style's word
    subheader = ctx.optional_text(data, "subheader", path)
    if subheader is not None and not subheader.strip():
        ctx.problem(join(path, "subheader"), "the subheader is empty: give the header's second row "
                                             "('Against Past Performance'), or leave subheader out")
        return None
    if basis is DotBasis.PERIOD and reference is None:
        ctx.problem(path, "a DoT column against a period names it: add reference: <column>, e.g. reference: Q2")
        return None
    return DotColumn(basis, header, reference, subheader) if basis else None


_BASIS_WORDS = {"short_term": DotBasis.PREVIOUS_PERIOD, "short": DotBasis.PREVIOUS_PERIOD,
                "previous": DotBasis.PREVIOUS_PERIOD, "long_term": DotBasis.SAME_PERIOD_LAST_YEAR,
                "long": DotBasis.SAME_PERIOD_LAST_YEAR, "same_period": DotBasis.SAME_PERIOD_LAST_YEAR}


def read_dot_columns(ctx: Context, value: Any, path: str, periods: tuple[Period, ...]) -> tuple[DotColumn, ...]:
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
    unit = (row.unit or Unit.NUMBER) if row else Unit.NUMBER
    if isinstance(value, dict):
        data = ctx.mapping(value, path, ["period"], [])
        which: str | None = ctx.text((data or {}).get("period"), join(path, "period"))
    elif value in ("latest", "target"):
        which = value
    else:
        return read_value(ctx, value, path, unit)
    if table is None or row is None or which is None:
        ctx.problem(path, "a comparison with the table's figures needs a data table before it on the page "
                          "(in a page's blocks, put it after the table)")
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
    named = indicator_index(ctx, data["indicator"], join(path, "indicator"), indicators) \
        if "indicator" in data else None
    if table is not None and table.rows:
        row = table.rows[0]
        if "row" in data:
            wanted = data["row"]
            matches = [r for i, r in enumerate(table.rows) if wanted in (i, r.label)]
            if not matches:
                ctx.problem(join(path, "row"), f"{wanted!r} is not a row label or position of the table "
                                               "(positions count from 0)")
            row = matches[0] if matches else row
        elif named is not None:  # the figures of the indicator named: its first row
            rows = [r for r in table.rows if r.indicator == named]
            if not rows and "reference" in data and data.get("current", "latest") in ("latest", "target"):
                ctx.problem(join(path, "indicator"), "the table has no row of this indicator to compare: give "
                                                     "the figures, or a row")
            row = rows[0] if rows else row
    indicator = row.indicator if row else 0
    uses_table = "reference" in data and any(
        isinstance(v, dict) or v in ("latest", "target") for v in (data["reference"], data.get("current", "latest")))
    if named is not None:
        if row is not None and uses_table and row.indicator != named:
            ctx.problem(path, "the row compared measures another indicator than the one named: the mark would "
                              "judge one indicator's figures by the other's polarity; name one of them")
        indicator = named
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
    try:
        if isinstance(current, Missing):
            return Comparison(label, None, reference, None, None, published, indicator, missing=current.period)
        return Comparison(label, current, reference, stated, text, published, indicator)
    except ValueError as error:  # figures in different units, say
        ctx.problem(path, str(error))
        return None


def read_dot_table(ctx: Context, value: Any, path: str, table: DataTable | None,
               indicators: list[Indicator]) -> DotTable | None:
    items = ctx.sequence(value, path)
    comparisons = [_comparison(ctx, v, join(path, i), table, indicators) for i, v in enumerate(items)]
    if comparisons and all(comparisons):
        return DotTable(tuple(c for c in comparisons if c))
    return None

