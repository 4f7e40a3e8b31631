"""The mapping file: a wide workbook's own headings mapped to fields and periods; every mistake in
the mapping, and every sheet it cannot account for, is a located problem saying what to do."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from committee_papers.cli import main
from committee_papers.loaders import LoadError
from committee_papers.model import FinancialYear, FiscalPeriod, Polarity, Rag, Unit
from committee_papers.workbook import read_workbook

from .widebook import write_wide

# A sheet under headings of its own: none is recognised, so nothing is read without a mapping.
OWN = [["KPI code", "What we measure", "Aim", "Kind", "Last year", "This quarter", "Goal", "Rating", "Update",
        "Forecast"],
       ["H1", "Homes made decent", "Up", "%", 71.5, 68.2, 75, "Amber", "Works resume in April.", 70]]
MAPPING = """\
columns:
  KPI code: id
  What we measure: description
  Aim: polarity
  Kind: unit
  Goal: target
  Rating: rag
  Update: commentary
  Forecast: ignore
periods:
  Last year: 2015/16
  This quarter: Q3 2016/17
"""


def _book(tmp_path: Path, sheets: dict[str, list[list[Any]]] | None = None, **kwargs: Any) -> Path:
    return write_wide(tmp_path / "own.xlsx", sheets or {"Housing": OWN}, **kwargs)


def _mapping(tmp_path: Path, text: str = MAPPING) -> Path:
    path = tmp_path / "own.mapping.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(book: Path, **kwargs: Any) -> list[str]:
    with pytest.raises(LoadError) as caught:
        read_workbook(book, **kwargs)
    return [str(p) for p in caught.value.problems]


def test_a_mapping_reads_headings_the_library_does_not_know(tmp_path: Path) -> None:
    data = read_workbook(_book(tmp_path), mapping=_mapping(tmp_path))
    (kpi,) = data.kpis
    assert (kpi.id, kpi.description, kpi.polarity, kpi.unit, kpi.portfolio) == (
        "H1", "Homes made decent", Polarity.HIGH, Unit.PERCENT, "Housing")
    assert {o.period: o.value.value for o in kpi.series} == {
        FiscalPeriod.outturn(FinancialYear(2015)): Decimal("71.5"),
        FiscalPeriod.quarter(FinancialYear(2016), 3): Decimal("68.2")}
    assert kpi.stated_status is not None and kpi.stated_status.rag is Rag.AMBER
    assert "read with the mapping" in data.layout


def test_without_the_mapping_the_sheet_is_refused_naming_its_headings(tmp_path: Path) -> None:
    problems = _problems(_book(tmp_path))
    assert len(problems) == 1
    assert problems[0].startswith("Housing!1:20: no heading row naming the indicators' reference or description")
    assert "(row 1 holds 'KPI code', 'What we measure', 'Aim', 'Kind', 'Last year', 'This quarter', ...)" in problems[0]
    assert "map its headings in a mapping file (--mapping" in problems[0]


def test_the_mapping_can_be_pasted_in_the_settings_sheet(tmp_path: Path) -> None:
    book = _book(tmp_path, settings=[["period", "Q3 2016/17"], ["mapping", MAPPING]])
    assert read_workbook(book).kpis[0].id == "H1"


def test_a_mapping_in_both_places_is_refused(tmp_path: Path) -> None:
    book = _book(tmp_path, settings=[["period", "Q3 2016/17"], ["mapping", MAPPING]])
    problems = _problems(book, mapping=_mapping(tmp_path))
    assert problems == [f"settings!B3 (mapping): a mapping is given both here and in {_mapping(tmp_path)}: use one"]


MAPPING_ERRORS = [
    ("an unknown key", "colums:\n  Code: id\n", "colums (line 1): unknown key 'colums': did you mean 'columns'?"),
    ("an unknown field", "columns:\n  Code: descripton\n",
     "columns (line 2): 'Code' is mapped to 'descripton', which is not a field: did you mean 'description'?"),
    ("a period that is none", "periods:\n  This quarter: Q5 2016/17\n",
     "periods (line 2): 'This quarter': cannot read 'Q5 2016/17' as a period"),
    ("a heading mapped twice", "columns:\n  Goal: target\nperiods:\n  goal: 2015/16\n",
     "periods (line 4): the heading 'goal' is mapped twice (first as 'Goal' on line 2): keep one"),
    ("heading rows apart", "header_rows: [3, 5]\n",
     "header_rows (line 1): two heading rows must be next to each other, the year above its quarters: "
     "header_rows: [3, 4]"),
    ("heading rows as words", "header_rows: three\n",
     "header_rows (line 1): expected the heading row, or two rows, as numbers"),
    ("columns as a list", "columns:\n  - Code\n", "columns (line 2): expected headings and what they hold"),
    ("a list, not a mapping", "- Code\n", "line 1: a mapping is a set of keys such as 'columns:' and 'periods:'"),
    ("bad YAML", "columns:\n  Code: [id\n", "line 3: "),
    ("a sheet both read and skipped", "sheets: [Housing]\nskip_sheets: [housing]\n",
     "skip_sheets (line 2): a sheet is both read and skipped"),
]


@pytest.mark.parametrize(("name", "text", "message"), MAPPING_ERRORS, ids=[c[0] for c in MAPPING_ERRORS])
def test_a_mistake_in_the_mapping_names_its_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    mapping = _mapping(tmp_path, text)
    problems = _problems(_book(tmp_path), mapping=mapping)
    assert any(p.startswith(message) for p in problems), problems


def test_a_mapped_heading_no_sheet_has_is_a_problem(tmp_path: Path) -> None:
    problems = _problems(_book(tmp_path), mapping=_mapping(tmp_path, MAPPING + "  Goals: 2014/15\n"))
    assert problems == [f"{tmp_path / 'own.mapping.yaml'} (line 13): no sheet has the heading 'Goals': write it "
                        "as the sheet does (case and punctuation do not matter)"]


def test_an_unmapped_heading_says_how_to_map_it(tmp_path: Path) -> None:
    problems = _problems(_book(tmp_path), mapping=_mapping(tmp_path, MAPPING.replace("  Forecast: ignore\n", "")))
    assert problems == [
        "Housing!J1 (Forecast): the heading 'Forecast' is not one the library knows, so its cells would be lost: "
        "map it in a mapping file (--mapping): under columns: to a field (id, description, polarity, "
        "smaller_is_better, bigger_is_better, unit, frequency, target, target_kind, target_text, tolerance, "
        "england, stat_neighbours, comparator_period, percent_scale, rag, commentary, notes, lead_officer, "
        "portfolio) or to ignore to leave it out, or under periods: to the period its figures are for, e.g. "
        "periods: {'Forecast': Q3 2016/17}"]


def test_a_mapping_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
        for i in range(8)]
    problems = _problems(_book(tmp_path), mapping=_mapping(tmp_path, "\n".join(lines) + "\n"))
    assert len(problems) == 1 and "once its aliases (*name) are followed" in problems[0], problems


def test_a_mapping_for_a_long_form_workbook_is_refused(tmp_path: Path) -> None:
    long_form = write_wide(tmp_path / "long.xlsx", {"indicators": [["id", "portfolio"]],
                                                     "values": [["indicator_id", "period", "value"]]})
    assert _problems(long_form, mapping=_mapping(tmp_path)) == [
        "the workbook is in long form (it has indicators and values sheets), and a mapping is for wide "
        "workbooks: leave out the mapping"]


def test_explicit_heading_rows_and_sheets(tmp_path: Path) -> None:
    rows = [["Housing KPIs"], ["Owner: A. Officer"], [], *OWN]
    notes = [["Anything at all"], ["more", "words", "here"]]
    book = _book(tmp_path, {"Housing": rows, "Notes": notes})
    text = MAPPING + "header_rows: 4\nsheets: [Housing]\n"
    data = read_workbook(book, mapping=_mapping(tmp_path, text))
    assert [k.id for k in data.kpis] == ["H1"]
    assert "Housing: heading row 4" in data.layout


def test_a_sheet_of_notes_must_be_skipped(tmp_path: Path) -> None:
    rows = [["Ref", "Indicator", "Good is", "Q3 2016/17"], ["K1", "Something", "High", 4]]
    notes = [["These figures are provisional."], ["Source", "Team", "Date"]]
    book = write_wide(tmp_path / "w.xlsx", {"Housing": rows, "Notes": notes})
    problems = _problems(book)
    assert len(problems) == 1 and problems[0].startswith("Notes!1:20: no heading row"), problems
    assert "(row 2 holds 'Source', 'Team', 'Date')" in problems[0]
    skipped = write_wide(tmp_path / "s.xlsx", {"Housing": rows, "Notes": notes},
                         settings=[["period", "Q3 2016/17"], ["skip_sheets", "Notes, Lookups"]])
    with pytest.raises(LoadError) as caught:
        read_workbook(skipped)  # Lookups is no sheet of this workbook
    assert [str(p) for p in caught.value.problems] == [
        "settings: there is no sheet named 'Lookups' (the sheets are 'Housing', 'Notes', 'settings'): correct the "
        "name"]
    fine = write_wide(tmp_path / "f.xlsx", {"Housing": rows, "Notes": notes},
                      settings=[["period", "Q3 2016/17"], ["skip_sheets", "notes"]])
    data = read_workbook(fine)
    assert [k.id for k in data.kpis] == ["K1"] and "skipped: Notes" in data.layout


def test_a_setting_of_the_wide_layout_in_a_long_workbook_is_refused(tmp_path: Path) -> None:
    from .conftest import GOOD

    sheets = {name: [list(row) for row in rows] for name, rows in GOOD.items()}
    sheets["settings"].append(["skip_sheets", "Notes"])
    book = write_wide(tmp_path / "long.xlsx", sheets, settings=None)
    assert _problems(book) == ["settings!A8 (key): this setting is for a wide workbook (one row per indicator), but "
                               "this one is in long form (indicators and values sheets): remove the row"]


def test_the_command_line_takes_the_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book, mapping = _book(tmp_path), _mapping(tmp_path)
    assert main(["check", str(book)]) == 1
    assert "no heading row" in capsys.readouterr().err
    assert main(["check", str(book), "--mapping", str(mapping)]) == 0
    out = capsys.readouterr().out
    assert f"{book}: wide: one row per indicator, 1 indicator on 1 sheet (read with the mapping {mapping})" in out
    assert f"{book}: Housing: columns KPI code (id), What we measure (description), Aim (polarity)" in out
    assert main(["pack", str(book), "--mapping", str(mapping), "-o", str(tmp_path / "out"), "--format", "pdf"]) == 0
    assert (tmp_path / "out" / "own.pdf").is_file()
    bad = _mapping(tmp_path, "colums: {}\n")
    assert main(["pack", str(book), "--mapping", str(bad), "-o", str(tmp_path / "out2")]) == 1
    err = capsys.readouterr().err
    assert "unknown key 'colums'" in err and "Traceback" not in err
    assert not (tmp_path / "out2").exists()
