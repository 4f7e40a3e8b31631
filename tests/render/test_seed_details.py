"""The samples follow the seed pages in the details a reader sees beside the published page
(issue 15, point 6), read back from the rendered .docx (python-docx) and PDF (pdfplumber).

Expected layouts come from the seed transcriptions in tests/seeds/, never from the code.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import pytest
from tests.render.seed_pages import docx_header, docx_tables, pdf_header, pdf_tables, seed_headers, squeeze

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
