"""Every figure of a wide workbook is read by the rules of the figures issue: as Excel shows it
(formats, places, currency), unsaved formulas, merged ranges, dates, fractions and decimal commas
stopped with the cell named; the figure published is the one the officer meant, read back from
the rendered .docx and PDF. Expected figures are worked out by hand from each cell and format."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from committee_papers.loaders import LoadError
from committee_papers.model import Unit
from committee_papers.pack import build_pack
from committee_papers.pack.render import render_pack
from committee_papers.workbook import read_workbook

from ..reliability.readback import read_docx, read_pdf
from .widebook import write_wide

HEAD = ["Ref", "Indicator", "Good is", "Unit", "2015/16", "Q1 2016/17", "Q2 2016/17", "Target"]
BASE = [HEAD,
        ["P1", "Percentage of reviews completed", "Higher", "percent", 50, 48.2, 45.1, 60],
        ["M1", "Average cost of a placement", "Lower", "money", 3.5, 3.9, 4.25, 3]]
SETTINGS = [["period", "Q2 2016/17"]]


def rows() -> list[list[Any]]:
    return copy.deepcopy(BASE)


def _write(tmp_path: Path, data: list[list[Any]], formats: dict[str, str] | None = None,
           merges: tuple[str, ...] = (), settings: list[list[Any]] | None = None) -> Path:
    return write_wide(tmp_path / "wide.xlsx", {"Services": data},
                      formats={("Services", cell): code for cell, code in (formats or {}).items()},
                      merges={"Services": merges}, settings=settings or SETTINGS)


def _problems(path: Path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        read_workbook(path)
    return [str(p) for p in caught.value.problems]


def _published(path: Path) -> tuple[str, str]:
    """Return the pack's .docx and PDF table text (every exception page's figures)."""
    pack = build_pack(read_workbook(path), "havering")
    pdf, word = io.BytesIO(), io.BytesIO()
    render_pack(pack, pdf=pdf, docx=word)
    docx_cells = "\n".join(read_docx(word.getvalue()).cells)
    pdf_cells = "\n".join(c for page in read_pdf(pdf.getvalue()).cells for c in page)
    return docx_cells, pdf_cells


def _figure(path: Path, kpi_id: str, period: str) -> str:
    kpi = read_workbook(path).kpi(kpi_id)
    return next(str(o.value.value) for o in kpi.series if o.period.label == period)


@pytest.mark.parametrize(("stored", "code", "unit", "shown"), [
    (0.451, "0.0%", None, "45.1%"),  # a real percent format: the cell holds the fraction
    (45.1, '0.0"%"', None, "45.1%"),  # a literal percent sign: no scaling
    (45.1, "0.0\\%", None, "45.1%"),
    (45.14, "0.0", "percent", "45.1%"),  # the places shown are the places published
    (45, "0.00", "percent", "45.00%"),
])
def test_percent_formats_are_read_as_excel_shows_them(tmp_path: Path, stored: float, code: str, unit: str | None,
                                                      shown: str) -> None:
    data = rows()
    data[1][6] = stored
    data[1][3] = unit  # no unit: the percent sign the cell is shown with makes it a percentage
    if unit is None:
        for column in (4, 5):
            data[1][column] = data[1][column] / 100 if code == "0.0%" else data[1][column]
    formats = {"G2": code, **({"E2": code, "F2": code} if unit is None else {})}
    path = _write(tmp_path, data, formats)
    kpi = read_workbook(path).kpi("P1")
    assert kpi.unit is Unit.PERCENT
    docx_text, pdf_text = _published(path)
    assert shown in docx_text and shown in pdf_text


def test_currency_keeps_the_pence_it_shows(tmp_path: Path) -> None:
    data = rows()
    data[2][6] = 4.1
    path = _write(tmp_path, data, {"G3": '"£"#,##0.00'})
    docx_text, pdf_text = _published(path)
    assert "£4.10" in docx_text and "£4.10" in pdf_text


def test_general_numbers_are_read_to_excels_fifteen_digits(tmp_path: Path) -> None:
    data = rows()
    data[2][6] = 0.1 + 0.2  # 0.30000000000000004, shown by Excel as 0.3
    assert _figure(_write(tmp_path, data), "M1", "Q2 2016/17") == "0.3"


def test_a_formula_without_its_result_is_a_located_error(tmp_path: Path) -> None:
    data = rows()
    data[1][6] = "=ROUND(45.14,1)"
    assert _problems(_write(tmp_path, data)) == [
        "Services!G2 (Q2 2016/17): the cell holds a formula ('=ROUND(45.14,1)') whose result was never saved (the "
        "workbook was written by a program, not by Excel): open it in Excel or LibreOffice and save it, so the "
        "result is stored"]


def test_figures_merged_over_two_rows_are_a_located_error(tmp_path: Path) -> None:
    path = _write(tmp_path, rows(), merges=("G2:G3",))
    problems = _problems(path)
    assert problems[0].startswith("Services!G2 (Q2 2016/17): the cell is part of the merged range G2:G3")
    assert any(p.startswith("Services!G3 (Q2 2016/17): the cell is part of the merged range G2:G3") for p in problems)


def test_fractions_of_a_percentage_stop_the_run_unless_declared(tmp_path: Path) -> None:
    data = rows()
    data[1][4:7] = [0.5, 0.482, 0.451]
    problems = _problems(_write(tmp_path, data))
    assert len(problems) == 1
    assert problems[0].startswith("Services!E2 (2015/16): P1 Percentage of reviews completed: its figures (0.5, "
                                  "0.482, 0.451) all lie between 0 and 1 but its target is 60: they look like "
                                  "fractions")
    declared = _write(tmp_path, data, settings=[*SETTINGS, ["percent_scale", "fraction"]])
    assert _figure(declared, "P1", "Q2 2016/17") == "45.1"  # 0.451 is 45.1 per cent
    assert "45.1%" in _published(declared)[0]


def test_a_decimal_comma_only_when_declared(tmp_path: Path) -> None:
    data = rows()
    data[1][6] = "45,1"
    assert _problems(_write(tmp_path, data)) == [
        "Services!G2 (Q2 2016/17): '45,1' looks like a decimal comma: write '45.1', or declare the decimal comma "
        "(the setting decimal_separator: ',')"]
    declared = _write(tmp_path, data, settings=[*SETTINGS, ["decimal_separator", ","]])
    assert _figure(declared, "P1", "Q2 2016/17") == "45.1"


@pytest.mark.parametrize(("value", "message"), [
    (dt.datetime(2016, 9, 30), "expected a number, got the date 30/09/2016"),
    ("n/a", "expected a number, got 'n/a': leave the cell blank for a period not reported"),
    ("1e3", "'1e3' is in scientific notation: write the figure out in full"),
    ("81,9%", "'81,9%' looks like a decimal comma"),
])
def test_what_is_no_figure_is_a_located_error(tmp_path: Path, value: Any, message: str) -> None:
    data = rows()
    data[1][6] = value
    problems = _problems(_write(tmp_path, data))
    assert len(problems) == 1 and problems[0].startswith(f"Services!G2 (Q2 2016/17): {message}"), problems


def test_a_literal_percent_sign_on_a_count_is_an_error(tmp_path: Path) -> None:
    data = rows()
    data[2][3] = "count"
    assert _problems(_write(tmp_path, data, {"G3": '0"%"'})) == [
        "Services!G3 (Q2 2016/17): the figure is formatted as a percentage but the indicator's unit is count: "
        "correct the indicator's unit, or the cell"]


def test_a_percent_format_on_money_is_an_error(tmp_path: Path) -> None:
    data = rows()
    data[2][6] = 0.0425
    assert _problems(_write(tmp_path, data, {"G3": "0.00%"})) == [
        "Services!G3 (Q2 2016/17): the figure is formatted as a percentage but the indicator's unit is money: "
        "correct the indicator's unit, or the cell"]


def test_a_figure_after_the_period_reported_is_an_error(tmp_path: Path) -> None:
    data = [[*HEAD[:7], "Q3 2016/17", "Target"], [*BASE[1][:7], 44.0, 60], [*BASE[2][:7], None, 3]]
    assert _problems(_write(tmp_path, data)) == [
        "Services!H2 (Q3 2016/17): Q3 2016/17 is after the period reported, Q2 2016/17: clear the cell, or change "
        "the period in the settings sheet"]


def test_an_indicator_keeps_to_one_frequency(tmp_path: Path) -> None:
    data = [[*HEAD[:7], "Sep 2016", "Target"], [*BASE[1][:7], 44.0, 60], [*BASE[2][:7], None, 3]]
    assert _problems(_write(tmp_path, data)) == [
        "Services!H2 (Sep 2016): Sept 2016 is a month, but the row has quarters (Services!F2): an indicator is "
        "reported at one frequency; give its figures all by month or all by quarter"]


def test_a_row_shown_in_percent_and_pounds_needs_its_unit(tmp_path: Path) -> None:
    data = [[h for h in HEAD if h != "Unit"], ["X1", "Mixed", "Higher", 5, 6, 7, 8]]
    problems = _problems(_write(tmp_path, data, {"D2": "0%", "E2": '"£"0.00'}))
    assert problems == ["Services!A2 (Ref): some figures of the row are shown as percentages (Services!D2) and some "
                        "as money (Services!E2): give the row its unit in a Unit column, or correct the cells' "
                        "formats"]


def test_a_folder_of_csv_files_in_the_wide_layout(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    with (folder / "Services.csv").open("w", newline="", encoding="utf-8") as file:
        csv.writer(file, delimiter=";").writerows([["Services – KPIs"], [], HEAD, BASE[1], BASE[2]])
    with (folder / "settings.csv").open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([["key", "value"], *SETTINGS])
    data = read_workbook(folder)
    assert [k.id for k in data.kpis] == ["P1", "M1"] and data.kpis[0].portfolio == "Services"
    assert [str(o.value.value) for o in data.kpi("M1").series] == ["3.5", "3.9", "4.25"]
    assert data.layout.startswith("wide: one row per indicator, 2 indicators on 1 sheet")


def test_a_number_rows_figure_shown_as_a_percentage_is_an_error(tmp_path: Path) -> None:
    """The row says its unit is number, so it prints bare figures: 0.4 shown as 40% would be
    printed 0.4 (or 40) without its sign; the cell is named instead."""
    data = [HEAD, ["N1", "Reviews", "Higher", "number", 50, 48.2, 0.4, 60], BASE[2]]
    assert _problems(_write(tmp_path, data, {"G2": "0%"})) == [
        "Services!G2 (Q2 2016/17): the figure is formatted as a percentage but the indicator's unit is number: "
        "correct the indicator's unit, or the cell"]
