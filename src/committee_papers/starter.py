"""``committee-papers new-workbook``: an empty KPI workbook to start from, in a layout ``pack`` reads.

The wide layout has one sheet of indicators (one row each; its name is the portfolio), with two
heading rows (each year above its quarters), the headings the reader recognises
(``workbook.headers``), drop-down lists of the accepted polarities, units, frequencies and
RAG statuses, number formats, two filled example rows, a settings sheet and an instructions sheet
(skipped by the settings). The long layout has the indicators, values, commentary and settings
sheets. The file is written with openpyxl, atomically (``output.write_output``), and an existing
file is never replaced: it may be a filled workbook.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from .errors import CommitteePapersError
from .model import FinancialYear, Frequency, Polarity, Rag, Unit
from .output import write_output

LAST_ROW = 500  # drop-down lists and formats reach this far down
POLARITIES = tuple(p.value for p in Polarity)
UNITS = tuple(u.value for u in Unit)
FREQUENCIES = tuple(f.value for f in Frequency)
STATUSES = tuple(r.label for r in Rag)
FORMATS = {"percent": "0.0", "count": "#,##0", "money": '"£"#,##0.00'}


class StarterError(CommitteePapersError):
    """The starter workbook cannot be written where asked: the message says why."""


def _examples(year: FinancialYear) -> list[dict[str, Any]]:
    """Return the two example indicators: figures for two years back, last year and this year's Q1-Q2."""
    last, before = year.previous(), year.previous().previous()
    return [
        {"id": "CS01", "description": "Number of referrals to children's social care", "polarity": "low",
         "unit": "count", "frequency": "quarterly", "target": 2300, "status": "Red",
         "figures": {before.short: 2774, f"Q1 {last.short}": 2601, f"Q2 {last.short}": 2580,
                     f"Q3 {last.short}": 2850, f"Q4 {last.short}": 2549, last.short: 2549,
                     f"Q1 {year.short}": 2813, f"Q2 {year.short}": 3031},
         "commentary": "An example row: replace it with your own indicator.\n\nA blank line starts a new "
                       "paragraph.", "officer": "A. N. Officer"},
        {"id": "CS05", "description": "% of single assessments completed within 45 working days",
         "polarity": "high", "unit": "percent", "frequency": "quarterly", "target": 85, "status": "Green",
         "figures": {before.short: 79.5, f"Q1 {last.short}": 80.2, f"Q2 {last.short}": 81.4,
                     f"Q3 {last.short}": 82.0, f"Q4 {last.short}": 82.1, last.short: 82.1,
                     f"Q1 {year.short}": 86.4, f"Q2 {year.short}": 87.9},
         "commentary": "A second example row.", "officer": "A. N. Officer"},
    ]


def _settings(book: Any, year: FinancialYear, wide: bool) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("settings")
    rows: list[tuple[str, object]] = [
        ("key", "value"), ("title", f"Quarter 2 {year.short} Performance Exception Reports"),
        ("appendix", f"Appendix – Q2 {year.short} Exception Reports"), ("period", f"Q2 {year.short}"),
        ("committee", "Cabinet"), ("meeting_date", dt.date(year.start, 12, 7)), ("organisation", "Your Council"),
    ]
    if wide:
        rows.append(("skip_sheets", "Instructions"))
    for row in rows:
        sheet.append(list(row))
    sheet["B6"].number_format = "d mmmm yyyy"  # meeting_date
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 56


def _drop_down(sheet: Any, column: str, first: int, values: tuple[str, ...], what: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    rule = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True,
                          showErrorMessage=True, errorTitle=f"Not a {what}",
                          error=f"Choose a {what} from the list: {', '.join(values)}",
                          promptTitle=what.capitalize(), prompt=", ".join(values), showInputMessage=True)
    rule.add(f"{column}{first}:{column}{LAST_ROW}")
    sheet.add_data_validation(rule)


