"""Read the seed pages (tests/seeds/) and the rendered files back, in the same terms.

A data table's header is compared column by column as ``(top, under)``: the text of the header
cell covering the column in the first header row, and the text of a cell starting in the
second header row ('' where the first row's cell spans both rows). The seed's extraction
writes a merged header cell as its label followed by empty cells over sub-columns.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pikepdf
from docx.oxml.ns import qn

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_YEAR = re.compile(r"\d{4}/\d{2,4}")

Header = list[tuple[str, str]]


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def seed_headers(name: str) -> list[Header]:
    """Return each data table's header on the seed pages, in page order."""
    found: list[Header] = []
    for top_line, under_line in pairwise(seed_text(name).splitlines()):
        if "\t" not in top_line or "\t" not in under_line:
            continue
        top, under = [c.strip() for c in top_line.split("\t")], [c.strip() for c in under_line.split("\t")]
        if not any(_YEAR.fullmatch(c) for c in top):
            continue
        width = max(len(top), len(under))
        top += [""] * (width - len(top))
        under += [""] * (width - len(under))
        columns: Header = []
        covering = ""
        for high, low in zip(top, under, strict=True):
            if high or not low:  # a cell of its own; an empty one over a sub-column continues a span
                covering = high
            columns.append((covering, low))
        found.append(columns)
    return found


def squeeze(header: Header) -> Header:
    """Return the header without white space (a PDF's wrapped lines keep no spaces)."""
    return [("".join(a.split()), "".join(b.split())) for a, b in header]


# ---------------------------------------------------------------- Word


def docx_tables(data: bytes, caption: str) -> list[Any]:
    """Return the ``w:tbl`` elements of a .docx whose caption is ``caption``."""
    document = docx.Document(io.BytesIO(data))
    found = []
    for table in document.tables:
        element = table._tbl.tblPr.find(qn("w:tblCaption"))
        if element is not None and element.get(qn("w:val")) == caption:
            found.append(table._tbl)
    return found


def tc_text(tc: Any) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def is_header_row(tr: Any) -> bool:
    properties = tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def docx_header(tbl: Any) -> Header:
    """Return a Word table's header (its leading rows marked ``w:tblHeader``), as ``(top, under)``."""
    rows = list(tbl.tr_lst)
    count = 0
    while count < len(rows) and is_header_row(rows[count]):
        count += 1
    assert not any(is_header_row(tr) for tr in rows[count:]), "a header row below a body row"
    grid: list[list[tuple[str, bool]]] = []
    for tr in rows[:count]:
        slots: list[tuple[str, bool]] = []
        for tc in tr.tc_lst:
            slots += [(tc_text(tc), tc.vMerge == "continue")] * tc.grid_span
        grid.append(slots)
    assert 1 <= count <= 2, f"{count} header rows"
    if count == 1:
        return [(text, "") for text, _ in grid[0]]
    assert not any(below for _, below in grid[0])
    return [(top[0], "" if under[1] else under[0]) for top, under in zip(grid[0], grid[1], strict=True)]


# ---------------------------------------------------------------- PDF


def pdf_texts(pdf: Any) -> dict[tuple[int, int], str]:
    """Return the text of each marked-content sequence, by (page index, MCID). A character in a
    nested /Span (its ActualText, say) has no MCID of its own, and pdfminer forgets the outer
    MCID after the nested sequence ends (its tag then reads None): either belongs to the
    sequence it is drawn in, the last one opened before it; an Artifact ends that."""
    texts: dict[tuple[int, int], str] = {}
    for index, page in enumerate(pdf.pages):
        current: int | None = None
        for char in page.chars:
            if char.get("mcid") is not None:
                current = char["mcid"]
            elif char.get("tag") not in ("Span", None):
                current = None
            if current is not None:
                key = (index, current)
                texts[key] = texts.get(key, "") + char["text"]
    return texts


def _kids(element: Any) -> list[Any]:
    found = element.get("/K")
    if found is None:
        return []
    return list(found) if isinstance(found, pikepdf.Array) else [found]


def _elements(root: Any) -> list[Any]:
    found = []
    for kid in _kids(root):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
            found.append(kid)
            found += _elements(kid)
    return found


def _text(element: Any, pages: dict[Any, int], texts: dict[tuple[int, int], str]) -> str:
    out = []
    for kid in _kids(element):
        if isinstance(kid, int):
            out.append(texts.get((pages[element.Pg.objgen], kid), ""))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            out.append(texts.get((pages[kid.Pg.objgen], int(kid.MCID)), ""))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR":
            out.append(_text(kid, pages, texts))
    return "".join(out)


@dataclass(frozen=True)
class TaggedCell:
    """A TH or TD of a tagged table: its text and table attributes."""

    kind: str
    text: str
    scope: str | None
    colspan: int
    rowspan: int


def pdf_tables(data: bytes, summary: str) -> list[list[list[TaggedCell]]]:
    """Return the tables whose /Summary starts with ``summary``: rows of tagged cells."""
    with pdfplumber.open(io.BytesIO(data)) as plumbed:
        texts = pdf_texts(plumbed)
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        for table in _elements(pdf.Root.StructTreeRoot):
            if table.S != "/Table" or not str(table.get("/A", {}).get("/Summary", "")).startswith(summary):
                continue
            rows = []
            for row in (e for e in _kids(table) if e.S == "/TR"):
                cells = []
                for cell in _kids(row):
                    attributes = cell.get("/A", pikepdf.Dictionary())
                    scope = attributes.get("/Scope")
                    cells.append(TaggedCell(str(cell.S)[1:], _text(cell, pages, texts),
                                            None if scope is None else str(scope)[1:],
                                            int(attributes.get("/ColSpan", 1)), int(attributes.get("/RowSpan", 1))))
                rows.append(cells)
            found.append(rows)
    return found


def pdf_header(rows: list[list[TaggedCell]]) -> Header:
    """Return a tagged table's header (its leading rows of TH cells) as ``(top, under)``; each
    header cell must be a TH with /Scope /Column."""
    header = []
    for row in rows:
        if not all(cell.kind == "TH" for cell in row):
            break
        header.append(row)
    assert 1 <= len(header) <= 2, f"{len(header)} header rows"
    taken: dict[tuple[int, int], tuple[str, int]] = {}
    for r, row in enumerate(header):
        c = 0
        for cell in row:
            assert cell.scope == "Column", cell
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[(r + dr, c + dc)] = (cell.text, r)
            c += cell.colspan
    width = 1 + max(c for _, c in taken)
    if len(header) == 1:
        return [(taken[(0, c)][0], "") for c in range(width)]
    return [(taken[(0, c)][0], taken[(1, c)][0] if taken[(1, c)][1] == 1 else "") for c in range(width)]
