"""Write spans of text as Word runs: text stays text, marks use the DoT character styles."""

from __future__ import annotations

from collections.abc import Iterable

from ...layout import Span, SpanRole
from . import wml
from .styles import Palette, StyleIds


def spans_xml(spans: Iterable[Span], palette: Palette, ids: StyleIds) -> str:
    """Return one run per span. A newline becomes a line break and a tab stays a tab.

    Fonts and colours come from styles wherever a style can carry them: a mark gets the
    DoT character style for its colour, so restyling the template restyles the marks.
    """
    runs = []
    for span in spans:
        if not span.text:
            continue
        style_id = colour = None
        if span.role is SpanRole.MARK:
            name, unstyled = palette.mark_style(span.colour)
            style_id = ids.character[name]
            if unstyled is not None:  # a colour no DoT style carries
                colour = unstyled.hex
        elif span.colour is not None:
            colour = palette.colour(span.colour)
        runs.append(wml.run(span.text, style_id=style_id, bold=span.bold, italic=span.italic,
                            colour=colour, lang=span.lang))
    return "".join(runs)
