"""The names of the styles the Word renderer uses, and the colours it takes from the template.

A council restyles its output by editing these styles in the template, never the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...style import Colour, HouseStyle
from . import wml

if TYPE_CHECKING:
    from .stylenames import TemplateStyles

BODY = "Normal"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
TABLE_TEXT = "Table Text"
SMALL_TEXT = "Small Text"
LIST_BULLET = "List Bullet"
LIST_NUMBER = "List Number"
TABLE = "Exception Table"
DOT_BETTER = "DoT Better"
DOT_WORSE = "DoT Worse"
DOT_NEUTRAL = "DoT Neutral"

PARAGRAPH_STYLES = (BODY, *HEADINGS, TABLE_TEXT, SMALL_TEXT, LIST_BULLET, LIST_NUMBER)
CHARACTER_STYLES = (DOT_BETTER, DOT_WORSE, DOT_NEUTRAL)
TABLE_STYLES = (TABLE,)


@dataclass(frozen=True, slots=True)
class StyleIds:
    """The template's style ids for the style names, looked up once per document.

    An id is None for the template's default style of its kind, which Word applies unnamed.
    """

    paragraph: dict[str, str | None]
    character: dict[str, str | None]
    table: dict[str, str | None]

    @classmethod
    def read(cls, found: TemplateStyles) -> StyleIds:
        """Look up the id of every style the renderer uses, among the template's styles."""
        def ids(names: tuple[str, ...], kind: str) -> dict[str, str | None]:
            return {name: found.id_of(name, kind) for name in names}

        return cls(ids(PARAGRAPH_STYLES, "paragraph"), ids(CHARACTER_STYLES, "character"),
                   ids(TABLE_STYLES, "table"))


@dataclass(frozen=True, slots=True)
class Palette:
    """How the layout's colours map onto the template's styles.

    The layout speaks in the house style's colours. A mark in the "better" colour is drawn
    with the "DoT Better" character style, so the template decides its colour and font; any
    other coloured text or shaded cell gets the template's version of that colour.
    """

    mark_styles: dict[str, str]  # house-style colour (hex) -> character style name
    colours: dict[str, str]  # house-style colour (hex) -> the colour the template gives it

    @classmethod
    def read(cls, found: TemplateStyles, style: HouseStyle) -> Palette:
        """Read the mark styles' colours and the header shading from a template's styles."""
        marks = style.marks
        pairs = ((marks.neutral_colour, DOT_NEUTRAL), (marks.worse_colour, DOT_WORSE),
                 (marks.better_colour, DOT_BETTER))
        mark_styles = {colour.hex: name for colour, name in pairs}
        colours: dict[str, str] = {}
        for colour, name in pairs:
            rgb = found.get(name, "character").font.color.rgb
            if rgb is not None:
                colours[colour.hex] = str(rgb)
        header_fill = wml.table_style_header_fill(found.get(TABLE, "table"))
        if header_fill is not None:
            colours[style.header_fill.hex] = header_fill
        return cls(mark_styles, colours)

    def mark_style(self, colour: Colour | None) -> tuple[str, Colour | None]:
        """Return the character style for a mark, and a colour to apply if no style has it."""
        if colour is None:
            return DOT_NEUTRAL, None
        name = self.mark_styles.get(colour.hex)
        return (name, None) if name else (DOT_NEUTRAL, colour)

    def colour(self, colour: Colour) -> str:
        """Return the template's version of a house-style colour, as six hex digits."""
        return self.colours.get(colour.hex, colour.hex)
