"""Property tests: any valid report renders in both formats, and both show every figure.

Hypothesis builds reports of 1-3 sections of 1-3 pages, each with 1-4 rows over past years and
quarters, months or an outturn; figures blank, zero, negative, huge or with up to six decimal
places, typed as numbers or as text (``41%``, ``£1,200.50``, ``2,774 (955.6)``); any polarity,
unit, target kind and DoT, and Direction of Travel tables of computed, stated and text entries.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st

import committee_papers as cp
from committee_papers.formatting import format_target, format_value
from committee_papers.loaders.figures import PERCENT_LIMIT

from .corpus import squeezed
from .readback import libreoffice_convert, qpdf_check, read_docx, read_pdf, tool

UNITS = ["percent", "count", "rate", "money", "days", "number"]
PAST = ["2011/12", "2012/13", "2013/14", "2014/15"]
SUB_PERIODS = [
    [], ["Q1", "Q2", "Q3", "Q4"], ["Q1", "Q2", "Q3", "Q4", "EoY"], ["Outturn"],
    ["Apr", "May", "Jun", "Jul", "Aug", "Sept"], ["Q1", "Q2"],
]
MARKS = ["↑ ✓", "↓ ✗", "↔", "↑", "down better", "up worse"]
HUGE = Decimal(10) ** 12

Figure = Decimal | tuple[Decimal, Decimal]


@dataclass
class Expected:
    """What the generated input says, to compare with what was loaded."""

    figures: list[tuple[tuple[int, int, int], str, Figure | None]] = field(default_factory=list)


@st.composite
def decimals(draw: st.DrawFn, unit: str) -> Decimal:
    """Return a figure: zero, negative, huge (up to 1e12) or with up to six decimal places."""
    limit = PERCENT_LIMIT if unit == "percent" else HUGE
    places = draw(st.integers(0, 6))
    kind = draw(st.sampled_from(["zero", "small", "negative", "huge", "any"]))
    step = Decimal(10) ** -places
    if kind == "zero":
        return Decimal(0).quantize(step)
    if kind == "small":
        value = draw(st.decimals(0, 100, places=places))
    elif kind == "negative":
        value = -draw(st.decimals(step, limit, places=places))
    elif kind == "huge":
        value = draw(st.decimals(limit / 10, limit, places=places))
    else:
        value = draw(st.decimals(-limit, limit, places=places))
    value = value.quantize(step)
    return abs(value) if value.is_zero() else value  # no "-0.00": nobody types that


def _typed(draw: st.DrawFn, value: Decimal, unit: str) -> Any:
    """Return a figure as someone might type it: a number, or text with grouping and symbols."""
    form = draw(st.sampled_from(["decimal", "text", "grouped"]))
    if form == "decimal":
        return value
    sign = "-" if value < 0 else ""
    digits = f"{abs(value):,}" if form == "grouped" else f"{abs(value)}"
    if unit == "percent" and draw(st.booleans()):
        return f"{sign}{digits}%"
    if unit == "money" and draw(st.booleans()):
        return f"{sign}£{digits}"
    return f"{sign}{digits}"


@st.composite
def cells(draw: st.DrawFn, unit: str) -> tuple[Any, Figure | None]:
    """Return (what is typed, the figure it means) for one cell; blanks in three spellings."""
    # a count with its rate only where the row is not a percentage or money (it is refused there)
    kinds = ["blank", "figure", "figure", "figure"] + (["pair"] if unit not in ("percent", "money") else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "blank":
        return draw(st.sampled_from([None, "", "  "])), None
    if kind == "pair":
        count, rate = draw(decimals("count")), draw(decimals("rate"))
        if draw(st.booleans()):
            return [_typed(draw, count, "count"), _typed(draw, rate, "rate")], (count, rate)
        return f"{count:,} ({rate:,})", (count, rate)
    value = draw(decimals(unit))
    return _typed(draw, value, unit), value


@st.composite
def targets(draw: st.DrawFn, unit: str) -> Any:
    kind = draw(st.sampled_from(["value", "increase", "decrease", "baseline", "text", "rule"]))
    if kind == "value":
        return _typed(draw, draw(decimals(unit)), unit)
    return {
        "increase": "Increase on previous year", "decrease": "Decrease on last year",
        "baseline": "Baseline", "text": {"text": "Within 5% of England"},
        "rule": {"rule": draw(st.sampled_from(["increase", "decrease", "baseline"]))},
    }[kind]


@st.composite
def pages(draw: st.DrawFn, where: tuple[int, int], expected: Expected) -> dict[str, Any]:
    count = draw(st.integers(1, 2))
    indicators = [{"description": f"Indicator {where} {i}",
                   "polarity": draw(st.sampled_from(["high", "low", "none", "High", "lower"])),
                   "unit": draw(st.sampled_from(UNITS))} for i in range(count)]
    past = PAST[draw(st.integers(0, len(PAST))):]
    subs = draw(st.sampled_from(SUB_PERIODS if past else SUB_PERIODS[1:]))
    columns: dict[str, Any] = {"past": past}
    if subs:
        columns.update(year="2015/16", periods=subs)
    page: dict[str, Any] = {"indicators": indicators, "columns": columns}
    rows = []
    row_count = draw(st.integers(1, 4))
    by_position = row_count == count > 1  # then row r measures indicator r, else all measure the first
    for r in range(row_count):
        unit = indicators[r if by_position else 0]["unit"]
        row: dict[str, Any] = {}
        if draw(st.booleans()):
            unit = draw(st.sampled_from(UNITS))
            row["unit"] = unit
        if draw(st.booleans()):
            row["label"] = draw(st.sampled_from(["No.", "Rate", "No. (Rate)", "Opiates", f"Row {r}"]))
        values: dict[str, Any] = {}
        for label in [*past, *subs]:
            if draw(st.integers(0, 4)) == 0:
                expected.figures.append(((*where, r), label, None))  # the key left out
                continue
            typed, figure = draw(cells(unit))
            values[label] = typed
            expected.figures.append(((*where, r), label, figure))
        row["values"] = values
        if draw(st.integers(0, 3)) == 0:
            row["target"] = draw(targets(unit))
        if draw(st.integers(0, 4)) == 0:
            row["published"] = draw(st.sampled_from(MARKS))
        rows.append(row)
    page["rows"] = rows
    if draw(st.booleans()):
        page["target"] = draw(targets(indicators[0]["unit"]))
    if draw(st.booleans()):
        page["dot"] = {"basis": draw(st.sampled_from(["target", "past"]))}
    comparisons = []
    first = rows[0]
    filled = [label for label, value in first["values"].items() if value not in (None, "", "  ")]
    target = first.get("target", page.get("target"))
    for c in range(draw(st.integers(0, 4))):
        kinds = ["stated", "text"] + (["period", "figure"] if filled else [])
        if filled and isinstance(target, (Decimal, str)) and not str(target)[:1].isalpha():
            kinds.append("target")
        kind = draw(st.sampled_from(kinds))
        entry: dict[str, Any] = {"label": f"Current vs. {kind} {c}"}
        if kind == "stated":
            entry["stated"] = draw(st.sampled_from(MARKS))
        elif kind == "text":
            entry["text"] = draw(st.sampled_from(["Upper Middle", "Lower", "n/a"]))
        elif kind == "period":
            entry["reference"] = {"period": draw(st.sampled_from(filled))}
        elif kind == "figure":
            entry["reference"] = draw(decimals(first.get("unit", indicators[0]["unit"])))
        else:
            entry["reference"] = "target"
        if kind in ("period", "figure", "target") and draw(st.booleans()):
            entry["published"] = draw(st.sampled_from(MARKS))
        comparisons.append(entry)
    if comparisons:
        page["direction_of_travel"] = comparisons
    if draw(st.booleans()):
        page["commentary"] = "Performance remains below target.\n\nA recovery plan is in place."
    return page


@st.composite
def reports(draw: st.DrawFn) -> tuple[dict[str, Any], Expected]:
    expected = Expected()
    sections = []
    for s in range(draw(st.integers(1, 3))):
        sections.append({"portfolio": f"PORTFOLIO {s}",
                         "pages": [draw(pages((s, p), expected)) for p in range(draw(st.integers(1, 3)))]})
    data: dict[str, Any] = {"appendix": "App B – Exception Reports", "sections": sections,
                            "locale": draw(st.sampled_from(["en_GB", "cy_GB", "de_DE"]))}
    if draw(st.booleans()):
        data["period"] = "Q2 2015/16"
    return data, expected


def _same(number: cp.Number, typed: Decimal) -> bool:
    """Return whether a loaded figure is the one typed, with the same decimal places."""
    return number.value == typed and number.places == max(0, -int(typed.as_tuple().exponent))


def assert_loaded_as_typed(report: cp.Report, expected: Expected) -> None:
    """The loader keeps every figure and its precision, and reads blanks as blanks."""
    for (s, p, r), label, figure in expected.figures:
        table = report.sections[s].pages[p].table
        assert table is not None
        row = table.rows[r]
        if figure is None:
            assert label not in row.values
            continue
        value = row.values[label]
        if isinstance(figure, tuple):
            assert isinstance(value, cp.Pair), (label, value)
            assert _same(value.primary, figure[0]) and _same(value.secondary, figure[1]), (figure, value)
        else:
            assert isinstance(value, cp.Number) and _same(value, figure), (label, figure, value)


def shown_figures(report: cp.Report) -> set[str]:
    """Return the text of every figure and target the report's tables show."""
    texts: set[str] = set()
    for _, page in report.pages():
        table = page.table
        if table is None:
            continue
        for row in table.rows:
            # as the house style writes them: rates without a thousands separator (Blackpool's)
            texts.update(format_value(v, report.locale, ungrouped=cp.DEFAULT_STYLE.ungrouped_units)
                         for v in row.values.values())
            target = table.target_for(row)
            if target is not None and table.show_target:
                texts.add(format_target(target, report.locale, ungrouped=cp.DEFAULT_STYLE.ungrouped_units))
    return texts


