"""The house-style template as councils edit it: each edit, rendered and checked by LibreOffice.

For each template below (the shipped one; the same saved by LibreOffice; Letter portrait; A4
landscape; wider margins; another body font; a logo in the header and footer) the two
samples, a pack and a page of links under sub-headings (Heading 4 and 5) are rendered in both
formats. Every .docx is then opened by LibreOffice
(one call for all of them) and its pagination compared with the PDF's: the page count, the
page size, the page each exception starts on (from each PDF's bookmarks: LibreOffice makes
them from the Word file's headings), and every page number the scorecard prints. Each .docx
is also run through an OOXML validator (openxml-audit, a port of the Open XML SDK's checks).

The pack is the sample workbook with a longer commentary for its first exception, so that
page just fills an A4 page: on Letter, 25 mm shorter, it runs onto a second page. A test
below checks that with LibreOffice alone, so the Letter case really moves the later pages.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pandas as pd
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Twips
from openxml_audit import OpenXmlValidator
from pypdf import PdfReader
from tests.conftest import linked_report

import committee_papers as cp
from committee_papers.pack.render import render_pack
from committee_papers.style import bundled_font

from .libreoffice import LibreOffice

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "templates" / "house-style.docx"
SAMPLES = {"q2": ROOT / "samples" / "blackpool-q2-2015-16.yaml",
           "q3": ROOT / "samples" / "blackpool-q3-2016-17.yaml"}
WORKBOOK = ROOT / "samples" / "kpis.xlsx"
LONG_INDICATOR = "ASC04"  # the pack's first exception
SENTENCE = ("Officers reviewed every delayed discharge with the hospital trust and agreed a weekly "
            "escalation call, so that no person waits longer than needed for a package of care.")
SENTENCES = 8  # in paragraphs of three: with the page's trend chart, the page then just fills A4
DEJAVU = cp.FontFiles(bundled_font("DejaVuSans.ttf"), bundled_font("DejaVuSans-Bold.ttf"),
                      bundled_font("DejaVuSans.ttf"), bundled_font("DejaVuSans-Bold.ttf"))


def logo_png(width: int, height: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(image).rectangle((4, 4, width - 5, height - 5), outline="navy", width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _letter(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(12240), Twips(15840)


def _landscape(document: Any) -> None:
    section = document.sections[0]
    section.orientation = docx.enum.section.WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(16838), Twips(11906)


def _wide_margins(document: Any) -> None:
    section = document.sections[0]
    section.left_margin = section.right_margin = Mm(32)
    section.top_margin = section.bottom_margin = Mm(28)
    section.header_distance = section.footer_distance = Mm(14)


def _font(document: Any) -> None:
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), "DejaVu Sans")


def _as_word_writes_it(shape: Any) -> None:
    """Give a picture the wrapping distances Word writes (python-docx leaves them out, and
    LibreOffice then reads 0.125 inch to the left of it)."""
    for side in ("distT", "distB", "distL", "distR"):
        shape._inline.set(side, "0")


def _logos(document: Any) -> None:
    section = document.sections[0]
    run = section.header.paragraphs[0].insert_paragraph_before().add_run()
    _as_word_writes_it(run.add_picture(io.BytesIO(logo_png(400, 160)), height=Mm(18)))
    run = section.footer.add_paragraph().add_run()
    _as_word_writes_it(run.add_picture(io.BytesIO(logo_png(300, 90)), height=Mm(6)))
    # placeholders in the document properties are filled too (issue 22, reproduction 3)
    document.core_properties.identifier = "{{ appendix }}"
    document.core_properties.category = "{{ title }}"


EDITS = {"Letter portrait": _letter, "A4 landscape": _landscape, "wider margins": _wide_margins,
         "another body font": _font, "logo in header and footer": _logos}
TEMPLATES = ["shipped", "saved by LibreOffice", *EDITS]
STYLES = {"another body font": cp.HouseStyle(font_name="DejaVu Sans", text_fonts=DEJAVU)}
DOCUMENTS = [*SAMPLES, "pack", "links"]


def long_pack() -> cp.Pack:
    """Return the sample workbook's pack, with its first exception's commentary lengthened."""
    sheets = pd.read_excel(WORKBOOK, sheet_name=None)
    commentary = sheets["commentary"].copy()
    sentences = [SENTENCE] * SENTENCES
    text = "\n\n".join(" ".join(sentences[start:start + 3]) for start in range(0, SENTENCES, 3))
    commentary.loc[commentary["indicator_id"] == LONG_INDICATOR, "commentary"] = text
    data = cp.from_dataframes(sheets["indicators"], sheets["values"], commentary, sheets["settings"])
    return cp.build_pack(data)


@dataclass
class Rendered:
    """One document rendered with one template: its files, and what the layout promised."""

    docx: Path
    pdf: Path
    headings: list[str]  # the exception pages' headings, in order
    pages: dict[tuple[int, int], int] | None = None  # the pack's page numbers
    libreoffice: Path | None = None


def _outline(path: Path) -> list[tuple[int, str, int]]:
    """Return (depth, title, page) of each bookmark of a PDF, in order."""
    reader = PdfReader(path)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, " ".join(str(item.title).split()),
                              reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def heading_pages(path: Path, headings: list[str]) -> list[int]:
    """Return the page each heading starts on, from a PDF's bookmarks, matching them in order."""
    outline = _outline(path)
    pages, start = [], 0
    for heading in headings:
        wanted = " ".join(heading.split())
        for index in range(start, len(outline)):
            if outline[index][1] == wanted:
                pages.append(outline[index][2])
                start = index + 1
                break
        else:
            raise AssertionError(f"no bookmark {wanted!r} in {path.name}")
    return pages


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> LibreOffice:
    return LibreOffice(tmp_path_factory.mktemp("libreoffice"))


