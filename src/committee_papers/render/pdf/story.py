"""Turn the blocks of one exception page into paragraphs and tables that can draw themselves."""

from __future__ import annotations

from collections.abc import Iterator

from ...layout import Heading, LayoutBlock, PageLayout, Span, Table, TextBlock
from .flow import Block
from .paragraphs import list_item, paragraph
from .styles import Styles
from .tables import TableBlock

BULLET = "•"


def blocks(block: LayoutBlock, styles: Styles, width: float, height: float) -> Iterator[Block]:
    """Yield what one layout block draws as: a list yields one paragraph per item."""
    if isinstance(block, Heading):
        kind = f"h{min(max(block.level, 1), 3)}"
        yield paragraph((Span(block.text, bold=True),), styles, kind, width, heading=True)
    elif isinstance(block, Table):
        yield TableBlock(block, styles, width, height)
    elif isinstance(block, TextBlock):
        yield paragraph(block.spans, styles, block.kind.value, width)
    else:
        for number, spans in enumerate(block.items, 1):
            yield list_item(spans, styles, width, f"{number}." if block.ordered else BULLET)


def page_story(page: PageLayout, styles: Styles, width: float, height: float) -> list[Block]:
    """Return what one exception page draws, in order, within a frame of the given size."""
    return [found for block in page.blocks for found in blocks(block, styles, width, height)]
