"""check: exactly the real findings, and nothing false, on the samples and on variants."""

from __future__ import annotations

from typing import Any

import committee_papers as cp
from committee_papers.assess import Severity, check, row_dot
from committee_papers.model import Direction, Judgement


def test_q2_sample_has_no_findings(q2_report: cp.Report) -> None:
    assert check(q2_report) == []


def test_q3_sample_reports_exactly_the_looked_after_children_contradiction(q3_report: cp.Report) -> None:
    findings = check(q3_report)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.WARNING
    assert finding.code == "mark-contradicts-figures"
    assert finding.where == "sections[0].pages[2].direction_of_travel[0] (Current vs. Q2 (16/17))"
    assert "501 (174.7) against 504 (175.7)" in finding.message
    assert "Decreased – better" in finding.message


def test_seed_row_marks_are_computed_from_the_figures(q2_report: cp.Report) -> None:
    page = q2_report.sections[0].pages[0]
    assert page.table is not None
    marks = [row_dot(page, row).assessment for row in page.table.rows]
    assert [(m.direction, m.judgement) for m in marks if m] == [
        (Direction.UP, Judgement.BETTER),  # opiates 6.4% against 5.75% last year
        (Direction.DOWN, Judgement.WORSE),
        (Direction.DOWN, Judgement.WORSE),
    ]


def test_a_wrong_published_row_mark_is_reported(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["rows"][0]["published"] = "↑ ✓"  # 32.1% < 70% target
    findings = check(cp.load(minimal))
    assert [f.code for f in findings] == ["mark-contradicts-figures"]
    assert findings[0].where == "sections[0].pages[0].rows[0]"
    assert "32.1% against 70%" in findings[0].message


def test_a_period_that_should_have_been_reported_is_reported(minimal: dict[str, Any]) -> None:
    del minimal["sections"][0]["pages"][0]["rows"][0]["values"]["Q2"]  # Q2 is the period reported
    findings = check(cp.load(minimal))
    assert [(f.code, f.where) for f in findings] == [
        ("no-dot", "sections[0].pages[0].rows[0]"),  # no mark from Q1 instead
        ("period-not-reported", "sections[0].pages[0].rows[0].values.Q2")]
    assert "no figure for Q2, the period reported" in findings[0].message


def test_future_periods_are_not_reported_as_missing(minimal: dict[str, Any]) -> None:
    minimal["period"] = "Q1 2015/16"
    del minimal["sections"][0]["pages"][0]["rows"][0]["values"]["Q2"]
    assert check(cp.load(minimal)) == []


def test_months_are_due_by_financial_quarter(minimal: dict[str, Any]) -> None:
    page = minimal["sections"][0]["pages"][0]
    page["columns"]["periods"] = ["Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct"]
    page["rows"][0]["values"] = {"2013/14": 1, "2014/15": 2, "Apr": 3, "May": 3, "Jun": 3, "Jul": 3, "Aug": 3}
    findings = check(cp.load(minimal))  # Q2 needs Apr to Sept; October is Q3
    # Sept, the last month of Q2, is the current period: no mark is drawn from August instead
    assert [f.where for f in findings] == ["sections[0].pages[0].rows[0]",
                                           "sections[0].pages[0].rows[0].values.Sept"]


def test_missing_target_and_uncomputable_dot_are_reported(minimal: dict[str, Any]) -> None:
    page = minimal["sections"][0]["pages"][0]
    page["rows"].append({"label": "Other", "values": {"2013/14": 1, "2014/15": 2, "Q1": 3, "Q2": 4},
                         "target": "Baseline"})
    page["rows"][0]["label"] = "First"
    del page["target"]
    page["rows"][0]["target"] = None
    del page["rows"][0]["target"]
    codes = [(f.code, f.where) for f in check(cp.load(minimal))]
    assert ("target-missing", "sections[0].pages[0].rows[0]") in codes
    assert ("no-dot", "sections[0].pages[0].rows[1]") in codes


def test_rule_target_against_polarity_is_reported(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["target"] = "Decrease on last year"
    codes = [f.code for f in check(cp.load(minimal))]
    assert codes == ["target-contradicts-polarity"]


def test_stated_marks_are_not_checked(q3_report: cp.Report) -> None:
    stated = [c for _, p in q3_report.pages() if p.dot_table for c in p.dot_table.comparisons if c.stated]
    assert len(stated) == 10  # England and neighbours figures are not held: no finding for them


def test_control_characters_are_reported_with_their_field(minimal: dict[str, Any]) -> None:
    page = minimal["sections"][0]["pages"][0]
    page["commentary"] = ["fine", "pasted\x0bfrom Excel\x00"]
    page["rows"][0]["label"] = "row\x0c"
    minimal["appendix"] = "App\x07"
    findings = [(f.where, f.message.split(")")[0]) for f in check(cp.load(minimal))
                if f.code == "control-characters"]
    assert findings == [
        ("appendix", "the text holds control characters (U+0007"),
        ("sections[0].pages[0].rows[0].label", "the text holds control characters (U+000C"),
        ("sections[0].pages[0].commentary[1]", "the text holds control characters (U+0000, U+000B"),
    ]


def test_every_text_field_is_walked(q2_report: cp.Report) -> None:
    from committee_papers.assess.fields import text_fields

    places = dict(text_fields(q2_report))
    assert places["appendix"] == "App B – Q2 Exception Reports"
    assert places["sections[0].pages[0].rows[0].label"] == "Opiates"
    assert places["sections[0].pages[0].target"] == "Increase on previous year"
    assert places["sections[0].pages[3].supplementary[0].rows[8][1]"] == "*Perf Tab (Jan 2015)"
    assert places["sections[0].pages[4].notes[0]"].startswith("From Dec 2012")
    assert places["sections[0].pages[4].direction_of_travel[2].label"] == "Current vs. England (13/14)"
