"""A figure is a decimal number as written, in every input, or a located error.

YAML 1.1 would re-type ``1:30`` (90), ``0x1F`` (31), ``0b101`` (5) and ``190:20:30``; columns out
of time order would flip the marks. The property at the end: any finite decimal, written in any
accepted form (a YAML scalar, quoted text, grouped text, a workbook number in a format showing
its places, workbook text, a CSV cell), comes out as the same text, worked out here by hand.
"""

from __future__ import annotations

import copy
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook

import committee_papers as cp
from committee_papers.formatting import format_value
from committee_papers.loaders import LoadError
from committee_papers.model import NotAFigure, Unit, parse_figure
from committee_papers.workbook.cells import read_figure
from committee_papers.workbook.formats import read_format
from committee_papers.workbook.sheet import Cell

from ..conftest import MINIMAL


def _page_with(q2: str) -> str:
    data = copy.deepcopy(MINIMAL)
    data["sections"][0]["pages"][0]["rows"][0]["values"] = {"2014/15": 54.8, "Q1": 15.1, "Q2": "Q2VALUE"}
    return yaml.safe_dump(data, allow_unicode=True).replace("Q2VALUE", q2)


@pytest.mark.parametrize("written", ["1:30", "0x1F", "0b101", "190:20:30", "1_000", "0o17", "+.inf", ".nan",
                                     "1e3", "12e-1"])
def test_yaml_11_numbers_are_refused_as_figures(tmp_path: Path, written: str) -> None:
    path = tmp_path / "typed.yaml"
    path.write_text(_page_with(written), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        cp.load(path)
    [problem] = caught.value.problems
    assert problem.path == "sections[0].pages[0].rows[0].values.Q2"
    assert problem.line is not None
    assert written in str(problem) or repr(written) in str(problem)


@pytest.mark.parametrize(("columns", "first_late"), [
    ({"past": ["2014/15", "2013/14"], "year": "2015/16", "periods": ["Q1", "Q2"]}, "2013/14"),
    ({"past": ["2013/14"], "year": "2015/16", "periods": ["Q4", "Q3", "Q2", "Q1"]}, "Q3"),
    ({"past": ["2016/17"], "year": "2015/16", "periods": ["Q1", "Q2"]}, "Q1"),
])
def test_columns_out_of_time_order_are_refused(columns: dict[str, Any], first_late: str) -> None:
    data = copy.deepcopy(MINIMAL)
    page = data["sections"][0]["pages"][0]
    page["columns"] = columns
    page["rows"] = [{"values": {}}]
    page["dot"] = {"basis": "past"}
    with pytest.raises(LoadError) as caught:
        cp.load(data)
    [problem] = [p for p in caught.value.problems if "time order" in p.message]
    assert problem.path == "sections[0].pages[0].columns"
    assert f"{first_late!r} comes after" in problem.message


def _expected(value: Decimal, places: int, unit: Unit) -> str:
    """The published text, by hand: thousands grouped with commas, the places as given."""
    text = f"{abs(value):,.{places}f}"
    sign = "-" if value.is_signed() else ""  # -0 is published as typed
    if unit is Unit.PERCENT:
        return f"{sign}{text}%"
    if unit is Unit.MONEY:
        return f"{sign}£{text}"
    return sign + text


figures = st.builds(lambda whole, part, places, negative: (Decimal(f"{'-' if negative else ''}{whole}.{part:0{places}d}") if places else Decimal(f"{'-' if negative else ''}{whole}"), places),  # noqa: E501
                    st.integers(0, 10**9), st.integers(0, 9999), st.integers(0, 4), st.booleans()).filter(
    lambda pair: pair[1] == 0 or pair[0].as_tuple().exponent == -pair[1])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figure=figures, unit=st.sampled_from([Unit.NUMBER, Unit.PERCENT, Unit.MONEY, Unit.COUNT]))
def test_any_decimal_in_any_accepted_form_is_published_as_written(figure: tuple[Decimal, int], unit: Unit) -> None:
    value, places = figure
    if unit is Unit.PERCENT and abs(value) > 1000:
        unit = Unit.NUMBER  # beyond 1,000% is refused as not believable (tested in test_errors)
    expected = _expected(value, places, unit)
    plain = format(value, "f")
    grouped = f"{'-' if value.is_signed() else ''}{abs(value):,.{places}f}"
    symbol = {Unit.PERCENT: "%", Unit.MONEY: "£"}.get(unit)
    texts = [plain, grouped]
    if symbol == "%":
        texts.append(grouped + "%")
    elif symbol == "£":
        texts.append(grouped.replace("-", "-£") if value.is_signed() else "£" + grouped)
    for text in texts:  # YAML plain scalars, quoted strings, CSV cells and workbook text read alike
        written = parse_figure(text)
        assert format_value(cp.Number(written.value, unit)) == expected, text
        loaded = cp.load({"appendix": "A", "sections": [{"portfolio": "P", "pages": [{
            "indicators": [{"description": "d", "polarity": "high", "unit": unit.value}],
            "columns": {"year": "2015/16", "periods": ["Q1"]}, "rows": [{"values": {"Q1": text}}]}]}]})
        table = loaded.sections[0].pages[0].table
        assert table is not None
        assert format_value(table.rows[0].values["Q1"]) == expected, text
    number_format = "#,##0" + ("." + "0" * places if places else "")
    stored = float(value) if abs(value) < 10**9 else value
    cell = read_figure(Cell(stored, read_format(number_format)))
    assert format_value(cp.Number(cell.value, unit)) == expected, (stored, number_format)


