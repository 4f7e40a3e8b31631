"""What would spoil a PDF, found before it is written: characters the house style's fonts
cannot draw, field by field, and a running header too long for the top of a page.

The PDF draws a character no font has as a stand-in box (□), which still extracts as the
character; ``check`` (``api.check``, which makes these into findings) warns of each one
beforehand, naming the field, the character and its Unicode name, so that a font can be added
(``HouseStyle.fallback_fonts``). The fields come as (place, text) pairs, so this module knows
nothing of the model. White space and default-ignorable characters (joiners, variation
selectors) need no glyph; control characters are reported by the check of pasted text instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ...style import HouseStyle
from .faces import is_invisible
from .fonts import load_fonts
from .furniture import header_excess
from .styles import Styles

CODE = "no-glyph"


def describe(char: str) -> str:
    """Return a character as a reader can find it: itself, its code point and Unicode name."""
    name = unicodedata.name(char, "")
    return f"{char!r} (U+{ord(char):04X}{' ' + name if name else ''})"


def missing(text: str, drawable: frozenset[str]) -> list[str]:
    """Return the characters of ``text`` that no font can draw, once each, in order."""
    lacking = set(text) - drawable  # most fields: none, found at C speed
    if not lacking:
        return []
    return [char for char in dict.fromkeys(text)
            if char in lacking and not is_invisible(char) and unicodedata.category(char) != "Cc"]


def font_gaps(fields: Iterable[tuple[str, str]], style: HouseStyle) -> list[tuple[str, str]]:
    """Return (place, message) for each character of each (place, text) field that the style's
    fonts cannot draw, in order."""
    fonts = load_fonts(style)
    drawable = frozenset().union(*(face.chars for face in fonts.all_faces()))
    return [(where, f"no font of the house style can draw {describe(char)}: the PDF shows an empty box "
             "in its place; add a font that has it with --fallback-font or the house style's "
             "fallback_fonts (README, Fonts)")
            for where, text in fields for char in missing(text, drawable)]


def check_header(header: str, style: HouseStyle) -> None:
    """Raise ``CommitteePapersError`` if the running header cannot fit at the top of a page."""
    header_excess(Styles(style, load_fonts(style)), header)
