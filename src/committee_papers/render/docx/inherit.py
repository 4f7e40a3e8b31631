"""What formatting a template's paragraph really has: its own, its style's, or inherited.

Word resolves a property from the paragraph or run itself, then its style, then the style
that one is based on (``w:basedOn``), and so on, then the document defaults
(``w:docDefaults``); each property separately (ECMA-376 part 1, 17.7.2 "Style hierarchy").
A font may name a theme font (``w:asciiTheme``), whose typeface is in the theme part
(20.1.4.1.16 ``a:minorFont``). python-docx reads only what is set on the style itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
DEFAULT_SIZE = 10.0  # points, when nothing sets a size (w:sz, 17.3.2.38: "default ... 10 points")


def _theme_fonts(document: Any) -> dict[str, str]:
    """Return the theme's major and minor Latin typefaces, e.g. {"minor": "Calibri"}."""
    for part in document.part.package.iter_parts():
        if str(part.content_type).endswith("theme+xml"):
            root = etree.fromstring(part.blob, _PARSER)
            found = {}
            for kind in ("major", "minor"):
                latin = root.find(f".//{{{_DRAWING}}}{kind}Font/{{{_DRAWING}}}latin")
                if latin is not None and latin.get("typeface"):
                    found[kind] = str(latin.get("typeface"))
            return found
    return {}


class StyleSheet:
    """The template's styles and document defaults, for resolving inherited formatting."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id = {str(s.get(qn("w:styleId"))): s for s in root.findall(qn("w:style"))}
        defaults = root.find(qn("w:docDefaults"))
        self.run_defaults = None if defaults is None else defaults.find(
            f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.paragraph_defaults = None if defaults is None else defaults.find(
            f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        self.default_paragraph = next(
            (i for i, s in self.by_id.items() if s.get(qn("w:type")) == "paragraph"
             and s.get(qn("w:default")) in ("1", "true", "on")), None)
        self.theme = _theme_fonts(document)

    def chain(self, style_id: str | None) -> Iterator[Any]:
        """Yield a style and each style it is based on, nearest first (a loop is cut)."""
        seen: set[str] = set()
        current = style_id if style_id is not None else self.default_paragraph
        while current is not None and current not in seen and current in self.by_id:
            seen.add(current)
            style = self.by_id[current]
            yield style
            based = style.find(qn("w:basedOn"))
            current = None if based is None else based.get(qn("w:val"))

    def _properties(self, own: Any, style_id: str | None, kind: str) -> Iterator[Any]:
        """Yield the property elements (``w:rPr`` or ``w:pPr``) to look in, nearest first."""
        if own is not None:
            yield own
        for style in self.chain(style_id):
            found = style.find(qn(kind))
            if found is not None:
                yield found
        defaults = self.run_defaults if kind == "w:rPr" else self.paragraph_defaults
        if defaults is not None:
            yield defaults

    def attribute(self, own: Any, style_id: str | None, kind: str, tag: str, name: str) -> str | None:
        """Return a ``w:`` attribute of a property as inherited, e.g. ``name`` "after" of
        ``tag`` "w:spacing" in ``kind`` "w:pPr"."""
        for properties in self._properties(own, style_id, kind):
            element = properties.find(qn(tag))
            if element is not None and element.get(qn(f"w:{name}")) is not None:
                return str(element.get(qn(f"w:{name}")))
        return None

    def flag(self, own: Any, style_id: str | None, kind: str, tag: str) -> bool:
        """Return an on/off property (e.g. ``w:contextualSpacing``) as inherited (17.17.4)."""
        for properties in self._properties(own, style_id, kind):
            element = properties.find(qn(tag))
            if element is not None:
                return element.get(qn("w:val")) not in ("0", "false", "off")
        return False

    def cell_margin(self, style_id: str, sides: tuple[str, ...]) -> float | None:
        """Return a table style's cell margin on one side (``w:tblCellMar``), in points, as
        inherited from the styles it is based on; ``sides`` are the element names to try
        (``left`` and ``start`` name the same side). None when no style sets it."""
        for style in self.chain(style_id):
            margins = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
            for side in () if margins is None else sides:
                found = margins.find(qn(f"w:{side}"))
                if found is not None and found.get(qn("w:type"), "dxa") == "dxa":
                    try:
                        return int(found.get(qn("w:w"), "0")) / 20
                    except ValueError:
                        return None
        return None

    def border(self, style_id: str, edge: str) -> float:
        """Return the width in points of a table style's border (``w:tblBorders``, in eighths of
        a point; 17.4.38), as inherited; 0 for none."""
        for style in self.chain(style_id):
            found = style.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn(f'w:{edge}')}")
            if found is not None:
                if found.get(qn("w:val")) in ("nil", "none"):
                    return 0.0
                try:
                    return int(found.get(qn("w:sz"), "2")) / 8
                except ValueError:
                    return 0.0
        return 0.0

    def size(self, own: Any, style_id: str | None) -> float:
        """Return the font size in points of a run (its ``w:rPr``) in a paragraph style."""
        value = self.attribute(own, style_id, "w:rPr", "w:sz", "val")
        try:
            return int(value) / 2 if value is not None else DEFAULT_SIZE
        except ValueError:
            return DEFAULT_SIZE

    def font(self, own: Any, style_id: str | None) -> str | None:
        """Return the Latin font a run uses: its ``w:ascii`` font, or the theme's typeface."""
        for properties in self._properties(own, style_id, "w:rPr"):
            fonts = properties.find(qn("w:rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(qn("w:asciiTheme"))
            if theme is not None:
                return self.theme.get("major" if theme.startswith("major") else "minor")
            if fonts.get(qn("w:ascii")):
                return str(fonts.get(qn("w:ascii")))
        return None
