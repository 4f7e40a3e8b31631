"""The Word output of the two published appendices: structure, figures, marks, metadata."""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import Align, DocumentLayout, Heading, ListItems, Table, TextBlock, layout_report, place

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
Q2, Q3 = "blackpool-q2-2015-16", "blackpool-q3-2016-17"
SAMPLE_PAGES = {Q2: 6, Q3: 4}
TEXT_WIDTH = round(170 / 25.4 * 1440)  # A4 less two 20 mm margins, in twips
BLANK = None  # a grid position covered by a cell above (vertical merge)

# Every figure and mark of the seeds' data and DoT tables, row by row. Marks are computed:
# Q3 page 3 "Current vs. Q2 (16/17)" is ↓ ✓ (501 against 504), not the published ↑✓.
FIGURES = {
    (Q2, 1, "data"): [
        ["Opiates", "9.38%", "5.75%", "5.7%", "6.4%", "", "", "Increase on previous year", "↑ ✓"],
        ["Non-opiates", "43.43%", "51.22%", "51.2%", "46.9%", "", "", BLANK, "↓ ✗"],
        ["Alcohol", "54.6%", "44.5%", "44.6%", "41%", "", "", BLANK, "↓ ✗"]],
    (Q2, 2, "data"): [["58.7%", "54.8%", "15.1%", "32.1%", "", "", "70%", "↓ ✗"]],
    (Q2, 3, "data"): [["73.2%", "68.3%", "62.8%", "75%", "↓ ✗"]],
    (Q2, 4, "data"): [["46.2%", "44%", "41.5%", "55%", "↓ ✗"]],
    (Q2, 4, "supplementary"): [
        ["Bispham / Aspire Academy", "44%", "39%"], ["Collegiate / Aspire Academy", "32%", ""],
        ["Highfield", "47%", "28%"], ["Montgomery Academy", "54%", "56%"],
        ["South Shore Academy", "35%", "28%"], ["St George's Academy", "48%", "44%"],
        ["St Mary's Academy", "43%", "55%"], ["Unity Academy", "41%", "33%"],
        ["", "*Perf Tab (Jan 2015)", "*RoL (Dec 2015)"], ["National Average", "56%", "56%"],
        ["Blackpool Average", "46%", "44%"]],
    (Q2, 5, "data"): [
        ["No.", "443", "454", "454", "451", "437", "442", "446", "450", "420"],
        ["Rate", "152.4", "156.4", "157.6", "156.5", "151.7", "153.4", "154.8", "156.2", "144.7"]],
    (Q2, 5, "dot"): [["↓ ✓", "↑ ✗", "↑ ✗", "↑ ✗"]],
    (Q2, 6, "data"): [["18.4%", "18.2%", "16.7%", "17.2%", "22.4%", "20.4%", "18.4%", "17.1%",
                       "14%"]],
    (Q2, 6, "dot"): [["↓ ✓", "↑ ✗", "↑ ✗", "↑ ✗"]],
    (Q3, 1, "data"): [["54%", "22.7%", "38%", "61.6%", "", "", "Baseline"]],
    (Q3, 1, "dot"): [["↓ ✗", "↓ ✗", "↑ ✓", "Upper Middle"]],
    (Q3, 2, "data"): [["No. (Rate)", "2,774 (955.6)", "2,549 (884.8)", "2,813 (980.7)",
                       "3,031 (1056.6)", "3,039 (1059.4)", "", "2,291 (795.4)"]],
    (Q3, 2, "dot"): [["↑ ✗", "↑ ✗", "↑ ✗", "↑ ✗"]],
    (Q3, 3, "data"): [["No. (Rate)", "454 (156.4)", "469 (162.8)", "487 (169.8)", "504 (175.7)",
                       "501 (174.7)", "", "443 (153.8)"]],
    (Q3, 3, "dot"): [["↓ ✓", "↑ ✗", "↑ ✗", "↑ ✗"]],
    (Q3, 4, "data"): [["18.2%", "19.1%", "21.6%", "16.1%", "19.1%", "", "Decrease on last year"]],
    (Q3, 4, "dot"): [["↑ ✗", "↔", "↑ ✗", "↑ ✗"]],
}
MARK_STYLES = {"✓": "DoT Better", "✗": "DoT Worse", "↔": "DoT Neutral"}


def render_to_bytes(report: Any) -> bytes:
    buffer = io.BytesIO()
    cp.render_docx(report, buffer)
    return buffer.getvalue()


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def paragraphs_everywhere(document: Any) -> list[Paragraph]:
    """Return every paragraph of the body, those in tables included, in order."""
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def layout_of(name: str) -> DocumentLayout:
    return layout_report(cp.load(SAMPLES / f"{name}.yaml"), assess_report(cp.load(SAMPLES / f"{name}.yaml")))


