"""The data table of an exception page: its columns, rows, targets and DoT columns (the
Direction of Travel table is in `comparisons`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from types import MappingProxyType

from .columns import Period, PeriodKind, out_of_order
from .status import Rag
from .targets import TargetComparison, read_wording, threshold
from .values import Mark, Number, Unit, Value


class TargetKind(Enum):
    """How a target is stated."""

    VALUE = "value"
    INCREASE = "increase"  # "Increase on previous year"
    DECREASE = "decrease"  # "Decrease on last year"
    BASELINE = "baseline"  # a new indicator's first year: no target yet
    TEXT = "text"  # free wording with no rule behind it


DEFAULT_WORDING = {
    TargetKind.INCREASE: "Increase on previous year",
    TargetKind.DECREASE: "Decrease on previous year",
    TargetKind.BASELINE: "Baseline",
}


@dataclass(frozen=True, slots=True)
class Target:
    """A target: a figure (with the side of it that meets it, and the wording shown), a rule
    with its wording, ``Baseline`` or free text.

    ``Target.from_wording("Decrease to 14%", Unit.PERCENT)`` is a VALUE target of 14% met at
    14% or less, shown as "Decrease to 14%". Raise ValueError for a value without the VALUE
    kind (or the reverse), a comparison on another kind, or a TEXT target without wording.
    """

    kind: TargetKind
    value: Value | None = None
    wording: str | None = None
    comparison: TargetComparison | None = None  # None: met on the side the polarity favours

    @classmethod
    def from_wording(cls, text: str, unit: Unit = Unit.NUMBER, *, decimal_comma: bool = False) -> Target:
        """Return the target a council's wording states (see ``model.targets``), shown as typed."""
        found = read_wording(text, decimal_comma=decimal_comma)
        if found == "increase":
            return cls(TargetKind.INCREASE, wording=text)
        if found == "decrease":
            return cls(TargetKind.DECREASE, wording=text)
        if isinstance(found, tuple):
            comparison, figure = found
            return cls(TargetKind.VALUE, threshold(figure, unit, decimal_comma=decimal_comma), text, comparison)
        if text.strip().lower() == "baseline":
            return cls(TargetKind.BASELINE, wording=text)
        return cls(TargetKind.TEXT, wording=text)

    def __post_init__(self) -> None:
        if (self.kind is TargetKind.VALUE) != (self.value is not None):
            raise ValueError("a target has a value exactly when its kind is VALUE")
        if self.comparison is not None and self.kind is not TargetKind.VALUE:
            raise ValueError("only a target with a figure has a comparison")
        if self.kind is TargetKind.TEXT and not self.wording:
            raise ValueError("a TEXT target needs its wording")
        if self.wording is None and self.kind in DEFAULT_WORDING:
            object.__setattr__(self, "wording", DEFAULT_WORDING[self.kind])


class DotBasis(Enum):
    """What a DoT column of a data table compares the current figure with."""

    TARGET = "target"
    PAST = "past"  # the last past year's outturn ("DoT Against Past Performance")
    PREVIOUS_PERIOD = "previous_period"  # the period before: a short-term trend
    SAME_PERIOD_LAST_YEAR = "same_period_last_year"  # a long-term trend
    PERIOD = "period"  # a named column (``reference``)


@dataclass(frozen=True, slots=True)
class DotColumn:
    """A DoT column of a data table: what it compares with, and its header.

    ``header`` may hold a line break ("DoT\nAgainst Past Performance"); None (the default) is the
    house style's word in the report's language (``Labels.dot``: "DoT", Welsh "CT"). With ``subheader`` the
    header is two rows, as on Blackpool's published pages: ``header`` ("DoT") in the table's
    first header row and ``subheader`` ("Against Past Performance") in the second, under it.
    Raise ValueError for a PERIOD basis without its ``reference`` column, or an empty subheader.
    """

    basis: DotBasis
    header: str | None = None
    reference: str | None = None  # the column compared with, for the PERIOD basis (and, as before, any)
    subheader: str | None = None  # the header's second row; None: one cell spanning both rows

    def __post_init__(self) -> None:
        if self.basis is DotBasis.PERIOD and self.reference is None:
            raise ValueError("a DoT column against a period needs that period: give its reference")
        if self.subheader is not None and not self.subheader.strip():
            raise ValueError("a DoT column's subheader needs its words (leave it out for a one-row header)")

    @property
    def title(self) -> str:
        """Return the whole header in one line: ``DoT Against Past Performance`` (``DoT`` for
        the house style's word, when the header is not given)."""
        header = "DoT" if self.header is None else self.header
        return header if self.subheader is None else f"{header} {self.subheader}"


