"""The PDF renderer, read back with pypdf, pdfplumber, pdffonts and qpdf."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.errors import CommitteePapersError
from committee_papers.layout import PageLayout, Span, SpanRole, Table, layout_report
from committee_papers.render.pdf import render_pdf as render_layout_pdf
from committee_papers.render.pdf.fonts import load_fonts
from committee_papers.render.pdf.paragraphs import layout_lines
from committee_papers.render.pdf.styles import Styles
from committee_papers.style import MarkStyle

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = {"q2": ROOT / "samples" / "blackpool-q2-2015-16.yaml",
           "q3": ROOT / "samples" / "blackpool-q3-2016-17.yaml"}
GREEN, RED = "00703C", "B10E1E"
A4 = (595.28, 841.89)


# ---------------------------------------------------------------- helpers


def norm(text: str) -> str:
    """Return text with every run of white space as one space."""
    return re.sub(r"\s+", " ", text).strip()


def require(tool: str) -> str:
    """Return the path of a command-line tool; skip without it, but fail on CI."""
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed (apt-get install poppler-utils qpdf)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run this check")
        pytest.skip(message)
    return found


def render(report: cp.Report, style: cp.HouseStyle = cp.DEFAULT_STYLE) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer, style=style)
    return buffer.getvalue()


def hexcolour(colour: Any) -> str:
    return "".join(f"{round(channel * 255):02X}" for channel in colour)


def cell_texts(page: Any) -> list[str]:
    """Return the whitespace-normalised text of every table cell on a pdfplumber page."""
    return [norm(cell) for table in page.extract_tables() for row in table for cell in row if cell]


def page_haystack(page: Any) -> str:
    """Return the page's running text and its table cells, each normalised, one per line."""
    return "\n".join([norm(page.extract_text()), *cell_texts(page)])


@cache
def style_charmaps() -> dict[str, set[int]]:
    """Return the cmap of every TrueType file the default style uses, by PostScript name."""
    style, maps = cp.DEFAULT_STYLE, {}
    for files in (style.text_fonts, style.symbol_fonts):
        for path in (files.regular, files.bold, files.italic, files.bold_italic):
            font = TTFont(str(path))
            maps[font["name"].getDebugName(6)] = set(font.getBestCmap())
    return maps


