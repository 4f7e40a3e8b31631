"""Give the PDF reportlab writes its structure tree and the rest of what PDF/UA asks for.

reportlab writes no structure tree. Before the canvas is saved, ``prepare`` gives each page
/StructParents and /Tabs /S, and the catalog /MarkInfo, the XMP metadata (title and PDF/UA
claim) and a StructTreeRoot whose content is left blank, a fixed run of spaces. Once reportlab
has written the file, ``finish`` adds the structure elements made while drawing
(``tagging.Element``) and the ParentTree that leads from each page's MCIDs back to them, packed
into object streams (``xref.py``), and writes the StructTreeRoot into its blank (the same
length, so no offset moves).

Writing the objects as text, rather than as reportlab objects or by opening the file again with
a PDF library, keeps tagging cheap: a report of a thousand pages has some fifty thousand
structure elements. No clock is read, so the same input still gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFName, PDFObject

from .pdfa import output_intent
from .tagging import Element, Tagger
from .xmp import metadata
from .xref import read, write

OWN = frozenset({"Alt", "ActualText", "T", "Lang", "E"})  # entries of the element itself
NAMES = frozenset({"Scope"})  # table attributes whose values are names
ROOM = 120  # bytes kept blank for the StructTreeRoot's content
_ESCAPES = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)"})


def text_string(text: str) -> str:
    """Return ``text`` as a PDF text string: literal if printable ASCII, else UTF-16 in hex."""
    if text.isascii() and text.isprintable():
        return "(" + text.translate(_ESCAPES) + ")"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _value(key: str, value: object) -> str:
    if key in NAMES:
        return f"/{value}"
    if isinstance(value, str):
        return text_string(value)
    return str(value)


_MADE: dict[tuple[tuple[str, Any], ...], str] = {}  # attributes recur: a header cell's scope


def _attributes(attributes: dict[str, Any]) -> str:
    key = tuple(attributes.items())
    found = _MADE.get(key)
    if found is None:
        if len(_MADE) > 10_000:
            _MADE.clear()
        found = _MADE[key] = _made(attributes)
    return found


def _made(attributes: dict[str, Any]) -> str:
    own: list[str] = []
    table: list[str] = []
    for key, value in attributes.items():
        (own if key in OWN else table).append(f"/{key} {_value(key, value)}")
    if table:
        own.append("/A <</O /Table " + " ".join(table) + ">>")
    return " " + " ".join(own)


class Raw(PDFObject):  # type: ignore[misc]  # reportlab is untyped
    """An object of reportlab's document whose content is written here."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        """Return the object's content, as reportlab asks of each object."""
        return self.data


def prepare(canvas: Any, tags: Tagger, variant: str | None = None) -> Raw:
    """Add the tagged-PDF entries to the pages and catalog; return the blank StructTreeRoot."""
    doc = canvas._doc
    for index, page in enumerate(doc.Pages.pages):
        page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
        page.StructParents = index
        page.Tabs = PDFName("S")
    root = Raw(b"<<" + b" " * ROOM + b">>")
    catalog = doc.Catalog
    catalog.StructTreeRoot = root
    catalog.MarkInfo = Raw(b"<</Marked true>>")
    catalog.Metadata = Raw(metadata(doc, tags.title, variant))
    if variant is not None:
        catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
        catalog.OutputIntents = output_intent(doc, Raw)
    return root


def _elements(objects: list[str], first: int, document: Element, root: int,
              pages: list[int]) -> list[dict[int, int]]:
    """Add every structure element, numbered from ``first``; return each page's MCIDs' elements."""
    order = list(document.walk())
    for number, element in enumerate(order, first):
        element.number = number
    by_page: list[dict[int, int]] = [{} for _ in pages]
    for element in order:
        number = element.number
        parent = root if element.parent is None else element.parent.number
        kids = element.kids
        if len(kids) == 1 and type(kids[0]) is tuple:  # the usual case: one piece of content
            page, mcid = kids[0]
            by_page[page][mcid] = number
            text = f"<</Type /StructElem /S /{element.tag} /P {parent} 0 R /Pg {pages[page]} 0 R /K {mcid}"
        else:
            found: list[str] = []
            first_page = -1
            for kid in kids:
                if type(kid) is tuple:
                    page, mcid = kid
                    if first_page < 0:
                        first_page = page
                    found.append(str(mcid) if page == first_page else
                                 f"<</Type /MCR /Pg {pages[page]} 0 R /MCID {mcid}>>")
                    by_page[page][mcid] = number
                else:
                    found.append(f"{kid.number} 0 R")  # type: ignore[union-attr]
            text = f"<</Type /StructElem /S /{element.tag} /P {parent} 0 R"
            if first_page >= 0:
                text += f" /Pg {pages[first_page]} 0 R"
            if found:  # one kid stands alone, as most readers and checkers expect
                text += " /K " + (found[0] if len(found) == 1 else "[" + " ".join(found) + "]")
        if element.attributes:
            text += _attributes(element.attributes)
        objects.append(text + ">>")
    return by_page


def finish(data: bytes, canvas: Any, tags: Tagger, root: Raw) -> bytes:
    """Return the PDF reportlab wrote with the structure tree added."""
    known = canvas._doc.idToObjectNumberAndVersion
    pages = [known[page.__InternalName__][0] for page in canvas._doc.Pages.pages]
    written = read(data)
    first = written.count
    objects: list[str] = []
    by_page = _elements(objects, first, tags.document, known[root.__InternalName__][0], pages)
    nums = []
    for index, found in enumerate(by_page):
        nums.append(f"{index} {first + len(objects)} 0 R")
        objects.append("[" + " ".join(f"{found[mcid]} 0 R" for mcid in range(len(found))) + "]")
    parent_tree = first + len(objects)
    objects.append("<</Nums [" + " ".join(nums) + "]>>")
    content = (f"<</Type /StructTreeRoot /K {first} 0 R /ParentTree {parent_tree} 0 R "
               f"/ParentTreeNextKey {len(pages)}>>").encode("ascii")
    assert len(content) <= ROOM + 4
    body = written.body
    blank = body.index(b" 0 obj\n<<" + b" " * ROOM + b">>") + len(" 0 obj\n")
    body[blank:blank + ROOM + 4] = content.ljust(ROOM + 4)
    return write(written, objects)
