"""Write the pages of a layout into the body of a Word document."""

from __future__ import annotations

from typing import Any

from ...layout import Heading, LayoutBlock, ListItems, PageLayout, ParagraphKind, Table, TextBlock
from . import styles, xml
from .runs import add_spans
from .styles import Palette
from .tables import add_table


class BodyWriter:
    """Append exception pages to a document, each after the first on a new page."""

    def __init__(self, document: Any, palette: Palette, text_width: int) -> None:
        self.document = document
        self.palette = palette
        self.text_width = text_width  # twips

    def _paragraph(self, style: str) -> Any:
        return self.document.add_paragraph(style=self.document.styles[style])

    def page(self, page: PageLayout, *, new_page: bool) -> None:
        """Write one page; ``new_page`` makes its first paragraph start a new page."""
        for index, block in enumerate(page.blocks):
            first = self._block(block)
            if new_page and index == 0:
                first.paragraph_format.page_break_before = True
            following = page.blocks[index + 1] if index + 1 < len(page.blocks) else None
            if isinstance(block, Table) and _needs_gap(following):
                self._paragraph(styles.BODY)  # keeps two tables apart; Word would join them

    def finish(self) -> None:
        """End the body with a paragraph, as Word requires after a table."""
        if xml.body_ends_with_table(self.document):
            self._paragraph(styles.BODY)

    def _block(self, block: LayoutBlock) -> Any:
        """Write a block and return its first paragraph."""
        if isinstance(block, Heading):
            paragraph = self._paragraph(styles.HEADINGS[min(block.level, 3) - 1])
            paragraph.add_run(block.text)
            return paragraph
        if isinstance(block, TextBlock):
            small = block.kind is ParagraphKind.SMALL
            paragraph = self._paragraph(styles.SMALL_TEXT if small else styles.BODY)
            add_spans(paragraph, block.spans, self.palette)
            return paragraph
        if isinstance(block, ListItems):
            return self._list(block)
        table = add_table(self.document, block, self.text_width, self.palette)
        return table.cell(0, 0).paragraphs[0]

    def _list(self, block: ListItems) -> Any:
        name = styles.LIST_NUMBER if block.ordered else styles.LIST_BULLET
        number = xml.new_numbering(self.document, self.document.styles[name]) if block.ordered \
            else None
        paragraphs = []
        for item in block.items:
            paragraph = self._paragraph(name)
            if number is not None:
                xml.set_numbering(paragraph, number)
            add_spans(paragraph, item, self.palette)
            paragraphs.append(paragraph)
        return paragraphs[0] if paragraphs else self._paragraph(name)


def _needs_gap(following: LayoutBlock | None) -> bool:
    """Tell whether a table needs an empty paragraph after it.

    Headings bring their own space; footnotes belong right under their table. None at the
    end of a page: an empty paragraph there could spill onto a page of its own.
    """
    if following is None or isinstance(following, Heading):
        return False
    return not (isinstance(following, TextBlock) and following.kind is ParagraphKind.SMALL)
