"""Bad workbooks: every problem named by sheet, spreadsheet row and column, all at once."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from committee_papers.loaders import LoadError, Problem
from committee_papers.workbook import from_dataframes, read_workbook

Sheets = dict[str, list[list[object]]]
WriteXlsx = Callable[[Sheets], Path]


def _problems(path: Path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        read_workbook(path)
    assert all(isinstance(p, Problem) for p in caught.value.problems)
    return [str(p) for p in caught.value.problems]


def _only(path: Path) -> str:
    problems = _problems(path)
    assert len(problems) == 1, problems
    return problems[0]


def test_missing_sheet(write_xlsx: WriteXlsx, good: Sheets) -> None:
    del good["values"]
    assert _only(write_xlsx(good)) == (
        "values: the workbook has no sheet named 'values' (its sheets are 'indicators', 'commentary', "
        "'settings'): add it, or rename the sheet")


def test_missing_column(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"] = [row[:2] + row[3:] for row in good["values"]]  # drop the value column
    assert _only(write_xlsx(good)) == (
        "values!1:1 (value): the required column 'value' is missing from the header row "
        "(the columns found are: indicator_id, period, note)")


def test_misspelt_optional_column(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["indicators"][0][8] = "tolerence"
    assert _only(write_xlsx(good)) == "indicators!I1 (tolerence): unknown column 'tolerence': did you mean 'tolerance'?"


def test_unparseable_period(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"][3][1] = "Q5 2016/17"
    assert _only(write_xlsx(good)) == (
        "values!B4 (period): cannot read 'Q5 2016/17' as a period: write a quarter such as 'Q3 2016/17', "
        "a month such as 'Sep 2016' or '2016-09', or a year such as '2015/16'")


def test_financial_year_that_does_not_follow(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"][1][1] = "2014/16"
    assert _only(write_xlsx(good)) == "values!B2 (period): '2014/16' is not a financial year: 16 does not follow 2014"


def test_text_in_a_number_column_names_the_cell_as_excel_does(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"] += [["ASC01", f"Q{q} 2015/16", 50 + q] for q in range(1, 5)]  # rows 11-14
    good["values"][13][2] = "n/a"
    assert _only(write_xlsx(good)) == (
        "values!C14 (value): expected a number, got 'n/a': leave the cell blank for a period not reported")


def test_a_target_in_words_in_the_target_column_is_read_for_what_it_states(write_xlsx: WriteXlsx,
                                                                           good: Sheets) -> None:
    from committee_papers.model import Number, TargetComparison, TargetKind, Unit

    good["indicators"][1][5] = "Increase on previous year"
    good["indicators"][3][5] = "At least 90%"
    good["indicators"][3][6] = None
    data = read_workbook(write_xlsx(good))
    rule, threshold = data.kpi("CS05").target, data.kpi("ASC01").target
    assert rule is not None and (rule.kind, rule.wording) == (TargetKind.INCREASE, "Increase on previous year")
    assert threshold is not None and (threshold.kind, threshold.value, threshold.comparison, threshold.wording) == (
        TargetKind.VALUE, Number(Decimal(90), Unit.PERCENT), TargetComparison.AT_LEAST, "At least 90%")
    good["indicators"][1][5] = "4O%"  # starts as a figure, so it must be one
    assert _only(write_xlsx(good)).startswith("indicators!F2 (target): expected a number, got '4O%'")


def test_unknown_indicator_id(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"][4][0] = "CS003"
    assert _only(write_xlsx(good)) == (
        "values!A5 (indicator_id): 'CS003' is not an indicator in the indicators sheet: did you mean 'CS03'?")


def test_unknown_indicator_id_in_commentary(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["commentary"][1][0] = "ZZZ"
    assert _only(write_xlsx(good)) == (
        "commentary!A2 (indicator_id): 'ZZZ' is not an indicator in the indicators sheet: add it to the "
        "indicators sheet or correct the id")


def test_duplicate_indicator_id(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["indicators"].append(["CS05", "Children's Services", "Another", "low", "percent", 10])
    assert _only(write_xlsx(good)) == "indicators!A5 (id): the id 'CS05' is already used on row 2"


def test_duplicate_value_for_a_period(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"][6][1] = "2016/17 Q1"  # the same quarter as row 6, written the other way round
    assert _only(write_xlsx(good)) == "values!B7 (period): CS03 already has a figure for Q1 2016/17 on row 6"


def test_figure_after_the_period_reported(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"].append(["CS03", "Q3 2016/17", 501])
    assert _only(write_xlsx(good)) == (
        "values!B11 (period): Q3 2016/17 is after the period reported, Q2 2016/17: remove the row or change "
        "the period in the settings sheet")


def test_month_for_a_quarterly_indicator(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"][5][1] = "Jun 2016"
    assert _only(write_xlsx(good)) == (
        "values!B6 (period): Jun 2016 is a month but CS03 is reported quarterly (indicators row 3)")


def test_bad_choice_fraction_and_target_kind(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["indicators"][1][3] = "up"
    good["indicators"][1][8] = 10
    good["indicators"][2][6] = "value"
    assert _problems(write_xlsx(good)) == [
        "indicators!D2 (polarity): 'up' is not one of: high, low, none",
        "indicators!I2 (tolerance): expected a fraction such as 0.1 or 10%, got 10",
        "indicators!F3 (target): the target_kind is value but the target is blank: give the figure",
    ]


def test_bad_settings(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["settings"][3][1] = "Sep 2016"
    good["settings"][5][1] = "next Tuesday"
    good["settings"].append(["comittee", "Scrutiny"])
    assert _problems(write_xlsx(good)) == [
        "settings!B4 (period): the period reported is a quarter such as 'Q3 2016/17' or a year, not a month "
        "('Sep 2016')",
        "settings!B6 (value): expected a date such as 15 March 2017 or 2017-03-15, got 'next Tuesday'",
        "settings!A8 (key): unknown setting 'comittee': did you mean 'committee'?",
    ]


def test_every_problem_is_reported_at_once(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["values"][1][2] = "tbc"
    good["values"][2][1] = "Autumn"
    good["values"][9][0] = "ASC99"
    with pytest.raises(LoadError) as caught:
        read_workbook(write_xlsx(good))
    assert [p.path for p in caught.value.problems] == ["values!C2", "values!B3", "values!A10"]
    assert str(caught.value).splitlines()[0].endswith("kpis.xlsx: 3 problems")


def test_dataframe_rows_are_numbered_as_in_a_sheet() -> None:
    indicators = pd.DataFrame([["A1", "P", "Desc", "high", "count", 5]],
                              columns=["id", "portfolio", "description", "polarity", "unit", "target"],
                              index=[100])
    values = pd.DataFrame([["A1", "Q1 2016/17", 3], ["A1", "Q2 2016/17", "three"]],
                          columns=["indicator_id", "period", "value"])
    with pytest.raises(LoadError) as caught:
        from_dataframes(indicators, values)
    assert [str(p) for p in caught.value.problems] == [
        "values!C3 (value): expected a number, got 'three': leave the cell blank for a period not reported"]
    assert caught.value.source == "<dataframes>"


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    fake = tmp_path / "kpis.xlsx"
    fake.write_text("id,portfolio\n", encoding="utf-8")
    assert _only(fake).startswith("the file is not an Excel workbook (.xlsx): save it from Excel")
    old = tmp_path / "kpis.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "old-style Excel .xls file" in _only(old)
    assert _only(tmp_path / "missing.xlsx") == "the file does not exist: check the path"


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert "not an Excel workbook (.xlsx)" in _only(path)


def test_a_csv_folder_without_values(tmp_path: Path) -> None:
    (tmp_path / "indicators.csv").write_text("id,portfolio,description,polarity,unit,target\n"
                                              "A1,P,Desc,high,count,5\n", encoding="utf-8")
    assert _only(tmp_path) == "values.csv: the folder has no values.csv: add it"


def test_a_title_above_the_header_keeps_excel_row_numbers(write_xlsx: WriteXlsx, good: Sheets) -> None:
    good["indicators"] = [["Key performance indicators 2016/17"], [], *good["indicators"]]
    good["indicators"][3][3] = "sideways"  # the first indicator, in row 4 below the title and a blank row
    assert _only(write_xlsx(good)) == "indicators!D4 (polarity): 'sideways' is not one of: high, low, none"
