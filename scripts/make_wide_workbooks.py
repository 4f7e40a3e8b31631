"""Write the wide sample workbooks from the fixed figures in wide_sample_data.py.

    python scripts/make_wide_workbooks.py [-o samples]

- ``kpis-wide.xlsx``: one sheet per portfolio (Adult Services, Children's Services, Place), one row
  per indicator, two heading rows (each year above its quarters, merged cells), a RAG column and
  the commentary in the row, each sheet with its own headings; a settings sheet and a notes sheet
  (skipped). It reads without a mapping file.
- ``kpis-unusual.xlsx`` and ``mappings/kpis-unusual.yaml``: the same indicators on one sheet under
  headings of its own ("KPI code", "What we measure", "Apr-Jun 16", ...), read with the mapping.

``build_long()`` makes the equivalent long-form workbook (indicators and values sheets), which the
tests pack beside these to compare the pages. The output is the same, byte for byte, every time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_kpis_workbook import FIXED, _fixed_bytes
from wide_sample_data import NOTES, PERIODS, SETTINGS, SHEETS, Row

ROOT = Path(__file__).resolve().parents[1]
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
FORMATS = {"money": '"£"#,##0.00', "count": "#,##0", "one": "0.0", "whole": "0"}
# Each portfolio's sheet words its headings, polarity, status and percentages its own way.
STYLES: dict[str, dict[str, object]] = {
    "Adult Services": {"id": "Ref", "description": "Indicator", "polarity": "Good is", "unit": None,
                       "first": "2014/15", "target": "Target 2016/17", "rag": "RAG", "commentary": "Commentary",
                       "officer": "Lead officer", "percent": "0.0%", "years": "merged",
                       "polarity_words": {"high": "Higher", "low": "Lower"},
                       "rag_words": {"Red": "Red", "Amber": "Amber", "Green": "Green", "Blue": "Blue"}},
    "Children's Services": {"id": "PI Ref", "description": "Measure", "polarity": "Better to be?", "unit": "Unit",
                            "first": "2014/15", "target": "Target", "rag": "Status", "commentary": "Comments",
                            "officer": "Lead officer", "percent": "0.0", "years": "merged",
                            "polarity_words": {"high": "High", "low": "Low"},
                            "rag_words": {"Red": "R", "Amber": "A", "Green": "G", "Blue": "B"}},
    "Place": {"id": "Ref", "description": "Description", "polarity": "Smaller is better", "unit": None,
              "first": "2014/15 Outturn", "target": "Target 2016/17", "rag": "RAG", "commentary": "Commentary",
              "officer": "Responsible officer", "percent": '0.0"%"', "years": "above",
              "polarity_words": {"high": "No", "low": "Yes"},
              "rag_words": {"Red": "(RED)", "Amber": "(AMBER)", "Green": "(GREEN)", "Blue": "Data only"}},
}


def number_format(row: Row, percent: str) -> str:
    """Return the format a row's figures are shown with in a sheet whose percentages use ``percent``."""
    return percent if row.shown == "percent" else FORMATS[row.shown]


def stored(value: object, code: str) -> object:
    """Return what a cell stores to show ``value`` with the format ``code`` (a real percent format
    stores the fraction)."""
    if isinstance(value, (int, float)) and code.endswith("%") and not code.endswith('"%"'):
        return round(value / 100, 8)
    return value


def target_format(row: Row) -> str:
    """Return the format of a row's target: money with its pence, anything else as typed."""
    return FORMATS["money"] if row.shown == "money" else "General"


def conveyed_unit(row: Row, sheet_has_unit: bool) -> str:
    """Return the unit a wide sheet conveys for a row: its Unit cell, else what its format shows."""
    if sheet_has_unit:
        return row.unit
    return {"percent": "percent", "money": "money"}.get(row.shown, "number")


def _settings(book: Workbook, extra: Sequence[tuple[str, object]] = ()) -> None:
    sheet = book.create_sheet("settings")
    sheet.append(["key", "value"])
    for key, value in [*SETTINGS, *extra]:
        sheet.append([key, dt.date.fromisoformat(str(value)) if key == "meeting_date" else value])
        if key == "meeting_date":
            sheet.cell(sheet.max_row, 2).number_format = "d mmmm yyyy"
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 60


