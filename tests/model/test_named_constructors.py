"""The model's named constructors give a script what the YAML form gives a report file (issue 17).

Each YAML convenience (a column named by its heading, a comparison against ``latest``,
``target`` or ``{period: ...}``) has a constructor in the model, and the two agree: a page
built in code equals the page loaded from the same YAML.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

import committee_papers as cp
from committee_papers.model import Comparison, DataRow, DataTable, FinancialYear, Number, Period, PeriodKind

YEAR = FinancialYear(2016)


def test_period_constructors_name_the_column_as_a_council_does() -> None:
    assert Period.past_year(FinancialYear(2014)) == Period("2014/15", PeriodKind.YEAR, FinancialYear(2014))
    assert Period.quarter(YEAR, 3) == Period("Q3", PeriodKind.QUARTER, YEAR, 3, "2016/17")
    assert Period.quarter(YEAR, 1, group="") == Period("Q1", PeriodKind.QUARTER, YEAR, 1, "")
    assert Period.month(YEAR, 9) == Period("Sept", PeriodKind.MONTH, YEAR, 9, "2016/17")
    with pytest.raises(ValueError, match="1 to 12"):
        Period.month(YEAR, 13)
    with pytest.raises(ValueError, match="index from 1 to 4"):
        Period.quarter(YEAR, 5)


@pytest.mark.parametrize(("label", "kind", "year", "index"), [
    ("Q2", PeriodKind.QUARTER, YEAR, 2),
    ("q4", PeriodKind.QUARTER, YEAR, 4),
    ("Sep", PeriodKind.MONTH, YEAR, 9),
    ("January", PeriodKind.MONTH, YEAR, 1),
    ("Outturn", PeriodKind.YEAR_END, YEAR, None),
    ("EoY", PeriodKind.YEAR_END, YEAR, None),
    ("YTD", PeriodKind.CUMULATIVE, YEAR, None),
    ("Year to date", PeriodKind.CUMULATIVE, YEAR, None),
    ("Q3 2015/16", PeriodKind.QUARTER, FinancialYear(2015), 3),
    ("Rate per 10,000", PeriodKind.OTHER, YEAR, None),
])
def test_a_heading_is_read_as_the_yaml_reads_it(label: str, kind: PeriodKind, year: FinancialYear,
                                                index: int | None) -> None:
    # a column of another year is not put under this year's spanning header
    group = "2016/17" if year == YEAR else None
    assert Period.from_label(label, YEAR, "2016/17") == Period(label, kind, year, index, group)
    loaded = cp.load({"appendix": "a", "sections": [{"portfolio": "S", "pages": [{
        "indicators": [{"description": "An indicator", "polarity": "high"}],
        "columns": {"year": "2016/17", "periods": [label]}, "rows": [{"values": {}}]}]}]})
    table = loaded.sections[0].pages[0].table
    assert table is not None
    assert table.periods == (Period.from_label(label, YEAR, "2016/17"),)


def _table(q1: int, q2: int | None, q3: int | None) -> DataTable:
    values = {k: Number(v) for k, v in (("2015/16", 40), ("Q1", q1), ("Q2", q2), ("Q3", q3)) if v is not None}
    return DataTable(
        periods=(Period.past_year(FinancialYear(2015)), *(Period.quarter(YEAR, q) for q in (1, 2, 3))),
        rows=(DataRow(values, label="Rate"),),
        target=cp.Target.from_wording("At least 50"),
        current="Q3",
    )


figures = st.integers(min_value=0, max_value=10_000)


@given(figures, figures, st.one_of(st.none(), figures))
def test_a_comparison_of_a_tables_figures_takes_them_from_the_named_columns(
        q1: int, q2: int, q3: int | None) -> None:
    table = _table(q1, q2, q3)
    against_q2 = Comparison.of(table, "Current vs. Q2", "Q2")
    against_target = Comparison.of(table, "Against target", "target", row="Rate")
    against_year = Comparison.of(table, "Q1 vs. last year", "2015/16", current="Q1")
    assert (against_q2.reference, against_target.reference) == (Number(q2), Number(50))
    assert (against_year.current, against_year.reference) == (Number(q1), Number(40))
    if q3 is None:  # the period reported is blank: no mark, never a figure from another period
        assert (against_q2.current, against_q2.missing) == (None, "Q3")
    else:
        assert (against_q2.current, against_q2.missing) == (Number(q3), None)


def test_a_comparison_names_what_the_table_lacks() -> None:
    table = _table(1, None, 3)
    with pytest.raises(ValueError, match="no figure for the period 'Q2'"):
        Comparison.of(table, "vs Q2", "Q2")
    with pytest.raises(ValueError, match="'Total' is not a row"):
        Comparison.of(table, "vs Q1", "Q1", row="Total")
    with pytest.raises(ValueError, match="current period, which has no figure"):
        Comparison.of(_table(1, 2, None), "odd", "latest", current="Q1")


def test_a_comparison_built_in_code_equals_the_one_loaded_from_yaml() -> None:
    loaded = cp.load({"appendix": "a", "sections": [{"portfolio": "S", "pages": [{
        "indicators": [{"description": "An indicator", "polarity": "high"}],
        "columns": {"past": ["2015/16"], "year": "2016/17", "periods": ["Q1", "Q2", "Q3"], "current": "Q3"},
        "target": "At least 50",
        "rows": [{"label": "Rate", "values": {"2015/16": 40, "Q1": 7, "Q2": 9, "Q3": 12}}],
        "direction_of_travel": [
            {"label": "Current vs. Q2", "reference": {"period": "Q2"}},
            {"label": "Against target", "reference": "target"}]}]}]})
    page = loaded.sections[0].pages[0]
    assert page.table is not None and page.dot_table is not None
    assert page.dot_table.comparisons == (
        Comparison.of(page.table, "Current vs. Q2", "Q2"),
        Comparison.of(page.table, "Against target", "target"),
    )
    assert page.dot_table.comparisons[0].current == Number(Decimal(12))
