"""The Word document around the pages: metadata, header and footer, hostile text, lists, files."""

from __future__ import annotations

import itertools

import pytest
from docx.oxml.ns import qn

import committee_papers as cp

from .test_docx import Q2, Q3, SAMPLE_PAGES, SAMPLES, layout_of, open_docx, paragraphs_everywhere, render_to_bytes


@pytest.mark.parametrize("name", SAMPLE_PAGES)
def test_metadata_language_header_and_footer(samples, name):
    document = open_docx(samples[name])
    layout = layout_of(name)
    properties = document.core_properties
    assert properties.title == layout.title
    assert properties.subject == layout.subject
    assert properties.author == layout.author == "Blackpool Council"
    assert properties.keywords == ", ".join(layout.keywords)
    assert properties.language == "en-GB"
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    assert defaults.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == [layout.running_header]
    footer_xml = section.footer._element.xml
    instructions = [i.text.strip() for i in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Page " in footer_xml and " of " in footer_xml
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert {round(m.mm) for m in (section.left_margin, section.right_margin,
                                  section.top_margin, section.bottom_margin)} == {20}


def test_hostile_text_appears_exactly_as_typed(hostile_docx, hostile_expected):
    document = open_docx(hostile_docx)
    texts = [p.text for p in paragraphs_everywhere(document)]
    elsewhere = {"appendix", "title", "organisation", "supplementary description"}
    for field, text in hostile_expected.items():
        if field not in elsewhere:
            assert any(text in paragraph for paragraph in texts), field
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == [hostile_expected["appendix"]]
    assert document.core_properties.title == hostile_expected["title"]
    assert document.core_properties.author == hostile_expected["organisation"]
    assert hostile_expected["portfolio"] in document.core_properties.keywords
    descriptions = [t._tbl.tblPr.find(qn("w:tblDescription")).get(qn("w:val"))
                    for t in document.tables]
    assert hostile_expected["supplementary description"] in descriptions
    xml = document.element.xml
    assert "<w:br/>" in xml and "<w:tab/>" in xml  # vertical tab and tab, as Word breaks
    assert "49" not in "".join(texts)  # {{ 7*7 }} was never evaluated


def test_numbered_lists_restart_and_bullets_use_the_list_styles():
    report = cp.load({"appendix": "A", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": "d", "polarity": "high"}],
        "commentary": [{"numbered": ["one", "two"]}, "between", {"numbered": ["again"]},
                       {"bullets": ["dot"]}]}]}]})
    document = open_docx(render_to_bytes(report))
    listed = {p.text: p for p in document.paragraphs if p.style.name.startswith("List")}
    assert {t: p.style.name for t, p in listed.items()} == {
        "one": "List Number", "two": "List Number", "again": "List Number", "dot": "List Bullet"}

    def num_id(text: str) -> str:
        return listed[text]._p.pPr.numPr.numId.val

    assert num_id("one") == num_id("two") != num_id("again")
    numbering = document.part.numbering_part.element
    for text in ("one", "again"):
        num = numbering.num_having_numId(num_id(text))
        assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"


def test_writes_to_a_path_and_to_a_stream(tmp_path, samples):
    report = cp.load(SAMPLES / f"{Q3}.yaml")
    target = tmp_path / "appendix.docx"
    cp.render_docx(report, target)
    written = [p.text for p in paragraphs_everywhere(open_docx(target.read_bytes()))]
    assert written == [p.text for p in paragraphs_everywhere(open_docx(samples[Q3]))]
    assert [p.name for p in tmp_path.iterdir()] == ["appendix.docx"]  # no temporary left behind


def test_the_command_line_writes_word_files(tmp_path):
    from committee_papers.cli import main

    assert main(["render", str(SAMPLES / f"{Q2}.yaml"), "-o", str(tmp_path), "--format",
                 "docx"]) == 0
    document = open_docx((tmp_path / f"{Q2}.docx").read_bytes())
    assert len([p for p in paragraphs_everywhere(document) if p.paragraph_format.page_break_before]) == 5


def test_a_document_ending_in_a_table_ends_with_one_paragraph_and_pages_stay_apart():
    page = {"indicators": [{"description": "d", "polarity": "high"}],
            "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1"]},
            "rows": [{"values": {"2014/15": 1, "Q1": 2}}]}
    report = cp.load({"appendix": "A", "sections": [{"portfolio": "P", "pages": [page, page]}]})
    document = open_docx(render_to_bytes(report))
    blocks = [child.tag.split("}")[1] for child in document.element.body]
    assert blocks[-2:] == ["p", "sectPr"]  # Word needs a paragraph after a final table
    # tables directly after each other are kept apart by a paragraph, or Word joins them
    assert "tbl" not in {a for a, b in itertools.pairwise(blocks) if a == b == "tbl"}
    assert len(document.tables) == 4
    starts = [p for p in paragraphs_everywhere(document) if p.paragraph_format.page_break_before]
    assert [p.text for p in starts] == ["Indicator Description"]  # the second page's indicator table
