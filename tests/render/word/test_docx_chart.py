"""The Word file's trend charts: native chart parts with their figures, workbook and alt text."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import etree
from tests.conftest import Q2, Q3

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import Chart, layout_report
from committee_papers.model import headline

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
CHART_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"


def docx_of(report: cp.Report) -> bytes:
    buffer = io.BytesIO()
    cp.render_docx(report, buffer)
    return buffer.getvalue()


def read_charts(data: bytes) -> list[tuple[str, etree._Element, bytes]]:
    """Return (alt text, chartSpace, embedded workbook) of each chart, in document order."""
    document = docx.Document(io.BytesIO(data))  # python-docx opens it, chart parts and all
    found = []
    for inline in document.element.body.iter(f"{WP}inline"):
        (chart,) = inline.iter(f"{C}chart")
        part = document.part.related_parts[chart.get(f"{R}id")]
        assert part.partname.startswith("/word/charts/")
        assert document.part.rels[chart.get(f"{R}id")].reltype == CHART_TYPE
        space = etree.fromstring(part.blob)
        (external,) = space.iter(f"{C}externalData")
        rel = part.rels[external.get(f"{R}id")]
        assert rel.reltype == PACKAGE_TYPE and rel.target_part.partname.startswith("/word/embeddings/")
        (properties,) = inline.iter(f"{WP}docPr")
        found.append((properties.get("descr"), space, rel.target_part.blob))
    return found


def cached(space: etree._Element) -> list[tuple[str, list[str], list[str | None]]]:
    """Return each series' name, categories and cached values (None for a gap)."""
    series = []
    for ser in space.iter(f"{C}ser"):
        name = next(ser.find(f"{C}tx").iter(f"{C}v")).text
        categories = [v.text for v in ser.find(f"{C}cat").iter(f"{C}v")]
        count = int(ser.find(f"{C}val").find(f".//{C}ptCount").get("val"))
        values: list[str | None] = [None] * count
        for point in ser.find(f"{C}val").iter(f"{C}pt"):
            values[int(point.get("idx"))] = point.find(f"{C}v").text
        series.append((name, categories, values))
    return series


@pytest.mark.parametrize("sample", [Q2, Q3])
def test_each_page_has_a_native_chart_whose_cached_values_are_the_figures(sample: Path) -> None:
    report = cp.with_charts(cp.load(sample))
    charts = read_charts(docx_of(report))
    pages = [page for _, page in report.pages()]
    assert len(charts) == len(pages)
    for (alt, space, _), page in zip(charts, pages, strict=True):
        assert page.table is not None
        row = page.table.rows[0]
        name, categories, values = cached(space)[0]
        shown = [p for p in page.table.periods if any(p.label in r.values for r in page.table.rows)]
        assert len(categories) == len(values) == len(shown)
        expected = [headline(row.values[p.label]).value if p.label in row.values else None for p in shown]
        assert [None if v is None else Decimal(v) for v in values] == expected
        assert all(p.label in c for p, c in zip(shown, categories, strict=True))
        assert alt and alt.startswith(("Rose", "Fell", "Was", name))  # the trend in words
        first = next(v for v in expected if v is not None)
        assert f"{first:,}" in alt  # the first figure, as written in the input


@pytest.mark.parametrize("sample", [Q3])
def test_the_embedded_workbook_holds_what_the_chart_shows(sample: Path) -> None:
    for _, space, workbook in read_charts(docx_of(cp.with_charts(cp.load(sample)))):
        sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
        for column, (name, categories, values) in enumerate(cached(space), 2):
            assert sheet.cell(1, column).value == name
            for row, (category, value) in enumerate(zip(categories, values, strict=True), 2):
                assert sheet.cell(row, 1).value == category
                found = sheet.cell(row, column).value
                assert (found is None) if value is None else Decimal(str(found)) == Decimal(value)
        refs = [f.text for f in space.iter(f"{C}f")]
        assert "Sheet1!$A$2:$A$" + str(len(categories) + 1) in refs  # the chart reads those cells


def test_the_word_chart_has_the_layout_s_scale_lines_and_words() -> None:
    report = cp.with_charts(cp.load(Q3))
    laid_out = [b for p in layout_report(report, assess_report(report)).pages for b in p.blocks if isinstance(b, Chart)]
    for (alt, space, _), chart in zip(read_charts(docx_of(report)), laid_out, strict=True):
        assert alt == chart.alt
        scaling = next(space.iter(f"{C}valAx")).find(f"{C}scaling")
        assert Decimal(scaling.find(f"{C}min").get("val")) == chart.axis.minimum
        assert Decimal(scaling.find(f"{C}max").get("val")) == chart.axis.maximum
        assert [s[0] for s in cached(space)] == [line.name for line in chart.lines]
        dashes = [d.get("val") for d in space.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}prstDash")]
        assert [line.dash.value for line in chart.lines] == dashes[:len(chart.lines)]


