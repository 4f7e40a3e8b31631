"""Read rendered files back as a reader (or a screen reader) meets them, and check them with
real clients: python-docx, pdfplumber and pypdf, qpdf and LibreOffice."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject

from committee_papers import DEFAULT_STYLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml")
_CORE = ("title", "subject", "creator", "keywords", "lastModifiedBy", "description", "Company", "Manager")


def _paragraph_text(paragraph: etree._Element) -> str:
    """Return a w:p's text as Word shows it: tabs and breaks as characters, no field codes."""
    parts: list[str] = []
    for element in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        if element.getparent().tag != f"{W}r":  # e.g. a tab stop in the paragraph's properties
            continue
        if element.tag == f"{W}t":
            parts.append(element.text or "")
        elif element.tag == f"{W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class DocxText:
    """What a .docx shows and stores: paragraphs, table cells, alt text and properties."""

    paragraphs: tuple[str, ...]  # of the header, the body and the footer, in order
    header: tuple[str, ...]  # the paragraphs of the page header
    cells: tuple[str, ...]  # the text of every table cell
    alt_texts: tuple[str, ...]  # table captions and descriptions
    properties: dict[str, str]  # document properties: title, subject, creator, keywords, company
    loose_breaks: tuple[str, ...] = ()  # w:t texts holding a raw tab or line break (Word shows a space)
    charts: tuple[str, ...] = ()  # the series names and categories of each chart part

    @property
    def everything(self) -> str:
        """Return all of it as one text, one item a line."""
        return "\n".join([*self.paragraphs, *self.alt_texts, *self.properties.values(), *self.charts])


def read_docx(data: bytes) -> DocxText:
    """Return the text of a .docx, after proving that python-docx opens it."""
    docx.Document(io.BytesIO(data))  # a real client must open it
    paragraphs: list[str] = []
    header: list[str] = []
    loose: list[str] = []
    cells: list[str] = []
    alt: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.startswith(_PARTS) and n.endswith(".xml")]
        for name in sorted(names, key=lambda n: (not n.startswith("word/header"), n)):
            root = etree.fromstring(archive.read(name))
            texts = [_paragraph_text(p) for p in root.iter(f"{W}p")]
            loose.extend(t.text for t in root.iter(f"{W}t") if t.text and any(c in t.text for c in "\t\n\r"))
            paragraphs.extend(texts)
            if name.startswith("word/header"):
                header.extend(texts)
            for cell in root.iter(f"{W}tc"):
                cells.append("\n".join(_paragraph_text(p) for p in cell.iter(f"{W}p")))
            for tag in ("tblCaption", "tblDescription"):
                alt.extend(str(e.get(f"{W}val")) for e in root.iter(f"{W}{tag}"))
            alt.extend(str(e.get("descr")) for e in root.iter(f"{WP}docPr") if e.get("descr"))
        charts: list[str] = []
        for name in sorted(n for n in archive.namelist() if n.startswith("word/charts/chart") and n.endswith(".xml")):
            root = etree.fromstring(archive.read(name))
            for tag in ("tx", "cat"):
                charts.extend(v.text or "" for part in root.iter(f"{C}{tag}") for v in part.iter(f"{C}v"))
        core = list(etree.fromstring(archive.read("docProps/core.xml")))
        if "docProps/app.xml" in archive.namelist():
            core += list(etree.fromstring(archive.read("docProps/app.xml")))
    properties = {etree.QName(e).localname: e.text or "" for e in core
                  if etree.QName(e).localname in _CORE}
    return DocxText(tuple(paragraphs), tuple(header), tuple(cells), tuple(alt), properties,
                    tuple(loose), tuple(charts))


@dataclass(frozen=True, slots=True)
class PdfText:
    """What a PDF shows and stores: page texts, table cells, metadata and bookmarks."""

    pages: tuple[str, ...]  # the text between the margins of each page
    furniture: tuple[str, ...]  # the running header and footer of each page
    cells: tuple[tuple[str, ...], ...]  # per page, the text of every table cell found
    columns: tuple[str, ...]  # the cells of each table column, joined across pages
    metadata: dict[str, str]
    outline: tuple[str, ...]

    @property
    def everything(self) -> str:
        """Return all of it as one text, one item a line."""
        return "\n".join([*self.pages, *self.furniture, *(c for page in self.cells for c in page),
                          *self.columns, *self.metadata.values(), *self.outline])