@pytest.mark.parametrize("text", ["81,9", "1,23,456", "1.2.3", "12,34.5", "£5%", "--4", "4-", "", "abc"])
def test_malformed_figures_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_figure(text)


def test_decimal_commas_only_when_declared() -> None:
    assert parse_figure("1.234,5", decimal_comma=True).value == Decimal("1234.5")
    assert parse_figure("81,9", decimal_comma=True).value == Decimal("81.9")
    assert parse_figure("1 234,50 %", decimal_comma=True).value == Decimal("1234.50")
    with pytest.raises(ValueError, match="looks like a decimal comma"):
        parse_figure("81,9")
    with pytest.raises(NotAFigure):
        parse_figure("n/a")


def test_a_workbook_figure_and_its_yaml_twin_render_alike(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = 1234.5
    sheet["A1"].number_format = "#,##0.00"
    buffer = io.BytesIO()
    book.save(buffer)
    cell = read_figure(Cell(1234.5, read_format("#,##0.00")))
    assert format_value(cp.Number(cell.value, Unit.MONEY)) == "£1,234.50"


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["", "%", "£"]), min_size=4, max_size=4), st.integers(1, 99))
def test_a_number_rows_figures_share_one_unit(symbols: list[str], figure: int) -> None:
    """A ``number`` indicator takes figures with % or £, but a row mixing them (or a symbol with a
    bare figure) is refused at the row, since a mark between 40% and £60 would mean nothing."""
    data = copy.deepcopy(MINIMAL)
    page = data["sections"][0]["pages"][0]
    page["indicators"][0]["unit"] = "number"
    page["target"] = 70  # a bare target fits figures of any unit
    periods = ["2013/14", "2014/15", "Q1", "Q2"]
    page["rows"] = [{"values": {p: (f"£{figure}" if s == "£" else f"{figure}{s}") if s else figure
                                for p, s in zip(periods, symbols, strict=True)}}]
    if len(set(symbols)) == 1:
        report = cp.load(data)
        units = {v.unit for v in report.sections[0].pages[0].table.rows[0].values.values()}
        assert units == {{"": Unit.NUMBER, "%": Unit.PERCENT, "£": Unit.MONEY}[symbols[0]]}
    else:
        with pytest.raises(LoadError, match=r"sections\[0\]\.pages\[0\]\.rows\[0\].*different units"):
            cp.load(data)


def _number_page(values: dict[str, Any], **page: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    first = data["sections"][0]["pages"][0]
    first["indicators"][0]["unit"] = "number"
    first["target"] = None
    first["rows"] = [{"values": values}]
    first.update(page)
    return data


@pytest.mark.parametrize(("data", "phrase"), [
    (_number_page({"Q1": "40%", "Q2": "45%"}, target="£30"), "the target in money"),
    (_number_page({"2014/15": "2,774 (955.6)", "Q2": "45%"}), "a count with its rate (2014/15)"),
    (_number_page({"2014/15": "2,774 (955.6)", "Q2": "£45"}), "a count with its rate (2014/15)"),
    (_number_page({"Q1": 40, "Q2": 45}, rows=[{"values": {"Q1": "40%", "Q2": "45%"},
                                               "targets": {"Q1": "50%", "Q2": "£50"}}]), "the target for Q2 in money"),
    (_number_page({"Q1": "40%", "Q2": "45%"}, direction_of_travel=[{"label": "vs England", "reference": "£50"}]),
     "compares figures in different units"),
])
def test_targets_and_references_in_another_unit_than_the_figures_are_refused(data: dict[str, Any],
                                                                             phrase: str) -> None:
    """45% against a target of £30, or compared with £50, or a count with its rate beside a
    percentage: a mark between them would mean nothing, so the page is refused, located."""
    with pytest.raises(LoadError, match=r"sections\[0\]\.pages\[0\]") as caught:
        cp.load(data)
    assert phrase in str(caught.value)


@pytest.mark.parametrize("data", [
    _number_page({"Q1": "40%", "Q2": "45%"}, target=70),  # a bare target fits any unit
    _number_page({"2014/15": "2,774 (955.6)", "Q2": "3,000"}, target=2500),  # counts beside a pair
    _number_page({"Q1": "40%", "Q2": "45%"}, direction_of_travel=[{"label": "vs England", "reference": 50}]),
])
def test_targets_and_references_without_a_unit_of_their_own_are_kept(data: dict[str, Any]) -> None:
    assert cp.load(data).sections[0].pages[0].table is not None
