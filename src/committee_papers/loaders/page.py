"""Read an exception page: indicators, data table, Direction of Travel, notes, commentary."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..model import (
    STATED_TOKENS,
    Comparison,
    DataRow,
    DataTable,
    DotBasis,
    DotColumn,
    DotTable,
    ExceptionPage,
    FigureNote,
    Indicator,
    IndicatorTable,
    MarksKey,
    Number,
    PageBlock,
    Period,
    Polarity,
    Rag,
    StatedCell,
    StatusBlock,
    SupplementaryTable,
    Target,
    TargetKind,
    TextKind,
    TextSection,
    TrendChart,
    Unit,
    Value,
)
from .blocks import read_blocks, read_supplementary
from .chart import read_chart
from .context import Context
from .figures import read_mark, read_value
from .periods import current_column, read_periods
from .source import join

TABLE_KEYS = ["columns", "rows", "target", "target_header", "label_header", "dot", "status", "indicator_labels"]
PAGE_KEYS = [
    "title", *TABLE_KEYS, "direction_of_travel", "notes", "supplementary", "commentary", "chart",
    "indicator_table", "blocks",
]
BLOCK_KEYS = ["indicator_table", "table", "direction_of_travel", "chart", "status", "notes", "commentary",
              "text", "supplementary", "key"]
INDICATOR_TABLE_KEYS = ["polarity_header", "show_polarity", "show_id", "show_officer"]
STATUS_KEYS = ["stated", "label", "tolerance", "reason"]
_RAG_ALIASES = {"r": Rag.RED, "a": Rag.AMBER, "g": Rag.GREEN, "no target": Rag.BLUE, "data only": Rag.BLUE,
                "no data": Rag.GREY}
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
    data = ctx.mapping(value, path, ["values"], ["label", "indicator", "unit", "target", "published", "status",
                                                      "targets"])
    if data is None:
        return None
    indicator = default_indicator
    if "indicator" in data:
        indicator = _indicator_index(ctx, data["indicator"], join(path, "indicator"), indicators)
    unit = indicators[indicator].unit if indicators else Unit.NUMBER
    if "unit" in data:
        unit = ctx.choice(data["unit"], join(path, "unit"), Unit) or unit
    values: dict[str, Value] = {}
    stated: dict[str, StatedCell] = {}
    notes: dict[str, FigureNote] = {}
    values_path = join(path, "values")
    raw_values = ctx.mapping(data.get("values"), values_path, [], [p.label for p in periods])
    for key, raw in (raw_values or {}).items():
        if key in {p.label for p in periods}:
            _cell(ctx, raw, join(values_path, key), unit, key, (values, stated, notes))
    target = read_target(ctx, data["target"], join(path, "target"), unit) if "target" in data else None
    published = read_mark(ctx, data["published"], join(path, "published")) if "published" in data else None
    status = ctx.choice(data["status"], join(path, "status"), Rag, _RAG_ALIASES) if "status" in data else None
    targets: dict[str, Target] = {}
    if "targets" in data:
        targets_path = join(path, "targets")
        raw_targets = ctx.mapping(data["targets"], targets_path, [], [p.label for p in periods]) or {}
        for key, raw in raw_targets.items():
            found = read_target(ctx, raw, join(targets_path, key), unit)
            if found is not None:
                targets[key] = found
    try:
        return DataRow(values, ctx.optional_text(data, "label", path), unit, indicator, target, published, status,
                       stated, notes, targets)
    except ValueError as error:
        ctx.problem(path, str(error))
        return None


_CELL_FORMS = ("{text: ..., reason: ...} (words instead of a figure), {figure: ..., note: ...} or "
               "{figure: ..., marker: '*'}")


def _cell(ctx: Context, raw: Any, path: str, unit: Unit, key: str,
          into: tuple[dict[str, Value], dict[str, StatedCell], dict[str, FigureNote]]) -> None:
    """Read one figure cell into the row's figures, stated cells or notes.

    A cell is a figure, a known symbol that is never a figure (``STATED_TOKENS``: N/A, -, TBC),
    ``{text, reason}``, or ``{figure, note}`` / ``{figure, marker}``. Other words are refused
    with the forms to write: a typo in a figure must not print as words.
    """
    values, stated, notes = into
    text = ctx.source.raw.get(path, raw) if isinstance(raw, str) or path in ctx.source.raw else raw
    if isinstance(text, str) and text.strip() in STATED_TOKENS:
        stated[key] = StatedCell(text.strip())
        return
    if isinstance(raw, dict):
        if "text" in raw:
            data = ctx.mapping(raw, path, ["text"], ["reason"])
            if data is not None:
                words = ctx.text(data["text"], join(path, "text"))
                if words.strip():
                    stated[key] = StatedCell(words, ctx.optional_text(data, "reason", path))
            return
        data = ctx.mapping(raw, path, ["figure"], ["note", "marker"])
        if data is None:
            return
        if ("note" in data) == ("marker" in data):
            ctx.problem(path, "give a figure a note or a marker: " + _CELL_FORMS)
            return
        figure = read_value(ctx, data["figure"], join(path, "figure"), unit)
        which = "note" if "note" in data else "marker"
        words = ctx.text(data[which], join(path, which))
        if figure is not None and words.strip():
            values[key] = figure
            notes[key] = FigureNote(words, marker=which == "marker")
        return
    before = len(ctx.problems)
    figure = read_value(ctx, raw, path, unit)
    if figure is not None:
        values[key] = figure
    elif len(ctx.problems) > before and isinstance(raw, str) and any(c.isalpha() for c in raw):
        last = ctx.problems[-1]  # the figure's own problem, told how to write words instead
        ctx.problems[-1] = dataclasses.replace(last, message=f"{last.message}; to print words write {_CELL_FORMS}")


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
    status: dict[str, Any] = {}
    if "status" in data:
        status = _status_column(ctx, data["status"], join(path, "status"))
    if "indicator_labels" in data:
        status["indicator_labels"] = ctx.flag(data["indicator_labels"], join(path, "indicator_labels"))
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
            **status,
        )
    except ValueError as error:
        ctx.problem(path, str(error))
        return None


def _status_column(ctx: Context, value: Any, path: str) -> dict[str, Any]:
    """Return a data table's status column settings: ``true``, or ``{header, tolerance}``."""
    if isinstance(value, bool):
        return {"show_status": value}
    data = ctx.mapping(value, path, [], ["header", "tolerance"])
    if data is None:
        return {}
    settings: dict[str, Any] = {"show_status": True}
    if "header" in data:
        settings["status_header"] = ctx.text(data["header"], join(path, "header"))
    if "tolerance" in data:
        tolerance = read_value(ctx, data["tolerance"], join(path, "tolerance"), Unit.PERCENT)
        if tolerance is not None:
            settings["status_tolerance"] = _percent(ctx, tolerance, join(path, "tolerance"))
    return settings


