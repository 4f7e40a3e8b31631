"""Rich text for notes and commentary: paragraphs of runs, and lists."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style, and its language if not the paragraph's (e.g. ``cy``)."""

    text: str
    bold: bool = False
    italic: bool = False
    lang: str | None = None  # a BCP 47 language tag; None: the paragraph's, else the report's


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: runs in order, and its language if not the report's. A newline in a run is
    a line break."""

    runs: tuple[Run, ...]
    lang: str | None = None

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


Block = Paragraph | ListBlock


class RowStyle(Enum):
    """How a row of a supplementary table is set."""

    NORMAL = "normal"
    SUMMARY = "summary"  # bold, e.g. National Average
    FOOTNOTE = "footnote"  # small, e.g. *Perf Tab (Jan 2015)


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of a supplementary table, as text."""

    text: str
    colspan: int = 1
    bold: bool = False
    lang: str | None = None  # the cell's language, if not the report's

    def __post_init__(self) -> None:
        if self.colspan < 1:
            raise ValueError(f"colspan must be at least 1, got {self.colspan}")


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
    """A free-form table such as results per school, with header rows and footnotes."""

    header_rows: tuple[TableRow, ...]
    rows: tuple[TableRow, ...]
    footnotes: tuple[str, ...] = ()
    title: str | None = None
    description: str | None = None  # for screen readers

    def __post_init__(self) -> None:
        widths = {row.width for row in self.header_rows + self.rows}
        if len(widths) > 1:
            raise ValueError(f"every row must cover the same columns, got widths {sorted(widths)}")

    @property
    def width(self) -> int:
        """Return the number of grid columns."""
        return (self.header_rows + self.rows)[0].width if self.header_rows + self.rows else 0
