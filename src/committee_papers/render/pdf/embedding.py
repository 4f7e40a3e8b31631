"""Fonts in the PDF: text encoded as glyph ids, and each face embedded as a tagged subset.

Every face is a composite font (Type0, ``/Identity-H``, ISO 32000-1 §9.7): text is written as
two-byte glyph ids, so any glyph of any face can be drawn, shaped ones included. Each face
used in a document is embedded once, as a subset holding only the glyphs drawn (HarfBuzz's
subsetter, keeping glyph ids), with:

- a ToUnicode map (§9.10.3) from each glyph to the characters it was drawn for, written as
  UTF-16 (so characters beyond U+FFFF are surrogate pairs) and never naming U+0000;
- widths (``/W``) equal to the font program's own advances;
- a subset tag made from a hash of the face's name and the glyphs in the subset (§9.6.4:
  different subsets in one file have different tags; the same subset always has the same).

Text is written as character ids (CIDs), each the glyph id itself, so the subset keeps its
glyph ids. A ToUnicode map gives one text per CID, so where a TrueType glyph is drawn for a
second character (a character no face has, drawn as the stand-in □; a no-break space drawn
with the space's glyph), that character gets a CID of its own past the font's glyphs, which
the ``/CIDToGIDMap`` (§9.7.4.2) leads to the same glyph: every character extracts as itself.
Where that cannot be done (a CFF font has no CIDToGIDMap) or the text drawn is not what the map
gives back (shaped or reordered text), the caller wraps it in ``/ActualText`` (§14.9.4).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pikepdf
import uharfbuzz as hb
from pikepdf import Array, Dictionary, Name

from ...errors import CommitteePapersError
from .faces import Face, is_invisible
from .shaping import Glyph
from .streams import NEWLINE, ONE, UNUSED_CID, flate, stream

BFCHAR_BLOCK = 100  # a CMap allows at most 100 entries per beginbfchar block
_DROP = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG", "kern", "morx", "feat", "vhea", "vmtx",
         "VORG", "FFTM", "MATH", "COLR", "CPAL", "SVG ", "CBDT", "CBLC", "sbix", "meta"]


def subset_tag(name: str, glyphs: Sequence[int]) -> str:
    """Return six capital letters derived from the face's name and the glyphs of its subset."""
    digest = hashlib.sha256(f"{name}:{','.join(map(str, sorted(glyphs)))}".encode("ascii")).digest()
    number = int.from_bytes(digest[:8], "big")
    letters = []
    for _ in range(6):
        number, remainder = divmod(number, 26)
        letters.append(chr(ord("A") + remainder))
    return "".join(letters)


def _hex(glyph: int) -> str:
    return f"{glyph:04X}"


