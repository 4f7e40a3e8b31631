"""Wide workbooks: each form of period heading reads as the period it names, each recognised field
heading in any case and punctuation, and every heading the library cannot place is a located
problem saying how to map it.

Expected periods are written here by hand (or built from the generated year and quarter), and
expected figures are the input cells: never what the reader says.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from committee_papers.loaders import LoadError
from committee_papers.model import FinancialYear, FiscalPeriod, Frequency, KpiData, Polarity
from committee_papers.workbook import read_workbook

from .widebook import one_row, write_wide

FY15, FY16 = FinancialYear(2015), FinancialYear(2016)


def Q(year: FinancialYear, quarter: int) -> FiscalPeriod:
    return FiscalPeriod.quarter(year, quarter)


def M(calendar_year: int, month: int) -> FiscalPeriod:
    return FiscalPeriod.month(calendar_year, month)


def Y(year: FinancialYear) -> FiscalPeriod:
    return FiscalPeriod.outturn(year)


def _read(tmp_path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (), **kwargs: Any) -> KpiData:
    return read_workbook(write_wide(tmp_path / "wide.xlsx", {"Sheet A": rows}, merges={"Sheet A": merges},
                                    **kwargs))


def _series(data: KpiData) -> dict[FiscalPeriod, Decimal]:
    (kpi,) = data.kpis
    return {o.period: o.value.value for o in kpi.series}


def _problems(path: Path, **kwargs: Any) -> list[str]:
    with pytest.raises(LoadError) as caught:
        read_workbook(path, **kwargs)
    return [str(p) for p in caught.value.problems]


# ----------------------------------------------------------------------------- one heading row
SINGLE_ROW = [
    ("financial years", ["2014/15", "2015/2016", "2016-17"], [Y(FinancialYear(2014)), Y(FY15), Y(FY16)]),
    ("outturn words", ["2013/14 Outturn", "Outturn 2014/15", "2015/16 EoY"],
     [Y(FinancialYear(2013)), Y(FinancialYear(2014)), Y(FY15)]),
    ("quarters", ["Q1 2016/17", "2016/17 Q2", "Quarter 3 2016/17", "Qtr 4 2015/16"],
     [Q(FY16, 1), Q(FY16, 2), Q(FY16, 3), Q(FY15, 4)]),
    ("months", ["Apr 2016", "May 2016", "June 2016", "Sept 2016", "January 2016", "2016-10"],
     [M(2016, 4), M(2016, 5), M(2016, 6), M(2016, 9), M(2016, 1), M(2016, 10)]),
    ("months as dates", [dt.datetime(2016, 4, 1), dt.datetime(2016, 5, 1), dt.datetime(2016, 12, 1)],
     [M(2016, 4), M(2016, 5), M(2016, 12)]),
    ("quarter ends as dates among quarters", ["Q1 2016/17", dt.datetime(2016, 9, 30), dt.datetime(2016, 12, 31)],
     [Q(FY16, 1), Q(FY16, 2), Q(FY16, 3)]),
]


@pytest.mark.parametrize(("name", "headings", "periods"), SINGLE_ROW, ids=[case[0] for case in SINGLE_ROW])
def test_a_period_heading_in_one_row(tmp_path: Path, name: str, headings: list[Any],
                                     periods: list[FiscalPeriod]) -> None:
    figures = [10 + i for i in range(len(headings))]
    data = _read(tmp_path, one_row(headings, figures))
    assert _series(data) == {p: Decimal(f) for p, f in zip(periods, figures, strict=True)}


# ---------------------------------------------------------------------------- two heading rows
TWO_ROWS = [
    ("a year merged over its quarters", ["2016/17", None, None], ["Q1", "Q2", "Q3"], ("D1:F1",),
     [Q(FY16, 1), Q(FY16, 2), Q(FY16, 3)]),
    ("a year written once above its quarters", ["2016/17", None, None], ["Q1", "Q2", "Q3"], (),
     [Q(FY16, 1), Q(FY16, 2), Q(FY16, 3)]),
    ("two years, an outturn under the first", ["2015/16", None, "2016/17", None], ["Q4", "Outturn", "Q1", "Q2"],
     ("D1:E1", "F1:G1"), [Q(FY15, 4), Y(FY15), Q(FY16, 1), Q(FY16, 2)]),
    ("a year above its months, into the new calendar year", ["2015/16", None, None, None],
     ["Sept", "Dec", "Jan", "Mar"], ("D1:G1",), [M(2015, 9), M(2015, 12), M(2016, 1), M(2016, 3)]),
    ("a past year merged down over both rows", ["2014/15", "2016/17", None], [None, "Q1", "Q2"],
     ("D1:D2", "E1:F1"), [Y(FinancialYear(2014)), Q(FY16, 1), Q(FY16, 2)]),
    ("full labels under a year", ["2016/17", None], ["Q1 2016/17", "Q2 2016/17"], ("D1:E1",),
     [Q(FY16, 1), Q(FY16, 2)]),
    ("an outturn written above, its year below", ["Outturn", "2016/17"], ["2015/16", "Q1"], ("E1:E1",),
     [Y(FY15), Q(FY16, 1)]),
]


@pytest.mark.parametrize(("name", "upper", "lower", "merges", "periods"), TWO_ROWS, ids=[c[0] for c in TWO_ROWS])
def test_a_year_above_its_periods(tmp_path: Path, name: str, upper: list[Any], lower: list[Any],
                                  merges: tuple[str, ...], periods: list[FiscalPeriod]) -> None:
    figures = [20 + i for i in range(len(lower))]
    data = _read(tmp_path, one_row(lower, figures, upper=upper), merges)
    assert _series(data) == {p: Decimal(f) for p, f in zip(periods, figures, strict=True)}
    assert "heading rows 1-2" in data.layout


def test_the_key_headings_above_and_the_quarters_below(tmp_path: Path) -> None:
    # Ref and Indicator merged down over two rows, the year merged across its quarters in the top row
    rows = [["Ref", "Indicator", "Good is", "2015/16", "2016/17", None, "Target"],
            [None, None, None, None, "Q1", "Q2", None],
            ["K1", "An indicator", "Lower", 31, 32, 33, 30]]
    data = _read(tmp_path, rows, ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2"))
    assert _series(data) == {Y(FY15): 31, Q(FY16, 1): 32, Q(FY16, 2): 33}
    assert data.kpis[0].polarity is Polarity.LOW and data.kpis[0].target is not None


def test_bare_quarters_take_the_year_of_the_period_reported_and_say_so(tmp_path: Path) -> None:
    data = _read(tmp_path, one_row(["Q1", "Q2"], [41, 42]), settings=[["period", "Q2 2016/17"]])
    assert _series(data) == {Q(FY16, 1): 41, Q(FY16, 2): 42}
    assert "Q1, Q2 read as 2016/17, the year of the period reported (Q2 2016/17" in data.layout


def test_a_title_above_the_headings_is_left_alone(tmp_path: Path) -> None:
    rows = [["Adult Social Care – performance, Quarter 3"], [], *one_row(["Q1 2016/17"], [5])]
    data = _read(tmp_path, rows, ("A1:E1",))
    assert _series(data) == {Q(FY16, 1): 5}
    assert "heading row 3" in data.layout


# ------------------------------------------------------------------------- located problems
PROBLEMS = [
    ("a quarter without a year", one_row(["Q1", "Q2"], [1, 2]), (), None,
     "Sheet A!D1 (Q1): 'Q1' has no year: write the year in a heading above it"),
    ("a heading above quarters that is not a year", one_row(["Q1", "Q2"], [1, 2], upper=["Quarterly", None]),
     ("D1:E1",), None, "Sheet A!D2 (Q1): the heading above 'Q1' is 'Quarterly', which is not a financial year"),
    ("a year or a month", one_row(["2011-12"], [1]), (), None,
     "Sheet A!D1 (2011-12): '2011-12' could be the year 2011/12 or the month Dec 2011"),
    ("a date among quarters that ends none", one_row(["Q1 2016/17", dt.datetime(2016, 8, 1)], [1, 2]), (), None,
     "Sheet A!E1 (2016-08-01): the heading is the date 01/08/2016, among quarters: write the quarter"),
    ("a label under another year", one_row(["Q1 2015/16"], [1], upper=["2016/17"]), (), None,
     "Sheet A!D2 (Q1 2015/16): 'Q1 2015/16' is under the year 2016/17, but is in 2015/16"),
    ("the same period twice", one_row(["Q1 2016/17", "2016/17 Q1"], [1, 2]), (), None,
     "Sheet A!E1 (2016/17 Q1): both D ('Q1 2016/17') and E ('2016/17 Q1') read as the period Q1 2016/17"),
    ("an unknown heading", one_row(["Q1 2016/17", "Forecast"], [1, 2]), (), None,
     "Sheet A!E1 (Forecast): the heading 'Forecast' is not one the library knows, so its cells would be lost: "
     "map it in a mapping file (--mapping)"),
    ("two description columns", one_row(["Q1 2016/17"], [1], fields=("Ref", "Indicator", "Description", "Good is"),
                                        values=("K1", "x", "y", "High")), (), None,
     "Sheet A!C1 (Description): both B ('Indicator') and C ('Description') read as the description: map the "
     "others to ignore"),
    ("no reference", one_row(["Q1 2016/17"], [1], fields=("Indicator", "Good is"), values=("x", "High")), (), None,
     "Sheet A!1:1 (id): no column gives the indicators' reference: head it with one of 'Ref', 'PI Ref'"),
    ("no polarity", one_row(["Q1 2016/17"], [1], fields=("Ref", "Indicator"), values=("K1", "x")), (), None,
     "Sheet A!1:1 (polarity): no column gives the polarity"),
    ("no figures", one_row([], [], after=("Target",)), (), None, "Sheet A!1:1 (periods): no column of figures"),
    ("a target that is not this year's", one_row(["Q1 2016/17"], [1], after=("Target 2016/17", "Target 2017/18"),
                                                 after_values=(5, 6)), (), [],
     "Sheet A!F1 (Target 2017/18): both E ('Target 2016/17') and F ('Target 2017/18') read as the target: give the "
     "period reported in the settings sheet, or map the others to ignore"),
]


@pytest.mark.parametrize(("name", "rows", "merges", "setting", "message"), PROBLEMS, ids=[c[0] for c in PROBLEMS])
def test_a_heading_that_cannot_be_placed_is_a_located_problem(tmp_path: Path, name: str, rows: list[list[Any]],
                                                              merges: tuple[str, ...], setting: Any,
                                                              message: str) -> None:
    path = write_wide(tmp_path / "wide.xlsx", {"Sheet A": rows}, merges={"Sheet A": merges},
                      settings=setting if setting is not None else [])
    problems = _problems(path)
    assert any(p.startswith(message) for p in problems), problems


def test_a_value_in_a_column_without_a_heading_is_a_problem(tmp_path: Path) -> None:
    rows = one_row(["Q1 2016/17", None], [1, 7])
    problems = _problems(write_wide(tmp_path / "wide.xlsx", {"Sheet A": rows}, settings=[]))
    assert problems == ["Sheet A!E2: the cell is in a column without a heading, so it would be lost: give the "
                        "column a heading (and map it if the library does not know it), or clear the column"]


def test_another_years_target_is_left_out_when_this_years_is_there(tmp_path: Path) -> None:
    rows = one_row(["Q1 2016/17"], [40], after=("Target 2017/18", "Target 2016/17"), after_values=(70, 60))
    data = _read(tmp_path, rows)
    target = data.kpis[0].target
    assert target is not None and target.value is not None and target.value.value == 60  # type: ignore[union-attr]
    assert "'Target 2017/18' (E) left out: the target read is 'Target 2016/17' (F)" in data.layout


# ------------------------------------------------------------------ generated: any period heading
# How people write months (not the library's table): each name with its calendar month.
MONTH_SPELLINGS = {"Jan": 1, "January": 1, "Feb": 2, "February": 2, "Mar": 3, "March": 3, "Apr": 4, "April": 4,
                   "May": 5, "Jun": 6, "June": 6, "Jul": 7, "July": 7, "Aug": 8, "August": 8, "Sep": 9, "Sept": 9,
                   "September": 9, "Oct": 10, "October": 10, "Nov": 11, "November": 11, "Dec": 12, "December": 12}


def _year_text(draw: st.DrawFn, start: int) -> str:
    end = start + 1
    return draw(st.sampled_from([f"{start}/{end % 100:02d}", f"{start}/{end}", f"{start}-{end % 100:02d}",
                                 f"{start} / {end % 100:02d}"]))


def _case(draw: st.DrawFn, text: str) -> str:
    return draw(st.sampled_from([text, text.upper(), text.lower()]))


@st.composite
def period_columns(draw: st.DrawFn) -> list[tuple[str, FiscalPeriod]]:
    """Return period headings as people write them, each with the period it names (built here)."""
    monthly = draw(st.booleans())
    found: dict[FiscalPeriod, str] = {}
    for _ in range(draw(st.integers(1, 8))):
        start = draw(st.integers(2009, 2030))
        kind = draw(st.sampled_from(["year", "sub"]))
        if kind == "year":
            text = _year_text(draw, start)
            word = draw(st.sampled_from(["", " Outturn", " EoY", "Outturn "]))
            heading = f"{word}{text}" if word.endswith(" ") else f"{text}{word}"
            if re.fullmatch(r"\d{4}-\d{2}", heading) and int(heading[5:]) <= 12:
                continue  # 2011-12 is read as a month (and refused in a heading as ambiguous)
            found.setdefault(FiscalPeriod.outturn(FinancialYear(start)), _case(draw, heading))
        elif monthly:
            name, month = draw(st.sampled_from(sorted(MONTH_SPELLINGS.items())))
            calendar = start if month >= 4 else start + 1
            found.setdefault(FiscalPeriod.month(calendar, month), _case(draw, f"{name} {calendar}"))
        else:
            quarter = draw(st.integers(1, 4))
            text = _year_text(draw, start)
            word = draw(st.sampled_from(["Q{q} {y}", "{y} Q{q}", "Quarter {q} {y}", "Qtr {q} {y}"]))
            found.setdefault(FiscalPeriod.quarter(FinancialYear(start), quarter),
                             _case(draw, word.format(q=quarter, y=text)))
    return [(heading, period) for period, heading in found.items()]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(columns=period_columns(), figures=st.lists(st.decimals(-9999, 9999, places=2), min_size=8, max_size=8))
def test_any_period_heading_reads_as_the_period_it_names(tmp_path: Path, columns: list[tuple[str, FiscalPeriod]],
                                                         figures: list[Decimal]) -> None:
    assume(columns)  # every heading drawn may have been one refused as ambiguous (2011-12)
    headings = [heading for heading, _ in columns]
    typed = [str(f) for f in figures[:len(columns)]]  # text cells: the figure exactly as written
    data = _read(tmp_path, one_row(headings, typed), settings=None)
    assert _series(data) == {period: Decimal(t) for (_, period), t in zip(columns, typed, strict=True)}
    kinds = {p.frequency for _, p in columns} - {Frequency.ANNUAL}
    assert data.kpis[0].cadence in (kinds or {Frequency.ANNUAL})


# ------------------------------------------------------------- generated: any recognised heading
# The headings README lists for each field, as a council might type them.
DOCUMENTED = {"id": ["Ref", "PI Ref"], "description": ["Indicator", "Measure", "Description"],
              "polarity": ["Good is", "Better to be?", "Polarity"], "commentary": ["Commentary", "Comments"],
              "rag": ["RAG", "Status"], "lead_officer": ["Lead officer"], "portfolio": ["Directorate", "Portfolio"],
              "target": ["Target", "Target 2016/17"]}


@st.composite
def spelt(draw: st.DrawFn, heading: str) -> str:
    """Return a heading in any case, with punctuation and spaces moved about."""
    out = []
    for char in heading:
        if char.isalnum():
            out.append(draw(st.sampled_from([char.lower(), char.upper()])))
        elif char in " ?":
            out.append(draw(st.sampled_from(["", "", "", " ", "_", "-", ".", "?", ":"])))
        else:
            out.append(char)  # the slash of a year stays: 2016/17
    return "".join(out) + draw(st.sampled_from(["", "?", ":", " ", "."]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_documented_heading_is_recognised_in_any_case_and_punctuation(tmp_path: Path,
                                                                              data: st.DataObject) -> None:
    chosen = {field: data.draw(spelt(data.draw(st.sampled_from(names)))) for field, names in DOCUMENTED.items()}
    if any(not any(c.isalnum() for c in text) for text in chosen.values()):
        return
    values = {"id": "X-1", "description": "Tenancy checks completed", "polarity": "Low", "commentary": "Said.",
              "rag": "Green", "lead_officer": "A. Officer", "portfolio": "Housing", "target": 30}
    fields = list(chosen)
    rows = [[chosen[f] for f in fields] + ["Q3 2016/17"], [values[f] for f in fields] + [25]]
    read = _read(tmp_path, rows)
    (kpi,) = read.kpis
    assert (kpi.id, kpi.description, kpi.polarity, kpi.portfolio, kpi.lead_officer) == (
        "X-1", "Tenancy checks completed", Polarity.LOW, "Housing", "A. Officer")
    assert kpi.stated_status is not None and kpi.stated_status.text == "Green"
    assert kpi.stated_polarity is not None and kpi.stated_polarity.heading == chosen["polarity"].strip()
    assert [str(b) for b in kpi.commentary] and kpi.target is not None


@pytest.mark.parametrize(("heading", "typed", "polarity"), [
    ("Smaller is better", "Yes", Polarity.LOW), ("Smaller is better", "No", Polarity.HIGH),
    ("Smaller is better", True, Polarity.LOW), ("Bigger is better", "Y", Polarity.HIGH),
    ("Good is", "Higher", Polarity.HIGH), ("Better to be?", "Low", Polarity.LOW),
    ("Polarity", "n/a", Polarity.NONE), ("Good performance is", "Smaller is better", Polarity.LOW),
])
def test_polarity_as_councils_word_it(tmp_path: Path, heading: str, typed: object, polarity: Polarity) -> None:
    data = _read(tmp_path, one_row(["Q1 2016/17"], [5], fields=("Ref", "Indicator", heading),
                                   values=("K1", "x", typed)))
    kpi = data.kpis[0]
    assert kpi.polarity is polarity
    assert kpi.stated_polarity is not None and kpi.stated_polarity.heading == heading


def test_polarity_words_that_are_none_of_them_are_refused(tmp_path: Path) -> None:
    path = write_wide(tmp_path / "w.xlsx", {"S": one_row(["Q1 2016/17"], [5], values=("K1", "x", "Sideways"))})
    assert _problems(path) == ["S!C2 (Good is): 'Sideways' is not a polarity: high or low (or higher, lower, "
                               "smaller is better, ...), or none"]


def test_headings_differ_only_by_case_and_punctuation() -> None:
    from committee_papers.workbook.headers import key

    for text in ("Better to be?", "PI Ref", "Lead officer"):
        for variant in (text.upper(), text.lower(), text.replace(" ", "_"), f" {text}. "):
            assert key(variant) == key(text)
        assert key(text) == "".join(c for c in text.lower() if c in string.ascii_lowercase)


@pytest.mark.parametrize(("setting", "said"), [
    ([["period", "Q1 2016/17"]], "the period reported is Q1 2016/17"),
    ([], "the latest figure is in 2016/17"),
])
def test_another_years_target_alone_is_refused(tmp_path: Path, setting: list[list[str]], said: str) -> None:
    rows = one_row(["Q1 2016/17"], [40], after=("Target 2015/16",), after_values=(60,))
    path = write_wide(tmp_path / "wide.xlsx", {"Sheet A": rows}, settings=setting)
    assert _problems(path) == [
        f"Sheet A!E1 (Target 2015/16): the target column is for 2015/16, but {said}: head the column with this "
        "year's target, or map it in a mapping file (columns: {'Target 2015/16': target}) if it is the target to "
        "judge by"]
