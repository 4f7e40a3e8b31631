"""Write the pages of a layout as the body of a Word document, in one pass."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...layout import Chart, Heading, LayoutBlock, ListItems, PageLayout, ParagraphKind, Table, TextBlock, gap_after
from ...style import DEFAULT_STYLE, HouseStyle
from . import styles, wml
from .numbering import Numbering
from .runs import Links, spans_xml
from .stylenames import TemplateStyles
from .styles import Palette, StyleIds
from .tables import table_xml


class BodyWriter:
    """Write exception pages as body XML, each page after the first starting a new page."""

    def __init__(self, document: Any, found: TemplateStyles, palette: Palette, ids: StyleIds,
                 text_width: int, style: HouseStyle = DEFAULT_STYLE) -> None:
        self.document, self.style = document, style
        self._charts: Any = None  # a ChartWriter, made for the first chart (python-pptx loads then)
        self.palette = palette
        self.ids = ids
        self.text_width = text_width  # twips
        self._numbering = Numbering(document, found)
        self._links = Links(document.part)

    def _paragraph(self, style: str, content: str = "", *, page_break: bool = False,
                   num_id: int | None = None) -> str:
        start = wml.paragraph(self.ids.paragraph[style], page_break=page_break, num_id=num_id)
        return f"{start}{content}{wml.PARAGRAPH_END}"

    def body(self, pages: Iterable[PageLayout]) -> list[str]:
        """Return the XML of the body's blocks, one string per page.

        A body that would end with a table gets a last paragraph: Word requires one.
        """
        chunks = []
        ends_with_table = False
        last: LayoutBlock | None = None
        for number, page in enumerate(pages):
            if last is not None and page.blocks and gap_after(last, page.blocks[0]):
                chunks.append(self._paragraph(styles.BODY))  # Word would join two tables
            chunks.append(self.page(page, new_page=number > 0))
            if page.blocks:
                ends_with_table = isinstance(page.blocks[-1], Table)
                last = page.blocks[-1]
        if ends_with_table:
            chunks.append(self._paragraph(styles.BODY))
        return chunks

    def page(self, page: PageLayout, *, new_page: bool) -> str:
        """Return the XML of one page; ``new_page`` makes it start a new page."""
        blocks = []
        for index, block in enumerate(page.blocks):
            blocks.append(self._block(block, page_break=new_page and index == 0))
            following = page.blocks[index + 1] if index + 1 < len(page.blocks) else None
            if gap_after(block, following):
                blocks.append(self._paragraph(styles.BODY))  # Word would join two tables
        return "".join(blocks)

    def _block(self, block: LayoutBlock, *, page_break: bool) -> str:
        if isinstance(block, Heading):
            return self._paragraph(styles.heading(block.level), wml.run(block.text), page_break=page_break)
        if isinstance(block, TextBlock):
            small = block.kind is ParagraphKind.SMALL
            return self._paragraph(styles.SMALL_TEXT if small else styles.BODY,
                                   spans_xml(block.spans, self.palette, self.ids, self._links),
                                   page_break=page_break)
        if isinstance(block, ListItems):
            return self._list(block, page_break=page_break)
        if isinstance(block, Chart):
            return self._chart(block, page_break=page_break)
        return table_xml(block, self.text_width, self.palette, self.ids, self._links, page_break=page_break)

    def _chart(self, block: Chart, *, page_break: bool) -> str:
        if self._charts is None:
            from .chart import ChartWriter

            self._charts = ChartWriter(self.document, self.style, self.text_width)
        ids = self.ids.paragraph
        return str(self._charts.paragraphs(block, ids[styles.BODY], ids[styles.SMALL_TEXT], page_break=page_break))

    def _list(self, block: ListItems, *, page_break: bool) -> str:
        name = styles.LIST_NUMBER if block.ordered else styles.LIST_BULLET
        number = self._numbering.new(name) if block.ordered else None
        if block.ordered and number is None:  # the numbers would be lost without a word
            from .template import TemplateError

            raise TemplateError(f"the template's {name!r} style has no numbering, so a numbered list would "
                                "print without its numbers: give the style a numbered list format (in Word, "
                                "Modify Style > Format > Numbering), or use the house-style template")
        if not block.items:
            return self._paragraph(name, page_break=page_break)
        items = []
        for item in block.items:
            items.append(self._paragraph(name, spans_xml(item, self.palette, self.ids, self._links),
                                         page_break=page_break, num_id=number))
            page_break = False
        return "".join(items)
