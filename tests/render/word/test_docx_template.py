"""The house-style template: what it carries, restyling it, and clear errors for bad ones."""

from __future__ import annotations

import importlib.util
import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor

import committee_papers as cp
from committee_papers.errors import CommitteePapersError
from committee_papers.render.docx import TemplateError, default_template

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = ROOT / "templates" / "house-style.docx"
SAMPLE = ROOT / "samples" / "blackpool-q2-2015-16.yaml"


def render_to_bytes(report: Any, template: Path | None = None) -> bytes:
    buffer = io.BytesIO()
    cp.render_docx(report, buffer, template=template)
    return buffer.getvalue()


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def report() -> cp.Report:
    return cp.load(SAMPLE)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A council's copy of the house-style template, to edit."""
    target = tmp_path / "council.docx"
    shutil.copyfile(TEMPLATE, target)
    return target


def edit(path: Path, change: Any) -> None:
    """Open a template with python-docx, change it, and save it in place."""
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))


def header_fill(table_style: Any) -> Any:
    for conditional in table_style.element.findall(qn("w:tblStylePr")):
        if conditional.get(qn("w:type")) == "firstRow":
            return conditional.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    raise AssertionError("the table style has no header row formatting")


def test_the_committed_template_is_what_the_script_builds():
    spec = importlib.util.spec_from_file_location("build_template",
                                                  ROOT / "scripts" / "build_template.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == TEMPLATE.read_bytes(), "run scripts/build_template.py"
    assert module.build() == module.build()  # reproducible


def test_the_default_template_is_found():
    assert default_template().resolve() == TEMPLATE.resolve()


def test_the_template_carries_the_house_style():
    document = docx.Document(str(TEMPLATE))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.left_margin, section.right_margin, section.top_margin,
               section.bottom_margin)
    assert {round(m.mm) for m in margins} == {20}
    normal = document.styles["Normal"]
    assert normal.font.name == "Arial" and normal.font.size.pt == 12
    for name, size in zip(("Heading 1", "Heading 2", "Heading 3"), (14, 12, 12), strict=True):
        heading = document.styles[name]
        assert heading.type == WD_STYLE_TYPE.PARAGRAPH
        assert heading.font.size.pt == size and heading.font.bold
        assert heading.paragraph_format.keep_with_next
    assert document.styles["Table Text"].font.size.pt == 10
    colours = {"DoT Better": "00703C", "DoT Worse": "B10E1E", "DoT Neutral": "505A5F"}
    for name, colour in colours.items():
        mark = document.styles[name]
        assert mark.type == WD_STYLE_TYPE.CHARACTER
        assert str(mark.font.color.rgb) == colour and mark.font.name == "DejaVu Sans"
    table = document.styles["Exception Table"]
    assert header_fill(table).get(qn("w:fill")) == "D9E2F3"
    assert [p.text for p in section.header.paragraphs] == ["{{ appendix }}"]
    footer = section.footer._element
    assert [i.text.strip() for i in footer.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]
    assert "".join(t.text for t in footer.iter(qn("w:t"))) == "Page 1 of 1"
    with zipfile.ZipFile(TEMPLATE) as package:
        everything = "".join(package.read(n).decode("utf-8", "replace")
                             for n in package.namelist())
    assert "Wingdings" not in everything and "w:sym" not in everything
    assert 'w:lang w:val="en-GB"' in everything


def test_a_restyled_template_restyles_the_output_without_code_changes(copy, report):
    def restyle(document: Any) -> None:
        document.styles["Normal"].font.name = "Verdana"
        document.styles["DoT Worse"].font.color.rgb = RGBColor.from_string("8B0000")
        header_fill(document.styles["Exception Table"]).set(qn("w:fill"), "FFE699")
        for side in ("left_margin", "right_margin"):
            setattr(document.sections[0], side, Mm(25))

    edit(copy, restyle)
    output = open_docx(render_to_bytes(report, copy))
    assert output.styles["Normal"].font.name == "Verdana"
    assert str(output.styles["DoT Worse"].font.color.rgb) == "8B0000"
    worse = [run for table in output.tables for row in table.rows for cell in row.cells
             for run in cell.paragraphs[0].runs if "✗" in run.text]
    assert worse
    for run in worse:
        assert run.style.name == "DoT Worse"
        assert run.font.color.rgb is None and run.font.name is None  # the style decides
    fills = {shd.get(qn("w:fill")) for shd in output.element.body.iter(qn("w:shd"))}
    assert fills == {"FFE699"}
    text_width = 160 / 25.4 * 1440  # A4 less two 25 mm margins, in twips
    for table in output.tables:
        width = sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.gridCol_lst)
        assert abs(width - text_width) <= 2  # Word stores the margins in whole twips
    assert output.element.body.find(f".//{qn('w:rFonts')}") is None


def test_the_template_body_is_replaced_and_extra_header_fields_are_filled_in(copy, report):
    def add(document: Any) -> None:
        document.add_paragraph("Instructions for officers: delete me")
        header = document.sections[0].header.paragraphs[0]
        header.add_run(" | {{ title }}")

    edit(copy, add)
    output = open_docx(render_to_bytes(report, copy))
    assert "delete me" not in output.element.body.xml
    assert output.sections[0].header.paragraphs[0].text == (
        f"{report.appendix} | {report.document_title}")


