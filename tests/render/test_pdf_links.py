"""Links and deep headings in the PDF, read back from the file (pikepdf, pdfplumber).

A run with a link is a URI link annotation over its text and, in the structure tree, a Link
element holding that text and an object reference to the annotation (PDF/UA-1 §7.18.5); a
heading of level 4 to 6 is tagged H4 to H6 at the house style's size for its level.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import page
import pdfplumber
import pdfua
import pikepdf
import pytest
from tests.reliability.tagged import read_tagged
from tests.render.test_pdf_ua import marked_content

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import DocumentLayout, Heading, PageLayout, Span, TextBlock, layout_report
from committee_papers.render.pdf import render_pdf

SITE = "https://www.example.gov.uk/performance"
MAIL = "mailto:performance@example.gov.uk"
WORDS = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 3
LONG = "the council's performance pages, with every figure of this year and of the quarter before it"
ARABIC = "صفحة الأداء"


def _layout(report: cp.Report) -> DocumentLayout:
    return layout_report(report, assess_report(report))


def links_report(*paragraphs: cp.Paragraph) -> cp.Report:
    page = cp.ExceptionPage([cp.Indicator("Children in need", cp.Polarity.LOW)], title="Children in need",
                            commentary=list(paragraphs))
    return cp.Report("Appendix A", (cp.Section("People", (page,)),))


def pdf(report: cp.Report, **options: Any) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer, **options)
    return buffer.getvalue()


@cache
def sample() -> bytes:
    """Three links: one short, one that wraps onto a second line, an e-mail address; a
    right-to-left one; and text before, between and after them."""
    return pdf(links_report(
        cp.Paragraph((cp.Run("See "), cp.Run("our website", link=SITE), cp.Run(" for the figures."))),
        cp.Paragraph((cp.Run(WORDS), cp.Run(LONG, link="https://example.org/perf?q=1&p=2"), cp.Run(" or "),
                      cp.Run("e-mail the team", link="mailto:performance@example.gov.uk"), cp.Run("."))),
        cp.Paragraph((cp.Run("Arabic: "), cp.Run(ARABIC, link="https://example.org/ar/صفحة"), cp.Run(" (ar)"))),
    ))


def annotations(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    """Return each link annotation's page and entries, read back as plain values."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as document:
        for number, each in enumerate(document.pages):
            for annotation in each.obj.get("/Annots", []):
                found.append((number, {
                    "Subtype": str(annotation.Subtype), "S": str(annotation.A.S), "URI": str(annotation.A.URI),
                    "Contents": str(annotation.Contents), "F": int(annotation.F),
                    "Border": [int(v) for v in annotation.Border], "Rect": [float(v) for v in annotation.Rect],
                    "StructParent": annotation.get("/StructParent")}))
    return found


def kids(element: pikepdf.Object) -> list[Any]:
    found = element.get("/K")
    return [] if found is None else list(found) if isinstance(found, pikepdf.Array) else [found]


def elements(root: pikepdf.Object) -> Iterator[pikepdf.Object]:
    for kid in kids(root):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
            yield kid
            yield from elements(kid)


def text_under(data: bytes, number: int, rect: list[float]) -> str:
    """Return the characters drawn inside ``rect`` (PDF coordinates) on page ``number``."""
    x0, y0, x1, y1 = rect
    with pdfplumber.open(io.BytesIO(data)) as document:
        each = document.pages[number]
        height = each.height
        return "".join(c["text"] for c in each.chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                       and y0 <= height - (c["top"] + c["bottom"]) / 2 <= y1)


# ---------------------------------------------------------------- the annotations


def test_each_link_is_a_uri_annotation_over_its_text() -> None:
    data = sample()
    found = [(n, a) for n, a in annotations(data) if not a["URI"].startswith("https://example.org/ar/")]
    assert [a["URI"] for _, a in found] == [SITE, "https://example.org/perf?q=1&p=2",
                                           "https://example.org/perf?q=1&p=2", MAIL, MAIL]
    for _, annotation in found:
        assert annotation["Subtype"] == "/Link" and annotation["S"] == "/URI"
        assert annotation["F"] & 4, "printed (PDF/A)"
        assert annotation["Border"] == [0, 0, 0]
    shown = [text_under(data, n, a["Rect"]) for n, a in found]
    assert shown[0] == "our website"
    assert shown[1] + " " + shown[2] == LONG, "a wrapped link has an annotation on each line, over its words only"
    # "e-mail" breaks after its hyphen at the line's end, as Word breaks it: an annotation a line
    assert shown[3] + shown[4] == "e-mail the team"


