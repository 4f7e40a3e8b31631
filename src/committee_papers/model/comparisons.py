"""The Direction of Travel table and its comparisons: two figures of a table's row, a given
mark, or words."""

from __future__ import annotations

from dataclasses import dataclass

from .tables import DataTable
from .values import Mark, Number, Value


@dataclass(frozen=True, slots=True)
class Comparison:
    """One entry of a Direction of Travel table.

    Exactly one form: ``current`` and ``reference`` (the mark is computed), ``reference``
    with ``missing`` (the current period has no figure: no mark, and a warning), ``stated`` (the
    data behind it is not held, so the mark is given), or ``text`` (e.g. a quartile).
    """

    label: str
    current: Value | None = None
    reference: Value | None = None
    stated: Mark | None = None
    text: str | None = None
    published: Mark | None = None
    indicator: int = 0
    missing: str | None = None  # the current period that has no figure, e.g. "Q3"

    def __post_init__(self) -> None:
        computed = self.current is not None and self.reference is not None
        blank = self.missing is not None and self.current is None
        forms = [computed, blank, self.stated is not None, self.text is not None]
        if sum(forms) != 1 or (self.current is not None and self.reference is None):
            raise ValueError(
                f"comparison {self.label!r} needs exactly one of: current and reference, "
                "a reference with the current period missing, stated, or text"
            )
        units = {value.unit.value if isinstance(value, Number) else "count with its rate"
                 for value in (self.current, self.reference) if value is not None} - {"number"}
        if len(units) > 1 and not units <= {"count with its rate", "count", "rate"}:  # 45% against £50
            shown = " and ".join(sorted(units))
            raise ValueError(f"comparison {self.label!r} compares figures in different units ({shown}): give "
                             "the reference in the unit of the figure it is compared with")

    @classmethod
    def of(cls, table: DataTable, label: str, reference: str, current: str = "latest", *, row: int | str = 0,
           published: Mark | None = None) -> Comparison:
        """Return the comparison of two figures of a table's row, as the YAML form reads it.

        ``reference`` and ``current`` are each ``"latest"`` (the period reported), ``"target"``
        or a column label (``"Q2"``, ``"2015/16"``); ``row`` is the row's position or label.
        When the current period is blank the comparison has no mark (``missing``). Raises
        ValueError for a row or figure the table does not have, or a blank reference.
        """
        matches = [r for i, r in enumerate(table.rows) if row in (i, r.label)]
        if not matches:
            raise ValueError(f"{row!r} is not a row label or position of the table")
        chosen = matches[0]
        then = table.figure(chosen, reference)
        if then is None:
            raise ValueError(f"the reference of {label!r} is the current period, which has no figure: "
                             "compare with another period")
        now = table.figure(chosen, current)
        if now is None:
            found = table.now(chosen)
            assert found is not None  # figure() returned None only for a blank current period
            return cls(label, None, then, None, None, published, chosen.indicator, missing=found[0].label)
        return cls(label, now, then, None, None, published, chosen.indicator)


@dataclass(frozen=True, slots=True)
class DotTable:
    """The Direction of Travel table: several comparisons side by side."""

    comparisons: tuple[Comparison, ...]
    title: str | None = None  # None: the house style's words (``Labels.direction_of_travel``)

    def __post_init__(self) -> None:
        if not self.comparisons:
            raise ValueError("a Direction of Travel table needs at least one comparison")
