"""Text styles for the PDF, all derived from the house style."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ...style import Colour, HouseStyle
from .fonts import Fonts

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ALIGNMENTS = ("left", "centre", "right")


@dataclass(frozen=True, slots=True)
class TextStyle:
    """The font size, line height, colour, spacing and alignment of one kind of paragraph.

    ``line`` is the line height in font sizes: the font's own single line height (see
    ``fonts.line_height``) times the line spacing.
    """

    name: str
    size: float
    colour: Colour
    space_before: float = 0.0
    space_after: float = 0.0
    align: str = "left"
    line: float = 1.15
    single: float = 1.15  # the text font's single line height in ems, which ``line`` multiplies
    vertical: tuple[float, float, float] = (0.905, 0.212, 0.033)  # its ascender, descender, line gap

    @property
    def leading(self) -> float:
        """Return the distance between baselines."""
        return self.size * self.line


@dataclass(slots=True)
class Styles:
    """Named text styles (body, small, h1..h6, cell, furniture) in the house style."""

    house: HouseStyle
    fonts: Fonts
    _cache: dict[tuple[str, float | None, str], TextStyle] = field(default_factory=dict)
    cells: dict[tuple[object, ...], Any] = field(default_factory=dict)  # table cells' laid-out text

    def text_colour(self, kind: str) -> Colour:
        """Return the colour of uncoloured text in the style ``kind``."""
        return self.house.heading_colour if kind in HEADINGS else self.house.text_colour

    def _base(self, kind: str) -> TextStyle:
        """Return a kind of paragraph as the Word template's style for it sets it (``Spacing``)."""
        house, space = self.house, self.house.spacing
        line = self.fonts.line * space.line_spacing
        size, space_before, space_after = house.body_size, 0.0, space.body_after
        if kind == "small":
            size, space_after = house.small_size, space.small_after
        elif kind == "list":
            space_after = space.list_after
        elif kind in HEADINGS:  # a level past the sizes or spacing given takes the last given, as
            level = int(kind[1])  # Word's Heading 4-6 are Heading 3's when a template has no others
            size = house.heading_sizes[min(level, len(house.heading_sizes)) - 1]
            before, after = space.heading_before, space.heading_after
            space_before, space_after = before[min(level, len(before)) - 1], after[min(level, len(after)) - 1]
        elif kind == "cell":
            size, space_after = house.table_size, 0.0
        elif kind == "furniture":
            size, space_after, line = house.furniture_size, 0.0, self.fonts.line
        elif kind != "body":
            raise ValueError(f"no paragraph style {kind!r}")
        return TextStyle(kind, size, self.text_colour(kind), space_before, space_after, line=line,
                         single=self.fonts.line, vertical=self.fonts.text.regular.vertical)

    def get(self, kind: str, *, size: float | None = None, align: str = "left") -> TextStyle:
        """Return the style ``kind``, at another font size or alignment if asked."""
        key = (kind, size, align)
        found = self._cache.get(key)
        if found is None:
            if align not in ALIGNMENTS:
                raise ValueError(f"no alignment {align!r}")
            found = replace(self._base(kind), align=align)
            if size is not None:
                found = replace(found, size=size)
            self._cache[key] = found
        return found
