"""Links: a run of text with an address is a URI link annotation over its text, and in a
tagged PDF a ``Link`` structure element holding that text and an object reference to the
annotation (ISO 32000-1 §12.5.6.5 and §14.8.4.4.2; PDF/UA-1 §7.18.5).

A paragraph that holds a link is marked piece by piece as it is drawn: its own element's
content, then the link's (``/Link <</MCID n>> BDC … EMC``), then its own again, all inside the
text object, so no marked content with an MCID sits inside another. A link that wraps has an
annotation for each line it is on (and each page), all under one ``Link`` element; every
annotation's ``/Contents`` says what the link is and where it goes.

Right-to-left lines are drawn in visual order under one ActualText (``draw.py``), so a link in
such a line keeps its annotation and its ``Link`` element, but its text stays in the
paragraph's own content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from .tagging import END, Element, Tagger

# Characters a URI keeps as they are (RFC 3986 reserved and unreserved, and % of an escape);
# anything else, such as a letter beyond ASCII, is written as UTF-8 percent escapes, since a
# PDF's /URI is 7-bit ASCII (ISO 32000-1 §12.6.4.7).
_URI_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


def ascii_uri(address: str) -> str:
    """Return ``address`` as the 7-bit ASCII a PDF URI action holds."""
    return quote(address, safe=_URI_SAFE)


@dataclass(slots=True)
class Link:
    """One link of a paragraph: its address, the text drawn for it so far, and its element."""

    address: str
    element: Element | None = None
    text: str = ""

    @property
    def contents(self) -> str:
        """Return the annotation's /Contents: the link's words and where it goes."""
        words = " ".join(self.text.split())
        target = self.address.removeprefix("mailto:")
        if not words or words == target or words == self.address:
            return f"Link to {target}"
        return f"{words} (link to {target})"


@dataclass(slots=True)
class Area:
    """Where a link is on one line of one page: the annotation to make, its rectangle
    (x0, y0, x1, y1 in points) and, once the file is written, its object."""

    link: Link
    page: int
    rect: tuple[float, float, float, float]
    obj: Any = None


@dataclass(slots=True)
class Links:
    """The link annotations of one document, in the order they are drawn."""

    areas: list[Area] = field(default_factory=list)
    page: int = 0  # the page being drawn, from 0

    def new_page(self) -> None:
        """Count the next page."""
        self.page += 1

    def on_page(self, page: int) -> list[Area]:
        """Return the areas drawn on ``page``, in order."""
        return [area for area in self.areas if area.page == page]


class Marking:
    """A paragraph's marked content while it is drawn, when it holds a link.

    ``element`` is the paragraph's own element (P, LBody, a heading), None when the PDF is not
    tagged; each link gets a ``Link`` element under it, made as the link is first drawn, so
    the element's kids stay in reading order.
    """

    def __init__(self, element: Element | None) -> None:
        self.element = element
        self.link: Link | None = None  # the last link drawn: drawn on, it goes on in the same element
        self.current: str | None = None  # the address whose content is open; None: the paragraph's own
        self.open = False  # whether a piece of marked content is open

    def link_to(self, address: str) -> Link:
        """Return the link being drawn to ``address``: the last one, if nothing came between."""
        if self.link is None or self.link.address != address:
            self.link = Link(address, None if self.element is None else Element("Link", self.element))
        return self.link

    def switch(self, out: list[str], tags: Tagger | None, address: str | None) -> None:
        """Start the content of the link to ``address``, or the paragraph's own (None)."""
        if self.open:
            out.append(END)
            self.open = False
        self.current = address
        if address is None:
            self.link = None  # a later link to the same address is another link
            element = self.element
        else:
            element = self.link_to(address).element
        if tags is not None and element is not None:
            tags.begin(out, element)
            self.open = True

    def close(self, out: list[str]) -> None:
        """End the open piece of marked content, at the end of what is drawn on a page."""
        if self.open:
            out.append(END)
            self.open = False
