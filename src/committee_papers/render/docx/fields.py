"""The Word file's page numbers and statistics, as the PDF laid the same document out.

Word shows a field's last computed result (its cached text) until it updates the field, and a
viewer that never updates fields (a preview, a converter, a phone) shows only that. So the
template's "Page 1 of 1" is replaced: ``NUMPAGES`` shows the number of pages the PDF of the
same layout has (the library lays the PDF out; both formats break pages alike), ``PAGE`` shows
1 (the footer is one part shared by every page, so its one stored result can only be right on
the first), and ``w:updateFields`` asks Word to compute them afresh on opening. Without a page
count (a Word file made alone) ``NUMPAGES`` shows nothing rather than a wrong number.

The words around the page numbers follow the report's language, as the PDF's do: a footer
that reads like the house style's ``page_number`` label ("Page {page} of {pages}") is rewritten
in the localised label ("Tudalen {page} o {pages}"). A footer a council worded otherwise is kept.

``docProps/app.xml`` names this library as the application and gives the page count; the text
statistics Word counts on saving (words, characters, lines) are removed, not guessed.
"""

from __future__ import annotations

import string
from typing import Any

from docx.oxml.ns import qn

from ... import __version__
from ...languages import localised
from ...style import HouseStyle, Labels
from . import wml

APPLICATION = f"committee_papers {__version__}"
_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}
_PARTS = ("header+xml", "footer+xml")
_APP = "extended-properties+xml"


def label_shape(label: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return a page-number label's literal texts and its fields in order:
    ``Page {page} of {pages}`` gives ``(("Page ", " of ", ""), ("PAGE", "NUMPAGES"))``.
    Raises ValueError for a field other than ``{page}`` and ``{pages}``."""
    literals, names = [""], []
    for literal, field, _, _ in string.Formatter().parse(label):
        literals[-1] += literal
        if field is not None:
            if field not in _FIELDS:
                raise ValueError(f"the page number label {label!r} has {{{field}}}: use {{page}} and {{pages}}")
            names.append(_FIELDS[field])
            literals.append("")
    return tuple(literals), tuple(names)


def _shape(pieces: list[wml.Piece]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the literal texts around a paragraph's fields, and its fields, as ``label_shape``."""
    literals = tuple("".join(t.text or "" for t in texts) for name, texts, _ in pieces if name is None)
    return literals, tuple(name for name, _, _ in pieces if name is not None)


def _parts(document: Any, ending: tuple[str, ...]) -> list[Any]:
    return [part for part in document.part.package.iter_parts() if str(part.content_type).endswith(ending)]


def fill_page_fields(document: Any, style: HouseStyle, language: str, pages: int | None) -> None:
    """Give every header's and footer's page fields their results and the report's language
    (see the module's description); set ``w:updateFields``."""
    results = {"PAGE": "1", "NUMPAGES": "" if pages is None else str(pages),
               "SECTIONPAGES": "" if pages is None else str(pages)}
    english = {label_shape(style.labels.page_number), label_shape(Labels().page_number)}
    wanted = label_shape(localised(style, language).labels.page_number)
    for part in _parts(document, _PARTS):
        for paragraph in part.element.iter(qn("w:p")):
            pieces = wml.field_pieces(paragraph)
            if not any(name in results for name, _, _ in pieces):
                continue
            if _shape(pieces) in english and _shape(pieces) != wanted and _shape(pieces)[1] == wanted[1]:
                literals = iter(wanted[0])
                for name, texts, anchor in pieces:
                    if name is None:
                        wml.set_text(texts, next(literals), anchor, paragraph)
            for name, texts, anchor in wml.field_pieces(paragraph):
                if name in results and (texts or anchor is not None):
                    wml.set_text(texts, results[name], anchor, paragraph)
    wml.set_update_fields(document)


def set_statistics(document: Any, pages: int | None) -> None:
    """Name this library in ``docProps/app.xml`` and give the page count (see the module)."""
    from lxml import etree

    for part in _parts(document, (_APP,)):
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        wml.set_app_properties(root, APPLICATION, pages)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
