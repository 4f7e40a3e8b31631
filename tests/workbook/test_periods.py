"""Period labels: financial quarters, months and year outturns, never calendar quarters."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from committee_papers.model import FinancialYear, FiscalPeriod, Frequency, ReportingPeriod
from committee_papers.workbook.periods import parse_period, parse_reporting_period

FY16 = FinancialYear(2016)


@pytest.mark.parametrize(("label", "expected"), [
    ("2016/17 Q3", FiscalPeriod.quarter(FY16, 3)),
    ("Q3 2016/17", FiscalPeriod.quarter(FY16, 3)),
    ("q3  2016/2017", FiscalPeriod.quarter(FY16, 3)),
    ("Q1 2016-17", FiscalPeriod.quarter(FY16, 1)),
    ("2016-09", FiscalPeriod(FY16, Frequency.MONTHLY, 9)),
    ("Sep 2016", FiscalPeriod(FY16, Frequency.MONTHLY, 9)),
    ("Sept 2016", FiscalPeriod(FY16, Frequency.MONTHLY, 9)),
    ("September 2016", FiscalPeriod(FY16, Frequency.MONTHLY, 9)),
    ("Jan 2017", FiscalPeriod(FY16, Frequency.MONTHLY, 1)),  # January 2017 is in 2016/17
    ("2017-03", FiscalPeriod(FY16, Frequency.MONTHLY, 3)),
    ("2016-04", FiscalPeriod(FY16, Frequency.MONTHLY, 4)),
    ("2015/16", FiscalPeriod.outturn(FinancialYear(2015))),
    ("2015/2016", FiscalPeriod.outturn(FinancialYear(2015))),
    ("2015/16 Outturn", FiscalPeriod.outturn(FinancialYear(2015))),
    ("2011-12", FiscalPeriod(FinancialYear(2011), Frequency.MONTHLY, 12)),  # YYYY-MM is always a month
])
def test_labels(label: str, expected: FiscalPeriod) -> None:
    assert parse_period(label) == expected


def test_a_date_cell_is_its_month() -> None:
    assert parse_period(dt.datetime(2017, 2, 1)) == FiscalPeriod.month(2017, 2)
    assert parse_period(dt.date(2016, 4, 30)).label == "Apr 2016"


@pytest.mark.parametrize(("label", "message"), [
    ("Q5 2016/17", "cannot read 'Q5 2016/17' as a period"),
    ("Q3", "cannot read 'Q3' as a period"),
    ("2016/18", "18 does not follow 2016"),
    ("2016-13", "'2016-13' is not a month: 13 is not 1 to 12"),
    ("Autumn 2016", "cannot read 'Autumn 2016'"),
])
def test_bad_labels(label: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_period(label)


def test_months_fall_in_financial_quarters() -> None:
    assert [FiscalPeriod.month(2016 if m >= 4 else 2017, m).quarter_number for m in (4, 6, 7, 9, 10, 12, 1, 3)] == [
        1, 1, 2, 2, 3, 3, 4, 4]


def test_previous_crosses_the_financial_year() -> None:
    assert FiscalPeriod.quarter(FY16, 1).previous() == FiscalPeriod.quarter(FinancialYear(2015), 4)
    assert FiscalPeriod.month(2016, 4).previous() == FiscalPeriod.month(2016, 3)
    assert FiscalPeriod.month(2017, 1).previous() == FiscalPeriod.month(2016, 12)
    assert FiscalPeriod.outturn(FY16).previous() == FiscalPeriod.outturn(FinancialYear(2015))
    assert FiscalPeriod.quarter(FY16, 3).year_earlier() == FiscalPeriod.quarter(FinancialYear(2015), 3)


def test_reporting_period() -> None:
    assert parse_reporting_period("Q3 2016/17") == ReportingPeriod(FY16, 3)
    assert parse_reporting_period("2016/17") == ReportingPeriod(FY16, None)
    assert FiscalPeriod.quarter(FY16, 4).is_after(ReportingPeriod(FY16, 3))
    assert not FiscalPeriod.month(2016, 12).is_after(ReportingPeriod(FY16, 3))
    assert FiscalPeriod.month(2017, 1).is_after(ReportingPeriod(FY16, 3))
    assert not FiscalPeriod.outturn(FY16).is_after(ReportingPeriod(FY16, 1))  # annual measures come early


years = st.integers(min_value=2000, max_value=2098).map(FinancialYear)
periods = st.one_of(
    st.builds(FiscalPeriod.quarter, years, st.integers(1, 4)),
    st.builds(lambda y, m: FiscalPeriod(y, Frequency.MONTHLY, m), years, st.integers(1, 12)),
    st.builds(FiscalPeriod.outturn, years),
)


@given(periods)
def test_every_label_reads_back_as_its_period(period: FiscalPeriod) -> None:
    assert parse_period(period.label) == period


@given(st.integers(2000, 2098), st.integers(1, 12), st.integers(2000, 2098), st.integers(1, 12))
def test_months_sort_in_calendar_order(y1: int, m1: int, y2: int, m2: int) -> None:
    one, two = FiscalPeriod.month(y1, m1), FiscalPeriod.month(y2, m2)
    assert (one.sort_key < two.sort_key) == ((y1, m1) < (y2, m2))


@given(periods)
def test_previous_is_just_before(period: FiscalPeriod) -> None:
    before = period.previous()
    assert before.sort_key < period.sort_key
    assert before.frequency is period.frequency
