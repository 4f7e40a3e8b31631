"""Keep a heading with the start of what follows it, so a heading never ends a page.

reportlab's own ``keepWithNext`` wraps the heading and the whole next flowable in a
KeepTogether, which moves both to a new page whenever the next flowable is taller than the space
left: a heading followed by a long commentary or table would leave most of a page blank. Here
the heading only needs the first piece of what follows (two lines of a paragraph, or the header
rows and first row of a table) on the same page; the rest flows on as usual.
"""

from __future__ import annotations

from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import Flowable

SAFETY = 1.0  # points kept in hand against rounding in reportlab's own arithmetic
_ALWAYS_SPLIT = 0xFFFFFF  # a height no frame has, so the frame always asks us to split


class KeepWithNext(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A heading (``first``) that must share a page with the start of ``following``."""

    def __init__(self, first: Flowable, following: Flowable) -> None:
        super().__init__()
        self.first, self.following = first, following

    def getSpaceBefore(self) -> float:  # reportlab's name
        return float(self.first.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # reportlab's name
        return float(self.following.getSpaceAfter())

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, _ALWAYS_SPLIT

    def pieces(self, canvas: object, width: float, height: float) -> list[Flowable] | None:
        """Return the flowables to draw if the heading and a first piece fit, else None."""
        _, used = self.first.wrapOn(canvas, width, height)
        room = height - used - self.first.getSpaceAfter() - self.following.getSpaceBefore() - SAFETY
        if room <= 0:
            return None
        if isinstance(self.following, KeepWithNext):
            rest = self.following.pieces(canvas, width, room)
            return None if rest is None else [self.first, *rest]
        _, needed = self.following.wrapOn(canvas, width, room)
        if needed <= room:
            return [self.first, self.following]
        parts = self.following.splitOn(canvas, width, room)
        return [self.first, *parts] if parts else None

    def _flat(self) -> list[Flowable]:
        following = self.following
        rest = following._flat() if isinstance(following, KeepWithNext) else [following]
        return [self.first, *rest]

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        found = self.pieces(self.canv, available_width, available_height)
        if found is not None:
            return found
        frame = getattr(self, "_frame", None)
        if frame is not None and frame._atTop:
            return self._flat()  # a fresh page cannot do better: let the pieces flow
        return [FrameBreak(), *self._flat()]


def keep_headings(flowables: list[Flowable], is_heading: list[bool]) -> list[Flowable]:
    """Return the flowables with each heading bound to the flowable after it."""
    result: list[Flowable] = []
    for flowable, heading in zip(reversed(flowables), reversed(is_heading), strict=True):
        if heading and result:
            result[0] = KeepWithNext(flowable, result[0])
        else:
            result.insert(0, flowable)
    return result
