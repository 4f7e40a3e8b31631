"""Word and the PDF break the same lines: the .docx through LibreOffice against our PDF.

For pages under width pressure (set smaller upright, turned to landscape, split into column
groups) and the two Blackpool samples, both PDFs are read back with pdfplumber: the same number
of pages, each the same size and orientation, and every table cell with the same text on the
same lines (pdfplumber's table extraction joins a cell's lines with newlines). Expected values
are LibreOffice's rendering of our Word file, a client we do not control.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import committee_papers as cp

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "layout"))
from pressure import MONTHS, PAST, page_of, report_of

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
WEEKS = [f"W{n}" for n in range(1, 31)]


def _pairs(periods: list[str], value: str = "2,912 (1000.4)") -> list[dict[str, Any]]:
    return [{"label": "No. (Rate)", "values": dict.fromkeys(periods, value)}]


CASES: dict[str, Callable[[], cp.Report]] = {
    "smaller upright": lambda: report_of(page_of([], MONTHS, _pairs(MONTHS))),
    "landscape": lambda: report_of(page_of(PAST[3:], MONTHS, _pairs([*PAST[3:], *MONTHS]),
                                           target="Increase on previous year")),
    "split": lambda: report_of(page_of([], WEEKS, _pairs(WEEKS, "12,345 (1234.5)"))),
    "mixed": lambda: report_of(page_of([], MONTHS[:3], _pairs(MONTHS[:3]), title="Upright"),
                               page_of(PAST[3:], MONTHS, _pairs([*PAST[3:], *MONTHS]), title="Turned"),
                               page_of([], MONTHS[:2], _pairs(MONTHS[:2]), title="Upright again")),
    "hyphens": lambda: report_of(page_of([], MONTHS, [
        {"label": "Self-reported-wellbeing-of-residents", "values": dict.fromkeys(MONTHS, "2,912 (1000.4)")},
        {"label": "Year-to-date cumulative figure", "values": dict.fromkeys(MONTHS, "12")}])),
    "soft hyphens": lambda: report_of(page_of([], MONTHS, [
        {"label": "Self\xadreported well\xadbeing of resi\xaddents", "values": dict.fromkeys(MONTHS, "2,912 (1000.4)")},
        {"label": "Anti\xaddis\xadestab\xadlish\xadment\xadarian\xadism", "values": dict.fromkeys(MONTHS, "12")}])),
    "q2": lambda: cp.load(SAMPLES / "blackpool-q2-2015-16.yaml"),
    "q3": lambda: cp.load(SAMPLES / "blackpool-q3-2016-17.yaml"),
}


def _read(path: Path) -> list[tuple[tuple[int, int], list[list[list[str | None]]]]]:
    """Return each page's size and tables' cells. A soft hyphen shown at a break is extracted
    as U+00AD from ours (ISO 32000-1 §14.8.2.2.3) and as "-" from LibreOffice's: read alike."""
    with pdfplumber.open(path) as pdf:
        return [((round(page.width), round(page.height)),
                 [[[None if cell is None else cell.replace("\xad", "-") for cell in row] for row in table.extract()]
                  for table in page.find_tables()])
                for page in pdf.pages]


@pytest.mark.parametrize("case", CASES)
def test_libreoffice_shows_the_word_file_as_our_pdf_is_drawn(case: str, to_pdf: Callable[[Path], Path],
                                                            tmp_path: Path) -> None:
    report = CASES[case]()
    ours = tmp_path / "ours.pdf"
    cp.render_pdf(report, ours)
    word = tmp_path / "word.docx"
    cp.render_docx(report, word)
    theirs = _read(to_pdf(word))
    drawn = _read(ours)
    assert [size for size, _ in theirs] == [size for size, _ in drawn], "pages and their orientation"
    compared = 0
    for number, ((_, mine), (_, other)) in enumerate(zip(drawn, theirs, strict=True), 1):
        assert len(mine) == len(other), f"page {number}: tables"
        for table, seen in zip(mine, other, strict=True):
            assert table == seen, f"page {number}: a table's cells wrap differently"
            compared += sum(len(row) for row in table)
    assert compared > 10


def test_the_turned_page_is_landscape_in_both_and_the_others_upright(to_pdf: Callable[[Path], Path],
                                                                  tmp_path: Path) -> None:
    report = CASES["mixed"]()
    word = tmp_path / "mixed.docx"
    cp.render_docx(report, word)
    ours = tmp_path / "ours.pdf"
    cp.render_pdf(report, ours)
    a4, turned = (595, 842), (842, 595)
    assert [size for size, _ in _read(to_pdf(word))] == [a4, turned, a4]
    assert [size for size, _ in _read(ours)] == [a4, turned, a4]


def _sections(path: Path) -> list[Any]:
    """Return the .docx's section properties in order: those ending sections in paragraphs,
    then the body's own (the last section's)."""
    import docx
    from docx.oxml.ns import qn

    body = docx.Document(str(path)).element.body
    return list(body.iter(qn("w:sectPr")))


def _numbering_template(tmp_path: Path) -> Path:
    """Return the house-style template numbering from 12, with a first-page header of its own,
    as a council numbering an appendix on from its report might."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    template = docx.Document(str(Path(__file__).resolve().parents[3] / "templates" / "house-style.docx"))
    properties = template.sections[-1]._sectPr
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "12")
    properties.append(numbering)
    template.sections[-1].different_first_page_header_footer = True
    path = tmp_path / "numbered-from-12.docx"
    template.save(str(path))
    return path


def test_sections_after_the_first_go_on_numbering_and_have_no_first_page_header(
        to_pdf: Callable[[Path], Path], tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    template = _numbering_template(tmp_path)
    word = tmp_path / "mixed.docx"
    cp.render_docx(CASES["mixed"](), word, template=template)
    sections = _sections(word)
    assert len(sections) == 3  # upright, turned, upright again
    starts = [s.find(qn("w:pgNumType")) for s in sections]
    assert starts[0] is not None and starts[0].get(qn("w:start")) == "12"  # the template's, kept once
    assert all(s is None or s.get(qn("w:start")) is None for s in starts[1:])
    assert sections[0].find(qn("w:titlePg")) is not None
    assert all(s.find(qn("w:titlePg")) is None for s in sections[1:])
    with pdfplumber.open(to_pdf(word)) as pdf:
        numbers = [int(text.split("Page ", 1)[1].split()[0]) for text in (p.extract_text() for p in pdf.pages)
                   if "Page " in text]
    assert numbers == [13, 14]  # page 1 has its own (empty) footer; the next two go on from 12


def test_a_chart_on_a_landscape_page_is_as_wide_as_its_text_in_both(to_pdf: Callable[[Path], Path],
                                                                    tmp_path: Path) -> None:
    """Charts follow the page: the drawing in Word is as wide as the turned page's text
    (297 - 2 x 20 = 257 mm), and LibreOffice breaks the pages as our PDF does."""
    import docx

    from committee_papers.model import with_charts

    report = with_charts(CASES["mixed"]())
    word, ours = tmp_path / "charts.docx", tmp_path / "charts.pdf"
    cp.render_docx(report, word)
    cp.render_pdf(report, ours)
    widths = [round(shape.width.mm) for shape in docx.Document(str(word)).inline_shapes]
    assert widths == [170, 257, 170]
    assert [size for size, _ in _read(to_pdf(word))] == [size for size, _ in _read(ours)]
