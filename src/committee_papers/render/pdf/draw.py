"""Write PDF content operators for text, fills and rules, as strings for a page's content stream.

A line of text is one text matrix and one string of glyph ids per run of a face; each face's
encoding is looked up once per character (``embedding.py``), and the fill and stroke colours
are only set when they change. Shaped text (``shaping.py``) is shown glyph by glyph with its
offsets, a line with right-to-left text in visual order, and a tab as a space moved on to the
tab stop. Whatever extracts differently from what was typed (shaped, reordered, a tab, a
character drawn as a stand-in) is wrapped in ``/Span <</ActualText ...>> BDC … EMC``
(ISO 32000-1 §14.9.4), so text extraction and the structure tree give the text as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...style import Colour
from .embedding import FontSet, FontUse
from .faces import Face
from .links import Area, Links, Marking
from .shaping import has_rtl, is_simple, shape, split_runs, visual_runs
from .tagging import ARTIFACT, END, Element, Tagger, text_string
from .text import TAB_STOP, Look, advance_of_space


def number(value: float) -> str:
    """Return a coordinate or size as PDF writes it, to a hundredth of a point."""
    return f"{value:.2f}"


Placed = tuple[float, Sequence[tuple[Face, Look, str]]]  # a line's offset and its segments
Body = tuple[str, str | None]  # a text object's operators, and the fill colour they leave set


# Each two hex digits of a colour as a DeviceRGB component (ISO 32000-1 §8.6.4.3: 0.0 to 1.0),
# to four places without trailing zeros: a constant table, the same for every render
CHANNELS = {f"{n:02X}": f"{n / 255:.4f}".rstrip("0").rstrip(".") or "0" for n in range(256)}


def rgb(colour: Colour) -> str:
    """Return the three colour components of ``colour`` as PDF writes them ("0 0.4392 0.2353").

    Looked up in ``CHANNELS`` by the colour's hex digits (a page draws thousands of colours,
    and formatting each was 8% of writing a tagged PDF)."""
    digits = colour.hex
    return f"{CHANNELS[digits[0:2]]} {CHANNELS[digits[2:4]]} {CHANNELS[digits[4:6]]}"


Part = tuple[Face, Look, str, bool]  # face, look, text, right to left


def _ending(parts: list[Part]) -> int:
    """Merge the white space ending a line into its last word's part; return that part's index.

    Return -1 if the line does not end with white space after a word, or if the word's face
    has no space glyph to draw the white space with.
    """
    if not parts or not parts[-1][2][-1:].isspace():
        return -1
    index = len(parts) - 1
    while index >= 0 and not parts[index][2].strip():
        index -= 1
    if index < 0:
        return -1
    face, colour, text, rtl = parts[index]
    spaces = "".join(part[2] for part in parts[index + 1:])
    if not set(text[len(text.rstrip()):] + spaces) - {"\n"} <= face.chars:
        return -1
    parts[index:] = [(face, colour, text + spaces, rtl)]
    return index


def _plain(use: FontUse, text: str, rtl: bool, size: str) -> str:
    """Return the operators that show ``text`` with no ActualText of their own."""
    drawn = text.replace("\n", "").replace("\t", " ")
    if not drawn:
        return ""
    if rtl or not is_simple(drawn):
        return use.shown(shape(use.face, drawn, rtl), size)
    return f"<{use.encode(drawn)[0]}> Tj"


class Painter:
    """Writes content operators to a list, remembering the graphics state they leave."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts  # the document's fonts, which record the glyphs drawn
        self.tags: Tagger | None = None  # set when the PDF is tagged
        self.links = Links()  # the link annotations drawn, page by page
        self.start([])

    def start(self, code: list[str]) -> None:
        """Write to ``code`` from now on, starting from the initial graphics state."""
        self.code = code
        self._fill: str | None = "0 0 0"
        self._stroke: str | None = "0 0 0"
        self._line_width: float | None = None

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

    def body(self, leading: float, size: float, lines: Sequence[Placed], languages: bool = False,
             marking: Marking | None = None, origin: tuple[float, float] = (0.0, 0.0)) -> Body:
        """Return the operators of a text object's lines after its first position.

        The body sets its own font and colour, so it can be drawn anywhere, again and again:
        the same cells recur on every page. With ``languages``, text in a language of its own
        is marked ``/Span <</Lang ...>> BDC … EMC`` (ISO 32000-1 §14.9.2.2), for a paragraph of
        several languages; a paragraph in one language has it on its structure element.

        With ``marking`` (a paragraph that holds a link, drawn once, at ``origin``: the x of its
        left edge and its first baseline), the body marks its own content and each link's, and
        files each link's place on the page as it goes (``links.py``).
        """
        out: list[str] = []
        fonts, size_text, previous, fill = self.fonts, f"{size:.2f}", None, None
        current: FontUse | None = None
        scale = size / 1000
        if marking is not None and lines and lines[0][1]:
            marking.switch(out, self.tags, None if has_rtl(lines[0][1][0][2]) else lines[0][1][0][1].link)
        for number, (offset, segments) in enumerate(lines):
            if previous is not None:
                out.append(f"{offset - previous:.2f} {-leading:.2f} Td")
            previous = offset
            reordered = any(has_rtl(text) for _, _, text in segments)
            if reordered and marking is not None and marking.current is not None:
                marking.switch(out, self.tags, None)  # the line's ActualText is the paragraph's
            if reordered:  # drawn in visual order; read as one ActualText in logical order
                pieces = [((face, colour), text) for face, colour, text in segments]
                runs = split_runs(pieces, visual_runs("".join(text for _, text in pieces)))
                parts: list[Part] = [(segments[n][0], segments[n][1], text, rtl) for n, text, rtl in runs]
                out.append(f"/Span <</ActualText {text_string(''.join(t for _, _, t in segments))}>> BDC")
            else:
                parts = [(face, colour, text, False) for face, colour, text in segments]
            position = 0.0
            tabs = any("\t" in text for _, _, text, _ in parts)
            last = _ending(parts) if not tabs and not reordered else -1
            for index, (face, look, text, rtl) in enumerate(parts):
                if marking is not None and not reordered and look.link != marking.current:
                    marking.switch(out, self.tags, look.link)
                value = rgb(look.colour)
                if value != fill:
                    out.append(f"{value} rg")
                    fill = value
                use = fonts.use(face)
                if use is not current:
                    out.append(f"{use.name} {size_text} Tf")
                    current = use
                marked = languages and look.lang is not None and (index <= last or last < 0)
                if marked:
                    out.append(f"/Span <</Lang {text_string(look.lang or '')}>> BDC")
                start = position
                if reordered:
                    out.append(_plain(use, text, rtl, size_text))
                    position += face.width(text.replace("\n", "").replace("\t", " "))
                elif tabs:
                    position = self._with_tabs(out, use, text, position, size_text, size)
                elif index == last:
                    self._show_end(out, use, text, rtl, size_text)
                elif index < last or last < 0:
                    self._show(out, use, text, rtl, size_text)
                    position += face.width(text.replace("\n", ""))
                if marked:
                    out.append(END)
                if marking is not None and look.link is not None and (index <= last or last < 0):
                    self._file_link(marking, look.link, face, text, (start, position), scale,
                                    (origin[0] + offset, origin[1] - number * leading))
            if reordered:
                out.append(END)
        if marking is not None:
            marking.close(out)
        return "\n".join(out), fill

    def _file_link(self, marking: Marking, address: str, face: Face, text: str, span: tuple[float, float],
                   scale: float, line: tuple[float, float]) -> None:
        """File the place of a link's text on a line: from ``span`` (thousandths of an em from
        the line's start; to the end of the ink where the text ends the line) on the line whose
        start and baseline are ``line``."""
        link = marking.link_to(address)
        link.text += text
        start, end = span
        ink = text.rstrip()
        if end <= start or ink != text:  # the line's last part: its width is its ink's
            end = start + face.width(ink.replace("\t", " "))
        x, baseline = line
        ascent, descent = face.descriptor["ascent"], face.descriptor["descent"]
        self.links.areas.append(Area(link, self.links.page, (
            round(x + start * scale, 2), round(baseline + descent * scale, 2),
            round(x + end * scale, 2), round(baseline + ascent * scale, 2))))

    def _show_end(self, out: list[str], use: FontUse, text: str, rtl: bool, size: str) -> None:
        """Show the last word of a line and the white space after it as one piece of ActualText.

        The white space at a line's end is drawn, but pdftotext, like other extractors that
        place words by their position, leaves out a lone space; inside the ActualText of the
        word's last character it is kept, so the words either side of a wrap stay apart.
        """
        body = text.rstrip()
        spaces = text[len(body):].replace("\n", "")  # the white space drawn; a newline is not
        if rtl or not is_simple(body):
            out.append(f"/Span <</ActualText {text_string(text)}>> BDC")
            out.append(use.shown(shape(use.face, body, rtl), size))
            if spaces:
                out.append(f"<{use.encode(spaces)[0]}> Tj")
            out.append(END)
            return
        codes, exact = use.encode(body + spaces)  # one code (four hex digits) a character
        split = 4 * (len(body) - 1)
        head = f"<{codes[:split]}> Tj " if split else ""
        if not exact:  # a character the map does not give back: the whole line's text stands
            head = f"/Span <</ActualText {text_string(body[:-1])}>> BDC {head}{END} " if split else ""
        out.append(f"{head}/Span <</ActualText {text_string(text[len(body) - 1:])}>> BDC <{codes[split:]}> Tj {END}")

    @staticmethod
    def _show(out: list[str], use: FontUse, text: str, rtl: bool, size: str) -> None:
        """Append the operators that show ``text`` in ``use``'s face.

        A newline is not drawn: it is an empty piece of ActualText, so it is still read.
        """
        if "\n" in text:
            Painter._show(out, use, text.replace("\n", ""), rtl, size)
            out.append(f"/Span <</ActualText {text_string(chr(10))}>> BDC {END}")
            return
        if not text:
            return
        if rtl or not is_simple(text):
            out.append(f"/Span <</ActualText {text_string(text)}>> BDC")
            out.append(use.shown(shape(use.face, text, rtl), size))
            out.append(END)
            return
        codes, exact = use.encode(text)
        if exact:
            out.append(f"<{codes}> Tj")
        else:
            out.append(f"/Span <</ActualText {text_string(text)}>> BDC <{codes}> Tj {END}")

    def _with_tabs(self, out: list[str], use: FontUse, text: str, position: float, size_text: str,
                   size: float) -> float:
        """Show ``text`` with each tab as a space moved on to the next tab stop; return the position."""
        stop = TAB_STOP * 1000 / size
        for index, part in enumerate(text.split("\t")):
            if index:
                width = advance_of_space(use.face, "\t", position, stop)
                codes, _ = use.encode(" ")
                extra = use.face.width(" ") - width
                out.append(f"/Span <</ActualText (\\t)>> BDC [<{codes}> {extra:.2f}] TJ {END}")
                position += width
            if part:
                self._show(out, use, part, False, size_text)
                position += use.face.width(part)
        return position

    def draw_body(self, x: float, baseline: float, body: Body) -> None:
        """Draw a text body with its first line starting at (x, baseline)."""
        self.code.append(f"BT {x:.2f} {baseline:.2f} Td\n{body[0]}\nET")
        if body[1] is not None:
            self._fill = body[1]

    def text(self, x: float, baseline: float, leading: float, size: float, lines: Sequence[Placed],
             languages: bool = False, marking: Marking | None = None) -> None:
        """Draw lines of segments, the first starting at (x + its offset, baseline); with
        ``marking``, as a paragraph that holds a link (``body``)."""
        if lines:
            self.draw_body(x + lines[0][0], baseline,
                           self.body(leading, size, lines, languages, marking, (x, baseline)))

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
