"""A TrueType face whose subsets extract as the text that was drawn, whatever the characters.

reportlab's own TTFont has three faults for text extraction, each fixed here:

- a character the face has no glyph for (an emoji in a text font) is drawn with code 0, which
  its ToUnicode map gives as U+0000: here it gets a code of its own, drawn as a white square
  (□, a real glyph: PDF/UA forbids drawing .notdef) but mapped to the character;
- a character beyond U+FFFF is written into the ToUnicode map as five hex digits, which no
  reader accepts: here it is written as its UTF-16 surrogate pair, as the PDF standard says;
- unused codes map to U+0000: here they are left out of the map.

It also splits plain ASCII text without a loop over its characters, since that is most text.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFError
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

BFCHAR_BLOCK = 100  # the CMap format allows at most 100 entries per beginbfchar block
STAND_INS = (0x25A1, 0xFFFD, 0x3F)  # □, �, ?: what a character without a glyph is drawn as


def stand_in(char_to_glyph: dict[int, int]) -> int:
    """Return the character a face draws for one it has no glyph for."""
    return next((code for code in STAND_INS if code in char_to_glyph), 0x20)


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(name: str, subset: list[int]) -> str:
    """Return the ToUnicode CMap of one subset: code i draws the character ``subset[i]``."""
    entries = [f"<{code:02X}> <{_utf16_hex(value)}>" for code, value in enumerate(subset) if value]
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{max(len(subset) - 1, 0):02X}>", "endcodespacerange",
    ]
    for start in range(0, len(entries), BFCHAR_BLOCK):
        block = entries[start:start + BFCHAR_BLOCK]
        lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class SubsetFont(TTFont):  # type: ignore[misc]  # reportlab is untyped
    """A reportlab TTFont with exact ToUnicode maps (see the module's notes)."""

    def _ascii(self, state: Any) -> frozenset[str]:
        """Return the printable ASCII characters that are their own code in subset 0."""
        found: frozenset[str] | None = getattr(state, "cp_ascii", None)
        if found is None:
            found = frozenset(chr(c) for c, n in state.assignments.items() if c == n and 32 <= c < 127)
            state.cp_ascii = found
        return found

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        """Return (subset, codes) chunks for ``text``, giving each new character a code."""
        state = self._assignState(doc)
        if text.isascii() and self._ascii(state).issuperset(text):
            return [(0, text.encode("ascii"))] if text else []
        assignments, subsets = state.assignments, state.subsets
        results: list[tuple[int, bytes]] = []
        current, codes = -1, bytearray()
        for code in map(ord, text):
            if code == 0xA0:
                code = 32  # a no-break space is drawn as a space, as reportlab does
            n = assignments.get(code)
            if n is None:
                n = self._assign(state, code, subsets)
                assignments[code] = n
            if n >> 8 != current:
                if codes:
                    results.append((current, bytes(codes)))
                current, codes = n >> 8, bytearray()
            codes.append(n & 0xFF)
        if codes:
            results.append((current, bytes(codes)))
        return results

    def _assign(self, state: Any, code: int, subsets: list[list[int]]) -> int:
        """Give ``code`` the next free code, as reportlab does, even without a glyph.

        A character without a glyph goes into the subset as the stand-in, whose glyph is drawn;
        the character itself is remembered for the ToUnicode map.
        """
        if state.frozen:
            raise PDFError(f"Font {self.fontName} is already frozen, cannot add U+{code:04X}")
        real = code
        if code not in self.face.charToGlyph:
            code = stand_in(self.face.charToGlyph)
        n = self._next(state, code, subsets)
        if real != code:
            if not hasattr(state, "cp_real"):
                state.cp_real = {}
            state.cp_real[n] = real
        return n

    def _next(self, state: Any, code: int, subsets: list[list[int]]) -> int:
        n = state.nextCode
        if n & 0xFF == 32:  # code 32 of every subset is a space, for word spacing
            if n != 32:
                subsets[n >> 8].append(32)
            state.nextCode += 1
            n = state.nextCode
        if n > 32:
            if not n & 0xFF:
                subsets.append([0])  # code 0 of a new subset is .notdef
                state.nextCode += 1
                n = state.nextCode
            subsets[n >> 8].append(code)
        else:
            if n == 31 and self._asciiReadable:
                state.nextCode = 127  # subset 0 holds ASCII at its own codes: skip past it
            subsets[0][n] = code
        state.nextCode += 1
        return int(n)

    def addObjects(self, doc: Any) -> None:
        """Add the subsets to the document, then replace reportlab's ToUnicode maps."""
        state = self._assignState(doc)
        subsets = [list(subset) for subset in state.subsets]
        for n, real in getattr(state, "cp_real", {}).items():
            subsets[n >> 8][n & 0xFF] = real
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            name = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            doc.idToObject["toUnicodeCMap:" + name].content = to_unicode_cmap(name, subset)