def assert_every_glyph_exists(pdf: Any) -> None:
    """Every drawn character has a glyph in the font it is drawn in (no empty boxes)."""
    maps = style_charmaps()
    for number, page in enumerate(pdf.pages, 1):
        for char in page.chars:
            font = char["fontname"].split("+", 1)[-1]
            assert font in maps, f"page {number}: {char['text']!r} drawn in unexpected font {font}"
            text = char["text"]
            assert len(text) == 1 and text != "\x00", f"page {number}: unmapped glyph {text!r}"
            assert ord(text) in maps[font], f"page {number}: {font} has no glyph for {text!r}"


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module", params=sorted(SAMPLES))
def sample(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Render a sample to a file and return the report, its layout and the PDF path."""
    report = cp.load(SAMPLES[request.param])
    path = tmp_path_factory.mktemp("pdf") / f"{request.param}.pdf"
    cp.render_pdf(report, path)
    layout = layout_report(report, assess_report(report))
    return {"name": request.param, "report": report, "layout": layout, "path": path}


@pytest.fixture(scope="module")
def q3_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("q3") / "q3.pdf"
    cp.render_pdf(cp.load(SAMPLES["q3"]), path)
    return path


# ---------------------------------------------------------------- print-ready


def test_one_a4_portrait_page_per_exception_page(sample: dict[str, Any]) -> None:
    reader = PdfReader(sample["path"])
    assert len(reader.pages) == {"q2": 6, "q3": 4}[sample["name"]]
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1))


def test_text_stays_inside_the_margins(sample: dict[str, Any]) -> None:
    margin = cp.DEFAULT_STYLE.margin_mm * 72 / 25.4
    with pdfplumber.open(sample["path"]) as pdf:
        for page in pdf.pages:
            ink = [c for c in page.chars if not c["text"].isspace()]  # a line's end space hangs, as in Word
            assert ink
            assert min(c["x0"] for c in ink) >= margin - 0.5
            assert max(c["x1"] for c in ink) <= page.width - margin + 0.5
            assert min(c["top"] for c in ink) >= margin / 4
            assert max(c["bottom"] for c in ink) <= page.height - margin / 4


def test_every_font_is_embedded(sample: dict[str, Any]) -> None:
    output = subprocess.run([require("pdffonts"), str(sample["path"])], check=True,
                            capture_output=True, text=True).stdout
    rows = output.splitlines()[2:]
    assert rows, output
    for row in rows:
        fields = row.split()
        emb, sub = fields[-5], fields[-4]
        assert (emb, sub) == ("yes", "yes"), f"not embedded as a subset: {row}"
    names = {row.split()[0].split("+", 1)[-1] for row in rows}
    assert names <= set(style_charmaps()), names  # no Helvetica or other base-14 font


def test_qpdf_finds_no_errors(sample: dict[str, Any]) -> None:
    result = subprocess.run([require("qpdf"), "--check", str(sample["path"])],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_every_character_has_a_glyph(sample: dict[str, Any]) -> None:
    with pdfplumber.open(sample["path"]) as pdf:
        assert_every_glyph_exists(pdf)


def test_running_header_and_page_x_of_y(sample: dict[str, Any]) -> None:
    layout = sample["layout"]
    with pdfplumber.open(sample["path"]) as pdf:
        total = len(pdf.pages)
        for number, page in enumerate(pdf.pages, 1):
            lines = page.extract_text().splitlines()
            assert lines[0] == layout.running_header
            assert lines[-1] == f"Page {number} of {total}"


# ---------------------------------------------------------------- navigation and metadata


def test_bookmarks_nest_pages_under_their_portfolio(sample: dict[str, Any]) -> None:
    reader, layout = PdfReader(sample["path"]), sample["layout"]
    outline = reader.outline
    assert len(outline) == 2, "one portfolio entry, then the list of its pages"
    parent, children = outline
    assert parent.title == "CABINET SECRETARY (RESILIENT COMMUNITIES)"
    assert reader.get_destination_page_number(parent) == 0
    assert [child.title for child in children] == [page.bookmark for page in layout.pages]
    assert [reader.get_destination_page_number(c) for c in children] == list(range(len(children)))
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_a_page_without_a_portfolio_is_a_top_level_bookmark() -> None:
    """A pack's scorecard has no portfolio: its entry stands alone, not under an empty parent."""
    layout = layout_report(cp.load(SAMPLES["q3"]), assess_report(cp.load(SAMPLES["q3"])))
    cover = PageLayout(layout.pages[0].blocks[1:2], "Summary scorecard", "")
    layout = dataclasses.replace(layout, pages=(cover, *layout.pages))
    buffer = io.BytesIO()
    starts = list(render_layout_pdf(layout, buffer).starts)
    reader = PdfReader(buffer)
    outline = reader.outline
    assert [item.title for item in outline if not isinstance(item, list)] == [
        "Summary scorecard", "CABINET SECRETARY (RESILIENT COMMUNITIES)"]
    assert [len(item) for item in outline if isinstance(item, list)] == [4]
    assert starts == [1, 2, 3, 4, 5]
    assert reader.get_destination_page_number(outline[0]) == 0


def test_render_pdf_says_where_each_exception_page_starts() -> None:
    words = " ".join(f"word{i}" for i in range(2_000))
    report = cp.load({"appendix": "App", "sections": [{"portfolio": "P", "pages": [
        {"indicators": [{"description": f"Page {n}", "polarity": "high"}],
         "commentary": words if n == 1 else "Short."} for n in range(3)]}]})
    buffer = io.BytesIO()
    pagination = render_layout_pdf(layout_report(report, assess_report(report)), buffer)
    starts = pagination.starts
    reader = PdfReader(buffer)
    assert len(starts) == 3 and starts[0] == 1 and starts[1] == 2
    assert starts[2] > 3, "the long commentary runs over pages"
    assert len(reader.pages) == starts[2] == pagination.pages
    for number, start in enumerate(starts):
        assert f"Page {number}" in reader.pages[start - 1].extract_text()


def test_metadata_language_and_title_bar(sample: dict[str, Any]) -> None:
    reader, report = PdfReader(sample["path"]), sample["report"]
    info = reader.metadata
    assert info.title == report.document_title
    assert info.author == "Blackpool Council"
    assert info.subject == sample["layout"].subject
    assert report.appendix in info.subject
    assert info["/Keywords"] == ", ".join(sample["layout"].keywords)
    root = reader.trailer["/Root"]
    assert sample["path"].read_bytes().startswith(b"%PDF-1.7")  # PDF/UA-1 builds on PDF 1.7
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True


# ---------------------------------------------------------------- the seeds' content

SEED_FIGURES = {
    "q2": [
        ["9.38%", "5.75%", "5.7%", "6.4%", "43.43%", "51.22%", "51.2%", "46.9%", "54.6%",
         "44.5%", "44.6%", "41%", "Increase on previous year", "Opiates", "Non-opiates", "Alcohol"],
        ["58.7%", "54.8%", "15.1%", "32.1%", "70%", "DoT", "Against Past Performance"],  # two header rows
        ["73.2%", "68.3%", "62.8%", "75%", "Outturn"],
        ["46.2%", "44%", "41.5%", "55%", "39%", "32%", "47%", "28%", "54%", "56%", "35%", "48%",
         "43%", "41%", "33%", "46%", "*Perf Tab (Jan 2015)", "*RoL (Dec 2015)",
         "National Average", "Blackpool Average", "% 5+ A* -C inc. English & Maths*"],
        ["443", "454", "451", "437", "442", "446", "450", "420", "152.4", "156.4", "157.6",
         "156.5", "151.7", "153.4", "154.8", "156.2", "144.7", "Current vs. Year End (14/15)"],
        ["18.4%", "18.2%", "16.7%", "17.2%", "22.4%", "20.4%", "17.1%", "14%"],
    ],
    "q3": [
        ["54%", "22.7%", "38%", "61.6%", "Baseline", "Upper Middle", "EoY"],
        ["2,774 (955.6)", "2,549 (884.8)", "2,813 (980.7)", "3,031 (1056.6)",
         "3,039 (1059.4)", "2,291 (795.4)", "No. (Rate)"],
        ["454 (156.4)", "469 (162.8)", "487 (169.8)", "504 (175.7)", "501 (174.7)",
         "443 (153.8)"],
        ["18.2%", "19.1%", "21.6%", "16.1%", "Decrease on last year"],
    ],
}


def test_every_seed_figure_is_a_cell_on_its_page(sample: dict[str, Any]) -> None:
    expected = SEED_FIGURES[sample["name"]]
    with pdfplumber.open(sample["path"]) as pdf:
        assert len(pdf.pages) == len(expected)
        for number, (page, figures) in enumerate(zip(pdf.pages, expected, strict=True), 1):
            cells = set(cell_texts(page))
            missing = [f for f in figures if f not in cells]
            assert not missing, f"page {number}: {missing} not among the cells {sorted(cells)}"


def test_notes_and_commentary_on_their_page(sample: dict[str, Any]) -> None:
    report: cp.Report = sample["report"]
    with pdfplumber.open(sample["path"]) as pdf:
        for page, (_, exception) in zip(pdf.pages, report.pages(), strict=True):
            text = norm(page.extract_text())
            for block in (*exception.notes, *exception.commentary):
                assert norm(block.text) in text  # type: ignore[union-attr]
            for indicator in exception.indicators:
                assert norm(indicator.description) in page_haystack(page)
    with pdfplumber.open(sample["path"]) as pdf:
        if sample["name"] == "q2":
            assert "Notes: From Dec 2012 population figures revised from 26,227 to 28,853" in norm(
                pdf.pages[4].extract_text())


def _layout_marks(tables: list[Table]) -> Counter[tuple[str, str]]:
    marks: Counter[tuple[str, str]] = Counter()
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                for span in cell.spans:
                    if span.role is SpanRole.MARK:
                        assert span.colour is not None
                        marks.update((ch, span.colour.hex) for ch in span.text if not ch.isspace())
    return marks


def test_marks_drawn_with_their_shapes_and_colours(sample: dict[str, Any]) -> None:
    symbols = set("↑↓↔✓✗")
    with pdfplumber.open(sample["path"]) as pdf:
        for page, layout in zip(pdf.pages, sample["layout"].pages, strict=True):
            tables = [b for b in layout.blocks if isinstance(b, Table)]
            drawn = Counter((c["text"], hexcolour(c["non_stroking_color"]))
                            for c in page.chars if c["text"] in symbols)
            assert drawn == _layout_marks(tables)
            assert drawn, "every sample page has at least one mark"
            for (glyph, colour), _ in drawn.items():
                if glyph == "✓":
                    assert colour == GREEN
                if glyph == "✗":
                    assert colour == RED
            fonts = {c["fontname"].split("+")[-1] for c in page.chars if c["text"] in symbols}
            assert fonts <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_q3_looked_after_mark_is_computed_not_copied(q3_pdf: Path) -> None:
    """Published ↑✓, but 501 against 504 went down: the PDF shows ↓ ✓ in green."""
    with pdfplumber.open(q3_pdf) as pdf:
        page = pdf.pages[2]
        for table in page.find_tables():
            rows = table.extract()
            labels = [norm(c or "") for c in rows[1]] if len(rows) > 2 else []
            if "Current vs. Q2 (16/17)" in labels:
                column = labels.index("Current vs. Q2 (16/17)")
                cell = table.rows[2].cells[column]
                break
        else:
            pytest.fail("no Direction of Travel table with 'Current vs. Q2 (16/17)' on page 3")
        assert cell is not None
        inside = page.crop(cell).chars
        assert norm("".join(c["text"] for c in inside)) == "↓ ✓"
        assert {hexcolour(c["non_stroking_color"]) for c in inside if c["text"].strip()} == {GREEN}


def test_marks_can_carry_words_for_greyscale_print() -> None:
    style = cp.HouseStyle(marks=MarkStyle(show_words=True))
    data = render(cp.load(SAMPLES["q3"]), style)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        cells = cell_texts(pdf.pages[2])
    assert "↓ ✓ Better" in cells
    assert cells.count("↑ ✗ Worse") == 3


# ---------------------------------------------------------------- determinism


def test_same_input_gives_the_same_bytes(sample: dict[str, Any], tmp_path: Path) -> None:
    first, second = render(sample["report"]), render(sample["report"])
    assert first == second
    assert sample["path"].read_bytes() == first
    script = ("import sys, committee_papers as cp; "
              "cp.render_pdf(cp.load(sys.argv[1]), sys.argv[2])")
    other = tmp_path / "other.pdf"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(SAMPLES[sample["name"]]), str(other)],
                   check=True, env=env)
    assert other.read_bytes() == first


