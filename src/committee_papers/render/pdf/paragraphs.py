"""Turn layout spans into reportlab paragraph markup, with every character of text escaped.

reportlab parses a paragraph's text as markup: an unknown tag such as ``<NHS>`` would vanish
and ``&T`` would be read as an entity. So the text of every span is escaped, and the only tags
in the markup are the ones written here: ``<b>``, ``<i>``, ``<font>`` and ``<br/>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from ...layout import Span, SpanRole
from ...style import Colour
from .fonts import Fonts
from .styles import Styles


def _runs(span: Span, fonts: Fonts) -> Iterator[tuple[str, str]]:
    """Yield (face, text) runs of a span, splitting it where a character needs another font."""
    mark = span.role is SpanRole.MARK

    def face(char: str) -> str:
        return fonts.face_for(char, bold=span.bold, italic=span.italic, mark=mark)

    for name, chars in groupby(span.text, key=face):
        yield name, "".join(chars)


def _text(text: str) -> str:
    """Return escaped text with each newline as a line break."""
    return "<br/>".join(escape(line) for line in text.split("\n"))


def span_markup(span: Span, fonts: Fonts, default: Colour) -> str:
    """Return the markup of one span: its runs in their fonts, colour, weight and slant."""
    colour = f"#{(span.colour or default).hex}"
    body = "".join(
        f'<font name="{name}" color="{colour}">{_text(text)}</font>' for name, text in _runs(span, fonts)
    )
    if span.italic:
        body = f"<i>{body}</i>"
    if span.bold:
        body = f"<b>{body}</b>"
    return body


def markup(spans: Iterable[Span], fonts: Fonts, default: Colour) -> str:
    """Return the markup of a paragraph of spans."""
    return "".join(span_markup(span, fonts, default) for span in spans if span.text)


def paragraph(spans: Iterable[Span], styles: Styles, kind: str, *, size: float | None = None,
              align: str = "left") -> Flowable:
    """Return a Paragraph of spans in the named style (resized or realigned if asked)."""
    style = styles.get(kind, size=size, align=align)
    return Paragraph(markup(spans, styles.fonts, styles.text_colour(kind)), style)


def plain(text: str, styles: Styles, kind: str, *, bold: bool = False,
          align: str = "left") -> Flowable:
    """Return a Paragraph of plain text, e.g. a heading or the running header."""
    return paragraph((Span(text, bold=bold),), styles, kind, align=align)
