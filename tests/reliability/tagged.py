"""Read a tagged PDF as a screen reader does: the structure tree's text, ActualText first.

This is the tests' own reader, written from ISO 32000-1 and independent of the renderer: it
decodes each page's content stream (pikepdf parses it) through the fonts' ToUnicode CMaps
(§9.10.3, parsed here), follows marked content (§14.6) to find each MCID's text, puts a
``/Span`` ActualText (§14.9.4) in place of the text it covers, and gathers each structure
element's text from its kids in order (§14.7.2). Artifacts' text is kept apart.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pikepdf

_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode("ascii")).decode("utf-16-be", "surrogatepass")


def to_unicode(font: pikepdf.Object) -> tuple[dict[int, str], int]:
    """Return a font's ToUnicode map (code to text) and its code length in bytes."""
    data = font.ToUnicode.read_bytes() if "/ToUnicode" in font else b""
    found: dict[int, str] = {}
    width = 2 if font.get("/Subtype") == "/Type0" else 1
    for block in _BFCHAR.findall(data):
        values = _HEX.findall(block)
        for code, text in zip(values[::2], values[1::2], strict=True):
            found[int(code, 16)] = _utf16(text)
    for block in _BFRANGE.findall(data):
        values = _HEX.findall(block)
        for low, high, start in zip(values[::3], values[1::3], values[2::3], strict=True):
            base = ord(_utf16(start))
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                found[code] = chr(base + offset)
    return found, width


@dataclass
class PageText:
    """The text of one page: by MCID, and of its artifacts."""

    marked: dict[int, str] = field(default_factory=dict)
    artifacts: list[str] = field(default_factory=list)
    glyphs: list[tuple[str, int]] = field(default_factory=list)  # (font's BaseFont, code) drawn


def _decode(operands: list[Any], operator: str, font: tuple[dict[int, str], int] | None) -> str:
    strings = [o for o in (operands[0] if operator == "TJ" else operands[-1:])
               if isinstance(o, pikepdf.String)]
    if font is None:
        return ""
    mapping, width = font
    out = []
    for string in strings:
        data = bytes(string)
        for start in range(0, len(data), width):
            out.append(mapping.get(int.from_bytes(data[start:start + width], "big"), "\ufffd"))
    return "".join(out)


def read_page(page: pikepdf.Page) -> PageText:
    """Return the text of a page's marked content, ActualText in place of what it covers."""
    fonts = {str(name): (to_unicode(font), str(font.BaseFont))
             for name, font in page.Resources.get("/Font", {}).items()}
    result = PageText()
    stack: list[dict[str, Any]] = []  # open marked content: kind, mcid, actual text, collected
    font: tuple[dict[int, str], int] | None = None
    base = ""
    for operands, op in pikepdf.parse_content_stream(page):
        operator = str(op)
        if operator in ("BDC", "BMC"):
            tag = str(operands[0])
            properties = operands[1] if operator == "BDC" else None
            entry: dict[str, Any] = {"kind": "other", "text": []}
            if tag == "/Artifact":
                entry["kind"] = "artifact"
            elif isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                entry["kind"], entry["mcid"] = "mcid", int(properties.MCID)
            if isinstance(properties, pikepdf.Dictionary) and "/ActualText" in properties:
                entry["actual"] = str(properties.ActualText)
            stack.append(entry)
        elif operator == "EMC":
            entry = stack.pop()
            text = entry.get("actual", "".join(entry["text"]))
            if stack:
                stack[-1]["text"].append(text)
            if entry["kind"] == "mcid":
                result.marked[entry["mcid"]] = text
            elif entry["kind"] == "artifact":
                result.artifacts.append(text)
        elif operator == "Tf":
            found = fonts[str(operands[0])]
            font, base = found[0], found[1]
        elif operator in ("Tj", "TJ", "'", '"'):
            text = _decode(list(operands), operator, font)
            if font is not None:
                width = font[1]
                for string in (operands[0] if operator == "TJ" else operands[-1:]):
                    if isinstance(string, pikepdf.String):
                        data = bytes(string)
                        result.glyphs += [(base, int.from_bytes(data[i:i + width], "big"))
                                          for i in range(0, len(data), width)]
            if stack:
                stack[-1]["text"].append(text)
    return result


@dataclass
class Tagged:
    """A tagged PDF read back: each structure element with its type, attributes and text."""

    elements: list[tuple[str, str, dict[str, str]]]  # (type, text, own entries), in reading order
    pages: list[PageText]


def _kids(element: pikepdf.Object) -> list[Any]:
    found = element.get("/K")
    if found is None:
        return []
    return list(found) if isinstance(found, pikepdf.Array) else [found]


def read_tagged(data: bytes) -> Tagged:
    """Return the structure elements of a tagged PDF with the text each stands for."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = [read_page(page) for page in pdf.pages]
        numbers = {page.objgen: index for index, page in enumerate(pdf.pages)}
        elements: list[tuple[str, str, dict[str, str]]] = []

        def text_of(element: pikepdf.Object) -> str:
            own = {key[1:]: str(element[key]) for key in ("/ActualText", "/Alt", "/Lang", "/T")
                   if key in element}
            parts = []
            for kid in _kids(element):
                if isinstance(kid, int):
                    parts.append(pages[numbers[element.Pg.objgen]].marked.get(kid, ""))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    parts.append(pages[numbers[kid.Pg.objgen]].marked.get(int(kid.MCID), ""))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR":  # not an annotation
                    parts.append(text_of(kid))
            text = own.get("ActualText", "".join(parts))
            return text

        def walk(element: pikepdf.Object) -> Iterator[None]:
            for kid in _kids(element):
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
                    own = {key[1:]: str(kid[key]) for key in ("/ActualText", "/Alt", "/Lang", "/T")
                           if key in kid}
                    elements.append((str(kid.S)[1:], text_of(kid), own))
                    yield from walk(kid)

        if "/StructTreeRoot" in pdf.Root:
            list(walk(pdf.Root.StructTreeRoot))
    return Tagged(elements, pages)
