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
