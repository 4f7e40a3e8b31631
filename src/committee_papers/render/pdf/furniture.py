"""The page furniture: the running header, "Page X of Y" and the template's pictures.

They sit where Word puts them (the house style's ``page_setup``, the Word template's own when
there is one): the header's first line ``page.header`` below the top edge, after whatever the
template's header holds above it; the footer's last line ``page.footer`` above the bottom
edge. A header that reaches below the top margin pushes the text down, as Word grows its
header area (and a footer pushes it up), by at most half the text height; a running header
that would need more is refused with an error naming the field, so it never runs off the page.

The header and the pictures are the same on every page: they are one content stream that
every page shares; each page's "Page X of Y" is a small stream of its own.
"""

from __future__ import annotations

from ...errors import CommitteePapersError
from ...layout import Span
from ...style import PageSetup, Picture
from .draw import Painter
from .paragraphs import Para, paragraph
from .styles import Styles
from .tagging import END, PAGINATION


def _header(styles: Styles, header: str, page: PageSetup) -> Para:
    width = page.text_width
    return paragraph((Span(header, bold=True),), styles, "furniture", width, align="right")


def header_excess(styles: Styles, header: str, page: PageSetup | None = None) -> float:
    """Return how far the header pushes the text below the top margin, as Word does (points).

    Word starts the header ``page.header`` below the top edge; what the template's header
    holds above and below the running header, and the running header's own lines, follow.
    When that reaches below the top margin, the text starts below it instead. Raises
    ``CommitteePapersError`` if it would push the text down more than half the text height.
    ``page`` is the page it is on (the house style's by default; a landscape page's).
    """
    page = page or styles.house.page_setup
    para = _header(styles, header, page)
    room = page.top - page.header - page.header_above - page.header_below
    excess = max(0.0, para.height - room)
    limit = page.text_height / 2
    if excess > limit:
        fit = max(1, int((room + limit) / para.leading))
        raise CommitteePapersError(
            f"appendix: the running header ({len(header)} characters) takes {len(para.lines)} lines, "
            f"and at most {fit} fit at the top of a page: shorten the appendix label")
    return float(excess)


def footer_excess(styles: Styles, page: PageSetup | None = None) -> float:
    """Return how far the footer pushes the text above the bottom margin, as Word does."""
    page = page or styles.house.page_setup
    line = styles.get("furniture").leading
    top = page.footer + page.footer_below + line + page.footer_above
    return float(min(max(0.0, top - page.bottom), page.text_height / 2))


def picture_name(index: int) -> str:
    """Return the resource name of the template's picture ``index`` (``/Im1`` for the first)."""
    return f"/Im{index + 1}"


class Furniture:
    """The running header, the template's pictures and the page numbers, on every page."""

    def __init__(self, painter: Painter, styles: Styles, header: str, page: PageSetup | None = None) -> None:
        self.painter, self.styles = painter, styles
        self.page = page = page or styles.house.page_setup
        self.width = page.text_width
        header_excess(styles, header, page)  # refuses a header that cannot fit
        para = _header(styles, header, page)  # right-aligned, as in the Word template
        top = page.height - page.header - page.header_above
        self.header = "\n".join((self._code(para, top - para.height, "Header"), self._pictures()))

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

    def _pictures(self) -> str:
        """Return the operators that draw the template's header and footer pictures.

        Each is the image XObject ``picture_name(n)`` (``writer.py`` adds them), scaled to its
        box; in a tagged PDF, a pagination artifact (ISO 14289-1, 7.8).
        """
        code: list[str] = []
        for index, picture in enumerate(self.page.pictures):
            kind = "Footer" if picture.footer else "Header"
            if self.painter.tags is not None:
                code.append(PAGINATION.format(kind))
            code.append(f"q {self._matrix(picture)} cm {picture_name(index)} Do Q")
            if self.painter.tags is not None:
                code.append(END)
        return "\n".join(code)

    def _matrix(self, picture: Picture) -> str:
        bottom = picture.y if picture.footer else self.page.height - picture.y - picture.height
        # on a turned page, its paragraph's alignment moves it across the wider text, as in Word
        x = picture.x + (self.page.text_width - self.styles.house.page_setup.text_width) * picture.align
        return f"{picture.width:.2f} 0 0 {picture.height:.2f} {x:.2f} {bottom:.2f}"

    def footer(self, page: int, total: int) -> str:
        """Return the operators that draw the page number of ``page``."""
        label = self.styles.house.labels.page_number.format(page=page, pages=total)
        para = self._text(label, bold=False, align="centre")
        return self._code(para, self.page.footer + self.page.footer_below, "Footer")
