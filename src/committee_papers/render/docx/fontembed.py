"""Embed the marks' font in the Word file, so Word draws the marks the PDF draws.

The marks (arrows, ticks and crosses) are drawn in the house style's symbol font, DejaVu Sans,
in both formats: the PDF embeds it, and the Word file's DoT styles name it. Few readers'
machines have DejaVu Sans (Windows and macOS do not ship it), and Arial has no tick or cross;
without it Word would draw the marks in whatever font it substitutes, at another size and
height. So the Word file carries the font too, as Word itself embeds fonts (File > Options >
Save > Embed fonts in the file): the faces the marks use, subset to the characters they draw,
obfuscated with a key (ECMA-376 part 1, 17.8.1), named in the font table, with
``w:embedTrueTypeFonts`` and ``w:saveSubsetFonts`` set. Word and LibreOffice use it where the
machine lacks the font. DejaVu Sans's licence allows embedding (its ``OS/2`` fsType is 0).

A template whose DoT styles name another font keeps it: nothing is embedded then, nor when
the template has no font table part.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ...errors import CommitteePapersError
from ...layout import Chart, DocumentLayout, ListItems, Span, SpanRole, Table, TextBlock
from ...style import HouseStyle
from . import wml

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_FACES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _spans(layout: DocumentLayout) -> Iterator[Span]:
    for page in layout.pages:
        for block in page.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        yield from cell.spans
            elif isinstance(block, TextBlock):
                yield from block.spans
            elif isinstance(block, ListItems):
                for item in block.items:
                    yield from item
            elif not isinstance(block, Chart):  # a heading is plain text
                continue


def mark_faces(layout: DocumentLayout) -> dict[tuple[bool, bool], frozenset[str]]:
    """Return the characters the marks draw, by (bold, italic) face."""
    found: dict[tuple[bool, bool], set[str]] = {}
    for span in _spans(layout):
        if span.role is SpanRole.MARK and span.text.strip():
            found.setdefault((span.bold, span.italic), set()).update(span.text)
    return {face: frozenset(chars | {" "}) for face, chars in found.items()}


def _file(style: HouseStyle, face: tuple[bool, bool]) -> Path:
    files = style.symbol_fonts
    return {(False, False): files.regular, (True, False): files.bold, (False, True): files.italic,
            (True, True): files.bold_italic}[face]


# tables no mark needs: layout (marks are single glyphs, never kerned or joined), FontForge's stamp
_DROP = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "kern", "morx", "feat", "FFTM", "DSIG")


def subset(path: Path, chars: frozenset[str]) -> tuple[bytes, str]:
    """Return a TrueType subset of the font file holding ``chars`` (and .notdef), with its names
    (the licence among them) and hints kept, and the font's family name.

    HarfBuzz's subsetter does it in a millisecond, as for the PDF. Raises CommitteePapersError
    when the file cannot be cut down.
    """
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    plan = hb.SubsetInput()
    plan.sets(hb.SubsetInputSets.UNICODE).update(sorted(map(ord, chars)))
    plan.sets(hb.SubsetInputSets.NAME_ID).update(range(256))
    dropped = plan.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
    for tag in _DROP:
        dropped.add(int.from_bytes(tag.encode("ascii"), "big"))
    plan.flags = hb.SubsetFlags.NOTDEF_OUTLINE | hb.SubsetFlags.NO_LAYOUT_CLOSURE
    found = hb.subset(face, plan)
    if found is None:
        raise CommitteePapersError(f"the font {path} could not be cut down to the marks drawn: give "
                                   "another font file for the marks in the house style")
    return bytes(found.blob.data), face.get_name(hb.OTNameIdPredefined.FONT_FAMILY) or ""


def obfuscate(data: bytes, key: str) -> bytes:
    """Return a font obfuscated with a GUID key written ``{XXXXXXXX-XXXX-...}``: its first 32
    bytes XORed with the key's 16 bytes in reverse order (ECMA-376 part 1, 17.8.1). The same
    function undoes it."""
    reverse = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ reverse[index % 16] for index, byte in enumerate(data[:32]))
    return head + data[32:]


def embed_mark_font(document: Any, layout: DocumentLayout, style: HouseStyle, named: set[str | None]) -> None:
    """Embed the faces of the symbol font the layout's marks use (see the module); ``named``
    are the fonts the template's DoT styles name."""
    faces = mark_faces(layout)
    if not faces or named != {style.symbol_font_name}:
        return
    try:
        table_part = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    except KeyError:
        return
    table = etree.fromstring(table_part.blob, _PARSER)
    for number, (face, chars) in enumerate(sorted(faces.items()), 1):
        data, family = subset(_file(style, face), chars)
        if family != style.symbol_font_name:
            return  # the files are another font than the one named: nothing to embed that matches
        key = "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"
        part = Part(PackURI(f"/word/fonts/font{number}.odttf"), OBFUSCATED_FONT, obfuscate(data, key),
                    document.part.package)
        relationship = table_part.relate_to(part, RELATIONSHIP_TYPE.FONT)
        wml.embed_font(document, table, style.symbol_font_name, _FACES[face], relationship, key)
    table_part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
