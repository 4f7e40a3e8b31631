"""An exception page as an ordered list of blocks, so a council can compose its own layout.

A page lists its parts in the order they print: the indicator table, one or more data
tables, a Direction of Travel table, a trend chart, a status, text sections (notes,
commentary, each with its own label and sub-headings), supplementary tables and a key to
the marks. The common case stays short: ``ExceptionPage(indicators, table, dot_table, notes,
supplementary, commentary)`` lays them out in the order Blackpool's published pages use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .chart import TrendChart
from .comparisons import DotTable
from .status import Rag
from .tables import DataTable
from .text import Block, SupplementaryTable, as_blocks
from .values import Polarity, Unit


@dataclass(frozen=True, slots=True)
class Indicator:
    """A performance indicator: what it measures and, if the council states it, which way is
    better.

    ``polarity`` NONE (the default) draws no better/worse judgement, only the direction.
    ``better`` is the council's own wording of the polarity ("Smaller is better", "Data
    only"), shown instead of High/Low. ``id`` is its reference ("PKG 002"), ``officer`` and
    ``service`` who is responsible; each shows where the page's indicator table asks.
    ``prefix`` and ``suffix`` write a custom unit around each figure ("£" and "k", or " days",
    " per 1,000 residents"), only for units that write no symbol of their own. Raise
    ValueError for an empty description, or a prefix or suffix on a percent or money unit.
    """

    description: str
    polarity: Polarity = Polarity.NONE
    unit: Unit = Unit.NUMBER
    id: str | None = None
    better: str | None = None
    officer: str | None = None
    service: str | None = None
    prefix: str = ""
    suffix: str = ""

    def __post_init__(self) -> None:
        if not self.description.strip():
            raise ValueError("an indicator needs its description")
        if (self.prefix or self.suffix) and self.unit in (Unit.PERCENT, Unit.MONEY):
            raise ValueError(f"a {self.unit.value} figure writes its own symbol: give a prefix or suffix only with "
                             "the unit number, count, rate or days (e.g. unit: number, prefix: £, suffix: k)")

    @property
    def better_text(self) -> str:
        """Return the words of the "Better to be?" cell: the council's own, else High/Low/n/a."""
        return self.better if self.better is not None else self.polarity.label


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    """The table naming the page's indicators: ``Indicator Description | Better to be?``.

    ``polarity_header`` renames the polarity column (None: the house style's wording);
    ``show_polarity`` False leaves it out. ``show_id`` adds a Ref column, ``show_officer`` a
    Responsible officer column (with the service, if given).
    """

    polarity_header: str | None = None
    show_polarity: bool = True
    show_id: bool = False
    show_officer: bool = False


class TextKind(Enum):
    """What a text section is: its default label comes from the house style."""

    NOTES = "notes"
    COMMENTARY = "commentary"


@dataclass(frozen=True, slots=True)
class TextSection:
    """Paragraphs, lists and sub-headings under a label ("Commentary:", "Notes:").

    ``label`` None takes the house style's label for the kind; ``""`` shows none.
    """

    blocks: tuple[Block, ...]
    kind: TextKind = TextKind.COMMENTARY
    label: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "blocks", as_blocks(self.blocks, self.kind.value))


@dataclass(frozen=True, slots=True)
class StatusBlock:
    """The page's Red/Amber/Green status, shown as a word and its colour (never colour alone).

    ``stated`` is the status as the council gives it; without, it is computed from the first
    data table's first row against its target, Amber when within ``tolerance`` percent of it
    (None: the table's own ``status_tolerance``, so the page and its status column agree).
    ``label`` heads it ("RAG rating"; None: the house style's word, ``Labels.status``); ``reason``
    is printed after it.
    """

    stated: Rag | None = None
    label: str | None = None
    tolerance: Decimal | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.tolerance is None:
            return
        object.__setattr__(self, "tolerance", Decimal(self.tolerance))
        if not 0 <= self.tolerance <= 100:
            raise ValueError(f"a status tolerance is a percentage from 0 to 100, got {self.tolerance}")


@dataclass(frozen=True, slots=True)
class MarksKey:
    """A key saying what the page's marks mean ("How to read the marks")."""


PageBlock = (IndicatorTable | DataTable | DotTable | TrendChart | StatusBlock | TextSection | SupplementaryTable
             | MarksKey)
_BLOCK_TYPES = (IndicatorTable, DataTable, DotTable, TrendChart, StatusBlock, TextSection, SupplementaryTable,
                MarksKey)


def _default_blocks(table: DataTable | None, dot_table: DotTable | None, notes: object,
                    supplementary: Iterable[SupplementaryTable], commentary: object,
                    chart: TrendChart | None) -> tuple[PageBlock, ...]:
    """Return the parts in the order of Blackpool's pages."""
    blocks: list[PageBlock] = [IndicatorTable()]
    blocks += [part for part in (table, dot_table, chart) if part is not None]
    notes_blocks = as_blocks(notes, "notes")
    if notes_blocks:
        blocks.append(TextSection(notes_blocks, TextKind.NOTES))
    blocks += list(supplementary)
    commentary_blocks = as_blocks(commentary, "commentary")
    if commentary_blocks:
        blocks.append(TextSection(commentary_blocks, TextKind.COMMENTARY))
    return tuple(blocks)


