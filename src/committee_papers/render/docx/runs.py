"""Write spans of text as Word runs: text stays text, marks use the DoT character styles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.shared import RGBColor

from ...layout import Span, SpanRole
from .styles import Palette


def add_spans(paragraph: Any, spans: Iterable[Span], palette: Palette) -> None:
    """Append one run per span. A newline becomes a line break and a tab stays a tab.

    Fonts and colours come from styles wherever a style can carry them: a mark gets the
    DoT character style for its colour, so restyling the template restyles the marks.
    """
    for span in spans:
        if not span.text:
            continue
        run = paragraph.add_run(span.text)  # python-docx writes \n as <w:br/>, \t as <w:tab/>
        if span.bold:
            run.bold = True
        if span.italic:
            run.italic = True
        if span.role is SpanRole.MARK:
            name, unstyled = palette.mark_style(span.colour)
            run.style = name
            if unstyled is not None:  # a colour no DoT style carries
                run.font.color.rgb = RGBColor.from_string(unstyled.hex)
        elif span.colour is not None:
            run.font.color.rgb = RGBColor.from_string(palette.colour(span.colour))