def _percent(ctx: Context, value: Value, path: str) -> Decimal:
    """Return a tolerance as a percentage from 0 to 100, recording a problem otherwise."""
    if isinstance(value, Number) and 0 <= value.value <= 100:
        return value.value
    ctx.problem(path, "a tolerance is a percentage of the target from 0 to 100, such as 5 or 2.5")
    return Decimal(5)


def _indicator_table(ctx: Context, value: Any, path: str) -> IndicatorTable | None:
    if value is True:
        return IndicatorTable()
    data = ctx.mapping(value, path, [], INDICATOR_TABLE_KEYS)
    if data is None:
        return None
    flags = {key: ctx.flag(data[key], join(path, key)) for key in INDICATOR_TABLE_KEYS[1:] if key in data}
    return IndicatorTable(ctx.optional_text(data, "polarity_header", path), **flags)


def _status(ctx: Context, value: Any, path: str) -> StatusBlock | None:
    """Return a status block: a stated status word (``green``), or ``{stated, label, tolerance,
    reason}`` (without ``stated`` it is computed from the figures)."""
    if isinstance(value, str):
        stated = ctx.choice(value, path, Rag, _RAG_ALIASES)
        return StatusBlock(stated) if stated is not None else None
    if value is True:
        return StatusBlock()
    data = ctx.mapping(value, path, [], STATUS_KEYS)
    if data is None:
        return None
    stated = ctx.choice(data["stated"], join(path, "stated"), Rag, _RAG_ALIASES) if "stated" in data else None
    settings: dict[str, Any] = {}
    if "label" in data:
        settings["label"] = ctx.text(data["label"], join(path, "label"))
    if "tolerance" in data:
        tolerance = read_value(ctx, data["tolerance"], join(path, "tolerance"), Unit.PERCENT)
        if tolerance is not None:
            settings["tolerance"] = _percent(ctx, tolerance, join(path, "tolerance"))
    return StatusBlock(stated, reason=ctx.optional_text(data, "reason", path), **settings)


def _text_section(ctx: Context, value: Any, path: str, kind: TextKind) -> TextSection | None:
    """Return notes or commentary: blocks, or ``{label, text}`` (``label: ""`` shows none)."""
    label = None
    if isinstance(value, dict) and "text" in value and set(value) <= {"label", "text"}:
        data = ctx.mapping(value, path, ["text"], ["label"])
        if data is None:
            return None
        label = ctx.text(data["label"], join(path, "label"), allow_empty=True) if "label" in data else None
        value, path = data["text"], join(path, "text")
    blocks = read_blocks(ctx, value, path)
    return TextSection(blocks, kind, label) if blocks else None


def _dot_table(ctx: Context, value: Any, path: str, table: DataTable | None,
               indicators: list[Indicator]) -> DotTable | None:
    items = ctx.sequence(value, path)
    comparisons = [_comparison(ctx, v, join(path, i), table, indicators) for i, v in enumerate(items)]
    if comparisons and all(comparisons):
        return DotTable(tuple(c for c in comparisons if c))
    return None


def _supplementary(ctx: Context, value: Any, path: str) -> list[SupplementaryTable]:
    found = [read_supplementary(ctx, v, join(path, i))
             for i, v in enumerate(ctx.sequence(value, path, allow_empty=True))]
    return [table for table in found if table is not None]


