"""The wide samples: samples/kpis-wide.xlsx packs without a mapping, samples/kpis-unusual.xlsx with
its mapping, both check cleanly, and both pack to the same pages as the equivalent long-form
workbook, compared cell by cell as read back from the rendered .docx and PDF."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from committee_papers.cli import main
from committee_papers.model import Kpi, KpiData
from committee_papers.pack import build_pack
from committee_papers.pack.render import render_pack
from committee_papers.workbook import read_workbook

from ..reliability.readback import DocxText, PdfText, read_docx, read_pdf

ROOT = Path(__file__).resolve().parents[2]
WIDE = ROOT / "samples" / "kpis-wide.xlsx"
UNUSUAL = ROOT / "samples" / "kpis-unusual.xlsx"
MAPPING = ROOT / "samples" / "mappings" / "kpis-unusual.yaml"
SCRIPT = ROOT / "scripts" / "make_wide_workbooks.py"
# Worked out by hand from scripts/wide_sample_data.py under Havering's rule (see the comment by
# each row there): the Reds, and those off target and worse than the quarter before (AS08 29 days
# against 28 and 28 before; CS04 19.1% against 14% and 16.1% before; CS10 62.8% against 68.3% the
# year before; PL01, PL02, PL05 and PL09 likewise).
EXCEPTIONS = ["AS03", "AS05", "AS08", "AS10", "AS11", "CS01", "CS02", "CS03", "CS04", "CS06", "CS09", "CS10",
              "PL01", "PL02", "PL03", "PL05", "PL06", "PL09", "PL10"]


def _script() -> Any:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import make_wide_workbooks
    finally:
        sys.path.remove(str(SCRIPT.parent))
    return make_wide_workbooks


@pytest.fixture(scope="module")
def long_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The equivalent long-form workbook, made from the sample's data (not from reading the sample)."""
    path = tmp_path_factory.mktemp("long") / "kpis-long.xlsx"
    _script().build_long().save(path)
    return path


def _rendered(data: KpiData) -> tuple[DocxText, PdfText]:
    pack = build_pack(data, "havering")
    pdf, word = io.BytesIO(), io.BytesIO()
    render_pack(pack, pdf=pdf, docx=word)
    return read_docx(word.getvalue()), read_pdf(pdf.getvalue())


@pytest.fixture(scope="module")
def packs(long_form: Path) -> dict[str, tuple[DocxText, PdfText]]:
    return {"wide": _rendered(read_workbook(WIDE)), "long": _rendered(read_workbook(long_form)),
            "unusual": _rendered(read_workbook(UNUSUAL, mapping=MAPPING))}


@pytest.mark.parametrize("name", ["wide", "unusual"])
def test_the_pack_is_the_long_forms_cell_by_cell(packs: dict[str, tuple[DocxText, PdfText]], name: str) -> None:
    word, pdf = packs[name]
    long_word, long_pdf = packs["long"]
    assert len(word.cells) > 500
    for index, (cell, expected) in enumerate(zip(word.cells, long_word.cells, strict=True)):
        assert cell == expected, f".docx table cell {index}"
    assert word.paragraphs == long_word.paragraphs
    assert len(pdf.cells) == len(long_pdf.cells) > 20
    for page, (cells, expected) in enumerate(zip(pdf.cells, long_pdf.cells, strict=True), start=1):
        assert cells == expected, f"PDF page {page}"
    assert pdf.pages == long_pdf.pages


def test_the_pages_hold_the_samples_figures(packs: dict[str, tuple[DocxText, PdfText]]) -> None:
    word, pdf = packs["wide"]
    for text in ("\n".join(word.cells), "\n".join(c for page in pdf.cells for c in page)):
        # AS03, delayed transfers of care: the figures as typed in scripts/wide_sample_data.py
        for figure in ("10.8", "11.9", "12.6", "13.4", "14.1"):
            assert figure in text
        assert "£612.40" in text and "£550.00" in text  # AS11 in pounds and pence, as the cells show them
        assert "Decrease to 14%" in text and "At least 90%" in text


def test_the_sample_selects_the_exceptions_worked_out_by_hand() -> None:
    pack = build_pack(read_workbook(WIDE), "havering")
    assert [e.id for e in pack.exceptions] == EXCEPTIONS
    assert [s.portfolio for s in pack.report.sections] == ["Adult Services", "Children's Services", "Place"]


def test_the_three_workbooks_hold_the_same_indicators(long_form: Path) -> None:
    def essence(data: KpiData) -> list[tuple[Any, ...]]:
        """Each indicator's meaning, its unit left to what it is shown with (percent, money or a plain figure)."""
        def figure(value: Any) -> Any:
            return (value.value, value.unit.value if value.unit.value in ("percent", "money") else "plain")

        def target(kpi: Kpi) -> Any:
            t = kpi.target
            return None if t is None else (t.kind, figure(t.value) if t.value else None, t.wording, t.comparison)

        return [(k.id, k.portfolio, k.description, k.polarity, target(k), k.cadence,
                 [(o.period, figure(o.value)) for o in k.series], k.commentary) for k in data.kpis]

    wide, long = read_workbook(WIDE), read_workbook(long_form)
    assert wide.kpis[1].series == long.kpis[1].series  # units and all: the long form has the units conveyed
    assert essence(wide) == essence(long) == essence(read_workbook(UNUSUAL, mapping=MAPPING))
    assert len(wide.kpis) == 33 and wide.settings == long.settings