def test_rendering_needs_no_reportlab() -> None:
    """The PDF is written with pikepdf; reportlab (and its global settings) play no part, in
    the charts either."""
    code = ("import io, sys, committee_papers as cp; "
            f"cp.render_pdf(cp.with_charts(cp.load({str(SAMPLES['q3'])!r})), io.BytesIO()); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_report_without_pages_is_refused_and_the_old_file_kept(tmp_path: Path) -> None:
    target = tmp_path / "appendix.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(CommitteePapersError, match="no exception pages"):
        cp.render_pdf(cp.Report("App B", ()), target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["appendix.pdf"]


def test_a_stream_target_is_written_and_left_open() -> None:
    stream = io.BytesIO(b"")
    cp.render_pdf(cp.load(SAMPLES["q3"]), stream)
    assert not stream.closed
    assert stream.getvalue().startswith(b"%PDF-")
    assert stream.getvalue().rstrip().endswith(b"%%EOF")


# ---------------------------------------------------------------- units


def test_text_is_drawn_as_written_and_newlines_break_lines() -> None:
    fonts = load_fonts(cp.DEFAULT_STYLE)
    style = Styles(cp.DEFAULT_STYLE, fonts).get("body")
    lines = layout_lines([Span("Target <NHS> rate & AT&T\nnext")], fonts, style, 400)
    # The newline ends its line's text (so the tagged text has it) but is never drawn.
    assert [[text for _, _, text in segments] for _, segments in lines] == [
        ["Target <NHS> rate & AT&T\n"], ["next"]]


def test_characters_missing_from_the_text_font_fall_back_to_the_symbol_font() -> None:
    fonts = load_fonts(cp.DEFAULT_STYLE)
    text, symbol = fonts.text, fonts.symbol
    assert fonts.face_for("a", bold=False, italic=False, mark=False) == text.regular
    assert fonts.face_for("✓", bold=False, italic=False, mark=False) == symbol.regular
    assert fonts.face_for("✓", bold=True, italic=False, mark=False) == symbol.bold
    assert fonts.face_for("↑", bold=True, italic=False, mark=True) == symbol.bold
    assert fonts.face_for(" ", bold=False, italic=True, mark=False) == text.italic
    assert fonts.runs("ok ✓ done", bold=False, italic=True, mark=False) == [
        (text.italic, "ok "), (symbol.italic, "✓"), (text.italic, " done")]
    assert fonts.runs("↓ ✗", bold=True, italic=False, mark=True) == [(symbol.bold, "↓ ✗")]
    assert fonts.runs("plain text", bold=False, italic=False, mark=False) == [(text.regular, "plain text")]


def test_fonts_are_named_after_their_files_and_belong_to_one_load() -> None:
    default = load_fonts(cp.DEFAULT_STYLE)
    symbol_files = cp.DEFAULT_STYLE.symbol_fonts
    other = load_fonts(cp.HouseStyle(text_fonts=symbol_files))
    assert other.text.regular.name == default.symbol.regular.name
    assert other.text.regular.name != default.text.regular.name
    assert len(set(default.text.faces)) == 4
    # One load reads a file once, however often the style names it (DejaVu Sans is the symbol
    # font's regular and italic); nothing is kept from one load (one render) to the next.
    assert default.symbol.regular is default.symbol.italic
    assert load_fonts(cp.DEFAULT_STYLE).text.regular is not default.text.regular


def test_headings_use_the_house_sizes_and_heading_colour() -> None:
    style = cp.HouseStyle(heading_colour=cp.Colour("1D70B8"), heading_sizes=(16, 13, 11))
    with pdfplumber.open(io.BytesIO(render(cp.load(SAMPLES["q3"]), style))) as pdf:
        chars = pdf.pages[0].chars

    def text_at(size: float) -> str:
        return "".join(c["text"] for c in chars if round(c["size"], 1) == size).replace(" ", "")

    def colours_at(size: float) -> set[str]:
        return {hexcolour(c["non_stroking_color"]) for c in chars if round(c["size"], 1) == size}

    assert text_at(16) == "CABINETSECRETARY(RESILIENTCOMMUNITIES)"
    # as the seed's page: no heading of its own, so "Commentary:" is the second level
    assert text_at(13) == "Commentary:"
    assert colours_at(16) == colours_at(13) == {"1D70B8"}
    assert colours_at(12) == {"000000"}, "body text keeps the text colour"
    assert text_at(12).startswith("Thisnew,localindicator")


def test_another_text_font_is_embedded_instead() -> None:
    style = cp.HouseStyle(text_fonts=cp.DEFAULT_STYLE.symbol_fonts)
    with pdfplumber.open(io.BytesIO(render(cp.load(SAMPLES["q3"]), style))) as pdf:
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
        assert fonts == {"DejaVuSans", "DejaVuSans-Bold"}
        assert_every_glyph_exists(pdf)
