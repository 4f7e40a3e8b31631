"""Every sample and the pack in both formats, and the Word file as LibreOffice lays it out.

The tests of Word and PDF agreeing read these back: the body XML of the .docx (lxml), and the
pages of our PDF and of LibreOffice's PDF of the .docx (pdfplumber).
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from lxml import etree

import committee_papers as cp

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NAMES = [*(p.stem for p in sorted(SAMPLES.glob("*.yaml"))), "kpis-pack"]


@dataclass
class Pair:
    """One document in both formats; ``lo`` is LibreOffice's PDF of the .docx, once made."""

    docx: bytes
    pdf: bytes
    lo: bytes | None = None

    def part(self, name: str) -> Any:
        """Return a part of the .docx, parsed."""
        with zipfile.ZipFile(io.BytesIO(self.docx)) as archive:
            return etree.fromstring(archive.read(name))

    @property
    def body(self) -> Any:
        """Return the main document part's ``w:body``."""
        return self.part("word/document.xml").find(f"{W}body")


def render(name: str) -> Pair:
    """Render a sample (its file's stem), or the pack of samples/kpis.xlsx, in both formats."""
    word, pdf = io.BytesIO(), io.BytesIO()
    if name == "kpis-pack":
        from committee_papers.pack.render import render_pack

        render_pack(cp.build_pack(cp.read_workbook(SAMPLES / "kpis.xlsx")), pdf=pdf, docx=word)
    else:
        report = cp.load(SAMPLES / f"{name}.yaml")
        cp.render_docx(report, word)
        cp.render_pdf(report, pdf)
    return Pair(word.getvalue(), pdf.getvalue())


def convert(soffice: str, folder: Path, documents: dict[str, bytes]) -> dict[str, bytes]:
    """Return LibreOffice's PDF of each .docx (by name), converted in one call with a fresh
    profile and the machine's own fonts (no font is renamed for it)."""
    sources = []
    for name, data in documents.items():
        sources.append(folder / f"{name}.docx")
        sources[-1].write_bytes(data)
    command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder / "pdf"), *map(str, sources)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    made = {name: folder / "pdf" / f"{name}.pdf" for name in documents}
    assert result.returncode == 0 and all(p.is_file() for p in made.values()), result.stderr
    return {name: path.read_bytes() for name, path in made.items()}


def text_of(paragraph: Any) -> str:
    """Return a paragraph's text."""
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def is_empty(paragraph: Any) -> bool:
    """Tell whether a paragraph shows nothing: no text, no drawing, no tab or break."""
    return not text_of(paragraph).strip() and next(paragraph.iter(f"{W}drawing", f"{W}tab", f"{W}br"), None) is None


@dataclass
class Row:
    """A table row on a page: its page (from 0), top and bottom (points from the top)."""

    page: int
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


def table_boxes(data: bytes) -> list[list[tuple[float, float, float, float]]]:
    """Return each page's tables' boxes (x0, top, x1, bottom), top to bottom."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [sorted((t.bbox for t in page.find_tables()), key=lambda b: b[1]) for page in pdf.pages]


def rows(data: bytes) -> list[Row]:
    """Return every table row of a PDF, in reading order."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
                found += [Row(number, row.bbox[1], row.bbox[3]) for row in table.rows]
    return found


def page_count(data: bytes) -> int:
    """Return a PDF's number of pages."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