def _instructions(book: Any, wide: bool) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet("Instructions")
    lines = [
        "How to fill in this workbook",
        "",
        "One row per indicator on the indicator sheet; its name is the portfolio heading in the pack. "
        "Copy the sheet for each further portfolio (or add a Portfolio column)." if wide else
        "One row per indicator on the indicators sheet, and one row per figure on the values sheet.",
        "Polarity, Unit and Frequency (and RAG) have drop-down lists of the words the library accepts.",
        "Type each figure as it is to be published: 45.1 for 45.1%, with the decimal places you want shown. "
        "Leave a cell blank for a period not reported.",
        "Targets may be a figure, or words such as 'Decrease to 14%' or 'Increase on previous year'.",
        "Each year heading spans its quarters; change the years at the start of each financial year." if wide else
        "Periods are written 'Q3 2016/17', 'Sep 2016' or '2015/16' (the period column is text, so Excel keeps them).",
        "In the settings sheet, set the period reported, the title and the committee.",
        "Check the workbook with:  committee-papers check WORKBOOK.xlsx",
        "Make the pack with:  committee-papers pack WORKBOOK.xlsx -o out",
        "The two example rows show the layout: replace them with your own indicators.",
    ]
    for line in lines:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 110
    for row in sheet.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def _wide(book: Any, year: FinancialYear) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from .workbook.headers import FIELDS

    sheet = book.create_sheet("Children's Services", 0)
    last, before = year.previous(), year.previous().previous()
    fields = ["id", "description", "polarity", "unit", "frequency", "target"]
    groups: list[tuple[str, list[str]]] = [(last.short, ["Q1", "Q2", "Q3", "Q4", "Outturn"]),
                                           (year.short, ["Q1", "Q2", "Q3", "Q4"])]
    after = ["rag", "commentary", "lead_officer"]
    singles = [FIELDS[f][0] for f in fields] + [before.short]
    column = 1
    for heading in singles:
        sheet.cell(1, column, heading)
        sheet.merge_cells(start_row=1, start_column=column, end_row=2, end_column=column)
        column += 1
    periods = [before.short]
    for group, subs in groups:
        sheet.cell(1, column, group)
        sheet.merge_cells(start_row=1, start_column=column, end_row=1, end_column=column + len(subs) - 1)
        for offset, sub in enumerate(subs):
            sheet.cell(2, column + offset, sub)
            periods.append(group if sub == "Outturn" else f"{sub} {group}")
        column += len(subs)
    first_after = column
    for name in after:
        sheet.cell(1, column, FIELDS[name][0])
        sheet.merge_cells(start_row=1, start_column=column, end_row=2, end_column=column)
        column += 1
    width = column - 1
    for r in (1, 2):
        for c in range(1, width + 1):
            sheet.cell(r, c).font = Font(bold=True)
            sheet.cell(r, c).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    first_period = len(fields) + 1
    for number, example in enumerate(_examples(year), start=3):
        code = FORMATS[example["unit"]]
        for c, name in enumerate(fields, start=1):
            sheet.cell(number, c, example[name])
        for offset, period in enumerate(periods):
            figure = example["figures"].get(period)
            if figure is not None:
                sheet.cell(number, first_period + offset, figure).number_format = code
        sheet.cell(number, first_after, example["status"])
        sheet.cell(number, first_after + 1, example["commentary"]).alignment = Alignment(wrap_text=True,
                                                                                         vertical="top")
        sheet.cell(number, first_after + 2, example["officer"])
    for row in range(3, LAST_ROW + 1):
        sheet.cell(row, 1).number_format = "@"  # a reference such as 001 stays as typed
    letter = get_column_letter
    _drop_down(sheet, letter(fields.index("polarity") + 1), 3, POLARITIES, "polarity")
    _drop_down(sheet, letter(fields.index("unit") + 1), 3, UNITS, "unit")
    _drop_down(sheet, letter(fields.index("frequency") + 1), 3, FREQUENCIES, "frequency")
    _drop_down(sheet, letter(first_after), 3, STATUSES, "RAG status")
    for c in range(1, width + 1):
        sheet.column_dimensions[letter(c)].width = 10
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions[letter(first_after + 1)].width = 60
    sheet.column_dimensions[letter(first_after + 2)].width = 18
    sheet.freeze_panes = "C3"


