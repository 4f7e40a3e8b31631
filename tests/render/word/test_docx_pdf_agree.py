"""Word and PDF agree: LibreOffice's PDF of each .docx against our own PDF of the same document.

Every sample and the pack are rendered in both formats, the .docx converted by LibreOffice
(with the machine's own fonts, no font renamed for it), and both PDFs read back with
pdfplumber. The tolerances, stated once here:

- page count: equal;
- the gap between two tables: the house style's ``table_after``, within 0.5 pt in each file;
- a table row: within 3% of our PDF's height, for every row whose cells wrap to the same
  number of lines in both (where they wrap differently, that is the column widths' doing);
- the running header and the page number: the same font size in both;
- a mark (arrow, tick, cross): drawn in the same font, its baseline within 0.5 pt of the same
  place in its cell (measured from the cell's middle).
"""

from __future__ import annotations

import io
import itertools
import statistics
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest

import committee_papers as cp

from .both import NAMES, Pair, W, convert, page_count, render

GAP = cp.DEFAULT_STYLE.spacing.table_after
ROW_TOLERANCE = 0.03
MARKS = frozenset("↑↓↔✓✗")


@pytest.fixture(scope="module")
def pairs(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Pair]:
    made = {name: render(name) for name in NAMES}
    converted = convert(soffice, tmp_path_factory.mktemp("agree"), {n: p.docx for n, p in made.items()})
    for name, pair in made.items():
        pair.lo = converted[name]
    return made


def _each_page(data: bytes, read: Callable[[object], list[object]]) -> list[object]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [item for page in pdf.pages for item in read(page)]


def _adjacent_gaps(page: object) -> list[float]:
    """Return the space between each two tables on a page with no text between them."""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])  # type: ignore[attr-defined]
    gaps = []
    for upper, lower in itertools.pairwise(tables):
        between = [c for c in page.chars if upper.bbox[3] < c["top"] < lower.bbox[1]]  # type: ignore[attr-defined]
        if not between:
            gaps.append(lower.bbox[1] - upper.bbox[3])
    return gaps


def _rows(page: object) -> list[tuple[float, int]]:
    """Return each table row's height and how many lines of text lie across it (in any cell,
    one spanning rows included: its lines are counted in the rows they fall in)."""
    found = []
    for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):  # type: ignore[attr-defined]
        left, right = table.bbox[0], table.bbox[2]
        for row in table.rows:
            top, bottom = row.bbox[1], row.bbox[3]
            tops = sorted(c["top"] for c in page.chars  # type: ignore[attr-defined]
                          if c["text"].strip() and left <= c["x0"] <= right and top <= c["top"] < bottom)
            lines = sum(1 for a, b in zip([None, *tops], tops, strict=False) if a is None or b - a > 2)
            found.append((bottom - top, lines))
    return found


@pytest.mark.parametrize("name", NAMES)
def test_both_have_the_same_pages_and_the_house_gap_between_tables(pairs: dict[str, Pair], name: str) -> None:
    pair = pairs[name]
    assert pair.lo is not None
    assert page_count(pair.lo) == page_count(pair.pdf)
    ours, theirs = _each_page(pair.pdf, _adjacent_gaps), _each_page(pair.lo, _adjacent_gaps)
    assert len(ours) == len(theirs)
    for gap in [*ours, *theirs]:
        assert gap == pytest.approx(GAP, abs=0.5), (name, ours, theirs)


@pytest.mark.parametrize("name", NAMES)
def test_table_rows_are_as_tall_in_word_as_in_the_pdf(pairs: dict[str, Pair], name: str) -> None:
    pair = pairs[name]
    assert pair.lo is not None
    ours, theirs = _each_page(pair.pdf, _rows), _each_page(pair.lo, _rows)
    assert len(ours) == len(theirs) > 0
    compared = [(a, b) for (a, lines_a), (b, lines_b) in zip(ours, theirs, strict=True) if lines_a == lines_b]
    assert compared, "no row wraps alike"  # a-indicator-rows and c-annual-five-years wrap headers apart
    for ours_height, word_height in compared:
        assert word_height == pytest.approx(ours_height, rel=ROW_TOLERANCE), (name, ours_height, word_height)
    ratios = [b / a for a, b in compared]
    assert statistics.median(ratios) == pytest.approx(1.0, abs=0.01)


