"""Hostile text through the whole pipeline: load, check, render Word and PDF, read back.

Every corpus entry goes into every text field of one report. Both outputs must show exactly
the text given, after ``clean_text`` (line-break controls as breaks, other controls left out),
and ``check`` must warn of the controls in each field that held them.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

import committee_papers as cp
from committee_papers.assess.fields import text_fields
from committee_papers.cli import main
from committee_papers.loaders.schema import report_schema
from committee_papers.model.cleaning import clean_text

from .corpus import (
    BLANK_ALLOWED,
    CORPUS,
    EMPTY_STRINGS,
    FIELDS,
    NOT_TEXT_KEYS,
    REQUIRED,
    Hostile,
    flat,
    has_rtl,
    keys_used,
    report_with,
    squeezed,
    tagged,
)
from .readback import libreoffice_convert, need, pdf_strings, qpdf_check, read_docx, read_pdf
from .tagged import read_tagged

BY_ID = {entry.id: entry for entry in CORPUS}
IDS = [entry.id for entry in CORPUS]
# The organisation is dropped when an author is given: it has a test of its own below, and the
# per-entry tests leave it out so that one gap does not fail every entry.
ELSEWHERE = {"organisation"}
# Fields kept only in one-line metadata (title, subject, author), where a line break is a space.
ONE_LINE = {"title", "committee", "author"}
# Text a PDF stores for screen readers (a table's description) rather than shows on the page.
PDF_STORED = {"supplementary description", "stated reason"}  # the reason is read out with the table


@cache
def report_of(entry_id: str) -> cp.Report:
    return cp.load(report_with(BY_ID[entry_id].text))


@cache
def docx_of(entry_id: str) -> bytes:
    buffer = io.BytesIO()
    cp.render_docx(report_of(entry_id), buffer)
    return buffer.getvalue()


@cache
def pdf_of(entry_id: str) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(report_of(entry_id), buffer)
    return buffer.getvalue()


def _missing(found: str, entry: Hostile, fields: list[str], squeeze: bool) -> list[str]:
    """Return the fields whose exact text (tags included) is not in ``found``."""
    if squeeze:
        return [f for f in fields if squeezed(tagged(f, entry.shown)) not in squeezed(found)]
    return [f for f in fields if tagged(f, entry.shown) not in found]


# ------------------------------------------------------------------- every field is fed


@pytest.mark.parametrize("entry_id", IDS)
def test_text_fields_lists_every_field_fed_and_the_loader_keeps_it_as_typed(entry_id: str) -> None:
    entry = BY_ID[entry_id]
    places = dict(text_fields(report_of(entry_id)))
    assert set(places) == set(FIELDS.values()), (
        f"text_fields and the corpus disagree: {sorted(set(places) ^ set(FIELDS.values()))}")
    for field, place in FIELDS.items():
        assert places[place] == tagged(field, entry.text), f"{field} ({place}) was changed on loading"


def test_every_text_key_of_the_input_format_is_fed() -> None:
    """A text field added to the schema fails this until the corpus feeds it."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(report_schema())
    unfed = found - NOT_TEXT_KEYS - keys_used(report_with("x"))
    assert not unfed, f"keys of the input format that the corpus does not fill: {sorted(unfed)}"


@pytest.mark.parametrize("entry_id", IDS)
def test_check_warns_of_control_characters_in_each_field_that_holds_them(entry_id: str) -> None:
    entry = BY_ID[entry_id]
    findings = [f for f in cp.check(report_of(entry_id)) if f.code == "control-characters"]
    expected = set(FIELDS.values()) if entry.has_controls else set()
    assert {f.where for f in findings} == expected
    assert len(findings) == len(expected), "one warning per field"
    for finding in findings:
        assert finding.severity is cp.Severity.WARNING
        assert "U+" in finding.message and "retype the text" in finding.message


# --------------------------------------------------------------------- both outputs


