"""The settings sheet (key, value) and the commentary sheet (indicator_id, commentary, notes)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..model import Block, KpiSettings, Paragraph, ReportingPeriod
from .cells import Cells
from .periods import parse_reporting_period
from .sheet import Sheet, normalise

SETTINGS_KEYS = ("title", "appendix", "period", "committee", "meeting_date", "organisation",
                 "decimal_separator", "percent_scale", "skip_sheets", "mapping")
WIDE_ONLY = ("skip_sheets", "mapping")  # how to read a wide workbook


class PercentScale(Enum):
    """How a percentage indicator's plain figures are written: 45.1 (percent) or 0.451 (fraction)."""

    PERCENT = "percent"
    FRACTION = "fraction"


@dataclass(frozen=True, slots=True)
class Reading:
    """How the workbook's figures are to be read, as its settings declare."""

    decimal_comma: bool = False  # decimal_separator: ","
    percent_scale: PercentScale | None = None  # None: not declared (fractions are then questioned)
    skip_sheets: tuple[str, ...] = ()  # sheets of a wide workbook to leave out
    mapping: tuple[str, str] | None = None  # a mapping's YAML text, and the cell it is in
    wide_only: tuple[str, ...] = ()  # the cells of settings that apply only to a wide workbook
SETTINGS_COLUMNS = ("key", "value")
COMMENTARY_REQUIRED = ("indicator_id", "commentary")
COMMENTARY_OPTIONAL = ("notes",)
_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")


def paragraphs(text: str | None) -> tuple[Block, ...]:
    """Return text as paragraphs split at blank lines; a single newline stays a line break."""
    if not text:
        return ()
    parts = [part.strip("\n") for part in _BLANK_LINE.split(text.replace("\r\n", "\n").strip("\n"))]
    return tuple(Paragraph.plain(part) for part in parts if part.strip())


def read_settings(cells: Cells, sheet: Sheet | None) -> tuple[KpiSettings, Reading]:
    """Return the report settings and how to read figures; every key is optional."""
    if sheet is None:
        return KpiSettings(), Reading()
    found: dict[str, Any] = {}
    rows: dict[str, int] = {}
    for row in sheet.rows():
        raw = cells.text(sheet, row, "key", required=True)
        if raw is None:
            continue
        key = normalise(raw)
        if key not in SETTINGS_KEYS:
            close = difflib.get_close_matches(key, SETTINGS_KEYS, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"the keys are {', '.join(SETTINGS_KEYS)}"
            cells.problem(sheet, row, "key", f"unknown setting {raw!r}: {hint}")
            continue
        if key in rows:
            cells.problem(sheet, row, "key", f"the setting {key!r} is already given on row {rows[key]}")
            continue
        rows[key] = row
        if key == "meeting_date":
            found[key] = cells.date(sheet, row, "value")
        elif key == "decimal_separator":
            found[key] = _separator(cells, sheet, row)
        elif key == "percent_scale":
            found[key] = cells.choice(sheet, row, "value", PercentScale, required=False)
        elif key == "period":
            found[key] = _period(cells, sheet, row)
        elif key == "skip_sheets":
            text = cells.text(sheet, row, "value")
            found[key] = tuple(name.strip() for name in (text or "").split(",") if name.strip())
        elif key == "mapping":
            text = cells.text(sheet, row, "value")
            found[key] = (text, sheet.ref(row, "value")) if text else None
        else:
            found[key] = cells.text(sheet, row, "value")
    wide_only = tuple(sheet.ref(rows[key], "key") for key in WIDE_ONLY if key in rows)
    reading = Reading(found.pop("decimal_separator", None) == ",", found.pop("percent_scale", None),
                      found.pop("skip_sheets", None) or (), found.pop("mapping", None), wide_only)
    appendix = found.pop("appendix", None)
    settings = {key: value for key, value in found.items() if value is not None}
    return (KpiSettings(appendix=appendix, **settings) if appendix else KpiSettings(**settings)), reading


def _separator(cells: Cells, sheet: Sheet, row: int) -> str | None:
    text = cells.text(sheet, row, "value")
    if text is None:
        return None
    word = {"comma": ",", "point": ".", "full stop": ".", "period": ".", "dot": "."}.get(text.strip().lower(),
                                                                                         text.strip())
    if word not in (",", "."):
        cells.problem(sheet, row, "value", f"the decimal separator is ',' or '.', got {text!r}",
                      label="decimal_separator")
        return None
    return word


def _period(cells: Cells, sheet: Sheet, row: int) -> ReportingPeriod | None:
    value = sheet.get(row, "value")
    if cells.text(sheet, row, "value") is None:
        return None
    try:
        return parse_reporting_period(value)
    except ValueError as error:
        cells.problem(sheet, row, "value", str(error), label="period")
        return None


def read_commentary(
    cells: Cells, sheet: Sheet | None, ids: set[str] | None
) -> dict[str, tuple[tuple[Block, ...], tuple[Block, ...]]]:
    """Return each indicator's (commentary, notes); ``ids`` None skips the check of ids."""
    result: dict[str, tuple[tuple[Block, ...], tuple[Block, ...]]] = {}
    if sheet is None:
        return result
    rows: dict[str, int] = {}
    for row in sheet.rows():
        kpi_id = cells.text(sheet, row, "indicator_id", required=True)
        if kpi_id is None:
            continue
        if ids is not None and kpi_id not in ids:
            cells.problem(sheet, row, "indicator_id", unknown_id(kpi_id, ids))
            continue
        if kpi_id in rows:
            cells.problem(sheet, row, "indicator_id", f"{kpi_id} already has commentary on row {rows[kpi_id]}")
            continue
        rows[kpi_id] = row
        result[kpi_id] = (paragraphs(cells.text(sheet, row, "commentary")),
                          paragraphs(cells.text(sheet, row, "notes")))
    return result


def unknown_id(kpi_id: str, ids: set[str]) -> str:
    """Return the message for an id the indicators sheet does not have."""
    close = difflib.get_close_matches(kpi_id, sorted(ids), n=1, cutoff=0.6)
    hint = f": did you mean {close[0]!r}?" if close else ": add it to the indicators sheet or correct the id"
    return f"{kpi_id!r} is not an indicator in the indicators sheet{hint}"
