"""Draw a trend chart as vector graphics: paths, and text in the PDF's fonts.

Gridlines, the lines with their dash patterns, and the markers are paths (``paths.Path``: the
path construction operators ``m``, ``l``, ``c``, ``h``) stroked or filled with plain PDF
operators: nothing is a raster image. The labels (axis, categories, legend, the latest figure)
are drawn like all other text of the document (``draw.Painter``), in its embedded, subset
fonts, so they extract as text. A chart's shapes cost a fraction of a millisecond, little
enough to draw again on each of a pack's layout passes rather than remember them.

When the PDF is tagged, the whole chart is one piece of content of a ``Figure`` element whose
``Alt`` says the trend in words; its caption follows as a ``Caption`` element.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ...layout import Chart, ChartLine, Dash, Marker, Span
from ...style import WHITE, ChartStyle, Colour
from .draw import Painter, rgb
from .faces import Face
from .paragraphs import Para, paragraph
from .paths import Path
from .styles import Styles
from .tagging import Element, content
from .text import Look

MM = 72 / 25.4  # points in a millimetre

# Dash patterns in line widths, as DrawingML's presets define them (so Word draws the same).
DASHES = {Dash.SOLID: (), Dash.DASH: (4, 3), Dash.LONG_DASH: (8, 3), Dash.DOT: (1, 1), Dash.DASH_DOT: (4, 3, 1, 3)}
SPACE_BEFORE = 4.0
SPACE_AFTER = 2.0
SAMPLE = 24.0  # the length of a line's sample in the legend
PAD = 6.0


@dataclass(frozen=True, slots=True)
class Frame:
    """Where things go in a chart box of ``width`` by ``height`` points, origin bottom left."""

    width: float
    height: float
    left: float  # the plot's left edge (value labels to its left)
    right: float
    bottom: float  # the plot's bottom edge (category labels and legend below)
    top: float
    legend: tuple[tuple[float, float], ...]  # (x, top) of each line's legend entry

    def x(self, category: int, count: int) -> float:
        """Return the centre of a category along the plot."""
        return self.left + (self.right - self.left) * (category + 0.5) / count

    def band(self, count: int) -> float:
        """Return the width each category has."""
        return (self.right - self.left) / count

    def y(self, chart: Chart, value: Decimal | float) -> float:
        """Return the height of a value on the plot."""
        return self.bottom + (self.top - self.bottom) * chart.axis.fraction(value)


def _text_width(text: str, face: Face, size: float) -> float:
    return face.width(text) * size / 1000


def legend_entries(chart: Chart, styles: Styles, width: float) -> list[Para]:
    """Return each line's name in the legend, wrapped to the chart's width if it must be."""
    size = styles.house.chart.font_size
    return [paragraph((Span(line.name),), styles, "small", width - SAMPLE - 4, size=size) for line in chart.lines]


def frame(chart: Chart, width: float, faces: tuple[Face, Face], look: ChartStyle, legend: list[Para]) -> Frame:
    """Return the chart's frame: the plot inside the labels and the legend, entries placed.

    Legend entries run left to right, on as many rows as they need; a long name wraps.
    """
    size = look.font_size
    height = chart.height_mm * MM
    left = max(_text_width(label, faces[0], size) for label in chart.axis.labels) + PAD + 3
    placed: list[tuple[float, int]] = []
    rows: list[float] = [0.0]
    x = 0.0
    for para in legend:
        need = SAMPLE + 4 + max((w for w, _ in para.lines), default=0.0) * size / 1000
        if x and x + need > width:
            x = 0.0
            rows.append(0.0)
        placed.append((x, len(rows) - 1))
        rows[-1] = max(rows[-1], para.height + size * 0.4)
        x += need + 14
    tops = [sum(rows[r:]) for r in range(len(rows))]
    legend_top = tuple((ex, tops[row]) for ex, row in placed)
    bottom = sum(rows) + 4 + size * 1.2 + 6
    return Frame(width, max(height, bottom + size * 6), left, width - PAD, bottom,
                 max(height, bottom + size * 6) - size * 1.8, legend_top)


KAPPA = 0.5523  # a quarter circle as one cubic Bézier


def _circle(path: Path, x: float, y: float, r: float) -> None:
    k = r * KAPPA
    path.move_to(x + r, y)
    path.curve_to(x + r, y + k, x + k, y + r, x, y + r)
    path.curve_to(x - k, y + r, x - r, y + k, x - r, y)
    path.curve_to(x - r, y - k, x - k, y - r, x, y - r)
    path.curve_to(x + k, y - r, x + r, y - k, x + r, y)
    path.close()


def _marker(path: Path, kind: Marker, x: float, y: float, size: float) -> None:
    """Add a marker's outline to ``path`` as a closed subpath, centred on (x, y)."""
    half = size / 2
    if kind is Marker.CIRCLE:
        _circle(path, x, y, half)
        return
    if kind is Marker.SQUARE:
        h = half * 0.9
        corners = [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)]
    elif kind is Marker.TRIANGLE:
        corners = [(x - half * 1.1, y - half * 0.9), (x + half * 1.1, y - half * 0.9), (x, y + half * 1.1)]
    elif kind is Marker.DIAMOND:
        d = half * 1.2
        corners = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
    else:
        return
    path.move_to(*corners[0])
    for corner in corners[1:]:
        path.line_to(*corner)
    path.close()


