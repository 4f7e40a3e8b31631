"""The house style's fonts for the PDF, and the face each character is drawn in.

Text the preferred face (the text font, or the symbol font for a DoT mark) can draw is drawn in
it. Otherwise the text is split into runs of one script (fontTools' Unicode script property;
common characters such as spaces, digits and punctuation go with the run they are in), and a
run of any script but Latin is drawn in the first face that has every character of it, so that a
sentence of Urdu or Bengali is shaped in one font and its letters join. The faces are tried in this order:

- for a run of Latin or common characters (symbols, emoji): the preferred family, the other
  of text and symbol fonts, then the house style's fallback fonts in the order given;
- for a run of any other script: the text font, the fallback fonts, then the symbol font, so a
  council's own font for a script comes before the symbol font's few letters of it.

A run of Latin or common characters, or a run no face has whole, is drawn character by
character, each in the first face with a glyph for it; white space stays in the preferred
face, and a combining mark, joiner or variation selector stays with the character before it.
A character no face has is drawn as a stand-in (□) and still extracts as itself; ``check``
reports it beforehand (``coverage.py``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from fontTools.unicodedata import script

from ...style import FontFiles, FontSource, HouseStyle
from .faces import Face, is_invisible

COMMON = frozenset({"Zyyy", "Zinh", "Zzzz", "Latn"})  # scripts the text and symbol fonts serve first


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


Faces = dict[tuple[str, int], Face]  # the faces one load has read, by file and face index


def _face(source: FontSource | str | Path, faces: Faces) -> Face:
    """Return the face of ``source``, read once per load however often the style names it."""
    source = FontSource.of(source)
    found = faces.get(source.key)
    if found is None:
        found = faces[source.key] = Face(source)
    return found


def load_family(files: FontFiles | FontSource | str | Path, faces: Faces | None = None) -> Family:
    """Return the family of four font files, or of one face used for all four; ``faces`` holds
    the faces already read by the same load (a new set if None)."""
    faces = {} if faces is None else faces
    if isinstance(files, FontFiles):
        return Family(*(_face(p, faces) for p in (files.regular, files.bold, files.italic, files.bold_italic)))
    face = _face(files, faces)
    return Family(face, face, face, face)


def _script_runs(text: str) -> list[tuple[str, bool]]:
    """Return the runs of one script in ``text``, each with whether it is Latin or common.

    Common and inherited characters (spaces, digits, punctuation, marks) join the run before
    them, or the one after them at the start of the text.
    """
    runs: list[tuple[str, str]] = []  # (text, script)
    for char in text:
        found = script(char)
        if runs and (found in ("Zyyy", "Zinh", "Zzzz") or found == runs[-1][1]):
            runs[-1] = (runs[-1][0] + char, runs[-1][1])
        elif runs and runs[-1][1] in ("Zyyy", "Zinh", "Zzzz"):
            runs[-1] = (runs[-1][0] + char, found)
        else:
            runs.append((char, found))
    return [(run, found in COMMON) for run, found in runs]


def _only_space(text: str, chars: frozenset[str]) -> bool:
    """Return whether every character of ``text`` not in ``chars`` is white space (a line
    break, a tab), which stays in the preferred face whatever it holds."""
    return all(char.isspace() for char in set(text).difference(chars))


def _joins_previous(char: str) -> bool:
    """Return whether ``char`` belongs with the character before it (a mark, joiner or selector)."""
    return (is_invisible(char) and not char.isspace()) or unicodedata.category(char) in ("Mn", "Mc", "Me")


@dataclass(frozen=True, slots=True)
class Fonts:
    """The text family, the symbol family, and the fallbacks for characters both lack.

    ``line`` is the text font's single line height in ems (``Face.line_height``), the height
    Word and LibreOffice set a line of it at.
    """

    text: Family
    symbol: Family
    fallbacks: tuple[Family, ...] = ()
    line: float = 1.15

    def _order(self, mark: bool, common: bool = True) -> tuple[Family, ...]:
        first, second = (self.symbol, self.text) if mark else (self.text, self.symbol)
        if common:
            return (first, second, *self.fallbacks)
        return (first, *self.fallbacks, second)

    def face_for(self, char: str, *, bold: bool, italic: bool, mark: bool, common: bool = True) -> Face:
        """Return the face to draw ``char`` in: the first in order that has a glyph for it."""
        order = self._order(mark, common)
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
        if preferred.chars.issuperset(text) or _only_space(text, preferred.chars):
            return [(preferred, text)]  # the usual case: no character needs looking at
        faces: list[Face] = []
        for run, common in _script_runs(text):
            if not common:  # one face for the whole run, if one has it all, so its letters join
                needed = {char for char in run if not is_invisible(char)}
                whole = next((face for family in self._order(mark, common)
                              if needed <= (face := family.face(bold=bold, italic=italic)).chars), None)
                if whole is not None:
                    faces += [whole] * len(run)
                    continue
            for char in run:
                if faces and _joins_previous(char) and (is_invisible(char) or char in faces[-1].chars):
                    faces.append(faces[-1])
                else:
                    faces.append(self.face_for(char, bold=bold, italic=italic, mark=mark, common=common))
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
    """Return the style's text, symbol and fallback fonts, read from their files.

    The fonts belong to the caller (one render, one ``check``): nothing is kept between loads,
    so two house styles, or a font file changed on disk, never meet an earlier load's faces.
    """
    faces: Faces = {}
    text = load_family(style.text_fonts, faces)
    return Fonts(text, load_family(style.symbol_fonts, faces),
                 tuple(load_family(f, faces) for f in style.fallback_fonts), text.regular.line_height)
