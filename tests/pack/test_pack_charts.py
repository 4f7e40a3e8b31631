"""The pack's trend charts: on every exception page by default, from the workbook's figures."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pikepdf

import committee_papers as cp
from committee_papers.layout import Chart
from committee_papers.layout.pack import layout_pack
from committee_papers.model import FinancialYear, FiscalPeriod, Kpi, Observation, ReportingPeriod
from committee_papers.pack import trend_chart

ROOT = Path(__file__).resolve().parents[2]
Q3 = ReportingPeriod(FinancialYear(2016), 3)


def kpi(series: list[tuple[FiscalPeriod, str]], **extra: object) -> Kpi:
    return Kpi("K1", "PORTFOLIO", "Days to process a claim", cp.Polarity.LOW, cp.Unit.DAYS,
               series=tuple(Observation(p, cp.Number(Decimal(v))) for p, v in series), **extra)  # type: ignore[arg-type]


def quarters(start: int, count: int) -> list[FiscalPeriod]:
    found = [FiscalPeriod.quarter(FinancialYear(start), 1)]
    while len(found) < count:
        last = found[-1]
        found.append(FiscalPeriod.quarter(last.year, last.index + 1) if last.index and last.index < 4
                     else FiscalPeriod.quarter(FinancialYear(last.year.start + 1), 1))
    return found


def test_quarters_of_past_years_give_the_last_eight_quarters_with_comparators() -> None:
    periods = quarters(2014, 11)  # Q1 2014/15 to Q3 2016/17
    chart = trend_chart(kpi([(p, str(10 + n)) for n, p in enumerate(periods)],
                            england=cp.Number("12.5"), stat_neighbours=cp.Number(11), comparator_period="2015/16"), Q3)
    assert chart is not None
    assert chart.categories == tuple(p.label for p in periods[-8:])
    assert chart.categories[-1] == "Q3 2016/17"
    (series,) = chart.series
    assert [series.values[p.label].value for p in periods[-8:]] == [Decimal(10 + n) for n in range(3, 11)]
    assert [(c.label, c.value.value) for c in chart.comparators] == [
        ("England (2015/16)", Decimal("12.5")), ("Statistical neighbours (2015/16)", Decimal(11))]


def test_a_missing_quarter_is_a_gap_and_later_quarters_are_left_out() -> None:
    periods = quarters(2015, 8)  # Q1 2015/16 to Q4 2016/17: Q4 is after the period reported
    figures = [(p, str(n)) for n, p in enumerate(periods) if n != 4]
    chart = trend_chart(kpi(figures), Q3)
    assert chart is not None and chart.categories[-1] == "Q3 2016/17"
    assert "Q1 2016/17" in chart.categories and "Q1 2016/17" not in chart.series[0].values


def test_only_this_year_s_quarters_fall_back_to_the_page_s_table() -> None:
    series = [(FiscalPeriod.outturn(FinancialYear(2015)), "9"), *((p, "10") for p in quarters(2016, 3))]
    chart = trend_chart(kpi(series), Q3)
    assert chart is not None and not chart.series  # the table's outturns and quarters
    assert trend_chart(kpi(series[:1]), Q3) is None  # one figure is no trend


def test_every_exception_page_of_the_sample_pack_has_its_chart_and_none_without(tmp_path: Path) -> None:
    data = cp.read_workbook(ROOT / "samples" / "kpis.xlsx")
    pack = cp.build_pack(data)
    charts = [b for p in layout_pack(pack).pages for b in p.blocks if isinstance(b, Chart)]
    assert len(charts) == len(pack.exceptions)
    plain = cp.build_pack(data, charts=False)
    assert not [b for p in layout_pack(plain).pages for b in p.blocks if isinstance(b, Chart)]
    from committee_papers.cli import main

    assert main(["pack", str(ROOT / "samples" / "kpis.xlsx"), "-o", str(tmp_path), "--format", "pdf",
                 "--no-charts"]) == 0
    with pikepdf.open(tmp_path / "kpis.pdf") as pdf:
        assert b"/Figure" not in b"".join(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(p))
                                         for p in pdf.pages)
    from committee_papers.pack.render import render_pack

    buffer = io.BytesIO()
    render_pack(pack, pdf=buffer)
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        assert len([e for e in _elements(pdf.Root.StructTreeRoot) if e.S == "/Figure" and "/Alt" in e]) == len(charts)


def _elements(root: pikepdf.Object) -> list[pikepdf.Object]:
    found = root.get("/K")
    kids = list(found) if isinstance(found, pikepdf.Array) else [] if found is None else [found]
    out = []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR":
            out += [kid, *_elements(kid)]
    return out
