"""Every character drawn or reported: community-language scripts and emoji with fallback fonts.

The fallback fonts are Debian's (fonts-noto-core, fonts-noto-cjk, fonts-symbola), which
``.ci/run`` installs; without them the rendering tests skip, saying so, except on CI. What is
drawn is read from the PDF itself: each glyph id shown, through the font's CIDToGIDMap, into
the embedded font program (fontTools), which must hold an outline for it.
"""

from __future__ import annotations

import dataclasses
import io
import os
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTCollection, TTFont
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from tests.reliability.tagged import read_tagged, to_unicode

import committee_papers as cp
from committee_papers.render.pdf.shaping import levels, visual_runs

NOTO = Path("/usr/share/fonts/truetype/noto")
CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SYMBOLA = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
FILES = {"Urdu": NOTO / "NotoNastaliqUrdu-Regular.ttf", "Bengali": NOTO / "NotoSansBengali-Regular.ttf",
         "Chinese": CJK, "emoji": SYMBOLA}
PASSAGES = {
    "Welsh": "Mae’r ddogfen hon ar gael yn Gymraeg: ŵ ŷ Ŵ Ŷ",
    "Polish": "Ten dokument jest dostępny w innych językach: zażółć gęślą jaźń",
    "Urdu": "یہ دستاویز دوسری زبانوں میں دستیاب ہے",
    "Bengali": "এই নথিটি অন্যান্য ভাষায় পাওয়া যায়",
    "Chinese": "本文件有其他语言版本",
    "emoji": "Rising 📈 thumbs 👍 party 🎉",
}


def _face_index(path: Path, wanted: str) -> int:
    """Return the face of a collection whose PostScript name contains ``wanted``."""
    names = [font["name"].getDebugName(6) for font in TTCollection(str(path), lazy=True).fonts]
    return next(i for i, name in enumerate(names) if wanted in (name or ""))


@cache
def fallback_fonts() -> tuple[cp.FontSource, ...]:
    """Return Debian's Noto and Symbola fonts as fallbacks; skip without them (fail on CI)."""
    absent = [str(path) for path in FILES.values() if not path.is_file()]
    if absent:
        message = ("the fallback fonts are not installed (apt-get install fonts-noto-core "
                   f"fonts-noto-cjk fonts-symbola): missing {', '.join(absent)}")
        if os.environ.get("CI"):
            pytest.fail(f"{message}; .ci/run installs them")
        pytest.skip(message)
    return (cp.FontSource(FILES["Urdu"]), cp.FontSource(FILES["Bengali"]),
            cp.FontSource(CJK, _face_index(CJK, "CJKsc")), cp.FontSource(SYMBOLA))


def report() -> cp.Report:
    return cp.load({"appendix": "App B", "sections": [{"portfolio": "Community languages", "pages": [{
        "indicators": [{"description": text, "polarity": "high"} for text in PASSAGES.values()],
        "commentary": [f"{name}: {text}" for name, text in PASSAGES.items()]}]}]})


@cache
def rendered() -> bytes:
    style = dataclasses.replace(cp.DEFAULT_STYLE, fallback_fonts=fallback_fonts())
    buffer = io.BytesIO()
    cp.render_pdf(report(), buffer, style=style)
    return buffer.getvalue()


def _program(font: pikepdf.Object) -> TTFont:
    descriptor = font.DescendantFonts[0].FontDescriptor
    stream = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
    return TTFont(io.BytesIO(stream.read_bytes()))


def _cid_to_gid(font: pikepdf.Object) -> Any:
    found = font.DescendantFonts[0].get("/CIDToGIDMap")
    if isinstance(found, pikepdf.Stream):
        data = found.read_bytes()
        return lambda cid: int.from_bytes(data[2 * cid:2 * cid + 2], "big")
    return lambda cid: cid  # /Identity, or a CFF font whose CIDs are its glyph ids


