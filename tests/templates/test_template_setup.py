"""What the library reads from a template (page, sizes, spacing, header room), and what it refuses.

Expected values come from the edited template's own XML (read back here with python-docx or
lxml) or from a hand calculation, never from the code under test.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

import committee_papers as cp
from committee_papers.cli import main
from committee_papers.render.docx import TemplateError

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "templates" / "house-style.docx"
SAMPLE = ROOT / "samples" / "blackpool-q3-2016-17.yaml"
MM = 72 / 25.4


def make(tmp_path: Path, change: Callable[[Any], None], name: str = "council.docx") -> Path:
    """Return a copy of the shipped template changed by ``change`` (python-docx, as Word would)."""
    path = tmp_path / name
    shutil.copyfile(TEMPLATE, path)
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))
    return path


def _xml_page(source: Path | bytes) -> dict[str, float]:
    """Return the last section's page size and margins in points, from a .docx's own XML."""
    document = docx.Document(str(source) if isinstance(source, Path) else io.BytesIO(source))
    section = document.sections[-1]._sectPr
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
    values = {name: int(size.get(qn(f"w:{name}"))) / 20 for name in ("w", "h")}
    values |= {name: int(margins.get(qn(f"w:{name}"), "0")) / 20
               for name in ("top", "bottom", "left", "right", "header", "footer", "gutter")}
    return values


def _custom_page(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(12240), Twips(20160)  # US Legal
    section.left_margin, section.right_margin = Mm(31), Mm(19)
    section.top_margin, section.bottom_margin = Mm(27), Mm(23)
    section.header_distance, section.footer_distance = Mm(11), Mm(9)


def test_the_page_is_the_templates_own(tmp_path: Path) -> None:
    template = make(tmp_path, _custom_page)
    expected = _xml_page(template)
    page = cp.template_style(template).style.page_setup
    assert (page.width, page.height) == (expected["w"], expected["h"])
    assert (page.top, page.bottom, page.left, page.right) == (
        expected["top"], expected["bottom"], expected["left"], expected["right"])
    assert (page.header, page.footer) == (expected["header"], expected["footer"])


def test_the_pdf_and_the_word_file_use_that_page(tmp_path: Path) -> None:
    template = make(tmp_path, _custom_page)
    expected = _xml_page(template)
    report = cp.load(SAMPLE)
    pdf, word = io.BytesIO(), io.BytesIO()
    cp.render_pdf(report, pdf, template=template)
    cp.render_docx(report, word, template=template)
    assert _xml_page(word.getvalue()) == expected  # the Word file keeps the template's page
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            assert (round(page.width, 1), round(page.height, 1)) == (expected["w"], expected["h"])
            # Ink only: the space at a line's end is drawn (so the words either side of a wrap stay
            # apart in the text) and hangs past the margin, as in Word.
            body = [c for c in page.chars if expected["top"] < c["top"] < page.height - expected["bottom"]
                    and c["text"].strip()]
            assert min(c["x0"] for c in body) >= expected["left"] - 0.5
            assert max(c["x1"] for c in body) <= page.width - expected["right"] + 0.5


def test_without_a_template_both_files_use_the_house_styles_page() -> None:
    style = cp.HouseStyle(margin_mm=25)
    report = cp.load(SAMPLE)
    word = io.BytesIO()
    cp.render_docx(report, word, style=style)
    page = _xml_page(word.getvalue())
    assert (page["left"], page["top"]) == (round(25 * MM * 20) / 20, round(25 * MM * 20) / 20)
    pdf = io.BytesIO()
    cp.render_pdf(report, pdf, style)
    with pdfplumber.open(pdf) as document:
        assert min(c["x0"] for c in document.pages[0].chars) >= 25 * MM - 0.5


def test_a_gutter_is_part_of_the_left_margin(tmp_path: Path) -> None:
    def gutter(document: Any) -> None:
        document.sections[0].gutter = Mm(10)

    template = make(tmp_path, gutter)
    expected = _xml_page(template)
    page = cp.template_style(template).style.page_setup
    assert expected["gutter"] > 0
    assert page.left == expected["left"] + expected["gutter"]
    assert page.right == expected["right"]


def test_sizes_and_spacing_come_from_the_templates_styles(tmp_path: Path) -> None:
    def restyle(document: Any) -> None:
        normal = document.styles["Normal"]
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(10)
        document.styles["Heading 2"].paragraph_format.space_before = Pt(6)
        document.styles["Table Text"].font.size = Pt(9)

    template = make(tmp_path, restyle)
    style = cp.template_style(template).style
    assert style.body_size == 11 and style.table_size == 9
    assert style.spacing.body_after == 10 and style.spacing.heading_before[1] == 6
    # a style based on Normal that sets no size of its own inherits Normal's
    assert style.small_size == 9 and style.heading_sizes == (14, 12, 12)


def test_a_logo_in_the_header_takes_its_height_and_its_paragraphs_spacing(tmp_path: Path) -> None:
    def logo(document: Any) -> None:
        from PIL import Image

        image = io.BytesIO()
        Image.new("RGB", (200, 100), "white").save(image, "PNG")
        paragraph = document.sections[0].header.paragraphs[0].insert_paragraph_before()
        paragraph.add_run().add_picture(image, height=Mm(25))

    page = cp.template_style(make(tmp_path, logo)).style.page_setup
    # the logo's paragraph is a Normal one: 25 mm of picture, and Normal's 8 pt after
    assert page.header_above == pytest.approx(25 * MM + 8, abs=0.01)
    assert page.header_below == 0


def _columns(document: Any) -> None:
    cols = document.sections[0]._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        document.sections[0]._sectPr.append(cols)
    cols.set(qn("w:num"), "2")


def _tiny(document: Any) -> None:
    section = document.sections[0]
    section.left_margin = section.right_margin = Mm(90)


def _huge_font(document: Any) -> None:
    document.styles["Normal"].font.size = Pt(200)


@pytest.mark.parametrize(("change", "complaint"), [
    (_columns, "its page is set in 2 columns"),
    (_tiny, "the margins leave 30 mm of the page's width for text"),
    (_huge_font, "sets the style 'Normal' in 200 pt"),
])
def test_a_page_no_layout_can_follow_is_refused_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           change: Any, complaint: str) -> None:
    template = make(tmp_path, change)
    with pytest.raises(TemplateError, match=complaint):
        cp.template_style(template)
    out = tmp_path / "out"
    assert main(["render", str(SAMPLE), "-o", str(out), "--template", str(template)]) == 1
    err = capsys.readouterr().err
    assert complaint in err and str(template) in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def _first_page_logo(document: Any) -> None:
    from PIL import Image

    section = document.sections[0]
    section.different_first_page_header_footer = True
    image = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(image, "PNG")
    section.first_page_header.paragraphs[0].add_run().add_picture(image, height=Mm(30))


def _grid(document: Any) -> None:
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")


def _other_font(document: Any) -> None:
    document.styles["Normal"].font.name = "Verdana"


@pytest.mark.parametrize(("change", "warning"), [
    (_first_page_logo, "its first-page header is a different height"),
    (_grid, "its text snaps to a line grid"),
    (_other_font, "use the font 'Verdana', but the PDF is set in the house style's font ('Arial')"),
])
def test_what_the_pdf_cannot_follow_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                change: Any, warning: str) -> None:
    template = make(tmp_path, change)
    assert any(warning in w for w in cp.template_style(template).warnings)
    out = tmp_path / "out"
    assert main(["render", str(SAMPLE), "-o", str(out), "--template", str(template)]) == 0
    err = capsys.readouterr().err
    assert f"warning: the template {template}: " in err and warning in err


def test_a_font_with_the_same_widths_is_no_warning(tmp_path: Path) -> None:
    def liberation(document: Any) -> None:
        document.styles["Normal"].font.name = "Liberation Sans"

    assert cp.template_style(make(tmp_path, liberation)).warnings == ()


def test_the_text_takes_the_reports_language_whatever_the_template_styles_say(tmp_path: Path) -> None:
    def english_styles(document: Any) -> None:
        for name in ("Normal", "Heading 1", "Table Text"):
            rpr = document.styles[name].element.get_or_add_rPr()
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), "en-US")
            lang.set(qn("w:bidi"), "ar-SA")
            rpr.append(lang)

    template = make(tmp_path, english_styles)
    report = cp.load({**_minimal(), "language": "cy-GB"})
    word = io.BytesIO()
    cp.render_docx(report, word, template=template)
    document = docx.Document(io.BytesIO(word.getvalue()))
    langs = [lang for lang in document.styles.element.iter(qn("w:lang"))]
    assert langs and {lang.get(qn("w:val")) for lang in langs} == {"cy-GB"}
    assert "ar-SA" in {lang.get(qn("w:bidi")) for lang in langs}  # other scripts' languages kept


def _minimal() -> dict[str, Any]:
    return {"appendix": "App B", "sections": [{"portfolio": "P", "pages": [
        {"indicators": [{"description": "d", "polarity": "high"}]}]}]}


def _picture(document: Any, where: str, *, content_type: str | None = None) -> None:
    """Add a picture to the header: in a paragraph of its own, or on the running header's line."""
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(image, "PNG")
    header = document.sections[0].header
    paragraph = header.paragraphs[0] if where == "same line" else header.paragraphs[0].insert_paragraph_before()
    run = paragraph.add_run()
    run.add_picture(image, height=Mm(10))
    if content_type is not None:
        blip = next(run._r.iter(qn("a:blip")))
        header.part.related_parts[blip.get(qn("r:embed"))]._content_type = content_type


