"""Text goes into the PDF as text: markup-like, quoted and Welsh strings come out exactly."""

from __future__ import annotations

import io
import re
from typing import Any

import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

import committee_papers as cp

HOSTILE = [
    "&", "<b>", "</para>", "AT&T", "Target <NHS> rate", "{{ 7*7 }}", "{% if x %}", "%s %(x)s {0}",
    "\"double\" 'single'", "‘curly’ “curly”", "«guillemets» „low“ ‚low‘", "`back` ′prime″ ´acute",
    "Welsh ŵ ŷ Ŵ Ŷ", "&amp; &nbsp; &#65; &lt;", "<br/> <font name=\"x\"> <![CDATA[x]]>",
    "back\\slash (paren", "tick ✓ cross ✗ box ☑", "**bold** _it_",
]
DOCUMENT_FIELDS = ["appendix", "title", "organisation"]
PAGE_FIELDS = ["portfolio", "page title", "description", "label header", "target wording",
               "dot header", "row label", "comparison label", "comparison text", "notes",
               "supplementary title", "supplementary header", "supplementary cell", "footnote",
               "commentary", "bold run", "italic run", "bullet", "numbered"]


def tagged(field: str) -> str:
    """Return every hostile string, each tagged with the field it is in."""
    return " | ".join(f"[{field}] {text}" for text in HOSTILE)


def hostile_page(text: str) -> dict[str, Any]:
    """Return an exception page with ``text`` in every field, tagged with the field's name."""

    def t(field: str) -> str:
        return f"[{field}] {text}"

    return {
        "title": t("page title"),
        "indicators": [{"description": t("description"), "polarity": "low", "unit": "percent"}],
        "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2"]},
        "label_header": t("label header"),
        "target": {"text": t("target wording")},
        "dot": {"basis": "past", "header": t("dot header")},
        "rows": [{"label": t("row label"), "values": {"2014/15": 5, "Q1": 4, "Q2": 3}}],
        "direction_of_travel": [
            {"label": t("comparison label"), "reference": {"period": "Q1"}},
            {"label": "Quartile", "text": t("comparison text")},
        ],
        "notes": t("notes"),
        "supplementary": [{
            "title": t("supplementary title"), "header": [[t("supplementary header"), "2015"]],
            "rows": [[t("supplementary cell"), "1%"]], "footnotes": [t("footnote")],
        }],
        "commentary": [
            "line one\x0bline two",
            t("commentary"),
            [{"text": t("bold run"), "bold": True}, {"text": " "}, {"text": t("italic run"), "italic": True}],
            {"bullets": [t("bullet")]},
            {"numbered": [t("numbered")]},
        ],
    }


def hostile_report() -> dict[str, Any]:
    """Return a report with one section and page per hostile string, all of them in its header."""
    return {
        "appendix": tagged("appendix"), "title": tagged("title"), "organisation": tagged("organisation"),
        "sections": [{"portfolio": f"[portfolio] {text}", "pages": [hostile_page(text)]}
                     for text in HOSTILE],
    }


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def hostile() -> dict[str, Any]:
    report = cp.load(hostile_report())
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer)
    data = buffer.getvalue()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
        cells = [[norm(cell) for table in page.extract_tables() for row in table
                  for cell in row if cell] for page in pdf.pages]
        chars = [(c["text"], c["fontname"].split("+")[-1]) for page in pdf.pages for c in page.chars]
    return {"report": report, "data": data, "texts": texts, "cells": cells, "chars": chars}


@pytest.mark.parametrize("number", range(len(HOSTILE)), ids=HOSTILE)
def test_every_hostile_string_appears_exactly_on_its_page(hostile: dict[str, Any],
                                                          number: int) -> None:
    text, cells = hostile["texts"][number], hostile["cells"][number]
    haystack = "\n".join([norm(text), *cells])
    for field in PAGE_FIELDS:
        needle = norm(f"[{field}] {HOSTILE[number]}")
        assert needle in haystack, f"{needle!r} is missing or changed"
    assert norm(tagged("appendix")) in norm(text), "the running header"


def test_no_markup_leaks_or_doubles(hostile: dict[str, Any]) -> None:
    text = "\n".join(hostile["texts"])
    assert "&amp;amp;" not in text
    assert "49" not in text  # {{ 7*7 }} was never evaluated
    assert text.count("[commentary] AT&T") == 1
    assert len(hostile["texts"]) == len(HOSTILE), "one page per exception page"


