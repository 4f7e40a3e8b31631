"""An accessibility lint for the Word output, run on every document we claim is valid.

It checks what the Public Sector Bodies Accessibility Regulations ask of a .docx: a title, the
language, heading levels with no gaps, header rows marked, a description for every table, no
symbol fonts, and text colours with at least 4.5:1 contrast on white and on their shading.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest
from lxml import etree  # type: ignore[import-untyped]

from committee_papers.style import Colour

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "dc": "http://purl.org/dc/elements/1.1/",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}
SYMBOL_FONTS = {"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings"}
WHITE = Colour("FFFFFF")


def _xml(parts: dict[str, bytes], name: str) -> etree._Element:
    return etree.fromstring(parts[name])


def _heading_levels(document: etree._Element, styles: etree._Element) -> list[int]:
    names = {s.get(f"{{{W}}}styleId"): s.find("w:name", NS).get(f"{{{W}}}val")
             for s in styles.findall("w:style", NS) if s.find("w:name", NS) is not None}
    levels = []
    for style in document.iterfind(".//w:body/w:p/w:pPr/w:pStyle", NS):
        match = re.fullmatch(r"heading (\d)", names.get(style.get(f"{{{W}}}val"), "").lower())
        if match:
            levels.append(int(match.group(1)))
    return levels


def lint_docx(data: bytes) -> list[str]:
    """Return every accessibility problem found in a .docx; an empty list means none."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    document, styles = _xml(parts, "word/document.xml"), _xml(parts, "word/styles.xml")
    core = _xml(parts, "docProps/core.xml")
    problems = []
    title = core.findtext("dc:title", default="", namespaces=NS)
    if not title.strip():
        problems.append("the document has no title")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    if lang is None or not lang.get(f"{{{W}}}val"):
        problems.append("the document defaults name no language")
    previous = 0
    for level in _heading_levels(document, styles):
        if level > previous + 1:
            problems.append(f"a Heading {level} follows a Heading {previous}: a level is skipped")
        previous = level
    for number, table in enumerate(document.iterfind(".//w:tbl", NS)):
        first = table.find("w:tr", NS)
        if first is None or first.find("w:trPr/w:tblHeader", NS) is None:
            problems.append(f"table {number} has no header row marked")
        description = table.find("w:tblPr/w:tblDescription", NS)
        if description is None or not description.get(f"{{{W}}}val", "").strip():
            problems.append(f"table {number} has no description")
    used = {e.get(f"{{{W}}}val") for tag in ("pStyle", "rStyle", "tblStyle")
            for e in document.iterfind(f".//w:{tag}", NS)} | {"Normal"}
    for style in styles.findall("w:style", NS):  # judge only the styles the document uses
        if style.get(f"{{{W}}}styleId") not in used:
            styles.remove(style)
    parts["word/styles.xml"] = etree.tostring(styles)
    for name in ("word/document.xml", "word/styles.xml"):
        tree = _xml(parts, name)
        if tree.find(".//w:sym", NS) is not None:
            problems.append(f"{name} draws a character from a symbol font (w:sym)")
        for fonts in tree.iterfind(".//w:rFonts", NS):
            used = {value.lower() for value in fonts.attrib.values()}
            if used & SYMBOL_FONTS:
                problems.append(f"{name} uses a symbol font: {sorted(used & SYMBOL_FONTS)}")
        for colour in tree.iterfind(".//w:color", NS):
            value = colour.get(f"{{{W}}}val", "auto")
            if value != "auto" and Colour(value).contrast(WHITE) < 4.5:
                problems.append(f"{name}: text colour #{value} has {Colour(value).contrast(WHITE):.1f}:1 on white")
        for shade in tree.iterfind(".//w:shd", NS):
            fill = shade.get(f"{{{W}}}fill", "auto")
            if fill not in ("auto", "FFFFFF") and Colour(fill).contrast(Colour("000000")) < 4.5:
                problems.append(f"{name}: black text on #{fill} shading is below 4.5:1")
    return problems


def test_the_samples_pass_the_lint(samples: dict[str, bytes]) -> None:
    for name, data in samples.items():
        assert lint_docx(data) == [], name


def test_the_hostile_report_passes_the_lint(hostile_docx: bytes) -> None:
    assert lint_docx(hostile_docx) == []


def _edit(data: bytes, part: str, change: Callable[[str], str]) -> bytes:
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                content = change(content.decode("utf-8")).encode("utf-8")
            out.writestr(item, content)
    return target.getvalue()


@pytest.mark.parametrize(("part", "change", "problem"), [
    ("docProps/core.xml", lambda x: re.sub(r"<dc:title>.*?</dc:title>", "<dc:title></dc:title>", x),
     "no title"),
    ("word/styles.xml", lambda x: re.sub(r"<w:lang [^>]*/>", "", x), "no language"),
    ("word/document.xml", lambda x: x.replace("<w:tblHeader/>", "", 1), "no header row marked"),
    ("word/document.xml", lambda x: re.sub(r"<w:tblDescription [^>]*/>", "", x, count=1), "no description"),
    ("word/styles.xml", lambda x: x.replace('w:val="B10E1E"', 'w:val="FF0000"'), "4.0:1 on white"),
    ("word/document.xml", lambda x: x.replace("<w:t>", '<w:sym w:font="Wingdings" w:char="F0FC"/><w:t>', 1),
     "symbol font"),
])
def test_the_lint_catches_each_problem(samples: dict[str, bytes], part: str,
                                       change: Callable[[str], str], problem: str) -> None:
    broken = _edit(samples["blackpool-q2-2015-16"], part, change)
    found = lint_docx(broken)
    assert any(problem in p for p in found), found
