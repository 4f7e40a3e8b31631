"""Read pack rules from a preset name or a YAML rules file, with located problems.

A rules file (every key optional)::

    name: scrutiny               # shown in the pack; defaults to the file's name
    preset: havering             # start from a preset: havering, belfast or blackpool
    status:
      method: tolerance          # tolerance (Havering) | bands (Belfast)
      tolerance: 10%             # tolerance: Green up to this far off target (0.1 or 10%)
      green_within: 1%           # bands: Green up to this far off
      red_from: 5%               # bands: Red from this far off
      distance: percent          # percent (of the target) | points (the plain difference)
      trend: same_period_last_year   # tolerance: Amber if improved against this, or previous_period
      maintained: true           # tolerance: "improved or maintained" (no change counts)
      indicator_tolerance: true  # an indicator's own tolerance replaces the Green limit
      change_tolerance: 0        # a change no larger than this figure is "no change"
      long_term_outturn: true    # long term falls back to last year's outturn
      dot: blackpool             # blackpool | better_worse
    select:                      # any of these
      - red
      - amber
      - worse_than_target_and_worsening
      - worsening_for: 3
"""

from __future__ import annotations

import dataclasses
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..model import DotConvention, check_figure
from ..model.rules import (
    DEFAULT_PRESET,
    PRESETS,
    Distance,
    RagMethod,
    Rules,
    SelectionKind,
    SelectionRule,
    Trend,
)
from .context import Context
from .problems import LoadError, Problem
from .source import Source, join, parse_yaml, read_text

_STATUS_KEYS = ["method", "tolerance", "green_within", "red_from", "distance", "trend", "maintained",
                "indicator_tolerance", "change_tolerance", "long_term_outturn", "dot"]
_FRACTIONS = {"tolerance", "green_within", "red_from"}
_FLAGS = {"indicator_tolerance", "long_term_outturn", "maintained"}


def load_rules(spec: str | os.PathLike[str]) -> Rules:
    """Return the rules of a preset (``havering``, ``belfast``, ``blackpool``) or a rules file.

    Raise LoadError naming each problem's place and line when the file is not valid.
    """
    text, path = os.fspath(spec), Path(spec)
    if text.strip().lower() in PRESETS and not path.is_file():
        return PRESETS[text.strip().lower()]
    if not path.is_file():
        message = (f"{text!r} is neither a preset ({', '.join(PRESETS)}) nor a rules file: "
                   "check the name or the path")
        raise LoadError(text, [Problem("", message)])
    return read_rules(parse_yaml(read_text(path, "rules file"), text), path.stem)


def _number(ctx: Context, value: Any, path: str, *, fraction: bool) -> Decimal | None:
    try:
        return _checked_number(ctx, value, path, fraction=fraction)
    except ValueError as error:
        ctx.problem(path, str(error))
        return None


def _checked_number(ctx: Context, value: Any, path: str, *, fraction: bool) -> Decimal | None:
    if isinstance(value, str) and fraction and value.strip().endswith("%"):
        try:
            percent = Decimal(value.strip()[:-1].strip())
        except InvalidOperation:
            pass
        else:
            check_figure(percent)
            if 0 <= percent < 100:
                return percent / 100
            ctx.problem(path, f"expected a fraction such as 0.1 or 10%, got {ctx.describe(value)}")
            return None
    elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        number = Decimal(value)
        check_figure(number)
        if number.is_finite() and number >= 0 and (not fraction or number < 1):
            return number
        if fraction and number >= 1:
            ctx.problem(path, f"expected a fraction below 1 such as 0.1 (or 10%), got {number}")
            return None
    kind = "a fraction such as 0.1 or 10%" if fraction else "a figure of at least 0"
    ctx.problem(path, f"expected {kind}, got {ctx.describe(value)}")
    return None


def _status(ctx: Context, value: Any, path: str, base: Distance) -> dict[str, Any]:
    """Return the status settings a rules file changes; thresholds are fractions of the target
    (``10%`` or ``0.1``), or plain figures when the distance is in points."""
    data = ctx.mapping(value, path, [], _STATUS_KEYS) or {}
    distance = ctx.choice(data["distance"], join(path, "distance"), Distance) if "distance" in data else base
    changes: dict[str, Any] = {}
    for key, item in data.items():
        here = join(path, key)
        if key == "method":
            changes[key] = ctx.choice(item, here, RagMethod)
        elif key == "distance":
            changes[key] = distance
        elif key == "trend":
            changes[key] = ctx.choice(item, here, Trend, {"previous": Trend.PREVIOUS_PERIOD,
                                                           "same_period": Trend.SAME_PERIOD_LAST_YEAR})
        elif key == "dot":
            changes[key] = ctx.choice(item, here, DotConvention, {"better-worse": DotConvention.BETTER_WORSE})
        elif key in _FLAGS:
            changes[key] = ctx.flag(item, here)
        elif key in _STATUS_KEYS:
            fraction = key in _FRACTIONS and distance is not Distance.POINTS
            changes[key] = _number(ctx, item, here, fraction=fraction)
    return {key: item for key, item in changes.items() if item is not None}


def _rule(ctx: Context, item: Any, path: str) -> SelectionRule | None:
    names = ", ".join(kind.value for kind in SelectionKind if kind is not SelectionKind.WORSENING_FOR)
    if isinstance(item, dict):
        data = ctx.mapping(item, path, [], ["worsening_for"])
        if data is None or "worsening_for" not in data:
            ctx.problem(path, "a rule with a setting is written 'worsening_for: N'")
            return None
        periods = ctx.integer(data["worsening_for"], join(path, "worsening_for"), 1, 60)
        return SelectionRule(SelectionKind.WORSENING_FOR, periods) if periods is not None else None
    word = ctx.text(item, path).strip().lower()
    if word == SelectionKind.WORSENING_FOR.value:
        ctx.problem(path, "worsening_for needs the number of periods: write 'worsening_for: 3'")
        return None
    for kind in SelectionKind:
        if kind.value == word:
            return SelectionRule(kind)
    if word:
        ctx.problem(path, f"{item!r} is not a selection rule: use {names} or 'worsening_for: N'")
    return None


def read_rules(source: Source, default_name: str = "rules") -> Rules:
    """Return the rules in a parsed rules file, or raise LoadError listing every problem."""
    ctx = Context(source)
    data = ctx.mapping(source.data, "", [], ["name", "preset", "status", "select"]) if source.data is not None else {}
    data = data or {}
    base = PRESETS[DEFAULT_PRESET]
    if data.get("preset") is not None:
        word = ctx.text(data["preset"], "preset").strip().lower()
        if word in PRESETS:
            base = PRESETS[word]
        elif word:
            ctx.problem("preset", f"{data['preset']!r} is not a preset: use {', '.join(PRESETS)}")
    changes = _status(ctx, data["status"], "status", base.status.distance) if "status" in data else {}
    select = base.select
    if "select" in data:
        items = ctx.sequence(data["select"], "select", allow_empty=True)
        rules = [_rule(ctx, item, join("select", i)) for i, item in enumerate(items)]
        select = tuple(rule for rule in rules if rule is not None)
    status = base.status
    try:
        status = dataclasses.replace(base.status, **changes)
    except ValueError as error:
        ctx.problem("status", str(error))
    name = ctx.optional_text(data, "name", "") or default_name
    ctx.raise_if_any()
    return Rules(name, status, select)


__all__ = ["load_rules", "read_rules"]