def drawn_glyphs(data: bytes) -> list[tuple[str, int, str, bool]]:
    """Return (font, glyph id, text, has an outline) for every glyph shown, in drawing order."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            fonts = {str(name): font for name, font in page.Resources.Font.items()}
            programs = {name: _program(font) for name, font in fonts.items()}
            current = ""
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) == "Tf":
                    current = str(operands[0])
                if str(op) not in ("Tj", "TJ"):
                    continue
                font = fonts[current]
                mapping, _ = to_unicode(font)
                gid_of, program = _cid_to_gid(font), programs[current]
                glyphs = program.getGlyphSet()
                order = program.getGlyphOrder()
                for string in (operands[0] if str(op) == "TJ" else operands):
                    if not isinstance(string, pikepdf.String):
                        continue
                    raw = bytes(string)
                    for start in range(0, len(raw), 2):
                        cid = int.from_bytes(raw[start:start + 2], "big")
                        gid = gid_of(cid)
                        found.append((str(font.BaseFont), gid, mapping.get(cid, ""),
                                      _inked(glyphs, order[gid])))
    return found


@cache
def originals() -> dict[str, Any]:
    """Return the glyph set and order of every font file in play, by PostScript name."""
    style = cp.DEFAULT_STYLE
    sources = [(Path(p), 0) for p in (style.text_fonts.regular, style.text_fonts.bold,
                                      style.symbol_fonts.regular, style.symbol_fonts.bold)]
    sources += [(Path(source.path), source.index) for source in fallback_fonts()]
    found = {}
    for path, index in sources:
        font = TTFont(str(path), fontNumber=index)
        order, cmap = font.getGlyphOrder(), font.getBestCmap()
        boxes = {order.index(cmap[code]) for code in (0x25A1, 0xFFFD, 0x3F) if code in cmap}
        found[font["name"].getDebugName(6)] = (font.getGlyphSet(), order, boxes)
    return found


def _inked(glyph_set: Any, name: str) -> bool:
    pen = BoundsPen(glyph_set)
    glyph_set[name].draw(pen)
    return pen.bounds is not None


def test_no_glyph_drawn_is_notdef_and_every_character_is_inked() -> None:
    glyphs = drawn_glyphs(rendered())
    assert glyphs
    for font, gid, text, inked in glyphs:
        assert gid != 0, f"{font}: .notdef drawn for {text!r}"
        glyph_set, order, boxes = originals()[font.split("+")[1]]
        assert inked == _inked(glyph_set, order[gid]), f"{font}: glyph {gid} lost its outline in the subset"
        assert gid not in boxes or text in "\u25a1\ufffd?", f"{font}: {text!r} drawn as a box or ?"
    inked_text = "".join(text for _, _, text, inked in glyphs if inked)
    for name, passage in PASSAGES.items():
        for char in passage:
            if not char.isspace():  # a blank spacer glyph (Nastaliq has them) is fine beside ink
                assert char in inked_text, f"{name}: {char!r} is never drawn with ink"
    used = {font.split("+")[1] for font, _, _, _ in glyphs}
    assert {"NotoNastaliqUrdu-Regular", "NotoSansBengali-Regular", "Symbola"} <= used
    assert any(name.startswith("NotoSansCJK") for name in used)


def test_each_passage_reads_back_as_typed() -> None:
    said = {text for _, text, _ in read_tagged(rendered()).elements}
    for name, text in PASSAGES.items():
        assert text in said, name
        assert f"{name}: {text}" in said, name


def test_urdu_is_drawn_right_to_left_in_joined_forms() -> None:
    glyphs = [(gid, text) for font, gid, text, _ in drawn_glyphs(rendered()) if "Nastaliq" in font]
    words = PASSAGES["Urdu"].split()
    first_drawn = next(text for _, text in glyphs if text.strip())
    last_drawn = next(text for _, text in reversed(glyphs) if text.strip())
    assert first_drawn in words[-1], "the last word is drawn leftmost"
    assert last_drawn in words[0], "the first word is drawn rightmost"
    cmap = TTFont(str(FILES["Urdu"])).getBestCmap()
    order = TTFont(str(FILES["Urdu"])).getGlyphOrder()
    nominal = {order.index(cmap[ord(char)]) for char in PASSAGES["Urdu"] if ord(char) in cmap}
    assert {gid for gid, _ in glyphs} - nominal, "only isolated forms: the letters are not joined"


def test_check_warns_of_each_character_the_house_fonts_cannot_draw() -> None:
    """Without fallbacks, each character outside the default fonts' character maps is named."""
    style = cp.DEFAULT_STYLE
    files = [style.text_fonts.regular, style.text_fonts.bold, style.symbol_fonts.regular,
             style.symbol_fonts.bold]
    covered = set().union(*(TTFont(str(path)).getBestCmap() for path in files))
    findings = [f for f in cp.check(report()) if f.code == "no-glyph"]
    expected = set()
    for where in ("sections[0].pages[0].commentary", "sections[0].pages[0].indicators"):
        for number, text in enumerate(PASSAGES.values()):
            field = f"{where}[{number}]" + (".description" if "indicators" in where else "")
            body = text if "indicators" in where else f"{list(PASSAGES)[number]}: {text}"
            expected |= {(field, char) for char in body if ord(char) not in covered and not char.isspace()}
    assert expected, "the passages hold characters the default fonts lack"
    found = {(f.where, next(c for c in f.message.split("'")[1])) for f in findings}
    assert found == expected
    for finding in findings:
        assert finding.severity is cp.Severity.WARNING
        char = finding.message.split("'")[1]
        assert f"U+{ord(char):04X} {unicodedata.name(char)}" in finding.message
        assert "--fallback-font" in finding.message


