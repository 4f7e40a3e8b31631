"""Rich text for notes and commentary: paragraphs of runs, and lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .language import check_language

_LINK_SCHEMES = ("https://", "http://", "mailto:")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style; with ``link`` (an ``https://``, ``http://`` or
    ``mailto:`` address) it is a hyperlink in both formats, and ``lang`` is its language if
    not the paragraph's (a BCP 47 tag such as ``cy``). Raise ValueError for a link of another
    scheme (``javascript:``, ``file:``), which a published paper must not carry, or a ``lang``
    that is not a language tag."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    lang: str | None = None  # None: the paragraph's language, else the report's

    def __post_init__(self) -> None:
        if self.link is not None:
            if not self.link.lower().startswith(_LINK_SCHEMES) or any(c.isspace() for c in self.link):
                raise ValueError(f"a link is a web or e-mail address (https://…, http://… or mailto:…) without "
                                 f"spaces, got {self.link[:60]!r}")
            if not self.text.strip():
                raise ValueError(f"a link needs words to show: give the text for {self.link[:60]!r}")
        if self.lang is not None:
            check_language(self.lang)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: runs in order, and its language if not the report's. A newline in a run is
    a line break."""

    runs: tuple[Run, ...]
    lang: str | None = None

    def __post_init__(self) -> None:
        if self.lang is not None:
            check_language(self.lang)

    @classmethod
    def plain(cls, text: str) -> Paragraph:
        """Return a paragraph of one unstyled run."""
        return cls((Run(text),))

    @property
    def text(self) -> str:
        """Return the paragraph's text without styling."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list of paragraphs."""

    items: tuple[Paragraph, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class SubHeading:
    """A heading inside commentary or notes: a question ("What actions are being taken?") or
    a dated update ("Update – March 2024"). ``level`` 1 sits under the page's own heading
    (Word's Heading 3, PDF H3), 2 under that (Heading 4, H4)."""

    text: str
    level: int = 1

    def __post_init__(self) -> None:
        if self.level not in (1, 2):
            raise ValueError(f"a sub-heading's level is 1 or 2, got {self.level}")
        if not self.text.strip():
            raise ValueError("a sub-heading needs its words")


Block = Paragraph | ListBlock | SubHeading


class RowStyle(Enum):
    """How a row of a supplementary table is set."""

    NORMAL = "normal"
    SUMMARY = "summary"  # bold, e.g. National Average
    FOOTNOTE = "footnote"  # small, e.g. *Perf Tab (Jan 2015)
    HEADER = "header"  # a header row part-way down, heading the rows under it


class ColumnAlign(Enum):
    """How a supplementary table's column sets its text."""

    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of a supplementary table, as text; it may span columns and rows."""

    text: str
    colspan: int = 1
    bold: bool = False
    rowspan: int = 1
    lang: str | None = None  # the cell's language, if not the report's

    def __post_init__(self) -> None:
        if self.colspan < 1:
            raise ValueError(f"colspan must be at least 1, got {self.colspan}")
        if self.rowspan < 1:
            raise ValueError(f"rowspan must be at least 1, got {self.rowspan}")
        if self.lang is not None:
            check_language(self.lang)


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of a supplementary table."""

    cells: tuple[Cell, ...]
    style: RowStyle = RowStyle.NORMAL

    @property
    def width(self) -> int:
        """Return the number of grid columns the row covers."""
        return sum(cell.colspan for cell in self.cells)


@dataclass(frozen=True, slots=True)
class SupplementaryTable:
    """A free-form table such as results per school, with header rows and footnotes.

    Cells may span columns and rows; a row of style HEADER heads the rows under it.
    ``widths`` gives each column's share (any positive numbers: ``(40, 20, 20, 20)``), else
    the first column takes 40% and the others share the rest; ``align`` sets each column's
    text, else the first is left-aligned and the others centred. Raise ValueError when the
    rows do not cover the same columns (counting the cells that rows above span into them),
    or ``widths``/``align`` do not give one entry per column.
    """

    header_rows: tuple[TableRow, ...]
    rows: tuple[TableRow, ...]
    footnotes: tuple[str, ...] = ()
    title: str | None = None
    description: str | None = None  # for screen readers
    widths: tuple[float, ...] | None = None
    align: tuple[ColumnAlign, ...] | None = None

    _width: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_width", _grid_width(self.header_rows + self.rows))
        width = self._width
        if self.widths is not None:
            if len(self.widths) != width or any(not w > 0 for w in self.widths):
                raise ValueError(f"give {width} column widths, each more than 0, got {list(self.widths)}")
            object.__setattr__(self, "widths", tuple(float(w) for w in self.widths))
        if self.align is not None and len(self.align) != width:
            raise ValueError(f"give {width} column alignments, got {len(self.align)}")

    @property
    def width(self) -> int:
        """Return the number of grid columns."""
        return self._width


def _grid_width(rows: tuple[TableRow, ...]) -> int:
    """Return the columns the rows cover, placing spanning cells as HTML does; raise ValueError
    if the rows cover different columns, cells overlap or a cell spans past the last row."""
    covered: set[tuple[int, int]] = set()
    reach = [0] * len(rows)
    for r, row in enumerate(rows):
        c = 0
        for cell in row.cells:
            while (r, c) in covered:
                c += 1
            if r + cell.rowspan > len(rows):
                raise ValueError("a cell spans rows past the end of the table")
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if (r + dr, c + dc) in covered:
                        raise ValueError(f"two cells overlap in row {r + dr + 1}: check the spans")
                    covered.add((r + dr, c + dc))
                reach[r + dr] = max(reach[r + dr], c + cell.colspan)
            c += cell.colspan
    if len(set(reach)) > 1:
        raise ValueError(f"every row must cover the same columns, got widths {sorted(set(reach))}")
    width = reach[0] if reach else 0
    if len(covered) != width * len(rows):
        raise ValueError("every row must cover the same columns: a row has a gap")
    return width


def as_blocks(value: object, name: str = "text") -> tuple[Block, ...]:
    """Return blocks from what a script may give: blocks, a text (paragraphs split at blank
    lines), or a list of texts and blocks. Raise TypeError for anything else, naming ``name``."""
    if isinstance(value, str):
        parts = [part.strip("\n") for part in re.split(r"\n[ \t]*\n", value.strip("\n"))]
        return tuple(Paragraph.plain(part) for part in parts if part.strip())
    if isinstance(value, (Paragraph, ListBlock, SubHeading)):
        return (value,)
    if isinstance(value, (list, tuple)):
        blocks: list[Block] = []
        for item in value:
            blocks.extend(as_blocks(item, name) if isinstance(item, str) else (item,))
        wrong = [block for block in blocks if not isinstance(block, (Paragraph, ListBlock, SubHeading))]
        if wrong:
            raise TypeError(f"the {name} are paragraphs, lists, sub-headings or text, not {type(wrong[0]).__name__}")
        return tuple(blocks)
    raise TypeError(f"the {name} are paragraphs, lists, sub-headings or text, not {type(value).__name__}")
