"""The names of the styles the Word renderer uses, the colours it takes from the template,
and the styles it adds to a template that lacks them (Heading 4-6, Hyperlink).

A council restyles its output by editing these styles in the template, never the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor

from ...style import Colour, HouseStyle
from . import wml

if TYPE_CHECKING:
    from .stylenames import TemplateStyles

BODY = "Normal"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")  # the template must have these; the PDF follows them
DEEP_HEADINGS = ("Heading 4", "Heading 5", "Heading 6")  # made like Heading 3 when the template lacks them
HYPERLINK = "Hyperlink"  # made when the template lacks it: underlined, in HYPERLINK_COLOUR
# Word's own Hyperlink colour: 5.9:1 against white, above WCAG 2.2's 4.5:1 for text (1.4.3)
HYPERLINK_COLOUR = "0563C1"
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
ADDED_STYLES = (*((name, "paragraph") for name in DEEP_HEADINGS), (HYPERLINK, "character"))


def heading(level: int) -> str:
    """Return the paragraph style of a heading of ``level`` (1-6; deeper is Heading 6)."""
    return f"Heading {min(max(level, 1), 6)}"


def add_missing_styles(document: Any, found: TemplateStyles) -> None:
    """Add to the document the styles of ``ADDED_STYLES`` its template lacks.

    Heading 4-6 are based on the template's Heading 3, so they have the house style's heading
    look (font, size, colour, spacing, kept with the next paragraph), each with its outline
    level (3-5) and followed by Normal, as Word's built-in headings are. Hyperlink is a
    character style, underlined, in ``HYPERLINK_COLOUR``. A style the template has is kept as
    the council made it.
    """
    for level, name in enumerate(DEEP_HEADINGS, 4):
        if ("paragraph", name) not in found.found:
            made = _add_style(document, name, WD_STYLE_TYPE.PARAGRAPH)
            made.base_style = found.get(HEADINGS[-1])
            made.next_paragraph_style = found.get(BODY)
            made.priority = 9
            made.quick_style = True
            made.unhide_when_used = True
            wml.set_outline_level(made, level - 1)
    if ("character", HYPERLINK) not in found.found:
        made = _add_style(document, HYPERLINK, WD_STYLE_TYPE.CHARACTER)
        made.base_style = document.styles.default(WD_STYLE_TYPE.CHARACTER)
        made.priority = 99
        made.unhide_when_used = True
        made.font.underline = True
        made.font.color.rgb = RGBColor.from_string(HYPERLINK_COLOUR)


def _add_style(document: Any, name: str, kind: Any) -> Any:
    """Add a style under Word's name for it, with Word's id unless another style has that id."""
    if name in document.styles:  # a style of another kind has taken the name
        from .template import TemplateError

        raise TemplateError(f"the template's style '{name}' is not a {kind.name.lower()} style, so the "
                            "renderer cannot add one: rename that style in Word (Home > Styles > Modify)")
    taken = {style.style_id for style in document.styles}
    made = document.styles.add_style(name, kind)
    wanted, number = made.style_id, 1
    while made.style_id in taken:
        number += 1
        made.style_id = f"{wanted}{number}"
    return made


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

        return cls(ids((*PARAGRAPH_STYLES, *DEEP_HEADINGS), "paragraph"),
                   ids((*CHARACTER_STYLES, HYPERLINK), "character"), ids(TABLE_STYLES, "table"))


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
