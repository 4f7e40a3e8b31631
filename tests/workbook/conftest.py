"""Small hand-made workbooks, written with openpyxl into a temporary folder."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

Sheets = dict[str, list[list[object]]]
WriteXlsx = Callable[[Sheets], Path]

GOOD: Sheets = {
    "indicators": [
        ["id", "portfolio", "description", "polarity", "unit", "target", "target_kind", "target_text",
         "tolerance", "england", "stat_neighbours", "comparator_period", "frequency"],
        ["CS05", "Children's Services", "% of child protection plans for a second or subsequent time", "low",
         "percent", 14, None, None, None, 15.8, 12.6, "2013/14", "monthly"],
        ["CS03", None, "Number of children looked after", "Low", "count", None, "decrease", None, "5%", None,
         None, None, "quarterly"],
        ["ASC01", "Adult Social Care", "% of long-term service users with an annual review", "high", "percent",
         None, "baseline", None, None, None, None, None, None],
    ],
    "values": [
        ["indicator_id", "period", "value", "note"],
        ["CS05", "2014/15", 18.2, None],
        ["CS05", "Aug 2016", 18.4, None],
        ["CS05", "2016-09", 17.1, "provisional"],
        ["CS03", "2015/16", 469, None],
        ["CS03", "2016/17 Q1", 487, None],
        ["CS03", "Q2 2016/17", 504, None],
        [None, None, None, None],
        ["ASC01", "2015/16", 54, None],
        ["ASC01", "Q2 2016/17", None, None],
    ],
    "commentary": [
        ["indicator_id", "commentary", "notes"],
        ["CS05", "First paragraph.\n\nSecond paragraph.", "From Dec 2012 population figures were revised."],
    ],
    "settings": [
        ["key", "value"],
        ["title", "Q2 2016/17 Performance Exception Reports"],
        ["appendix", "App B – Q2 Exception Reports"],
        ["period", "Q2 2016/17"],
        ["committee", "Executive"],
        ["meeting_date", dt.datetime(2016, 12, 7)],
        ["organisation", "Blackpool Council"],
    ],
}


@pytest.fixture
def good() -> Sheets:
    """Return a fresh copy of a small valid workbook's sheets, for a test to spoil."""
    return copy.deepcopy(GOOD)


@pytest.fixture
def write_xlsx(tmp_path: Path) -> WriteXlsx:
    """Return a function that writes sheets (lists of rows, header first) as an .xlsx file."""

    def write(sheets: Sheets) -> Path:
        book = Workbook()
        assert book.active is not None
        book.remove(book.active)
        for name, rows in sheets.items():
            sheet = book.create_sheet(name)
            for row in rows:
                sheet.append(row)
        path = tmp_path / "kpis.xlsx"
        book.save(path)
        return path

    return write
