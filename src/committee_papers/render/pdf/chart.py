"""Draw a trend chart as vector graphics: reportlab's graphics shapes, and text in the PDF's fonts.

Gridlines, lines, dash patterns and markers are reportlab ``shapes`` (Line, PolyLine, Circle,
Rect, Polygon) in a ``Drawing``, turned into PDF path operators by ``renderPDF``: nothing is a
raster image. The labels (axis, categories, legend, the latest figure) are drawn like all other
text of the document (``draw.Painter``), in its embedded, subset fonts, so they extract as text.

When the PDF is tagged, the whole chart is one piece of content of a ``Figure`` element whose
``Alt`` says the trend in words; its caption follows as a ``Caption`` element.

The operators of a chart's shapes depend only on the chart and its size, so they are made once
per chart and remembered (``_shapes``): a pack lays its pages out two or three times to get its
page numbers right, and a chart drawn again costs only its text.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect
from reportlab.lib.colors import Color, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ...layout import Chart, ChartLine, Dash, Marker, Span
from ...style import ChartStyle, Colour
from .draw import Painter
from .fonts import metrics
from .paragraphs import Para, paragraph
from .styles import Styles
from .tagging import Element, content

# Dash patterns in line widths, as DrawingML's presets define them (so Word draws the same).
DASHES = {Dash.SOLID: (), Dash.DASH: (4, 3), Dash.LONG_DASH: (8, 3), Dash.DOT: (1, 1), Dash.DASH_DOT: (4, 3, 1, 3)}
SPACE_BEFORE = 4.0
SPACE_AFTER = 2.0
SAMPLE = 24.0  # the length of a line's sample in the legend
PAD = 6.0
REMEMBERED = 4096  # charts whose shapes are kept: more than a pack of 2,000 pages holds


def _colour(colour: Colour) -> Color:
    r, g, b = colour.rgb
    return Color(r / 255, g / 255, b / 255)


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


def _text_width(text: str, face: str, size: float) -> float:
    return metrics(face).width(text) * size / 1000


def legend_entries(chart: Chart, styles: Styles, width: float) -> list[Para]:
    """Return each line's name in the legend, wrapped to the chart's width if it must be."""
    size = styles.house.chart.font_size
    return [paragraph((Span(line.name),), styles, "small", width - SAMPLE - 4, size=size) for line in chart.lines]


def frame(chart: Chart, width: float, faces: tuple[str, str], look: ChartStyle, legend: list[Para]) -> Frame:
    """Return the chart's frame: the plot inside the labels and the legend, entries placed.

    Legend entries run left to right, on as many rows as they need; a long name wraps.
    """
    size = look.font_size
    height = chart.height_mm * mm
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


def _marker(kind: Marker, x: float, y: float, size: float, fill: Color, stroke: Color,
            stroke_width: float) -> Circle | Rect | Polygon | None:
    half = size / 2
    options = {"fillColor": fill, "strokeColor": stroke, "strokeWidth": stroke_width}
    if kind is Marker.CIRCLE:
        return Circle(x, y, half, **options)
    if kind is Marker.SQUARE:
        return Rect(x - half * 0.9, y - half * 0.9, size * 0.9, size * 0.9, **options)
    if kind is Marker.TRIANGLE:
        return Polygon([x - half * 1.1, y - half * 0.9, x + half * 1.1, y - half * 0.9, x, y + half * 1.1],
                       **options)
    if kind is Marker.DIAMOND:
        return Polygon([x, y - half * 1.2, x + half * 1.2, y, x, y + half * 1.2, x - half * 1.2, y], **options)
    return None


def _stroke(line: ChartLine) -> dict[str, object]:
    dash = DASHES[line.dash]
    return {"strokeColor": _colour(line.colour), "strokeWidth": line.width,
            "strokeDashArray": [d * line.width for d in dash] or None, "strokeLineCap": 0 if dash else 1,
            "strokeLineJoin": 1}


def _runs(chart: Chart, place: Frame, line: ChartLine) -> Iterator[list[float]]:
    """Yield the points of each unbroken run of a line (a blank figure breaks it)."""
    count = len(chart.categories)
    run: list[float] = []
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
            run += [max(place.left, centre - half), y, min(place.right, centre + half), y]
        else:
            run += [place.x(index, count), y]
    if run:
        yield run


def _line_shapes(chart: Chart, place: Frame, look: ChartStyle) -> Group:
    group = Group()
    count = len(chart.categories)
    for number, line in enumerate(chart.lines):
        for run in _runs(chart, place, line):
            if len(run) >= 4:
                group.add(PolyLine(run, **_stroke(line)))
        colour = _colour(line.colour)
        for index, value in enumerate(line.values):
            if value is None or line.marker is Marker.NONE:
                continue
            x, y = place.x(index, count), place.y(chart, value)
            if chart.current == (number, index):  # the latest figure: a ring round a larger mark
                group.add(Circle(x, y, look.current_size / 2 + 1.5, fillColor=white, strokeColor=colour,
                                 strokeWidth=1.5))
                size = look.current_size * 0.7
            else:
                size = look.marker_size
            shape = _marker(line.marker, x, y, size, colour, white, 0.6)
            if shape is not None:
                group.add(shape)
    return group


def _legend_shapes(chart: Chart, place: Frame, look: ChartStyle) -> Group:
    group = Group()
    for line, (x, top) in zip(chart.lines, place.legend, strict=True):
        y = top - look.font_size * 0.62
        group.add(Line(x, y, x + SAMPLE, y, **_stroke(line)))
        shape = _marker(line.marker, x + SAMPLE / 2, y, look.marker_size, _colour(line.colour), white, 0.6)
        if shape is not None:
            group.add(shape)
    return group


def drawing(chart: Chart, place: Frame, look: ChartStyle, face: str) -> Drawing:
    """Return the chart's shapes (everything but its text) as a reportlab Drawing.

    ``face`` is a registered TrueType face: the drawing's font, which sets no font in the PDF
    (the shapes have no text), where reportlab's default Helvetica would name one.
    """
    shapes = Drawing(place.width, place.height, initialFontName=face)
    grid, axis = _colour(look.grid_colour), _colour(look.axis_colour)
    for tick in chart.axis.ticks:
        y = place.y(chart, tick)
        shapes.add(Line(place.left, y, place.right, y, strokeColor=grid, strokeWidth=look.grid_width))
    shapes.add(Line(place.left, place.bottom, place.right, place.bottom, strokeColor=axis, strokeWidth=0.75))
    count = len(chart.categories)
    for index in range(count):
        x = place.x(index, count)
        shapes.add(Line(x, place.bottom, x, place.bottom - 3, strokeColor=axis, strokeWidth=0.75))
    shapes.add(_line_shapes(chart, place, look))
    shapes.add(_legend_shapes(chart, place, look))
    return shapes


@lru_cache(maxsize=REMEMBERED)
def _shapes(chart: Chart, place: Frame, look: ChartStyle, face: str) -> str:
    """Return the PDF operators that draw the chart's shapes with its frame's origin at (0, 0)."""
    canvas = Canvas(io.BytesIO(), invariant=1, initialFontName=face)
    canvas._code = []
    renderPDF.draw(drawing(chart, place, look, face), canvas, 0, 0)
    return "\n".join(canvas._code)


def labels(chart: Chart, place: Frame, look: ChartStyle, faces: tuple[str, str]) -> Iterator[
        tuple[float, float, str, str]]:
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


def _fit(label: str, face: str, size: float, room: float) -> str:
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

    @property
    def height(self) -> float:
        """Return the chart's height in points."""
        return self.frame.height

    def min_first(self) -> float:
        """Return the least height it can start with: all of it."""
        return self.frame.height

    def draw_part(self, painter: Painter, x: float, top: float, available: float,
                  at_top: bool) -> tuple[float, bool]:
        """Draw the whole chart if it fits (or if it starts a page); return its height and True."""
        height = self.frame.height
        if height > available and not at_top:
            return 0.0, False
        bottom = top - height
        if self.element is not None:
            painter.begin(self.element)
        shapes = _shapes(self.chart, self.frame, self.look, self.faces[0])
        painter.code.append(f"q 1 0 0 1 {x:.2f} {bottom:.2f} cm\n{shapes}\nQ")
        colour = self.styles.house.text_colour
        size = self.look.font_size
        for left, baseline, face, text in labels(self.chart, self.frame, self.look, self.faces):
            runs = self.styles.fonts.runs(text, bold=face == self.faces[1], italic=False, mark=False)
            painter.text(x + left, bottom + baseline, size, size, [(0.0, [(f, colour, t) for f, t in runs])])
        for para, (left, legend_top) in zip(self.legend, self.frame.legend, strict=True):
            para.draw_lines(painter, x + left + SAMPLE + 4, bottom + legend_top, 0, len(para.lines))
        if self.element is not None:
            painter.end()
        return height, True


def chart_blocks(chart: Chart, styles: Styles, width: float, parent: Element | None) -> Iterator[ChartBlock | Para]:
    """Yield the chart and its caption (a small paragraph, tagged Caption)."""
    yield ChartBlock(chart, styles, width, parent)
    spans = (Span(chart.caption),)
    caption = paragraph(spans, styles, "small", width)
    caption.element = content("Caption", spans, parent)
    yield caption
