"""Turn the blocks of one exception page into paragraphs and tables that can draw themselves.

When the PDF is tagged, each block also gets its structure elements under the page's section:
a heading H1 to H6 (the layout's level; its levels never skip), a paragraph P, a list L of LI
(Lbl and LBody), a table (see ``tables``), a link a Link in its paragraph (``links``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...layout import Chart, Heading, LayoutBlock, PageLayout, Span, Table, TextBlock, gap_after
from .chart import chart_blocks
from .draw import Painter
from .flow import Block
from .paragraphs import list_item, paragraph
from .styles import HEADINGS, Styles
from .tables import TableBlock
from .tagging import Element, content
from .text import EPSILON

BULLET = "•"


def blocks(block: LayoutBlock, styles: Styles, width: float, height: float,
           parent: Element | None = None) -> Iterator[Block]:
    """Yield what one layout block draws as: a list yields one paragraph per item."""
    if isinstance(block, Heading):
        kind = f"h{min(max(block.level, 1), len(HEADINGS))}"
        heading = (Span(block.text, bold=True),)
        para = paragraph(heading, styles, kind, width, heading=True)
        para.element = content(kind.upper(), heading, parent)
        yield para
    elif isinstance(block, Table):
        yield TableBlock(block, styles, width, height, parent)
    elif isinstance(block, Chart):
        yield from chart_blocks(block, styles, width, parent)
    elif isinstance(block, TextBlock):
        para = paragraph(block.spans, styles, block.kind.value, width)
        para.keep_with_next = block.keep_with_next
        para.element = content("P", block.spans, parent)
        yield para
    else:
        listed = None if parent is None else Element("L", parent)
        for number, spans in enumerate(block.items, 1):
            para = list_item(spans, styles, width, f"{number}." if block.ordered else BULLET)
            if number < len(block.items):  # the list styles' space between their own items
                para.space_after = styles.house.spacing.list_between
            if listed is not None:
                item = Element("LI", listed)
                para.label = Element("Lbl", item)
                para.element = content("LBody", spans, item)
            yield para


class Gap:
    """The space between two tables (see ``layout.gap_after``): the house style's
    ``table_after``, as tall as the paragraph Word holds them apart with."""

    keep_with_next = False
    space_before = 0.0
    space_after = 0.0

    def __init__(self, styles: Styles) -> None:
        spacing = styles.house.spacing
        self.height = spacing.table_after + spacing.border / 2

    def min_first(self) -> float:
        """Return the height it needs: all of it."""
        return self.height

    def draw_part(self, painter: Painter, x: float, top: float, available: float,
                  at_top: bool) -> tuple[float, bool]:
        """Take its height if it fits (or at the top of a page); it draws nothing."""
        if at_top or self.height <= available + EPSILON:
            return self.height, True
        return 0.0, False


def page_story(page: PageLayout, styles: Styles, width: float, height: float,
               parent: Element | None = None) -> list[Block]:
    """Return what one exception page draws, in order, within a frame of the given size.

    After a table, the next paragraph's space before is at least the house style's
    ``table_after`` (as in Word), and two tables in a row have a ``Gap`` of that height between
    them. With a ``parent`` (the document's structure element), the page's elements go in a Sect.
    """
    section = None if parent is None else Element("Sect", parent, {"T": " ".join(page.bookmark.split())})
    story: list[Block] = []
    after_table = False
    for index, block in enumerate(page.blocks):
        made = list(blocks(block, styles, width, height, section))
        if after_table and isinstance(block, Table):
            story.append(Gap(styles))
        elif after_table and made:
            made[0].space_before = max(made[0].space_before, styles.house.spacing.table_after)
        story.extend(made)
        following = page.blocks[index + 1] if index + 1 < len(page.blocks) else None
        after_table = gap_after(block, following)
    return story
