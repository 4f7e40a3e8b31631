"""Register the house style's TrueType fonts, measure text, and pick a face that has each glyph.

Every face is registered under a name derived from its file path, so two styles with different
files never collide and the same file is registered once per process. reportlab embeds a subset
of each TrueType face it draws with, so nothing in the PDF depends on the reader's fonts.

Text is measured from the face's advance widths in thousandths of an em, and each piece of text
is measured once per face and remembered: the words of a report repeat a great deal.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFile

from ...errors import CommitteePapersError
from ...style import FontFiles, HouseStyle
from .subset import SubsetFont, stand_in


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:12]


def face_name(path: Path) -> str:
    """Return the reportlab name of the face in ``path``: its stem plus a digest of the path."""
    resolved = Path(path).resolve()
    return f"cp-{resolved.stem}-{_digest(str(resolved))}"


def _register_face(path: Path) -> str:
    name = face_name(path)
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            font = SubsetFont(name, str(Path(path).resolve()), asciiReadable=1)
        except Exception as error:  # reportlab raises TTFError, OSError and others for a bad file
            raise CommitteePapersError(
                f"the font file {path} cannot be used ({error}): give the path of a TrueType "
                "(.ttf) font in the house style") from error
        pdfmetrics.registerFont(font)
    return name


MEMORY = 100_000  # texts remembered per face: a long-running process must not grow for ever


class Metrics:
    """The advance widths of one registered face, with every measured text remembered."""

    __slots__ = ("_default", "_widths", "ascent", "chars", "font", "known")

    def __init__(self, name: str) -> None:
        self.font = pdfmetrics.getFont(name)
        face = self.font.face
        self._widths: dict[int, float] = face.charWidths
        self._default: float = self._widths.get(stand_in(face.charToGlyph), face.defaultWidth)  # no glyph
        self.known: dict[str, float] = {}  # every text measured so far
        self.ascent: float = face.ascent  # thousandths of an em above the baseline
        self.chars = frozenset(map(chr, face.charToGlyph))  # the characters it has a glyph for

    def width(self, text: str) -> float:
        """Return the advance width of ``text`` in thousandths of an em."""
        found = self.known.get(text)
        if found is None:
            if len(self.known) > MEMORY:
                self.known.clear()
            widths, default = self._widths, self._default
            found = self.known[text] = float(sum(widths.get(c, default) for c in map(ord, text)))
        return found


@cache
def metrics(name: str) -> Metrics:
    """Return the metrics of the registered face ``name``."""
    return Metrics(name)


@dataclass(frozen=True, slots=True)
class Family:
    """The registered names of one family's four faces."""

    name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str

    def face(self, *, bold: bool, italic: bool) -> str:
        """Return the face for a weight and slant."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    @property
    def faces(self) -> tuple[str, str, str, str]:
        """Return the four face names."""
        return self.regular, self.bold, self.italic, self.bold_italic


def register_family(files: FontFiles) -> Family:
    """Register the four faces and the family."""
    regular, bold, italic, bold_italic = (
        _register_face(p) for p in (files.regular, files.bold, files.italic, files.bold_italic)
    )
    paths = (files.regular, files.bold, files.italic, files.bold_italic)
    family = "cpfamily-" + _digest(*(str(Path(p).resolve()) for p in paths))
    pdfmetrics.registerFontFamily(family, normal=regular, bold=bold, italic=italic,
                                  boldItalic=bold_italic)
    return Family(family, regular, bold, italic, bold_italic)


def has_glyph(face: str, char: str) -> bool:
    """Return whether the registered face has a glyph for ``char``."""
    return char in metrics(face).chars


@cache
def line_height(path: Path) -> float:
    """Return a font's single line height in ems: its ascender, descender and line gap.

    These are the ``hhea`` table's (OpenType spec, "hhea — Horizontal Header Table"), the
    line height Word and LibreOffice give the font: 1.15 for Liberation Sans and Arial.
    """
    try:
        font = TTFontFile(str(Path(path).resolve()), validate=0)
        hhea = font.get_table("hhea")
    except Exception as error:  # reportlab raises TTFError, OSError and others for a bad file
        raise CommitteePapersError(
            f"the font file {path} cannot be used ({error}): give the path of a TrueType "
            "(.ttf) font in the house style") from error
    ascender, descender, gap = struct.unpack(">hhh", hhea[4:10])
    return float((ascender - descender + gap) / font.unitsPerEm)


@dataclass(frozen=True, slots=True)
class Fonts:
    """The text family, and the symbol family for marks and characters the text font lacks.

    ``line`` is the text font's single line height in ems (``line_height``).
    """

    text: Family
    symbol: Family
    line: float = 1.15

    def face_for(self, char: str, *, bold: bool, italic: bool, mark: bool) -> str:
        """Return the face to draw ``char`` in.

        Marks prefer the symbol font and text prefers the text font; either falls back to the
        other for a character its first choice has no glyph for. White space stays in the
        preferred face (it is never drawn as a glyph). A character neither has stays in the
        preferred face too, drawn as its empty box but extracted as itself.
        """
        first, second = (self.symbol, self.text) if mark else (self.text, self.symbol)
        preferred = first.face(bold=bold, italic=italic)
        if char.isspace() or has_glyph(preferred, char):
            return preferred
        fallback = second.face(bold=bold, italic=italic)
        return fallback if has_glyph(fallback, char) else preferred

    def runs(self, text: str, *, bold: bool, italic: bool, mark: bool) -> list[tuple[str, str]]:
        """Return (face, text) runs of ``text``, split where a character needs another face."""
        preferred = (self.symbol if mark else self.text).face(bold=bold, italic=italic)
        if metrics(preferred).chars.issuperset(text):
            return [(preferred, text)]  # the usual case: no character needs looking at

        def face(char: str) -> str:
            return self.face_for(char, bold=bold, italic=italic, mark=mark)

        return [(name, "".join(chars)) for name, chars in groupby(text, key=face)]


def register_fonts(style: HouseStyle) -> Fonts:
    """Register the style's text and symbol fonts and return their names."""
    return Fonts(register_family(style.text_fonts), register_family(style.symbol_fonts),
                 line_height(style.text_fonts.regular))
