"""The template's document properties, filled in by the same checked, sandboxed path as its header.

A template's properties are text a council types in Word (File > Info) or LibreOffice (File >
Properties): the core properties (``docProps/core.xml``: title, subject, tags, comments...),
the extended ones (``docProps/app.xml``: company, manager) and custom ones
(``docProps/custom.xml``). docxtpl rendered only some core properties, with its own
environment: a stray ``{#`` or ``{{ report.title }}`` ended in an internal error, and a
value was escaped twice (``&amp;amp;``). Here every property's text is one source for the
placeholder check, and a placeholder in it is filled with the value as plain text: the
XML serialiser escapes it, once. Dates and numbers take no placeholder.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from docx.oxml.ns import qn
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

# python-docx's name of each text core property, and its element (ECMA-376 part 2, 11)
CORE_TEXT = {"author": "dc:creator", "category": "cp:category", "comments": "dc:description",
             "content_status": "cp:contentStatus", "identifier": "dc:identifier",
             "keywords": "cp:keywords", "language": "dc:language",
             "last_modified_by": "cp:lastModifiedBy", "subject": "dc:subject",
             "title": "dc:title", "version": "cp:version"}
_OTHER_TYPES = ("extended-properties+xml", "custom-properties+xml")
_NAME = "name"  # a custom property's name attribute
_APP_TEXT = ("Company", "Manager")  # the extended properties Word and LibreOffice show as text
_CUSTOM_TEXT = ("lpwstr", "lpstr", "bstr")  # a custom property's text types (docPropsVTypes)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass(frozen=True, slots=True)
class PropertyText:
    """One property's text: where it is (for messages), its element, and whether a
    placeholder may fill it (not in a date or a number)."""

    where: str
    element: Any
    text_allowed: bool


def _local(element: Any) -> str:
    return str(etree.QName(element).localname)


def _other_parts(document: Any) -> Iterator[tuple[Any, Any]]:
    """Yield (part, parsed root) of the extended and custom properties parts."""
    for part in document.part.package.iter_parts():
        if str(part.content_type).endswith(_OTHER_TYPES):
            yield part, etree.fromstring(part.blob, _PARSER)


def _texts(document: Any, others: list[tuple[Any, Any]]) -> Iterator[PropertyText]:
    core = document.core_properties._element
    names = {qn(tag): name for name, tag in CORE_TEXT.items()}
    for element in core:
        if isinstance(element.tag, str) and element.text:
            name = names.get(element.tag, _local(element))
            yield PropertyText(f"docProps/core.xml ({name})", element, element.tag in names)
    for part, root in others:
        where = str(part.partname).lstrip("/")
        for element in root.iter():
            if not isinstance(element.tag, str) or len(element) or not element.text:
                continue
            parent = element.getparent()
            owner = parent.get(_NAME) if parent is not None and parent.get(_NAME) else _local(element)
            text = _local(element) in (*_APP_TEXT, *_CUSTOM_TEXT)
            yield PropertyText(f"{where} ({owner})", element, text)


class Properties:
    """Every property text of a template, to check and then fill in."""

    def __init__(self, document: Any) -> None:
        self._others = list(_other_parts(document))
        self.texts = list(_texts(document, self._others))

    def sources(self) -> Iterator[tuple[str, str, bool]]:
        """Yield (where, text, whether a placeholder may stand there) for the placeholder check."""
        for text in self.texts:
            yield text.where, str(text.element.text), text.text_allowed

    def fill(self, context: Mapping[str, str]) -> None:
        """Fill in every placeholder with its value as plain text (escaped once, on saving).

        Call only after every source has passed the placeholder check: then the only syntax
        left is ``{{ name }}``, and the sandbox is a second wall.
        """
        plain = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False)
        changed = set()
        for text in self.texts:
            value = str(text.element.text)
            if "{{" in value:
                text.element.text = plain.from_string(value).render(dict(context))
                changed.add(id(text.element.getroottree().getroot()))
        for part, root in self._others:
            if id(root) in changed:
                part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                            standalone=True)