def test_with_the_fallback_fonts_check_finds_every_character_drawable() -> None:
    style = dataclasses.replace(cp.DEFAULT_STYLE, fallback_fonts=fallback_fonts())
    assert not [f for f in cp.check(report(), style) if f.code == "no-glyph"]


def test_the_cli_takes_fallback_fonts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from committee_papers.cli import main

    fallback_fonts()  # skips without them
    source = tmp_path / "languages.json"
    source.write_text(__import__("json").dumps({"appendix": "App B", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": PASSAGES["Bengali"], "polarity": "high"}]}]}]}), encoding="utf-8")
    assert main(["check", str(source)]) == 0
    assert "U+09A8 BENGALI LETTER NA" in capsys.readouterr().out
    assert main(["check", str(source), "--fallback-font", str(FILES["Bengali"])]) == 0
    assert "no font" not in capsys.readouterr().out
    assert main(["check", str(source), "--fallback-font", str(tmp_path / "nope.ttf")]) == 1
    assert "no such file" in capsys.readouterr().err


# ---------------------------------------------------------------- bidi, from UAX #9 by hand


def test_embedding_levels_follow_the_bidi_algorithm() -> None:
    """Levels worked out by hand from UAX #9 (W2, N1, I1, L1), to fail loudly if python-bidi's
    algorithm module changes under us."""
    assert levels("abc اردو 123") == [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2]
    assert levels("اردو abc ") == [1, 1, 1, 1, 0, 0, 0, 0, 0]  # L1: the end space to level 0
    assert levels("abc") == [0, 0, 0]


def test_runs_are_reversed_level_by_level() -> None:
    # "abc " (0), "اردو " (1), "123" (2): L2 reverses the level-1 and level-2 runs together
    assert visual_runs("abc اردو 123") == [(0, 4, 0), (9, 12, 2), (4, 9, 1)]


# ---------------------------------------------------------------- any text at all

EXAMPLES = int(os.environ.get("CP_EXAMPLES", "60"))  # raise it to search harder, e.g. 2000
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                                 blacklist_characters="\ufffe\uffff"), min_size=1, max_size=40)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(text=ANY_TEXT)
def test_any_text_is_drawn_without_notdef_and_read_back_as_typed(text: str) -> None:
    """Whatever the script, marks or unassigned code points: never .notdef, always the text."""
    report = cp.load({"appendix": "App", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": "d", "polarity": "high"}], "commentary": [text]}]}]})
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer)
    data = buffer.getvalue()
    assert all(gid != 0 for _, gid, _, _ in drawn_glyphs(data))
    paragraphs = [said for tag, said, _ in read_tagged(data).elements if tag == "P"]
    # a soft hyphen not at a line break is not drawn, so not read (ISO 32000-1 §14.8.2.2.3: it
    # stands for the hyphen drawn at a break); the short paragraph here never breaks
    assert paragraphs == [text.replace("\xad", "")]


MIXED = st.text(st.sampled_from(list("ab 12 ()[].,-/%\t\n") + list("اردوعبریہے") + list("שלום")
                                + ["\u200f", "\u200e", "\u0651", "\u064b"]), min_size=1, max_size=60)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(text=MIXED)
def test_mixed_direction_text_reads_back_in_logical_order(text: str) -> None:
    """Latin, Arabic, Hebrew, digits, brackets, marks and direction marks, wrapped in a narrow
    cell and a paragraph: the tagged text is the typed text."""
    report = cp.load({"appendix": "App", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": "d", "polarity": "high"}],
        "supplementary": [{"header": [["A", "B", "C", "D", "E", "F"]],
                           "rows": [["x", text, "1", "2", "3", "4"]]}],
        "commentary": [text]}]}]})
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer)
    data = buffer.getvalue()
    assert all(gid != 0 for _, gid, _, _ in drawn_glyphs(data))
    elements = read_tagged(data).elements
    assert [said for tag, said, _ in elements if tag == "P"] == [text]
    assert text in [said for tag, said, _ in elements if tag == "TD"]
