"""Blocks are spaced by paragraph spacing, not empty paragraphs, and headings keep with what follows.

Read back from the .docx's body XML and our PDF's character positions. The expected gap is
the house style's ``Spacing.table_after``; what Word requires is from ECMA-376 and Word's
behaviour: two tables with nothing between them are shown as one (python-docx issue 1072,
pandoc issue 4315), and a body ends with a paragraph.
"""

from __future__ import annotations

import io
import itertools

import pdfplumber
import pytest

import committee_papers as cp
from committee_papers.layout import DocumentLayout, Heading, LayoutCell, LayoutRow, PageLayout, Span, Table, TextBlock
from committee_papers.render.docx import render_docx
from committee_papers.render.pdf import render_pdf

from .both import NAMES, Pair, W, is_empty, render, text_of

GAP = cp.DEFAULT_STYLE.spacing.table_after
TWIPS = round(GAP * 20)


@pytest.fixture(scope="module")
def pairs() -> dict[str, Pair]:
    return {name: render(name) for name in NAMES}


def _spacing(paragraph: object, name: str) -> int | None:
    found = paragraph.find(f"{W}pPr/{W}spacing")  # type: ignore[attr-defined]
    value = None if found is None else found.get(f"{W}{name}")
    return None if value is None else int(value)


@pytest.mark.parametrize("name", NAMES)
def test_no_empty_paragraph_spaces_blocks_apart(pairs: dict[str, Pair], name: str) -> None:
    """The only paragraphs with nothing in them are those Word requires: between two tables,
    exactly the house gap tall; after a table that ends the body, hidden and one point tall."""
    children = [c for c in pairs[name].body if c.tag in (f"{W}p", f"{W}tbl")]
    tables = sum(1 for c in children if c.tag == f"{W}tbl")
    assert tables >= 1
    for index, child in enumerate(children):
        if child.tag != f"{W}p" or not is_empty(child):
            continue
        before = children[index - 1].tag if index else None
        after = children[index + 1].tag if index + 1 < len(children) else None
        where = f"{name}: empty paragraph {index} between {before} and {after}"
        assert before == f"{W}tbl", where
        spacing = child.find(f"{W}pPr/{W}spacing")
        assert spacing is not None, where
        assert (spacing.get(f"{W}before"), spacing.get(f"{W}after"), spacing.get(f"{W}lineRule")) == \
            ("0", "0", "exact"), where
        if after == f"{W}tbl":
            assert int(spacing.get(f"{W}line")) == TWIPS, where
        else:
            assert after is None, where
            assert int(spacing.get(f"{W}line")) <= 20, where
            assert child.find(f"{W}pPr/{W}rPr/{W}vanish") is not None, where


@pytest.mark.parametrize("name", NAMES)
def test_the_paragraph_after_a_table_is_spaced_by_the_house_gap(pairs: dict[str, Pair], name: str) -> None:
    children = [c for c in pairs[name].body if c.tag in (f"{W}p", f"{W}tbl")]
    followed = 0
    for table, following in itertools.pairwise(children):
        if table.tag != f"{W}tbl" or following.tag != f"{W}p" or is_empty(following):
            continue
        style = following.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == "SmallText":  # a footnote: right under its table
            continue
        if following.find(f"{W}pPr/{W}pageBreakBefore") is not None:
            continue
        followed += 1
        before = _spacing(following, "before")
        assert before is not None and before >= TWIPS, (name, text_of(following)[:40], before)
    assert followed >= 1 or name in ("a-indicator-rows",)


def _table(kind: str = "data") -> Table:
    header = LayoutRow((LayoutCell((Span("Head", bold=True),)), LayoutCell((Span("Two", bold=True),))), header=True)
    body = tuple(LayoutRow((LayoutCell((Span(f"Row {n}"),)), LayoutCell((Span(str(n)),)))) for n in range(3))
    return Table((header, *body), (0.5, 0.5), "A table", kind)


def _layout(*blocks: object) -> DocumentLayout:
    page = PageLayout(tuple(blocks), "Page", "Portfolio")  # type: ignore[arg-type]
    return DocumentLayout("Title", "Subject", "Author", (), "en-GB", "Appendix", (page,))


def _pdf(layout: DocumentLayout) -> bytes:
    buffer = io.BytesIO()
    render_pdf(layout, buffer)
    return buffer.getvalue()


