"""Find the template's styles the way Word does, whichever program saved the template.

Word writes its built-in style names in lower case (``heading 1``) and shows them in title
case; LibreOffice writes them as it shows them (``Heading 1``), and a style a council renames
or recreates may keep only its id. python-docx looks names up exactly, so a template saved by
LibreOffice failed with "no style with name 'Heading 1'". Here every style the renderer uses
is found once per template, in this order, among the styles of its kind only:

1. its name exactly as the renderer spells it (``styles.py``);
2. its name ignoring case: Word matches built-in style names without regard to case, and
   refuses two styles whose names differ only in case, so this is the same style;
3. its style id, as Word writes it for that name (``Heading1``, ``TableText``);
4. an alias: a name listed in the style's ``w:aliases`` (ECMA-376 part 1, 17.7.4.1), or the
   name LibreOffice gives the Word built-in style (``Standard`` or ``Default Paragraph
   Style`` for Normal, ``List 1`` for List Bullet, ``Numbering 1`` for List Number; from
   LibreOffice's writerfilter style-name map, StyleSheetTable.cxx).

A style found no way is missing, and the template is refused naming it; but Heading 4-6 and
Hyperlink, which the renderer adds when a template lacks them (``styles.add_missing_styles``),
are never missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import StyleFactory

from . import styles

KINDS = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER,
         "table": WD_STYLE_TYPE.TABLE}
WANTED = (*((name, "paragraph") for name in styles.PARAGRAPH_STYLES),
          *((name, "character") for name in styles.CHARACTER_STYLES),
          *((name, "table") for name in styles.TABLE_STYLES))
LIBREOFFICE_NAMES = {
    styles.BODY: ("Standard", "Default Paragraph Style", "Default Style"),
    styles.LIST_BULLET: ("List 1",),
    styles.LIST_NUMBER: ("Numbering 1",),
    styles.HYPERLINK: ("Internet Link",),
}


def style_id(name: str) -> str:
    """Return the id Word gives a style it creates with this name: the name without spaces."""
    return "".join(name.split())


def _aliases(element: Any) -> list[str]:
    found = element.find(qn("w:aliases"))
    value = None if found is None else found.get(qn("w:val"))
    return [alias.strip() for alias in value.split(",")] if value else []


@dataclass(frozen=True, slots=True)
class Candidate:
    """A style of the template: its python-docx object, and how it can be named."""

    style: Any
    name: str
    id: str
    aliases: tuple[str, ...]


def _candidates(document: Any, kind: str) -> list[Candidate]:
    found = []
    for element in document.styles.element.style_lst:
        if element.type != KINDS[kind]:
            continue
        name = element.name_val or ""
        found.append(Candidate(StyleFactory(element), name, element.styleId or "",
                               tuple(_aliases(element))))
    return found


def _find(candidates: list[Candidate], name: str) -> Candidate | None:
    folded = name.casefold()
    rules: Iterable[Any] = (
        lambda c: c.name == name,
        lambda c: c.name.casefold() == folded,
        lambda c: c.id == style_id(name),
        lambda c: any(a.casefold() == folded for a in c.aliases),
        lambda c: any(n.casefold() in {x.casefold() for x in (c.name, *c.aliases)}
                      for n in LIBREOFFICE_NAMES.get(name, ())),
    )
    for rule in rules:
        for candidate in candidates:
            if rule(candidate):
                return candidate
    return None


@dataclass(frozen=True, slots=True)
class TemplateStyles:
    """The template's style for each style name the renderer uses, found as Word would.

    ``found`` maps (kind, name) to python-docx's style object; ``missing`` lists
    (kind, name) of the styles found no way.
    """

    found: dict[tuple[str, str], Any]
    missing: tuple[tuple[str, str], ...]

    @classmethod
    def read(cls, document: Any) -> TemplateStyles:
        """Find every style the renderer uses in a python-docx Document; a style the renderer
        adds when missing (``styles.ADDED_STYLES``) is never counted as missing."""
        by_kind = {kind: _candidates(document, kind) for kind in KINDS}
        found: dict[tuple[str, str], Any] = {}
        missing = []
        for name, kind in (*WANTED, *styles.ADDED_STYLES):
            candidate = _find(by_kind[kind], name)
            if candidate is not None:
                found[(kind, name)] = candidate.style
            elif (name, kind) in WANTED:
                missing.append((kind, name))
        return cls(found, tuple(missing))

    def get(self, name: str, kind: str = "paragraph") -> Any:
        """Return the template's style for a name; KeyError if it has none."""
        return self.found[(kind, name)]

    def id_of(self, name: str, kind: str) -> str | None:
        """Return a style's id, or None for the default style of its kind (Word applies it
        unnamed)."""
        style = self.found[(kind, name)]
        if style.element.default:
            return None
        return str(style.style_id)