def test_the_same_report_gives_the_same_bytes_with_charts() -> None:
    report = cp.with_charts(cp.load(Q2))
    assert docx_of(report) == docx_of(report)
    with zipfile.ZipFile(io.BytesIO(docx_of(report))) as archive:
        assert any(n.startswith("word/embeddings/") for n in archive.namelist())


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_charts_and_draws_them(tmp_path: Path) -> None:
    import pdfplumber

    report = cp.with_charts(cp.load(Q3))
    source = tmp_path / "charts.docx"
    source.write_bytes(docx_of(report))
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    laid_out = [b for p in layout_report(report, assess_report(report)).pages for b in p.blocks if isinstance(b, Chart)]
    with pdfplumber.open(tmp_path / "charts.pdf") as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        curves = sum(len(p.curves) + len(p.lines) for p in pdf.pages)
    for chart in laid_out:
        assert chart.axis.labels[-1] in text  # the value axis, as LibreOffice labels it
        assert chart.current_label in text  # the latest figure's data label
        assert chart.lines[0].name in text  # the legend
    assert curves  # drawn as vector lines


def test_a_chart_made_from_another_s_template_is_the_same_as_one_made_afresh() -> None:
    from committee_papers.render.docx.chart import _template, chart_xml, signature

    style = cp.DEFAULT_STYLE
    reports = [cp.with_charts(cp.load(sample)) for sample in (Q2, Q3)]
    charts = [b for report in reports for p in layout_report(report, assess_report(report)).pages for b in p.blocks
              if isinstance(b, Chart)]
    pairs = [(a, b) for a in charts for b in charts if a is not b and signature(a) == signature(b)]
    assert len(pairs) >= 5
    for first, second in pairs:
        afresh = etree.tostring(chart_xml(second, style))
        reused = etree.tostring(chart_xml(second, style, _template(first, style)))
        assert reused == afresh


CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # LibreOffice Calc, as Debian installs it


@pytest.mark.skipif(shutil.which("soffice") is None or not CALC.exists(),
                    reason="LibreOffice Calc is not installed (.ci/run installs it)")
def test_libreoffice_opens_an_embedded_workbook_as_excel_would(tmp_path: Path) -> None:
    """The workbook "Edit Data" opens is one LibreOffice Calc reads, every cell in its place."""
    (_, space, data), *_ = read_charts(docx_of(cp.with_charts(cp.load(Q3))))
    source = tmp_path / "embedded.xlsx"
    source.write_bytes(data)
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    rows = [line.split(",") for line in (tmp_path / "embedded.csv").read_text(encoding="utf-8").splitlines()]
    series = cached(space)
    assert rows[0][1:] == [name for name, _, _ in series]
    for row, category in zip(rows[1:], series[0][1], strict=True):
        assert row[0] == category
    for column, (_, _, values) in enumerate(series, 1):
        found = [row[column] if column < len(row) and row[column] else None for row in rows[1:]]
        assert [None if v is None else Decimal(v) for v in found] == [None if v is None else Decimal(v) for v in values]


@pytest.mark.parametrize("text", ["&", "<b>x</b>", "  padded \t ", "line one\nline two", "Rising 📈", "ŵ ŷ",
                                  "x" * 2000])
def test_hostile_text_in_a_chart_reaches_its_workbook_and_legend_exactly(text: str) -> None:
    from tests.reliability.corpus import report_with, tagged

    (_, space, workbook), = read_charts(docx_of(cp.load(report_with(text))))
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
    names = [name for name, _, _ in cached(space)]
    comparator = next(name for name in names if tagged("comparator", text) in name)
    assert comparator in [sheet.cell(1, column).value for column in range(2, len(names) + 2)]
    categories = cached(space)[0][1]
    assert [sheet.cell(row, 1).value for row in range(2, len(categories) + 2)] == categories


C_NS = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _one_line_report(values: dict[str, float]) -> cp.Report:
    return cp.load({"appendix": "App", "period": "Q2 2015/16", "sections": [{"portfolio": "P", "pages": [{
        "title": "Completions", "indicators": [{"description": "Successful completions", "polarity": "high",
                                                 "unit": "percent"}],
        "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2", "Q3", "Q4"]},
        "rows": [{"values": values}], "chart": True}]}]})


