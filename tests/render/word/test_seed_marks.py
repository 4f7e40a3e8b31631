"""The "no change" mark ↔ has the size and weight of the other arrows (issue 15, point 6); only
its colour is its own (neutral). Read back from the .docx, from LibreOffice's PDF of it, and
from the library's PDF."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber
from docx.oxml.ns import qn

import committee_papers as cp

from ...conftest import Q3

ARROWS = "↑↓"
SAME = "↔"


def _q3(kind: str) -> bytes:
    buffer = io.BytesIO()
    (cp.render_docx if kind == "docx" else cp.render_pdf)(cp.load(Q3), buffer)
    return buffer.getvalue()


def _glyphs(data: bytes) -> dict[str, set[tuple[str, float]]]:
    """Return, for ↔ and for the other arrows, the (font, size) pairs they are drawn in."""
    found: dict[str, set[tuple[str, float]]] = {SAME: set(), ARROWS: set()}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                key = SAME if char["text"] == SAME else ARROWS if char["text"] in ARROWS else None
                if key is not None:
                    found[key].add((char["fontname"].split("+")[-1], round(char["size"], 1)))
    return found


def test_the_sample_has_the_mark_and_the_other_arrows() -> None:
    text = Q3.read_text(encoding="utf-8")
    assert "published: ↔" in text and "↑" in text  # the seed's Q3 page 4 prints ↔ beside ↑ ✖


def test_the_pdf_draws_the_same_mark_in_the_arrows_face_and_size() -> None:
    found = _glyphs(_q3("pdf"))
    assert found[SAME] and found[SAME] == found[ARROWS]
    assert all("Bold" in font for font, _ in found[SAME])


def test_word_gives_the_same_mark_the_arrows_run_and_style_properties_but_colour() -> None:
    document = docx.Document(io.BytesIO(_q3("docx")))
    runs = [r for table in document.tables for row in table.rows for cell in row.cells
            for p in cell.paragraphs for r in p.runs]
    same = [r for r in runs if SAME in r.text]
    arrows = [r for r in runs if set(r.text) & set(ARROWS)]
    assert same and arrows
    assert {(r.bold, r.italic, r.font.size, r.font.name) for r in same} == {
        (r.bold, r.italic, r.font.size, r.font.name) for r in arrows}
    styles = {r.style.name for r in same + arrows}
    assert "DoT Neutral" in styles and len(styles) > 1

    def looks(name: str) -> tuple[object, ...]:
        style = document.styles[name]
        fonts = style.element.find(qn("w:rPr"))
        names = None if fonts is None or fonts.find(qn("w:rFonts")) is None else tuple(sorted(
            fonts.find(qn("w:rFonts")).attrib.items()))
        return names, style.font.size, style.font.bold, style.font.italic

    assert len({looks(name) for name in styles}) == 1  # the styles differ in colour only


def test_libreoffice_draws_the_same_mark_in_the_arrows_face_and_size(
        to_pdf: Callable[[Path], Path], tmp_path: Path) -> None:
    source = tmp_path / "q3.docx"
    source.write_bytes(_q3("docx"))
    found = _glyphs(to_pdf(source).read_bytes())
    assert found[SAME] and found[SAME] == found[ARROWS]
