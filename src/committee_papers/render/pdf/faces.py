"""Font files read with fontTools and HarfBuzz: character map, advance widths, metrics, outlines.

A ``Face`` is one face of a TrueType or OpenType file (a ``.ttf``, an ``.otf``, or one face of a
``.ttc`` collection), with TrueType (``glyf``) or PostScript (``CFF``) outlines. Its character
map is read with the face (by HarfBuzz, ``_character_map``), the advance widths when text is
first measured; HarfBuzz reads the whole file to shape text and to cut the subset that is embedded
(``embedding.py``).

Nothing is kept between calls: each ``load_fonts`` (each render, each ``check``) reads its own
faces, one per font file and face index, and what a face remembers (tables read, widths
measured) goes when the render that loaded it is done. A face's tables are read under the
face's own lock, so a face may be shared by threads all the same.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import uharfbuzz as hb
from fontTools.misc import sstruct
from fontTools.ttLib import TTFont, TTLibError
from fontTools.ttLib.tables._p_o_s_t import postFormat, postFormatSize

from ...errors import CommitteePapersError
from ...style import FontSource
from .shaping import is_simple, shaped_width

UNITS = 1000  # widths are kept in thousandths of an em, as PDF font widths are (ISO 32000-1 §9.2.4)
# (platform, encoding) of the Unicode cmap subtables fontTools' getBestCmap takes; HarfBuzz takes the same
BEST_CMAPS = frozenset({(3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)})
MEMORY = 100_000  # texts whose width a face remembers: a long-running process must not grow for ever
STAND_INS = ("\u25a1", "\ufffd", "?")  # □, �, ?: what a character no face has is drawn as


class Face:
    """One face of a font file: what text needs to be measured, shaped, drawn and embedded."""

    def __init__(self, source: FontSource) -> None:
        self.source = source
        self._lock = threading.Lock()
        path, index = source.key
        try:
            font = TTFont(path, fontNumber=index, lazy=True)
            self.units_per_em = int(font["head"].unitsPerEm)
            self.glyph_count = int(font["maxp"].numGlyphs)
            self.cff = "CFF " in font
            if not self.cff and "glyf" not in font:
                raise TTLibError("it has neither TrueType nor CFF outlines")
            self.name = _postscript_name(font, Path(path).stem)
            self._face = hb.Face(hb.Blob.from_file_path(path), index)
            self._metrics = hb.Font(self._face)  # at the face's own units per em
            self.cmap: dict[int, int] = _character_map(font, self._metrics, self._face, self.glyph_count)
        except (OSError, TTLibError, KeyError, AssertionError, ValueError, IndexError) as error:
            raise CommitteePapersError(
                f"the font file {source.path} cannot be used ({error}): give the path of a "
                "TrueType or OpenType font (.ttf, .otf, or .ttc with its face number)") from error
        self._font = font
        self._scale = UNITS / self.units_per_em
        self.chars = frozenset(map(chr, self.cmap))  # the characters it has a glyph for
        self.known: dict[str, float] = {}  # the width of every text measured so far (bounded)

    def __repr__(self) -> str:
        return f"Face({self.name})"

    # ------------------------------------------------------------------ tables read on demand

    @cached_property
    def advances(self) -> list[float]:
        """Return each glyph's advance width in thousandths of an em, by glyph id.

        The ``hmtx`` table's advances, read by HarfBuzz (the last one repeated past the table's
        end, as the OpenType spec says); fontTools' reading needs every glyph's name first.
        """
        with self._lock:
            advance, scale = self._metrics.get_glyph_h_advance, self._scale
            return [advance(glyph) * scale for glyph in range(self.glyph_count)]

    @cached_property
    def descriptor(self) -> dict[str, Any]:
        """Return the values of a PDF font descriptor (ISO 32000-1 §9.8), in thousandths of an em."""
        with self._lock:
            font, scale = self._font, self._scale
            head, hhea = font["head"], font["hhea"]
            os2 = font.get("OS/2")
            post = _post_header(font)
            ascent = (os2.sTypoAscender if os2 is not None and os2.sTypoAscender else hhea.ascent)
            descent = (os2.sTypoDescender if os2 is not None and os2.sTypoDescender else hhea.descent)
            cap = getattr(os2, "sCapHeight", 0) or ascent
            weight = getattr(os2, "usWeightClass", 400) if os2 is not None else 400
            italic = float(post.italicAngle) if post is not None else 0.0
            fixed = bool(post.isFixedPitch) if post is not None else False
        return {
            "bbox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
            "ascent": round(ascent * scale), "descent": round(descent * scale),
            "cap_height": round(cap * scale), "italic_angle": italic,
            "stem_v": round(10 + 220 * ((weight - 50) / 900) ** 2),  # a common estimate from the weight
            "fixed": fixed,
        }

    @cached_property
    def line_height(self) -> float:
        """Return the face's single line height in ems: its ascender, descender and line gap.

        These are the ``hhea`` table's (OpenType spec, "hhea — Horizontal Header Table"), the
        line height Word and LibreOffice give the font: 1.15 for Liberation Sans and Arial.
        """
        with self._lock:
            hhea = self._font["hhea"]
            return float((hhea.ascent - hhea.descent + hhea.lineGap) / self.units_per_em)

    @cached_property
    def vertical(self) -> tuple[float, float, float]:
        """Return the face's ascender, descender (positive) and line gap in ems (``hhea``)."""
        with self._lock:
            hhea = self._font["hhea"]
            return (hhea.ascent / self.units_per_em, -hhea.descent / self.units_per_em,
                    hhea.lineGap / self.units_per_em)

    @property
    def ascent(self) -> float:
        """Return the ascent above the baseline in thousandths of an em."""
        return float(self.descriptor["ascent"])

    @cached_property
    def harfbuzz(self) -> Any:
        """Return a HarfBuzz font of the face at its own units per em, for shaping."""
        with self._lock:
            return hb.Font(self._face)

    # ------------------------------------------------------------------ looking up characters

    def glyph(self, char: str) -> int | None:
        """Return the glyph id of ``char``, or None if the face has no glyph for it."""
        return self.cmap.get(ord(char))

    def width_of_glyph(self, glyph: int) -> float:
        """Return the advance of a glyph in thousandths of an em."""
        advances = self.advances
        return advances[glyph] if glyph < len(advances) else 0.0

    @cached_property
    def stand_in(self) -> int:
        """Return the glyph drawn for a character no face has: never .notdef (PDF/UA-1 7.21.8)."""
        for char in STAND_INS:
            found = self.glyph(char)
            if found:
                return found
        return self.glyph(" ") or 0

    @cached_property
    def char_widths(self) -> dict[int, float]:
        """Return the advance of each character's glyph, by code point, in thousandths of an em."""
        advances = self.advances
        return {code: advances[glyph] for code, glyph in self.cmap.items()}

    def width(self, text: str) -> float:
        """Return the advance width of ``text`` in thousandths of an em, shaped where it must be."""
        found = self.known.get(text)
        if found is None:
            if len(self.known) > MEMORY:
                self.known.clear()
            if is_simple(text):
                widths, default = self.char_widths, self.width_of_glyph(self.stand_in)
                found = float(sum(widths.get(c, default) for c in map(ord, text)))
            else:
                found = shaped_width(self, text)
            self.known[text] = found
        return found