def _blocks(ctx: Context, value: Any, path: str, indicators: list[Indicator]) -> list[PageBlock] | None:
    """Return the blocks a page lists in order; each item is a mapping with one key of
    ``BLOCK_KEYS``. A Direction of Travel table or chart uses the data table before it."""
    blocks: list[PageBlock] = []
    table: DataTable | None = None
    failed = False
    for i, item in enumerate(ctx.sequence(value, path)):
        here = join(path, i)
        data = ctx.mapping(item, here, [], BLOCK_KEYS)
        if data is None:
            failed = True
            continue
        if len(data) != 1:
            ctx.problem(here, f"a block is one of {', '.join(BLOCK_KEYS)}: give each its own list item")
            failed = True
            continue
        (key, inner), = data.items()
        at = join(here, key)
        block: PageBlock | list[SupplementaryTable] | None
        if key == "indicator_table":
            block = _indicator_table(ctx, inner, at)
        elif key == "table":
            inner_data = ctx.mapping(inner, at, ["columns", "rows"], TABLE_KEYS)
            block = _table(ctx, inner_data, at, indicators) if inner_data is not None else None
            table = block if isinstance(block, DataTable) else table
        elif key == "direction_of_travel":
            block = _dot_table(ctx, inner, at, table, indicators)
        elif key == "chart":
            block = read_chart(ctx, inner, at, table, indicators[0].unit)
            if inner is False:
                continue
        elif key == "status":
            block = _status(ctx, inner, at)
        elif key in ("notes", "commentary"):
            block = _text_section(ctx, inner, at, TextKind(key))
        elif key == "text":
            block = _text_section(ctx, inner, at, TextKind.COMMENTARY)
        elif key == "supplementary":
            block = _supplementary(ctx, inner if isinstance(inner, list) else [inner], at)
        else:
            if inner is not True:
                ctx.problem(at, "write 'key: true' to show the key to the marks")
                failed = True
                continue
            block = MarksKey()
        if block is None:
            failed = True
        elif isinstance(block, list):
            blocks.extend(block)
        else:
            blocks.append(block)
    return None if failed else blocks


def read_page(ctx: Context, value: Any, path: str) -> ExceptionPage | None:
    """Return an exception page, recording every problem found on the way.

    A page gives either its parts (``columns``/``rows``, ``direction_of_travel``, ``notes``,
    ``commentary``, ...: laid out in Blackpool's order) or ``blocks``, a list in the order
    they print.
    """
    data = ctx.mapping(value, path, ["indicators"], PAGE_KEYS)
    if data is None:
        return None
    ind_path = join(path, "indicators")
    items = ctx.sequence(data.get("indicators"), ind_path)
    found = [_indicator(ctx, v, join(ind_path, i)) for i, v in enumerate(items)]
    indicators = [i for i in found if i is not None]
    if len(indicators) != len(found) or not indicators:
        return None
    title = ctx.optional_text(data, "title", path)
    if "blocks" in data:
        parts = sorted(set(data) - {"blocks", "title", "indicators"})
        if parts:
            ctx.problem(path, f"a page lists its blocks, or gives its parts ({', '.join(parts)}), not both: "
                              "move them into 'blocks'")
            return None
        blocks = _blocks(ctx, data["blocks"], join(path, "blocks"), indicators)
        if blocks is None:
            return None
        try:
            return ExceptionPage(tuple(indicators), title=title, blocks=blocks)
        except (ValueError, TypeError) as error:
            ctx.problem(join(path, "blocks"), str(error))
            return None
    table = _table(ctx, data, path, indicators)
    dot_table = None
    if "direction_of_travel" in data:
        dot_table = _dot_table(ctx, data["direction_of_travel"], join(path, "direction_of_travel"), table,
                               indicators)
    supplementary = _supplementary(ctx, data.get("supplementary", []), join(path, "supplementary"))
    chart: TrendChart | None = None
    if "chart" in data:
        chart = read_chart(ctx, data["chart"], join(path, "chart"), table, indicators[0].unit)
    options = None
    if "indicator_table" in data:
        options = _indicator_table(ctx, data["indicator_table"], join(path, "indicator_table"))
    sections = {kind: _text_section(ctx, data[kind.value], join(path, kind.value), kind)
                for kind in TextKind if data.get(kind.value) is not None}
    notes, commentary = sections.get(TextKind.NOTES), sections.get(TextKind.COMMENTARY)
    try:
        page = ExceptionPage(
            tuple(indicators),
            table,
            dot_table,
            notes.blocks if notes else (),
            tuple(supplementary),
            commentary.blocks if commentary else (),
            title,
            chart=chart,
        )
    except ValueError as error:
        ctx.problem(path, str(error))
        return None

    def chosen(block: PageBlock) -> PageBlock:
        if isinstance(block, IndicatorTable) and options is not None:
            return options
        if isinstance(block, TextSection):
            return sections.get(block.kind) or block  # with the label written, if one was
        return block

    if options is not None or any(s.label is not None for s in sections.values() if s):
        page = ExceptionPage(page.indicators, title=title, blocks=map(chosen, page.blocks))
    return page
