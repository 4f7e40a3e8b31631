"""The page both outputs are laid out on, and the pictures a template's header and footer show."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

MM = 72 / 25.4  # points in a millimetre
MIN_TEXT = 50 * MM  # the least width and height a page may leave for text


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture a Word template's header or footer shows (a logo), for the PDF to draw too.

    ``data`` is the PNG, JPEG or GIF file; ``x`` is its left edge's distance from the page's
    left edge, and ``y`` its top edge's distance from the page's top (in a header) or its
    bottom edge's from the page's bottom (``footer``); sizes in points. ``align`` is how far
    across the text width its paragraph aligns it (0 left, 0.5 centred, 1 right), so that on a
    page turned to landscape it moves as Word moves it: by that share of the extra width.
    """

    data: bytes = field(repr=False)
    x: float
    y: float
    width: float
    height: float
    footer: bool = False
    align: float = 0.0


@dataclass(frozen=True, slots=True)
class PageSetup:
    """The page both outputs are laid out on: its size and margins, in points (1/72 inch).

    ``header`` and ``footer`` are Word's "header from top" and "footer from bottom": how far
    the running header's first line starts below the top edge, and the footer's last line ends
    above the bottom edge. ``header_above`` and ``header_below`` are the heights a template's
    header takes above and below the running header's own lines (a logo, another line, the
    paragraph spacing); ``footer_above`` and ``footer_below`` the same around the page-number
    line. When the header reaches below the top margin, Word moves the text down to clear it,
    and the PDF does the same (and likewise the footer), so both break pages alike.
    ``pictures`` are the header's and footer's pictures, which the PDF draws where Word does.

    Word stores these in twentieths of a point (ECMA-376 part 1, 17.6.13 ``w:pgSz`` and
    17.6.11 ``w:pgMar``). Raises ValueError for a size that is not positive, a negative
    distance, or margins that leave less than 50 mm for the text either way.
    """

    width: float = 210 * MM
    height: float = 297 * MM
    top: float = 20 * MM
    bottom: float = 20 * MM
    left: float = 20 * MM
    right: float = 20 * MM
    header: float = 10 * MM
    footer: float = 10 * MM
    header_above: float = 0.0
    header_below: float = 0.0
    footer_above: float = 0.0
    footer_below: float = 0.0
    pictures: tuple[Picture, ...] = ()  # the template's header and footer pictures

    def __post_init__(self) -> None:
        for name in ("width", "height", "top", "bottom", "left", "right", "header", "footer",
                     "header_above", "header_below", "footer_above", "footer_below"):
            value = getattr(self, name)
            if not value >= 0 or value == float("inf"):
                raise ValueError(f"the page's {name} is {value!r} points: it must be a size of "
                                 "at least 0")
        for what, room in (("width", self.text_width), ("height", self.text_height)):
            if room < MIN_TEXT:
                raise ValueError(
                    f"the margins leave {room / MM:.0f} mm of the page's {what} for text (page "
                    f"{self.width / MM:.0f} x {self.height / MM:.0f} mm): make the margins smaller "
                    f"so at least {MIN_TEXT / MM:.0f} mm is left")

    @classmethod
    def a4(cls, margin_mm: float = 20) -> PageSetup:
        """Return A4 portrait with equal margins, the header and footer halfway into them."""
        margin = margin_mm * MM
        return cls(top=margin, bottom=margin, left=margin, right=margin, header=margin / 2,
                   footer=margin / 2)

    @property
    def text_width(self) -> float:
        """Return the width between the left and right margins, in points."""
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        """Return the height between the top and bottom margins, in points."""
        return self.height - self.top - self.bottom

    @property
    def landscape(self) -> bool:
        """Tell whether the page is wider than it is tall."""
        return self.width > self.height

    def turned(self) -> PageSetup:
        """Return the page on its side: width and height swapped, the same margins."""
        return replace(self, width=self.height, height=self.width)

    def describe(self) -> str:
        """Return the page in words, e.g. ``210 x 297 mm portrait, margins 20/20/20/20 mm``."""
        margins = "/".join(f"{value / MM:.0f}" for value in (self.top, self.right, self.bottom, self.left))
        return (f"{self.width / MM:.0f} x {self.height / MM:.0f} mm "
                f"{'landscape' if self.landscape else 'portrait'}, margins {margins} mm "
                "(top/right/bottom/left)")