class FontUse:
    """One face in one document: the glyphs drawn so far and what each stands for."""

    def __init__(self, face: Face, name: str) -> None:
        self.face, self.name = face, name  # name: the font's resource name, e.g. /F1
        self.to_unicode: dict[int, str] = {}  # CID -> the text it was drawn for
        self._hidden: dict[int, str] = {}  # glyphs drawn only for invisible characters (ZWJ, VS16)
        self._codes: dict[str, str] = {}  # character -> its CID in hex
        self.inexact: set[str] = set()  # characters the ToUnicode map does not give back
        self.aliases: dict[int, int] = {}  # CID past the font's glyphs -> the glyph it draws
        self._stand_in = face.stand_in

    def _code(self, glyph: int, text: str) -> tuple[int, bool]:
        """Return the CID that draws ``glyph`` for ``text``, and whether the map gives ``text`` back."""
        if self._map(glyph, text):
            return glyph, True
        cid = self.face.glyph_count + len(self.aliases)
        if self.face.cff or cid > 0xFFFF:
            return glyph, False
        self.aliases[cid] = glyph
        self.to_unicode[cid] = text
        return cid, True

    def _map(self, glyph: int, text: str) -> bool:
        """Record that ``glyph`` stands for ``text``; return whether the map gives ``text`` back."""
        found = self.to_unicode.get(glyph)
        if found is None:
            self.to_unicode[glyph] = text
            return True
        return found == text

    def encode(self, text: str) -> tuple[str, bool]:
        """Return the glyph ids of unshaped ``text`` in hex, and whether they extract as ``text``."""
        codes = self._codes
        for char in text:
            if char not in codes:
                cid, exact = self._code(self.face.glyph(char) or self._stand_in, char)
                if not exact:
                    self.inexact.add(char)
                codes[char] = _hex(cid)
        return "".join(map(codes.__getitem__, text)), self.inexact.isdisjoint(text)

    def shown(self, glyphs: Sequence[Glyph], size: str) -> str:
        """Return the operators that show shaped glyphs (TJ with offsets, Ts for raised marks)."""
        scale = float(size) / 1000
        out: list[str] = []
        parts: list[str] = []
        pending = 0.0  # the adjustment before the next glyph, in thousandths of an em
        rise = 0.0
        for glyph in glyphs:
            number = glyph.glyph
            if all(map(is_invisible, glyph.text)):
                if number == 0:  # a joiner the face lacks: nothing to draw, only its advance
                    pending -= glyph.advance
                    continue
                if number not in self.to_unicode:
                    self._hidden.setdefault(number, glyph.text)
            elif number == 0:  # a character the face has no glyph for: the stand-in, extracted
                number = self._code(self._stand_in, glyph.text)[0]
            else:
                self._map(number, glyph.text)
            if glyph.dy != rise:
                if parts:
                    out.append(f"[{' '.join(parts)}] TJ")
                    parts = []
                rise = glyph.dy
                out.append(f"{rise * scale:.2f} Ts")
            pending -= glyph.dx
            if abs(pending) >= 0.005:
                parts.append(f"{pending:.2f}")
            parts.append(f"<{_hex(number)}>")
            pending = glyph.dx + self.face.width_of_glyph(self.aliases.get(number, number)) - glyph.advance
        if abs(pending) >= 0.005:
            parts.append(f"{pending:.2f}")
        if parts:
            out.append(f"[{' '.join(parts)}] TJ")
        if rise:
            out.append("0 Ts")
        return "\n".join(out)

    @property
    def used(self) -> bool:
        """Return whether anything was drawn in the face."""
        return bool(self.to_unicode or self._hidden)

    # ------------------------------------------------------------------ the PDF objects

    def font_object(self, pdf: pikepdf.Pdf) -> pikepdf.Object:
        """Return the Type0 font dictionary, with the subset embedded, as an indirect object."""
        face = self.face
        for glyph, text in self._hidden.items():
            self.to_unicode.setdefault(glyph, text)
        cids = sorted(self.to_unicode)
        glyphs = sorted({self.aliases.get(cid, cid) for cid in cids})
        tag = subset_tag(face.name, glyphs)
        base = Name(f"/{tag}+{face.name}")
        program = self._program(glyphs)
        info = face.descriptor
        flags = 4 | (1 if info["fixed"] else 0) | (64 if info["italic_angle"] else 0)  # §9.8.2
        descriptor = Dictionary(
            Type=Name.FontDescriptor, FontName=base, Flags=flags, FontBBox=Array(info["bbox"]),
            ItalicAngle=info["italic_angle"], Ascent=info["ascent"], Descent=info["descent"],
            CapHeight=info["cap_height"], StemV=info["stem_v"])
        compressed, length = flate(program, ONE)
        font_file = pikepdf.Stream(pdf, compressed)
        font_file.Filter = Name.FlateDecode
        if face.cff:
            font_file.Subtype = Name.OpenType
            descriptor.FontFile3 = font_file
        else:
            font_file.Length1 = length
            descriptor.FontFile2 = font_file
        descendant = Dictionary(
            Type=Name.Font, Subtype=Name.CIDFontType0 if face.cff else Name.CIDFontType2,
            BaseFont=base, CIDSystemInfo=Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
            FontDescriptor=pdf.make_indirect(descriptor), W=Array(self._widths(cids)))
        if self.aliases:
            table = bytearray()
            for cid in range(max(cids) + 1):
                table += self.aliases.get(cid, cid if cid < face.glyph_count else 0).to_bytes(2, "big")
            descendant.CIDToGIDMap = stream(pdf, bytes(table), UNUSED_CID)
        elif not face.cff:
            descendant.CIDToGIDMap = Name.Identity
        font = Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=base, Encoding=Name("/Identity-H"),
                          DescendantFonts=Array([pdf.make_indirect(descendant)]),
                          ToUnicode=stream(pdf, self._cmap(f"{tag}+{face.name}").encode("ascii"), NEWLINE))
        return pdf.make_indirect(font)

    def _widths(self, cids: list[int]) -> list[object]:
        """Return the /W array: runs of consecutive CIDs and their glyphs' widths (§9.7.4.3)."""
        result: list[object] = []
        run: list[float] = []
        start = previous = -2
        for cid in cids:
            if cid != previous + 1 and run:
                result += [start, Array(run)]
                run = []
            if not run:
                start = cid
            run.append(round(self.face.width_of_glyph(self.aliases.get(cid, cid)), 3))
            previous = cid
        if run:
            result += [start, Array(run)]
        return result

    def _cmap(self, name: str) -> str:
        """Return the ToUnicode CMap: each glyph id to the UTF-16 of the text it was drawn for."""
        entries = [f"<{_hex(cid)}> <{text.encode('utf-16-be').hex().upper()}>"
                   for cid, text in sorted(self.to_unicode.items()) if text and "\0" not in text]
        lines = [
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            f"/CMapName /{name}-UCS def", "/CMapType 2 def",
            "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
        ]
        for start in range(0, len(entries), BFCHAR_BLOCK):
            block = entries[start:start + BFCHAR_BLOCK]
            lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines)

    def _program(self, glyphs: list[int]) -> bytes:
        """Return the font program of the subset: the glyphs drawn, at their own glyph ids."""
        return subset_program(self.face, tuple(glyphs))


