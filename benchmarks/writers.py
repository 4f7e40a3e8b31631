"""Time one writer on one report's layout, in a process of its own: ours, or an alternative.

    python benchmarks/writers.py WRITER report.yaml     # prints the seconds the writing took

The report is loaded and laid out first (not timed); then the writer turns the same layout,
the same strings, into a file in memory, and only that is timed (wall clock). The writers:

- ``pdf``, ``pdf-untagged``, ``docx``: ours (``render_pdf``, ``render_docx``);
- ``canvas``: a bare reportlab canvas drawing every string of the layout with ``drawString``
  in the same embedded TrueType fonts, a line each, a new page when one is full: no wrapping,
  no tables, no tagging. What drawing the text costs at the least: the ceiling;
- ``platypus``: what one writes first with reportlab's platypus: a Paragraph per heading and
  text block, a Table of Paragraphs per table (header rows repeated), a PageBreak per page;
- ``python-docx``: what one writes first with python-docx: ``add_heading``, ``add_table`` and
  ``table.cell(r, c).text``, ``add_paragraph``, ``add_page_break``, ``save``.

Charts are left out of the alternatives (they draw none); the benchmark's reports have none.
"""

from __future__ import annotations

import dataclasses
import io
import sys
import time
from collections.abc import Callable, Iterator
from html import escape
from typing import Any

from committee_papers.layout import DocumentLayout
from committee_papers.layout.nodes import Heading, ListItems, Table, TextBlock
from committee_papers.style import DEFAULT_STYLE

Writer = Callable[[DocumentLayout], bytes]


def _strings(layout: DocumentLayout) -> Iterator[tuple[str, bool, list[str]]]:
    """Yield each line to draw: (kind, bold, its strings), ``kind`` a page break marker or not."""
    for page in layout.pages:
        yield "page", False, []
        for block in page.blocks:
            if isinstance(block, Heading):
                yield "line", True, [block.text]
            elif isinstance(block, TextBlock):
                for line in block.text.split("\n"):
                    yield "line", False, [line]
            elif isinstance(block, ListItems):
                for item in block.items:
                    yield "line", False, ["".join(span.text for span in item)]
            elif isinstance(block, Table):
                for row in block.rows:
                    yield "line", row.header, [cell.text for cell in row.cells]


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Plain" not in pdfmetrics.getRegisteredFontNames():
        files = DEFAULT_STYLE.text_fonts
        pdfmetrics.registerFont(TTFont("Plain", str(files.regular)))
        pdfmetrics.registerFont(TTFont("Bold", str(files.bold)))
    return "Plain", "Bold"


def canvas(layout: DocumentLayout) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    plain, bold = _fonts()
    out = io.BytesIO()
    page = Canvas(out, pagesize=A4, invariant=1)
    width, height = A4
    top, bottom, left, size = height - 72, 72, 57, 10
    y, started = top, False
    for kind, heavy, texts in _strings(layout):
        if kind == "page" or y < bottom:
            if started:
                page.showPage()
            started, y = True, top
            if kind == "page":
                continue
        page.setFont(bold if heavy else plain, size)
        step = (width - 2 * left) / max(len(texts), 1)
        for column, text in enumerate(texts):
            page.drawString(left + column * step, y, text)
        y -= size * 1.2
    page.showPage()
    page.save()
    return out.getvalue()


def platypus(layout: DocumentLayout) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table as PlatypusTable, TableStyle

    plain, bold = _fonts()
    body = ParagraphStyle("body", fontName=plain, fontSize=10, leading=12)
    headings = {level: ParagraphStyle(f"h{level}", fontName=bold, fontSize=16 - 2 * level, leading=20 - 2 * level,
                                      spaceAfter=6) for level in (1, 2, 3, 4)}
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, invariant=1)
    story: list[Any] = []
    for number, page in enumerate(layout.pages):
        if number:
            story.append(PageBreak())
        for block in page.blocks:
            if isinstance(block, Heading):
                story.append(Paragraph(escape(block.text), headings[min(block.level, 4)]))
            elif isinstance(block, TextBlock):
                story.append(Paragraph(escape(block.text).replace("\n", "<br/>"), body))
            elif isinstance(block, ListItems):
                story.extend(Paragraph("• " + escape("".join(s.text for s in item)), body) for item in block.items)
            elif isinstance(block, Table):
                columns = max(sum(cell.colspan for cell in row.cells) for row in block.rows)
                rows = [[Paragraph(escape(cell.text), body) for cell in row.cells] for row in block.rows]
                rows = [row + [""] * (columns - len(row)) for row in rows]
                widths = [document.width * share for share in block.widths] if len(block.widths) == columns else None
                story.append(PlatypusTable(rows, colWidths=widths, repeatRows=block.header_rows, style=grid))
    document.build(story)
    return out.getvalue()


def python_docx(layout: DocumentLayout) -> bytes:
    import docx

    document = docx.Document()
    for number, page in enumerate(layout.pages):
        if number:
            document.add_page_break()
        for block in page.blocks:
            if isinstance(block, Heading):
                document.add_heading(block.text, level=min(block.level, 9))
            elif isinstance(block, TextBlock):
                document.add_paragraph(block.text)
            elif isinstance(block, ListItems):
                for item in block.items:
                    document.add_paragraph("".join(s.text for s in item), style="List Bullet")
            elif isinstance(block, Table):
                columns = max(sum(cell.colspan for cell in row.cells) for row in block.rows)
                table = document.add_table(rows=len(block.rows), cols=columns)
                table.style = "Table Grid"
                for r, row in enumerate(block.rows):
                    for c, cell in enumerate(row.cells):
                        table.cell(r, c).text = cell.text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def ours_pdf(layout: DocumentLayout, tagged: bool = True) -> bytes:
    from committee_papers.render.pdf import render_pdf

    out = io.BytesIO()
    render_pdf(layout, out, tagged=tagged)
    return out.getvalue()


def ours_docx(layout: DocumentLayout) -> bytes:
    from committee_papers.render.docx import render_docx

    out = io.BytesIO()
    render_docx(layout, out)
    return out.getvalue()


WRITERS: dict[str, Writer] = {
    "pdf": ours_pdf, "pdf-untagged": lambda layout: ours_pdf(layout, tagged=False), "docx": ours_docx,
    "canvas": canvas, "platypus": platypus, "python-docx": python_docx,
}


def main() -> None:
    name, report = sys.argv[1], sys.argv[2]
    import committee_papers as cp
    from committee_papers.assess import assess_report
    from committee_papers.layout import layout_report

    loaded = cp.load(report)
    layout = layout_report(loaded, assess_report(loaded))
    writer = WRITERS[name]
    # a page first, not timed: imports, font files and caches warmed for every writer alike
    writer(dataclasses.replace(layout, pages=layout.pages[:1]))
    start = time.perf_counter()
    data = writer(layout)
    print(f"{time.perf_counter() - start:.4f} {len(data)}")


if __name__ == "__main__":
    main()