@pytest.mark.parametrize(("change", "warning", "room"), [
    # a Normal paragraph of its own: the picture and Normal's 8 pt after
    (lambda d: _picture(d, "own", content_type="image/x-emf"), "a picture in the format image/x-emf",
     10 * MM + 8),
    # on the running header's line: as much as the picture is taller than the 9 pt Header line
    (lambda d: _picture(d, "same line"), "a picture on the same line as the running header",
     10 * MM - 1.15 * 9),
])
def test_a_picture_the_pdf_cannot_draw_is_a_warning_and_keeps_its_room(tmp_path: Path, change: Any,
                                                                      warning: str, room: float) -> None:
    setup = cp.template_style(make(tmp_path, change))
    assert any(warning in w and "shown in the Word file only" in w for w in setup.warnings)
    assert setup.style.page_setup.pictures == ()
    assert setup.style.page_setup.header_above == pytest.approx(room, abs=0.01)


def test_a_picture_in_its_own_paragraph_is_placed_for_the_pdf(tmp_path: Path) -> None:
    def centred(document: Any) -> None:
        _picture(document, "own")
        document.sections[0].header.paragraphs[0].alignment = 1  # centred, as Word's Ctrl+E

    setup = cp.template_style(make(tmp_path, centred))
    (picture,) = setup.style.page_setup.pictures
    page = setup.style.page_setup
    assert (picture.width, picture.height) == pytest.approx((20 * MM, 10 * MM), abs=0.01)
    assert picture.x == pytest.approx(page.left + (page.text_width - picture.width) / 2)
    assert picture.y == page.header and not picture.footer
