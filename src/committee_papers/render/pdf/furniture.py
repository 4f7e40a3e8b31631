"""The page furniture: the running header and "Page X of Y" in the margins of every page.

Each sits in the middle of its margin. A running header too tall for the top margin pushes
the text down, as Word grows its header area, by at most half the text height; a header that
would need more is refused with an error naming the field, so it never starts above the page.
"""

from __future__ import annotations

from ...errors import CommitteePapersError
from ...layout import Span
from .draw import Painter
from .paragraphs import Para, paragraph
from .styles import Styles
from .tagging import END, PAGINATION
from .writer import A4

GAP = 4.0  # points between the running header or footer and the text, and the page's edge
MM = 72 / 25.4  # points in a millimetre


def _header(styles: Styles, header: str) -> Para:
    margin = styles.house.margin_mm * MM
    return paragraph((Span(header, bold=True),), styles, "furniture", A4[0] - 2 * margin, align="right")


def header_excess(styles: Styles, header: str) -> float:
    """Return how far a running header too tall for the top margin pushes the text down (points).

    Raises ``CommitteePapersError`` if it would push it down more than half the text height.
    """
    margin = styles.house.margin_mm * MM
    para = _header(styles, header)
    room = margin - 2 * GAP
    excess = max(0.0, para.height - room)
    limit = (A4[1] - 2 * margin) / 2
    if excess > limit:
        fit = int((room + limit) / para.leading)
        raise CommitteePapersError(
            f"appendix: the running header ({len(header)} characters) takes {len(para.lines)} lines, "
            f"and at most {fit} fit at the top of a page: shorten the appendix label")
    return float(excess)


class Furniture:
    """The running header and the page numbers, in the margins of every page."""

    def __init__(self, painter: Painter, styles: Styles, header: str) -> None:
        self.painter, self.styles = painter, styles
        self.margin = styles.house.margin_mm * MM
        self.width = A4[0] - 2 * self.margin
        para = _header(styles, header)  # right-aligned, as in the Word template
        self.excess = header_excess(styles, header)
        self.frame_top = A4[1] - self.margin - self.excess
        band = self.margin + self.excess  # from the text's top to the page's top edge
        self.header = self._code(para, self.frame_top + (band - para.height) / 2, "Header")

    def _text(self, text: str, *, bold: bool, align: str) -> Para:
        return paragraph((Span(text, bold=bold),), self.styles, "furniture", self.width, align=align)

    def _code(self, para: Para, bottom: float, kind: str) -> str:
        """Return the operators that draw ``para``, leaving the graphics state as it was.

        In a tagged PDF they are a pagination artifact of the ``kind`` (Header or Footer).
        """
        tagged = self.painter.tags is not None
        code = [PAGINATION.format(kind), "q"] if tagged else ["q"]
        self.painter.start(code)
        para.draw_lines(self.painter, self.margin, bottom + para.height, 0, len(para.lines))
        code.append("Q")
        if tagged:
            code.append(END)
        return "\n".join(code)

    def footer(self, page: int, total: int) -> str:
        """Return the operators that draw the page number of ``page``."""
        label = self.styles.house.labels.page_number.format(page=page, pages=total)
        para = self._text(label, bold=False, align="centre")
        return self._code(para, min(self.margin - GAP - para.height, self.margin / 2 - para.height / 2),
                          "Footer")