def _stroke(colour: Colour, width: float, dash: Dash = Dash.SOLID) -> str:
    """Return the operators that set a stroke: colour, width, dash pattern, caps and joins."""
    pattern = " ".join(f"{d * width:.2f}" for d in DASHES[dash])
    return f"{rgb(colour)} RG {width:.2f} w [{pattern}] 0 d {0 if pattern else 1} J 1 j"


def _stroked(code: list[str], stroke: str, path: Path) -> None:
    code += ["q", stroke, path.code(), "S", "Q"]


def _markers(code: list[str], colour: Colour, path: Path) -> None:
    """Fill the markers in ``path`` in ``colour`` with a thin white outline."""
    code += ["q", f"{rgb(colour)} rg", _stroke(WHITE, 0.6), path.code(), "B", "Q"]


def _runs(chart: Chart, place: Frame, line: ChartLine) -> Iterator[list[tuple[float, float]]]:
    """Yield the points of each unbroken run of a line (a blank figure breaks it)."""
    count = len(chart.categories)
    run: list[tuple[float, float]] = []
    for index, value in enumerate(line.values):
        if value is None:
            if run:
                yield run
            run = []
            continue
        y = place.y(chart, value)
        if line.step:
            half = place.band(count) / 2
            centre = place.x(index, count)
            run += [(max(place.left, centre - half), y), (min(place.right, centre + half), y)]
        else:
            run.append((place.x(index, count), y))
    if run:
        yield run


def _lines(code: list[str], chart: Chart, place: Frame, look: ChartStyle) -> None:
    """Draw each line (a polyline a run of figures), then its markers, the latest one ringed."""
    count = len(chart.categories)
    for number, line in enumerate(chart.lines):
        path = Path()
        for run in _runs(chart, place, line):
            if len(run) >= 2:
                path.move_to(*run[0])
                for point in run[1:]:
                    path.line_to(*point)
        _stroked(code, _stroke(line.colour, line.width, line.dash), path)
        if line.marker is Marker.NONE:
            continue
        marks = Path()
        for index, value in enumerate(line.values):
            if value is None:
                continue
            x, y = place.x(index, count), place.y(chart, value)
            if chart.current == (number, index):  # the latest figure: a ring round a larger mark
                ring = Path()
                _circle(ring, x, y, look.current_size / 2 + 1.5)
                code += ["q", f"{rgb(WHITE)} rg", _stroke(line.colour, 1.5), ring.code(), "B", "Q"]
                _marker(marks, line.marker, x, y, look.current_size * 0.7)
            else:
                _marker(marks, line.marker, x, y, look.marker_size)
        _markers(code, line.colour, marks)


def _legend(code: list[str], chart: Chart, place: Frame, look: ChartStyle) -> None:
    """Draw each line's sample in the legend: a short stretch of it with its marker."""
    for line, (x, top) in zip(chart.lines, place.legend, strict=True):
        y = top - look.font_size * 0.62
        sample = Path()
        sample.move_to(x, y)
        sample.line_to(x + SAMPLE, y)
        _stroked(code, _stroke(line.colour, line.width, line.dash), sample)
        if line.marker is not Marker.NONE:
            marks = Path()
            _marker(marks, line.marker, x + SAMPLE / 2, y, look.marker_size)
            _markers(code, line.colour, marks)


def shapes(chart: Chart, place: Frame, look: ChartStyle) -> str:
    """Return the PDF operators that draw the chart's shapes, its frame's origin at (0, 0).

    Gridlines, the axis with a tick per category, the lines, markers and legend samples;
    everything but text. The graphics state is saved and restored round each part.
    """
    code: list[str] = []
    grid = Path()
    for tick in chart.axis.ticks:
        y = place.y(chart, tick)
        grid.move_to(place.left, y)
        grid.line_to(place.right, y)
    _stroked(code, _stroke(look.grid_colour, look.grid_width), grid)
    axis = Path()
    axis.move_to(place.left, place.bottom)
    axis.line_to(place.right, place.bottom)
    count = len(chart.categories)
    for index in range(count):
        x = place.x(index, count)
        axis.move_to(x, place.bottom)
        axis.line_to(x, place.bottom - 3)
    _stroked(code, _stroke(look.axis_colour, 0.75), axis)
    _lines(code, chart, place, look)
    _legend(code, chart, place, look)
    return "\n".join(code)


