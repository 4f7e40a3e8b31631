"""The samples follow the seed pages in the details a reader sees beside the published page
(issue 15, point 6), read back from the rendered .docx (python-docx) and PDF (pdfplumber).

Expected layouts come from the seed transcriptions in tests/seeds/, never from the code.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import Any

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from tests.render.seed_pages import (
    docx_header,
    docx_tables,
    pdf_header,
    pdf_tables,
    seed_headers,
    seed_text,
    squeeze,
    tc_text,
)

import committee_papers as cp

from ..conftest import Q2, Q3

SAMPLES = {"blackpool-q2-2015-16": Q2, "blackpool-q3-2016-17": Q3}


@cache
def rendered(name: str, kind: str) -> bytes:
    buffer = io.BytesIO()
    report = cp.load(SAMPLES[name])
    (cp.render_docx if kind == "docx" else cp.render_pdf)(report, buffer)
    return buffer.getvalue()


def test_the_seed_pages_are_read_as_published() -> None:
    # A check of the reading itself, by hand from the seed text: Q2 page 2 has Target under the
    # year and a two-row DoT header; Q3 page 2 has a Target column of its own.
    q2, q3 = seed_headers("blackpool-q2-2015-16"), seed_headers("blackpool-q3-2016-17")
    assert (len(q2), len(q3)) == (6, 4)
    assert q2[1] == [("2013/14", ""), ("2014/15", ""), ("2015/16", "Q1"), ("2015/16", "Q2"), ("2015/16", "Q3"),
                     ("2015/16", "Q4"), ("2015/16", "Target"), ("DoT", "Against Past Performance")]
    assert q3[1][-2:] == [("2016/2017", "Q4"), ("Target", "")]


@pytest.mark.parametrize("name", SAMPLES)
def test_word_data_table_headers_are_the_seeds(name: str) -> None:
    tables = docx_tables(rendered(name, "docx"), "Figures")
    assert [docx_header(t) for t in tables] == seed_headers(name)


@pytest.mark.parametrize("name", SAMPLES)
def test_pdf_data_table_headers_are_the_seeds_with_th_and_column_scope(name: str) -> None:
    tables = pdf_tables(rendered(name, "pdf"), "Figures")
    assert [squeeze(pdf_header(t)) for t in tables] == [squeeze(h) for h in seed_headers(name)]


def _two_row_dot_only(minimal: dict[str, Any]) -> cp.Report:
    """A table with no year span: its header is two rows only for the DoT column's subheader."""
    page = minimal["sections"][0]["pages"][0]
    page["columns"] = {"past": ["2012/13", "2013/14", "2014/15"]}
    page["rows"][0]["values"] = {"2012/13": 50, "2013/14": 54.8, "2014/15": 58.7}
    page["dot"] = {"basis": "target", "header": "DoT", "subheader": "Against Target"}
    return cp.load(minimal)


def test_a_subheader_alone_makes_a_two_row_header_in_both_formats(minimal: dict[str, Any]) -> None:
    report = _two_row_dot_only(minimal)
    expected = [("2012/13", ""), ("2013/14", ""), ("2014/15", ""), ("Target", ""), ("DoT", "Against Target")]
    word, pdf = io.BytesIO(), io.BytesIO()
    cp.render_docx(report, word)
    cp.render_pdf(report, pdf)
    assert [docx_header(t) for t in docx_tables(word.getvalue(), "Figures")] == [expected]
    assert [squeeze(pdf_header(t)) for t in pdf_tables(pdf.getvalue(), "Figures")] == [squeeze(expected)]


# ---------------------------------------------------------------- bold labels, plain figures

FIGURE = re.compile(r"[\d.,%() ]+")


def seed_bold_rows(name: str) -> list[tuple[str, list[str]]]:
    """Return the seed's table rows whose label is marked bold, with their figure cells."""
    found = []
    for line in seed_text(name).splitlines():
        cells = [c.strip() for c in line.split("\t")]
        match = re.fullmatch(r"<b>(.+)</b>", cells[0])
        if match and len(cells) > 1:
            found.append((match.group(1), [c for c in cells[1:] if FIGURE.fullmatch(c)]))
    return found