def test_a_vertical_tab_is_a_line_break(hostile: dict[str, Any]) -> None:
    assert any("line one\nline two" in text for text in hostile["texts"])


def test_lists_have_bullets_and_numbers(hostile: dict[str, Any]) -> None:
    lines = "\n".join(hostile["texts"]).splitlines()
    assert any(line.startswith("• [bullet] &") for line in lines), lines
    assert any(line.startswith("1. [numbered] &") for line in lines), lines


def test_metadata_and_bookmarks_are_exact(hostile: dict[str, Any]) -> None:
    reader = PdfReader(io.BytesIO(hostile["data"]))
    info = reader.metadata
    assert info.title == tagged("title")
    assert info.author == tagged("organisation")
    assert info.subject == tagged("appendix")
    assert "[portfolio] {{ 7*7 }}" in info["/Keywords"]
    outline = reader.outline
    assert len(outline) == 2 * len(HOSTILE)
    for number, text in enumerate(HOSTILE):
        parent, children = outline[2 * number], outline[2 * number + 1]
        assert parent.title == f"[portfolio] {text}"
        assert [child.title for child in children] == [f"[page title] {text}"]
        assert reader.get_destination_page_number(children[0]) == number


def test_characters_missing_from_the_text_font_are_drawn_from_the_symbol_font(
        hostile: dict[str, Any]) -> None:
    text_fonts = {"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic",
                  "LiberationSans-BoldItalic"}
    symbol_fonts = {"DejaVuSans", "DejaVuSans-Bold"}
    style = cp.DEFAULT_STYLE
    files = {**{TTFont(str(p))["name"].getDebugName(6): p for p in (
        style.text_fonts.regular, style.text_fonts.bold, style.text_fonts.italic,
        style.text_fonts.bold_italic, style.symbol_fonts.regular, style.symbol_fonts.bold)}}
    cmaps = {name: set(TTFont(str(path)).getBestCmap()) for name, path in files.items()}
    used = {font for _, font in hostile["chars"]}
    assert used <= text_fonts | symbol_fonts
    assert text_fonts & used and symbol_fonts & used
    for char, font in hostile["chars"]:
        assert ord(char) in cmaps[font], f"{font} has no glyph for {char!r}"
        if font in symbol_fonts:
            assert char.isspace() or ord(char) not in cmaps["LiberationSans"] or char in "↑↓↔", (
                f"{char!r} needlessly drawn in {font}")
    ticks = {font for char, font in hostile["chars"] if char in "✓✗☑"}
    assert ticks and ticks <= symbol_fonts


def _filler_page(rows: int) -> dict[str, Any]:
    return {
        "indicators": [{"description": "Filler", "polarity": "high"}],
        "supplementary": [{"header": [["School", "2014"]],
                           "rows": [[f"School {i}", "1%"] for i in range(rows)]}],
        "commentary": ["Alpha " + "text " * 80, "Beta " + "text " * 80],
    }


def test_a_heading_is_never_the_last_line_of_a_page() -> None:
    """Fill a page by ever more rows until the commentary heading reaches the page foot."""
    moved = 0
    for rows in range(32, 42):
        report = cp.load({"appendix": "Keep", "sections": [
            {"portfolio": "P", "pages": [_filler_page(rows)]}]})
        buffer = io.BytesIO()
        cp.render_pdf(report, buffer)
        with pdfplumber.open(buffer) as pdf:
            texts = [page.extract_text() for page in pdf.pages]
        heading = [n for n, text in enumerate(texts) if "Commentary:" in text]
        assert len(heading) == 1
        assert "Alpha" in texts[heading[0]], f"{rows} rows: the heading was left on its own"
        moved += heading[0] > 0
    assert moved, "the filler never pushed the heading onto a second page: the test proves nothing"


def _unicode_report(commentary: list[str]) -> bytes:
    report = cp.load({"appendix": "App 😀", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": "Emoji 😀 in a bold cell", "polarity": "high"}],
        "commentary": commentary}]}]})
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer)
    return buffer.getvalue()