def grid(table: Any) -> dict[tuple[int, int], Any]:
    """Return each w:tc by the grid position where it starts."""
    cells = {}
    for r, tr in enumerate(table._tbl.tr_lst):
        column = 0
        for tc in tr.tc_lst:
            cells[(r, column)] = tc
            column += tc.grid_span
    return cells


def tables_by_page(name: str, document: Any) -> list[tuple[int, Table, Any]]:
    """Pair each layout table with the Word table drawn for it, with its page number."""
    pairs = [(number, block) for number, page in enumerate(layout_of(name).pages, 1)
             for block in page.blocks if isinstance(block, Table)]
    assert len(pairs) == len(document.tables)
    return [(n, t, w) for (n, t), w in zip(pairs, document.tables, strict=True)]


def body_rows(table: Table, word: Any) -> list[list[str | None]]:
    cells = grid(word)
    rows = []
    for r in range(table.header_rows, len(table.rows)):
        row: list[str | None] = []
        for c in range(len(table.widths)):
            tc = cells.get((r, c))
            if tc is None:
                continue  # covered by a cell spanning columns
            merged = tc.tcPr is not None and tc.tcPr.vMerge is not None and \
                tc.tcPr.vMerge.val != "restart"
            row.append(BLANK if merged else _Cell(tc, word).text)
        rows.append(row)
    return rows


@pytest.mark.parametrize(("name", "pages"), SAMPLE_PAGES.items())
def test_each_exception_page_starts_a_new_page_without_blank_pages(samples, name, pages):
    document = open_docx(samples[name])
    starts = [p for p in paragraphs_everywhere(document) if p.paragraph_format.page_break_before]
    assert len(starts) + 1 == pages
    assert not paragraphs_everywhere(document)[0].paragraph_format.page_break_before
    # a page starts at its portfolio heading, or (as the seeds' pages) at its indicator table
    assert all(p.style.name == "Heading 1" or p._p.getparent().tag == qn("w:tc") for p in starts)
    xml = document.element.xml
    assert 'w:type="page"' not in xml  # no hard page breaks, so no empty pages
    assert document.paragraphs[-1].text  # the body ends with the commentary, not a spacer


@pytest.mark.parametrize("name", SAMPLE_PAGES)
def test_headings_use_real_heading_styles_without_skipping_levels(samples, name):
    document = open_docx(samples[name])
    levels = [int(p.style.name[-1]) for p in document.paragraphs
              if p.style.name.startswith("Heading")]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    layout = layout_of(name)
    expected = [(f"Heading {b.level}", b.text) for page in layout.pages for b in page.blocks
                if isinstance(b, Heading)]
    actual = [(p.style.name, p.text) for p in document.paragraphs
              if p.style.name.startswith("Heading")]
    assert actual == expected
    assert sum(text == "Commentary:" for _, text in actual) == len(layout.pages)


@pytest.mark.parametrize("name", SAMPLE_PAGES)
def test_text_blocks_follow_the_layout_in_order_and_style(samples, name):
    document = open_docx(samples[name])
    expected = []
    for page in layout_of(name).pages:
        for block in page.blocks:
            if isinstance(block, TextBlock):
                style = "Small Text" if block.kind.value == "small" else "Normal"
                expected.append((style, block.text))
            elif isinstance(block, ListItems):
                style = "List Number" if block.ordered else "List Bullet"
                expected.extend((style, "".join(s.text for s in item)) for item in block.items)
    actual = [(p.style.name, p.text) for p in document.paragraphs
              if not p.style.name.startswith("Heading") and p.text]
    assert actual == expected


@pytest.mark.parametrize("name", SAMPLE_PAGES)
def test_tables_keep_the_layout_spans_header_rows_and_descriptions(samples, name):
    document = open_docx(samples[name])
    for _, table, word in tables_by_page(name, document):
        cells = grid(word)
        assert len(word.rows) == len(table.rows)
        for layout_row, row in zip(table.rows, word.rows, strict=True):
            tr_pr = row._tr.trPr
            assert (tr_pr.find(qn("w:tblHeader")) is not None) is layout_row.header
            assert tr_pr.find(qn("w:cantSplit")) is not None
        for item in place(table):
            tc = cells[(item.row, item.column)]
            cell = item.cell
            assert tc.grid_span == cell.colspan
            assert _Cell(tc, word).text == cell.text
            v_merge = tc.tcPr.vMerge
            if cell.rowspan == 1:
                assert v_merge is None
                continue
            assert v_merge.val == "restart"
            for below in range(item.row + 1, item.row + cell.rowspan):
                covered = cells[(below, item.column)]
                assert covered.tcPr.vMerge is not None
                assert covered.tcPr.vMerge.val in (None, "continue")
                assert _Cell(covered, word).paragraphs[0].style.name == "Table Text"
        table_pr = word._tbl.tblPr
        assert table_pr.find(qn("w:tblDescription")).get(qn("w:val")) == table.description
        assert table_pr.find(qn("w:tblCaption")).get(qn("w:val"))
        assert word.style.name == "Exception Table"


