"""``committee-papers new-workbook``: a starter workbook that LibreOffice opens, that pack accepts
once filled, and whose drop-downs hold exactly the values the reader accepts."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openxml_audit import OpenXmlValidator

from committee_papers.cli import main
from committee_papers.model import Frequency, Polarity, Rag, Unit
from committee_papers.pack import build_pack
from committee_papers.pack.render import render_pack
from committee_papers.workbook import read_workbook

from ..reliability.readback import read_pdf
from ..templates.libreoffice import LibreOffice

# What README documents as accepted in these columns, written here by hand.
ACCEPTED = {"polarity": {"high", "low", "none"},
            "unit": {"percent", "count", "rate", "money", "days", "number"},
            "frequency": {"monthly", "quarterly", "annual"},
            "rag": {"Red", "Amber", "Green", "Blue", "Grey"},
            "target_kind": {"value", "increase", "decrease", "baseline", "text"},
            "percent_scale": {"percent", "fraction"}}
HEADINGS = {"Polarity": "polarity", "Unit": "unit", "Frequency": "frequency", "RAG": "rag",
            "polarity": "polarity", "unit": "unit", "frequency": "frequency", "target_kind": "target_kind",
            "percent_scale": "percent_scale"}


def _new(tmp_path: Path, layout: str) -> Path:
    path = tmp_path / f"{layout}.xlsx"
    assert main(["new-workbook", str(path), "--layout", layout, "--year", "2016/17"]) == 0
    return path


def _drop_downs(path: Path) -> dict[str, set[str]]:
    """Return each drop-down list's values by the heading of the column it is on."""
    book = openpyxl.load_workbook(path)
    found: dict[str, set[str]] = {}
    for sheet in book.worksheets:
        for rule in sheet.data_validations.dataValidation:
            assert rule.type == "list" and rule.formula1.startswith('"')
            values = set(rule.formula1.strip('"').split(","))
            for cells in rule.sqref.ranges:
                heading = sheet.cell(1, cells.min_col).value
                found[HEADINGS[str(heading)]] = values
                assert cells.max_row >= 500  # far enough down for a council's indicators
    return found


@pytest.mark.parametrize("layout", ["wide", "long"])
def test_the_drop_downs_hold_the_accepted_values(tmp_path: Path, layout: str) -> None:
    lists = _drop_downs(_new(tmp_path, layout))
    expected = {"polarity", "unit", "frequency"} | ({"rag"} if layout == "wide" else {"target_kind", "percent_scale"})
    assert set(lists) == expected
    for name, values in lists.items():
        assert values == ACCEPTED[name], name


def _set(sheet: Any, row: int, heading: str, value: object) -> None:
    column = next(c.column for c in sheet[1] if c.value == heading)
    sheet.cell(row, column, value)


@pytest.mark.parametrize(("heading", "values", "read"), [
    ("Polarity", sorted(ACCEPTED["polarity"]), lambda k: k.polarity.value),
    ("Unit", sorted(ACCEPTED["unit"] - {"percent", "money"}), lambda k: k.unit.value),
    ("Frequency", ["quarterly"], lambda k: k.frequency.value),
    ("RAG", sorted(ACCEPTED["rag"]), lambda k: k.stated_status.text),
])
def test_every_drop_down_value_is_read(tmp_path: Path, heading: str, values: list[str], read: Any) -> None:
    path = _new(tmp_path, "wide")
    for value in values:
        book = openpyxl.load_workbook(path)
        _set(book.worksheets[0], 3, heading, value)
        filled = tmp_path / f"filled-{value}.xlsx"
        book.save(filled)
        assert read(read_workbook(filled).kpis[0]) == value


def test_the_reader_accepts_every_member_the_lists_come_from() -> None:
    # the drop-downs are the model's own values: if the model gains one, the lists do too
    assert {p.value for p in Polarity} == ACCEPTED["polarity"] and {u.value for u in Unit} == ACCEPTED["unit"]
    assert {f.value for f in Frequency} == ACCEPTED["frequency"] and {r.label for r in Rag} == ACCEPTED["rag"]


