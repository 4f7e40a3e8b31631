"""The trend chart's layout: its scale holds every figure, its words say the trend, its defaults."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings, strategies as st
from tests.conftest import MINIMAL

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import Chart, Dash, Marker, Role, layout_report
from committee_papers.layout.chart import nice_scale

UNITS = [cp.Unit.PERCENT, cp.Unit.COUNT, cp.Unit.RATE, cp.Unit.MONEY, cp.Unit.NUMBER]
figures = st.decimals(min_value=Decimal("-5000"), max_value=Decimal("100000"), places=1, allow_nan=False,
                      allow_infinity=False)


def report(values: dict[str, Any], chart: Any = True, **page: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    first = data["sections"][0]["pages"][0]
    first["rows"] = [{"values": values}]
    first["chart"] = chart
    first.update(page)
    return data


def charts(data: dict[str, Any]) -> list[Chart]:
    layout = layout_report(cp.load(data), assess_report(cp.load(data)))
    return [block for p in layout.pages for block in p.blocks if isinstance(block, Chart)]


@given(st.lists(figures, min_size=1, max_size=20), st.sampled_from(UNITS))
def test_the_scale_holds_every_figure_in_about_five_nice_steps(values: list[Decimal], unit: cp.Unit) -> None:
    low, high = min(values), max(values)
    minimum, maximum, step = nice_scale(low, high, unit)
    assert minimum <= low and high <= maximum
    assert minimum < maximum and step > 0
    ticks = (maximum - minimum) / step
    assert ticks == ticks.to_integral_value() and 2 <= ticks <= 9
    mantissa = step.scaleb(-step.adjusted()).normalize()
    assert mantissa in {1, 2, Decimal("2.5"), 5}
    if low >= 0 and low <= high - low:
        assert minimum == 0  # a positive series near zero starts at zero


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=1)), min_size=4, max_size=4))
def test_every_figure_is_on_the_axis_and_the_words_name_the_first_and_last(values: list[Decimal | None]) -> None:
    periods = ["2013/14", "2014/15", "Q1", "Q2"]
    given_values = {p: float(v) for p, v in zip(periods, values, strict=True) if v is not None}
    found = charts(report(given_values))
    if len(given_values) < 2:
        assert found == []  # one figure makes no trend
        return
    (chart,) = found
    figures_line = chart.lines[0]
    assert figures_line.role is Role.FIGURES
    shown = [v for v in figures_line.values if v is not None]
    assert shown == [Decimal(str(v)) for v in given_values.values()]
    assert all(chart.axis.minimum <= v <= chart.axis.maximum for line in chart.lines for v in line.values
               if v is not None)
    first = next(v for v in values if v is not None)
    last = next(v for v in reversed(values) if v is not None)
    verb = "Rose" if last > first else "Fell" if last < first else "Was"
    assert chart.alt.startswith(f"{verb} from {first}%" if verb != "Was" else f"Was {first}%")
    assert f"{last}%" in chart.alt
    assert chart.current == (0, max(i for i, v in enumerate(figures_line.values) if v is not None))
    assert chart.current_label == f"{last}%"


def test_the_default_chart_plots_the_figures_and_the_target_and_says_which_way_is_better() -> None:
    (chart,) = charts(report({"2013/14": 58.7, "2014/15": 54.8, "Q1": 15.1, "Q2": 32.1}))
    assert chart.categories == ("2013/14", "2014/15", "Q1 2015/16", "Q2 2015/16")  # Q3, Q4: no figures yet
    figures_line, target = chart.lines
    assert figures_line.marker is Marker.CIRCLE and figures_line.dash is Dash.SOLID
    assert target.role is Role.TARGET and target.dash is Dash.LONG_DASH and target.marker is Marker.NONE
    assert set(target.values) == {Decimal(70)} and not target.step
    assert "Higher is better" in chart.caption
    assert chart.alt == ("Fell from 58.7% in 2013/14 to 32.1% in Q2 2015/16, with a low of 15.1% in Q1 2015/16. "
                         "The latest figure is below the target of 70% throughout.")
    assert chart.axis.labels[0] == "0%" and chart.axis.labels[-1].endswith("%")


def test_per_period_targets_make_a_step_and_comparators_dashed_levels() -> None:
    chart_spec = {"targets": {"Q1": 20, "Q2": 30}, "comparators": {"England": 45.5, "Statistical neighbours": 40}}
    (chart,) = charts(report({"2013/14": 58.7, "2014/15": 54.8, "Q1": 15.1, "Q2": 32.1}, chart_spec))
    _, target, england, neighbours = chart.lines
    assert target.step and target.values == (None, None, Decimal(20), Decimal(30))
    assert england.role is neighbours.role is Role.COMPARATOR
    assert england.dash is not neighbours.dash and Dash.SOLID not in (england.dash, neighbours.dash)
    assert england.name == "England (45.5%)" and set(england.values) == {Decimal("45.5")}
    assert "is above the target for the period, below" in chart.alt  # Q1 was below its 20
    assert "below the England figure of 45.5%" in chart.alt
    assert "below the Statistical neighbours figure of 40%" in chart.alt


def test_lines_differ_by_more_than_colour() -> None:
    data = copy.deepcopy(MINIMAL)
    page = data["sections"][0]["pages"][0]
    page["indicators"] = [{"description": f"Measure {n}", "polarity": "low", "unit": "count"} for n in range(3)]
    page["rows"] = [{"label": f"Row {n}", "values": {"2013/14": n, "2014/15": n + 1, "Q1": n + 3}} for n in range(3)]
    page["target"] = 5
    page["chart"] = {"comparators": {"England": 2, "Region": 3}}
    (chart,) = charts(data)
    looks = [(line.marker, line.dash) for line in chart.lines]
    assert len(set(looks)) == len(looks)  # each line is told apart by its marker or dash
    assert [line.name for line in chart.lines[:3]] == ["Row 0", "Row 1", "Row 2"]
    assert "Lower is better" in chart.caption
    for line in chart.lines:
        assert line.colour.contrast(cp.Colour("FFFFFF")) >= 3  # WCAG 1.4.11 for graphics


def test_no_chart_without_the_key_and_a_clean_error_for_a_bad_one() -> None:
    data = report({"2013/14": 1, "2014/15": 2})
    del data["sections"][0]["pages"][0]["chart"]
    assert charts(data) == []
    with pytest.raises(cp.LoadError) as error:
        cp.load(report({"2013/14": 1, "2014/15": 2}, {"periods": ["Q9"], "target": "wavy", "history": 1}))
    message = str(error.value)
    assert "chart.periods[0]" in message and "'Q9' is not a column" in message
    assert "chart.target" in message and "chart.history" in message


def test_history_keeps_the_last_periods() -> None:
    (chart,) = charts(report({"2013/14": 1, "2014/15": 2, "Q1": 3, "Q2": 4}, {"history": 3}))
    assert chart.categories == ("2014/15", "Q1 2015/16", "Q2 2015/16")


@settings(max_examples=40, deadline=None)
@example([Decimal("854545454545455")] * 2, cp.Unit.COUNT)  # equal figures: the axis must still span
@example([Decimal("-854545454545455")] * 2, cp.Unit.MONEY)
@example([Decimal("-999999999999999"), Decimal("999999999999999")], cp.Unit.NUMBER)
@given(st.lists(st.decimals(min_value=Decimal("-999999999999999"), max_value=Decimal("999999999999999"),
                            places=0, allow_nan=False, allow_infinity=False), min_size=2, max_size=4),
       st.sampled_from([cp.Unit.COUNT, cp.Unit.MONEY, cp.Unit.NUMBER]))
def test_figures_near_the_limit_still_chart_with_every_figure_on_the_axis(values: list[Decimal],
                                                                          unit: cp.Unit) -> None:
    """A round axis end past 10^15 (the largest figure a table holds) cannot be labelled: the axis
    then ends at the figures themselves, instead of stopping the run with an internal error."""
    periods = ["2013/14", "2014/15", "Q1", "Q2"]
    data = report({p: str(v) for p, v in zip(periods, values, strict=False)})
    data["sections"][0]["pages"][0]["indicators"][0]["unit"] = unit.value
    data["sections"][0]["pages"][0]["target"] = None
    (chart,) = charts(data)
    assert all(chart.axis.minimum <= v <= chart.axis.maximum for line in chart.lines for v in line.values
               if v is not None)
    assert len(chart.axis.labels) >= 2 and all(label for label in chart.axis.labels)
    assert abs(chart.axis.maximum) < Decimal(10) ** 15 and abs(chart.axis.minimum) < Decimal(10) ** 15


@settings(max_examples=40, deadline=None)
@example([Decimal("999999999999999"), Decimal("999999999999999.99")])  # the top label would round to 10^15
@example([Decimal("-999999999999999.5"), Decimal("1")])
@example([Decimal("0.0000000001"), Decimal("0.0000000002")])  # a step finer than ten places
@example([Decimal("999999999999999"), Decimal("999999999999998.9999999999")])
@given(st.lists(st.one_of(
    st.decimals(min_value=Decimal("-999999999999999.99"), max_value=Decimal("999999999999999.99"), places=2),
    st.decimals(min_value=Decimal("-0.0000001"), max_value=Decimal("0.0000001"), places=10)),
    min_size=2, max_size=4))
def test_fractional_figures_at_either_limit_chart_with_labels_a_figure_may_have(values: list[Decimal]) -> None:
    """Ten decimal places, and figures a cent below 10^15, are figures a table holds: their chart
    is drawn, every label within the limits of a figure, instead of an internal error."""
    periods = ["2013/14", "2014/15", "Q1", "Q2"]
    data = report({p: f"{v:f}" for p, v in zip(periods, values, strict=False)})  # written out in full
    data["sections"][0]["pages"][0]["indicators"][0]["unit"] = "number"
    data["sections"][0]["pages"][0]["target"] = None
    (chart,) = charts(data)
    assert all(chart.axis.minimum <= v <= chart.axis.maximum for line in chart.lines for v in line.values
               if v is not None)
    assert len(chart.axis.labels) >= 2 and all(label for label in chart.axis.labels)


def test_a_chart_comparator_in_another_unit_than_the_figures_is_refused() -> None:
    """England at £50 drawn on an axis of percentages would mean nothing: refused, located."""
    data = report({"Q1": "45%", "Q2": "50%"}, chart={"comparators": {"England": "£50"}})
    data["sections"][0]["pages"][0]["indicators"][0]["unit"] = "number"
    data["sections"][0]["pages"][0]["target"] = None
    with pytest.raises(cp.LoadError, match=r"sections\[0\]\.pages\[0\]\.chart.*'England' is in money"):
        cp.load(data)
    data["sections"][0]["pages"][0]["chart"] = {"comparators": {"England": "48%"}}
    assert cp.load(data).sections[0].pages[0].chart is not None
