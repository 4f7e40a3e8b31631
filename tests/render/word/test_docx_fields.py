"""The Word file's page fields and statistics: right where the library knows the page count.

The expected page count is read from our own PDF of the same document (pdfplumber), the
expected words from the PDF's footer and the Welsh label. Read back: the footer part's
paragraphs (field results as Word stores them), ``word/settings.xml`` and ``docProps/app.xml``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

import committee_papers as cp
from committee_papers.cli import main
from committee_papers.pack.render import render_pack

from .both import SAMPLES, W

EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def _footer(data: bytes) -> tuple[str, dict[str, str]]:
    """Return the footer's text as a viewer that never updates fields shows it, and each page
    field's stored result."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.startswith("word/footer")]
        root = etree.fromstring(archive.read(names[0]))
    paragraph = next(p for p in root.iter(f"{W}p") if any(True for _ in p.iter(f"{W}instrText")))
    shown, results, state, code = [], {}, "text", ""
    for run in paragraph.iter(f"{W}r"):
        mark = run.find(f"{W}fldChar")
        kind = None if mark is None else mark.get(f"{W}fldCharType")
        if kind == "begin":
            state, code = "code", ""
        elif kind == "separate":
            state = "result"
            results[code.split()[0]] = ""
        elif kind == "end":
            state = "text"
        elif state == "code":
            code += "".join(t.text or "" for t in run.iter(f"{W}instrText"))
        else:
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            shown.append(text)
            if state == "result":
                results[code.split()[0]] += text
    return "".join(shown), results


def _pdf_pages(data: bytes) -> tuple[int, str]:
    """Return the PDF's page count and its first page's last line (the page number)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        lines = pdf.pages[0].extract_text_lines()
        return len(pdf.pages), max(lines, key=lambda line: line["top"])["text"]


def _render_both(tmp_path: Path, name: str) -> tuple[bytes, bytes]:
    assert main(["render", str(SAMPLES / f"{name}.yaml"), "-o", str(tmp_path), "--format", "both"]) == 0
    return (tmp_path / f"{name}.docx").read_bytes(), (tmp_path / f"{name}.pdf").read_bytes()


@pytest.mark.parametrize("workers", ["1", "2"])  # one process, or the Word file in a forked child
@pytest.mark.parametrize(("name", "words"), [("blackpool-q2-2015-16", "Page 1 of {}"),
                                             ("e-welsh", "Tudalen 1 o {}")])
def test_the_footer_shows_the_pdfs_page_count_in_the_reports_language(tmp_path: Path, name: str,
                                                                      words: str, workers: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from committee_papers.parallel import WORKERS

    monkeypatch.setenv(WORKERS, workers)
    word, pdf = _render_both(tmp_path, name)
    pages, pdf_footer = _pdf_pages(pdf)
    shown, results = _footer(word)
    assert results == {"PAGE": "1", "NUMPAGES": str(pages)}
    assert shown == pdf_footer == words.format(pages)
    assert OpenXmlValidator().validate(str(tmp_path / f"{name}.docx")).error_count == 0


def test_the_pack_names_this_library_and_its_page_count(tmp_path: Path) -> None:
    pack = cp.build_pack(cp.read_workbook(SAMPLES / "kpis.xlsx"))
    word, pdf = tmp_path / "pack.docx", tmp_path / "pack.pdf"
    render_pack(pack, pdf=pdf, docx=word)
    pages, _ = _pdf_pages(pdf.read_bytes())
    assert pages > 10
    data = word.read_bytes()
    assert _footer(data)[1] == {"PAGE": "1", "NUMPAGES": str(pages)}
    settings = _part(data, "word/settings.xml")
    update = settings.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"
    app = _part(data, "docProps/app.xml")
    assert app.findtext(f"{EXTENDED}Application") == f"committee_papers {cp.__version__}"
    assert app.findtext(f"{EXTENDED}Pages") == str(pages)
    for counted in ("Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs"):
        assert app.find(f"{EXTENDED}{counted}") is None  # not counted, so not claimed
    result = OpenXmlValidator().validate(str(word))
    assert (result.error_count, result.warning_count) == (0, 0), result.errors


def test_a_word_file_made_alone_claims_no_page_count() -> None:
    """Without the PDF's layout the library does not know the count: it shows none (Word
    computes it on opening) rather than the template's stale 1."""
    buffer = io.BytesIO()
    cp.render_docx(cp.load(SAMPLES / "blackpool-q3-2016-17.yaml"), buffer)
    data = buffer.getvalue()
    shown, results = _footer(data)
    assert results == {"PAGE": "1", "NUMPAGES": ""}
    assert shown == "Page 1 of "
    app = _part(data, "docProps/app.xml")
    assert app.find(f"{EXTENDED}Pages") is None
    assert app.findtext(f"{EXTENDED}Application", "").startswith("committee_papers")
    assert _part(data, "word/settings.xml").find(f"{W}updateFields") is not None


def test_libreoffice_computes_the_welsh_page_numbers(tmp_path: Path, to_pdf) -> None:
    _render_both(tmp_path, "e-welsh")
    with pdfplumber.open(to_pdf(tmp_path / "e-welsh.docx")) as pdf:
        text = pdf.pages[0].extract_text()
    assert "Tudalen 1 o 1" in text and "Page" not in text