def test_the_wide_sample_checks_cleanly_without_a_mapping(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(WIDE)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{WIDE}: wide: one row per indicator, 33 indicators on 3 sheets"
    assert f"{WIDE}: Adult Services: heading rows 3-4, 11 indicators; periods 2014/15, Q1-Q4 2015/16, 2015/16, " \
           "Q1-Q4 2016/17" in out
    assert f"{WIDE}: skipped: Notes" in out
    assert out[-1] == f"{WIDE}: 0 warnings"


def test_the_unusual_sample_checks_cleanly_with_its_mapping(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(UNUSUAL)]) == 1
    assert main(["check", "--strict", str(UNUSUAL), "--mapping", str(MAPPING)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{UNUSUAL}: 0 warnings"


def test_pack_takes_the_wide_sample_as_it_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", str(WIDE), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "kpis-wide.pdf").is_file() and (tmp_path / "kpis-wide.docx").is_file()
    out, err = capsys.readouterr()
    assert out.startswith(f"{len(EXCEPTIONS)} of 33 indicators selected as exceptions by the havering rules")
    assert err.splitlines()[0] == f"{WIDE}: wide: one row per indicator, 33 indicators on 3 sheets"


def test_a_stated_status_the_figures_do_not_give_is_a_finding(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.load_workbook(WIDE)
    assert book["Adult Services"]["O7"].value == "Red"  # AS03, Red by the hand reckoning
    book["Adult Services"]["O7"] = "Green"
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    assert main(["check", str(changed)]) == 0
    out = capsys.readouterr().out
    finding = (f"{changed}: warning: AS03 Delayed transfers of care per 100,000 adults (daily average): Adult "
               "Services!O7: the workbook states 'Green' (Green), but the figures give Red under the havering rules "
               "(Red: 14.1 is 57% worse than the 9 target and did not improve on 11.5 in Q3 2015/16): correct the "
               "status or the figures, or check the rules (--rules)")
    assert finding in out.splitlines()  # a target of 9.0 in General format: Excel shows 9
    assert out.splitlines()[-1] == f"{changed}: 1 warning"
    assert main(["check", "--strict", str(changed)]) == 1
    assert main(["pack", "--strict", str(changed), "-o", str(tmp_path / "out")]) == 1
    assert finding in capsys.readouterr().err.splitlines()
    assert not (tmp_path / "out").exists()


def test_the_stated_status_is_judged_by_the_rules_given(capsys: pytest.CaptureFixture[str]) -> None:
    # under Belfast's bands (Green within 1%, Red from 5%) AS06, 10.5% off, is Red, not the Amber stated
    assert main(["check", str(WIDE), "--rules", "belfast"]) == 0
    out = capsys.readouterr().out
    assert "AS06 % of carers' assessments completed within 28 days: Adult Services!O10: the workbook states " \
           "'Amber' (Amber), but the figures give Red under the belfast rules" in out


def test_the_samples_are_made_by_the_script(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "-o", str(tmp_path)], check=True, capture_output=True)
    for name in ("kpis-wide.xlsx", "kpis-unusual.xlsx", "mappings/kpis-unusual.yaml"):
        assert (tmp_path / name).read_bytes() == (ROOT / "samples" / name).read_bytes(), name


def test_the_wide_sample_has_what_the_issue_asks_for() -> None:
    book = openpyxl.load_workbook(WIDE)
    portfolios = [name for name in book.sheetnames if name not in ("settings", "Notes")]
    assert len(portfolios) == 3
    merged_headings = 0
    for name in portfolios:
        sheet = book[name]
        headings = {str(c.value).lower() for row in sheet.iter_rows(min_row=3, max_row=4) for c in row if c.value}
        assert {"q1", "q2", "q3", "q4", "2015/16", "2016/17"} <= headings, name  # two rows: years over quarters
        assert headings & {"rag", "status"} and headings & {"commentary", "comments"}, name
        merged_headings += any((r.min_row == 3 and r.max_row == 4) or (r.min_row == r.max_row == 3 and r.min_col > 1)
                               for r in sheet.merged_cells.ranges)
    assert merged_headings >= 2
    assert sum(book[name].max_row - 4 for name in portfolios) >= 30


def test_the_readmes_mapping_reads_the_unusual_sample(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The mapping file"):]
    example = section[section.index("```yaml\n") + 8:section.index("```\n", section.index("```yaml\n") + 8)]
    mapping = tmp_path / "readme.yaml"
    mapping.write_text(example, encoding="utf-8")
    assert [k.id for k in read_workbook(UNUSUAL, mapping=mapping).kpis] == \
           [k.id for k in read_workbook(UNUSUAL, mapping=MAPPING).kpis]


def test_a_figure_due_but_blank_is_a_finding_about_its_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.load_workbook(WIDE)
    sheet = book["Children's Services"]
    assert sheet["B11"].value.startswith("Number of in-house foster carer") and sheet["M11"].value == 141
    sheet["M11"] = None  # CS07's Q3 2016/17, due by the period reported
    sheet["P11"] = None  # and its stated status, which the figures would no longer give
    changed = tmp_path / "blank.xlsx"
    book.save(changed)
    assert main(["check", str(changed)]) == 0
    assert (f"{changed}: warning: CS07 Number of in-house foster carer households: its row: the latest figure is for "
            "Q2 2016/17, but one for Q3 2016/17 is due by Q3 2016/17: add it to its row, or it is reported as "
            "missing") in capsys.readouterr().out.splitlines()
