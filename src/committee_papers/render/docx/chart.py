"""Write a trend chart into the Word file as a native, editable chart with its own workbook.

python-docx has no charts. python-pptx writes the DrawingML chart part that Word uses too
(``c:chartSpace``): ``ChartXmlWriter`` makes its XML from a ``CategoryChartData``, and the
``Chart`` API sets the lines, dash patterns, markers, axis scale, fonts and legend, so no chart
XML is written here by hand. The charts of a pack mostly look alike: each distinct look is
formatted once, and later charts copy it and put in their figures (``_put_figures``: the
series data python-pptx's writer makes, held to the same bytes by a test). The figures also go into an
embedded workbook (``workbook.py``), laid out as python-pptx lays its workbooks out, so an
officer can choose "Edit Data" in Word and change them.

The parts are added to python-docx's package as python-docx ``Part`` objects: the chart under
``word/charts/``, its workbook under ``word/embeddings/``, related as Word relates them
(document → chart, chart → package). The run that shows the chart is a ``wp:inline`` holding
``c:chart``, written by ``wml.chart_run`` like the rest of the body, with the chart's
alternative text in ``wp:docPr/@descr``. A caption paragraph in the Small Text style follows.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from lxml import etree
from pptx.chart import chart as pptx_chart, data as pptx_data, xmlwriter as pptx_xmlwriter
from pptx.dml import color as pptx_color
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml import parse_xml
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Pt

from ...layout import Chart, ChartLine, Dash, Marker
from ...style import ChartStyle, Colour, HouseStyle
from . import wml
from .workbook import column_letter, workbook_bytes

# python-pptx's chart classes have no type hints: called through these names
PptxChart: Any = pptx_chart.Chart
CategoryChartData: Any = pptx_data.CategoryChartData
ChartXmlWriter: Any = pptx_xmlwriter.ChartXmlWriter
RGBColor: Any = pptx_color.RGBColor
EMU_PER_TWIP = 635
EMU_PER_MM = 36000
DASHES = {Dash.SOLID: MSO_LINE_DASH_STYLE.SOLID, Dash.DASH: MSO_LINE_DASH_STYLE.DASH,
          Dash.LONG_DASH: MSO_LINE_DASH_STYLE.LONG_DASH, Dash.DOT: MSO_LINE_DASH_STYLE.ROUND_DOT,
          Dash.DASH_DOT: MSO_LINE_DASH_STYLE.DASH_DOT}
MARKERS = {Marker.NONE: XL_MARKER_STYLE.NONE, Marker.CIRCLE: XL_MARKER_STYLE.CIRCLE,
           Marker.SQUARE: XL_MARKER_STYLE.SQUARE, Marker.TRIANGLE: XL_MARKER_STYLE.TRIANGLE,
           Marker.DIAMOND: XL_MARKER_STYLE.DIAMOND}


def _rgb(colour: Colour) -> Any:
    return RGBColor.from_string(colour.hex)


def _figure(value: Decimal | None) -> Decimal | None:
    """Return a figure as it is written to the chart and the workbook: exactly, never as 1E+3."""
    return None if value is None else value.quantize(Decimal(1).scaleb(min(0, int(value.as_tuple().exponent))))


def _number_format(chart: Chart, line: ChartLine) -> str:
    digits = "#,##0" + ("." + "0" * line.places if line.places else "")
    unit = chart.unit.value
    return f'{digits}"%"' if unit == "percent" else f'"£"{digits}' if unit == "money" else digits


def chart_data(chart: Chart) -> Any:
    """Return the chart's categories and lines as python-pptx chart data."""
    data = CategoryChartData()
    data.categories = chart.categories
    for line in chart.lines:
        data.add_series(line.name, [_figure(v) for v in line.values], _number_format(chart, line))
    return data


def workbook(chart: Chart) -> bytes:
    """Return the embedded workbook: categories in column A, a line a column, names in row 1.

    The layout is python-pptx's, so the chart's references (``Sheet1!$B$2:$B$6``) point at it.
    """
    return workbook_bytes(chart.categories, [line.name for line in chart.lines],
                          [[_figure(v) for v in line.values] for line in chart.lines],
                          [_number_format(chart, line) for line in chart.lines])


