"""Keep the drawings a template carries valid: one ``wp:docPr`` id per drawing in the file.

A picture's ``wp:docPr/@id`` identifies it "within the current document" (ECMA-376 part 1,
20.4.2.5), so the ids must differ across every part: the body, each header and footer,
footnotes and endnotes. A logo added in Word (or with python-docx) to a header and to a
footer gets id 1 in both, because each part counts its own drawings; Word may then repair
the file, and OOXML validators flag it. The renderer numbers every drawing again, 1, 2, 3...
in the order of the package's parts, after the template has been filled in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from lxml import etree

_DOC_PR = qn("wp:docPr")
# parts that can hold drawings besides python-docx's own (document, header and footer) parts
_STORY_TYPES = ("footnotes+xml", "endnotes+xml", "comments+xml")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _trees(document: Any) -> Iterator[tuple[Any, Any]]:
    """Yield (part, root element) of each part that may hold drawings, in package order.

    A part python-docx keeps only as bytes (footnotes, endnotes, comments) is parsed here,
    with entities and DTDs refused.
    """
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart):
            yield part, part.element
        elif str(part.content_type).endswith(_STORY_TYPES):
            yield part, etree.fromstring(part.blob, _PARSER)


def number_drawings(document: Any) -> int:
    """Give every drawing in the document a unique ``wp:docPr`` id, from 1; return how many.

    Parts held as bytes are rewritten only if one of their ids changes.
    """
    next_id = 1
    for part, root in _trees(document):
        changed = False
        for doc_pr in root.iter(_DOC_PR):
            value = str(next_id)
            if doc_pr.get("id") != value:
                doc_pr.set("id", value)
                changed = True
            next_id += 1
        if changed and not isinstance(part, XmlPart):
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
    return next_id - 1
