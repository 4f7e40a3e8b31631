"""The model's value objects: immutable, precise, and refusing impossible states."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from committee_papers.model import (
    Comparison,
    DataRow,
    DataTable,
    Direction,
    ExceptionPage,
    FinancialYear,
    Indicator,
    Mark,
    Number,
    Period,
    PeriodKind,
    Polarity,
    ReportingPeriod,
    Target,
    TargetKind,
    Unit,
    quarter_of_month,
)


def test_number_keeps_the_precision_it_was_given() -> None:
    assert Number(Decimal("9.38")).places == 2
    assert Number(Decimal("41")).places == 0
    assert Number(Decimal("44.60")).places == 2
    assert Number(44.6).value == Decimal("44.6")  # a float goes in by its shortest repr


def test_number_refuses_infinity_and_nan() -> None:
    with pytest.raises(ValueError, match="finite"):
        Number(Decimal("Infinity"))
    with pytest.raises(ValueError, match="finite"):
        Number(Decimal("NaN"))


def test_value_objects_are_immutable() -> None:
    number = Number(Decimal("1"), Unit.COUNT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        number.value = Decimal("2")  # type: ignore[misc]
    row = DataRow({"Q1": number})
    with pytest.raises(TypeError):
        row.values["Q1"] = number  # type: ignore[index]


def test_row_values_are_copied_so_the_caller_cannot_change_them() -> None:
    values = {"Q1": Number(Decimal("1"))}
    row = DataRow(values)
    values["Q2"] = Number(Decimal("2"))
    assert list(row.values) == ["Q1"]


@pytest.mark.parametrize(("text", "start"), [("2015/16", 2015), ("2015/2016", 2015), ("1999-00", 1999)])
def test_financial_year_parses_the_usual_spellings(text: str, start: int) -> None:
    assert FinancialYear.parse(text).start == start


@pytest.mark.parametrize("text", ["2015/17", "2015", "15/16", "2015/2017", "Q1"])
def test_financial_year_refuses_what_is_not_one(text: str) -> None:
    with pytest.raises(ValueError):
        FinancialYear.parse(text)


def test_financial_year_labels() -> None:
    year = FinancialYear(2015)
    assert (year.short, year.long, year.previous().short) == ("2015/16", "2015/2016", "2014/15")
    assert FinancialYear(1999).short == "1999/00"


@pytest.mark.parametrize(("month", "quarter"), [(4, 1), (6, 1), (7, 2), (9, 2), (10, 3), (12, 3), (1, 4), (3, 4)])
def test_financial_quarters_start_in_april(month: int, quarter: int) -> None:
    assert quarter_of_month(month) == quarter


def test_reporting_period_label_and_bounds() -> None:
    assert ReportingPeriod(FinancialYear(2016), 3).label == "Q3 2016/17"
    with pytest.raises(ValueError):
        ReportingPeriod(FinancialYear(2016), 5)


def test_target_kinds_and_default_wording() -> None:
    assert Target(TargetKind.INCREASE).wording == "Increase on previous year"
    assert Target(TargetKind.BASELINE).wording == "Baseline"
    assert Target(TargetKind.DECREASE, wording="Decrease on last year").wording == "Decrease on last year"
    with pytest.raises(ValueError):
        Target(TargetKind.VALUE)
    with pytest.raises(ValueError):
        Target(TargetKind.TEXT)


def test_table_refuses_repeated_periods_and_unknown_values() -> None:
    q1 = Period("Q1", PeriodKind.QUARTER, FinancialYear(2015), 1, "2015/16")
    with pytest.raises(ValueError, match="unique"):
        DataTable((q1, q1), ())
    with pytest.raises(ValueError, match="periods that are not columns"):
        DataTable((q1,), (DataRow({"Q9": Number(Decimal(1))}),))


def test_a_period_column_needs_the_year_and_index_its_kind_implies() -> None:
    for kind, index in ((PeriodKind.QUARTER, 1), (PeriodKind.MONTH, 9), (PeriodKind.YEAR, None)):
        with pytest.raises(ValueError, match="needs its financial year"):
            Period("x", kind, None, index)
    with pytest.raises(ValueError, match="index from 1 to 4"):
        Period("Q5", PeriodKind.QUARTER, FinancialYear(2015), 5)
    with pytest.raises(ValueError, match="has no index"):
        Period("2015/16", PeriodKind.YEAR, FinancialYear(2015), 3)
    assert Period("YTD", PeriodKind.OTHER).fiscal is None


def test_a_table_refuses_columns_out_of_time_order() -> None:
    year = FinancialYear(2015)
    past = [Period(y.short, PeriodKind.YEAR, y) for y in (FinancialYear(2013), FinancialYear(2014))]
    quarters = [Period(f"Q{q}", PeriodKind.QUARTER, year, q, year.short) for q in (1, 2, 3, 4)]
    DataTable((*past, *quarters), ())
    with pytest.raises(ValueError, match="not in time order"):
        DataTable((past[1], past[0], *quarters), ())
    with pytest.raises(ValueError, match="not in time order"):
        DataTable((*past, *reversed(quarters)), ())
    with pytest.raises(ValueError, match="not in time order"):
        DataTable((*quarters, *past), ())


def test_comparison_takes_exactly_one_form() -> None:
    one = Number(Decimal(1))
    Comparison("a", current=one, reference=one)
    Comparison("b", stated=Mark(Direction.UP))
    Comparison("c", text="Upper Middle")
    with pytest.raises(ValueError):
        Comparison("d")
    with pytest.raises(ValueError):
        Comparison("e", current=one)
    with pytest.raises(ValueError):
        Comparison("f", text="x", stated=Mark(Direction.UP))


def test_page_refuses_rows_for_missing_indicators() -> None:
    indicator = Indicator("x", Polarity.HIGH)
    q1 = Period("Q1", PeriodKind.QUARTER, FinancialYear(2015), 1, "2015/16")
    table = DataTable((q1,), (DataRow({}, indicator=1),))
    with pytest.raises(ValueError, match="indicators that do not exist"):
        ExceptionPage((indicator,), table)
    with pytest.raises(ValueError, match="at least one indicator"):
        ExceptionPage(())


def test_page_heading_defaults_to_first_description() -> None:
    page = ExceptionPage((Indicator("First", Polarity.LOW), Indicator("Second", Polarity.LOW)))
    assert page.heading == "First"
    assert dataclasses.replace(page, title="Own title").heading == "Own title"