@pytest.mark.parametrize("name", SAMPLE_PAGES)
def test_table_widths_are_fractions_of_the_text_width(samples, name):
    document = open_docx(samples[name])
    for _, table, word in tables_by_page(name, document):
        columns = [int(col.get(qn("w:w"))) for col in word._tbl.tblGrid.gridCol_lst]
        assert sum(columns) == TEXT_WIDTH
        for width, fraction in zip(columns, table.widths, strict=True):
            assert abs(width - fraction * TEXT_WIDTH) <= 1
        assert word._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


@pytest.mark.parametrize("name", SAMPLE_PAGES)
def test_cells_use_the_table_styles_alignment_and_header_shading(samples, name):
    document = open_docx(samples[name])
    alignments = {Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT, Align.CENTRE: WD_ALIGN_PARAGRAPH.CENTER,
                  Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT}
    for _, table, word in tables_by_page(name, document):
        cells = grid(word)
        for item in place(table):
            tc = cells[(item.row, item.column)]
            paragraph = _Cell(tc, word).paragraphs[0]
            # an empty cell is a line of Table Text, in the PDF too
            assert paragraph.style.name == ("Small Text" if item.cell.small and item.cell.text else "Table Text")
            assert paragraph.alignment == alignments[item.cell.align]
            shading = tc.tcPr.find(qn("w:shd"))
            if item.cell.fill is None:
                assert shading is None
            else:
                assert shading.get(qn("w:fill")) == item.cell.fill.hex == "D9E2F3"


@pytest.mark.parametrize(("key", "rows"), FIGURES.items(), ids=lambda k: str(k))
def test_every_figure_and_mark_of_the_seeds(samples, key, rows):
    name, page, kind = key
    document = open_docx(samples[name])
    found = [(t, w) for n, t, w in tables_by_page(name, document) if n == page and t.kind == kind]
    assert len(found) == 1
    assert body_rows(*found[0]) == rows


def test_row_labels_and_summary_rows_labels_are_bold_and_footnote_rows_italic(samples):
    document = open_docx(samples[Q2])
    tables = {(n, t.kind): w for n, t, w in tables_by_page(Q2, document)}
    for row in tables[(1, "data")].rows[2:]:
        assert all(run.bold for run in row.cells[0].paragraphs[0].runs)
    supplementary = tables[(4, "supplementary")]
    for row in supplementary.rows[-2:]:  # as the seed: "National Average" bold, its figures not
        label, *figures = row.cells
        assert label.paragraphs[0].runs and all(run.bold for run in label.paragraphs[0].runs)
        assert not any(run.bold for cell in figures for run in cell.paragraphs[0].runs)
    footnote_row = supplementary.rows[-3]
    assert [run.italic for run in footnote_row.cells[1].paragraphs[0].runs] == [True]
    notes = next(p for p in document.paragraphs if p.text.startswith("Notes:"))
    assert notes.runs[0].text == "Notes:" and notes.runs[0].bold


def test_marks_are_unicode_in_the_dot_character_styles(samples):
    for data in samples.values():
        document = open_docx(data)
        runs = [run for p in paragraphs_everywhere(document) for run in p.runs
                if set(run.text) & set("↑↓↔✓✗")]
        assert runs
        for run in runs:
            symbol = next((s for s in ("✓", "✗") if s in run.text), "↔")
            assert run.style.name == MARK_STYLES[symbol]
            assert run.font.color.rgb is None and run.font.name is None  # from the style
            assert run.bold


def test_the_corrected_mark_on_q3_looked_after_children_is_green(samples):
    document = open_docx(samples[Q3])
    dot = next(w for n, t, w in tables_by_page(Q3, document) if n == 3 and t.kind == "dot")
    assert dot.cell(1, 0).text == "Current vs. Q2 (16/17)"
    (run,) = dot.cell(2, 0).paragraphs[0].runs
    assert run.text == "↓ ✓"
    assert run.style.name == "DoT Better"
    assert str(run.style.font.color.rgb) == "00703C"
    assert run.style.font.name == "DejaVu Sans"  # the font the PDF draws marks in
    assert str(document.styles["DoT Worse"].font.color.rgb) == "B10E1E"
    assert str(document.styles["DoT Neutral"].font.color.rgb) == "505A5F"


@pytest.mark.parametrize("name", SAMPLE_PAGES)
def test_no_symbol_fonts_and_no_hard_coded_run_formatting(samples, name):
    with zipfile.ZipFile(io.BytesIO(samples[name])) as package:
        for member in package.namelist():
            if member.endswith(".xml"):
                text = package.read(member).decode("utf-8")
                assert "Wingdings" not in text and "<w:sym" not in text, member
        body = etree.fromstring(package.read("word/document.xml"))
    for tag in ("w:rFonts", "w:sz", "w:color", "w:highlight"):
        assert body.find(f".//{qn(tag)}") is None, f"{tag} set on a run: use a style"
