"""The PDF document: the house style's pages, running header, "Page X of Y", bookmarks, metadata.

The page (size, orientation, margins, where the header and footer sit) is the house style's
``page_setup``: the Word template's own when there is one, so both outputs break pages alike.

The document is laid out and drawn in one pass. Each page's content is kept as it is finished;
when the last is done, and so the number of pages known, every page goes to the canvas with the
running header and its "Page X of Y".
"""

from __future__ import annotations

import io
from functools import cache
from typing import BinaryIO

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ...errors import CommitteePapersError
from ...layout import DocumentLayout, PageLayout, Span
from ...style import HouseStyle
from .draw import Painter
from .flow import Frame
from .fonts import Fonts
from .paragraphs import Para, paragraph
from .pdfa import VARIANTS
from .story import page_story
from .structure import finish, prepare
from .styles import Styles
from .tagging import END, PAGINATION, Tagger

CREATOR = "committee_papers"
PDF_VERSION = (1, 7)  # PDF/UA-1 builds on PDF 1.7 (table /Summary, artifact subtypes)


@cache
def _image(data: bytes) -> ImageReader:
    """Return reportlab's reader of a picture's file, once per picture (reportlab then embeds
    it once, however many pages show it)."""
    try:
        return ImageReader(io.BytesIO(data))
    except Exception as error:  # PIL raises many kinds for a damaged picture
        raise CommitteePapersError(f"a picture in the template cannot be read ({error}): save "
                                   "it again as PNG or JPEG in the template") from error


def one_line(text: str) -> str:
    """Return text for a one-line field (metadata, bookmarks): line breaks become spaces."""
    return text.replace("\n", " ")


def _canvas(stream: BinaryIO, layout: DocumentLayout, style: HouseStyle, fonts: Fonts) -> Canvas:
    page = style.page_setup
    canvas = Canvas(stream, pagesize=(page.width, page.height), invariant=1, pdfVersion=PDF_VERSION,
                    lang=layout.language, initialFontName=fonts.text.regular,
                    initialFontSize=style.body_size)
    canvas.setTitle(one_line(layout.title))
    canvas.setAuthor(one_line(layout.author))
    canvas.setSubject(one_line(layout.subject))
    canvas.setKeywords(", ".join(one_line(k) for k in layout.keywords))
    canvas.setCreator(CREATOR)
    canvas.setViewerPreference("DisplayDocTitle", "true")
    canvas.showOutline()
    return canvas


Entry = tuple[str, str, int]  # destination key, title, outline level


class Bookmarks:
    """The outline entries of each exception page, nested under its portfolio."""

    def __init__(self) -> None:
        self.portfolio: str | None = None
        self.count = 0

    def entries(self, page: PageLayout) -> list[Entry]:
        """Return the entries for a page layout, in the order they are filed."""
        number, self.count = self.count, self.count + 1
        if not page.portfolio:  # e.g. a pack's scorecard: an entry of its own, at the top level
            self.portfolio = None
            return [(f"page-{number}", one_line(page.bookmark), 0)]
        found = []
        if page.portfolio != self.portfolio:
            self.portfolio = page.portfolio
            found.append((f"portfolio-{number}", one_line(page.portfolio), 0))
        found.append((f"page-{number}", one_line(page.bookmark), 1))
        return found


def header_excess(styles: Styles, header: str) -> float:
    """Return how far the header pushes the text below the top margin, as Word does.

    Word starts the header ``page.header`` below the top edge; what the template's header
    holds above and below the running header, and the running header's own lines, follow.
    When that reaches below the top margin, the text starts below it instead. At most half
    the text height, so a page always has room for its content.
    """
    page = styles.house.page_setup
    para = paragraph((Span(header, bold=True),), styles, "furniture", page.text_width, align="right")
    bottom = page.header + page.header_above + para.height + page.header_below
    return float(min(max(0.0, bottom - page.top), page.text_height / 2))


def footer_excess(styles: Styles) -> float:
    """Return how far the footer pushes the text above the bottom margin, as Word does."""
    page = styles.house.page_setup
    line = styles.get("furniture").leading
    top = page.footer + page.footer_below + line + page.footer_above
    return float(min(max(0.0, top - page.bottom), page.text_height / 2))


