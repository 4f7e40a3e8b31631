"""The PDF document: the house style's pages, running header, "Page X of Y", bookmarks, metadata.

The page (size, orientation, margins, where the header and footer sit) is the house style's
``page_setup``: the Word template's own when there is one, so both outputs break pages alike.

The document is laid out and drawn in one pass. Each page's content is kept as it is finished;
when the last is done, and so the number of pages known, every page gets the running header
and its "Page X of Y", and the file is written (``writer.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import BinaryIO

from ...errors import CommitteePapersError
from ...languages import localised
from ...layout import DocumentLayout, PageLayout, Pagination
from ...style import HouseStyle, PageSetup
from .draw import Painter
from .embedding import FontSet
from .flow import Frame
from .fonts import Fonts
from .furniture import Furniture, footer_excess, header_excess
from .links import Links
from .pdfa import VARIANTS
from .story import page_story
from .streams import NEWLINE, flate
from .styles import Styles
from .tagging import Tagger
from .writer import LEVEL, Entry, Info, PageStreams, write_file


def one_line(text: str) -> str:
    """Return text for a one-line field (metadata, bookmarks): line breaks become spaces."""
    return text.replace("\n", " ")


class Bookmarks:
    """The outline entries of each exception page, nested under its portfolio."""

    def __init__(self) -> None:
        self.portfolio: str | None = None
        self.count = 0

    def entries(self, page: PageLayout) -> list[Entry]:
        """Return the entries for a page layout, in the order they are filed."""
        self.count += 1
        if not page.portfolio:  # e.g. a pack's scorecard: an entry of its own, at the top level
            self.portfolio = None
            return [(one_line(page.bookmark), 0)]
        found = []
        if page.portfolio != self.portfolio:
            self.portfolio = page.portfolio
            found.append((one_line(page.portfolio), 0))
        found.append((one_line(page.bookmark), 1))
        return found


class Pages:
    """Each finished page's content, compressed as soon as the page is done, and its bookmarks.

    The page furniture goes into streams of its own once the page count is known: the running
    header is one stream shared by every page, each page's "Page X of Y" a small stream, so
    nothing is laid out twice and a page's content is held only in its compressed form.
    """

    def __init__(self, painter: Painter) -> None:
        self.painter = painter
        self.bodies: list[bytes] = []  # each page's content stream, compressed
        self.entries: list[list[Entry]] = [[]]
        self.code: list[str] = []
        painter.start(self.code)

    def new_page(self) -> int:
        """Finish the current page and return the number of the next."""
        if self.painter.tags is not None:
            self.painter.tags.new_page()
        self.painter.links.new_page()
        self.bodies.append(flate("\n".join(self.code).encode("latin-1"), NEWLINE, LEVEL)[0])
        self.entries.append([])
        self.code = []
        self.painter.start(self.code)
        return len(self.bodies) + 1

    def finish(self, upright: Furniture, turned: Furniture | None = None,
               landscape: Sequence[bool] = ()) -> PageStreams:
        """Finish the last page; return the pages' content streams and their furniture, each
        page's the ``turned`` furniture where ``landscape`` says it is on its side."""
        self.new_page()
        total = len(self.bodies)
        page = upright.page
        flags = [bool(landscape) and landscape[n] for n in range(total)]
        footers = [(turned if flags[n] and turned is not None else upright).footer(n + 1, total)
                   for n in range(total)]
        return PageStreams(upright.header, footers, self.bodies, (page.width, page.height), page.pictures,
                           turned_header=None if turned is None else turned.header, landscape=flags)


def _frame(styles: Styles, header: str, page: PageSetup) -> tuple[float, float, float]:
    """Return the text frame's left edge, bottom and top on ``page``, below the running header
    and above the footer as Word places them."""
    top = page.height - page.top - header_excess(styles, header, page)
    return page.left, page.bottom + footer_excess(styles, page), top


