"""The bookkeeping of a tagged PDF while it is drawn: structure elements and marked content.

Each structure element (a heading, a paragraph, a table cell) is an ``Element`` made when the
story is built, in reading order, under the page's ``Sect`` under the ``Document``. Whatever
draws an element's content wraps its operators in ``/TAG <</MCID n>> BDC … EMC``, MCIDs counted
from 0 on each page, and the element remembers (page, MCID): a paragraph or a cell that runs
onto a second page has one such piece on each. Everything else on a page (table rules and
fills, a repeated header row, the running header and the page numbers) is an artifact.

``structure.py`` turns the elements into the PDF's structure tree once the file is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...layout import LayoutCell, Scope, Span, Table

Piece = tuple[int, int]  # page index from 0, MCID on that page
SCOPES = {Scope.COLUMN: "Column", Scope.ROW: "Row"}
ARTIFACT = "/Artifact BMC"
PAGINATION = "/Artifact <</Type /Pagination /Subtype /{}>> BDC"  # Header or Footer
END = "EMC"
_ESCAPES = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)"})


def text_string(text: str) -> str:
    """Return ``text`` as a PDF text string: literal if printable ASCII, else UTF-16BE in hex (§7.9.2.2)."""
    if text.isascii() and text.isprintable():
        return "(" + text.translate(_ESCAPES) + ")"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class Element:
    """A structure element: its type, attributes and kids (elements and marked content)."""

    __slots__ = ("attributes", "kids", "obj", "parent", "tag")

    def __init__(self, tag: str, parent: Element | None = None,
                 attributes: dict[str, Any] | None = None) -> None:
        self.tag = tag
        self.attributes = attributes  # entries of the element itself (Alt, ActualText) or of /A
        self.kids: list[Element | Piece] = []
        self.parent = parent
        self.obj: Any = None  # its PDF object, once the file is written
        if parent is not None:
            parent.kids.append(self)

    def walk(self) -> Iterable[Element]:
        """Yield this element and every element under it, in reading order."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(kid for kid in reversed(element.kids) if isinstance(kid, Element))


class Tagger:
    """Hands out MCIDs on the page being drawn and files each with its element."""

    def __init__(self, title: str, language: str) -> None:
        self.title, self.language = title, language
        self.document = Element("Document")
        self.page = 0  # the page being drawn, from 0
        self.mcid = 0  # the next MCID on it

    def new_page(self) -> None:
        """Start counting MCIDs on the next page."""
        self.page += 1
        self.mcid = 0

    def begin(self, code: list[str], element: Element) -> None:
        """Start a piece of ``element``'s content."""
        mcid = self.mcid
        self.mcid = mcid + 1
        code.append(f"/{element.tag} <</MCID {mcid}>> BDC")
        element.kids.append((self.page, mcid))

    @staticmethod
    def end(code: list[str]) -> None:
        """End a piece of content or an artifact."""
        code.append(END)


def replacement(spans: Iterable[Span]) -> str | None:
    """Return what a screen reader should say for spans if any has alternative words, else None.

    A mark's words ("Decreased – better") stand for its glyphs; a word shown after the mark
    that its words already end with (" better") is not said twice.
    """
    spans = tuple(spans)
    if not any(span.alt for span in spans):
        return None
    said: list[str] = []
    for span in spans:
        if span.alt:
            said.append(span.alt)
        elif said and span.text.strip() and said[-1].endswith(span.text.strip()):
            continue
        else:
            said.append(span.text)
    return " ".join(" ".join(said).split())


def content(tag: str, spans: tuple[Span, ...], parent: Element | None,
            attributes: dict[str, Any] | None = None) -> Element | None:
    """Return the element a run of spans is drawn into: ``tag``, or a Span in it with ActualText.

    When all the spans' text is in one language other than the document's, the element has it
    as ``/Lang`` (ISO 32000-1 §14.9.2.1). None without a parent (an untagged document).
    """
    if parent is None:
        return None
    languages = {span.lang for span in spans if span.text.strip()}
    if len(languages) == 1 and (language := languages.pop()) is not None:
        attributes = {**(attributes or {}), "Lang": language}
    element = Element(tag, parent, attributes)
    for span in spans:
        if span.alt:
            said = replacement(spans)
            return Element("Span", element, {"ActualText": said, "Alt": said})
    return element


def table_rows(table: Table, parent: Element) -> list[Element]:
    """Return a TR for each row of a new Table element, whose /Summary is its description."""
    element = Element("Table", parent, {"Summary": table.description} if table.description else None)
    return [Element("TR", element) for _ in table.rows]


def cell_element(cell: LayoutCell, columns: int, rows: int, row: Element) -> Element | None:
    """Return the element a cell's text is drawn into: a TH (with its /Scope) or a TD."""
    attributes: dict[str, Any] | None = None
    if cell.scope is not None or columns > 1 or rows > 1:
        attributes = {}
        if cell.scope is not None:
            attributes["Scope"] = SCOPES[cell.scope]
        if columns > 1:
            attributes["ColSpan"] = columns
        if rows > 1:
            attributes["RowSpan"] = rows
    return content("TD" if cell.scope is None else "TH", cell.spans, row, attributes)
