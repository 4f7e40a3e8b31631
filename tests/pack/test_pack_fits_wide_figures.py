"""A pack from KPI data (DataFrames, the workbook's columns) fits its tables as a report does:
two outturns and twelve months of figures of any size come out whole, on an upright page or
turned, read back from the PDF with pdfplumber."""

from __future__ import annotations

import io

import pdfplumber
import pytest

import committee_papers as cp
from committee_papers.pack.render import render_pack

pd = pytest.importorskip("pandas")

MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
PERIODS = ["2013/14", "2014/15"] + [f"{m} {2015 if n < 9 else 2016}" for n, m in enumerate(MONTHS)]


@pytest.mark.parametrize(("digits", "turned"), [(3, False), (6, None), (9, True)])
def test_every_figure_of_a_wide_monthly_indicator_is_whole(digits: int, turned: bool | None) -> None:
    """Fourteen columns of nine-digit counts (``123,456,789``: 5.3 em, 42 pt at 8 pt with 5 pt
    of padding) need 14 x 47 = 658 pt, more than the 482 pt of an upright A4 page, so the page
    turns; three digits (1.7 em, 26 pt a column at 10 pt: 14 x 26 = 367 pt) fit upright; six
    may go either way, whole."""
    first = int("123456789"[:digits])
    indicators = pd.DataFrame([{"id": "W1", "portfolio": "P", "description": "Wide monthly count",
                                "polarity": "low", "unit": "count", "target": 100}])
    values = pd.DataFrame([{"indicator_id": "W1", "period": period, "value": first + n}
                           for n, period in enumerate(PERIODS)])
    pack = cp.build_pack(cp.from_dataframes(indicators, values), charts=False)
    out = io.BytesIO()
    render_pack(pack, pdf=out)
    expected = {f"{first + n:,}" for n in range(len(PERIODS))}
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        last = pdf.pages[-1]  # the exception page, after the scorecard
        words = {w["text"] for w in last.extract_words(x_tolerance=1.5)}
        assert turned is None or (last.width > last.height) is turned
    assert expected <= words, sorted(expected - words)[:3]


@pytest.mark.parametrize("latest", ["1003117.09", "98765432.10"])
def test_the_scorecard_keeps_each_figure_whole(latest: str) -> None:
    """The scorecard's columns were fixed shares (15% for the latest figure: 72 pt), too narrow
    for ``£98,765,432.10`` (13 characters, 68 pt at 10 pt plus padding); they are fitted as
    any table is, so every figure and target is on one line."""
    indicators = pd.DataFrame([{"id": "M1", "portfolio": "P", "description": "Spend on agency staff",
                                "polarity": "low", "unit": "money", "target": "1250000.00"}])
    values = pd.DataFrame([{"indicator_id": "M1", "period": "Q1 2015/16", "value": "900000.00"},
                           {"indicator_id": "M1", "period": "Q2 2015/16", "value": latest}])
    pack = cp.build_pack(cp.from_dataframes(indicators, values), charts=False)
    out = io.BytesIO()
    render_pack(pack, pdf=out)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        words = {w["text"] for w in pdf.pages[0].extract_words(x_tolerance=1.5)}
    expected = f"£{int(latest.split('.')[0]):,}.{latest.split('.')[1]}"
    assert {expected, "£1,250,000.00"} <= words, sorted(w for w in words if "£" in w)
