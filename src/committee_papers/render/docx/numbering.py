"""Numbering instances, so that each numbered list starts again at 1."""

from __future__ import annotations

from docx.oxml.ns import qn

from . import wml
from .stylenames import TemplateStyles
from .wml import DocxObject, Element


class Numbering:
    """Start numbered lists again at 1: one new numbering instance per list.

    The same ids python-docx would give (the lowest unused), without searching the numbering
    part on every list.
    """

    def __init__(self, document: DocxObject, styles: TemplateStyles) -> None:
        self._document = document
        self._styles = styles
        self._numbering: Element | None = None
        self._cleanup: Element | None = None  # w:numIdMacAtCleanup: must stay after the lists
        self._used: set[int] = set()
        self._next = 1
        self._abstract: dict[str, str | None] = {}

    def _part(self) -> Element:
        if self._numbering is None:
            self._numbering = self._document.part.numbering_part.element
            self._used = {int(value) for value in self._numbering.xpath("./w:num/@w:numId")}
            self._cleanup = self._numbering.find(qn("w:numIdMacAtCleanup"))
        return self._numbering

    def _abstract_of(self, style: DocxObject) -> str | None:
        """Return the abstract list a list style's numbering names, or None."""
        style_pr = style.element.pPr
        num_pr = None if style_pr is None else style_pr.numPr
        if num_pr is None or num_pr.numId is None:
            return None
        try:
            return str(self._part().num_having_numId(num_pr.numId.val).abstractNumId.val)
        except KeyError:
            return None  # the style names a list the template does not define

    def new(self, style_name: str) -> int | None:
        """Return a new numbering instance of a list style's list, starting again at 1.

        Return None when the style is not a list style.
        """
        if style_name not in self._abstract:
            self._abstract[style_name] = self._abstract_of(self._styles.get(style_name))
        abstract = self._abstract[style_name]
        if abstract is None:
            return None
        numbering = self._part()
        while self._next in self._used:
            self._next += 1
        number = self._next
        self._used.add(number)
        wml.add_numbering_instance(numbering, number, abstract, self._cleanup)
        return number