@pytest.fixture(scope="module")
def templates(office: LibreOffice, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each template of the matrix, made from the shipped one as a council would."""
    folder = tmp_path_factory.mktemp("templates")
    made = {"shipped": TEMPLATE}
    (saved,) = office.convert([TEMPLATE], "docx:MS Word 2007 XML", folder / "libreoffice")
    made["saved by LibreOffice"] = saved
    for name, edit in EDITS.items():
        document = docx.Document(str(TEMPLATE))
        edit(document)
        path = folder / f"{name.replace(' ', '-')}.docx"
        document.save(str(path))
        made[name] = path
    return made


def titled(report: cp.Report) -> cp.Report:
    """Return ``report`` with every page titled by its name, so each starts with a Word heading
    that LibreOffice exports as a bookmark (the seeds' pages have none of their own)."""
    return dataclasses.replace(report, sections=tuple(
        dataclasses.replace(section, pages=tuple(
            cp.ExceptionPage(page.indicators, title=page.heading, blocks=page.blocks)
            for page in section.pages))
        for section in report.sections))


@pytest.fixture(scope="module")
def matrix(templates: dict[str, Path], office: LibreOffice,
           tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Rendered]:
    """Every document rendered with every template, and every .docx converted by LibreOffice."""
    folder = tmp_path_factory.mktemp("matrix")
    pack = long_pack()
    reports = {name: titled(cp.load(path)) for name, path in SAMPLES.items()}
    reports["links"] = linked_report()
    results: dict[tuple[str, str], Rendered] = {}
    for template_name, template in templates.items():
        style = STYLES.get(template_name, cp.DEFAULT_STYLE)
        stem = template_name.replace(" ", "-")
        for name, report in reports.items():
            word, pdf = folder / f"{stem}-{name}.docx", folder / f"{stem}-{name}.pdf"
            cp.render_docx(report, word, template=template, style=style)
            cp.render_pdf(report, pdf, style, template=template)
            headings = [page.heading for section in report.sections for page in section.pages]
            results[(template_name, name)] = Rendered(word, pdf, headings)
        word, pdf = folder / f"{stem}-pack.docx", folder / f"{stem}-pack.pdf"
        pages = render_pack(pack, pdf=pdf, docx=word, template=template, style=style)
        headings = [page.heading for section in pack.report.sections for page in section.pages]
        results[(template_name, "pack")] = Rendered(word, pdf, headings, dict(pages))
    converted = office.convert([r.docx for r in results.values()], "pdf", folder / "libreoffice")
    for rendered, path in zip(results.values(), converted, strict=True):
        rendered.libreoffice = path
    return results


CASES = [(template, document) for template in TEMPLATES for document in DOCUMENTS]


def _page_size(template: Path) -> tuple[int, int]:
    """Return the template's page size in points, read from its own XML."""
    size = docx.Document(str(template)).sections[-1]._sectPr.find(qn("w:pgSz"))
    return round(int(size.get(qn("w:w"))) / 20), round(int(size.get(qn("w:h"))) / 20)


@pytest.mark.parametrize(("template", "document"), CASES)
def test_libreoffice_and_the_pdf_have_the_same_pages(matrix, templates, template, document) -> None:
    rendered = matrix[(template, document)]
    ours, theirs = PdfReader(rendered.pdf), PdfReader(rendered.libreoffice)
    assert len(theirs.pages) == len(ours.pages)
    size = _page_size(templates[template])
    for reader in (ours, theirs):
        for page in reader.pages:
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


@pytest.mark.parametrize(("template", "document"), CASES)
def test_each_exception_starts_on_the_same_page(matrix, template, document) -> None:
    rendered = matrix[(template, document)]
    theirs = heading_pages(rendered.libreoffice, rendered.headings)
    assert heading_pages(rendered.pdf, rendered.headings) == theirs


def _scorecard_numbers(path: Path) -> list[int]:
    """Return the page numbers printed in the scorecard's last column, in order."""
    table = docx.Document(str(path)).tables[0]
    return [int(row.cells[-1].text) for row in table.rows[1:] if row.cells[-1].text.isdigit()]


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_scorecard_numbers_are_the_pages_in_word_and_in_the_pdf(matrix, template) -> None:
    rendered = matrix[(template, "pack")]
    theirs = heading_pages(rendered.libreoffice, rendered.headings)
    assert _scorecard_numbers(rendered.docx) == theirs  # the Word file's numbers, LibreOffice's pages
    assert heading_pages(rendered.pdf, rendered.headings) == theirs
    assert rendered.pages is not None and sorted(rendered.pages.values()) == theirs


def test_the_long_exception_fills_a4_and_runs_over_on_letter(matrix) -> None:
    """LibreOffice alone: on A4 the first exception takes one page, on Letter two."""
    pages = {name: heading_pages(matrix[(name, "pack")].libreoffice, matrix[(name, "pack")].headings)
             for name in ("shipped", "Letter portrait")}
    assert pages["shipped"][1] - pages["shipped"][0] == 1
    assert pages["Letter portrait"][1] - pages["Letter portrait"][0] == 2


@pytest.mark.parametrize(("template", "document"), CASES)
def test_the_word_file_is_valid_ooxml(matrix, template, document) -> None:
    result = OpenXmlValidator().validate(str(matrix[(template, document)].docx))
    assert (result.error_count, result.warning_count) == (0, 0), result.errors


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_logos_keep_their_own_drawing_ids_and_the_properties_are_filled(matrix, document) -> None:
    rendered = matrix[("logo in header and footer", document)]
    word = docx.Document(str(rendered.docx))
    section = word.sections[0]
    ids = [e.get("id") for part in (section.header.part, section.footer.part)
           for e in part.element.iter(qn("wp:docPr"))]
    assert len(ids) == 2 and len(set(ids)) == 2
    properties = word.core_properties
    assert properties.identifier == section.header.paragraphs[-1].text
    assert properties.category == properties.title


def _image_boxes(path: Path) -> list[list[tuple[float, float, float, float]]]:
    """Return each page's image boxes (x0, top, x1, bottom), in points, in reading order."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [sorted((round(i["x0"], 1), round(i["top"], 1), round(i["x1"], 1), round(i["bottom"], 1))
                       for i in page.images) for page in pdf.pages]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_pdf_draws_the_templates_pictures_where_libreoffice_does(matrix, document) -> None:
    rendered = matrix[("logo in header and footer", document)]
    ours, theirs = _image_boxes(rendered.pdf), _image_boxes(rendered.libreoffice)
    assert len(ours) == len(theirs)
    for page, (mine, reference) in enumerate(zip(ours, theirs, strict=True), 1):
        assert len(mine) == len(reference) == 2, page
        for box, other in zip(mine, reference, strict=True):
            assert box == pytest.approx(other, abs=1.5), page


def test_a_pdf_with_the_templates_pictures_passes_both_validators(matrix) -> None:
    import page as page_validation
    import pdfua

    path = matrix[("logo in header and footer", "pack")].pdf
    result = page_validation.validate_pdf(str(path), profile="ua1")
    assert result.is_compliant and not result.failures, result.failures
    assert not pdfua.validate(str(path)).findings