def _long(book: Any, year: FinancialYear) -> None:
    from openpyxl.styles import Alignment, Font

    columns = ["id", "portfolio", "description", "polarity", "unit", "target", "target_kind", "target_text",
               "tolerance", "england", "stat_neighbours", "comparator_period", "frequency", "percent_scale"]
    indicators = book.create_sheet("indicators")
    indicators.append(columns)
    values = book.create_sheet("values")
    values.append(["indicator_id", "period", "value", "note"])
    commentary = book.create_sheet("commentary")
    commentary.append(["indicator_id", "commentary", "notes"])
    for example in _examples(year):
        indicators.append([example["id"], "Children's Services", example["description"], example["polarity"],
                           example["unit"], example["target"], None, None, None, None, None, None,
                           example["frequency"], None])
        for period, figure in example["figures"].items():
            values.append([example["id"], period, figure, None])
            values.cell(values.max_row, 3).number_format = FORMATS[example["unit"]]
        commentary.append([example["id"], example["commentary"], None])
    for sheet in (indicators, values, commentary):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    for row in range(2, LAST_ROW + 1):
        indicators.cell(row, 1).number_format = "@"
        indicators.cell(row, columns.index("tolerance") + 1).number_format = "0%"
        values.cell(row, 2).number_format = "@"  # 'Sep 2016' stays text: Excel would make it a date
        commentary.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    _drop_down(indicators, "D", 2, POLARITIES, "polarity")
    _drop_down(indicators, "E", 2, UNITS, "unit")
    _drop_down(indicators, "G", 2, ("value", "increase", "decrease", "baseline", "text"), "target kind")
    _drop_down(indicators, "M", 2, FREQUENCIES, "frequency")
    _drop_down(indicators, "N", 2, ("percent", "fraction"), "percent scale")
    indicators.column_dimensions["C"].width = 48
    commentary.column_dimensions["B"].width = 80


def build_starter(layout: str = "wide", year: FinancialYear | None = None) -> Any:
    """Return the starter workbook (an openpyxl Workbook) in the ``wide`` or ``long`` layout, its
    quarter columns and example figures in ``year`` (default: the current financial year)."""
    from openpyxl import Workbook

    if layout not in ("wide", "long"):
        raise StarterError(f"the layout is wide or long, not {layout!r}")
    year = year or FinancialYear.of(dt.date.today())
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    if layout == "wide":
        _wide(book, year)
    else:
        _long(book, year)
    _settings(book, year, layout == "wide")
    _instructions(book, layout == "wide")
    book.properties.creator = "committee-papers new-workbook"
    return book


def write_starter(path: str | os.PathLike[str], *, layout: str = "wide", year: str | None = None) -> None:
    """Write the starter workbook to ``path`` (an .xlsx name that does not exist yet), atomically.

    ``year`` is a financial year such as ``2016/17``. Raise StarterError (exit 1) for a name
    that is not .xlsx, a file already there, or a year that is not one; OutputError when the
    file cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise StarterError(f"{target}: a workbook's name ends in .xlsx: name it e.g. {target.stem or 'kpis'}.xlsx")
    if target.exists() or target.is_symlink():
        raise StarterError(f"{target} already exists, and may hold your figures: give a new name, or move it away")
    try:
        chosen = FinancialYear.parse(year) if year is not None else None
    except ValueError as error:
        raise StarterError(f"--year: {error}") from None
    book = build_starter(layout, chosen)
    write_output(target, book.save)


__all__ = ["FORMATS", "FREQUENCIES", "POLARITIES", "STATUSES", "UNITS", "StarterError", "build_starter",
           "write_starter"]
