"""Paragraph styles for the PDF, all derived from the house style."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ...style import Colour, HouseStyle
from .fonts import Fonts

LEADING = 1.2  # line height as a multiple of the font size
HEADINGS = ("h1", "h2", "h3")
_ALIGN = {"left": TA_LEFT, "centre": TA_CENTER, "right": TA_RIGHT}


def colour(value: Colour) -> Color:
    """Return a reportlab colour."""
    return HexColor(f"#{value.hex}")


@dataclass(slots=True)
class Styles:
    """Named paragraph styles (body, small, h1..h3, cell, furniture) in the house style."""

    house: HouseStyle
    fonts: Fonts
    _cache: dict[tuple[str, float | None, str], ParagraphStyle] = field(default_factory=dict)

    def text_colour(self, kind: str) -> Colour:
        """Return the colour of uncoloured text in the style ``kind``."""
        return self.house.heading_colour if kind in HEADINGS else self.house.text_colour

    def _base(self, kind: str) -> ParagraphStyle:
        house, text = self.house, self.fonts.text
        size, space_before, space_after = house.body_size, 0.0, house.body_size * 0.5
        font, tint = text.regular, house.text_colour
        if kind == "small":
            size, space_after = house.small_size, house.small_size * 0.4
        elif kind in HEADINGS:
            level = int(kind[1])
            size = house.heading_sizes[level - 1]
            font, tint = text.bold, house.heading_colour
            space_before, space_after = (0.0, size * 0.5) if level == 1 else (size * 0.5, size * 0.4)
        elif kind == "cell":
            size, space_after = house.table_size, 0.0
        elif kind == "furniture":
            size, space_after = house.small_size, 0.0
        elif kind != "body":
            raise ValueError(f"no paragraph style {kind!r}")
        return ParagraphStyle(
            kind, fontName=font, fontSize=size, leading=size * LEADING, textColor=colour(tint),
            spaceBefore=space_before, spaceAfter=space_after,
            bulletFontName=text.regular, splitLongWords=1, allowWidows=1, allowOrphans=0,
        )

    def get(self, kind: str, *, size: float | None = None, align: str = "left") -> ParagraphStyle:
        """Return the style ``kind``, at another font size or alignment if asked."""
        key = (kind, size, align)
        if key not in self._cache:
            style = self._base(kind)
            style.name = f"{kind}-{size}-{align}"
            style.alignment = _ALIGN[align]
            if size is not None:
                style.fontSize, style.leading = size, size * LEADING
            self._cache[key] = style
        return self._cache[key]