def _character_map(font: TTFont, metrics: Any, face: Any, glyphs: int) -> dict[int, int]:
    """Return the face's best Unicode character map: code point to glyph id.

    Read by HarfBuzz, in C (``metrics`` a HarfBuzz font of ``face``): a tenth of the time
    fontTools takes to decode the subtable in Python and name every glyph (most of each render's
    font load). HarfBuzz takes the subtable fontTools' ``getBestCmap`` takes, in the same order
    of preference (``hb-ot-cmap-table.hh``, ``find_best_subtable``: (3, 10), (0, 6), (0, 4),
    (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)). A font that lists none of them (a symbol-encoded
    one, which HarfBuzz would map by its own rule), or where HarfBuzz finds nothing (a damaged
    table its sanitizer drops), is read by fontTools as before: such a font maps what it mapped,
    and a damaged table is the error it was. Raises what fontTools raises.
    """
    if _lists_unicode_subtable(font):
        found = {code: glyph for code in face.unicodes
                 if (glyph := metrics.get_nominal_glyph(code)) is not None and glyph < glyphs}
        if found:
            return found
    cmap = font.getBestCmap() or {}
    ids = {name: number for number, name in enumerate(font.getGlyphOrder())}
    return {code: ids[name] for code, name in cmap.items() if name in ids}  # none past the last glyph


def _lists_unicode_subtable(font: TTFont) -> bool:
    """Return whether the font's cmap lists one of the ``BEST_CMAPS`` subtables.

    Read from the table's header, its encoding records (OpenType spec, "cmap — Character to
    Glyph Index Mapping Table"): asking fontTools for the list decodes every subtable.
    """
    if "cmap" not in font:
        return False
    data = font.getTableData("cmap")
    count = int.from_bytes(data[2:4], "big")
    records = data[4:4 + 8 * count]
    listed = {(int.from_bytes(records[at:at + 2], "big"), int.from_bytes(records[at + 2:at + 4], "big"))
              for at in range(0, len(records) - 7, 8)}
    return not listed.isdisjoint(BEST_CMAPS)


def _post_header(font: TTFont) -> Any:
    """Return the ``post`` table's header (italic angle, fixed pitch ...), or None without one.

    Unpacked with fontTools' own layout of it (``postFormat``): decoding the table itself names
    every glyph, a third of the PDF's font work for a small document. A table too short for
    its header is left to fontTools to read (and refuse).
    """
    if "post" not in font:
        return None
    data = font.getTableData("post")
    if len(data) < postFormatSize:
        return font["post"]
    return SimpleNamespace(**sstruct.unpack(postFormat, data[:postFormatSize]))


def _postscript_name(font: TTFont, fallback: str) -> str:
    """Return the face's PostScript name, keeping only characters a PDF name may hold."""
    name = font["name"].getDebugName(6) if "name" in font else None
    text = name or fallback
    cleaned = "".join(c for c in text if (c.isascii() and c.isalnum()) or c in "-_")
    return cleaned or "Font"


def is_invisible(char: str) -> bool:
    """Return whether ``char`` is never drawn: white space, or default-ignorable (ZWJ, VS16).

    Default-ignorable characters (Unicode §5.21) such as U+200D ZERO WIDTH JOINER or U+FE0F
    VARIATION SELECTOR-16 shape the characters around them but have no glyph of their own.
    """
    if char.isspace():
        return True
    code = ord(char)
    return (unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
            or code in (0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0))


def mixed_line_height(faces: Iterable[Face], paragraph: tuple[float, float, float]) -> float:
    """Return the single line height, in ems, of a line set in several faces, as Word and
    LibreOffice set it: the greatest ascender, the greatest descender and the greatest line gap
    of the faces on it and of the paragraph's own font (``paragraph``: its ascender, descender
    and line gap; the paragraph mark is in it), so a cell with a mark in DejaVu Sans is taller
    than one of Liberation Sans alone."""
    found = [paragraph, *(face.vertical for face in faces)]
    return sum(max(metric[i] for metric in found) for i in range(3))