@pytest.mark.parametrize(("name", "kind"), [
    ("Heading 2", "paragraph"), ("Table Text", "paragraph"), ("List Number", "paragraph"),
    ("DoT Worse", "character"), ("Exception Table", "table"),
])
def test_a_template_without_a_needed_style_is_refused_by_name(copy, report, name, kind):
    edit(copy, lambda document: document.styles[name].delete())
    with pytest.raises(TemplateError) as caught:
        render_to_bytes(report, copy)
    message = str(caught.value)
    assert f"has no {kind} style '{name}'" in message
    assert str(copy) in message and "Home > Styles" in message
    assert "templates/house-style.docx" in message


def test_a_template_without_the_header_placeholder_is_refused(copy, report):
    def drop(document: Any) -> None:
        document.sections[0].header.paragraphs[0].runs[0].text = "Appendix"

    edit(copy, drop)
    with pytest.raises(TemplateError, match=r"no running-header placeholder \{\{ appendix \}\}"):
        render_to_bytes(report, copy)


@pytest.mark.parametrize(("text", "complaint"), [
    ("{{ appendix }} {{ committee_name }}", r"the expression '\{\{ committee_name \}\}' \(line \d+\) in word/header"),
    ("{{ appendix ", r"an unfinished placeholder '\{\{ appendix "),
])
def test_a_template_with_unknown_or_broken_placeholders_is_refused(copy, report, text, complaint):
    def change(document: Any) -> None:
        document.sections[0].header.paragraphs[0].runs[0].text = text

    edit(copy, change)
    with pytest.raises(TemplateError, match=complaint):
        render_to_bytes(report, copy)


def test_a_missing_or_non_word_template_is_refused(tmp_path, report):
    with pytest.raises(TemplateError, match="does not exist"):
        render_to_bytes(report, tmp_path / "missing.docx")
    text = tmp_path / "notes.docx"
    text.write_text("not a Word file")
    with pytest.raises(TemplateError, match=r"is not a Word \.docx file"):
        render_to_bytes(report, text)
    other_zip = tmp_path / "archive.docx"
    with zipfile.ZipFile(other_zip, "w") as package:
        package.writestr("readme.txt", "hello")
    with pytest.raises(TemplateError, match=r"is not a Word \.docx file"):
        render_to_bytes(report, other_zip)
    assert issubclass(TemplateError, CommitteePapersError)


def test_the_command_line_reports_a_bad_template_and_writes_nothing(tmp_path, copy, capsys):
    from committee_papers.cli import main

    edit(copy, lambda document: document.styles["DoT Better"].delete())
    out = tmp_path / "out"
    code = main(["render", str(SAMPLE), "-o", str(out), "--format", "docx",
                 "--template", str(copy)])
    assert code == 1
    assert "has no character style 'DoT Better'" in capsys.readouterr().err
    assert not list(out.glob("*.docx"))


def test_words_beside_the_marks_take_the_template_colours(copy, report):
    def restyle(document: Any) -> None:
        document.styles["DoT Worse"].font.color.rgb = RGBColor.from_string("8B0000")

    edit(copy, restyle)
    style = cp.HouseStyle(marks=cp.MarkStyle(show_words=True))
    buffer = io.BytesIO()
    cp.render_docx(report, buffer, template=copy, style=style)
    output = open_docx(buffer.getvalue())
    words = [run for table in output.tables for row in table.rows for cell in row.cells
             for run in cell.paragraphs[0].runs if run.text == " Worse"]
    assert words
    assert {str(run.font.color.rgb) for run in words} == {"8B0000"}
    assert all(run.style.name == "Default Paragraph Font" for run in words)


def test_placeholder_values_are_written_exactly_and_filters_are_refused(copy):
    report = cp.load({"appendix": "App B – Q2 <b> & {_{ x }_} {{ 7*7 }}", "sections": [{
        "portfolio": "P", "pages": [{"indicators": [{"description": "d", "polarity": "high"}]}]}]})
    output = open_docx(render_to_bytes(report, copy))
    assert output.sections[0].header.paragraphs[0].text == "App B – Q2 <b> & {_{ x }_} {{ 7*7 }}"

    def change(document: Any) -> None:
        document.sections[0].header.paragraphs[0].runs[0].text = "{{ appendix|upper }}"

    edit(copy, change)
    with pytest.raises(TemplateError, match=r"the expression '\{\{ appendix\|upper \}\}'"):
        render_to_bytes(report, copy)


def test_a_template_whose_number_style_lost_its_numbering_is_refused_not_unnumbered(tmp_path: Path) -> None:
    document = docx.Document(str(default_template()))
    style = document.styles["List Number"]
    properties = style.element.pPr
    assert properties is not None and properties.numPr is not None  # the house template numbers it
    properties.remove(properties.numPr)
    template = tmp_path / "no-numbers.docx"
    document.save(str(template))
    report = cp.load({"appendix": "A", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": "d", "polarity": "high"}],
        "commentary": [{"numbered": ["first step", "second step"]}]}]}]})
    with pytest.raises(TemplateError, match="'List Number' style has no numbering"):
        cp.render_docx(report, tmp_path / "out.docx", template=template)
    assert not (tmp_path / "out.docx").exists()
    bulleted = cp.load({"appendix": "A", "sections": [{"portfolio": "P", "pages": [{
        "indicators": [{"description": "d", "polarity": "high"}],
        "commentary": [{"bullets": ["a point"]}]}]}]})
    cp.render_docx(bulleted, tmp_path / "bullets.docx", template=template)  # bullets need no numbers
