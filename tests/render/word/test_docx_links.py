"""Links and deeper headings in Word (issue 14, item 3).

A span with a link is a real ``w:hyperlink`` whose relationship is external and targets the
address; its run is in the Hyperlink character style. Headings of levels 1-6 are Word's
Heading 1-6, each with its outline level. A template without Heading 4-6 or Hyperlink gets
them (the headings based on its Heading 3, the link style underlined in a colour readable on
white); a template with its own keeps them. The files are read back with python-docx and lxml
and the expected values come from the OOXML specification and WCAG's formula, and
LibreOffice converts them: its PDF has the links as URI actions and the headings as nested
bookmarks.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml import etree
from openxml_audit import OpenXmlValidator
from pypdf import PdfReader
from tests.conftest import LINK, LINKED_TITLE, MAIL, linked_report

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import Heading, layout_report
from committee_papers.render.docx import default_template, render_docx

# ECMA-376 part 1, 15.3.6 (hyperlink relationship) and part 2, 9.3 (relationships)
HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
QUESTIONS = {"What is the current performance?": 4, "Update – March 2024": 5, "What actions are being taken?": 4}


def docx_bytes(report: cp.Report, template: Path | None = None) -> bytes:
    buffer = io.BytesIO()
    cp.render_docx(report, buffer, template=template)
    return buffer.getvalue()


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def bare_template(folder: Path) -> Path:
    """The shipped template without Heading 4-6 and Hyperlink, as many councils' templates are."""
    document = docx.Document(str(default_template()))
    for name in ("Heading 4", "Heading 5", "Heading 6", "Hyperlink"):
        document.styles[name].delete()
    path = folder / "bare.docx"
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bare_template(tmp_path_factory.mktemp("bare"))


@pytest.fixture(scope="module")
def linked(bare: Path) -> dict[str, bytes]:
    """The page of links rendered with the shipped template and with one lacking the styles."""
    return {"shipped": docx_bytes(linked_report()), "bare": docx_bytes(linked_report(), bare)}


def contrast(hex_colour: str, background: str = "FFFFFF") -> float:
    """WCAG 2.2's contrast ratio (relative luminance of sRGB, definitions of 1.4.3)."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(hex_colour), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_gives_the_known_ratios() -> None:
    assert contrast("000000") == pytest.approx(21.0)
    assert contrast("767676") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes


@pytest.mark.parametrize("template", ["shipped", "bare"])
def test_a_link_is_a_hyperlink_to_its_address_as_an_external_relationship(linked, template) -> None:
    data = linked[template]
    rels = {rel.get("Id"): rel for rel in part(data, "word/_rels/document.xml.rels").iter(f"{RELS}Relationship")}
    found = [(link.get(R_ID), "".join(link.itertext()))
             for link in part(data, "word/document.xml").iter(qn("w:hyperlink"))]
    assert [text for _, text in found] == ["the published data set", "the performance team", "the data set"]
    for rid, _ in found:
        assert rels[rid].get("Type") == HYPERLINK_TYPE
        assert rels[rid].get("TargetMode") == "External"
    assert [rels[rid].get("Target") for rid, _ in found] == [LINK, MAIL, LINK]
    assert found[0][0] == found[2][0], "one relationship per address"
    # python-docx reads the same: the words around a link stay in the paragraph
    document = docx.Document(io.BytesIO(data))
    paragraph = next(p for p in document.paragraphs if p.hyperlinks and p.hyperlinks[0].address == MAIL)
    assert paragraph.text == "Questions go to the performance team."
    (link,) = paragraph.hyperlinks
    (run,) = link.runs
    assert run.style.name == "Hyperlink" and run.bold


@pytest.mark.parametrize("template", ["shipped", "bare"])
def test_the_hyperlink_style_is_underlined_in_a_colour_readable_on_white(linked, template) -> None:
    style = docx.Document(io.BytesIO(linked[template])).styles["Hyperlink"]
    assert style.type == WD_STYLE_TYPE.CHARACTER
    assert style.font.underline is True  # w:u w:val="single"
    assert style.font.color.rgb == RGBColor(0x05, 0x63, 0xC1)
    assert contrast(str(style.font.color.rgb)) >= 4.5  # WCAG 2.2 AA, 1.4.3


def _outline_level(document: Any, style: Any) -> int | None:
    """Return a paragraph style's outline level as Word resolves it: its own, else inherited."""
    while style is not None:
        found = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if found is not None:
            return int(found.get(qn("w:val")))
        style = style.base_style
    return None


