"""A DoT against past performance, and a rule target ("Increase on previous year"), compare with
last year's outturn and no other: when that year is blank or holds words, no mark is drawn and
the reason names the year; a figure from an earlier year is never used instead.

The expected mark is worked out here from the figures: the arrow is the way the current figure
moved from last year's, the judgement whether that is the way the polarity wants.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings, strategies as st

import committee_papers as cp
from committee_papers.assess import assess_report, check
from committee_papers.model import Direction, Judgement

YEARS = ["2012/13", "2013/14", "2014/15", "2015/16"]  # 2015/16 is last year for Q2 2016/17
CELL = st.one_of(st.none(), st.just("N/A"), st.just("-"), st.integers(1, 99))  # blank, words or a figure


def _report(past: list[Any], current: int, polarity: str, dot: dict[str, Any], target: Any = 70) -> cp.Report:
    values: dict[str, Any] = {year: cell for year, cell in zip(YEARS, past, strict=True) if cell is not None}
    values.update({"Q1": 50, "Q2": current})
    page = {"indicators": [{"id": "X1", "description": "Reviews", "polarity": polarity, "unit": "percent"}],
            "columns": {"past": YEARS, "year": "2016/17", "periods": ["Q1", "Q2", "Q3", "Q4"]},
            "rows": [{"values": values, "target": target}], "dot": dot, "commentary": "c"}
    return cp.load({"appendix": "A", "period": "Q2 2016/17", "sections": [{"portfolio": "P", "pages": [page]}]})


def _expected(last: Any, current: int, polarity: str) -> tuple[Direction, Judgement] | None:
    if not isinstance(last, int):
        return None  # blank or words: no mark, whatever earlier years hold
    if current == last:
        return Direction.SAME, Judgement.NEUTRAL
    up = current > last
    good = up if polarity == "high" else not up
    return (Direction.UP if up else Direction.DOWN), (Judgement.BETTER if good else Judgement.WORSE)


@settings(max_examples=120, deadline=None)
@given(st.lists(CELL, min_size=4, max_size=4), st.integers(1, 99), st.sampled_from(["high", "low"]))
def test_past_performance_is_last_years_outturn_only(past: list[Any], current: int, polarity: str) -> None:
    report = _report(past, current, polarity, {"basis": "past", "header": "DoT"})
    dot = assess_report(report).pages[0][0].tables[0].rows[0][0]
    expected = _expected(past[-1], current, polarity)
    if expected is None:
        assert dot.assessment is None, (past, dot)
        said = "holds the words" if isinstance(past[-1], str) else "no figure for 2015/16"
        assert said in dot.reason and "2015/16" in dot.reason and "earlier year" in dot.reason
        assert any("2015/16" in finding.message and "earlier year" in finding.message for finding in check(report))
    else:
        assert dot.assessment is not None
        assert (dot.assessment.direction, dot.assessment.judgement) == expected
        assert dot.reference is not None and cp.headline(dot.reference).value == Decimal(past[-1])


@settings(max_examples=60, deadline=None)
@given(st.lists(CELL, min_size=4, max_size=4), st.integers(1, 99))
def test_a_rule_target_compares_with_last_year_only(past: list[Any], current: int) -> None:
    report = _report(past, current, "high", {"basis": "target", "header": "DoT"}, "Increase on previous year")
    dot = assess_report(report).pages[0][0].tables[0].rows[0][0]
    expected = _expected(past[-1], current, "high")
    if expected is None:
        assert dot.assessment is None and "2015/16" in dot.reason, (past, dot)
    else:
        assert dot.assessment is not None
        assert (dot.assessment.direction, dot.assessment.judgement) == expected


def test_an_annual_tables_year_reported_is_compared_with_the_year_before() -> None:
    """Columns of past years only, the report's period the last of them (2015/16): its DoT
    against past performance is 2015/16 against 2014/15, as a rule target's is, not "no mark"."""
    page = {"indicators": [{"description": "Annual", "polarity": "high", "unit": "percent"}],
            "columns": {"past": ["2013/14", "2014/15", "2015/16"]},
            "rows": [{"values": {"2013/14": 50, "2014/15": 40, "2015/16": 45}}],
            "dot": {"basis": "past"}, "commentary": "c"}
    report = cp.load({"appendix": "A", "period": "2015/16", "sections": [{"portfolio": "P", "pages": [page]}]})
    dot = assess_report(report).pages[0][0].tables[0].rows[0][0]
    assert dot.assessment is not None, dot.reason
    assert (dot.assessment.direction, dot.assessment.judgement) == (Direction.UP, Judgement.BETTER)  # 45 > 40
    assert dot.reference is not None and cp.headline(dot.reference).value == Decimal(40)