def _format_lines(plot: Any, chart: Chart, look: ChartStyle) -> None:
    for series, line in zip(plot.series, chart.lines, strict=True):
        series.smooth = False
        stroke = series.format.line
        stroke.color.rgb = _rgb(line.colour)
        stroke.width = Pt(line.width)
        stroke.dash_style = DASHES[line.dash]
        marker = series.marker
        marker.style = XL_MARKER_STYLE.DASH if line.step else MARKERS[line.marker]
        if line.marker is not Marker.NONE or line.step:
            marker.size = max(2, round(look.marker_size * (2.5 if line.step else 1)))
            marker.format.fill.solid()
            marker.format.fill.fore_color.rgb = _rgb(line.colour)
            marker.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _format_axes(pptx_chart: Any, chart: Chart, look: ChartStyle) -> None:
    axis = pptx_chart.value_axis
    axis.minimum_scale = float(chart.axis.minimum)
    axis.maximum_scale = float(chart.axis.maximum)
    axis.major_unit = float(chart.axis.step)
    axis.tick_labels.number_format = chart.axis.number_format
    axis.tick_labels.number_format_is_linked = False
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb(look.grid_colour)
    axis.major_gridlines.format.line.width = Pt(look.grid_width)
    axis.format.line.fill.background()
    pptx_chart.category_axis.format.line.color.rgb = _rgb(look.axis_colour)


def _template(chart: Chart, style: HouseStyle) -> Any:
    """Return a ``c:chartSpace`` for the chart in the house style, all but what ``_finish`` sets."""
    look = style.chart
    space = parse_xml(ChartXmlWriter(XL_CHART_TYPE.LINE_MARKERS, chart_data(chart)).xml.encode("utf-8"))
    pptx_chart = PptxChart(space, None)
    pptx_chart.font.name = style.font_name
    pptx_chart.font.size = Pt(look.font_size)
    pptx_chart.has_title = False  # no title of its own (Word makes one of a lone line's name): the caption says it
    pptx_chart.has_legend = True
    pptx_chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    pptx_chart.legend.include_in_layout = False
    _format_axes(pptx_chart, chart, look)
    _format_lines(pptx_chart.plots[0], chart, look)
    if chart.label_every > 1:
        skip = OxmlElement("c:tickLblSkip")
        skip.set("val", str(chart.label_every))
        pptx_chart.category_axis._element.find(qn("c:noMultiLvlLbl")).addprevious(skip)
    if chart.current is not None:
        number, index = chart.current
        point = pptx_chart.plots[0].series[number].points[index]
        point.marker.size = round(look.current_size)
        point.marker.format.line.color.rgb = _rgb(chart.lines[number].colour)
        point.marker.format.line.width = Pt(1.5)
        label = point.data_label
        label.position = XL_LABEL_POSITION.ABOVE
        label.font.bold = True
        label.font.size = Pt(look.font_size)
    corners = OxmlElement("c:roundedCorners")
    corners.set("val", "0")
    space.find(qn("c:date1904")).addnext(corners)
    frame = OxmlElement("c:spPr")  # the chart area: no fill, and no border round the chart
    space.find(qn("c:txPr")).addprevious(frame)
    frame.get_or_change_to_noFill()
    frame.get_or_add_ln().get_or_change_to_noFill()
    return space


def _finish(space: Any, chart: Chart, look: ChartStyle) -> Any:
    """Set the value axis's scale and label format, and the latest figure's label: the only
    formatting that is the chart's own.

    The template has the elements already (``_template`` sets them through python-pptx's axis
    API), so here their values change in place. The label is the figure as the PDF writes it,
    not in its line's number format (which has as many places as the line's most precise figure).
    """
    if chart.current is not None and chart.current_label:
        number, index = chart.current
        label = PptxChart(space, None).plots[0].series[number].points[index].data_label
        label.text_frame.text = chart.current_label
        for run in label.text_frame.paragraphs[0].runs:
            run.font.bold = True
            run.font.size = Pt(look.font_size)
    axis = next(space.iter(qn("c:valAx")))
    scaling = axis.find(qn("c:scaling"))
    scaling.find(qn("c:min")).set("val", str(float(chart.axis.minimum)))
    scaling.find(qn("c:max")).set("val", str(float(chart.axis.maximum)))
    axis.find(qn("c:majorUnit")).set("val", str(float(chart.axis.step)))
    axis.find(qn("c:numFmt")).set("formatCode", chart.axis.number_format)
    return space


def chart_xml(chart: Chart, style: HouseStyle, template: Any = None) -> Any:
    """Return the chart's ``c:chartSpace`` element, formatted in the house style.

    ``template`` is the element of an earlier chart of the same ``signature``: a copy of it
    with this chart's figures put in (python-pptx's ``SeriesXmlRewriterFactory``, as its
    ``Chart.replace_data`` does) is the same as formatting afresh, at a fifth of the cost.
    """
    if template is None:
        space = _template(chart, style)
    else:
        space = copy.deepcopy(template)
        _put_figures(space, chart)
    return _finish(space, chart, style.chart)


_C = {name: qn(f"c:{name}") for name in ("ser", "tx", "cat", "val", "strRef", "numRef", "f", "strCache",
                                          "numCache", "formatCode", "ptCount", "pt", "v")}


def _points(cache: Any, values: Sequence[str | None]) -> None:
    """Give a ``c:strCache`` or ``c:numCache`` these points (None: no point, a gap)."""
    cache.find(_C["ptCount"]).set("val", str(len(values)))
    for point in cache.findall(_C["pt"]):
        cache.remove(point)
    pt, v = _C["pt"], _C["v"]
    for index, value in enumerate(values):
        if value is not None:
            etree.SubElement(etree.SubElement(cache, pt, idx=str(index)), v).text = value


