"""Lay out a page's trend chart once for both outputs: lines, scale, labels, alt text, caption.

The renderers draw exactly this: the PDF places each figure on the value axis computed here,
and the Word chart gets the same figures, the same axis bounds and step, and the same words.
The scale is the usual "nice numbers" one (steps of 1, 2, 2.5 or 5 times a power of ten),
worked out in decimals so a tick label is exactly the figure it stands for; it is a dozen lines,
so it is written here rather than taken from a charting library that would also want to draw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import Enum

from ..formatting import format_number, format_value
from ..model import (
    MAX_DIGITS,
    MAX_PLACES,
    DataRow,
    DataTable,
    ExceptionPage,
    Number,
    Period,
    PeriodKind,
    Polarity,
    TargetKind,
    TargetLine,
    TrendChart,
    Unit,
    headline,
)
from ..style import ChartStyle, Colour, HouseStyle
from .chart_words import alt_text, caption
from .storable import clean_fields

MAX_LINES = 4  # more lines than this on one small chart cannot be told apart
TICKS = 5  # about this many value-axis labels
NICE = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


class Role(Enum):
    """What a line of the chart shows."""

    FIGURES = "figures"
    TARGET = "target"
    COMPARATOR = "comparator"


class Dash(Enum):
    """A line's dash pattern, named as DrawingML presets name them (ECMA-376 20.1.10.48)."""

    SOLID = "solid"
    DASH = "dash"  # 4 on, 3 off, in line widths
    LONG_DASH = "lgDash"  # 8 on, 3 off
    DOT = "sysDot"  # 1 on, 1 off
    DASH_DOT = "dashDot"  # 4, 3, 1, 3


class Marker(Enum):
    """The mark drawn at each figure."""

    NONE = "none"
    CIRCLE = "circle"
    SQUARE = "square"
    TRIANGLE = "triangle"
    DIAMOND = "diamond"


FIGURE_MARKERS = (Marker.CIRCLE, Marker.SQUARE, Marker.TRIANGLE, Marker.DIAMOND)
COMPARATOR_DASHES = (Dash.DASH, Dash.DOT, Dash.DASH_DOT)


@dataclass(frozen=True, slots=True)
class ChartLine:
    """One line: its name in the legend, a figure (or None) per category, and how it is drawn.

    ``width`` is in points. A ``step`` line holds each value across its category's width.
    """

    name: str
    values: tuple[Decimal | None, ...]
    role: Role
    colour: Colour
    width: float
    dash: Dash
    marker: Marker
    step: bool = False
    places: int = 0  # decimal places of its figures, for the Word chart's number format

    def __post_init__(self) -> None:
        clean_fields(self, "name")


@dataclass(frozen=True, slots=True)
class ValueAxis:
    """The value axis: from ``minimum`` to ``maximum`` in steps of ``step``, each tick labelled."""

    minimum: Decimal
    maximum: Decimal
    step: Decimal
    labels: tuple[str, ...]  # one per tick, from the minimum up
    number_format: str  # the same labels as an Excel number format, for the Word chart

    @property
    def ticks(self) -> tuple[Decimal, ...]:
        """Return the tick values, from the minimum up."""
        count = int((self.maximum - self.minimum) / self.step) + 1
        return tuple(self.minimum + self.step * i for i in range(count))

    def fraction(self, value: Decimal | float) -> float:
        """Return how far up the axis ``value`` is: 0 at the minimum, 1 at the maximum."""
        return (float(value) - float(self.minimum)) / float(self.maximum - self.minimum)


@dataclass(frozen=True, slots=True)
class Chart:
    """A trend chart block: categories (periods) along, lines, the value axis and the words.

    ``current`` is (line, category) of the latest figure, drawn larger and labelled
    ``current_label``; ``label_every`` labels every so many categories, so labels never
    overlap. ``alt`` says the trend in words for a screen reader; ``caption`` is printed under
    the chart. ``height_mm`` is the chart's height; it takes the text width.
    """

    categories: tuple[str, ...]
    lines: tuple[ChartLine, ...]
    axis: ValueAxis
    current: tuple[int, int] | None
    current_label: str
    label_every: int
    alt: str
    caption: str
    height_mm: float
    unit: Unit

    def __post_init__(self) -> None:
        clean_fields(self, "categories", "current_label", "alt", "caption")


def _category(period: Period) -> str:
    """Return a column's name on the time axis: ``Q1 2016/2017``, ``Apr 2015``, ``2014/15``."""
    if period.kind is PeriodKind.MONTH and period.year is not None and period.index is not None:
        return f"{period.label} {period.year.start + (period.index < 4)}"
    if period.kind is PeriodKind.YEAR or period.group is None:
        return period.label
    return f"{period.label} {period.group}"


def _places(values: list[Number]) -> int:
    return max((v.places for v in values), default=0)