CONVERTED = {"count": 0}
SAMPLES_FOR_LIBREOFFICE = 1


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(reports())
def test_any_valid_report_renders_and_shows_every_figure(generated: tuple[dict[str, Any], Expected]) -> None:
    data, expected = generated
    report = cp.load(data)
    assert_loaded_as_typed(report, expected)
    cp.check(report)  # finds what it finds, but never fails
    figures = shown_figures(report)

    word = io.BytesIO()
    cp.render_docx(report, word)
    docx_cells = set(read_docx(word.getvalue()).cells)  # python-docx opens it first
    missing = sorted(figures - docx_cells)
    assert not missing, f"figures missing from the Word file: {missing}"

    pdf = io.BytesIO()
    cp.render_pdf(report, pdf)
    text = read_pdf(pdf.getvalue())
    assert len(text.pages) >= report.page_count
    pdf_cells = {squeezed(cell) for page in text.cells for cell in page}
    missing = sorted(f for f in figures if squeezed(f) not in pdf_cells)
    assert not missing, f"figures missing from the PDF: {missing}"

    with tempfile.TemporaryDirectory() as folder:
        qpdf = tool("qpdf")
        if qpdf is not None:  # else test_hostile_text's qpdf tests say it is skipped
            qpdf_check(qpdf, pdf.getvalue(), Path(folder))
        soffice = tool("soffice")
        if soffice is not None and CONVERTED["count"] < SAMPLES_FOR_LIBREOFFICE:
            CONVERTED["count"] += 1
            converted = libreoffice_convert(soffice, word.getvalue(), Path(folder), "property")
            assert len(converted.pages) >= report.page_count
