"""Write PDF content operators for text, fills and rules straight onto a reportlab canvas.

reportlab's text objects re-measure and re-encode every string through several layers; here a
line of text is one text matrix and one string per run of a face, each font subset is looked
up once, and the fill and stroke colours are only set when they change. Fonts still go through
reportlab's TrueType subsetting, so every face is embedded as a subset. The operators go to a
list of strings the caller hands to the canvas as a page's content.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase import pdfmetrics

from ...style import Colour
from .tagging import ARTIFACT, END, Element, Tagger

# Bytes that may not stand for themselves in a PDF literal string, and their escapes.
_ESCAPES = {code: f"\\{code:03o}" for code in range(256) if not 32 <= code < 127}
_ESCAPES.update({ord("\\"): "\\\\", ord("("): "\\(", ord(")"): "\\)"})


def escape(data: bytes) -> str:
    """Return ``data`` as the body of a PDF literal string, in printable ASCII."""
    return data.decode("latin-1").translate(_ESCAPES)


def number(value: float) -> str:
    """Return a coordinate or size as PDF writes it, to a hundredth of a point."""
    return f"{value:.2f}"


Placed = tuple[float, Sequence[tuple[str, Colour, str]]]  # a line's offset and its segments
Body = tuple[str, str | None]  # a text object's operators, and the fill colour they leave set
_RGB: dict[str, str] = {}


def rgb(colour: Colour) -> str:
    """Return the three colour components of ``colour`` as PDF writes them."""
    found = _RGB.get(colour.hex)
    if found is None:
        found = _RGB[colour.hex] = " ".join(
            f"{channel / 255:.4f}".rstrip("0").rstrip(".") or "0" for channel in colour.rgb)
    return found


class Painter:
    """Writes content operators to a list, remembering the graphics state they leave."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc  # reportlab's PDFDocument, which owns the font subsets
        self._fonts: dict[str, Any] = {}
        self._names: dict[tuple[str, int], str] = {}
        self.tags: Tagger | None = None  # set when the PDF is tagged
        self.start([])

    def start(self, code: list[str]) -> None:
        """Write to ``code`` from now on, starting from the initial graphics state."""
        self.code = code
        self._fill: str | None = "0 0 0"
        self._stroke: str | None = "0 0 0"
        self._line_width: float | None = None

    def _subset_name(self, font: Any, face: str, subset: int) -> str:
        key = (face, subset)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = font.getSubsetInternalName(subset, self.doc)
        return name

    def _font(self, face: str) -> Any:
        font = self._fonts.get(face)
        if font is None:
            font = self._fonts[face] = pdfmetrics.getFont(face)
        return font

    def begin(self, element: Element) -> None:
        """Start a piece of ``element``'s content (when tagged)."""
        if self.tags is not None:
            self.tags.begin(self.code, element)

    def artifact(self) -> None:
        """Start an artifact (when tagged)."""
        if self.tags is not None:
            self.code.append(ARTIFACT)

    def end(self) -> None:
        """End what ``begin`` or ``artifact`` started."""
        if self.tags is not None:
            self.code.append(END)

    def set_fill(self, colour: Colour) -> None:
        """Set the fill colour (of text and shapes) if it is not already set."""
        value = rgb(colour)
        if value != self._fill:
            self.code.append(f"{value} rg")
            self._fill = value

    def body(self, leading: float, size: float, lines: Sequence[Placed]) -> Body:
        """Return the operators of a text object's lines after its first position.

        The body sets its own font and colour, so it can be drawn anywhere, again and again:
        the same cells recur on every page.
        """
        out: list[str] = []
        doc, size_text, previous, fill, current = self.doc, f"{size:.2f}", None, None, None
        for offset, segments in lines:
            if previous is not None:
                out.append(f"{offset - previous:.2f} {-leading:.2f} Td")
            previous = offset
            for face, colour, text in segments:
                value = rgb(colour)
                if value != fill:
                    out.append(f"{value} rg")
                    fill = value
                font = self._font(face)
                for subset, data in font.splitString(text, doc):
                    name = self._subset_name(font, face, subset)
                    if name != current:
                        out.append(f"{name} {size_text} Tf")
                        current = name
                    out.append(f"({escape(data)}) Tj")
        return "\n".join(out), fill

    def draw_body(self, x: float, baseline: float, body: Body) -> None:
        """Draw a text body with its first line starting at (x, baseline)."""
        self.code.append(f"BT {x:.2f} {baseline:.2f} Td\n{body[0]}\nET")
        if body[1] is not None:
            self._fill = body[1]

    def text(self, x: float, baseline: float, leading: float, size: float, lines: Sequence[Placed]) -> None:
        """Draw lines of segments, the first starting at (x + its offset, baseline)."""
        if lines:
            self.draw_body(x + lines[0][0], baseline, self.body(leading, size, lines))

    def fill_rect(self, x: float, y: float, width: float, height: float, colour: Colour) -> None:
        """Fill a rectangle whose lower left corner is at (x, y)."""
        self.set_fill(colour)
        self.code.append(f"{x:.2f} {y:.2f} {width:.2f} {height:.2f} re f")

    def boxes(self, boxes: list[tuple[float, float, float, float]], width: float, colour: Colour) -> None:
        """Stroke the outlines of rectangles (x, y, width, height) in one path."""
        if not boxes:
            return
        if width != self._line_width:
            self.code.append(f"{width:.2f} w")
            self._line_width = width
        value = rgb(colour)
        if value != self._stroke:
            self.code.append(f"{value} RG")
            self._stroke = value
        self.code.append(" ".join(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re" for x, y, w, h in boxes) + " S")
