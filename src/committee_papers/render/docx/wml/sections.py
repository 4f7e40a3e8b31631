"""Sections of the body: a page turned to landscape and back (ECMA-376 part 1, 17.6).

Edited as python-docx's elements; a section-ending paragraph is written as text for
``markup.elements`` to parse with the page's other blocks.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from .elements import DocxObject, Element, _el


def turn_section(section: DocxObject, *, landscape: bool) -> None:
    """Set a python-docx section upright or on its side: its orientation, and its width and
    height swapped where they do not already say so (ECMA-376 part 1, 17.6.13 ``w:pgSz``)."""
    from docx.enum.section import WD_ORIENT

    width, height = section.page_width, section.page_height
    if landscape != (width > height):
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def continue_section(properties: Element) -> None:
    """Make a section after the first go on from the one before: its page numbers continue
    (no ``w:pgNumType/@w:start``, 17.6.12) and it has no first-page header of its own
    (no ``w:titlePg``, 17.10.6): those belong to the document's first page alone."""
    numbering = properties.find(qn("w:pgNumType"))
    if numbering is not None and numbering.get(qn("w:start")) is not None:
        del numbering.attrib[qn("w:start")]
    title_page = properties.find(qn("w:titlePg"))
    if title_page is not None:
        properties.remove(title_page)


def section_end(document: DocxObject, *, landscape: bool, first: bool) -> str:
    """Return a paragraph ending a section of the body (``w:pPr/w:sectPr``, 17.6.18): the
    template's own section properties (page, margins, header and footer) upright or on its
    side, the next section starting on a new page; a section but the ``first`` goes on from
    the one before (``continue_section``). The paragraph has no text, no space and a line of
    1 pt, so it adds no height a reader could see."""
    from copy import deepcopy

    from docx.enum.section import WD_SECTION
    from docx.section import Section
    from lxml import etree

    properties = deepcopy(document.sections[-1]._sectPr)
    section = Section(properties, document.part)
    turn_section(section, landscape=landscape)
    section.start_type = WD_SECTION.NEW_PAGE
    if not first:
        continue_section(properties)
    paragraph = _el("w:p", _el("w:pPr", _el("w:spacing", before="0", after="0", line="20", lineRule="exact"),
                               _el("w:rPr", _el("w:sz", val="2"), _el("w:szCs", val="2")), properties))
    return str(etree.tostring(paragraph, encoding="unicode"))