def _portfolio_sheet(book: Workbook, name: str, rows: list[Row]) -> None:
    style = STYLES[name]
    sheet: Worksheet = book.create_sheet(name)
    fields = [style["id"], style["description"], style["polarity"], *([style["unit"]] if style["unit"] else [])]
    first_period = len(fields) + 1
    after = [style["target"], style["rag"], style["commentary"], style["officer"]]
    # Row 1: a title over the table; row 2 blank; rows 3 and 4: the headings.
    sheet.cell(1, 1, f"{name} – key performance indicators, Quarter 3 2016/17").font = Font(bold=True, size=14)
    quarters = ["Q1", "Q2", "Q3", "Q4"]
    groups = [("2015/16", [*quarters, "Outturn"]), ("2016/17", quarters)]
    width = len(fields) + 1 + sum(len(g[1]) for g in groups) + len(after)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    top, low = (3, 4)
    singles = [*fields, style["first"]]
    column = 1
    for heading in singles:
        if style["years"] == "merged":
            sheet.cell(top, column, heading)
            sheet.merge_cells(start_row=top, start_column=column, end_row=low, end_column=column)
        else:
            sheet.cell(low, column, heading)
        column += 1
    for year, subs in groups:
        sheet.cell(top, column, year)
        if style["years"] == "merged":
            sheet.merge_cells(start_row=top, start_column=column, end_row=top, end_column=column + len(subs) - 1)
        for offset, sub in enumerate(subs):
            sheet.cell(low, column + offset, sub)
        column += len(subs)
    for heading in after:
        if style["years"] == "merged":
            sheet.cell(top, column, heading)
            sheet.merge_cells(start_row=top, start_column=column, end_row=low, end_column=column)
        else:
            sheet.cell(low, column, heading)
        column += 1
    for r in (top, low):
        for c in range(1, width + 1):
            sheet.cell(r, c).font = BOLD
            sheet.cell(r, c).alignment = CENTRE
    order = [*PERIODS, "Q4 2016/17"]  # the columns' periods, left to right
    for number, row in enumerate(rows, start=low + 1):
        code = number_format(row, str(style["percent"]))
        values: list[object] = [row.id, row.description, style["polarity_words"][row.polarity],  # type: ignore[index]
                                *([row.unit] if style["unit"] else [])]
        figures = row.by_period
        periods = [figures.get(p) for p in order]
        rag = style["rag_words"][row.rag]  # type: ignore[index]
        for c, value in enumerate([*values, *periods, None, rag, row.commentary, row.officer], start=1):
            sheet.cell(number, c, value)
        for offset, value in enumerate(periods):
            cell = sheet.cell(number, first_period + offset, stored(value, code))
            cell.number_format = code
        target = sheet.cell(number, first_period + len(periods), row.target)
        target.number_format = target_format(row)
        sheet.cell(number, width - 1).alignment = WRAP
    for c in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(c)].width = 9
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions[get_column_letter(width - 1)].width = 60
    sheet.column_dimensions[get_column_letter(width)].width = 16
    sheet.freeze_panes = sheet.cell(low + 1, 3)


def build_wide() -> Workbook:
    """Return the wide sample workbook: a sheet per portfolio, settings, and notes (skipped)."""
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    for name, rows in SHEETS.items():
        _portfolio_sheet(book, name, rows)
    _settings(book, [("skip_sheets", "Notes")])
    notes = book.create_sheet("Notes")
    for line in NOTES:
        notes.append([line])
    book.properties.creator = "scripts/make_wide_workbooks.py"
    book.properties.created = FIXED
    return book


UNUSUAL_PERIODS = {"2014-15 actual": "2014/15", "Apr-Jun 15": "Q1 2015/16", "Jul-Sep 15": "Q2 2015/16",
                   "Oct-Dec 15": "Q3 2015/16", "Jan-Mar 16": "Q4 2015/16", "2015-16 actual": "2015/16",
                   "Apr-Jun 16": "Q1 2016/17", "Jul-Sep 16": "Q2 2016/17", "Oct-Dec 16": "Q3 2016/17",
                   "Jan-Mar 17": "Q4 2016/17"}
