"""Content longer than a page: tables split with their header, text flows on, nothing crashes."""

from __future__ import annotations

import io
import re
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

import committee_papers as cp


def report(page: dict[str, Any]) -> cp.Report:
    indicators = [{"description": "Long content", "polarity": "high", "unit": "count"}]
    return cp.load({"appendix": "App Long", "sections": [
        {"portfolio": "PORTFOLIO", "pages": [{"indicators": indicators, **page}]}]})


def render(page: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(report(page), buffer)
    return buffer.getvalue()


def texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() for page in pdf.pages]


def first_table_rows(data: bytes) -> list[list[list[str | None]]]:
    """Return, for each page, the rows of the first table on it."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(page.extract_tables() or [[]])[0] for page in pdf.pages]


def assert_page_numbers(pages: list[str]) -> None:
    total = len(pages)
    for number, text in enumerate(pages, 1):
        assert text.splitlines()[0] == "App Long"
        assert text.splitlines()[-1] == f"Page {number} of {total}"


COLUMNS = {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2"]}


@pytest.fixture(scope="module")
def three_hundred_rows() -> bytes:
    rows = [{"label": f"Row {i}", "values": {"2014/15": i, "Q1": i + 1, "Q2": i + 2}, "target": i}
            for i in range(300)]
    return render({"columns": COLUMNS, "rows": rows})


def test_a_300_row_table_runs_over_pages_with_every_row(three_hundred_rows: bytes) -> None:
    pages = texts(three_hundred_rows)
    assert len(pages) >= 5
    found = [int(n) for text in pages for n in re.findall(r"^Row (\d+) ", text, re.MULTILINE)]
    assert found == list(range(300))
    assert_page_numbers(pages)


def test_the_header_rows_repeat_on_every_page_the_table_spans(three_hundred_rows: bytes) -> None:
    per_page = first_table_rows(three_hundred_rows)
    spanned = [rows for rows in per_page if any((r[0] or "").startswith("Row ") for r in rows)]
    assert len(spanned) == len(per_page) - (0 if per_page[0] == spanned[0] else 1)
    assert len(spanned) >= 5
    for rows in spanned:
        assert rows[0][1:3] == ["2014/15", "2015/16"], rows[:2]
        assert "Target" in rows[0]
        assert [cell for cell in rows[1] if cell] == ["Q1", "Q2"]
        assert (rows[2][0] or "").startswith("Row ")


def test_a_text_target_spanning_300_rows_does_not_crash() -> None:
    rows = [{"label": f"Row {i}", "values": {"2014/15": i, "Q1": i + 1, "Q2": i + 2}}
            for i in range(300)]
    data = render({"columns": COLUMNS, "rows": rows, "target": "Increase on previous year",
                   "dot": {"basis": "target", "header": "DoT Against Target"}})
    pages = texts(data)
    found = [int(n) for text in pages for n in re.findall(r"^Row (\d+) ", text, re.MULTILINE)]
    assert found == list(range(300))
    assert "Increase on" in pages[0]


def test_a_10000_word_commentary_flows_on() -> None:
    words = " ".join(f"word{i}" for i in range(10_000))
    data = render({"commentary": words})
    pages = texts(data)
    assert len(pages) > 10
    found = [int(n) for text in pages for n in re.findall(r"word(\d+)", text)]
    assert found == list(range(10_000))
    assert_page_numbers(pages)
    first = pages[0]
    assert "Commentary:" in first and "word0 " in first, "the heading stays with the text it heads"
    assert len(PdfReader(io.BytesIO(data)).outline) == 2


def test_a_5000_word_cell_splits_inside_its_row() -> None:
    cell = " ".join(f"w{i}" for i in range(5_000))
    data = render({"supplementary": [{"header": [["School", "2014"]],
                                      "rows": [[cell, "1%"], ["Next school", "2%"]]}]})
    pages = texts(data)
    assert len(pages) > 3
    found = [int(n) for text in pages for n in re.findall(r"\bw(\d+)\b", text)]
    assert found == list(range(5_000))
    assert "Next school" in pages[-1]
    for rows in first_table_rows(data)[1:]:
        assert rows[0] == ["School", "2014"], "the header row repeats on each page of the cell"
    assert_page_numbers(pages)


def test_a_header_taller_than_a_third_of_a_page_flows_instead_of_repeating() -> None:
    header = " ".join(f"h{i}" for i in range(1_500))
    data = render({"supplementary": [{"header": [[header, "2014"]],
                                      "rows": [[f"School {i}", "1%"] for i in range(3)]}]})
    pages = texts(data)
    assert len(pages) > 1
    found = [int(n) for text in pages for n in re.findall(r"\bh(\d+)\b", text)]
    assert found == list(range(1_500)), "every word of the header, once, in order"
    assert "School 2" in pages[-1]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            assert all(c["top"] >= 0 and c["bottom"] <= page.height for c in page.chars)
    assert_page_numbers(pages)
