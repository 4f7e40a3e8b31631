"""Reading a KPI workbook from .xlsx, a folder of CSV files, or DataFrames: the same data."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

import committee_papers as cp
from committee_papers.model import (
    FinancialYear,
    FiscalPeriod,
    Frequency,
    Number,
    Paragraph,
    Polarity,
    ReportingPeriod,
    Target,
    TargetKind,
    Unit,
)
from committee_papers.workbook import from_dataframes, read_workbook

FY16 = FinancialYear(2016)
Sheets = dict[str, list[list[object]]]
WriteXlsx = Callable[[Sheets], Path]


def _series(data: cp.KpiData, kpi_id: str) -> list[tuple[str, str]]:
    return [(o.period.label, str(o.value.value)) for o in data.kpi(kpi_id).series]


def test_xlsx_gives_typed_indicators_in_workbook_order(write_xlsx: WriteXlsx, good: Sheets) -> None:
    data = read_workbook(write_xlsx(good))
    assert [k.id for k in data.kpis] == ["CS05", "CS03", "ASC01"]
    assert data.portfolios == ("Children's Services", "Adult Social Care")
    cp05 = data.kpi("CS05")
    assert cp05.polarity is Polarity.LOW and cp05.unit is Unit.PERCENT
    assert cp05.target == Target(TargetKind.VALUE, Number(Decimal(14), Unit.PERCENT))
    assert cp05.england == Number(Decimal("15.8"), Unit.PERCENT)
    assert cp05.stat_neighbours == Number(Decimal("12.6"), Unit.PERCENT)
    assert cp05.comparator_period == "2013/14"
    assert cp05.frequency is Frequency.MONTHLY
    assert _series(data, "CS05") == [("2014/15", "18.2"), ("Aug 2016", "18.4"), ("Sept 2016", "17.1")]
    assert cp05.series[-1].note == "provisional"
    assert cp05.commentary == (Paragraph.plain("First paragraph."), Paragraph.plain("Second paragraph."))
    assert cp05.notes == (Paragraph.plain("From Dec 2012 population figures were revised."),)


def test_blank_portfolio_is_the_one_above_and_words_are_case_insensitive(write_xlsx: WriteXlsx,
                                                                          good: Sheets) -> None:
    data = read_workbook(write_xlsx(good))
    lac = data.kpi("CS03")
    assert lac.portfolio == "Children's Services"
    assert lac.polarity is Polarity.LOW  # written "Low"
    assert lac.target == Target(TargetKind.DECREASE)
    assert lac.target is not None and lac.target.wording == "Decrease on previous year"
    assert lac.tolerance == Decimal("0.05")  # written "5%"
    assert _series(data, "CS03") == [("2015/16", "469"), ("Q1 2016/17", "487"), ("Q2 2016/17", "504")]


def test_blank_values_are_periods_not_reported(write_xlsx: WriteXlsx, good: Sheets) -> None:
    data = read_workbook(write_xlsx(good))
    assert _series(data, "ASC01") == [("2015/16", "54")]
    assert data.kpi("ASC01").target == Target(TargetKind.BASELINE)
    assert data.kpi("ASC01").cadence is Frequency.ANNUAL  # no frequency and only an outturn


def test_settings_sheet_gives_the_report_settings(write_xlsx: WriteXlsx, good: Sheets) -> None:
    settings = read_workbook(write_xlsx(good)).settings
    assert settings.title == "Q2 2016/17 Performance Exception Reports"
    assert settings.appendix == "App B – Q2 Exception Reports"
    assert settings.period == ReportingPeriod(FY16, 2)
    assert settings.committee == "Executive"
    assert settings.meeting_date == dt.date(2016, 12, 7)
    assert settings.organisation == "Blackpool Council"


def test_without_settings_the_period_is_that_of_the_latest_figure(write_xlsx: WriteXlsx, good: Sheets) -> None:
    del good["settings"], good["commentary"]
    data = read_workbook(write_xlsx(good))
    assert data.settings == cp.KpiSettings()
    assert data.reporting_period == ReportingPeriod(FY16, 2)  # Sept 2016 and Q2 2016/17


def test_percent_formatted_cells_are_read_as_excel_shows_them(tmp_path: Path) -> None:
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    indicators = book.create_sheet("Indicators")  # sheet names and headings in any case
    indicators.append(["ID", "Portfolio", "Description", "Polarity", "Unit", "Target", "Tolerance"])
    indicators.append(["P1", "Health", "Completions", "high", "%", 0.55, 0.1])
    values = book.create_sheet("VALUES")
    values.append(["Indicator ID", "Period", "Value"])
    values.append(["P1", dt.datetime(2016, 9, 1), 0.171])  # Excel made a date of "Sep 2016"
    for cell in ("F2", "G2"):
        indicators[cell].number_format = "0%"
    values["C2"].number_format = "0.0%"
    book.save(tmp_path / "book.xlsx")
    kpi = read_workbook(tmp_path / "book.xlsx").kpi("P1")
    assert kpi.unit is Unit.PERCENT
    assert kpi.target == Target(TargetKind.VALUE, Number(Decimal(55), Unit.PERCENT))
    assert kpi.tolerance == Decimal("0.1")  # 10% is the fraction 0.1
    assert kpi.series[0].period == FiscalPeriod.month(2016, 9)
    assert str(kpi.series[0].value.value) == "17.1"


def _write_csv_folder(folder: Path, sheets: Sheets) -> None:
    folder.mkdir()
    for name, rows in sheets.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            for row in rows:
                writer.writerow(["" if v is None else v.strftime("%Y-%m-%d") if isinstance(v, dt.datetime) else v
                                 for v in row])


def test_a_folder_of_csv_files_reads_the_same(write_xlsx: WriteXlsx, good: Sheets, tmp_path: Path) -> None:
    _write_csv_folder(tmp_path / "csv", good)
    assert read_workbook(tmp_path / "csv") == read_workbook(write_xlsx(good))


def test_csv_keeps_the_precision_written(tmp_path: Path, good: Sheets) -> None:
    good["values"][1][2] = "44.60"
    _write_csv_folder(tmp_path / "csv", good)
    assert read_workbook(tmp_path / "csv").kpi("CS05").series[0].value.places == 2


def _frames(sheets: Sheets) -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame(rows[1:], columns=rows[0]) for name, rows in sheets.items()}


def test_dataframes_read_the_same(write_xlsx: WriteXlsx, good: Sheets) -> None:
    frames = _frames(good)
    data = from_dataframes(frames["indicators"], frames["values"], frames["commentary"], frames["settings"])
    assert data == read_workbook(write_xlsx(good))
    assert cp.from_dataframes(frames["indicators"], frames["values"], frames["commentary"],
                              frames["settings"]) == data


def test_dataframes_with_numpy_columns_and_nan(good: Sheets) -> None:
    frames = _frames(good)
    values = frames["values"].dropna(subset=["value"])
    values = values.assign(value=values["value"].astype("float64"))
    data = from_dataframes(frames["indicators"], values)
    assert _series(data, "CS03") == [("2015/16", "469"), ("Q1 2016/17", "487"), ("Q2 2016/17", "504")]


def test_importing_the_package_does_not_import_pandas_or_openpyxl() -> None:
    code = ("import sys, committee_papers, committee_papers.workbook, committee_papers.pack; "
            "print(sorted(m for m in ('pandas', 'openpyxl', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
