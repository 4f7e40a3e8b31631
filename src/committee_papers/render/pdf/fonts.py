"""Register the house style's TrueType fonts and pick, per character, a font that has its glyph.

Every face is registered under a name derived from its file path, so two styles with different
files never collide and the same file is registered once per process. reportlab embeds a subset
of each TrueType face it draws with, so nothing in the PDF depends on the reader's fonts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...style import FontFiles, HouseStyle


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:12]


def face_name(path: Path) -> str:
    """Return the reportlab name of the face in ``path``: its stem plus a digest of the path."""
    resolved = Path(path).resolve()
    return f"cp-{resolved.stem}-{_digest(str(resolved))}"


def _register_face(path: Path) -> str:
    name = face_name(path)
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(Path(path).resolve())))
    return name


@cache
def _charmap(name: str) -> frozenset[int]:
    """Return the code points the registered face ``name`` has a glyph for."""
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


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
    """Register the four faces and the family, so ``<b>`` and ``<i>`` find the right face."""
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
    return ord(char) in _charmap(face)


@dataclass(frozen=True, slots=True)
class Fonts:
    """The text family, and the symbol family for marks and characters the text font lacks."""

    text: Family
    symbol: Family

    def face_for(self, char: str, *, bold: bool, italic: bool, mark: bool) -> str:
        """Return the face to draw ``char`` in.

        Marks prefer the symbol font and text prefers the text font; either falls back to the
        other for a character its first choice has no glyph for. White space stays in the
        preferred face (it is never drawn as a glyph).
        """
        first, second = (self.symbol, self.text) if mark else (self.text, self.symbol)
        preferred = first.face(bold=bold, italic=italic)
        if char.isspace() or has_glyph(preferred, char):
            return preferred
        fallback = second.face(bold=bold, italic=italic)
        return fallback if has_glyph(fallback, char) else preferred


def register_fonts(style: HouseStyle) -> Fonts:
    """Register the style's text and symbol fonts and return their names."""
    return Fonts(register_family(style.text_fonts), register_family(style.symbol_fonts))