def test_the_seed_bolds_labels_of_figures_rows() -> None:
    rows = dict(seed_bold_rows("blackpool-q2-2015-16"))
    assert rows["National Average"] == ["56%", "56%"]  # by hand from the seed page 4
    assert rows["Opiates"] == ["9.38%", "5.75%", "5.7%", "6.4%"]


def test_word_bolds_the_labels_and_not_the_figures_of_the_seeds_bold_rows() -> None:
    document = docx.Document(io.BytesIO(rendered("blackpool-q2-2015-16", "docx")))
    rows = {tc_text(tr.tc_lst[0]): tr for table in document.tables for tr in table._tbl.tr_lst}
    expected = seed_bold_rows("blackpool-q2-2015-16")
    assert len(expected) == 7
    for label, figures in expected:
        tr = rows[label]
        label_runs = [r for r in tr.tc_lst[0].iter(qn("w:r")) if tc_text(r)]
        assert label_runs and all(_bold(r) for r in label_runs), label
        shown = [tc for tc in tr.tc_lst[1:] if FIGURE.fullmatch(tc_text(tc))]
        assert [tc_text(tc) for tc in shown] == figures, label
        assert not any(_bold(r) for tc in shown for r in tc.iter(qn("w:r"))), label


def _bold(run: Any) -> bool:
    properties = run.find(qn("w:rPr"))
    found = None if properties is None else properties.find(qn("w:b"))
    return found is not None and found.get(qn("w:val"), "true") not in ("0", "false")


def test_pdf_bolds_the_labels_and_not_the_figures_of_the_seeds_bold_rows() -> None:
    expected = seed_bold_rows("blackpool-q2-2015-16")
    seen = []
    with pdfplumber.open(io.BytesIO(rendered("blackpool-q2-2015-16", "pdf"))) as pdf:
        for page in pdf.pages:
            for label, figures in expected:
                for match in page.search(label, regex=False, return_chars=True):
                    same_line = [c for c in page.chars if abs(c["top"] - match["top"]) < 1 and c["text"].strip()]
                    if match["x0"] > 120 or any(0 <= c["x0"] - match["x1"] < 5 for c in same_line):
                        continue  # not a row's label: not at the left, or words run on ("No. of children")
                    assert all("Bold" in c["fontname"] for c in match["chars"] if c["text"].strip()), label
                    line = sorted((c for c in same_line if c["x0"] > match["x1"] and c["text"] in "0123456789.,%()"),
                                  key=lambda c: c["x0"])
                    assert "".join(c["text"] for c in line) == "".join(figures), label
                    assert not any("Bold" in c["fontname"] for c in line), label
                    seen.append(label)
    assert sorted(seen) == sorted(label for label, _ in expected)


# ---------------------------------------------------------------- bold paragraphs


def seed_bold_paragraphs(name: str) -> list[str]:
    """Return the seed's paragraphs marked bold whole (``**...**`` on one line), as words."""
    return [" ".join(m.group(1).split()) for line in seed_text(name).splitlines()
            if (m := re.fullmatch(r"\*\*(.+)\*\*", line.strip()))]


def test_the_seed_marks_the_cross_references_bold() -> None:
    assert seed_bold_paragraphs("blackpool-q3-2016-17") == [
        "See commentary above re: children's social care whole system review"] * 2


def test_word_sets_the_seeds_bold_paragraphs_bold_without_asterisks() -> None:
    expected = seed_bold_paragraphs("blackpool-q3-2016-17")
    document = docx.Document(io.BytesIO(rendered("blackpool-q3-2016-17", "docx")))
    found = [p for p in document.paragraphs if p.text in expected]
    assert [p.text for p in found] == expected
    assert all(run.bold for p in found for run in p.runs if run.text)
    assert not any("*" in p.text for p in document.paragraphs)


def test_pdf_sets_the_seeds_bold_paragraphs_bold_without_asterisks() -> None:
    expected = seed_bold_paragraphs("blackpool-q3-2016-17")
    found = []
    with pdfplumber.open(io.BytesIO(rendered("blackpool-q3-2016-17", "pdf"))) as pdf:
        for page in pdf.pages:
            assert "*" not in page.extract_text()
            for text in sorted(set(expected)):
                for match in page.search(text, regex=False, return_chars=True):
                    assert all("Bold" in c["fontname"] for c in match["chars"] if c["text"].strip())
                    found.append(match["text"])
    assert found == expected