STATED_TOKENS = ("N/A", "n/a", "-", "\u2013", "\u2014", "TBC", "tbc", "..")
"""Cell texts that are never figures, accepted as typed (the Government Statistical Service's
symbols for "not available" and "not applicable", and "to be confirmed")."""


@dataclass(frozen=True, slots=True)
class StatedCell:
    """A figure cell that holds words instead of a figure: ``N/A``, ``-``, ``TBC``, ``Annual
    KPI``, ``Not available until 2018``. ``reason`` says why (read out with the table, shown
    by ``check``). A stated cell never enters a computation: no mark, status or chart uses it.
    Raise ValueError for empty text."""

    text: str
    reason: str | None = None

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a stated cell needs its words (leave the period out for a blank)")


@dataclass(frozen=True, slots=True)
class FigureNote:
    """Words or a marker printed with a figure: ``512 (Q3 time lag)`` (a note, in brackets
    after a space) or ``41%*`` (a ``marker``, right after the figure, explained in the page's
    notes). The figure itself is computed with as usual. Raise ValueError for empty text."""

    text: str
    marker: bool = False

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a figure's note or marker needs its text")

    def attach(self, figure: str) -> str:
        """Return ``figure`` written with the note or marker."""
        return f"{figure}{self.text}" if self.marker else f"{figure} ({self.text})"


@dataclass(frozen=True, slots=True)
class DataRow:
    """One row of figures; ``values`` maps period labels to figures, absent meaning blank.

    ``stated`` maps period labels to words shown instead of a figure (never computed with);
    ``notes`` maps period labels that have a figure to a note or marker printed with it.
    ``period_targets`` maps period labels to that period's own target (quarterly targets, a
    year-to-date target), shown in a Target row under the figures and used for the marks of
    that period in place of ``target``. Raise ValueError for a period both stated and given a
    figure, a note without a figure, or figures in different units (40% beside £60 or beside a
    bare 45; a count with its rate is a pair, not a figure in a unit).
    """

    values: Mapping[str, Value]
    label: str | None = None
    unit: Unit | None = None  # None: the indicator's unit
    indicator: int = 0  # index of the page's indicator this row measures
    target: Target | None = None
    published: Mark | None = None  # the DoT mark as published, checked against the figures
    status: Rag | None = None  # the RAG status as the council states it; None: computed
    stated: Mapping[str, StatedCell] = field(default_factory=dict)
    notes: Mapping[str, FigureNote] = field(default_factory=dict)
    period_targets: Mapping[str, Target] = field(default_factory=dict)  # a target per period column

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))
        object.__setattr__(self, "period_targets", MappingProxyType(dict(self.period_targets)))
        object.__setattr__(self, "stated", MappingProxyType(dict(self.stated)))
        object.__setattr__(self, "notes", MappingProxyType(dict(self.notes)))
        both = sorted(set(self.values) & set(self.stated))
        if both:
            raise ValueError(f"{', '.join(both)}: a cell holds a figure or stated words, not both")
        bare = sorted(set(self.notes) - set(self.values))
        if bare:
            raise ValueError(f"{', '.join(bare)}: a note or marker goes with a figure; for words alone use a "
                             "stated cell")
        units: dict[Unit, str] = {}
        for label, value in self.values.items():
            if isinstance(value, Number):
                units.setdefault(value.unit, label)
        if len(units) > 1:  # 40% beside £60, or beside a bare 45: a mark between them would mean nothing
            shown = ", ".join(f"{label} in {unit.value}" for unit, label in units.items())
            raise ValueError(f"the row's figures are in different units ({shown}): write every figure of a row "
                             "in one unit, as its indicator's unit says")


