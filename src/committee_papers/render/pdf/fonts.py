"""The house style's fonts for the PDF, and the face each character is drawn in.

A character is drawn in the first face that has a glyph for it, in this order: the preferred
family (the text font, or the symbol font for a DoT mark), the other of the two, then the
house style's fallback fonts (``HouseStyle.fallback_fonts``) in the order given. White space
stays in the preferred face. A combining mark stays with the character before it when that
face has it, and a joiner or variation selector always does, so HarfBuzz shapes them together.
A character no face has is drawn as a stand-in (□) and still extracts as itself; ``check``
reports it beforehand (``coverage.py``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from ...style import FontFiles, FontSource, HouseStyle
from .faces import FACES, Face, is_invisible


@dataclass(frozen=True, slots=True)
class Family:
    """The four faces of one family: regular, bold, italic, bold italic."""

    regular: Face
    bold: Face
    italic: Face
    bold_italic: Face

    def face(self, *, bold: bool, italic: bool) -> Face:
        """Return the face for a weight and slant."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    @property
    def faces(self) -> tuple[Face, Face, Face, Face]:
        """Return the four faces."""
        return self.regular, self.bold, self.italic, self.bold_italic


def load_family(files: FontFiles | FontSource | str | Path) -> Family:
    """Return the family of four font files, or of one face used for all four."""
    if isinstance(files, FontFiles):
        return Family(*(FACES.get(p) for p in (files.regular, files.bold, files.italic, files.bold_italic)))
    face = FACES.get(FontSource.of(files))
    return Family(face, face, face, face)


def _joins_previous(char: str) -> bool:
    """Return whether ``char`` belongs with the character before it (a mark, joiner or selector)."""
    return (is_invisible(char) and not char.isspace()) or unicodedata.category(char) in ("Mn", "Mc", "Me")


@dataclass(frozen=True, slots=True)
class Fonts:
    """The text family, the symbol family, and the fallbacks for characters both lack."""

    text: Family
    symbol: Family
    fallbacks: tuple[Family, ...] = ()

    def _order(self, mark: bool) -> tuple[Family, ...]:
        first, second = (self.symbol, self.text) if mark else (self.text, self.symbol)
        return (first, second, *self.fallbacks)

    def face_for(self, char: str, *, bold: bool, italic: bool, mark: bool) -> Face:
        """Return the face to draw ``char`` in: the first in order that has a glyph for it."""
        order = self._order(mark)
        preferred = order[0].face(bold=bold, italic=italic)
        if char.isspace() or char in preferred.chars:
            return preferred
        for family in order[1:]:
            face = family.face(bold=bold, italic=italic)
            if char in face.chars:
                return face
        return preferred

    def runs(self, text: str, *, bold: bool, italic: bool, mark: bool) -> list[tuple[Face, str]]:
        """Return (face, text) runs of ``text``, split where a character needs another face."""
        preferred = (self.symbol if mark else self.text).face(bold=bold, italic=italic)
        if preferred.chars.issuperset(text):
            return [(preferred, text)]  # the usual case: no character needs looking at
        faces: list[Face] = []
        for char in text:
            if faces and _joins_previous(char) and (is_invisible(char) or char in faces[-1].chars):
                faces.append(faces[-1])
                continue
            faces.append(self.face_for(char, bold=bold, italic=italic, mark=mark))
        result: list[tuple[Face, str]] = []
        position = 0
        for face, group in groupby(faces):
            count = len(list(group))
            result.append((face, text[position:position + count]))
            position += count
        return result

    def all_faces(self) -> list[Face]:
        """Return every face, without repeats, in the order characters are looked for."""
        found: dict[int, Face] = {}
        for family in (self.text, self.symbol, *self.fallbacks):
            for face in family.faces:
                found.setdefault(id(face), face)
        return list(found.values())

    def can_draw(self, char: str) -> bool:
        """Return whether some face has a glyph for ``char`` (white space and joiners need none)."""
        return is_invisible(char) or any(char in face.chars for face in self.all_faces())


def load_fonts(style: HouseStyle) -> Fonts:
    """Return the style's text, symbol and fallback fonts, read from their files."""
    return Fonts(load_family(style.text_fonts), load_family(style.symbol_fonts),
                 tuple(load_family(f) for f in style.fallback_fonts))


register_fonts = load_fonts  # the name the pack and the benchmarks use
