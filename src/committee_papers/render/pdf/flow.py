"""Flow an exception page's blocks down the text frame, onto as many pages as they need.

Each block draws as much of itself as fits and says whether it is done; the frame then starts
a new page. Space before a block is dropped at the top of a page, and the space between two
blocks is the larger of the first's space after and the second's space before, as in Word
(the greater of the two, not their sum) and in LibreOffice's reading of a Word file.
A heading keeps with the start of what follows it (two lines of a paragraph, or a table's header rows and first
row), so a heading never ends a page; the rest of what follows flows on as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from .draw import Painter


class Block(Protocol):
    """What the frame needs of a paragraph or a table."""

    keep_with_next: bool
    space_before: float
    space_after: float

    @property
    def height(self) -> float: ...

    def min_first(self) -> float: ...

    def draw_part(self, painter: Painter, x: float, top: float, available: float,
                  at_top: bool) -> tuple[float, bool]: ...


class Frame:
    """The text area of the current page and how far down it is filled."""

    def __init__(self, painter: Painter, new_page: Callable[[], int], box: tuple[float, float, float]) -> None:
        self.painter, self._new_page = painter, new_page
        self.left, self.bottom, self.top = box
        self.y, self.at_top = self.top, True
        self.after = 0.0  # the space after the last block, already taken
        self.page = 1

    def new_page(self) -> None:
        """Finish the page and start the next at the top of its frame."""
        self.page = self._new_page()
        self.y, self.at_top, self.after = self.top, True, 0.0

    def reshape(self, box: tuple[float, float, float]) -> None:
        """Give the page just started another text area (a landscape page's): its left edge,
        bottom and top."""
        if not self.at_top:
            raise ValueError("a frame is reshaped only at the top of a page")
        self.left, self.bottom, self.top = box
        self.y = self.top

    def _before(self, block: Block) -> float:
        """Return the space to leave above ``block``."""
        return 0.0 if self.at_top else max(block.space_before - self.after, 0.0)

    def _needed(self, blocks: Sequence[Block], index: int) -> float:
        """Return the height a heading at ``index`` needs: itself and what it keeps with."""
        total, first, after = 0.0, True, 0.0
        while True:
            block = blocks[index]
            before = self._before(block) if first else max(block.space_before - after, 0.0)
            if block.keep_with_next and index + 1 < len(blocks):
                total += before + block.height + block.space_after
                after = block.space_after
                index, first = index + 1, False
                continue
            return total + before + block.min_first()

    def add(self, block: Block) -> None:
        """Draw a block, over as many pages as it needs."""
        while True:
            before = self._before(block)
            used, done = block.draw_part(self.painter, self.left, self.y - before,
                                         self.y - before - self.bottom, self.at_top)
            if used > 0:
                self.y -= before + used
                self.at_top, self.after = False, 0.0
            if done:
                self.y -= block.space_after
                self.at_top, self.after = False, block.space_after
                return
            self.new_page()

    def add_all(self, blocks: Sequence[Block]) -> None:
        """Draw the blocks in order, each heading kept with the start of what follows."""
        for index, block in enumerate(blocks):
            if (block.keep_with_next and not self.at_top
                    and self._needed(blocks, index) > self.y - self.bottom):
                self.new_page()
            self.add(block)