@pytest.mark.parametrize("layout", ["wide", "long"])
def test_the_starter_checks_cleanly_with_its_examples(tmp_path: Path, layout: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = _new(tmp_path, layout)
    assert main(["check", "--strict", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == f"{path}: 0 warnings"
    assert ("wide: one row per indicator, 2 indicators on 1 sheet" if layout == "wide" else "long form") in out


def test_pack_accepts_it_once_filled(tmp_path: Path) -> None:
    path = _new(tmp_path, "wide")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.title = "Housing"
    # a third indicator, typed as an officer would: its figures under 2015/16 Q3 and this year's Q1, Q2
    row = {"Ref": "HS01", "Indicator": "Average days to relet a council home", "Polarity": "low", "Unit": "days",
           "Frequency": "quarterly", "Target": 21, "RAG": "Red", "Commentary": "Voids rose after the flooding."}
    for heading, value in row.items():
        _set(sheet, 5, heading, value)
    quarters = [c for c in range(1, sheet.max_column + 1) if sheet.cell(2, c).value in ("Q1", "Q2", "Q3", "Q4")]
    assert len(quarters) == 8  # 2015/16's, then 2016/17's
    last_year_q3, this_q1, this_q2 = quarters[2], quarters[4], quarters[5]
    sheet.cell(5, last_year_q3, 24)
    sheet.cell(5, this_q1, 27)
    sheet.cell(5, this_q2, 29)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    assert main(["pack", str(filled), "-o", str(tmp_path / "out"), "--format", "pdf"]) == 0
    text = "\n".join(read_pdf((tmp_path / "out" / "filled.pdf").read_bytes()).pages)
    assert "Average days to relet a council home" in text and "29" in text
    data = read_workbook(filled)
    assert [k.id for k in data.kpis] == ["CS01", "CS05", "HS01"] and data.portfolios == ("Housing",)
    assert {o.period.label: str(o.value.value) for o in data.kpi("HS01").series} == {
        "Q3 2015/16": "24", "Q1 2016/17": "27", "Q2 2016/17": "29"}


def test_libreoffice_opens_it_and_saves_it_readable(tmp_path: Path) -> None:
    wide, long = _new(tmp_path, "wide"), _new(tmp_path, "long")
    office = LibreOffice(tmp_path / "lo")
    saved = office.convert([wide, long], "xlsx:Calc MS Excel 2007 XML", tmp_path / "saved")
    for original, resaved in zip((wide, long), saved, strict=True):
        before, after = read_workbook(original), read_workbook(resaved)
        assert [(k.id, k.series, k.target, k.polarity) for k in after.kpis] == \
               [(k.id, k.series, k.target, k.polarity) for k in before.kpis]
    lists = _drop_downs(saved[0])  # LibreOffice keeps the drop-downs
    assert lists["polarity"] == ACCEPTED["polarity"] and lists["unit"] == ACCEPTED["unit"]


def test_it_is_a_valid_office_open_xml_package(tmp_path: Path) -> None:
    for layout in ("wide", "long"):
        result = OpenXmlValidator().validate(str(_new(tmp_path, layout)))
        errors = [e for e in result.errors if e.severity.value == "error"]
        # openpyxl writes its default font's children as name, family, color, sz (the schema's
        # sequence has sz first); Excel and LibreOffice read it, and every openpyxl file has it
        known = [e for e in errors if e.part_uri == "/xl/styles.xml" and e.path == "/styleSheet[1]/fonts[1]/font[1]"]
        assert errors == known and len(known) <= 1, [e.description for e in errors]


def test_it_never_replaces_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.xlsx"
    path.write_bytes(b"the team's figures")
    assert main(["new-workbook", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err and path.read_bytes() == b"the team's figures"
    assert main(["new-workbook", str(tmp_path / "mine.xls")]) == 1
    assert main(["new-workbook", str(tmp_path / "new.xlsx"), "--year", "2016/18"]) == 1
    assert "18 does not follow 2016" in capsys.readouterr().err
    assert not (tmp_path / "new.xlsx").exists() and not (tmp_path / "mine.xls").exists()


def test_the_examples_pack(tmp_path: Path) -> None:
    data = read_workbook(_new(tmp_path, "wide"))
    pack = build_pack(data, "havering")
    pdf = io.BytesIO()
    render_pack(pack, pdf=pdf)
    assert [e.id for e in pack.exceptions] == ["CS01"]  # 3,031 referrals against 2,300, up on 2,580
