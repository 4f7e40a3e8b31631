"""Read a data table's rows: figures, words in figure cells, notes and markers, targets."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..model import (
    STATED_TOKENS,
    DataRow,
    FigureNote,
    Indicator,
    Number,
    Period,
    Rag,
    StatedCell,
    Target,
    TargetKind,
    Unit,
    Value,
)
from .context import Context
from .figures import read_mark, read_value
from .source import join

# the words a status may be stated in, besides green, amber, red, blue and grey: each prints as
# the house style's word for it, so only words meaning the same are taken
RAG_ALIASES = {"r": Rag.RED, "a": Rag.AMBER, "g": Rag.GREEN, "no target": Rag.BLUE, "no data": Rag.GREY}


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


def indicator_index(ctx: Context, value: Any, path: str, indicators: list[Indicator]) -> int:
    ids = [i.id for i in indicators]
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(indicators):
        return value
    if isinstance(value, str) and value in ids:
        return ids.index(value)
    ctx.problem(path, f"{value!r} is not an indicator of this page: give its id or its position from 0")
    return 0


def read_row(ctx: Context, value: Any, path: str, periods: tuple[Period, ...],
         indicators: list[Indicator], default_indicator: int) -> DataRow | None:
    data = ctx.mapping(value, path, ["values"], ["label", "indicator", "unit", "target", "published", "status",
                                                      "targets"])
    if data is None:
        return None
    indicator = default_indicator
    if "indicator" in data:
        indicator = indicator_index(ctx, data["indicator"], join(path, "indicator"), indicators)
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
    custom = indicators[indicator] if indicators and (indicators[indicator].prefix or indicators[indicator].suffix) \
        else None
    for key, figure in values.items():
        if custom is not None and isinstance(figure, Number) and figure.unit in (Unit.PERCENT, Unit.MONEY):
            ctx.problem(join(values_path, key), f"the indicator writes its own unit ({custom.prefix!r} and "
                                                f"{custom.suffix!r}): write the figure without % or £")
    target = read_target(ctx, data["target"], join(path, "target"), unit) if "target" in data else None
    published = read_mark(ctx, data["published"], join(path, "published")) if "published" in data else None
    status = ctx.choice(data["status"], join(path, "status"), Rag, RAG_ALIASES) if "status" in data else None
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