def _size(style: Any) -> float | None:
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return None


@pytest.mark.parametrize("template", ["shipped", "bare"])
def test_sub_headings_are_word_headings_with_their_outline_levels(linked, template) -> None:
    document = docx.Document(io.BytesIO(linked[template]))
    styles = {p.text: p.style for p in document.paragraphs if p.text in QUESTIONS or p.text == LINKED_TITLE}
    assert styles[LINKED_TITLE].name == "Heading 2"
    for text, level in QUESTIONS.items():
        assert styles[text].name == f"Heading {level}"
        assert _outline_level(document, styles[text]) == level - 1
        # the house style's heading look: Heading 3's size and colour, bold, kept with what follows
        heading_3 = document.styles["Heading 3"]
        assert styles[text].base_style.name == "Heading 3"
        assert _size(styles[text]) == _size(heading_3) == 12
        assert styles[text].next_paragraph_style.name == "Normal"


def test_heading_levels_one_to_six_are_heading_one_to_six(bare: Path, tmp_path: Path) -> None:
    report = linked_report()
    layout = layout_report(report, assess_report(report), cp.DEFAULT_STYLE)
    page = layout.pages[0]
    levels = tuple(Heading(level, f"Level {level}") for level in range(1, 7))
    layout = dataclasses.replace(layout, pages=(dataclasses.replace(page, blocks=levels + page.blocks),))
    for template in (None, bare):
        target = tmp_path / "levels.docx"
        render_docx(layout, target, template=template)
        document = docx.Document(str(target))
        found = {p.text: p.style for p in document.paragraphs if p.text.startswith("Level ")}
        assert [(found[f"Level {n}"].name, _outline_level(document, found[f"Level {n}"])) for n in range(1, 7)] == [
            (f"Heading {n}", n - 1) for n in range(1, 7)]


def test_a_templates_own_styles_are_kept(tmp_path: Path) -> None:
    document = docx.Document(str(default_template()))
    document.styles["Hyperlink"].font.color.rgb = RGBColor(0x1D, 0x70, 0xB8)
    document.styles["Heading 4"].font.size = Pt(11)
    template = tmp_path / "own.docx"
    document.save(str(template))
    rendered = docx.Document(io.BytesIO(docx_bytes(linked_report(), template)))
    assert rendered.styles["Hyperlink"].font.color.rgb == RGBColor(0x1D, 0x70, 0xB8)
    assert rendered.styles["Heading 4"].font.size.pt == 11
    assert [s.name for s in rendered.styles].count("Hyperlink") == 1


@pytest.mark.parametrize("template", ["shipped", "bare"])
def test_the_file_is_valid_ooxml(linked, template, tmp_path: Path) -> None:
    path = tmp_path / f"{template}.docx"
    path.write_bytes(linked[template])
    result = OpenXmlValidator().validate(str(path))
    assert (result.error_count, result.warning_count) == (0, 0), result.errors


def _outline(reader: PdfReader) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(item.title)))

    walk(reader.outline, 0)
    return found


@pytest.mark.parametrize("template", ["shipped", "bare"])
def test_libreoffice_converts_it_with_the_links_and_the_heading_levels(
        linked, template, to_pdf: Callable[[Path], Path], tmp_path: Path) -> None:
    source = tmp_path / f"linked-{template}.docx"
    source.write_bytes(linked[template])
    reader = PdfReader(to_pdf(source))
    uris = [annotation.get_object()["/A"]["/URI"] for page in reader.pages
            for annotation in page.get("/Annots", []) if annotation.get_object().get("/Subtype") == "/Link"]
    assert uris == [LINK, MAIL, LINK]
    outline = _outline(reader)
    depths = {title: depth for depth, title in outline}
    assert depths[LINKED_TITLE] == 1
    for text, level in QUESTIONS.items():
        assert depths[text] == level - 1, outline