def test_the_latest_figures_label_is_written_as_the_table_writes_it() -> None:
    """The series' number format has the most places any of its figures has (9.38: two); the
    latest figure, 6.4, is labelled ``6.4%`` as printed, not ``6.40%`` (a precision it was not
    given)."""
    (_, space, _), = read_charts(docx_of(_one_line_report({"2014/15": 9.38, "Q1": 5.7, "Q2": 6.4})))
    labels = list(space.iter(f"{C_NS}dLbl"))
    assert len(labels) == 1
    text = "".join(t.text or "" for t in labels[0].iter(f"{A_NS}t"))
    assert text == "6.4%"


def test_a_chart_of_one_line_has_no_title_of_its_own() -> None:
    """Word titles a one-line chart with its line's name unless told not to; the PDF has none."""
    (_, space, _), = read_charts(docx_of(_one_line_report({"2014/15": 9.38, "Q1": 5.7, "Q2": 6.4})))
    assert space.find(f"{C_NS}chart/{C_NS}autoTitleDeleted").get("val") == "1"


@pytest.mark.parametrize(("indicator", "latest", "expected"), [
    ({"unit": "number", "suffix": " days"}, 34.5, "34.5 days"),
    ({"unit": "number", "prefix": "£", "suffix": "k"}, 950, "£950k"),
    ({"unit": "money"}, 950.5, "£950.5"),
    ({"unit": "rate"}, 1234.5, "1234.5"),  # rates ungrouped, as the house style prints them in tables
    ({"unit": "percent"}, 6.4, "6.4%"),
])
def test_the_latest_figure_is_labelled_as_the_officer_wrote_it_in_both_formats(
        indicator: dict[str, object], latest: float, expected: str) -> None:
    """The chart's label on the latest figure keeps its unit, its custom prefix and suffix and
    its places, as the table prints it, in Word and in the PDF."""
    import pdfplumber

    report = cp.load({"appendix": "App", "period": "Q2 2015/16", "sections": [{"portfolio": "P", "pages": [{
        "title": "Latest", "indicators": [{"description": "Measure", "polarity": "low", **indicator}],
        "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2", "Q3", "Q4"]},
        "rows": [{"values": {"2014/15": 41.25, "Q1": 80, "Q2": latest}}], "chart": True}]}]})
    (_, space, _), = read_charts(docx_of(report))
    (label,) = space.iter(f"{C_NS}dLbl")
    assert "".join(t.text or "" for t in label.iter(f"{A_NS}t")) == expected
    pdf = io.BytesIO()
    cp.render_pdf(report, pdf)
    with pdfplumber.open(io.BytesIO(pdf.getvalue())) as read:
        lines = [line["text"] for page in read.pages for line in page.extract_text_lines()]
    assert expected in lines or any(line.endswith(" " + expected) or line == expected for line in lines), lines


@pytest.mark.parametrize(("indicator", "target", "expected"), [
    ({"unit": "number", "suffix": " days"}, 18, ["Target (18 days)", "England (20 days)"]),
    ({"unit": "number", "prefix": "£", "suffix": "k"}, 900, ["Target (£900k)", "England (£20k)"]),
    ({"unit": "rate"}, 1000.5, ["Target (1000.5)", "England (20)"]),
])
def test_the_legend_writes_the_target_and_comparators_as_the_table_does(
        indicator: dict[str, object], target: float, expected: list[str]) -> None:
    """The legend's target and comparator figures keep the indicator's prefix and suffix, and
    the house style's ungrouped rates, in the Word chart's series names and in the PDF."""
    import pdfplumber

    report = cp.load({"appendix": "App", "period": "Q2 2015/16", "sections": [{"portfolio": "P", "pages": [{
        "title": "Legend", "indicators": [{"description": "Measure", "polarity": "low", **indicator}],
        "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2", "Q3", "Q4"]},
        "target": target, "rows": [{"values": {"2014/15": 21, "Q1": 19, "Q2": 17}}],
        "chart": {"comparators": {"England": 20}}}]}]})
    (_, space, _), = read_charts(docx_of(report))
    names = ["".join(v.text or "" for v in tx.iter(f"{C_NS}v")) for tx in space.iter(f"{C_NS}tx")]
    assert set(expected) <= set(names), names
    pdf = io.BytesIO()
    cp.render_pdf(report, pdf)
    with pdfplumber.open(io.BytesIO(pdf.getvalue())) as read:
        text = " ".join(page.extract_text() for page in read.pages)
    assert all(name in text for name in expected), text[-300:]
