"""Bad input: one clear problem per mistake, each naming its place and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import committee_papers as cp
from committee_papers.loaders import LoadError

from ..conftest import Q2


def _problems(source: Any) -> list[str]:
    with pytest.raises(LoadError) as caught:
        cp.load(source)
    return [str(p) for p in caught.value.problems]


def test_a_bad_figure_names_its_path_and_line(tmp_path: Path) -> None:
    text = Q2.read_text(encoding="utf-8")
    assert "Q1: 15.1, Q2: 32.1" in text
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("Q1: 15.1, Q2: 32.1", "Q1: 15.1, Q2: abc"), encoding="utf-8")
    line = next(i for i, text_line in enumerate(broken.read_text().splitlines(), 1) if "Q2: abc" in text_line)
    assert _problems(broken) == [
        f"sections[0].pages[1].rows[0].values.Q2 (line {line}): "
        "expected a number or blank (percent), got 'abc'; to print words write {text: ..., reason: ...} "
        "(words instead of a figure), {figure: ..., note: ...} or {figure: ..., marker: '*'}"
    ]


def test_every_problem_is_listed_at_once(minimal: dict[str, Any]) -> None:
    page = minimal["sections"][0]["pages"][0]
    page["rows"][0]["values"]["Q1"] = "lots"
    page["indicators"][0]["polarity"] = "sideways"
    page["target"] = "7O%"  # starts as a figure, so it must be one (words would be a text target)
    problems = _problems(minimal)
    assert len(problems) == 3
    assert any(p.startswith("sections[0].pages[0].indicators[0].polarity:") for p in problems)
    assert any(p.startswith("sections[0].pages[0].target:") for p in problems)


def test_unknown_key_suggests_the_right_one(minimal: dict[str, Any]) -> None:
    indicator = minimal["sections"][0]["pages"][0]["indicators"][0]
    indicator["polarty"] = indicator.pop("polarity")
    problems = _problems(minimal)
    assert "sections[0].pages[0].indicators[0].polarty: unknown key 'polarty': did you mean 'polarity'?" in problems
    assert len(problems) == 1, "polarity is optional (issue 14): only the misspelt key is reported"


def test_missing_required_fields(minimal: dict[str, Any]) -> None:
    del minimal["appendix"]
    assert _problems(minimal) == ["the required key 'appendix' is missing: add it"]


def test_wrong_types(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"] = {"not": "a list"}
    assert _problems(minimal) == ["sections[0].pages: expected a list, got a mapping"]


def test_values_for_periods_the_table_does_not_have(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["rows"][0]["values"]["Q5"] = 1
    [problem] = _problems(minimal)
    assert problem.startswith("sections[0].pages[0].rows[0].values.Q5: unknown key 'Q5'")


def test_duplicate_period_labels(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["columns"]["periods"] = ["Q1", "Q1"]
    assert "sections[0].pages[0].columns: the period 'Q1' appears twice" in _problems(minimal)[0]


def test_duplicate_yaml_keys_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("appendix: A\nappendix: B\nsections: []\n", encoding="utf-8")
    assert _problems(path) == ["appendix (line 2): the key 'appendix' appears twice"]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("appendix: A\nsections:\n  - portfolio: [unclosed\n", encoding="utf-8")
    [problem] = _problems(path)
    assert "fix the YAML syntax here" in problem and problem.startswith("line ")


def test_json_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"appendix": "A",\n "sections": [}', encoding="utf-8")
    [problem] = _problems(path)
    assert problem.startswith("line 2: not valid JSON")


def test_yaml_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "tag.yaml"
    path.write_text("appendix: !!python/object:os.system x\nsections: []\n", encoding="utf-8")
    assert "the tag 'tag:yaml.org,2002:python/object:os.system' is not allowed" in _problems(path)[0]


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    assert _problems(tmp_path / "nope.yaml") == ["the report file does not exist: check the path"]
    assert _problems(tmp_path) == ["this is a folder, not a report file: give the path of the report file itself"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("appendix: caf\xe9\n".encode("latin-1"))
    assert "save it as UTF-8" in _problems(latin)[0]


def test_unknown_locale_and_bad_period(minimal: dict[str, Any]) -> None:
    minimal["locale"] = "xx_NOWHERE"
    minimal["period"] = "Q2 2015/17"
    problems = _problems(minimal)
    assert any(p.startswith("locale: unknown locale 'xx_NOWHERE'") for p in problems)
    assert any(p.startswith("period: '2015/17' is not a financial year") for p in problems)


def test_comparison_needs_one_form(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["direction_of_travel"] = [{"label": "x", "stated": "↑ ✓", "text": "y"}]
    assert "give exactly one of" in _problems(minimal)[0]


def test_comparison_reference_to_a_blank_period(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["direction_of_travel"] = [{"label": "x", "reference": {"period": "Q4"}}]
    assert _problems(minimal) == [
        "sections[0].pages[0].direction_of_travel[0].reference: the row has no figure for the period 'Q4'"]


def test_bad_marks(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["rows"][0]["published"] = "✓ only"
    assert "is not a mark" in _problems(minimal)[0]


def test_percent_sign_against_a_count_unit(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["indicators"][0]["unit"] = "count"
    minimal["sections"][0]["pages"][0]["rows"][0]["values"]["Q2"] = "41%"
    assert "'41%' is written as percent but the figure is count" in _problems(minimal)[0]


def test_the_error_message_lists_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("sections: 1\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        cp.load(path)
    assert str(caught.value).splitlines()[0] == f"{path}: 2 problems"


def test_an_unbelievable_percentage(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["rows"][0]["values"]["Q2"] = 4000
    [problem] = _problems(minimal)
    assert problem.startswith("sections[0].pages[0].rows[0].values.Q2: 4000% is not a believable percentage")


def test_unknown_unit(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["indicators"][0]["unit"] = "furlongs"
    assert _problems(minimal) == [
        "sections[0].pages[0].indicators[0].unit: 'furlongs' is not one of: "
        "percent, count, rate, money, days, number"]