@pytest.mark.parametrize("entry_id", IDS)
def test_the_word_file_shows_every_field_exactly(entry_id: str) -> None:
    entry = BY_ID[entry_id]
    text = read_docx(docx_of(entry_id))  # opens in python-docx first
    fields = [f for f in FIELDS if f not in ELSEWHERE]
    missing = _missing(text.everything, entry, fields, squeeze=False)
    assert not missing, f"not shown exactly as {entry.shown!r}: {missing}"
    assert _missing("\n".join(text.header), entry, ["appendix"], squeeze=False) == [], (
        "the running header does not show the appendix label")
    assert not text.loose_breaks, "a tab or line break must be <w:tab/> or <w:br/>, not a raw character"


@pytest.mark.parametrize("entry_id", IDS)
def test_the_pdf_tagged_text_holds_every_field_exactly(entry_id: str) -> None:
    """What a screen reader reads (the structure tree, ActualText first): white space exact."""
    entry = BY_ID[entry_id]
    tagged = read_tagged(pdf_of(entry_id))
    text = read_pdf(pdf_of(entry_id), tables=False)
    said = "\n".join([*(t for _, t, _ in tagged.elements), *(a for p in tagged.pages for a in p.artifacts),
                      *text.metadata.values(), *text.outline, *pdf_strings(pdf_of(entry_id))])
    fields = [f for f in FIELDS if f not in ELSEWHERE | ONE_LINE]
    missing = _missing(said, entry, fields, squeeze=False)
    missing += _missing(said, entry, sorted(ONE_LINE), squeeze=True)  # line breaks become spaces
    assert not missing, f"not read as {entry.shown!r}: {missing}"


# Right-to-left text is drawn in visual order: read by glyph position (pdfplumber) it comes out
# back to front. Its ActualText, what a screen reader reads, is held exact by the test above.
@pytest.mark.parametrize("entry_id", [e.id for e in CORPUS if not has_rtl(e.shown)])
def test_the_pdf_shows_every_field_exactly(entry_id: str) -> None:
    entry = BY_ID[entry_id]
    text = read_pdf(pdf_of(entry_id))
    fields = [f for f in FIELDS if f not in ELSEWHERE | PDF_STORED]
    # Lines wrap and a long word breaks across lines, so white space is ignored here; the test
    # above holds it exact in the tagged text.
    missing = _missing(text.everything, entry, fields, squeeze=True)
    missing += _missing("\n".join(pdf_strings(pdf_of(entry_id))), entry, sorted(PDF_STORED), squeeze=True)
    assert not missing, f"not shown as {entry.shown!r}: {missing}"
    headless = [n for n, furniture in enumerate(text.furniture[::2], 1)
                if _missing(furniture, entry, ["appendix"], squeeze=True)]
    assert not headless, f"the running header of pages {headless} does not show the appendix label"


@pytest.mark.parametrize("entry_id", [e.id for e in CORPUS if "\n" in e.shown])
def test_line_break_controls_break_the_line_in_the_pdf(entry_id: str) -> None:
    """A vertical tab, form feed or CR LF shows as the line break it was in Excel or Windows."""
    entry = BY_ID[entry_id]
    body = "\n".join(read_pdf(pdf_of(entry_id), tables=False).pages)
    for field in ("commentary", "notes", "bullet"):
        assert tagged(field, entry.shown) in body, f"{field}: no line break where {entry.text!r} had one"


@pytest.mark.parametrize("entry_id", IDS)
def test_the_pdf_passes_qpdf_check(entry_id: str, tmp_path: Path) -> None:
    qpdf = need("qpdf")
    qpdf_check(qpdf, pdf_of(entry_id), tmp_path)


