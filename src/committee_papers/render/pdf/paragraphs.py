"""Paragraphs: spans broken into lines in a text style, drawn and split across pages.

Text goes into the PDF as text, never as markup: nothing in a span is parsed, so ``<b>``,
``&amp;`` or ``{{ x }}`` in the input is drawn exactly as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...layout import Span
from ...style import Colour
from .draw import Body, Painter, Placed
from .faces import mixed_line_height
from .fonts import Fonts
from .links import Marking
from .styles import Styles, TextStyle
from .tagging import Element
from .text import EPSILON, TAB_STOP, Line, Look, Token, break_lines, simple_lines, single_face, words

Memo = tuple[float, Body]  # the first line's offset and the drawn body of all the lines
BULLET_INDENT = 1.5  # a list item's text starts this many font sizes in from its bullet


def _fast(spans: Sequence[Span], fonts: Fonts, default: Colour, limit: float) -> list[Line] | None:
    """Break a paragraph of one plain span in one face without the general word machinery."""
    face = single_face(spans, fonts)
    if face is None:
        return None
    span = spans[0]
    return simple_lines(span.text, face, Look(span.colour or default, span.lang, span.link), limit)


def layout_lines(spans: Sequence[Span], fonts: Fonts, style: TextStyle, width: float,
                 tokens: list[Token] | None = None) -> list[Line]:
    """Return the lines of ``spans`` in ``style`` within ``width`` points."""
    limit = width * 1000 / style.size
    if tokens is None:
        found = _fast(spans, fonts, style.colour, limit)
        if found is not None:
            return found
        tokens = words(spans, fonts, style.colour)
    return break_lines(tokens, limit, TAB_STOP * 1000 / style.size)


class Para:
    """A laid-out paragraph that draws itself, all at once or a page's worth at a time."""

    keep_with_next = False

    def __init__(self, lines: list[Line], style: TextStyle, width: float, *, indent: float = 0.0,
                 bullet: Line | None = None, memo: list[Memo | None] | None = None) -> None:
        self.lines, self.style, self.width, self.indent, self.bullet = lines, style, width, indent, bullet
        self.memo = memo  # shared by paragraphs with the same lines: the drawn body, once made
        self.size, self.leading = style.size, style.leading
        # A line with text in another face (a mark in the symbol font) is as tall as Word makes it
        faces = {face for _, segments in lines for face, _, text in segments if text.strip()}
        mixed = mixed_line_height(faces, style.vertical)
        if mixed > style.single + 1e-9:
            self.leading = style.leading * mixed / style.single
        self.space_before, self.space_after = style.space_before, style.space_after
        self.drawn = 0  # lines already drawn on earlier pages
        self.element: Element | None = None  # what its lines are tagged as, when tagged
        self.label: Element | None = None  # what a list item's bullet is tagged as
        # Text in several languages is marked run by run; in one, on the structure element.
        self.languages = len({look.lang for _, segments in lines for _, look, text in segments
                              if text.strip()}) > 1
        # A paragraph with a link marks its own content and each link's as it draws (links.py).
        self.links = any(look.link for _, segments in lines for _, look, _ in segments)
        self.marking: Marking | None = None

    @property
    def height(self) -> float:
        """Return the height of all the lines."""
        return len(self.lines) * self.leading

    def min_first(self) -> float:
        """Return the least height of a first piece: two lines, as a first line is never alone."""
        return min(len(self.lines), 2) * self.leading

    def placed(self, start: int, count: int) -> list[Placed]:
        """Return lines ``start`` to ``start + count`` with their offsets from the left edge."""
        scale, align, width = self.size / 1000, self.style.align, self.width
        result: list[Placed] = []
        for line_width, segments in self.lines[start:start + count]:
            if align == "left":
                offset = 0.0
            else:
                spare = width - line_width * scale
                offset = spare / 2 if align == "centre" else spare
            result.append((self.indent + offset, segments))
        return result

    def draw_lines(self, painter: Painter, x: float, top: float, start: int, count: int,
                   element: Element | None = None) -> None:
        """Draw ``count`` lines from ``start`` with the top of the first at ``top``.

        When the PDF is tagged, the lines are marked as content of ``element`` and a list
        item's bullet as content of its label; without an element, the caller marks them.
        """
        baseline = top - self.size  # the first baseline is one font size down
        if start == 0 and self.bullet is not None and count:
            if self.label is not None:
                painter.begin(self.label)
            painter.text(x, baseline, self.leading, self.size, [(0.0, self.bullet[1])])
            if self.label is not None:
                painter.end()
        if not count:
            return
        if self.links and (element is not None or painter.tags is None):
            if self.marking is None:
                self.marking = Marking(element)
            painter.text(x, baseline, self.leading, self.size, self.placed(start, count), self.languages,
                         self.marking)
            return
        if element is None:
            self._draw_lines(painter, x, baseline, start, count)
            return
        painter.begin(element)
        self._draw_lines(painter, x, baseline, start, count)
        painter.end()

    def _draw_lines(self, painter: Painter, x: float, baseline: float, start: int, count: int) -> None:
        if self.memo is None or start or count != len(self.lines):
            painter.text(x, baseline, self.leading, self.size, self.placed(start, count), self.languages)
            return
        found = self.memo[0]
        if found is None:
            placed = self.placed(start, count)
            found = self.memo[0] = (placed[0][0], painter.body(self.leading, self.size, placed, self.languages))
        painter.draw_body(x + found[0], baseline, found[1])

    def draw_part(self, painter: Painter, x: float, top: float, available: float,
                  at_top: bool) -> tuple[float, bool]:
        """Draw as many lines as fit; return the height used and whether all are drawn.

        As Word's widow and orphan control (``w:widowControl``, which the house-style template
        sets) and LibreOffice's: a first line is never left alone at the foot of a page, nor a
        last line alone at the top of the next.
        """
        remaining = len(self.lines) - self.drawn
        fit = int((available + EPSILON) / self.leading) if available > 0 else 0
        if fit >= remaining:
            self.draw_lines(painter, x, top, self.drawn, remaining, self.element)
            self.drawn = len(self.lines)
            return remaining * self.leading, True
        if remaining - fit == 1 and not at_top:
            fit -= 1  # the last line would be alone on the next page: take one more with it
        if at_top:
            fit = max(fit, 1)
        elif fit == 0 or (self.drawn == 0 and fit < 2):
            return 0.0, False  # nothing fits, or only a first line that would be left alone
        self.draw_lines(painter, x, top, self.drawn, fit, self.element)
        self.drawn += fit
        return fit * self.leading, False


class Heading(Para):
    """A paragraph that stays on the same page as the start of what follows it."""

    keep_with_next = True


def paragraph(spans: Iterable[Span], styles: Styles, kind: str, width: float, *,
              size: float | None = None, align: str = "left", heading: bool = False) -> Para:
    """Return a laid-out paragraph of spans in the named style."""
    style = styles.get(kind, size=size, align=align)
    spans = tuple(spans)
    lines = layout_lines(spans, styles.fonts, style, width)
    kind_of = Heading if heading else Para
    return kind_of(lines, style, width)


def list_item(spans: Iterable[Span], styles: Styles, width: float, label: str) -> Para:
    """Return a list item: its text indented, with ``label`` (a bullet or number) before it."""
    style = styles.get("list")
    indent = style.size * BULLET_INDENT
    lines = layout_lines(tuple(spans), styles.fonts, style, width - indent)
    bullet = layout_lines((Span(label),), styles.fonts, style, indent * 4)[0]
    return Para(lines, style, width - indent, indent=indent, bullet=bullet)
