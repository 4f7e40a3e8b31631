"""The hostile-text corpus through every text column of a wide workbook (as a folder of CSV files,
which holds any character; and as .xlsx for the text XML can hold), into the pack: each field
comes out as typed (controls cleaned, each cleaned cell reported once, with its indicator), in the
.docx and the PDF, and nothing crashes."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from committee_papers.assess import check
from committee_papers.model import KpiData
from committee_papers.pack import build_pack
from committee_papers.pack.render import render_pack
from committee_papers.workbook import read_workbook

from ..reliability.corpus import CORPUS, Hostile, has_rtl, squeezed
from ..reliability.readback import pdf_strings, read_docx, read_pdf
from ..reliability.tagged import read_tagged
from .widebook import write_wide

BY_ID = {entry.id: entry for entry in CORPUS}
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # what no .xlsx can hold
# Each free-text column of a wide sheet, and the settings; where a reader finds each in the pack.
SHOWN = ("portfolio", "description", "target", "comparator_period", "commentary", "notes", "title", "appendix",
         "committee", "organisation")
KEPT = ("lead_officer",)  # read and cleaned, not yet shown on a page
FIELDS = SHOWN + KEPT


def tag(field: str, text: str) -> str:
    return f"[v{FIELDS.index(field):02d}] {text} [/v{FIELDS.index(field):02d}]"


def sheets(text: str) -> tuple[list[list[object]], list[list[object]]]:
    """Return the indicator sheet and the settings, every free-text field holding ``text``."""
    def v(field: str) -> str:
        return tag(field, text)

    indicators: list[list[object]] = [
        ["Ref", "Directorate", "Indicator", "Good is", "England", "Comparator period", "2015/16", "Q1 2016/17",
         "Q2 2016/17", "Target", "Target kind", "Target text", "RAG", "Commentary", "Notes", "Lead officer"],
        ["H1", v("portfolio"), v("description"), "Higher", "70%", v("comparator_period"), "61.2%", "58.3%", "40.5%",
         None, "increase", v("target"), None, v("commentary"), v("notes"), v("lead_officer")],
        ["H2", "Other", "A percentage well below its target", "Higher", None, None, None, "50%", "45%", 90, None,
         None, "Red", "Plain commentary.", None, None],
    ]
    settings: list[list[object]] = [["period", "Q2 2016/17"], ["title", v("title")], ["appendix", v("appendix")],
                                    ["committee", v("committee")], ["organisation", v("organisation")]]
    return indicators, settings


def write_folder(folder: Path, text: str) -> Path:
    indicators, settings = sheets(text)
    folder.mkdir()
    for name, rows in (("Services", indicators), ("settings", [["key", "value"], *settings])):
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
    return folder


def _pack(data: KpiData) -> tuple[str, str]:
    """Return the pack's .docx text and its PDF text: read by the glyphs' positions, or for
    right-to-left text (drawn in visual order, so read back to front by position) the tagged
    text a screen reader and copy-paste give (ActualText first)."""
    pack = build_pack(data, "blackpool")
    pdf, word = io.BytesIO(), io.BytesIO()
    render_pack(pack, pdf=pdf, docx=word)
    shown = read_pdf(pdf.getvalue())
    if not has_rtl(shown.everything):
        return read_docx(word.getvalue()).everything, shown.everything
    tagged = read_tagged(pdf.getvalue())
    said = "\n".join([*(t for _, t, _ in tagged.elements), *(a for p in tagged.pages for a in p.artifacts),
                      *shown.metadata.values(), *shown.outline, *pdf_strings(pdf.getvalue())])
    return read_docx(word.getvalue()).everything, said


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[KpiData, str, str]]:
    """Each corpus entry's workbook data, and its pack's .docx and PDF text."""
    made = {}
    for entry in CORPUS:
        data = read_workbook(write_folder(tmp_path_factory.mktemp(entry.id) / "kpis", entry.text))
        made[entry.id] = (data, *_pack(data))
    return made


def _shown(entry: Hostile, field: str) -> str:
    return squeezed(tag(field, entry.shown))


@pytest.mark.parametrize("entry_id", [entry.id for entry in CORPUS])
def test_every_wide_text_column_comes_out_as_typed(packs: dict[str, tuple[KpiData, str, str]],
                                                   entry_id: str) -> None:
    entry = BY_ID[entry_id]
    data, word, pdf = packs[entry_id]
    for name, text in (("docx", word), ("pdf", pdf)):
        missing = [field for field in SHOWN if _shown(entry, field) not in squeezed(text)]
        assert not missing, f"{name}: not shown as {entry.shown!r}: {missing}"
    assert data.kpi("H1").lead_officer == tag("lead_officer", entry.shown).strip()


@pytest.mark.parametrize("entry_id", [entry.id for entry in CORPUS])
def test_each_cleaned_cell_is_reported_once_with_its_indicator(packs: dict[str, tuple[KpiData, str, str]],
                                                               entry_id: str) -> None:
    entry = BY_ID[entry_id]
    data = packs[entry_id][0]
    findings = [f for f in check(data) if f.code == "control-characters"]
    assert len(findings) == (len(FIELDS) if entry.has_controls else 0)
    assert len({f.where for f in findings}) == len(findings)
    in_rows = [f for f in findings if f.where.startswith("Services!")]
    assert all(f.indicator is not None and f.indicator.startswith("H1 [v01]") for f in in_rows)


@pytest.mark.parametrize("entry_id", [e.id for e in CORPUS if not NOT_XML.search(e.text)])
def test_the_same_through_an_xlsx_workbook(tmp_path: Path, entry_id: str) -> None:
    entry = BY_ID[entry_id]
    indicators, settings = sheets(entry.text)
    data = read_workbook(write_wide(tmp_path / "wide.xlsx", {"Services": indicators}, settings=settings))
    word, pdf = _pack(data)
    for name, text in (("docx", word), ("pdf", pdf)):
        missing = [field for field in SHOWN if _shown(entry, field) not in squeezed(text)]
        assert not missing, f"{name}: not shown as {entry.shown!r}: {missing}"
