"""The template's header and footer pictures in the PDF, read back: image XObjects, drawn as
pagination artifacts in their boxes, embedded once, and valid in a PDF/A-2b copy."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import page
import pikepdf
import pytest
from PIL import Image, ImageDraw
from tests.conftest import Q2

import committee_papers as cp
from committee_papers.errors import CommitteePapersError
from committee_papers.style import PageSetup, Picture


def _picture(fmt: str, mode: str) -> bytes:
    image = Image.new(mode, (120, 40), "white" if mode != "RGBA" else (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((2, 2, 117, 37), fill="navy" if mode != "RGBA" else (200, 30, 30, 160))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def _style(*pictures: Picture) -> cp.HouseStyle:
    return dataclasses.replace(cp.DEFAULT_STYLE, page=dataclasses.replace(PageSetup.a4(), pictures=pictures))


def _pdf(style: cp.HouseStyle, **options: object) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(cp.load(Q2), buffer, style, **options)  # type: ignore[arg-type]
    return buffer.getvalue()


def _drawn(pdf: pikepdf.Pdf, number: int) -> list[tuple[str, list[float], list[str]]]:
    """Return each image drawn on a page: its name, its matrix, and the marked content round it."""
    found, stack, matrices = [], [], [[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]]
    for operands, operator in pikepdf.parse_content_stream(pdf.pages[number]):
        op = str(operator)
        if op in ("BDC", "BMC"):
            kind = str(operands[0])
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/Type" in operands[1]:
                kind += str(operands[1].Type) + str(operands[1].get("/Subtype", ""))
            stack.append(kind)
        elif op == "EMC":
            stack.pop()
        elif op == "q":
            matrices.append(matrices[-1])
        elif op == "Q":
            matrices.pop()
        elif op == "cm":
            matrices[-1] = [float(x) for x in operands]
        elif op == "Do":
            found.append((str(operands[0]), matrices[-1], list(stack)))
    return found


def test_each_picture_is_drawn_in_its_box_on_every_page_as_a_pagination_artifact() -> None:
    logo = Picture(_picture("PNG", "RGB"), x=400.0, y=20.0, width=120.0, height=40.0)
    foot = Picture(_picture("PNG", "RGBA"), x=60.0, y=15.0, width=60.0, height=20.0, footer=True)
    with pikepdf.open(io.BytesIO(_pdf(_style(logo, foot)))) as pdf:
        height = float(pdf.pages[0].MediaBox[3])
        for number in range(len(pdf.pages)):
            drawn = _drawn(pdf, number)
            assert [name for name, _, _ in drawn] == ["/Im1", "/Im2"]
            (_, top, top_marks), (_, bottom, bottom_marks) = drawn
            assert top == pytest.approx([120, 0, 0, 40, 400, height - 20 - 40], abs=0.01)
            assert bottom == pytest.approx([60, 0, 0, 20, 60, 15], abs=0.01)
            assert top_marks == ["/Artifact/Pagination/Header"]
            assert bottom_marks == ["/Artifact/Pagination/Footer"]
        images = pdf.pages[0].Resources.XObject
        assert {pdf.pages[n].Resources.XObject.Im1.objgen for n in range(len(pdf.pages))} == {images.Im1.objgen}
        opaque, clear = images.Im1, images.Im2
        assert (opaque.Subtype, opaque.ColorSpace, int(opaque.Width), int(opaque.Height)) == \
            ("/Image", "/DeviceRGB", 120, 40)
        assert "/SMask" not in opaque
        mask = clear.SMask  # the transparent PNG's alpha channel
        assert (mask.ColorSpace, int(mask.Width), int(mask.Height)) == ("/DeviceGray", 120, 40)
        alpha = pikepdf.PdfImage(mask).as_pil_image()
        assert alpha.getpixel((0, 0)) == 0 and alpha.getpixel((60, 20)) == 160


@pytest.mark.parametrize(("fmt", "mode", "expected"), [("JPEG", "RGB", "/DCTDecode"), ("JPEG", "L", "/DCTDecode"),
                                                       ("GIF", "P", "/FlateDecode"), ("PNG", "L", "/FlateDecode")])
def test_a_jpeg_goes_in_as_it_is_and_other_pictures_are_decoded(fmt: str, mode: str, expected: str) -> None:
    data = _picture(fmt, mode)
    with pikepdf.open(io.BytesIO(_pdf(_style(Picture(data, 100.0, 20.0, 60.0, 20.0))))) as pdf:
        image = pdf.pages[0].Resources.XObject.Im1
        assert image.Filter == expected
        if expected == "/DCTDecode":
            assert image.read_raw_bytes() == data
        drawn = pikepdf.PdfImage(image).as_pil_image().convert("L")
        assert drawn.size == (120, 40)
        assert drawn.getpixel((60, 20)) < 60  # the navy ellipse (JPEG is lossy, so near enough)
        assert drawn.getpixel((0, 0)) > 240  # on white


def test_an_archive_copy_with_pictures_passes_the_pdfa_validator(tmp_path: Path) -> None:
    pictures = (Picture(_picture("PNG", "RGBA"), 400.0, 20.0, 120.0, 40.0),
                Picture(_picture("JPEG", "RGB"), 60.0, 15.0, 60.0, 20.0, footer=True))
    path = tmp_path / "archive.pdf"
    path.write_bytes(_pdf(_style(*pictures), variant="pdf/a-2b"))
    for profile in ("2b", "ua1"):
        result = page.validate_pdf(str(path), profile=profile)
        assert result.is_compliant and not result.failures, (profile, result.failures)


def test_a_damaged_picture_is_a_clear_error() -> None:
    with pytest.raises(CommitteePapersError, match="a picture in the template cannot be read"):
        _pdf(_style(Picture(b"\x89PNG\r\n\x1a\n not really", 100.0, 20.0, 60.0, 20.0)))


def test_on_a_turned_page_an_aligned_picture_moves_with_its_alignment() -> None:
    """A right-aligned header logo stays against the right margin on a landscape page, and a
    centred footer picture stays centred, as Word places them: A4 with 20 mm margins leaves
    481.9 pt upright and 728.5 pt on its side, 246.6 pt more; the logo moves all of it, the
    centred picture half. A picture aligned left does not move."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "layout"))
    from pressure import MONTHS, PAST, page_of, report_of

    right = Picture(_picture("PNG", "RGB"), x=418.6, y=20.0, width=120.0, height=40.0, align=1.0)
    centre = Picture(_picture("PNG", "RGB"), x=267.6, y=15.0, width=60.0, height=20.0, footer=True, align=0.5)
    left = Picture(_picture("PNG", "RGB"), x=56.7, y=20.0, width=30.0, height=20.0)
    pairs = [{"label": "No. (Rate)", "values": dict.fromkeys([*PAST[3:], *MONTHS], "2,912 (1000.4)")}]
    report = report_of(page_of([], MONTHS[:2], [{"label": "No.", "values": {"Apr": "1", "May": "2"}}], title="Up"),
                       page_of(PAST[3:], MONTHS, pairs, title="Turned"))
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer, _style(right, centre, left))
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        assert [float(p.MediaBox[2]) > float(p.MediaBox[3]) for p in pdf.pages] == [False, True]
        xs = [{name: matrix[4] for name, matrix, _ in _drawn(pdf, number)} for number in range(2)]
    extra = 728.5 - 481.9
    assert xs[0] == pytest.approx({"/Im1": 418.6, "/Im2": 267.6, "/Im3": 56.7}, abs=0.01)
    assert xs[1] == pytest.approx({"/Im1": 418.6 + extra, "/Im2": 267.6 + extra / 2, "/Im3": 56.7}, abs=0.2)