def subset_program(face: Face, glyphs: tuple[int, ...]) -> bytes:
    """Return the font program of ``face`` cut down to ``glyphs`` (and .notdef), glyph ids kept.

    HarfBuzz's subsetter (``hb.subset``) does it, TrueType or CFF, in a millisecond or two; the
    layout tables go (the text is shaped already) and so do the hints (PDF viewers ignore them).
    """
    plan = hb.SubsetInput()
    plan.glyph_set.update([0, *glyphs])
    plan.sets(hb.SubsetInputSets.UNICODE).clear()
    dropped = plan.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
    for tag in _DROP:
        dropped.add(int.from_bytes(tag.encode("ascii"), "big"))
    plan.flags = (hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
                  | hb.SubsetFlags.NO_LAYOUT_CLOSURE)
    found = hb.subset(face.harfbuzz.face, plan)
    if found is None:
        raise CommitteePapersError(f"the font {face.source.path} could not be cut down to the glyphs "
                                   "drawn: give another font file for it in the house style")
    return bytes(found.blob.data)


class FontSet:
    """The fonts of one document, named /F1, /F2, ... in the order they are first drawn."""

    def __init__(self) -> None:
        self.uses: dict[Face, FontUse] = {}

    def use(self, face: Face) -> FontUse:
        """Return the font of ``face`` in this document, adding it on first use."""
        found = self.uses.get(face)
        if found is None:
            found = self.uses[face] = FontUse(face, f"/F{len(self.uses) + 1}")
        return found

    def resources(self, pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
        """Return the /Font resource dictionary of every font used, with the subsets embedded."""
        return Dictionary({use.name: use.font_object(pdf) for use in self.uses.values() if use.used})