def _docx_body(layout: DocumentLayout) -> list[object]:
    buffer = io.BytesIO()
    render_docx(layout, buffer)
    pair = Pair(buffer.getvalue(), b"")
    return [c for c in pair.body if c.tag in (f"{W}p", f"{W}tbl")]


def test_a_heading_after_a_table_does_not_touch_it_in_either_format() -> None:
    """A Heading 1 has no space before of its own (0 pt in the house style): after a table it
    takes the house gap, in Word as its space before and in the PDF as the same distance."""
    assert cp.DEFAULT_STYLE.spacing.heading_before[0] == 0
    layout = _layout(Heading(1, "Top"), _table(), Heading(1, "Indicators reported by exception"), _table())
    children = _docx_body(layout)
    heading = next(c for c in children if text_of(c) == "Indicators reported by exception")
    assert children[children.index(heading) - 1].tag == f"{W}tbl"
    assert _spacing(heading, "before") == TWIPS
    assert heading.find(f"{W}pPr/{W}keepNext") is not None
    with pdfplumber.open(io.BytesIO(_pdf(layout))) as pdf:
        page = pdf.pages[0]
        first = sorted(page.find_tables(), key=lambda t: t.bbox[1])[0]
        line = next(ln for ln in page.extract_text_lines() if ln["text"].startswith("Indicators reported"))
        size = line["chars"][0]["size"]
        # the line's top is the table's bottom plus the gap; its glyphs start below that
        assert line["top"] - first.bbox[3] >= GAP - 0.5
        assert line["top"] - first.bbox[3] <= GAP + size * 0.4


def test_a_heading_before_its_table_is_never_alone_at_the_foot_of_a_page() -> None:
    """Fill a page with text so that only the heading would fit: it moves to the next page with
    its table, in the PDF; in Word every heading paragraph keeps with the next (w:keepNext)."""
    filler = tuple(TextBlock((Span(f"Line {n} of text that fills the page."),)) for n in range(34))
    for extra in range(6):  # some count of lines leaves room for the heading alone
        layout = _layout(*filler, *(TextBlock((Span("More."),)),) * extra, Heading(2, "Stranded?"), _table())
        with pdfplumber.open(io.BytesIO(_pdf(layout))) as pdf:
            where = {n: page.extract_text() for n, page in enumerate(pdf.pages)}
        heading_page = next(n for n, text in where.items() if "Stranded?" in text)
        table_page = next(n for n, text in where.items() if "Row 0" in text)
        assert heading_page == table_page, extra
    children = _docx_body(layout)
    heading = next(c for c in children if text_of(c) == "Stranded?")
    assert heading.find(f"{W}pPr/{W}keepNext") is not None


def test_two_tables_are_held_apart_by_exactly_the_gap_in_the_pdf() -> None:
    with pdfplumber.open(io.BytesIO(_pdf(_layout(_table("indicators"), _table())))) as pdf:
        boxes = sorted((t.bbox for t in pdf.pages[0].find_tables()), key=lambda b: b[1])
    assert len(boxes) == 2
    assert boxes[1][1] - boxes[0][3] == pytest.approx(GAP, abs=0.3)


def test_no_line_of_a_paragraph_is_left_alone_on_a_page() -> None:
    """Widow and orphan control, as Word's w:widowControl (set in the template) and LibreOffice:
    wherever a page break falls in a paragraph, each page holds at least two of its lines."""
    words = " ".join(f"word{n}" for n in range(60))  # four or five lines of body text
    filler = tuple(TextBlock((Span(f"Line {n} of text that fills the page."),)) for n in range(30))
    splits = 0
    for extra in range(12):
        layout = _layout(*filler, *(TextBlock((Span("More."),)),) * extra, TextBlock((Span(words),)))
        with pdfplumber.open(io.BytesIO(_pdf(layout))) as pdf:
            counts = [sum(1 for ln in page.extract_text_lines() if ln["text"].startswith("word"))
                      for page in pdf.pages]
        split = [count for count in counts if count]
        if len(split) > 1:
            splits += 1
            assert min(split) >= 2, (extra, counts)
    assert splits >= 2  # the paragraph was split across pages in several places
    pair = Pair(_docx_bytes(_layout(TextBlock((Span(words),)))), b"")
    defaults = pair.part("word/styles.xml").find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    assert defaults is not None and defaults.find(f"{W}widowControl") is not None


def _docx_bytes(layout: DocumentLayout) -> bytes:
    buffer = io.BytesIO()
    render_docx(layout, buffer)
    return buffer.getvalue()
