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

_END_TWIPS = 20  # the paragraph Word requires after a table that ends the body: one point


class BodyWriter:
    """Write exception pages as body XML, each page after the first starting a new page."""

    def __init__(self, document: Any, found: TemplateStyles, palette: Palette, ids: StyleIds,
                 text_width: int, style: HouseStyle = DEFAULT_STYLE, turned_width: int | None = None) -> None:
        self.document, self.style = document, style
        self._charts: Any = None  # a ChartWriter, made for the first chart (python-pptx loads then)
        self.palette = palette
        self.ids = ids
        self.text_width = text_width  # twips
        self.turned_width = text_width if turned_width is None else turned_width  # a landscape page's
        self._width = text_width  # the current page's
        self.sections = 1  # the body's sections: each turn of the page starts one
        self._section_start = False  # the page being written starts a section (so a new page)
        self._numbering = Numbering(document, found)
        self._links = Links(document.part)

    def _paragraph(self, style: str, content: str = "", *, page_break: bool = False,
                   num_id: int | None = None, keep_next: bool = False, before: int | None = None) -> str:
        at_top = page_break and self._section_start  # a new section starts the page already
        start = wml.paragraph(self.ids.paragraph[style], page_break=page_break and not at_top, num_id=num_id,
                              keep_next=keep_next, before=before, at_top=at_top)
        return f"{start}{content}{wml.PARAGRAPH_END}"

    def body(self, pages: Iterable[PageLayout]) -> list[str]:
        """Return the XML of the body's blocks, one string per page.

        No empty paragraph spaces blocks apart: the space after a table is the next paragraph's
        space before. Two exceptions, each a paragraph Word requires (``wml.separator``): two
        tables in a row are held apart by a paragraph exactly as tall as that space (Word would
        join them), and a body that ends with a table ends with a hidden one-point paragraph
        (a body's last block before its section properties is a paragraph: Word adds one).
        Where pages turn from upright to landscape or back, a paragraph ending a section
        (``wml.section_end``) closes the pages before; the last section's properties are the
        template's, which ``render.py`` turns to match the last page.
        """
        chunks = []
        last: LayoutBlock | None = None
        turned = False
        for number, page in enumerate(pages):
            new_section = number > 0 and page.landscape != turned
            if new_section:
                chunks.append(wml.section_end(self.document, landscape=turned, first=self.sections == 1))
                self.sections += 1
            elif isinstance(last, Table) and page.blocks and isinstance(page.blocks[0], Table):
                chunks.append(wml.separator(self.ids.paragraph[styles.BODY], _END_TWIPS))  # not joined
            turned = page.landscape
            self._width = self.turned_width if turned else self.text_width
            self._section_start = new_section
            chunks.append(self.page(page, new_page=number > 0))
            self._section_start = False
            if page.blocks:
                last = page.blocks[-1]
        if isinstance(last, Table):
            chunks.append(wml.separator(self.ids.paragraph[styles.BODY], _END_TWIPS))
        return chunks

    def page(self, page: PageLayout, *, new_page: bool) -> str:
        """Return the XML of one page; ``new_page`` makes it start a new page."""
        blocks = []
        gap = round(self.style.spacing.table_after * 20)
        after_table = False
        for index, block in enumerate(page.blocks):
            if after_table and isinstance(block, Table):
                blocks.append(wml.separator(self.ids.paragraph[styles.BODY], gap))
            blocks.append(self._block(block, page_break=new_page and index == 0,
                                      before=gap if after_table and not isinstance(block, Table) else None))
            following = page.blocks[index + 1] if index + 1 < len(page.blocks) else None
            after_table = gap_after(block, following)
        return "".join(blocks)

    def _before(self, style: str, gap: int | None) -> int | None:
        """Return a paragraph's space before after a table: the greater of ``gap`` and its style's."""
        if gap is None:
            return None
        spacing = self.style.spacing
        own = 0.0
        if style in styles.HEADINGS or style in styles.DEEP_HEADINGS:
            befores = spacing.heading_before
            own = befores[min(int(style.rsplit(" ", 1)[1]), len(befores)) - 1]
        return max(gap, round(own * 20))

    def _block(self, block: LayoutBlock, *, page_break: bool, before: int | None = None) -> str:
        if isinstance(block, Heading):
            name = styles.heading(block.level)
            return self._paragraph(name, wml.run(block.text), page_break=page_break, keep_next=True,
                                   before=self._before(name, before))
        if isinstance(block, TextBlock):
            small = block.kind is ParagraphKind.SMALL
            return self._paragraph(styles.SMALL_TEXT if small else styles.BODY,
                                   spans_xml(block.spans, self.palette, self.ids, self._links),
                                   page_break=page_break, before=before, keep_next=block.keep_with_next)
        if isinstance(block, ListItems):
            return self._list(block, page_break=page_break, before=before)
        if isinstance(block, Chart):
            return self._chart(block, page_break=page_break and not self._section_start, before=before)
        page_break = page_break and not self._section_start
        return table_xml(block, self._width, self.palette, self.ids, self._links, page_break=page_break,
                         house=self.style)

    def _chart(self, block: Chart, *, page_break: bool, before: int | None = None) -> str:
        if self._charts is None:
            from .chart import ChartWriter

            self._charts = ChartWriter(self.document, self.style, self.text_width)
        self._charts.across(self._width)  # a landscape page's chart is as wide as its text, as in the PDF
        ids = self.ids.paragraph
        return str(self._charts.paragraphs(block, ids[styles.BODY], ids[styles.SMALL_TEXT], page_break=page_break,
                                           before=before))

    def _list(self, block: ListItems, *, page_break: bool, before: int | None = None) -> str:
        name = styles.LIST_NUMBER if block.ordered else styles.LIST_BULLET
        number = self._numbering.new(name) if block.ordered else None
        if block.ordered and number is None:  # the numbers would be lost without a word
            from .template import TemplateError

            raise TemplateError(f"the template's {name!r} style has no numbering, so a numbered list would "
                                "print without its numbers: give the style a numbered list format (in Word, "
                                "Modify Style > Format > Numbering), or use the house-style template")
        if not block.items:
            return self._paragraph(name, page_break=page_break, before=before)
        items = []
        for item in block.items:
            items.append(self._paragraph(name, spans_xml(item, self.palette, self.ids, self._links),
                                         page_break=page_break, num_id=number, before=before))
            page_break, before = False, None
        return "".join(items)