class Furniture:
    """The running header and the page numbers, in the margins of every page."""

    def __init__(self, painter: Painter, styles: Styles, header: str) -> None:
        self.painter, self.styles = painter, styles
        self.page = page = styles.house.page_setup
        self.width = page.text_width
        # Where Word puts them: the header's first line below the top edge by the header
        # distance (after whatever the template's header holds above it), the footer's last
        # line above the bottom edge by the footer distance.
        para = self._text(header, bold=True, align="right")  # as in the Word template
        top = page.height - page.header - page.header_above
        self.header = self._code(para, top - para.height, "Header")

    def _text(self, text: str, *, bold: bool, align: str) -> Para:
        return paragraph((Span(text, bold=bold),), self.styles, "furniture", self.width, align=align)

    def _code(self, para: Para, bottom: float, kind: str) -> str:
        """Return the operators that draw ``para``, leaving the graphics state as it was.

        In a tagged PDF they are a pagination artifact of the ``kind`` (Header or Footer).
        """
        tagged = self.painter.tags is not None
        code = [PAGINATION.format(kind), "q"] if tagged else ["q"]
        self.painter.start(code)
        para.draw_lines(self.painter, self.page.left, bottom + para.height, 0, len(para.lines))
        code.append("Q")
        if tagged:
            code.append(END)
        return "\n".join(code)

    def footer(self, page: int, total: int) -> str:
        """Return the operators that draw the page number of ``page``."""
        label = self.styles.house.labels.page_number.format(page=page, pages=total)
        para = self._text(label, bold=False, align="centre")
        return self._code(para, self.page.footer + self.page.footer_below, "Footer")

    def draw_pictures(self, canvas: Canvas) -> None:
        """Draw the template's header and footer pictures on the canvas's current page.

        Each is page furniture: in a tagged PDF, a pagination artifact (ISO 14289-1, 7.8).
        """
        tagged = self.painter.tags is not None
        for picture in self.page.pictures:
            bottom = picture.y if picture.footer else self.page.height - picture.y - picture.height
            if tagged:
                canvas._code.append(PAGINATION.format("Footer" if picture.footer else "Header"))
            canvas.drawImage(_image(picture.data), picture.x, bottom,
                             picture.width, picture.height, mask="auto")
            if tagged:
                canvas._code.append(END)


class Pages:
    """Each finished page's content and outline entries, kept until the page count is known.

    reportlab keeps every page's content in memory until the file is saved in any case; here
    it is kept a little earlier, so the footer can say "of Y" without laying anything out twice.
    """

    def __init__(self, painter: Painter) -> None:
        self.painter = painter
        self.contents: list[str] = []
        self.entries: list[list[Entry]] = [[]]
        self.code: list[str] = []
        painter.start(self.code)

    def new_page(self) -> int:
        """Finish the current page and return the number of the next."""
        if self.painter.tags is not None:
            self.painter.tags.new_page()
        self.contents.append("\n".join(self.code))
        self.entries.append([])
        self.code = []
        self.painter.start(self.code)
        return len(self.contents) + 1

    def write(self, canvas: Canvas, furniture: Furniture) -> None:
        """Finish the last page and hand every page, with its furniture, to the canvas."""
        self.new_page()
        total = len(self.contents)
        for index in range(total):
            canvas._code.extend((furniture.header, furniture.footer(index + 1, total)))
            furniture.draw_pictures(canvas)
            canvas._code.append(self.contents[index])
            self.contents[index] = ""  # reportlab has its own copy now
            for key, title, level in self.entries[index]:
                canvas.bookmarkPage(key, fit="XYZ")
                canvas.addOutlineEntry(title, key, level=level, closed=False)
            canvas.showPage()
            canvas._doc.Pages.pages[-1].Trans = None  # reportlab's empty /Trans << >>


def write_pdf(layout: DocumentLayout, style: HouseStyle, fonts: Fonts, stream: BinaryIO, *,
              tagged: bool = True, variant: str | None = None) -> list[int]:
    """Write the PDF to ``stream``; return the page (from 1) each page layout starts on.

    A tagged PDF (the default) has a structure tree and the rest of what PDF/UA asks for. The
    ``variant`` "pdf/a-2b" makes it an archive copy too (PDF/A-2b), which must be tagged.
    """
    if not layout.pages:
        raise CommitteePapersError("the report has no exception pages, so there is no PDF to "
                                   "write: add a section with at least one page")
    if variant is not None and variant not in VARIANTS:
        raise CommitteePapersError(f"there is no PDF variant {variant!r}: give one of {', '.join(VARIANTS)}")
    if variant is not None and not tagged:
        raise CommitteePapersError(f"a {variant} file is made from a tagged PDF: leave tagging on")
    styles = Styles(style, fonts)
    drawn = io.BytesIO()
    canvas = _canvas(drawn if tagged else stream, layout, style, fonts)
    painter = Painter(canvas._doc)
    tags = painter.tags = Tagger(one_line(layout.title), layout.language) if tagged else None
    pages = Pages(painter)
    setup = style.page_setup
    frame_top = setup.height - setup.top - header_excess(styles, layout.running_header)
    frame_bottom = setup.bottom + footer_excess(styles)
    width, height = setup.text_width, frame_top - frame_bottom
    frame = Frame(painter, pages.new_page, (setup.left, frame_bottom, frame_top))
    bookmarks, starts = Bookmarks(), []
    for number, page in enumerate(layout.pages):
        if number:
            frame.new_page()
        starts.append(frame.page)
        pages.entries[-1].extend(bookmarks.entries(page))
        frame.add_all(page_story(page, styles, width, height, None if tags is None else tags.document))
    pages.write(canvas, Furniture(painter, styles, layout.running_header))
    if tags is None:
        canvas.save()
        return starts
    root = prepare(canvas, tags, variant)
    canvas.save()
    stream.write(finish(drawn.getvalue(), canvas, tags, root))
    return starts
