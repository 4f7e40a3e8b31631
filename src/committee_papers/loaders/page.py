"""Read an exception page: indicators, data table, Direction of Travel, notes, commentary."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model import (
    DataTable,
    ExceptionPage,
    Indicator,
    IndicatorTable,
    MarksKey,
    Number,
    PageBlock,
    Polarity,
    Rag,
    StatusBlock,
    SupplementaryTable,
    TextKind,
    TextSection,
    TrendChart,
    Unit,
)
from .blocks import read_blocks, read_supplementary
from .chart import read_chart
from .comparisons import read_dot_columns, read_dot_table
from .context import Context
from .figures import read_value
from .periods import current_column, read_periods
from .rows import RAG_ALIASES, read_row, read_target
from .source import join

TABLE_KEYS = ["columns", "rows", "target", "target_header", "label_header", "dot", "status", "indicator_labels",
              "target_under_year"]
PAGE_KEYS = [
    "title", *TABLE_KEYS, "direction_of_travel", "notes", "supplementary", "commentary", "chart",
    "indicator_table", "blocks",
]
BLOCK_KEYS = ["indicator_table", "table", "direction_of_travel", "chart", "status", "notes", "commentary",
              "supplementary", "key"]
INDICATOR_TABLE_KEYS = ["polarity_header", "show_polarity", "show_id", "show_officer"]
STATUS_KEYS = ["stated", "label", "tolerance", "reason"]
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
    try:
        return Indicator(description if description.strip() else "?", polarity or Polarity.NONE,
                         unit or Unit.NUMBER, ctx.optional_text(data, "id", path),
                         better=ctx.optional_text(data, "better", path),
                         officer=ctx.optional_text(data, "officer", path),
                         service=ctx.optional_text(data, "service", path),
                         prefix=ctx.optional_text(data, "prefix", path) or "",
                         suffix=ctx.optional_text(data, "suffix", path) or "")
    except ValueError as error:
        ctx.problem(path, str(error))
        return None


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
        read_row(ctx, item, join(join(path, "rows"), i), periods, indicators, i if by_position else 0)
        for i, item in enumerate(row_items)
    ]
    unit = indicators[0].unit if indicators else Unit.NUMBER
    target = read_target(ctx, data["target"], join(path, "target"), unit) if "target" in data else None
    dots = read_dot_columns(ctx, data["dot"], join(path, "dot"), periods) if "dot" in data else ()
    if any(r is None for r in rows) or not periods:
        return None
    current = current_column(ctx, data["columns"], join(path, "columns"), periods, ctx.reporting)
    has_target = target is not None or any(r.target for r in rows if r)
    status: dict[str, Any] = {}
    if "status" in data:
        status = _status_column(ctx, data["status"], join(path, "status"))
    if "indicator_labels" in data:
        status["indicator_labels"] = ctx.flag(data["indicator_labels"], join(path, "indicator_labels"))
    if "target_under_year" in data:
        status["target_under_year"] = ctx.flag(data["target_under_year"], join(path, "target_under_year"))
    try:
        return DataTable(
            periods,
            tuple(r for r in rows if r is not None),
            target,
            dots,
            ctx.optional_text(data, "label_header", path) or "",
            ctx.optional_text(data, "target_header", path) or None,  # None: the house style's word
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
    tolerance = _tolerance(ctx, data, path)
    if tolerance is not None:
        settings["status_tolerance"] = tolerance
    return settings


def _tolerance(ctx: Context, data: dict[str, Any], path: str) -> Decimal | None:
    """Return the ``tolerance`` in ``data`` as a percentage from 0 to 100, if given; a problem
    is recorded for anything else."""
    if "tolerance" not in data:
        return None
    value = read_value(ctx, data["tolerance"], join(path, "tolerance"), Unit.PERCENT)
    if value is None:
        return None
    if isinstance(value, Number) and 0 <= value.value <= 100:
        return value.value
    ctx.problem(join(path, "tolerance"), "a tolerance is a percentage of the target from 0 to 100, such as 5 "
                                         "or 2.5")
    return None


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
        stated = ctx.choice(value, path, Rag, RAG_ALIASES)
        return StatusBlock(stated) if stated is not None else None
    if value is True:
        return StatusBlock()
    data = ctx.mapping(value, path, [], STATUS_KEYS)
    if data is None:
        return None
    stated = ctx.choice(data["stated"], join(path, "stated"), Rag, RAG_ALIASES) if "stated" in data else None
    settings: dict[str, Any] = {}
    if "label" in data:
        settings["label"] = ctx.text(data["label"], join(path, "label"))
    tolerance = _tolerance(ctx, data, path)
    if tolerance is not None:
        settings["tolerance"] = tolerance
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
        before = len(ctx.problems)
        at = join(here, key)
        block: PageBlock | None
        if key == "indicator_table":
            block = _indicator_table(ctx, inner, at)
        elif key == "table":
            inner_data = ctx.mapping(inner, at, ["columns", "rows"], TABLE_KEYS)
            block = _table(ctx, inner_data, at, indicators) if inner_data is not None else None
            table = block if isinstance(block, DataTable) else table
        elif key == "direction_of_travel":
            block = read_dot_table(ctx, inner, at, table, indicators)
        elif key == "chart":
            block = read_chart(ctx, inner, at, table, indicators[0].unit)
            if inner is False:
                continue
        elif key == "status":
            block = _status(ctx, inner, at)
        elif key in ("notes", "commentary"):
            block = _text_section(ctx, inner, at, TextKind(key))
            if block is None and len(ctx.problems) == before:
                continue  # blank text: nothing to print
        elif key == "supplementary":
            block = read_supplementary(ctx, inner, at)
        else:
            if inner is not True:
                ctx.problem(at, "write 'key: true' to show the key to the marks")
                failed = True
                continue
            block = MarksKey()
        if block is None:
            failed = True
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
        dot_table = read_dot_table(ctx, data["direction_of_travel"], join(path, "direction_of_travel"), table,
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
        page = page.with_blocks(map(chosen, page.blocks))
    return page
