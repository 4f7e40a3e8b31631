"""A renderer-neutral description of the document: blocks, tables of cells, runs of text.

The Word and PDF renderers draw exactly this, so the two outputs cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..style import Colour
from .chart import Chart
from .storable import clean_fields


class SpanRole(Enum):
    """What a span is, so a renderer can pick its font."""

    TEXT = "text"
    MARK = "mark"  # an arrow or tick/cross: drawn in the symbol font


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one style. ``alt`` is what a screen reader should say instead;
    ``link`` makes the run a hyperlink to that address (a Link in the PDF's structure);
    ``lang`` is the text's language where it is not the document's (a BCP 47 tag such as
    ``cy``)."""

    text: str
    bold: bool = False
    italic: bool = False
    colour: Colour | None = None
    role: SpanRole = SpanRole.TEXT
    alt: str | None = None
    link: str | None = None
    lang: str | None = None

    def __post_init__(self) -> None:
        clean_fields(self, "text", "alt")


class Align(Enum):
    """Horizontal alignment of a cell's content."""

    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"


class Scope(Enum):
    """Which cells a header cell labels."""

    COLUMN = "column"
    ROW = "row"


@dataclass(frozen=True, slots=True)
class LayoutCell:
    """A table cell. A spanning cell appears once, in the row and column where it starts."""

    spans: tuple[Span, ...] = ()
    colspan: int = 1
    rowspan: int = 1
    scope: Scope | None = None  # set on header cells: TH rather than TD
    align: Align = Align.LEFT
    fill: Colour | None = None
    small: bool = False

    @property
    def text(self) -> str:
        """Return the cell's text without styling."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, slots=True)
class LayoutRow:
    """A table row; header rows repeat when a table runs onto another page."""

    cells: tuple[LayoutCell, ...]
    header: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table: rows of cells, relative column widths, and a description for screen readers.

    ``size`` and ``cell_side`` are the font size of its text and the padding either side of its
    cells, in points, where the layout set them smaller than the house style's to fit the page
    (None: the style's ``table_size`` and ``spacing.cell_side``); a small cell's text is smaller
    in the same proportion.
    """

    rows: tuple[LayoutRow, ...]
    widths: tuple[float, ...]  # fractions of the text width, summing to 1
    description: str
    kind: str  # indicators, data, dot or supplementary: for house-style hooks and tests
    size: float | None = None
    cell_side: float | None = None

    def __post_init__(self) -> None:
        clean_fields(self, "description")

    @property
    def header_rows(self) -> int:
        """Return how many rows at the top are header rows."""
        count = 0
        for row in self.rows:
            if not row.header:
                break
            count += 1
        return count


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: level 1 is the portfolio, 2 the exception page, 3 its parts."""

    level: int
    text: str

    def __post_init__(self) -> None:
        clean_fields(self, "text")


class ParagraphKind(Enum):
    """The paragraph styles a page uses."""

    BODY = "body"
    SMALL = "small"  # footnotes


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph of spans. A newline in a span is a line break. ``keep_with_next`` keeps it
    on the page where what follows it starts (a table's title), in both formats."""

    spans: tuple[Span, ...]
    kind: ParagraphKind = ParagraphKind.BODY
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        """Return the paragraph's text without styling."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, slots=True)
class ListItems:
    """A bulleted or numbered list; each item is a paragraph of spans."""

    items: tuple[tuple[Span, ...], ...]
    ordered: bool = False


LayoutBlock = Heading | Table | TextBlock | ListItems | Chart


def gap_after(block: LayoutBlock, following: LayoutBlock | None) -> bool:
    """Tell whether the house style's space after a table (``Spacing.table_after``) follows
    ``block`` on its page, in both formats.

    It follows a table, but not before a footnote (it belongs right under its table) nor at
    the end of a page. It is the next paragraph's space before (the greater of the two: a
    heading keeps a larger space of its own); between two tables, which Word would join, it
    is a paragraph exactly that tall, in the PDF a gap of the same height.
    """
    if not isinstance(block, Table) or following is None:
        return False
    return not (isinstance(following, TextBlock) and following.kind is ParagraphKind.SMALL)


@dataclass(frozen=True, slots=True)
class PageLayout:
    """One exception page; it starts on a new page in both outputs, turned to landscape (the
    house style's page with its width and height swapped, the same margins) where
    ``landscape`` says, because a table would not fit it upright."""

    blocks: tuple[LayoutBlock, ...]
    bookmark: str
    portfolio: str  # the section it belongs to, for nested bookmarks
    landscape: bool = False

    def __post_init__(self) -> None:
        clean_fields(self, "bookmark", "portfolio")


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where a document's pages fell: the page (from 1) each page layout starts on, and how
    many pages there are."""

    starts: tuple[int, ...]
    pages: int


@dataclass(frozen=True, slots=True)
class DocumentLayout:
    """The whole appendix: metadata, page furniture and pages."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    language: str
    running_header: str
    pages: tuple[PageLayout, ...]

    def __post_init__(self) -> None:
        clean_fields(self, "title", "subject", "author", "keywords", "running_header")
