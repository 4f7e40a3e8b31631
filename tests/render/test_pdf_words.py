"""Words keep their spaces where lines wrap; white space is kept as typed (ISO 32000-1 §14.8.2.5).

Each text is read back three ways: ``pdftotext -raw`` (poppler, which honours ActualText),
pdfplumber's characters, and the structure tree's text as a screen reader gets it
(``tests/reliability/tagged.py``). The expected text is always the text typed.
"""

from __future__ import annotations

import io
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from tests.reliability.tagged import read_tagged
from tests.render.test_pdf import SAMPLES, require

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import Heading, ListItems, Table, TextBlock, layout_report, place

CONTENT = {"H1", "H2", "H3", "P", "TH", "TD", "LBody"}


@cache
def pdf_of(name: str) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(cp.load(SAMPLES[name]), buffer)
    return buffer.getvalue()


def _joined(lines: str) -> str:
    """Return extracted text with its line ends removed: words either side of a wrap meet."""
    return lines.replace("\n", "")


def test_pdftotext_reads_the_q2_sample_with_its_word_spaces(tmp_path: Path) -> None:
    path = tmp_path / "q2.pdf"
    path.write_bytes(pdf_of("q2"))
    text = subprocess.run([require("pdftotext"), "-raw", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    joined = _joined(text)
    assert "who do not re-present to treatment within 6 months" in joined
    assert "Increase on previous year" in joined
    assert "DoT Against Target" in joined
    assert "totreatment" not in joined and "Increaseon" not in joined


def test_pdfplumber_keeps_the_space_at_each_line_end() -> None:
    with pdfplumber.open(io.BytesIO(pdf_of("q2"))) as pdf:
        page = pdf.pages[0]
        cells = [_joined(cell or "") for table in page.extract_tables({"text_keep_blank_chars": True})
                 for row in table for cell in row]
        text = _joined(page.extract_text(keep_blank_chars=True))
    assert "% of opiate drug users successfully completing treatment who do not re-present to " \
           "treatment within 6 months" in cells
    assert "Increase on previous year" in cells
    assert "but continues to be below the 2013/14 baseline" in text


def expected_texts(layout: Any) -> list[tuple[str, str]]:
    """Return (tag, text) of every heading, paragraph, cell and list body, from the layout."""
    found: list[tuple[str, str]] = []
    for page in layout.pages:
        for block in page.blocks:
            if isinstance(block, Heading):
                found.append((f"H{min(block.level, 3)}", block.text))
            elif isinstance(block, TextBlock):
                found.append(("P", block.text))
            elif isinstance(block, ListItems):
                found += [("LBody", "".join(span.text for span in item)) for item in block.items]
            elif isinstance(block, Table):
                for placed in place(block):
                    cell = placed.cell
                    if not any(span.alt for span in cell.spans):  # a mark reads as its words
                        found.append(("TH" if cell.scope else "TD", cell.text))
    return found


def read_texts(data: bytes) -> list[tuple[str, str]]:
    tagged = read_tagged(data)
    return [(tag, text) for tag, text, own in tagged.elements
            if tag in CONTENT and not (tag == "TD" and text and _is_mark_cell(tagged, text))]


def _is_mark_cell(tagged: Any, text: str) -> bool:
    return any(tag == "Span" and said == text and "ActualText" in own for tag, said, own in tagged.elements)


@pytest.mark.parametrize("name", ["q2", "q3"])
def test_every_paragraph_and_cell_of_the_samples_reads_as_typed(name: str) -> None:
    report = cp.load(SAMPLES[name])
    layout = layout_report(report, assess_report(report))
    assert read_texts(pdf_of(name)) == expected_texts(layout)


WORDS = st.sampled_from(["a", "to", "treatment", "Increase", "2,774", "(955.6)", "ŵŷ", "Żółć",
                         "re-present", "supercalifragilisticexpialidociousness", "&", "%"])
GAPS = st.sampled_from([" ", " ", " ", "  ", "   ", "\t", " \t", "\n", "\n  ", " \n", "\n\n"])


@st.composite
def typed(draw: st.DrawFn) -> str:
    """Text as an officer might type it: words, runs of spaces, tabs and line breaks."""
    count = draw(st.integers(1, 30))
    parts = [draw(st.sampled_from(["", " ", "  "]))]
    for number in range(count):
        if number:
            parts.append(draw(GAPS))
        parts.append(draw(WORDS))
    parts.append(draw(st.sampled_from(["", " ", "  "])))
    return "".join(parts)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: each example renders a PDF
@given(commentary=typed(), cell=typed(), description=typed())
def test_any_typed_text_reads_back_exactly_in_the_tagged_pdf(commentary: str, cell: str,
                                                               description: str) -> None:
    """Narrow cells and a full-width paragraph: every wrap keeps its space, every run of white
    space and every line break reads back as typed."""
    report = cp.load({"appendix": "App", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": description, "polarity": "high"}],
        "supplementary": [{"header": [["A", "B", "C", "D", "E"]],
                           "rows": [[cell, cell, "x", "y", "z"]]}],
        "commentary": [commentary]}]}]})
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer)
    found = read_texts(buffer.getvalue())
    assert ("P", commentary) in found
    assert ("TD", description) in found
    assert [text for tag, text in found if tag in ("TH", "TD")].count(cell) >= 2
    assert found == expected_texts(layout_report(report, assess_report(report)))