def _same_unit(row: DataRow, name: str, shared: Target | None) -> None:
    """Raise ValueError when a row's figures and the figures of its targets are in different
    units (45% against a target of £30): a mark between them would mean nothing. A figure with
    no unit of its own (``number``) fits any; a count with its rate may stand beside counts and
    plain numbers, not beside a percentage or money."""
    units: dict[Unit, str] = {}
    pairs = []
    for label, value in row.values.items():
        if isinstance(value, Number):
            units.setdefault(value.unit, label)
        else:
            pairs.append(label)
    targets = [("the target", row.target if row.target is not None else shared),
               *((f"the target for {label}", target) for label, target in row.period_targets.items())]
    for said, target in targets:
        if target is not None and isinstance(target.value, Number):
            units.setdefault(target.value.unit, said)
    measured = {unit: where for unit, where in units.items() if unit is not Unit.NUMBER}  # a bare figure fits any
    if len(measured) > 1:
        shown = ", ".join(f"{where} in {unit.value}" for unit, where in units.items())
        raise ValueError(f"row {name}: its figures and targets are in different units ({shown}): give them "
                         "all in the indicator's unit")
    if pairs and units.keys() & {Unit.PERCENT, Unit.MONEY}:
        shown = ", ".join(f"{where} in {unit.value}" for unit, where in units.items())
        raise ValueError(f"row {name}: a count with its rate ({pairs[0]}) stands beside {shown}: give the "
                         "row's figures in one unit")


