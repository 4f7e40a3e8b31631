"""Exception selection by rule, on a small hand-made workbook: exact selections and reasons."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from committee_papers.assess.selection import select, worsening_run
from committee_papers.assess.status import assess_kpi
from committee_papers.model import KpiData
from committee_papers.model.rules import (
    AMBER,
    PRESETS,
    RED,
    WORSE_THAN_TARGET_AND_WORSENING,
    Rules,
    SelectionKind,
    SelectionRule,
    havering,
    worsening_for,
)
from committee_papers.pack import build_pack
from committee_papers.workbook import from_dataframes

COLUMNS = ["id", "portfolio", "description", "polarity", "unit", "target"]
INDICATORS = [
    ["R1", "Resources", "Red and worsening", "high", "number", 100],
    ["A1", "Resources", "Amber: far off but improving", "high", "number", 100],
    ["G1", "Health", "Green but off target and worsening", "high", "number", 100],
    ["G2", "Health", "On target but worse three quarters running", "high", "number", 100],
    ["B1", "Health", "No target, worsening", "high", "number", None],
]
VALUES = {
    "R1": {"Q3 2015/16": 95, "2015/16": 100, "Q1 2016/17": 90, "Q2 2016/17": 85, "Q3 2016/17": 80},
    "A1": {"Q3 2015/16": 80, "Q2 2016/17": 80, "Q3 2016/17": 85},
    "G1": {"Q2 2016/17": 97, "Q3 2016/17": 95},
    "G2": {"Q4 2015/16": 130, "Q1 2016/17": 120, "Q2 2016/17": 110, "Q3 2016/17": 105},
    "B1": {"Q1 2016/17": 10, "Q2 2016/17": 9, "Q3 2016/17": 8},
}
R1_RED = "Red: 80 is 20% worse than the 100 target and did not improve on 95 in Q3 2015/16"
R1_WORSE = "Worse than target and worsening: 80 is worse than the 100 target and worse than 85 last quarter"
G1_WORSE = "Worse than target and worsening: 95 is worse than the 100 target and worse than 97 last quarter"
G2_RUN = ("Worsening for 3 quarters in a row: 130 in Q4 2015/16, 120 in Q1 2016/17, 110 in Q2 2016/17, "
          "105 in Q3 2016/17")


@pytest.fixture(scope="module")
def data() -> KpiData:
    values = [[kpi, period, figure] for kpi, figures in VALUES.items() for period, figure in figures.items()]
    return from_dataframes(pd.DataFrame(INDICATORS, columns=COLUMNS),
                           pd.DataFrame(values, columns=["indicator_id", "period", "value"]),
                           settings=pd.DataFrame([["period", "Q3 2016/17"]], columns=["key", "value"]))


def selected(data: KpiData, *rules: SelectionRule) -> dict[str, tuple[str, ...]]:
    pack = build_pack(data, Rules("test", havering(), rules))
    return {entry.id: entry.reasons for entry in pack.scorecard if entry.reasons}


def test_red(data: KpiData) -> None:
    assert selected(data, RED) == {"R1": (R1_RED,)}


def test_amber(data: KpiData) -> None:
    assert selected(data, AMBER) == {
        "A1": ("Amber: 85 is 15% worse than the 100 target but improved on 80 in Q3 2015/16",)}


def test_worse_than_target_and_worsening(data: KpiData) -> None:
    assert selected(data, WORSE_THAN_TARGET_AND_WORSENING) == {"R1": (R1_WORSE,), "G1": (G1_WORSE,)}


def test_worsening_for_three(data: KpiData) -> None:
    assert selected(data, worsening_for(3)) == {"G2": (G2_RUN,)}


def test_worsening_for_two(data: KpiData) -> None:
    assert selected(data, worsening_for(2)) == {
        "R1": ("Worsening for 2 quarters in a row: 90 in Q1 2016/17, 85 in Q2 2016/17, 80 in Q3 2016/17",),
        "G2": (G2_RUN,),
        "B1": ("Worsening for 2 quarters in a row: 10 in Q1 2016/17, 9 in Q2 2016/17, 8 in Q3 2016/17",),
    }


def test_rules_combine_as_any_of_with_one_reason_per_rule(data: KpiData) -> None:
    assert selected(data, RED, WORSE_THAN_TARGET_AND_WORSENING, worsening_for(3)) == {
        "R1": (R1_RED, R1_WORSE), "G1": (G1_WORSE,), "G2": (G2_RUN,)}


def test_no_rules_select_nothing(data: KpiData) -> None:
    pack = build_pack(data, Rules("none", havering(), ()))
    assert pack.exceptions == () and pack.report.sections == ()


def test_the_default_preset_selects_red_or_worse_and_worsening(data: KpiData) -> None:
    pack = build_pack(data)
    assert pack.rules == "havering"
    assert [e.id for e in pack.exceptions] == ["R1", "G1"]
    assert PRESETS["havering"].description == "havering: select red or worse_than_target_and_worsening"


def test_select_directly_with_a_change_tolerance(data: KpiData) -> None:
    kpi = data.kpi("G1")
    status = assess_kpi(kpi, havering())
    assert select(kpi, status, [WORSE_THAN_TARGET_AND_WORSENING]) == (G1_WORSE,)
    assert worsening_run(kpi, Decimal(5)) == ()  # a fall of 2 is "no change" within 5


def test_worsening_runs_cross_the_financial_year(data: KpiData) -> None:
    indicators = pd.DataFrame([["M1", "P", "Monthly", "low", "days", 20]], columns=COLUMNS)
    values = pd.DataFrame([["M1", "Feb 2016", 18], ["M1", "Mar 2016", 19], ["M1", "Apr 2016", 21],
                           ["M1", "Jun 2016", 22]], columns=["indicator_id", "period", "value"])
    monthly = from_dataframes(indicators, values).kpi("M1")
    assert worsening_run(monthly) == ()  # May is missing, so June starts no run
    values.loc[3, "period"] = "May 2016"
    run = worsening_run(from_dataframes(indicators, values).kpi("M1"))
    assert [o.period.label for o in run] == ["Feb 2016", "Mar 2016", "Apr 2016", "May 2016"]


def test_rule_values_refuse_nonsense() -> None:
    assert worsening_for(3).name == "worsening_for: 3" and RED.name == "red"
    with pytest.raises(ValueError, match="at least 1"):
        worsening_for(0)
    with pytest.raises(ValueError, match="takes no number"):
        SelectionRule(SelectionKind.RED, 2)


def test_a_red_reason_is_not_repeated_by_worse_and_worsening(data: KpiData) -> None:
    """Red against the previous period and "worse and worsening" name the same figures: one reason."""
    from committee_papers.model.rules import Trend

    rules = Rules("short", havering(trend=Trend.PREVIOUS_PERIOD), (RED, WORSE_THAN_TARGET_AND_WORSENING))
    reasons = {e.id: e.reasons for e in build_pack(data, rules).scorecard if e.reasons}
    assert reasons["R1"] == ("Red: 80 is 20% worse than the 100 target and did not improve on 85 in Q2 2016/17",)
    # under the published rule the Red reason compares with a year before: both reasons stay
    assert selected(data, RED, WORSE_THAN_TARGET_AND_WORSENING)["R1"] == (R1_RED, R1_WORSE)