def _put_figures(space: Any, chart: Chart) -> None:
    """Put the chart's names, categories and figures into a copy of a template.

    The same series data python-pptx's ``SeriesXmlRewriterFactory`` writes (a test holds the
    two to the same bytes), set in place: its rewriter builds each series' data anew from text
    and cost two thirds of a Word chart's time.
    """
    count = len(chart.categories)
    categories = list(chart.categories)
    for column, (series, line) in enumerate(zip(space.iter(_C["ser"]), chart.lines, strict=True), 1):
        letter = column_letter(column)
        next(series.find(_C["tx"]).iter(_C["v"])).text = line.name
        names = series.find(_C["cat"]).find(_C["strRef"])
        names.find(_C["f"]).text = f"Sheet1!$A$2:$A${count + 1}"
        _points(names.find(_C["strCache"]), categories)
        values = series.find(_C["val"]).find(_C["numRef"])
        values.find(_C["f"]).text = f"Sheet1!${letter}$2:${letter}${count + 1}"
        cache = values.find(_C["numCache"])
        cache.find(_C["formatCode"]).text = _number_format(chart, line)
        _points(cache, [None if v is None else str(_figure(v)) for v in line.values])


def signature(chart: Chart) -> tuple[object, ...]:
    """Return what a chart's template depends on: how each of its lines is drawn, which point is
    the latest figure and how often categories are labelled (a pack's charts share one)."""
    lines = tuple((line.role, line.colour, line.width, line.dash, line.marker, line.step) for line in chart.lines)
    return lines, chart.current, chart.label_every


class ChartWriter:
    """Adds each chart's parts to the document and returns the paragraphs that show it."""

    def __init__(self, document: Any, style: HouseStyle, text_width: int) -> None:
        self.part = document.part
        self.package = self.part.package
        self.style = style
        self.width = text_width * EMU_PER_TWIP
        names = {str(part.partname) for part in self.package.iter_parts()}
        self.number = 1
        while f"/word/charts/chart{self.number}.xml" in names:
            self.number += 1
        self.templates: dict[tuple[object, ...], Any] = {}  # a chartSpace by signature
        self.next_rel = 1
        ids = [int(value) for part in self.package.iter_parts() if part.content_type.endswith("+xml")
               and hasattr(part, "element") for value in part.element.xpath("//wp:docPr/@id")]
        self.shape_id = max(ids, default=0) + 1


    def across(self, text_width: int) -> None:
        """Draw the next charts across a text width of ``text_width`` twips (a landscape page's)."""
        self.width = text_width * EMU_PER_TWIP
    def _parts(self, chart: Chart) -> str:
        """Add the chart part and its workbook; return the chart's relationship id."""
        number, self.number = self.number, self.number + 1
        key = signature(chart)
        template = self.templates.get(key)
        if template is None:
            template = self.templates[key] = _template(chart, self.style)
        space = chart_xml(chart, self.style, template)
        chart_part = XmlPart(PackURI(f"/word/charts/chart{number}.xml"), CONTENT_TYPE.DML_CHART, space, self.package)
        sheet = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"), CONTENT_TYPE.SML_SHEET,
                     workbook(chart), self.package)
        data = space.get_or_add_externalData()
        data.rId = chart_part.relate_to(sheet, RELATIONSHIP_TYPE.PACKAGE)
        data.get_or_add_autoUpdate().set("val", "0")
        return self._relate(chart_part)

    def _relate(self, chart_part: Any) -> str:
        """Relate the document to a new chart part; return the relationship's id.

        python-docx's ``relate_to`` first looks through every relationship for the same one,
        which a new part never has: with a thousand charts that search was a tenth of the time.
        """
        rels = self.part.rels
        while f"rId{self.next_rel}" in rels:
            self.next_rel += 1
        rid = f"rId{self.next_rel}"
        rels.add_relationship(RELATIONSHIP_TYPE.CHART, chart_part, rid)
        return rid

    def paragraphs(self, chart: Chart, body_style: str | None, caption_style: str | None, *,
                   page_break: bool, before: int | None = None) -> str:
        """Return the paragraph holding the chart (kept with its caption) and the caption's."""
        relationship = self._parts(chart)
        shape, self.shape_id = self.shape_id, self.shape_id + 1
        height = round(chart.height_mm * EMU_PER_MM)
        drawing = wml.chart_run(relationship, width=self.width, height=height, shape=shape,
                                description=chart.alt)
        return (wml.paragraph(body_style, page_break, keep_next=True, before=before) + drawing + wml.PARAGRAPH_END
                + wml.paragraph(caption_style) + wml.run(chart.caption) + wml.PARAGRAPH_END)