def test_the_organisation_reaches_both_outputs_when_an_author_is_given() -> None:
    """The organisation is report metadata that text_fields lists: it must not be dropped."""
    report = cp.load(report_with("Blackpool Council & <Partners>"))
    shown = tagged("organisation", "Blackpool Council & <Partners>")
    assert report.author and report.organisation == shown
    word = io.BytesIO()
    cp.render_docx(report, word)
    pdf = io.BytesIO()
    cp.render_pdf(report, pdf)
    assert shown in read_docx(word.getvalue()).everything, "not in the Word file"
    stored = "\n".join([read_pdf(pdf.getvalue(), tables=False).everything, *pdf_strings(pdf.getvalue())])
    assert squeezed(shown) in squeezed(stored), "not in the PDF"


# ------------------------------------------------------------ empty and blank strings


@pytest.mark.parametrize("blank", EMPTY_STRINGS, ids=repr)
@pytest.mark.parametrize("field", list(REQUIRED))
def test_an_empty_required_field_is_a_clean_load_error_naming_it(field: str, blank: str) -> None:
    with pytest.raises(cp.LoadError) as caught:
        cp.load(report_with("fine", {field: blank}))
    path = REQUIRED[field]
    problems = [p for p in caught.value.problems if p.path == path]
    assert problems, f"no problem names {path}: {caught.value}"
    assert "the text is empty" in problems[0].message and "write something" in problems[0].message
    assert f"  {path}: the text is empty" in str(caught.value)


@pytest.mark.parametrize("blank", EMPTY_STRINGS, ids=repr)
def test_blank_cells_and_runs_render_as_blank(blank: str) -> None:
    report = cp.load(report_with("kept", dict.fromkeys(BLANK_ALLOWED, blank)))
    assert not [f for f in cp.check(report) if f.code == "control-characters"]
    word = io.BytesIO()
    cp.render_docx(report, word)
    document = docx.Document(io.BytesIO(word.getvalue()))
    supplementary = [t for t in document.tables if len(t.columns) == 2 and len(t.rows) >= 3][-1]
    shown = clean_text(blank)
    assert [c.text for c in supplementary.rows[0].cells] == [shown, shown]
    assert [c.text for c in supplementary.rows[2].cells] == [shown, shown]
    pdf = io.BytesIO()
    cp.render_pdf(report, pdf)
    for text in (read_docx(word.getvalue()).everything, read_pdf(pdf.getvalue()).everything):
        assert tagged("row 0", "kept") in flat(text)
        assert "Notes:" not in text, "blank notes are no notes"


# --------------------------------------------------------------- files and the CLI


@pytest.mark.parametrize("entry_id", IDS)
def test_yaml_and_json_files_carry_the_text_exactly(entry_id: str, tmp_path: Path) -> None:
    data = report_with(BY_ID[entry_id].text)
    as_yaml = tmp_path / "report.yaml"
    as_yaml.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    as_json = tmp_path / "report.json"
    as_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    expected = report_of(entry_id)
    assert cp.load(as_yaml) == expected
    assert cp.load(as_json) == expected


def test_the_cli_check_names_each_field_with_controls(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pasted.yaml"
    path.write_text(yaml.safe_dump(report_with("from Excel\x0bnext line"), allow_unicode=True),
                    encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    for place in FIELDS.values():
        assert f"warning: {place}: the text holds control characters (U+000B)" in out
    assert main(["check", "--strict", str(path)]) == 1


# ------------------------------------------------------------------ real clients


@pytest.mark.parametrize("entry_id", ["mixed-direction", "docxtpl-subdoc"])
def test_libreoffice_converts_the_word_file(entry_id: str, tmp_path: Path) -> None:
    soffice = need("soffice")
    reader = libreoffice_convert(soffice, docx_of(entry_id), tmp_path, entry_id)
    shown = squeezed("".join(page.extract_text() for page in reader.pages))
    entry = BY_ID[entry_id]
    for field in ("portfolio", "page title", "row 0", "commentary", "cell 0", "appendix"):
        assert squeezed(tagged(field, entry.shown)) in shown, f"LibreOffice does not show {field}"
