"""The PDF's trend charts, read back: a Figure with Alt text each, vector paths placed by the figures."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import page
import pdfua
import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from tests.conftest import MINIMAL, Q2, Q3

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import Chart, layout_report

SERIES = cp.DEFAULT_STYLE.chart.series_colours[0]


def pdf_of(report: cp.Report) -> bytes:
    buffer = io.BytesIO()
    cp.render_pdf(report, buffer)
    return buffer.getvalue()


def kids(element: pikepdf.Object) -> list[Any]:
    found = element.get("/K")
    if found is None:
        return []
    return list(found) if isinstance(found, pikepdf.Array) else [found]


def elements(root: pikepdf.Object) -> list[pikepdf.Object]:
    out = []
    for kid in kids(root):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR":
            out.append(kid)
            out.extend(elements(kid))
    return out


@dataclass
class Drawn:
    """What one Figure's marked content draws: stroked paths with their colour and width, and text."""

    paths: list[tuple[tuple[float, float, float], float, list[tuple[float, float]]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    images: int = 0


def _multiply(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2]


def figures_drawn(pdf: pikepdf.Pdf, mcids: dict[tuple[int, int], str]) -> list[Drawn]:
    """Return, for each piece of Figure content in page order, what it draws (page coordinates)."""
    found: list[Drawn] = []
    for number, each in enumerate(pdf.pages):
        stack: list[str] = []
        states: list[tuple[list[float], tuple[float, float, float], float]] = []
        matrix, colour, width = [1.0, 0, 0, 1, 0, 0], (0.0, 0.0, 0.0), 1.0
        path: list[tuple[float, float]] = []
        for operands, operator in pikepdf.parse_content_stream(each):
            op = str(operator)
            if op == "BDC":
                properties = operands[1]
                mcid = int(properties.MCID) if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties \
                    else None
                kind = mcids.get((number, mcid)) if mcid is not None else None
                stack.append(kind or "other")
                if kind == "Figure":
                    found.append(Drawn())
            elif op == "BMC":
                stack.append("other")
            elif op == "EMC":
                stack.pop()
            inside = "Figure" in stack
            if op == "q":
                states.append((matrix, colour, width))
            elif op == "Q":
                matrix, colour, width = states.pop()
            elif op == "cm":
                matrix = _multiply([float(x) for x in operands], matrix)
            elif op == "RG":
                colour = tuple(round(float(x), 3) for x in operands)  # type: ignore[assignment]
            elif op == "w":
                width = float(operands[0])
            elif op in ("m", "l"):
                x, y = (float(v) for v in operands)
                a, b, c, d, e, f = matrix
                path.append((a * x + c * y + e, b * x + d * y + f))
            elif op in ("S", "s", "f", "F", "f*", "B", "b", "n", "re"):
                if op == "S" and inside:
                    found[-1].paths.append((colour, width * matrix[0], path))
                path = []
            elif op == "Do" and inside:
                found[-1].images += 1
            elif op == "Tj" and inside:
                found[-1].text.append(bytes(operands[0]).hex())
    return found


def figure_mcids(pdf: pikepdf.Pdf) -> tuple[list[pikepdf.Object], dict[tuple[int, int], str]]:
    pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
    figures = []
    mcids: dict[tuple[int, int], str] = {}
    for element in elements(pdf.Root.StructTreeRoot):
        if element.S == "/Figure":
            figures.append(element)
            for kid in kids(element):
                if isinstance(kid, int):
                    mcids[(pages[element.Pg.objgen], kid)] = "Figure"
    return figures, mcids


def layout_charts(report: cp.Report) -> list[Chart]:
    return [b for p in layout_report(report, assess_report(report)).pages for b in p.blocks if isinstance(b, Chart)]


def plotted(drawn: Drawn) -> list[tuple[float, float]]:
    """Return the points of the figures' line: the widest path in the series colour and width."""
    rgb = tuple(round(c / 255, 3) for c in SERIES.rgb)
    lines = [points for colour, width, points in drawn.paths
             if colour == rgb and abs(width - cp.DEFAULT_STYLE.chart.line_width) < 0.01]
    return max(lines, key=lambda points: max(x for x, _ in points) - min(x for x, _ in points))


@pytest.mark.parametrize("sample", [Q2, Q3])
def test_each_chart_is_a_figure_with_its_words_as_alt_text_and_a_caption(sample: Path) -> None:
    report = cp.with_charts(cp.load(sample))
    charts = layout_charts(report)
    assert len(charts) == report.page_count  # every sample page asks for a chart
    with pikepdf.open(io.BytesIO(pdf_of(report))) as pdf:
        figures, mcids = figure_mcids(pdf)
        assert [str(f.Alt) for f in figures] == [c.alt for c in charts]
        structure = elements(pdf.Root.StructTreeRoot)
        captions = [str(e.S) for e in structure].count("/Caption")
        assert captions == len(charts)
        drawn = figures_drawn(pdf, mcids)
        assert len(drawn) == len(charts)
        for piece in drawn:
            assert piece.images == 0  # vector, no raster
            assert piece.paths and piece.text


def test_a_figure_is_read_in_order_after_its_page_s_tables() -> None:
    with pikepdf.open(io.BytesIO(pdf_of(cp.with_charts(cp.load(Q3))))) as pdf:
        (document,) = kids(pdf.Root.StructTreeRoot)
        for section in kids(document):
            tags = [str(k.S) for k in kids(section)]
            assert tags.index("/Figure") > tags.index("/Table")
            assert tags[tags.index("/Figure") + 1] == "/Caption"


def _report(values: list[Decimal]) -> cp.Report:
    data = copy.deepcopy(MINIMAL)
    page_data = data["sections"][0]["pages"][0]
    periods = [f"{2000 + n}/{(n + 1) % 100:02d}" for n in range(len(values))]
    page_data["columns"] = {"past": periods}
    page_data["rows"] = [{"values": {p: str(v) for p, v in zip(periods, values, strict=True)}}]
    page_data.pop("dot")
    page_data["chart"] = True
    return cp.load(data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.decimals(min_value=0, max_value=100, places=1), min_size=2, max_size=10))
def test_the_plotted_points_are_placed_by_the_figures(values: list[Decimal]) -> None:
    """Each point's height is one and the same rising straight-line function of its figure."""
    with pikepdf.open(io.BytesIO(pdf_of(_report(values)))) as pdf:
        (drawn,) = figures_drawn(pdf, figure_mcids(pdf)[1])
    points = plotted(drawn)
    assert len(points) == len(values)
    xs = [x for x, _ in points]
    assert all(b > a for a, b in pairwise(xs))  # periods left to right
    gaps = [b - a for a, b in pairwise(xs)]
    assert max(gaps) - min(gaps) < 0.05  # evenly spaced
    lowest = min(range(len(values)), key=lambda i: values[i])
    highest = max(range(len(values)), key=lambda i: values[i])
    if values[highest] == values[lowest]:
        assert max(y for _, y in points) - min(y for _, y in points) < 0.02
        return
    scale = (points[highest][1] - points[lowest][1]) / float(values[highest] - values[lowest])
    assert scale > 0  # higher figures are drawn higher
    for (_, y), value in zip(points, values, strict=True):
        expected = points[lowest][1] + scale * float(value - values[lowest])
        assert abs(y - expected) < 0.02  # the PDF writes coordinates to a hundredth of a point


@pytest.mark.parametrize("sample", [Q2, Q3])
def test_the_validators_pass_with_charts(sample: Path, tmp_path: Path) -> None:
    path = tmp_path / "charts.pdf"
    path.write_bytes(pdf_of(cp.with_charts(cp.load(sample))))
    result = page.validate_pdf(str(path), profile="ua1")
    assert result.is_compliant and not result.failures, result.failures
    assert not pdfua.validate(str(path)).findings