def nice_scale(low: Decimal, high: Decimal, unit: Unit) -> tuple[Decimal, Decimal, Decimal]:
    """Return (minimum, maximum, step) of an axis showing ``low`` to ``high`` in about 5 ticks.

    The axis starts at zero when all figures are positive and zero is no further below the
    lowest than the figures' own spread; a percentage axis stops at 100 when the figures do.
    """
    if low >= 0 and low <= high - low:
        low = Decimal(0)
    if high == low:
        spread = abs(high) / 10 or Decimal(1)
        low, high = (low - spread if low else low), high + spread
    raw = (high - low) / (TICKS - 1)
    power = Decimal(10) ** raw.adjusted()
    step = next(n * power for n in NICE if n * power >= raw)
    minimum = (low / step).to_integral_value(ROUND_FLOOR) * step
    maximum = (high / step).to_integral_value(ROUND_CEILING) * step
    if low - minimum < step / 5 and not (minimum == 0 and low >= 0):
        minimum -= step  # room below the lowest line, unless the axis starts at zero
    if maximum - high < step / 5:
        maximum += step
    if unit is Unit.PERCENT and high <= 100 < maximum and (100 - minimum) % step == 0:
        maximum = Decimal(100)
    if maximum == minimum:
        maximum = minimum + step
    return minimum.normalize() if minimum else Decimal(0), maximum.normalize(), step.normalize()


def _excel_format(unit: Unit, places: int) -> str:
    digits = "#,##0" + ("." + "0" * places if places else "")
    if unit is Unit.PERCENT:
        return f'{digits}"%"'
    if unit is Unit.MONEY:
        return f'"£"{digits}'
    return digits


def _axis(lines: list[ChartLine], unit: Unit, locale: str) -> ValueAxis:
    figures = [v for line in lines for v in line.values if v is not None]
    minimum, maximum, step = nice_scale(min(figures), max(figures), unit)
    limit = Decimal(10) ** MAX_DIGITS
    if maximum >= limit or minimum <= -limit:  # a round tick past the largest figure a table holds:
        maximum = max(figures) if maximum >= limit else maximum  # that end is at the figures
        minimum = min(figures) if minimum <= -limit else minimum
        step = ((maximum - minimum) / (TICKS - 1)).to_integral_value(ROUND_FLOOR) or Decimal(1)
    smallest = Decimal(1).scaleb(-MAX_PLACES)  # the finest step a figure's places can label
    if step < smallest:
        step = smallest
        minimum = (minimum / step).to_integral_value(ROUND_FLOOR) * step
        maximum = max(minimum + step, (maximum / step).to_integral_value(ROUND_CEILING) * step)
    places = min(MAX_PLACES, max(0, -int(step.as_tuple().exponent)))
    axis = ValueAxis(minimum, maximum, step, (), _excel_format(unit, places))
    labels = tuple(format_number(Number(_label(tick, places, limit), unit), locale) for tick in axis.ticks)
    return ValueAxis(minimum, maximum, step, labels, axis.number_format)


def _label(tick: Decimal, places: int, limit: Decimal) -> Decimal:
    """Return an axis tick rounded to ``places``, towards zero where rounding would pass the
    largest figure a table holds (999,999,999,999,999.99 labels as 999,999,999,999,999)."""
    rounded = tick.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return rounded if abs(rounded) < limit else tick.quantize(Decimal(1).scaleb(-places), ROUND_DOWN)


def _label_every(categories: tuple[str, ...], style: HouseStyle) -> int:
    """Return how often to label a category so the labels (at about 0.55 em a character) fit."""
    width_pt = (210 - 2 * style.margin_mm) / 25.4 * 72 * 0.88  # the plot's share of the text width
    widest = max(len(c) for c in categories) * style.chart.font_size * 0.55 + 6
    every = 1
    while every < len(categories) and widest > every * width_pt / len(categories):
        every += 1
    return every


def _sources(page: ExceptionPage, chart: TrendChart) -> tuple[list[str], list[tuple[str, int, list[Number | None]]]]:
    """Return the categories and, per line, its name, indicator and figures (None = blank)."""
    if chart.series:
        categories = list(chart.categories)
        found = [(s.name, s.indicator, [s.values.get(c) for c in categories]) for s in chart.series]
    else:
        table = page.table
        assert table is not None  # the model refuses a chart with neither
        rows = [table.rows[i] for i in chart.rows] or _default_rows(table)
        periods = [table.period(p) for p in chart.periods] if chart.periods else list(table.periods)
        categories = [_category(p) for p in periods]
        found = []
        for row in rows:
            values = [row.values.get(p.label) for p in periods]
            name = row.label or (page.indicators[row.indicator].description if len(rows) > 1 else "")
            found.append((name, row.indicator, [None if v is None else headline(v) for v in values]))
    keep = [i for i in range(len(categories)) if any(values[i] is not None for _, _, values in found)]
    if keep and not chart.periods and not chart.series:  # the table's blank columns at either end
        keep = list(range(keep[0], keep[-1] + 1))
    elif chart.periods or chart.series:
        keep = list(range(len(categories)))
    if chart.history is not None:
        keep = keep[-chart.history:]
    return [categories[i] for i in keep], [(n, ind, [v[i] for i in keep]) for n, ind, v in found]


