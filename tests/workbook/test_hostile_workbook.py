"""The hostile-text corpus through every text column of a workbook (as CSV, which holds any
character), into the pack: each field comes out as typed (controls cleaned, and reported once
per cell), in the .docx and the PDF, and nothing crashes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from committee_papers.assess import check
from committee_papers.pack import build_pack
from committee_papers.pack.render import render_pack
from committee_papers.workbook import read_workbook

from ..reliability.corpus import CORPUS, Hostile, has_rtl, squeezed
from ..reliability.readback import pdf_strings, read_docx, read_pdf
from ..reliability.tagged import read_tagged

BY_ID = {entry.id: entry for entry in CORPUS}
# Each text column of the workbook, as (sheet, column): the cell the field is fed into.
FIELDS = ("portfolio", "description", "target_text", "comparator_period", "note", "commentary", "notes",
          "title", "appendix", "committee", "organisation")
# Where a reader finds each field: the PDF shows every one; metadata only in the PDF's strings.
IN_BODY = FIELDS


def tag(field: str, text: str) -> str:
    return f"[w{FIELDS.index(field):02d}] {text} [/w{FIELDS.index(field):02d}]"


def write_folder(folder: Path, text: str) -> Path:
    def v(field: str) -> str:
        return tag(field, text)

    sheets = {
        "indicators": [
            ["id", "portfolio", "description", "polarity", "unit", "target", "target_kind", "target_text",
             "england", "comparator_period"],
            ["H1", v("portfolio"), v("description"), "high", "percent", None, "increase", v("target_text"), 70,
             v("comparator_period")],
            ["H2", "Other", "A percentage well below its target", "high", "percent", 90, None, None, None, None],
        ],
        "values": [
            ["indicator_id", "period", "value", "note"],
            ["H1", "2015/16", 61.2, None], ["H1", "Q1 2016/17", 58.3, None], ["H1", "Q2 2016/17", 40.5, v("note")],
            ["H2", "Q1 2016/17", 50, None], ["H2", "Q2 2016/17", 45, None],
        ],
        "commentary": [["indicator_id", "commentary", "notes"], ["H1", v("commentary"), v("notes")],
                       ["H2", "Plain commentary.", None]],
        "settings": [["key", "value"], ["period", "Q2 2016/17"], ["title", v("title")],
                     ["appendix", v("appendix")], ["committee", v("committee")],
                     ["organisation", v("organisation")]],
    }
    folder.mkdir()
    for name, rows in sheets.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
    return folder


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[object, str, str, str]]:
    """Each corpus entry's workbook data, and its pack's .docx text, PDF text (by the glyphs'
    positions) and PDF tagged text (what a screen reader reads, ActualText first)."""
    made = {}
    for entry in CORPUS:
        folder = write_folder(tmp_path_factory.mktemp(entry.id) / "kpis", entry.text)
        data = read_workbook(folder)
        pack = build_pack(data, "blackpool")
        pdf, word = io.BytesIO(), io.BytesIO()
        render_pack(pack, pdf=pdf, docx=word)
        shown = read_pdf(pdf.getvalue())
        tagged = read_tagged(pdf.getvalue())
        said = "\n".join([*(t for _, t, _ in tagged.elements), *(a for p in tagged.pages for a in p.artifacts),
                          *shown.metadata.values(), *shown.outline, *pdf_strings(pdf.getvalue())])
        made[entry.id] = (data, read_docx(word.getvalue()).everything, shown.everything, said)
    return made


def _shown(entry: Hostile, field: str) -> str:
    """What a reader must find: the cleaned text; a commentary splits at blank lines, so it is
    compared without white space."""
    return squeezed(tag(field, entry.shown))


@pytest.mark.parametrize("entry_id", [entry.id for entry in CORPUS])
def test_every_workbook_text_field_comes_out_as_typed(packs: dict[str, tuple[object, str, str, str]],
                                                      entry_id: str) -> None:
    entry = BY_ID[entry_id]
    _, word, pdf, said = packs[entry_id]
    # Right-to-left text is drawn in visual order, so read by the glyphs' positions it comes out
    # back to front; its tagged text (ActualText) is what a screen reader and copy-paste give.
    shown = [] if has_rtl(entry.shown) else [("pdf", pdf)]
    for name, text in (("docx", word), *shown, ("pdf tagged text", said)):
        missing = [field for field in FIELDS if _shown(entry, field) not in squeezed(text)]
        assert not missing, f"{name}: not shown as {entry.shown!r}: {missing}"


@pytest.mark.parametrize("entry_id", [entry.id for entry in CORPUS])
def test_each_cleaned_cell_is_reported_once(packs: dict[str, tuple[object, str, str, str]],
                                            entry_id: str) -> None:
    entry = BY_ID[entry_id]
    data = packs[entry_id][0]
    findings = [f for f in check(data) if f.code == "control-characters"]  # type: ignore[arg-type]
    assert len(findings) == (len(FIELDS) if entry.has_controls else 0)
    assert len({f.where for f in findings}) == len(findings)
