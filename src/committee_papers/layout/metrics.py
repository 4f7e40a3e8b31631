"""Measure text in the house style's own fonts, from their advance widths (fontTools).

Both renderers draw the widths the layout gives, so text is measured once, here, with the
TrueType files the PDF embeds (Liberation Sans is metric-compatible with Arial, the font Word
sets). A character the text face lacks is measured in the symbol face, as the PDF draws it.

The one cache is ``_read``: a pure function of a font file's path, face, time and size, bounded, returning an
immutable mapping, so two house styles cannot collide and threads may share it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from fontTools.ttLib import TTFont, TTLibError

from ..errors import CommitteePapersError
from ..style import FontFiles, FontSource, HouseStyle
from .nodes import Span, SpanRole

if TYPE_CHECKING:
    from collections.abc import Mapping

SPACES = frozenset(" \t\u2009")  # where a line may break (not a no-break space)


@dataclass(frozen=True, slots=True)
class Face:
    """One font file's advance widths in ems, by character, and the width of a missing glyph."""

    advances: Mapping[int, float]
    missing: float


def _face(value: FontSource | Path) -> Face:
    """Return the advance widths of a font file's face; raise ``CommitteePapersError`` naming
    the file when it is missing or not a font."""
    source = FontSource.of(value)
    try:
        path, index = source.key
        stat = os.stat(path)  # a file changed since it was read is read again
        return _read(path, index, stat.st_mtime_ns, stat.st_size)
    except (OSError, TTLibError, KeyError, AssertionError, ValueError, IndexError) as error:
        raise CommitteePapersError(
            f"the font file {source.path} cannot be used ({error}): give the path of a "
            "TrueType or OpenType font (.ttf, .otf, or .ttc with its face number)") from error


@lru_cache(maxsize=32)
def _read(path: str, index: int, modified: int, size: int) -> Face:
    """Return the advance widths of face ``index`` of the font at ``path`` (read once per file,
    as it was last ``modified`` at its ``size``, and process)."""
    with TTFont(path, fontNumber=index, lazy=True) as font:
        per_em = float(font["head"].unitsPerEm)
        metrics = font["hmtx"].metrics
        order = font.getGlyphOrder()
        cmap = font.getBestCmap() or {}
        advances = {code: metrics[glyph][0] / per_em for code, glyph in cmap.items() if glyph in metrics}
        missing = metrics[order[0]][0] / per_em if order and order[0] in metrics else 0.5
    return Face(MappingProxyType(advances), missing)


def _file(fonts: FontFiles, *, bold: bool, italic: bool) -> Path:
    if bold:
        return fonts.bold_italic if italic else fonts.bold
    return fonts.italic if italic else fonts.regular


class Measure:
    """Measures spans of a house style at one font size, in points; it finds each face once."""

    __slots__ = ("_found", "size", "style")

    def __init__(self, style: HouseStyle, size: float) -> None:
        self.style, self.size = style, size
        self._found: dict[tuple[bool, bool, bool], tuple[Face, Face]] = {}

    def _faces(self, span: Span) -> tuple[Face, Face]:
        """Return the face a span is drawn in and the one its missing characters fall back to."""
        key = (span.bold, span.italic, span.role is SpanRole.MARK)
        found = self._found.get(key)
        if found is None:
            bold, italic, mark = key
            symbol = _face(_file(self.style.symbol_fonts, bold=bold, italic=italic))
            text = symbol if mark else _face(_file(self.style.text_fonts, bold=bold, italic=italic))
            found = self._found[key] = (text, symbol)
        return found

    def _char(self, code: int, first: Face, second: Face) -> float:
        found = first.advances.get(code)
        if found is None:
            found = second.advances.get(code, first.missing)
        return found * self.size

    def tokens(self, spans: tuple[Span, ...], long_word: float) -> tuple[float, float, list[float]]:
        """Return the widest figure of ``spans`` and the widest token (text between spaces,
        across spans; a figure or a word), and the width of each line set without breaking, in
        points. A figure is a token without letters (``2,912``, ``(1,000.4)``, ``2011/12``); a
        word wider than ``long_word`` points may break, so it counts as that wide. A token also
        ends after a hyphen between a character and a letter (``Self-|reported``), and after a
        soft hyphen (U+00AD), where both renderers may break a line (``render/pdf/text.py``); a
        soft hyphen counts as wide as the hyphen it shows as at a break."""
        widest, token, figure, figures = 0.0, 0.0, True, 0.0
        lines, line = [], 0.0
        before, last = " ", " "  # the two characters before this one, in this token

        def ended() -> tuple[float, float]:
            return (max(figures, token if figure else 0.0),
                    max(widest, token if figure else min(token, long_word)))

        for span in spans:
            first, second = self._faces(span)
            for char in span.text:
                if ((last == "-" and before not in SPACES and before != "\n" and char.isalpha())
                        or (last == "\xad" and char not in SPACES and char != "\n")):  # or a soft hyphen
                    (figures, widest), token, figure = ended(), 0.0, True  # a break after the hyphen
                before, last = last, char
                if char == "\n" or char in SPACES:
                    (figures, widest), token, figure = ended(), 0.0, True
                    if char == "\n":
                        lines.append(line)
                        line = 0.0
                        continue
                width = self._char(ord(char), first, second)
                line += width
                if char not in SPACES:
                    token += width
                    figure = figure and not char.isalpha()
        lines.append(line)
        return (*ended(), lines)