@dataclass(frozen=True, slots=True, init=False)
class ExceptionPage:
    """One exception report: its indicators and its blocks, in the order they print.

    Give either ``blocks`` (any order, several data tables, text between tables) or the
    parts (``table``, ``dot_table``, ``notes``, ``supplementary``, ``commentary``, ``chart``),
    laid out in the seeds' order. ``notes`` and ``commentary`` take blocks or plain text.
    ``title`` is the page's heading; without one, none is printed (the first description
    names it in bookmarks). ``listed`` records whether the page was given as a list of blocks
    (the default: whether ``blocks`` is given), which decides where ``check`` says its fields
    are. Raise ValueError for a page without indicators, rows or
    comparisons naming an indicator it lacks, or both blocks and parts; TypeError for a block
    of the wrong kind.
    """

    indicators: tuple[Indicator, ...]
    blocks: tuple[PageBlock, ...]
    title: str | None
    listed: bool  # given as a list of blocks (else as parts, laid out in the default order)

    def __init__(self, indicators: Iterable[Indicator], table: DataTable | None = None,
                 dot_table: DotTable | None = None, notes: object = (),
                 supplementary: Iterable[SupplementaryTable] = (), commentary: object = (),
                 title: str | None = None, chart: TrendChart | None = None, *,
                 blocks: Iterable[PageBlock] | None = None, listed: bool | None = None) -> None:
        indicators = tuple(indicators)
        if blocks is None:
            laid = _default_blocks(table, dot_table, notes, supplementary, commentary, chart)
        else:
            if table or dot_table or notes or supplementary or commentary or chart:
                raise ValueError("give a page its blocks, or its parts (table, commentary, ...), not both")
            laid = tuple(blocks)
        object.__setattr__(self, "indicators", indicators)
        object.__setattr__(self, "blocks", laid)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "listed", blocks is not None if listed is None else listed)
        self._check()

    def _check(self) -> None:
        if any(not isinstance(i, Indicator) for i in self.indicators):
            raise TypeError("an exception page's indicators are Indicator values")
        if not self.indicators:
            raise ValueError("an exception page needs at least one indicator")
        wrong = [b for b in self.blocks if not isinstance(b, _BLOCK_TYPES)]
        if wrong:
            raise TypeError(f"a page's blocks are tables, text sections, charts, statuses or keys, "
                            f"not {type(wrong[0]).__name__}")
        used = [row.indicator for table in self.tables for row in table.rows]
        used += [c.indicator for dots in self.dot_tables for c in dots.comparisons]
        bad = sorted({i for i in used if not 0 <= i < len(self.indicators)})
        if bad:
            raise ValueError(f"rows or comparisons refer to indicators that do not exist: {bad}")
        if self.chart is not None:
            table = self.table
            if table is None and not self.chart.series:
                raise ValueError("a trend chart needs the page's data table, or figures of its own")
            self.chart.check_table(tuple(p.label for p in table.periods) if table else (),
                                   len(table.rows) if table else 0)

    def with_chart(self, chart: TrendChart) -> ExceptionPage:
        """Return the page with ``chart`` after its first Direction of Travel table (else after
        its first data table, else at the end), replacing any chart it had."""
        blocks = [b for b in self.blocks if not isinstance(b, TrendChart)]
        anchors = [i for i, b in enumerate(blocks) if isinstance(b, DotTable)] or [
            i for i, b in enumerate(blocks) if isinstance(b, DataTable)]
        at = anchors[0] + 1 if anchors else len(blocks)
        return self.with_blocks((*blocks[:at], chart, *blocks[at:]))

    def with_blocks(self, blocks: Iterable[PageBlock]) -> ExceptionPage:
        """Return the page with ``blocks`` in place of its own, given as it was (as parts or as
        a list of blocks, which decides where ``check`` says its fields are)."""
        return ExceptionPage(self.indicators, title=self.title, blocks=blocks, listed=self.listed)

    @property
    def heading(self) -> str:
        """Return the page's name: its title, else its first indicator's description."""
        return self.title or self.indicators[0].description

    @property
    def tables(self) -> tuple[DataTable, ...]:
        """Return the page's data tables, in order."""
        return tuple(b for b in self.blocks if isinstance(b, DataTable))

    @property
    def table(self) -> DataTable | None:
        """Return the page's first data table (None without one)."""
        return next(iter(self.tables), None)

    @property
    def dot_tables(self) -> tuple[DotTable, ...]:
        """Return the page's Direction of Travel tables, in order."""
        return tuple(b for b in self.blocks if isinstance(b, DotTable))

    @property
    def dot_table(self) -> DotTable | None:
        """Return the page's first Direction of Travel table (None without one)."""
        return next(iter(self.dot_tables), None)

    @property
    def chart(self) -> TrendChart | None:
        """Return the page's trend chart (None without one)."""
        return next((b for b in self.blocks if isinstance(b, TrendChart)), None)

    @property
    def supplementary(self) -> tuple[SupplementaryTable, ...]:
        """Return the page's supplementary tables, in order."""
        return tuple(b for b in self.blocks if isinstance(b, SupplementaryTable))

    def _text(self, kind: TextKind) -> tuple[Block, ...]:
        return tuple(x for b in self.blocks if isinstance(b, TextSection) and b.kind is kind for x in b.blocks)

    @property
    def notes(self) -> tuple[Block, ...]:
        """Return the blocks of every notes section, in order."""
        return self._text(TextKind.NOTES)

    @property
    def commentary(self) -> tuple[Block, ...]:
        """Return the blocks of every commentary section, in order."""
        return self._text(TextKind.COMMENTARY)