def _default_rows(table: DataTable) -> list[DataRow]:
    """Return the rows a chart plots by default: those in the first row's unit, at most four."""
    first = table.rows[0]
    return [row for row in table.rows if row.unit is first.unit][:MAX_LINES]


def chart_block(page: ExceptionPage, style: HouseStyle, locale: str) -> Chart | None:
    """Return the page's chart laid out, or None when it has fewer than two figures to plot."""
    chart = page.chart
    if chart is None:
        return None
    look = style.chart
    categories, sources = _sources(page, chart)
    sources = sources[:MAX_LINES]
    if len(categories) < 2 or sum(v is not None for _, _, vs in sources for v in vs) < 2:
        return None
    single = len(sources) == 1
    shown_as = page.indicators[sources[0][1]]  # figures in labels and legend as the table prints them

    def written(figure: Number) -> str:
        return format_value(figure, locale, ungrouped=style.ungrouped_units, prefix=shown_as.prefix,
                            suffix=shown_as.suffix)

    unit = next((f.unit for _, _, vs in sources for f in vs if f is not None), Unit.NUMBER)
    lines: list[ChartLine] = []
    for number, (name, _, figures) in enumerate(sources):
        shown = [f for f in figures if f is not None]
        lines.append(ChartLine(
            name if name and not single else look.actual_label,
            tuple(None if f is None else f.value for f in figures), Role.FIGURES,
            look.series_colours[number % len(look.series_colours)], look.line_width, Dash.SOLID,
            FIGURE_MARKERS[number % len(FIGURE_MARKERS)], places=_places(shown)))
    target = _target_line(page, chart, categories, look, written)
    if target is not None:
        lines.append(target)
    for number, comparator in enumerate(chart.comparators):
        value = comparator.value
        lines.append(ChartLine(
            f"{comparator.label} ({written(value)})",
            (value.value,) * len(categories), Role.COMPARATOR,
            look.comparator_colours[number % len(look.comparator_colours)], look.level_width,
            COMPARATOR_DASHES[number % len(COMPARATOR_DASHES)], Marker.NONE, places=value.places))
    figures = sources[0][2]
    last = max((i for i, f in enumerate(figures) if f is not None), default=None)
    latest = None if last is None else figures[last]
    axis = _axis(lines, unit, locale)
    current_label = "" if latest is None else written(latest)
    return Chart(
        tuple(c for c in categories), tuple(lines), axis,
        None if last is None else (0, last), current_label,
        _label_every(tuple(categories), style),
        alt_text(categories, [(line.name if not single else "", figures) for line, (_, _, figures)
                              in zip(lines, sources, strict=False)], _said(target, unit, locale),
                 chart.comparators, locale),
        caption(page.heading, categories, look,
                [polarity_words(page.indicators[i].polarity, look) for _, i, _ in sources],
                [line.name for line in lines[:len(sources)]]),
        look.height_mm, unit)


def _target_line(page: ExceptionPage, chart: TrendChart, categories: list[str], look: ChartStyle,
                 written: Callable[[Number], str]) -> ChartLine | None:
    """Return the target line: per-period targets as a step, else the page's figure as a level,
    named with the figure ``written`` as the table writes it."""
    if chart.target is TargetLine.NONE:
        return None
    if chart.targets:
        keys = categories if chart.series else _labels(page, categories)
        values = [chart.targets.get(key) for key in keys]
        if not any(values):
            return None
        step = chart.target is not TargetLine.LINE
        return ChartLine(look.target_label, tuple(None if v is None else v.value for v in values),
                         Role.TARGET, look.target_colour, look.level_width, Dash.LONG_DASH, Marker.NONE,
                         step=step, places=_places([v for v in values if v is not None]))
    table = page.table
    target = None
    if table is not None and table.rows:
        rows = [table.rows[i] for i in chart.rows] or _default_rows(table)
        target = table.target_for(rows[0])
    if target is None or target.kind is not TargetKind.VALUE or target.value is None:
        return None
    figure = headline(target.value)
    return ChartLine(f"{look.target_label} ({written(figure)})",
                     (figure.value,) * len(categories), Role.TARGET, look.target_colour,
                     look.level_width, Dash.LONG_DASH, Marker.NONE, places=figure.places)


def _said(target: ChartLine | None, unit: Unit, locale: str) -> tuple[tuple[Decimal | None, ...], str] | None:
    """Return the target's figures per category and its name in the alternative text."""
    if target is None:
        return None
    levels = {v for v in target.values if v is not None}
    if len(levels) == 1:
        (level,) = levels
        return target.values, f"the target of {format_number(Number(level, unit), locale)}"
    return target.values, "the target for the period"


def _labels(page: ExceptionPage, categories: list[str]) -> list[str]:
    """Return the table's period labels for the chart's categories (targets are keyed by them)."""
    table = page.table
    assert table is not None
    by_name = {_category(p): p.label for p in table.periods}
    return [by_name.get(c, c) for c in categories]


def polarity_words(polarity: Polarity, look: ChartStyle) -> str:
    """Return "Higher is better", "Lower is better", or '' for an indicator without polarity."""
    return {Polarity.HIGH: look.higher_better, Polarity.LOW: look.lower_better}.get(polarity, "")
