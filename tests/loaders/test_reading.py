"""Reading the samples and the input format's features."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import committee_papers as cp
from committee_papers.model import (
    ListBlock,
    Number,
    Pair,
    PeriodKind,
    RowStyle,
    TargetKind,
    Unit,
)


def test_samples_hold_every_seed_page(q2_report: cp.Report, q3_report: cp.Report) -> None:
    assert q2_report.page_count == 6
    assert q3_report.page_count == 4
    assert q2_report.appendix == "App B – Q2 Exception Reports"
    assert q3_report.appendix == "Appendix 5(b) - Exception Reports (Quarter 3 2016/2017)"
    assert q2_report.sections[0].portfolio == "CABINET SECRETARY (RESILIENT COMMUNITIES)"


def test_drug_page_has_three_indicators_sharing_one_table(q2_report: cp.Report) -> None:
    page = q2_report.sections[0].pages[0]
    assert len(page.indicators) == 3
    assert page.table is not None
    assert [row.indicator for row in page.table.rows] == [0, 1, 2]
    assert [row.label for row in page.table.rows] == ["Opiates", "Non-opiates", "Alcohol"]
    assert page.table.target is not None and page.table.target.kind is TargetKind.INCREASE
    assert page.table.target.wording == "Increase on previous year"


def test_figures_keep_their_precision(q2_report: cp.Report) -> None:
    table = q2_report.sections[0].pages[0].table
    assert table is not None
    opiates, _, alcohol = table.rows
    assert opiates.values["2013/14"] == Number(Decimal("9.38"), Unit.PERCENT)
    assert alcohol.values["Q2"] == Number(Decimal("41"), Unit.PERCENT)
    assert alcohol.values["Q1"].value == Decimal("44.6")  # type: ignore[union-attr]


def test_count_with_rate_cells(q3_report: cp.Report) -> None:
    table = q3_report.sections[0].pages[1].table
    assert table is not None
    assert table.rows[0].values["Q2"] == Pair(Number(Decimal("3031"), Unit.COUNT), Number(Decimal("1056.6"), Unit.RATE))


def test_periods_are_classified(q2_report: cp.Report, q3_report: cp.Report) -> None:
    months = q2_report.sections[0].pages[4].table
    assert months is not None
    kinds = [(p.label, p.kind, p.index) for p in months.periods]
    assert kinds[0] == ("2013/14", PeriodKind.YEAR, None)
    assert kinds[-1] == ("Sept", PeriodKind.MONTH, 9)
    eoy = q3_report.sections[0].pages[0].table
    assert eoy is not None and eoy.periods[-1].kind is PeriodKind.YEAR_END
    assert eoy.target is not None and eoy.target.kind is TargetKind.BASELINE


def test_supplementary_table_rows(q2_report: cp.Report) -> None:
    [table] = q2_report.sections[0].pages[3].supplementary
    assert len(table.header_rows) == 2
    assert [row.style for row in table.rows][-3:] == [RowStyle.FOOTNOTE, RowStyle.SUMMARY, RowStyle.SUMMARY]
    assert table.rows[1].cells[2].text == ""  # Collegiate has no 2015 result


def test_text_is_kept_exactly(minimal: dict[str, Any]) -> None:
    page = minimal["sections"][0]["pages"][0]
    page["commentary"] = ["** See commentary above **", "<b>{{ 7*7 }}</b> & AT&T"]
    page["rows"][0]["label"] = "No."
    report = cp.load(minimal)
    commentary = [b.text for b in report.sections[0].pages[0].commentary]  # type: ignore[union-attr]
    assert commentary == ["** See commentary above **", "<b>{{ 7*7 }}</b> & AT&T"]


def test_yaml_plain_scalars_keep_their_spelling(tmp_path: Path, minimal: dict[str, Any]) -> None:
    text = json.dumps(minimal).replace('"% of reviews completed"', "No")
    path = tmp_path / "r.yaml"
    path.write_text(text.replace('"Q2 2015/16"', '"Q2 2015/16"'), encoding="utf-8")
    report = cp.load(path)
    assert report.sections[0].pages[0].indicators[0].description == "No"


def test_yaml_decimals_keep_trailing_zeros(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "appendix: A\nsections:\n- portfolio: P\n  pages:\n"
        "  - indicators: [{description: D, polarity: low, unit: percent}]\n"
        "    columns: {past: [2014/15]}\n    rows: [{values: {2014/15: 44.60}}]\n",
        encoding="utf-8",
    )
    table = cp.load(path).sections[0].pages[0].table
    assert table is not None and str(table.rows[0].values["2014/15"].value) == "44.60"  # type: ignore[union-attr]


def test_json_input(tmp_path: Path, minimal: dict[str, Any]) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(minimal), encoding="utf-8")
    assert cp.load(path) == cp.load(minimal)


def test_commentary_forms(minimal: dict[str, Any]) -> None:
    page = minimal["sections"][0]["pages"][0]
    page["commentary"] = [
        [{"text": "Bold", "bold": True}, " then ", {"text": "italic", "italic": True}],
        {"bullets": ["one", "two"]},
        {"numbered": ["first"]},
    ]
    blocks = cp.load(minimal).sections[0].pages[0].commentary
    first = blocks[0]
    assert not isinstance(first, ListBlock)
    assert [(r.text, r.bold, r.italic) for r in first.runs] == [
        ("Bold", True, False), (" then ", False, False), ("italic", False, True)]
    assert isinstance(blocks[1], ListBlock) and not blocks[1].ordered and len(blocks[1].items) == 2
    assert isinstance(blocks[2], ListBlock) and blocks[2].ordered


def test_commentary_text_splits_at_blank_lines(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["commentary"] = "One\nline two\n\n  \nThree"
    blocks = cp.load(minimal).sections[0].pages[0].commentary
    assert [b.text for b in blocks] == ["One\nline two", "Three"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("written", "figure"), [
    ("1,000", Number(Decimal("1000"), Unit.PERCENT)),
    ("-3.5%", Number(Decimal("-3.5"), Unit.PERCENT)),
    ([2774, 955.6], Pair(Number(Decimal(2774), Unit.COUNT), Number(Decimal("955.6"), Unit.RATE))),
])
def test_figure_spellings(minimal: dict[str, Any], written: Any, figure: Any) -> None:
    minimal["sections"][0]["pages"][0]["rows"][0]["values"]["Q2"] = written
    if isinstance(figure, Pair):  # a count with its rate is a row of unit count, not percent
        minimal["sections"][0]["pages"][0]["rows"][0]["unit"] = "count"
        minimal["sections"][0]["pages"][0]["target"] = None  # the fixture's 70% is a percentage, not a count
    table = cp.load(minimal).sections[0].pages[0].table
    assert table is not None and table.rows[0].values["Q2"] == figure
