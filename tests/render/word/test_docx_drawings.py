"""Pictures a template carries (a logo in the header and footer) stay valid in the output."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree
from openxml_audit import OpenXmlValidator

import committee_papers as cp

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = ROOT / "templates" / "house-style.docx"
SAMPLE = ROOT / "samples" / "blackpool-q2-2015-16.yaml"


def logo_png(width: int = 300, height: int = 120) -> bytes:
    """Return a small PNG logo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(image).rectangle((4, 4, width - 5, height - 5), outline="navy", width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def add_logos(path: Path, *, header: int, footer: int) -> None:
    """Add ``header`` pictures to the header and ``footer`` to the footer, as Word would."""
    document = docx.Document(str(path))
    section = document.sections[0]
    for _ in range(header):
        run = section.header.paragraphs[0].insert_paragraph_before().add_run()
        run.add_picture(io.BytesIO(logo_png()), height=Mm(8))
    for _ in range(footer):
        section.footer.add_paragraph().add_run().add_picture(io.BytesIO(logo_png()), height=Mm(6))
    document.save(str(path))


def doc_pr_ids(data: bytes) -> dict[str, list[str]]:
    """Return the wp:docPr ids of each part of a .docx, read from its XML."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                ids = [e.get("id") for e in root.iter(qn("wp:docPr"))]
                if ids:
                    found[name] = ids
    return found


@pytest.mark.parametrize(("header", "footer"), [(1, 1), (2, 1), (1, 3)])
def test_every_picture_has_its_own_drawing_id(tmp_path: Path, header: int, footer: int) -> None:
    template = tmp_path / "logo.docx"
    shutil.copyfile(TEMPLATE, template)
    add_logos(template, header=header, footer=footer)
    before = doc_pr_ids(template.read_bytes())
    assert len({i for ids in before.values() for i in ids}) < header + footer  # python-docx reuses 1

    output = tmp_path / "out.docx"
    cp.render_docx(cp.load(SAMPLE), output, template=template)
    after = doc_pr_ids(output.read_bytes())
    ids = [i for part in after.values() for i in part]
    assert len(ids) == header + footer
    assert len(set(ids)) == len(ids)
    result = OpenXmlValidator().validate(str(output))
    assert (result.error_count, result.warning_count) == (0, 0), result.errors


def test_the_pictures_still_show(tmp_path: Path) -> None:
    template = tmp_path / "logo.docx"
    shutil.copyfile(TEMPLATE, template)
    add_logos(template, header=1, footer=1)
    output = tmp_path / "out.docx"
    cp.render_docx(cp.load(SAMPLE), output, template=template)
    document: Any = docx.Document(str(output))
    section = document.sections[0]
    for part in (section.header.part, section.footer.part):
        blips = list(part.element.iter(qn("a:blip")))
        assert len(blips) == 1
        image = part.related_parts[blips[0].get(qn("r:embed"))]
        assert image.blob == logo_png()
