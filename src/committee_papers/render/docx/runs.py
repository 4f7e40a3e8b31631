"""Write spans of text as Word runs: text stays text, marks use the DoT character styles, and a
span with a link is a hyperlink."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE

from ...layout import Span, SpanRole
from . import styles, wml
from .styles import Palette, StyleIds


class Links:
    """The main part's hyperlink relationships: one external relationship per address."""

    def __init__(self, part: Any) -> None:
        self._part = part
        self._ids: dict[str, str] = {}

    def relationship(self, address: str) -> str:
        """Return the id of the relationship to ``address``, adding it the first time."""
        found = self._ids.get(address)
        if found is None:
            found = self._ids[address] = str(self._part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK,
                                                                   is_external=True))
        return found


def spans_xml(spans: Iterable[Span], palette: Palette, ids: StyleIds, links: Links) -> str:
    """Return one run per span. A newline becomes a line break and a tab stays a tab.

    Fonts and colours come from styles wherever a style can carry them: a mark gets the
    DoT character style for its colour, so restyling the template restyles the marks. A span
    with a link is a ``w:hyperlink`` to it, its run in the Hyperlink character style (the
    link's colour and underline are the style's, whatever the span's colour).
    """
    runs = []
    for span in spans:
        if not span.text:
            continue
        if span.link is not None:
            run = wml.run(span.text, style_id=ids.character[styles.HYPERLINK], bold=span.bold,
                          italic=span.italic, lang=span.lang)
            runs.append(wml.hyperlink(links.relationship(span.link), run))
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