def _furniture_sizes(page: object) -> set[float]:
    """Return the font sizes of the text above the top margin and below the bottom margin."""
    margin = cp.DEFAULT_STYLE.margin_mm / 25.4 * 72
    height = page.height  # type: ignore[attr-defined]
    return {round(c["size"], 1) for c in page.chars  # type: ignore[attr-defined]
            if c["text"].strip() and (c["bottom"] < margin or c["top"] > height - margin)}


@pytest.mark.parametrize("name", NAMES)
def test_header_and_footer_are_the_same_size_in_both(pairs: dict[str, Pair], name: str) -> None:
    pair = pairs[name]
    assert pair.lo is not None
    ours, theirs = set(_each_page(pair.pdf, _furniture_sizes)), set(_each_page(pair.lo, _furniture_sizes))
    assert ours == theirs == {cp.DEFAULT_STYLE.furniture_size}


def _marks(page: object) -> list[tuple[str, str, float]]:
    """Return each mark in a table cell: its character, font and baseline below the cell's middle."""
    cells = [c for t in page.find_tables() for r in t.rows for c in r.cells if c]  # type: ignore[attr-defined]
    found = []
    for char in page.chars:  # type: ignore[attr-defined]
        if char["text"] not in MARKS:
            continue
        inside = [b for b in cells if b[0] - 0.5 <= char["x0"] and char["x1"] <= b[2] + 0.5
                  and b[1] - 0.5 <= char["top"] and char["bottom"] <= b[3] + 0.5]
        if inside:
            box = min(inside, key=lambda b: (b[3] - b[1]) * (b[2] - b[0]))
            baseline = page.height - char["matrix"][5]  # type: ignore[attr-defined]
            family = char["fontname"].split("+")[-1].split("-")[0]
            found.append((char["text"], family, baseline - (box[1] + box[3]) / 2))
    return found


@pytest.mark.parametrize("name", ["blackpool-q2-2015-16", "blackpool-q3-2016-17", "kpis-pack"])
def test_marks_are_drawn_alike_in_both(pairs: dict[str, Pair], name: str) -> None:
    pair = pairs[name]
    assert pair.lo is not None
    ours, theirs = _each_page(pair.pdf, _marks), _each_page(pair.lo, _marks)
    assert len(ours) == len(theirs) > 0
    for (mark, font, offset), (their_mark, their_font, their_offset) in zip(ours, theirs, strict=True):
        assert their_mark == mark
        assert their_font == font  # LibreOffice found the font the Word file names: the PDF's
        assert their_offset == pytest.approx(offset, abs=0.5), (name, mark)


def test_the_word_file_names_the_mark_font_the_pdf_embeds(pairs: dict[str, Pair]) -> None:
    pair = pairs["blackpool-q2-2015-16"]
    styles = pair.part("word/styles.xml")
    named = set()
    for style in styles.iter(f"{W}style"):
        name = style.find(f"{W}name")
        if name is not None and name.get(f"{W}val", "").startswith("DoT "):
            named.add(style.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii"))
    embedded = {family for _, family, _ in _each_page(pair.pdf, _marks)}
    assert len(named) == 1 and len(embedded) == 1
    assert named.pop().replace(" ", "") == embedded.pop()


def test_a_sample_converts_with_its_fonts(soffice: str, tmp_path: Path) -> None:
    """LibreOffice shows the marks (not a missing-glyph box) in the mark font."""
    pair = render("blackpool-q3-2016-17")
    lo = convert(soffice, tmp_path, {"q3": pair.docx})["q3"]
    with pdfplumber.open(io.BytesIO(lo)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars if c["text"] in MARKS}
    assert {"↓", "✓", "✗"} <= set(text)
    assert fonts == {"DejaVuSans-Bold"}