def labels(chart: Chart, place: Frame, look: ChartStyle, faces: tuple[Face, Face]) -> Iterator[
        tuple[float, float, Face, str]]:
    """Yield (x, baseline, face, text) of each label: values, categories and the latest figure."""
    size = look.font_size
    regular, bold = faces
    for tick, label in zip(chart.axis.ticks, chart.axis.labels, strict=True):
        y = place.y(chart, tick)
        yield place.left - 4 - _text_width(label, regular, size), y - size * 0.33, regular, label
    count = len(chart.categories)
    baseline = place.bottom - 4 - size
    room = place.band(count) * chart.label_every - 4
    for index, label in enumerate(chart.categories):
        if index % chart.label_every == 0:  # as Word labels them: the first, then every so many
            label = _fit(label, regular, size, max(room, size * 3))
            x = place.x(index, count) - _text_width(label, regular, size) / 2
            yield max(0.0, min(x, place.width - _text_width(label, regular, size))), baseline, regular, label
    if chart.current is not None and chart.current_label:
        number, index = chart.current
        value = chart.lines[number].values[index]
        assert value is not None
        text = chart.current_label
        x = place.x(index, count) - _text_width(text, bold, size) / 2
        y = place.y(chart, value) + look.current_size / 2 + 4
        yield min(x, place.width - _text_width(text, bold, size)), y, bold, text


def _fit(label: str, face: Face, size: float, room: float) -> str:
    """Return a category label cut short with an ellipsis if it is wider than ``room``.

    The full label is the data table's column heading, and the Word chart's category.
    """
    if _text_width(label, face, size) <= room:
        return label
    while label and _text_width(label + "…", face, size) > room:
        label = label[:max(1, len(label) * 3 // 4)] if len(label) > 40 else label[:-1]
    return label.rstrip() + "…"


class ChartBlock:
    """A chart that draws itself whole, on the page where it fits."""

    keep_with_next = True  # with the start of its caption
    space_before = SPACE_BEFORE
    space_after = SPACE_AFTER

    def __init__(self, chart: Chart, styles: Styles, width: float, parent: Element | None = None) -> None:
        self.chart, self.styles = chart, styles
        self.look = styles.house.chart
        family = styles.fonts.text
        self.faces = (family.regular, family.bold)
        self.legend = legend_entries(chart, styles, width)
        self.frame = frame(chart, width, self.faces, self.look, self.legend)
        self.element = None if parent is None else Element("Figure", parent, {"Alt": chart.alt})
        # As in Word: the chart is the only thing on a Normal paragraph's line (LibreOffice sets
        # that line at the chart's height), and the paragraph's space after follows it.
        self.space_before = 0.0
        self.space_after = styles.house.spacing.body_after
        self.below = 0.0

    @property
    def height(self) -> float:
        """Return the chart's height in points, with the line's descent below it."""
        return self.frame.height + self.below

    def min_first(self) -> float:
        """Return the least height it can start with: all of it."""
        return self.height

    def draw_part(self, painter: Painter, x: float, top: float, available: float,
                  at_top: bool) -> tuple[float, bool]:
        """Draw the whole chart if it fits (or if it starts a page); return its height and True."""
        if self.height > available and not at_top:
            return 0.0, False
        bottom = top - self.frame.height
        if self.element is not None:
            painter.begin(self.element)
        painter.code.append(f"q 1 0 0 1 {x:.2f} {bottom:.2f} cm\n{shapes(self.chart, self.frame, self.look)}\nQ")
        look = Look(self.styles.house.text_colour)
        size = self.look.font_size
        for left, baseline, face, text in labels(self.chart, self.frame, self.look, self.faces):
            runs = self.styles.fonts.runs(text, bold=face == self.faces[1], italic=False, mark=False)
            painter.text(x + left, bottom + baseline, size, size, [(0.0, [(f, look, t) for f, t in runs])])
        for para, (left, legend_top) in zip(self.legend, self.frame.legend, strict=True):
            para.draw_lines(painter, x + left + SAMPLE + 4, bottom + legend_top, 0, len(para.lines))
        if self.element is not None:
            painter.end()
        return self.height, True


def chart_blocks(chart: Chart, styles: Styles, width: float, parent: Element | None) -> Iterator[ChartBlock | Para]:
    """Yield the chart and its caption (a small paragraph, tagged Caption)."""
    yield ChartBlock(chart, styles, width, parent)
    spans = (Span(chart.caption),)
    caption = paragraph(spans, styles, "small", width)
    caption.element = content("Caption", spans, parent)
    yield caption
