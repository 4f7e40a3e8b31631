"""A face's character map and advances are read by HarfBuzz, its post header alone: what
fontTools reads, exactly.

fontTools is the reference here (the code under test no longer calls it for a sound table):
every font file on the machine, and fonts generated with fontTools' FontBuilder from random
character maps (BMP and beyond, one glyph for several characters, symbol-encoded only), must
give the same code-point-to-glyph-id map, advance widths, italic angle and fixed pitch; a
damaged table is what it was (a located error, or what fontTools makes of it). This is a speed
change (issue 20): these tests pass with the old reading too (the symbol-encoded case aside),
and are here to fail if the two readings ever part.
"""

from __future__ import annotations

import glob
import io
import struct
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables.DefaultTable import DefaultTable
from hypothesis import given, settings, strategies as st

from committee_papers.errors import CommitteePapersError
from committee_papers.render.pdf.faces import Face
from committee_papers.style import FontSource

PACKAGE_FONTS = Path(__file__).resolve().parents[2] / "src" / "committee_papers" / "fonts"
FILES = sorted(str(p) for p in PACKAGE_FONTS.iterdir() if p.suffix in (".ttf", ".otf", ".ttc")) + sorted(
    p for p in glob.glob("/usr/share/fonts/**/*", recursive=True) if p.lower().endswith((".ttf", ".otf", ".ttc")))


def reference(path: str, index: int = 0) -> dict[int, int]:
    """fontTools' best Unicode map, as glyph ids."""
    font = TTFont(path, fontNumber=index)
    ids = {name: number for number, name in enumerate(font.getGlyphOrder())}
    return {code: ids[name] for code, name in (font.getBestCmap() or {}).items() if name in ids}


def test_there_are_font_files_to_compare() -> None:
    assert len(FILES) >= 6  # the package's own four Liberation Sans and two DejaVu Sans faces at least


def reference_advances(path: str, index: int = 0) -> list[float]:
    """fontTools' hmtx advances by glyph id, in thousandths of an em."""
    font = TTFont(path, fontNumber=index)
    metrics, scale = font["hmtx"].metrics, 1000 / font["head"].unitsPerEm
    return [metrics[name][0] * scale if name in metrics else 0.0 for name in font.getGlyphOrder()]


def reference_post(path: str, index: int = 0) -> tuple[float, bool] | None:
    """fontTools' italic angle and fixed pitch, from the whole post table decoded."""
    font = TTFont(path, fontNumber=index)
    return (float(font["post"].italicAngle), bool(font["post"].isFixedPitch)) if "post" in font else None


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_every_font_file_maps_and_measures_as_fonttools_reads_it(path: str) -> None:
    face = Face(FontSource.of(path))
    assert face.cmap == reference(path)
    assert face.advances == reference_advances(path)
    post = reference_post(path)
    if post is not None:
        assert (face.descriptor["italic_angle"], face.descriptor["fixed"]) == post


def _font(mapping: dict[int, int], glyphs: int, *, symbol: bool = False) -> bytes:
    """A TrueType font of ``glyphs`` squares (after .notdef), mapping code points to glyph ids."""
    order = [".notdef", *(f"g{n}" for n in range(1, glyphs + 1))]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({code: order[glyph] for code, glyph in mapping.items()})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((500, 500))
    pen.closePath()
    square = pen.glyph()
    builder.setupGlyf({name: square for name in order})
    builder.setupHorizontalMetrics({name: (600, 0) for name in order})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Generated", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    font = builder.font
    if symbol:  # a symbol-encoded font: its only subtable is (3, 0), which neither reader takes as Unicode
        for table in font["cmap"].tables:
            table.platformID, table.platEncID = 3, 0
        font["cmap"].tables = font["cmap"].tables[:1]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


codes = st.one_of(st.integers(0x20, 0xD7FF), st.integers(0xE000, 0xFFFD), st.integers(0x10000, 0x10FFFF))


@settings(max_examples=40, deadline=None)
@given(data=st.data(), glyphs=st.integers(1, 40), symbol=st.booleans())
def test_generated_fonts_map_as_fonttools_maps_them(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject,
                                                     glyphs: int, symbol: bool) -> None:
    chosen = data.draw(st.dictionaries(codes, st.integers(1, glyphs), min_size=1, max_size=60))
    path = tmp_path_factory.mktemp("fonts") / "generated.ttf"
    path.write_bytes(_font(chosen, glyphs, symbol=symbol))
    face = Face(FontSource.of(path))
    assert face.cmap == reference(str(path))
    assert face.cmap == ({} if symbol else chosen)
    assert face.advances == reference_advances(str(path)) == [600.0] * (glyphs + 1)


def _damaged(tmp_path: Path, damage: str) -> Path:
    """A generated font whose cmap is cut short, or whose format 4 subtables claim far more
    segments than they hold (the table's bytes edited: this is the damage under test)."""
    font = TTFont(io.BytesIO(_font({0x41: 1, 0x42: 2, 0x43: 3}, 3)))
    data = bytearray(font.getTableData("cmap"))
    if damage == "cut short":
        data = data[:-12]
    else:
        count = struct.unpack(">H", data[2:4])[0]
        for record in range(count):
            (offset,) = struct.unpack(">I", data[8 + 8 * record:12 + 8 * record])
            data[offset + 6:offset + 8] = struct.pack(">H", 0x7FFE)  # segCountX2
    table = DefaultTable("cmap")
    table.data = bytes(data)
    font["cmap"] = table
    path = tmp_path / "damaged.ttf"
    font.save(path)
    return path


def test_a_character_map_cut_short_is_refused_with_the_file_named(tmp_path: Path) -> None:
    with pytest.raises(CommitteePapersError, match=r"damaged\.ttf cannot be used"):
        Face(FontSource.of(_damaged(tmp_path, "cut short")))


def test_a_map_claiming_more_than_it_holds_maps_what_fonttools_reads(tmp_path: Path) -> None:
    path = _damaged(tmp_path, "too many segments")
    assert Face(FontSource.of(path)).cmap == reference(str(path))