def _titles(outline: Sequence[Any]) -> list[str]:
    found: list[str] = []
    for item in outline:
        if isinstance(item, list):
            found.extend(_titles(item))
        else:
            found.append(str(getattr(item, "title", "")))
    return found


def _header_bottom(page: Any, margin: float) -> float:
    """Return where the running header ends: the top margin, or lower for a header too tall for it.

    A very long appendix label pushes the text down (as Word grows its header), so the header is
    followed down the page: lines in the header's font and size, each close under the last.
    """
    chars = [c for c in page.chars if c["top"] < margin]
    if not chars:
        return margin
    font, size = chars[0]["fontname"], chars[0]["size"]
    bottom = margin
    for char in sorted((c for c in page.chars if c["fontname"] == font and c["size"] == size),
                       key=lambda c: c["top"]):
        if char["top"] > max(bottom, margin) + 2 * size:
            break
        bottom = max(bottom, char["bottom"] + 1)
    return bottom


def read_pdf(data: bytes, *, tables: bool = True) -> PdfText:
    """Return the text of a PDF as pdfplumber and pypdf extract it.

    The body of each page is read apart from its margins, so a paragraph that runs onto the
    next page reads on without the footer and running header in the middle of it. So that a
    cell split over pages reads as one, each column's cells are also joined across pages.
    """
    margin = DEFAULT_STYLE.margin_mm * 72 / 25.4
    pages: list[str] = []
    furniture: list[str] = []
    cells: list[tuple[str, ...]] = []
    columns: dict[tuple[int, int], list[str]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            width, height = float(page.width), float(page.height)
            top = _header_bottom(page, margin)
            body = page.crop((0, top, width, height - margin))
            pages.append(body.extract_text() or "")
            for box in ((0, 0, width, top), (0, height - margin, width, height)):
                furniture.append(page.crop(box).extract_text() or "")
            found: list[str] = []
            for table in body.find_tables() if tables else []:
                for row, texts in zip(table.rows, table.extract(), strict=True):
                    for cell, text in zip(row.cells, texts, strict=True):
                        if cell is not None and text:
                            found.append(text)
                            columns.setdefault((round(cell[0]), round(cell[2])), []).append(text)
            cells.append(tuple(found))
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    metadata = {key: str(info[key]) for key in ("/Title", "/Author", "/Subject", "/Keywords")
                if info is not None and key in info}
    return PdfText(tuple(pages), tuple(furniture), tuple(cells),
                   tuple("\n".join(texts) for texts in columns.values()), metadata,
                   tuple(_titles(reader.outline)))


def pdf_strings(data: bytes) -> list[str]:
    """Return every text string in a PDF's objects (outside content streams): metadata,
    bookmarks, and a structure tree's alternative texts and summaries if it has one."""
    reader = PdfReader(io.BytesIO(data))
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, TextStringObject):
            found.append(str(item))
        elif isinstance(item, DictionaryObject):  # a stream's dictionary too, not its data
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return found


def tool(name: str) -> str | None:
    """Return the path of a command-line client; None if absent (a failure when CI is set)."""
    found = shutil.which(name)
    if found is None and os.environ.get("CI"):
        pytest.fail(f"{name} is not installed and CI is set: .ci/run installs it")
    return found


def need(name: str) -> str:
    """Return the path of a command-line client, or skip the test saying why."""
    found = tool(name)
    if found is None:
        pytest.skip(f"{name} is not installed: this check of the output with a real client needs it")
    return found


def qpdf_check(qpdf: str, data: bytes, folder: Path, name: str = "checked.pdf") -> None:
    """Assert that ``qpdf --check`` finds nothing wrong with a PDF (warnings count as wrong)."""
    path = folder / name
    path.write_bytes(data)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, f"qpdf --check failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    assert "No syntax or stream encoding errors found" in result.stdout, result.stdout


def libreoffice_convert(soffice: str, data: bytes, folder: Path, name: str) -> PdfReader:
    """Convert a .docx to PDF with LibreOffice in a fresh profile; return the PDF read back."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{name}.docx"
    source.write_bytes(data)
    profile = folder / "lo-profile"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    pdf = folder / f"{name}.pdf"
    assert result.returncode == 0 and pdf.is_file(), (
        f"LibreOffice could not convert {name}.docx:\n{result.stdout}\n{result.stderr}")
    return PdfReader(pdf)
