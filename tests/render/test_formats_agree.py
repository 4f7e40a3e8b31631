"""The Word and PDF outputs of each sample hold the same text, cell by cell."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pdfplumber
import pytest

import committee_papers as cp

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _docx_cells(data: bytes) -> tuple[list[str], list[str]]:
    """Return the non-empty table cells in reading order (a merged cell once), and the paragraphs."""
    document = docx.Document(io.BytesIO(data))
    cells: list[str] = []
    for table in document.tables:
        seen: set[object] = set()  # the cell elements themselves: an id() could be reused
        for row in table.rows:
            for cell in row.cells:
                if cell._tc in seen:
                    continue
                seen.add(cell._tc)
                if _norm(cell.text):
                    cells.append(_norm(cell.text))
    paragraphs = [_norm(p.text) for p in document.paragraphs if _norm(p.text)]
    return cells, paragraphs


def _pdf_cells(data: bytes) -> tuple[list[str], str]:
    """Return the non-empty table cells in reading order, and all the text without white space.

    The text is that between the margins, so a paragraph running onto the next page reads on
    without the running header and the page number in between.
    """
    cells: list[str] = []
    text = []
    margin = cp.DEFAULT_STYLE.margin_mm / 25.4 * 72
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            text.append(page.crop((0, margin, page.width, page.height - margin)).extract_text() or "")
            for table in page.find_tables():
                for row in table.extract():
                    cells.extend(_norm(c) for c in row if c is not None and _norm(c))
    return cells, re.sub(r"\s+", "", "".join(text))


@pytest.mark.parametrize("name", ["blackpool-q2-2015-16", "blackpool-q3-2016-17"])
def test_word_and_pdf_hold_the_same_text(name: str) -> None:
    report = cp.load(SAMPLES / f"{name}.yaml")
    word, pdf = io.BytesIO(), io.BytesIO()
    cp.render_docx(report, word)
    cp.render_pdf(report, pdf)
    word_cells, paragraphs = _docx_cells(word.getvalue())
    pdf_cells, pdf_text = _pdf_cells(pdf.getvalue())
    assert len(word_cells) > 50
    assert word_cells == pdf_cells
    for paragraph in paragraphs:  # headings, notes and commentary, in the PDF too
        assert re.sub(r"\s+", "", paragraph) in pdf_text, paragraph[:60]
