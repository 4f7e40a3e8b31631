"""The data table's header: the Target column under the year span or on its own, and DoT
headers of one or two rows (issue 15, point 6), for generated tables of every shape."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import Scope, Table, layout_report, place
from committee_papers.loaders import LoadError

MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
PAST = ["2011/12", "2012/13", "2013/14", "2014/15"]


def _page(past: int, months: int, labels: bool, under: bool, dots: list[str | None], status: bool) -> dict[str, Any]:
    values = {**{year: 50 + i for i, year in enumerate(PAST[-past:] if past else [])},
              **{month: 60 + i for i, month in enumerate(MONTHS[:months])}}
    page: dict[str, Any] = {
        "indicators": [{"description": "Reviews completed", "polarity": "high", "unit": "percent"}],
        "columns": {"past": PAST[-past:] if past else [], "year": "2015/16", "periods": MONTHS[:months]},
        "target": "70%",
        "rows": [{"values": values, **({"label": "All"} if labels else {})}],
    }
    if under:
        page["target_under_year"] = True
    if dots:
        page["dot"] = [{"basis": "target", "header": f"DoT {i}", **({"subheader": sub} if sub else {})}
                       for i, sub in enumerate(dots)]
    if status:
        page["status"] = True
    return page


def _data_table(page: dict[str, Any]) -> Table:
    report = cp.load({"appendix": "App", "sections": [{"portfolio": "P", "pages": [page]}]})
    blocks = layout_report(report, assess_report(report)).pages[0].blocks
    [table] = [b for b in blocks if isinstance(b, Table) and b.kind == "data"]
    return table


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(past=st.integers(0, 4), months=st.integers(1, 12), labels=st.booleans(), under=st.booleans(),
       dots=st.lists(st.one_of(st.none(), st.sampled_from(["Against Target", "Against Past Performance"])),
                     max_size=3),
       status=st.booleans())
def test_each_column_has_its_header_where_the_input_puts_it(past: int, months: int, labels: bool, under: bool,
                                                           dots: list[str | None], status: bool) -> None:
    table = _data_table(_page(past, months, labels, under, dots, status))
    assert table.header_rows == 2  # the year spans its months
    placed = place(table)  # raises on a hole or an overlap
    header = {(p.row, p.column): p.cell for p in placed if p.row < 2}
    body = {p.column: p.cell for p in placed if p.row == 2}
    assert all(cell.scope is Scope.COLUMN for cell in header.values())
    first_month = int(labels) + past
    target = first_month + months  # the column after the months, by the table's definition
    year = header[(0, first_month)]
    assert year.text == "2015/16"
    assert body[target].text == "70%"
    if under:
        assert year.colspan == months + 1  # the year spans its months and the Target
        assert header[(1, target)].text == "Target"
        assert (0, target) not in header
    else:
        assert year.colspan == months
        assert (header[(0, target)].text, header[(0, target)].rowspan) == ("Target", 2)
    for number, sub in enumerate(dots):
        column = target + 1 + number
        top = header[(0, column)]
        assert top.text == f"DoT {number}"
        if sub is None:
            assert top.rowspan == 2 and (1, column) not in header
        else:
            assert top.rowspan == 1 and header[(1, column)].text == sub
    if status:
        assert header[(0, target + 1 + len(dots))].rowspan == 2


@given(past=st.integers(1, 4), dots=st.lists(st.booleans(), min_size=1, max_size=3))
@settings(max_examples=30, deadline=None)
def test_without_a_year_the_header_is_two_rows_only_for_a_subheader(past: int, dots: list[bool]) -> None:
    page = _page(past, 0, False, False, [], False)
    page["columns"] = {"past": PAST[-past:]}
    page["dot"] = [{"basis": "target", "header": "DoT", **({"subheader": "Against Target"} if two else {})}
                   for two in dots]
    table = _data_table(page)
    rows = 2 if any(dots) else 1
    assert table.header_rows == rows
    tops = table.rows[0].cells
    assert all(c.rowspan == rows for c in tops[:past + 1])  # the years and the Target
    assert [c.rowspan for c in tops[past + 1:]] == [1 if two else rows for two in dots]
    if rows == 2:
        assert [c.text for c in table.rows[1].cells] == ["Against Target"] * sum(dots)


def _problems(page: dict[str, Any]) -> list[str]:
    with pytest.raises(LoadError) as caught:
        cp.load({"appendix": "App", "sections": [{"portfolio": "P", "pages": [page]}]})
    return [str(p) for p in caught.value.problems]


def test_target_under_year_without_a_year_header_is_refused_with_its_place() -> None:
    page = _page(2, 0, False, True, [], False)
    page["columns"] = {"past": PAST[-2:]}
    [problem] = _problems(page)
    assert problem.startswith("sections[0].pages[0]: target_under_year puts the Target column under the current "
                              "year's header, but the last column is not under a year's header")


def test_target_under_year_without_a_target_is_refused_with_its_place() -> None:
    page = _page(2, 4, False, True, [], False)
    del page["target"]
    [problem] = _problems(page)
    assert "target_under_year" in problem and "the table has no target" in problem


def test_a_blank_subheader_or_a_non_flag_is_refused_with_its_place() -> None:
    page = _page(2, 4, False, False, ["  "], False)
    page["target_under_year"] = "yes"
    problems = _problems(page)
    assert any(p.startswith("sections[0].pages[0].dot[0].subheader: the subheader is empty") for p in problems)
    assert any(p.startswith("sections[0].pages[0].target_under_year: expected true or false") for p in problems)


def test_the_python_api_takes_the_same_settings() -> None:
    year = cp.FinancialYear(2015)
    table = cp.DataTable(
        periods=(cp.Period.past_year(cp.FinancialYear(2014)), *(cp.Period.quarter(year, q) for q in (1, 2))),
        rows=(cp.DataRow({"2014/15": cp.Number("54.8"), "Q1": cp.Number(15.1)}),),
        target=cp.Target.from_wording("70%", cp.Unit.PERCENT),
        dots=(cp.DotColumn(cp.DotBasis.PAST, "DoT", subheader="Against Past Performance"),),
        target_under_year=True,
    )
    assert table.dots[0].title == "DoT Against Past Performance"
    with pytest.raises(ValueError, match="last column is not under a year's header"):
        cp.DataTable(periods=(cp.Period.past_year(cp.FinancialYear(2014)),), rows=(), target_under_year=True)
    with pytest.raises(ValueError, match="subheader needs its words"):
        cp.DotColumn(cp.DotBasis.PAST, "DoT", subheader=" ")