def test_each_annotation_says_what_the_link_is_and_where_it_goes() -> None:
    contents = {a["URI"]: a["Contents"] for _, a in annotations(sample())}
    assert contents[SITE] == f"our website (link to {SITE})"
    assert contents["mailto:performance@example.gov.uk"] == "e-mail the team (link to performance@example.gov.uk)"
    assert LONG in contents["https://example.org/perf?q=1&p=2"]


def test_an_address_beyond_ascii_is_written_as_utf8_escapes() -> None:
    """A PDF's /URI is 7-bit ASCII (ISO 32000-1 §12.6.4.7)."""
    uris = [a["URI"] for _, a in annotations(sample())]
    assert "https://example.org/ar/%D8%B5%D9%81%D8%AD%D8%A9" in uris
    assert all(uri.isascii() for uri in uris)


# ---------------------------------------------------------------- the structure tree


def test_each_link_is_a_link_element_with_its_text_and_its_annotations() -> None:
    data = sample()
    with pikepdf.open(io.BytesIO(data)) as document:
        root = document.Root.StructTreeRoot
        parents = dict(zip(root.ParentTree.Nums[::2], root.ParentTree.Nums[1::2], strict=True))
        links = [e for e in elements(root) if e.S == "/Link"]
        assert len(links) == 4
        for link in links:
            assert link.P.S == "/P", "a link sits in its paragraph"
            references = [k for k in kids(link) if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
            assert references, "each Link element refers to its annotations"
            for reference in references:
                annotation = reference.Obj
                assert annotation.Subtype == "/Link"
                assert parents[int(annotation.StructParent)].objgen == link.objgen  # the ParentTree leads back
        assert int(root.ParentTreeNextKey) == max(int(k) for k in root.ParentTree.Nums[::2]) + 1
        wrapped = next(e for e in links if len([k for k in kids(e) if isinstance(k, pikepdf.Dictionary)]) == 2)
        assert {str(k.Obj.A.URI) for k in kids(wrapped) if isinstance(k, pikepdf.Dictionary)} == {
            "https://example.org/perf?q=1&p=2"}, "one Link element for both lines of a wrapped link"
    texts = [(tag, text) for tag, text, _ in read_tagged(data).elements if tag in ("P", "Link")]
    assert texts[:2] == [("P", "See our website for the figures."), ("Link", "our website")]
    assert texts[2][1] == f"{WORDS}{LONG} or e-mail the team."
    assert texts[3:5] == [("Link", LONG), ("Link", "e-mail the team")]
    assert texts[5] == ("P", f"Arabic: {ARABIC} (ar)")  # a right-to-left line's text stays its paragraph's


def test_link_text_is_its_own_marked_content_never_nested_in_another() -> None:
    with pikepdf.open(io.BytesIO(sample())) as document:
        owners = [[s for s in stack if s.startswith("mcid") or s == "artifact"]
                  for _, op, stack in marked_content(document) if op in ("Tj", "TJ")]
    assert all(len(found) == 1 for found in owners), "text in two MCIDs at once, or in none"
    assert any(found[0].endswith("/Link") for found in owners)


def test_a_link_over_a_page_break_is_one_element_with_an_annotation_on_each_page() -> None:
    words = " ".join(f"word{n}" for n in range(1200))
    data = pdf(links_report(cp.Paragraph((cp.Run("Start. "), cp.Run(words, link=SITE), cp.Run(" End.")))))
    pages = {n for n, _ in annotations(data)}
    assert len(pages) >= 2
    with pikepdf.open(io.BytesIO(data)) as document:
        links = [e for e in elements(document.Root.StructTreeRoot) if e.S == "/Link"]
        assert len(links) == 1
        pieces = kids(links[0])
        assert any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR" for k in pieces)
        assert len([k for k in pieces if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]) \
            == len(list(annotations(data)))
    assert [t for tag, t, _ in read_tagged(data).elements if tag == "Link"] == [words]


def test_the_untagged_pdf_has_the_links_without_structure() -> None:
    report = links_report(cp.Paragraph((cp.Run("See "), cp.Run("our website", link=SITE))))
    buffer = io.BytesIO()
    render_pdf(_layout(report), buffer, tagged=False)
    found = list(annotations(buffer.getvalue()))
    assert [a["URI"] for _, a in found] == [SITE]
    assert found[0][1]["StructParent"] is None
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as document:
        assert "/StructTreeRoot" not in document.Root


@pytest.mark.parametrize("variant", [None, "pdf/a-2b"])
def test_a_pdf_with_links_passes_the_validators(variant: str | None, tmp_path: Path) -> None:
    path = tmp_path / "links.pdf"
    report = links_report(
        cp.Paragraph((cp.Run("See "), cp.Run("our website", link=SITE), cp.Run(" for the figures."))),
        cp.Paragraph((cp.Run(WORDS), cp.Run(LONG, link="https://example.org/perf"), cp.Run("."))),
        cp.Paragraph((cp.Run("Arabic: "), cp.Run(ARABIC, link="https://example.org/ar"))),
    )
    path.write_bytes(pdf(report, variant=variant))
    result = page.validate_pdf(str(path), profile="ua1")
    assert result.is_compliant and not result.failures, result.failures
    findings = pdfua.validate(str(path))
    assert not findings.findings, [f"{f.rule_id}: {f.message}" for f in findings.findings]
    if variant is not None:
        archive = page.validate_pdf(str(path), profile="2b")
        assert archive.is_compliant and not archive.failures, archive.failures


# ---------------------------------------------------------------- headings 4 to 6


def headings_layout() -> DocumentLayout:
    blocks = [block for level in range(1, 7)
              for block in (Heading(level, f"Heading level {level}"), TextBlock((Span(f"Text under {level}."),)))]
    return DocumentLayout("Headings", "", "", (), "en-GB", "Appendix", (PageLayout(tuple(blocks), "Headings", "P"),))


def heading_sizes(data: bytes) -> dict[str, float]:
    """Return the font size each heading's text is drawn at, by its text."""
    with pdfplumber.open(io.BytesIO(data)) as document:
        lines = document.pages[0].extract_text_lines()
    return {line["text"]: round(line["chars"][0]["size"], 2) for line in lines if line["text"].startswith("Heading")}


@pytest.mark.parametrize("sizes", [(20, 18, 16, 14, 13, 11), (14, 12, 12)])
def test_headings_4_to_6_are_tagged_h4_to_h6_at_the_house_styles_sizes(sizes: tuple[float, ...]) -> None:
    """Six sizes give each level its own; a template's three leave levels 4 to 6 at the third,
    as Word draws them today."""
    style = cp.HouseStyle(heading_sizes=sizes)
    buffer = io.BytesIO()
    render_pdf(headings_layout(), buffer, style=style)
    data = buffer.getvalue()
    tags = [(tag, text) for tag, text, _ in read_tagged(data).elements if tag.startswith("H")]
    assert tags == [(f"H{level}", f"Heading level {level}") for level in range(1, 7)]
    drawn = heading_sizes(data)
    assert drawn == {f"Heading level {level}": float(sizes[min(level, len(sizes)) - 1]) for level in range(1, 7)}


def test_the_default_style_has_a_size_for_each_heading_level() -> None:
    assert len(cp.DEFAULT_STYLE.heading_sizes) == 6
    assert list(cp.DEFAULT_STYLE.heading_sizes) == sorted(cp.DEFAULT_STYLE.heading_sizes, reverse=True)


def test_a_pages_sub_headings_are_h4_and_h5_under_the_commentary_heading() -> None:
    report = links_report(cp.Paragraph.plain("Opening."))
    page_ = report.sections[0].pages[0]
    commentary = (cp.SubHeading("What is being done?"), cp.Paragraph.plain("Work."),
                  cp.SubHeading("Update – March", level=2), cp.Paragraph.plain("More work."))
    report = cp.Report("Appendix A", (cp.Section("People", (cp.ExceptionPage(
        page_.indicators, title="Children in need", commentary=commentary),)),))
    tags = [(tag, text) for tag, text, _ in read_tagged(pdf(report)).elements if tag.startswith("H")]
    assert tags == [("H1", "People"), ("H2", "Children in need"), ("H3", "Commentary:"),
                    ("H4", "What is being done?"), ("H5", "Update – March")]
