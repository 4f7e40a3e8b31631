"""The PDF document: A4 pages, running header, "Page X of Y", bookmarks and metadata."""

from __future__ import annotations

import io
from functools import partial
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate
from reportlab.platypus.flowables import Flowable

from ...errors import CommitteePapersError
from ...layout import DocumentLayout, PageLayout
from ...style import HouseStyle
from .fonts import Fonts
from .paragraphs import plain
from .story import page_story
from .styles import Styles

CREATOR = "committee_papers"
PDF_VERSION = (1, 4)  # the first with /Lang and DisplayDocTitle
GAP = 4.0  # points between the running header or footer and the text


def one_line(text: str) -> str:
    """Return text for a one-line field (metadata, bookmarks): line breaks become spaces."""
    return text.replace("\n", " ")


class Bookmark(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An invisible mark that files outline entries for the page it lands on."""

    def __init__(self, entries: tuple[tuple[str, str, int], ...]) -> None:
        super().__init__()
        self.entries = entries  # (destination key, title, outline level)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        for key, title, level in self.entries:
            self.canv.bookmarkPage(key, fit="XYZ")
            self.canv.addOutlineEntry(title, key, level=level, closed=False)


def _bookmarks(pages: tuple[PageLayout, ...]) -> list[Bookmark]:
    """Return one Bookmark per page: its own entry, under a new portfolio entry if it starts one."""
    marks, portfolio = [], None
    for number, page in enumerate(pages):
        entries: list[tuple[str, str, int]] = []
        if page.portfolio != portfolio:
            portfolio = page.portfolio
            entries.append((f"portfolio-{number}", one_line(portfolio), 0))
        entries.append((f"page-{number}", one_line(page.bookmark), 1))
        marks.append(Bookmark(tuple(entries)))
    return marks


class _Document(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A4 portrait with the house margins, page furniture and the document's metadata."""

    def __init__(self, stream: BinaryIO, layout: DocumentLayout, styles: Styles,
                 total: int | None) -> None:
        house, fonts = styles.house, styles.fonts
        margin = house.margin_mm * mm
        super().__init__(
            stream, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
            bottomMargin=margin, title=one_line(layout.title), author=one_line(layout.author),
            subject=one_line(layout.subject), keywords=[one_line(k) for k in layout.keywords],
            creator=CREATOR, invariant=1, lang=layout.language, displayDocTitle=1,
            initialFontName=fonts.text.regular, initialFontSize=house.body_size,
        )
        self.layout, self.styles, self.total, self.pages_drawn = layout, styles, total, 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._furniture)])

    def _furniture(self, canvas: Canvas, _doc: Any) -> None:
        """Draw the running header and the page number; show the outline when opened."""
        number = canvas.getPageNumber()
        self.pages_drawn = max(self.pages_drawn, number)
        canvas.showOutline()
        margin, page_height = self.leftMargin, self.pagesize[1]
        # Each sits in the middle of its margin, and a long one grows away from the text.
        header = plain(self.layout.running_header, self.styles, "furniture", bold=True,
                       align="right")  # as in the Word template
        _, height = header.wrap(self.width, self.topMargin)
        frame_top = page_height - self.topMargin
        header.drawOn(canvas, margin, max(frame_top + GAP, frame_top + self.topMargin / 2 - height / 2))
        label = self.styles.house.labels.page_number.format(
            page=number, pages=self.total if self.total is not None else number)
        footer = plain(label, self.styles, "furniture", align="centre")
        _, height = footer.wrap(self.width, self.bottomMargin)
        footer.drawOn(canvas, margin, min(self.bottomMargin - GAP - height,
                                          self.bottomMargin / 2 - height / 2))


def _story(layout: DocumentLayout, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = []
    for number, (page, bookmark) in enumerate(zip(layout.pages, _bookmarks(layout.pages),
                                                  strict=True)):
        if number:
            story.append(PageBreak())
        story.append(bookmark)
        story.extend(page_story(page, styles, width))
    return story


def build(layout: DocumentLayout, style: HouseStyle, fonts: Fonts, stream: BinaryIO,
          total: int | None = None) -> int:
    """Write the PDF to ``stream`` and return its page count; ``total`` is the "of Y" figure."""
    if not layout.pages:
        raise CommitteePapersError("the report has no exception pages, so there is no PDF to "
                                   "write: add a section with at least one page")
    styles = Styles(style, fonts)
    document = _Document(stream, layout, styles, total)
    document.build(_story(layout, styles, document.width),
                   canvasmaker=partial(Canvas, pdfVersion=PDF_VERSION))
    return document.pages_drawn


def write_pdf(layout: DocumentLayout, style: HouseStyle, fonts: Fonts, stream: BinaryIO) -> None:
    """Lay the document out twice: once to count the pages, then for real with "of Y" known."""
    total = build(layout, style, fonts, io.BytesIO())
    buffer = io.BytesIO()
    final = build(layout, style, fonts, buffer, total)
    if final != total:  # the page furniture is outside the frame, so this cannot happen
        raise RuntimeError(f"the PDF ran to {final} pages on the second pass, not {total}")
    stream.write(buffer.getvalue())
