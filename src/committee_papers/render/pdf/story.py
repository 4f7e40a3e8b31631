"""Turn the blocks of one exception page into reportlab flowables."""

from __future__ import annotations

from reportlab.platypus import ListFlowable, ListItem
from reportlab.platypus.flowables import Flowable

from ...layout import Heading, LayoutBlock, ListItems, PageLayout, Table, TextBlock
from .keep import keep_headings
from .paragraphs import paragraph, plain
from .styles import Styles
from .tables import table_flowable


def _list(block: ListItems, styles: Styles) -> Flowable:
    house, body = styles.house, styles.get("body")
    items = [ListItem(paragraph(spans, styles, "body")) for spans in block.items]
    return ListFlowable(
        items, bulletType="1" if block.ordered else "bullet",
        bulletFormat="%s." if block.ordered else None,
        bulletFontName=styles.fonts.text.regular, bulletFontSize=house.body_size,
        bulletColor=body.textColor, leftIndent=house.body_size * 1.5,
        spaceAfter=body.spaceAfter,
    )


def block_flowable(block: LayoutBlock, styles: Styles, width: float) -> Flowable:
    """Return the flowable for one layout block."""
    if isinstance(block, Heading):
        return plain(block.text, styles, f"h{min(max(block.level, 1), 3)}", bold=True)
    if isinstance(block, Table):
        return table_flowable(block, styles, width)
    if isinstance(block, TextBlock):
        return paragraph(block.spans, styles, block.kind.value)
    return _list(block, styles)


def page_story(page: PageLayout, styles: Styles, width: float) -> list[Flowable]:
    """Return the flowables of one exception page, in order, each heading kept with the next."""
    flowables = [block_flowable(block, styles, width) for block in page.blocks]
    return keep_headings(flowables, [isinstance(block, Heading) for block in page.blocks])