class DrawnPdf:
    """A PDF laid out and drawn but not yet written: ``starts`` is the page (from 1) each page
    layout starts on; ``write`` writes the file."""

    def __init__(self, starts: list[int], streams: PageStreams, entries: list[list[Entry]], fonts: FontSet,
                 info: Info, tags: Tagger | None, variant: str | None, links: Links) -> None:
        self.starts = starts
        self.streams, self.entries, self.fonts = streams, entries, fonts
        self.info, self.tags, self.variant, self.links = info, tags, variant, links

    def write(self, stream: BinaryIO) -> None:
        """Write the file to ``stream`` (``writer.py``)."""
        write_file(stream, self.streams, self.entries, self.fonts, self.info, self.tags, self.variant, self.links)


def draw_pdf(layout: DocumentLayout, style: HouseStyle, fonts: Fonts, *, tagged: bool = True,
             variant: str | None = None, date: dt.date | None = None) -> DrawnPdf:
    """Lay out and draw every page of the PDF; return it, ready to write.

    A tagged PDF (the default) has a structure tree and the rest of what PDF/UA asks for. The
    ``variant`` "pdf/a-2b" makes it an archive copy too (PDF/A-2b), which must be tagged.
    ``date`` is the document's date (the meeting date): the PDF's creation and modification
    dates, as in the Word file; 1 January 1980 without one.
    """
    if not layout.pages:
        raise CommitteePapersError("the report has no exception pages, so there is no PDF to "
                                   "write: add a section with at least one page")
    if variant is not None and variant not in VARIANTS:
        raise CommitteePapersError(f"there is no PDF variant {variant!r}: give one of {', '.join(VARIANTS)}")
    if variant is not None and not tagged:
        raise CommitteePapersError(f"a {variant} file is made from a tagged PDF: leave tagging on")
    styles = Styles(localised(style, layout.language), fonts)  # "Page X of Y" in its language
    font_set = FontSet()
    painter = Painter(font_set)
    tags = painter.tags = Tagger(one_line(layout.title), layout.language) if tagged else None
    pages = Pages(painter)
    upright = style.page_setup
    turned = upright.turned() if any(page.landscape for page in layout.pages) else None
    boxes = {False: _frame(styles, layout.running_header, upright)}
    if turned is not None:
        boxes[True] = _frame(styles, layout.running_header, turned)
    frame = Frame(painter, pages.new_page, boxes[False])
    bookmarks, starts = Bookmarks(), []
    for number, page in enumerate(layout.pages):
        if number:
            frame.new_page()
        frame.reshape(boxes[page.landscape])
        starts.append(frame.page)
        pages.entries[-1].extend(bookmarks.entries(page))
        _left, bottom, top = boxes[page.landscape]
        frame.add_all(page_story(page, styles, (turned or upright).text_width if page.landscape else
                                 upright.text_width, top - bottom, None if tags is None else tags.document))
    total = len(pages.bodies) + 1
    ends = [*starts[1:], total + 1]
    landscape = [page.landscape for page, start, end in zip(layout.pages, starts, ends, strict=True)
                 for _ in range(start, end)]
    streams = pages.finish(Furniture(painter, styles, layout.running_header),
                           None if turned is None else Furniture(painter, styles, layout.running_header, turned),
                           landscape)
    info = Info(one_line(layout.title), one_line(layout.author), one_line(layout.subject),
                ", ".join(one_line(k) for k in layout.keywords), layout.language, date)
    return DrawnPdf(starts, streams, pages.entries, font_set, info, tags, variant, painter.links)


def write_pdf(layout: DocumentLayout, style: HouseStyle, fonts: Fonts, stream: BinaryIO, *,
              tagged: bool = True, variant: str | None = None, date: dt.date | None = None) -> Pagination:
    """Write the PDF to ``stream``; return the page (from 1) each page layout starts on, and the
    number of pages.

    The options are ``draw_pdf``'s.
    """
    drawn = draw_pdf(layout, style, fonts, tagged=tagged, variant=variant, date=date)
    drawn.write(stream)
    return Pagination(tuple(drawn.starts), len(drawn.streams.bodies))