UNUSUAL_COLUMNS = {"KPI code": "id", "Service area": "portfolio", "What we measure": "description",
                   "Aim": "polarity", "Measure type": "unit", "Goal": "target", "Rating": "rag",
                   "Update": "commentary", "Owner": "lead_officer", "Forecast": "ignore"}
UNUSUAL_UNITS = {"percent": "%", "count": "No.", "money": "£", "rate": "Rate", "days": "Days", "number": "Number"}


def mapping_text() -> str:
    """Return the mapping file that reads kpis-unusual.xlsx."""
    lines = ["# How to read samples/kpis-unusual.xlsx, whose headings are its own:", "#   committee-papers pack "
             "samples/kpis-unusual.xlsx --mapping samples/mappings/kpis-unusual.yaml -o out", "columns:"]
    lines += [f"  {heading}: {field}" for heading, field in UNUSUAL_COLUMNS.items()]
    lines += ["periods:"] + [f"  {heading}: {period}" for heading, period in UNUSUAL_PERIODS.items()]
    return "\n".join(lines) + "\n"


def build_unusual() -> Workbook:
    """Return the same indicators on one sheet, under headings the library does not know."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "KPI tracker"
    sheet.append(["KPI tracker – all services"])
    columns = list(UNUSUAL_COLUMNS)
    header = [*columns[:5], *UNUSUAL_PERIODS, *columns[5:]]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = BOLD
    for portfolio, rows in SHEETS.items():
        for row in rows:
            code = number_format(row, "0.0")
            figures = row.by_period
            periods = [figures.get(p) for p in UNUSUAL_PERIODS.values()]
            forecast = periods[-2] if periods[-2] is not None else None
            sheet.append([row.id, portfolio, row.description, {"high": "Up", "low": "Down"}[row.polarity],
                          UNUSUAL_UNITS[row.unit], *periods, row.target, row.rag, row.commentary, row.officer,
                          forecast])
            for offset in range(len(periods)):
                sheet.cell(sheet.max_row, 6 + offset).number_format = code
            sheet.cell(sheet.max_row, 6 + len(periods)).number_format = target_format(row)
    _settings(book)
    book.properties.creator = "scripts/make_wide_workbooks.py"
    book.properties.created = FIXED
    return book


def build_long(units: str = "conveyed") -> Workbook:
    """Return the long-form workbook with the same indicators, figures (shown alike) and settings.

    ``units="conveyed"`` gives each indicator the unit the wide sample conveys (its Unit cell, or
    what its format shows); ``"own"`` the unit the unusual workbook names.
    """
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    indicators = book.create_sheet("indicators")
    indicators.append(["id", "portfolio", "description", "polarity", "unit", "target"])
    values = book.create_sheet("values")
    values.append(["indicator_id", "period", "value"])
    commentary = book.create_sheet("commentary")
    commentary.append(["indicator_id", "commentary"])
    for portfolio, rows in SHEETS.items():
        has_unit = STYLES[portfolio]["unit"] is not None
        for row in rows:
            unit = row.unit if units == "own" else conveyed_unit(row, has_unit)
            indicators.append([row.id, portfolio, row.description, row.polarity, unit, row.target])
            code = number_format(row, "0.0")
            indicators.cell(indicators.max_row, 6).number_format = target_format(row)
            for period, figure in row.by_period.items():
                values.append([row.id, period, figure])
                values.cell(values.max_row, 3).number_format = code
            commentary.append([row.id, row.commentary])
    _settings(book)
    book.properties.created = FIXED
    return book


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "samples", help="the folder to write into")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "kpis-wide.xlsx").write_bytes(_fixed_bytes(build_wide()))
    (args.output / "kpis-unusual.xlsx").write_bytes(_fixed_bytes(build_unusual()))
    (args.output / "mappings").mkdir(exist_ok=True)
    (args.output / "mappings" / "kpis-unusual.yaml").write_text(mapping_text(), encoding="utf-8")
    count = sum(len(rows) for rows in SHEETS.values())
    print(f"wrote {args.output}/kpis-wide.xlsx, kpis-unusual.xlsx and mappings/kpis-unusual.yaml: {count} indicators "
          f"in {len(SHEETS)} portfolios")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
