"""RAG status presets on their boundaries, blue and grey, and the short- and long-term changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from committee_papers.assess.status import assess_kpi, long_term, percent, short_term, shortfall
from committee_papers.model import (
    Direction,
    DotConvention,
    Judgement,
    Kpi,
    Number,
    Observation,
    Polarity,
    Rag,
    Target,
    TargetKind,
    Unit,
)
from committee_papers.model.rules import Distance, RagMethod, StatusRules, Trend, belfast, havering
from committee_papers.workbook.periods import parse_period

HAVERING, BELFAST = havering(), belfast()


def kpi(figures: dict[str, str], target: str | None = "100", polarity: Polarity = Polarity.HIGH,
        unit: Unit = Unit.NUMBER, tolerance: str | None = None, kind: TargetKind | None = None) -> Kpi:
    if kind is not None:
        goal: Target | None = Target(kind, None, "Better wording" if kind is TargetKind.TEXT else None)
    else:
        goal = Target(TargetKind.VALUE, Number(Decimal(target), unit)) if target is not None else None
    series = tuple(Observation(parse_period(p), Number(Decimal(v), unit)) for p, v in figures.items())
    return Kpi("K1", "Portfolio", "An indicator", polarity, unit, goal,
               Decimal(tolerance) if tolerance is not None else None, series=series)


def test_havering_exactly_on_the_tolerance_is_green() -> None:
    status = assess_kpi(kpi({"Q1 2016/17": "95", "Q2 2016/17": "90"}), HAVERING)
    assert status.rag is Rag.GREEN
    assert status.reason == "Green: 90 is 10% worse than the 100 target, within the 10% tolerance"


def test_havering_on_target_is_green() -> None:
    status = assess_kpi(kpi({"Q2 2016/17": "100"}), HAVERING)
    assert (status.rag, status.reason) == (Rag.GREEN, "Green: 100 meets the 100 target")


# Havering's published rule: "Amber = more than 10% off target but improved or maintained
# compared with the same quarter last year; Red = more than 10% off target and not improved
# compared with the same quarter last year".


def test_havering_just_beyond_and_improved_on_the_same_quarter_last_year_is_amber() -> None:
    status = assess_kpi(kpi({"Q2 2015/16": "85", "Q2 2016/17": "89.9"}), HAVERING)
    assert status.rag is Rag.AMBER
    assert status.reason == "Amber: 89.9 is 10.1% worse than the 100 target but improved on 85 in Q2 2015/16"


def test_havering_just_beyond_and_not_improved_is_red() -> None:
    status = assess_kpi(kpi({"Q2 2015/16": "95", "Q2 2016/17": "89.9"}), HAVERING)
    assert status.rag is Rag.RED
    assert status.reason == "Red: 89.9 is 10.1% worse than the 100 target and did not improve on 95 in Q2 2015/16"


def test_havering_maintained_counts_as_improved() -> None:
    status = assess_kpi(kpi({"Q2 2015/16": "80", "Q2 2016/17": "80"}), HAVERING)
    assert (status.rag, status.reason) == (
        Rag.AMBER, "Amber: 80 is 20% worse than the 100 target but maintained 80 in Q2 2015/16")
    assert assess_kpi(kpi({"Q2 2015/16": "80", "Q2 2016/17": "80"}), havering(maintained=False)).rag is Rag.RED


def test_havering_compares_with_the_same_quarter_last_year_not_the_previous_quarter() -> None:
    figures = {"Q2 2015/16": "70", "Q1 2016/17": "95", "Q2 2016/17": "80"}  # down on Q1, up on a year ago
    assert assess_kpi(kpi(figures), HAVERING).rag is Rag.AMBER
    assert assess_kpi(kpi(figures), havering(trend=Trend.PREVIOUS_PERIOD)).rag is Rag.RED


def test_havering_with_nothing_to_show_improvement_is_red() -> None:
    status = assess_kpi(kpi({"Q1 2016/17": "40", "Q2 2016/17": "50"}), HAVERING)
    assert status.reason == ("Red: 50 is 50% worse than the 100 target and has no figure for the same "
                             "quarter last year (Q2 2015/16) to show an improvement")


def test_the_child_protection_example_low_polarity_monthly() -> None:
    figures = {"Sep 2014": "18.4", "Aug 2015": "16.0", "Sep 2015": "17.1"}
    amber = assess_kpi(kpi(figures, "14", Polarity.LOW, Unit.PERCENT), HAVERING)
    assert amber.reason == "Amber: 17.1% is 22% worse than the 14% target but improved on 18.4% in Sept 2014"
    red = assess_kpi(kpi({"Sep 2014": "16.0", "Sep 2015": "17.1"}, "14", Polarity.LOW, Unit.PERCENT), HAVERING)
    assert red.reason == "Red: 17.1% is 22% worse than the 14% target and did not improve on 16.0% in Sept 2014"


def test_distance_in_points() -> None:
    points = havering("5", trend=Trend.SAME_PERIOD_LAST_YEAR)
    points = StatusRules(points.method, Decimal(5), distance=Distance.POINTS)
    figures = {"Q2 2016/17": "55"}
    green = assess_kpi(kpi(figures, "60", unit=Unit.PERCENT), points)
    assert (green.rag, green.reason) == (Rag.GREEN, "Green: 55% is 5 points worse than the 60% target, "
                                                    "within the 5 points tolerance")
    assert assess_kpi(kpi({"Q2 2016/17": "54.9"}, "60", unit=Unit.PERCENT), points).rag is Rag.RED


def test_low_polarity_boundary() -> None:
    assert assess_kpi(kpi({"Q2 2016/17": "15.4"}, "14", Polarity.LOW), HAVERING).rag is Rag.GREEN
    assert assess_kpi(kpi({"Q2 2016/17": "15.5"}, "14", Polarity.LOW), HAVERING).rag is Rag.RED
    assert assess_kpi(kpi({"Q2 2016/17": "3"}, "14", Polarity.LOW), HAVERING).rag is Rag.GREEN


@pytest.mark.parametrize(("value", "rag"), [
    ("100", Rag.GREEN), ("99", Rag.GREEN), ("98.99", Rag.AMBER), ("95.01", Rag.AMBER), ("95", Rag.RED),
    ("50", Rag.RED),
])
def test_belfast_bands(value: str, rag: Rag) -> None:
    assert assess_kpi(kpi({"Q1 2016/17": "10", "Q2 2016/17": value}), BELFAST).rag is rag


def test_belfast_reasons_name_the_band() -> None:
    amber = assess_kpi(kpi({"Q2 2016/17": "97"}), BELFAST)
    assert amber.reason == "Amber: 97 is 3% worse than the 100 target (Amber from 1% to 5%)"
    red = assess_kpi(kpi({"Q2 2016/17": "90"}), BELFAST)
    assert red.reason == "Red: 90 is 10% worse than the 100 target (Red at 5% or more)"


def test_parameters_change_the_thresholds() -> None:
    figures = {"Q1 2016/17": "95", "Q2 2016/17": "85"}
    assert assess_kpi(kpi(figures), havering("0.15")).rag is Rag.GREEN
    assert assess_kpi(kpi(figures), belfast("0.01", "0.2")).rag is Rag.AMBER


def test_an_indicator_tolerance_replaces_the_rules_one() -> None:
    figures = {"Q2 2015/16": "95", "Q2 2016/17": "97"}
    assert assess_kpi(kpi(figures, tolerance="0.02"), HAVERING).rag is Rag.AMBER
    assert assess_kpi(kpi(figures, tolerance="0.05"), BELFAST).rag is Rag.GREEN
    ignoring = StatusRules(RagMethod.BANDS, indicator_tolerance=False)
    assert assess_kpi(kpi(figures, tolerance="0.05"), ignoring).rag is Rag.AMBER


def test_no_target_is_blue_and_no_data_is_grey() -> None:
    assert assess_kpi(kpi({"Q2 2016/17": "5"}, target=None), HAVERING).reason == "Blue: no target"
    baseline = assess_kpi(kpi({"Q2 2016/17": "5"}, kind=TargetKind.BASELINE), BELFAST)
    assert (baseline.rag, baseline.reason) == (Rag.BLUE, "Blue: baseline year, no target yet")
    assert assess_kpi(kpi({"Q2 2016/17": "5"}, kind=TargetKind.TEXT), HAVERING).rag is Rag.BLUE
    grey = assess_kpi(kpi({}), HAVERING)
    assert (grey.rag, grey.reason, grey.latest) == (Rag.GREY, "Grey: no figures", None)
    assert assess_kpi(kpi({}, target=None), BELFAST).rag is Rag.GREY  # no data comes first


def test_a_rule_target_is_judged_against_last_years_outturn() -> None:
    figures = {"Q3 2015/16": "20", "2015/16": "19.1", "Q1 2016/17": "21.6", "Q2 2016/17": "16.1",
               "Q3 2016/17": "22"}
    status = assess_kpi(kpi(figures, polarity=Polarity.LOW, unit=Unit.PERCENT, kind=TargetKind.DECREASE),
                        HAVERING)
    assert status.rag is Rag.RED
    assert status.reason == ("Red: 22% is 15.2% worse than the 2015/16 outturn of 19.1% (target: Decrease on "
                             "previous year) and did not improve on 20% in Q3 2015/16")
    missing = assess_kpi(kpi({"Q3 2016/17": "22"}, kind=TargetKind.INCREASE), HAVERING)
    assert missing.reason == ("Blue: the target 'Increase on previous year' needs the 2015/16 outturn, "
                              "which is missing")


def test_a_zero_target() -> None:
    status = assess_kpi(kpi({"Q2 2015/16": "2350", "Q2 2016/17": "2100"}, "0", Polarity.LOW, Unit.MONEY),
                        HAVERING)
    assert status.rag is Rag.AMBER
    assert status.reason == "Amber: £2,100 is worse than the £0 target but improved on £2,350 in Q2 2015/16"


def test_short_and_long_term_changes() -> None:
    figures = {"2015/16": "60", "Q2 2015/16": "50", "Q1 2016/17": "55", "Q2 2016/17": "52"}
    indicator = kpi(figures)
    near, far = short_term(indicator, HAVERING), long_term(indicator, HAVERING)
    assert near is not None and far is not None
    assert near.words == "Q2 2016/17 vs Q1 2016/17: Decreased – worse"
    assert far.words == "Q2 2016/17 vs Q2 2015/16: Increased – better"
    del figures["Q2 2015/16"]
    fallback = long_term(kpi(figures), HAVERING)
    assert fallback is not None and fallback.reference.period.label == "2015/16"
    assert long_term(kpi(figures), havering(long_term_outturn=False)) is None


def test_a_change_within_the_change_tolerance_is_no_change() -> None:
    rules = havering(change_tolerance="0.5")
    change = short_term(kpi({"Q1 2016/17": "80", "Q2 2016/17": "80.4"}), rules)
    assert change is not None
    assert (change.assessment.direction, change.assessment.judgement) == (Direction.SAME, Judgement.NEUTRAL)


def test_presets_carry_their_dot_convention_and_refuse_bad_thresholds() -> None:
    assert HAVERING.dot is DotConvention.BETTER_WORSE
    assert havering(dot=DotConvention.BLACKPOOL).dot is DotConvention.BLACKPOOL
    with pytest.raises(ValueError, match="must not exceed"):
        belfast("0.1", "0.05")
    with pytest.raises(ValueError, match="at least 0"):
        havering("-0.1")


def test_percent_words() -> None:
    assert [percent(Decimal(x)) for x in ("0.2214", "0.245", "0.101", "0.071", "0.005", "0.1", "0")] == [
        "22%", "25%", "10.1%", "7.1%", "0.5%", "10%", "0%"]


figures = st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
rules = st.sampled_from([HAVERING, BELFAST, havering("0"), belfast("0", "0")])
polarities = st.sampled_from(list(Polarity))


@given(figures, figures, polarities, rules)
def test_a_value_equal_to_its_target_is_green_whatever_the_polarity(value: Decimal, before: Decimal,
                                                                      polarity: Polarity, rule: StatusRules) -> None:
    indicator = kpi({"Q1 2016/17": str(before), "Q2 2016/17": str(value)}, str(value), polarity)
    assert assess_kpi(indicator, rule).rag is Rag.GREEN


@given(figures, figures, figures, rules)
def test_flipping_polarity_never_turns_a_green_on_target_red(value: Decimal, before: Decimal, target: Decimal,
                                                             rule: StatusRules) -> None:
    results = {p: assess_kpi(kpi({"Q1 2016/17": str(before), "Q2 2016/17": str(value)}, str(target), p), rule).rag
               for p in (Polarity.HIGH, Polarity.LOW)}
    if value == target:
        assert set(results.values()) == {Rag.GREEN}
    else:  # one side of the target is good for exactly one polarity
        assert Rag.GREEN in results.values()


@given(st.decimals(min_value=1, max_value=10**6, places=2), st.decimals(min_value=0, max_value=3, places=3))
def test_belfast_bands_never_get_better_further_off(target: Decimal, gap: Decimal) -> None:
    order = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}
    near = assess_kpi(kpi({"Q2 2016/17": str(target * (1 - gap))}, str(target)), BELFAST)
    far = assess_kpi(kpi({"Q2 2016/17": str(target * (1 - gap) - 1)}, str(target)), BELFAST)
    assert order[far.rag] >= order[near.rag]


@given(figures, st.decimals(min_value=1, max_value=10**6, places=2), polarities)
def test_shortfall_is_zero_exactly_when_not_worse(value: Decimal, target: Decimal, polarity: Polarity) -> None:
    gap = shortfall(Number(value), Number(target), polarity)
    worse = {Polarity.HIGH: value < target, Polarity.LOW: value > target, Polarity.NONE: value != target}[polarity]
    assert (gap > 0) == worse