def test_characters_beyond_the_basic_plane_extract_exactly() -> None:
    """reportlab writes five hex digits for U+1F600 in a ToUnicode map: ours has surrogates."""
    data = _unicode_report(["😀 emoji and ŵ ŷ", "no glyph anywhere: 🎉 𝄞 end"])
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    lines = text.splitlines()
    assert "😀 emoji and ŵ ŷ" in lines
    assert "no glyph anywhere: 🎉 𝄞 end" in lines, "drawn as empty boxes, still extracted"
    assert "App 😀" in lines
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plumbed = pdf.pages[0].extract_text()
    assert "😀 emoji and ŵ ŷ" in plumbed.splitlines()
    assert "\x00" not in text + plumbed


def test_no_to_unicode_map_names_u0000() -> None:
    data = _unicode_report(["😀 emoji and ŵ ŷ 🎉"])
    reader = PdfReader(io.BytesIO(data))
    maps = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            cmap = font.get_object()["/ToUnicode"].get_object().get_data().decode("ascii")
            maps.append(cmap)
            entries = re.findall(r"<([0-9A-F]+)>\s*<([0-9A-F]+)>", cmap.split("endcodespacerange")[1])
            assert entries
            assert all(int(value, 16) for _, value in entries), "a code mapped to U+0000"
            assert all(len(value) in (4, 8) for _, value in entries), "not UTF-16BE"
            assert all(int(n) <= 100 for n in re.findall(r"(\d+) beginbfchar", cmap))
    assert any("<D83DDE00>" in cmap for cmap in maps), "😀 as a surrogate pair"


def test_a_soft_hyphen_shows_only_where_the_line_breaks() -> None:
    """U+00AD is a place a word may break, shown as a hyphen there (extracted as U+00AD, ISO
    32000-1 §14.8.2.2.3) and drawn nowhere else, as Word shows it: never mid-line."""
    broke = 0
    for words in range(8, 22):
        text = ("Super\xadcalifragilistic text. " + "Word " * words
                + "anti\xaddis\xadestab\xadlish\xadment\xadarian\xadism ends.")
        data = {"appendix": "A", "sections": [{"portfolio": "P", "pages": [{
            "indicators": [{"description": "d", "polarity": "high"}], "commentary": text}]}]}
        buffer = io.BytesIO()
        cp.render_pdf(cp.load(data), buffer)
        with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
            page = pdf.pages[0].extract_text()
        lines = [line for line in page.split("\n") if "Word" in line or "ends." in line or "Super" in line]
        for line in lines:
            assert "\xad" not in line.rstrip("\xad") and "-" not in line, f"drawn mid-line: {line!r}"
        broke += sum(line.endswith("\xad") for line in lines)
        joined = "".join(line[:-1] if line.endswith("\xad") else line + " " for line in lines)
        assert "Supercalifragilistic text." in joined and "antidisestablishmentarianism ends." in joined
    assert broke >= 3  # some of the lengths end a line inside the long word, at a soft hyphen


def test_a_soft_hyphen_not_at_a_break_is_never_drawn() -> None:
    """At the end of a header, heading, cell or paragraph, before a space, tab, no-break space or
    line break, alone, and at the end of a run followed by another run: none is a line break at
    the soft hyphen, so none is drawn (Word and LibreOffice draw none)."""
    shy = "\xad"
    data = {"appendix": f"Header{shy}", "sections": [{"portfolio": f"END{shy}", "pages": [{
        "title": f"Trailing{shy}",
        "indicators": [{"description": f"cell ends soft{shy}", "polarity": "high", "unit": "percent"}],
        "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2"]},
        "rows": [{"label": f"Lab{shy}", "values": {"2014/15": 54.8, "Q1": 15.1, "Q2": 32.1}}],
        "commentary": [f"before newline{shy}\nnext. nbsp{shy}\xa0here. tab{shy}\there. alone {shy} here. x{shy}.",
                       [{"text": f"Across{shy}"}, {"text": "runs", "bold": True}, f" and end{shy}"]]}]}]}
    buffer = io.BytesIO()
    cp.render_pdf(cp.load(data), buffer)
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        drawn = "".join(char["text"] for char in pdf.pages[0].chars)
    assert shy not in drawn and "-" not in drawn
    assert "Acrossruns" in drawn.replace(" ", "") and "Header" in drawn
