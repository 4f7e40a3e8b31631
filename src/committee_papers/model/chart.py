"""A trend chart on an exception page: which figures it plots, its target and comparators.

A chart either plots rows of the page's data table (``rows`` and ``periods`` choose them; left
empty, the layout chooses) or carries its own figures (``categories`` and ``series``), as a pack
does with the last quarters or months of a workbook. Everything has a default, so
``TrendChart()`` is the common case: the page's figures, its target and no comparators.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType

from .values import Number


class TargetLine(Enum):
    """How the target is drawn: AUTO is a step for per-period targets, else a level line."""

    AUTO = "auto"
    LINE = "line"
    STEP = "step"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Comparator:
    """A figure to compare with, drawn as a dashed level line: England, statistical neighbours."""

    label: str
    value: Number

    def __post_init__(self) -> None:
        if not self.label.strip():
            raise ValueError("a comparator needs a label, such as England")


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """Figures given directly, by period label (a label without a figure is a gap)."""

    name: str
    values: Mapping[str, Number]
    indicator: int = 0  # the page's indicator these figures measure

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))


@dataclass(frozen=True, slots=True)
class TrendChart:
    """A page's trend chart. Raise ValueError if its parts do not fit together.

    ``rows`` are positions in the data table (from 0) and ``periods`` its column labels; with
    ``series``, ``categories`` are the period labels in time order and the table is not used.
    ``targets`` maps period labels to per-period targets; ``history`` keeps only the last so
    many periods.
    """

    rows: tuple[int, ...] = ()
    periods: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    series: tuple[ChartSeries, ...] = ()
    target: TargetLine = TargetLine.AUTO
    targets: Mapping[str, Number] = field(default_factory=dict)
    comparators: tuple[Comparator, ...] = ()
    history: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "targets", MappingProxyType(dict(self.targets)))
        if self.series and (self.rows or self.periods):
            raise ValueError("a chart plots either rows of the table or its own series, not both")
        if bool(self.series) != bool(self.categories):
            raise ValueError("a chart's own series need its categories (the periods, in time order)")
        labels = [*self.categories, *self.periods]
        repeated = sorted({label for label in labels if labels.count(label) > 1})
        if repeated:
            raise ValueError(f"a chart's periods must be unique, repeated: {', '.join(repeated)}")
        if any(row < 0 for row in self.rows) or len(set(self.rows)) != len(self.rows):
            raise ValueError(f"a chart's rows are distinct positions from 0, got {list(self.rows)}")
        for series in self.series:
            unknown = sorted(set(series.values) - set(self.categories))
            if unknown:
                raise ValueError(f"series {series.name!r} has figures for periods not in the chart: {unknown}")
        if self.history is not None and self.history < 2:
            raise ValueError(f"a chart shows at least 2 periods, got history {self.history}")

    def check_table(self, periods: tuple[str, ...], rows: int) -> None:
        """Raise ValueError unless the chart's rows, periods and targets are in a table of
        ``rows`` rows with these period labels (or in its own categories)."""
        if self.series:
            known = set(self.categories)
        else:
            known = set(periods)
            unknown = [p for p in self.periods if p not in known]
            if unknown:
                raise ValueError(f"the chart's periods are not columns of the table: {unknown}")
            if any(row >= rows for row in self.rows):
                raise ValueError(f"the chart plots rows {list(self.rows)}, but the table has {rows}")
        extra = sorted(set(self.targets) - known)
        if extra:
            raise ValueError(f"the chart has targets for periods it does not show: {extra}")