@dataclass(frozen=True, slots=True)
class DataTable:
    """Past years, the current year's sub-periods, target, DoT columns and (``show_status``) a
    RAG status column, one row per measure.

    The Target column stands on its own, its header spanning the header rows, unless
    ``target_under_year``: then it is the last column under the current year's spanning header
    (``2015/16`` over ``Q1 Q2 Q3 Q4 Target``), as on most of Blackpool's published pages.

    A row's status is its stated ``DataRow.status``, else computed from the current figure
    and its target: Green when met, Amber when missed by at most ``status_tolerance`` percent
    of the target, Red beyond (``assess.rag``). Raise ValueError for repeated or disordered
    periods, a ``current`` or DoT reference that is not a column, a row with figures for
    unknown periods, a tolerance outside 0–100, or ``target_under_year`` on a table with no Target
    column or whose last column is not under a year's spanning header.
    """

    periods: tuple[Period, ...]
    rows: tuple[DataRow, ...]
    target: Target | None = None  # one target for all rows, shown spanning them
    dots: tuple[DotColumn, ...] = ()  # DoT columns, side by side (e.g. short and long term)
    label_header: str = ""
    target_header: str | None = None  # None: the house style's word (``Labels.target``)
    show_target: bool = True
    current: str | None = None  # the column the marks use; None: each row's latest figure
    show_status: bool = False  # a RAG status column after the DoT columns
    indicator_labels: bool = False  # each row headed by its indicator's reference and description
    status_header: str | None = None  # None: the house style's word (``Labels.status``)
    status_tolerance: Decimal = Decimal(5)  # percent of the target within which a miss is Amber
    target_under_year: bool = False  # the Target column under the current year's header span

    def __post_init__(self) -> None:
        object.__setattr__(self, "status_tolerance", Decimal(self.status_tolerance))
        if not 0 <= self.status_tolerance <= 100:
            raise ValueError(f"a status tolerance is a percentage from 0 to 100, got {self.status_tolerance}")
        labels = [p.label for p in self.periods]
        duplicates = sorted({x for x in labels if labels.count(x) > 1})
        if duplicates:
            raise ValueError(f"period labels must be unique, repeated: {', '.join(duplicates)}")
        disorder = out_of_order(self.periods)
        if disorder is not None:
            raise ValueError(disorder)
        if self.current is not None and self.current not in labels:
            raise ValueError(f"the current period {self.current!r} is not a column of the table")
        for column in self.dots:
            if column.reference is not None and column.reference not in labels:
                raise ValueError(f"the DoT column {column.title!r} compares with {column.reference!r}, which "
                                 "is not a column of the table")
        if self.target_under_year:
            if not self.show_target:
                raise ValueError("target_under_year puts the Target column under the year's header, but the "
                                 "table has no target: give one, or leave target_under_year out")
            if not self.periods or self.periods[-1].group is None:
                raise ValueError("target_under_year puts the Target column under the current year's header, but "
                                 "the last column is not under a year's header: give the year and its periods "
                                 "(columns: year, periods), or leave target_under_year out")
        for number, row in enumerate(self.rows):
            name = repr(row.label) if row.label else str(number)
            unknown = [k for k in (*row.values, *row.stated, *row.period_targets) if k not in labels]
            if unknown:
                raise ValueError(f"row {name} has figures or targets for periods that are not columns: {unknown}")
            _same_unit(row, name, self.target)

    @property
    def dot(self) -> DotColumn | None:
        """Return the first DoT column (None without one)."""
        return self.dots[0] if self.dots else None

    def period(self, label: str) -> Period:
        """Return the period with this label."""
        for period in self.periods:
            if period.label == label:
                return period
        raise KeyError(label)

    def now(self, row: DataRow) -> tuple[Period, Value | None] | None:
        """Return the column the row's marks use and its figure (None: that period has none).

        With a ``current`` column, that one, figure or not: a blank is never filled from
        another period. Without, the row's latest column with a figure or stated words
        (``latest``'s order); stated words there give None, so no mark is drawn from an older
        figure.
        """
        if self.current is not None:
            period = self.period(self.current)
            return period, row.values.get(period.label)
        found = self.latest(row)
        for period in self._recent_first():
            if found is not None and period == found[0]:
                return found
            if period.label in row.stated:
                return period, None
        return found

    def _recent_first(self) -> list[Period]:
        """Return the columns in the order ``latest`` looks: this year's, then past years."""
        current = [p for p in self.periods if p.kind not in (PeriodKind.YEAR, PeriodKind.CUMULATIVE)]
        past = [p for p in self.periods if p.kind is PeriodKind.YEAR]
        return [*reversed(current), *reversed(past)]

    def latest(self, row: DataRow) -> tuple[Period, Value] | None:
        """Return the row's most recent column with a figure, preferring the current year's; a
        cumulative column (YTD) is never the latest, as it adds up several periods."""
        for period in self._recent_first():
            if period.label in row.values:
                return period, row.values[period.label]
        return None

    def previous_year(self, row: DataRow) -> tuple[Period, Value] | None:
        """Return the row's last past year with a figure (its outturn), if it has one."""
        for period in reversed(self.periods):
            if period.kind is PeriodKind.YEAR and period.label in row.values:
                return period, row.values[period.label]
        return None

    def year_before(self, row: DataRow, period: Period) -> tuple[Period, Value | None] | None:
        """Return the outturn column of the financial year before ``period``'s, with the row's
        figure there (None when blank or stated in words), as a rule target ("Increase on
        previous year") and a DoT against past performance compare with; None when the table
        has no such column. For a period of no known year, the last past year's column before
        it. Never an earlier year's: a blank last year gives no comparison."""
        if period.year is None:
            at = self.periods.index(period) if period in self.periods else len(self.periods)
            found = next((p for p in reversed(self.periods[:at]) if p.kind is PeriodKind.YEAR), None)
            return None if found is None else (found, row.values.get(found.label))
        wanted = period.year.start - 1
        for column in self.periods:
            if column.kind is PeriodKind.YEAR and column.year is not None and column.year.start == wanted:
                return column, row.values.get(column.label)
        return None

    def figure(self, row: DataRow, which: str) -> Value | None:
        """Return the figure a comparison names, as the YAML ``current``/``reference`` do.

        ``which`` is ``"latest"`` (the figure of the period reported, ``now``; None when that
        period is blank), ``"target"`` (the target's figure) or a column label (``"Q2"``).
        Raises ValueError when the row has no such figure.
        """
        if which == "latest":
            found = self.now(row)
            if found is None:
                raise ValueError("there is no latest figure: the row has no figures")
            return found[1]
        if which == "target":
            found = self.now(row)
            target = self.target_for(row, found[0].label if found else None)
            if target is None or target.value is None:
                raise ValueError("the row has no figure for its target")
            return target.value
        if which not in row.values:
            raise ValueError(f"the row has no figure for the period {which!r}")
        return row.values[which]

    def target_for(self, row: DataRow, period: str | None = None) -> Target | None:
        """Return the target that applies to a row in ``period`` (a column label): that
        period's own target if the row has one, else the row's, else the table's."""
        if period is not None and period in row.period_targets:
            return row.period_targets[period]
        return row.target if row.target is not None else self.target

    @property
    def has_period_targets(self) -> bool:
        """Return whether any row has targets per period (each then gets a Target row)."""
        return any(row.period_targets for row in self.rows)

    @property
    def has_row_labels(self) -> bool:
        """Return whether the table has a label column: rows headed by their indicators, Target
        rows to name, or any row with a label."""
        return self.indicator_labels or self.has_period_targets or any(row.label for row in self.rows)
