"""Pack rules from a preset name or a YAML rules file, with located problems."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from committee_papers.loaders import LoadError
from committee_papers.loaders.rules import load_rules
from committee_papers.model import DotConvention
from committee_papers.model.rules import PRESETS, RED, RagMethod, SelectionKind, SelectionRule, worsening_for


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scrutiny.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["havering", "belfast", "blackpool", "Belfast"])
def test_presets_by_name(name: str) -> None:
    assert load_rules(name) is PRESETS[name.lower()]


def test_preset_settings() -> None:
    assert PRESETS["belfast"].status.method is RagMethod.BANDS
    assert PRESETS["belfast"].select == (RED,)
    assert PRESETS["blackpool"].status.dot is DotConvention.BLACKPOOL
    assert PRESETS["havering"].status.tolerance == Decimal("0.1")


def test_a_rules_file_overrides_its_preset(tmp_path: Path) -> None:
    rules = load_rules(_write(tmp_path, """\
preset: belfast
status:
  green_within: 2%
  red_from: 0.08
  dot: blackpool
select:
  - red
  - amber
  - worsening_for: 3
"""))
    assert rules.name == "scrutiny"
    assert rules.status.method is RagMethod.BANDS
    assert (rules.status.green_within, rules.status.red_from) == (Decimal("0.02"), Decimal("0.08"))
    assert rules.status.dot is DotConvention.BLACKPOOL
    assert rules.select == (RED, SelectionRule(SelectionKind.AMBER), worsening_for(3))


def test_an_empty_rules_file_is_the_default_preset(tmp_path: Path) -> None:
    rules = load_rules(_write(tmp_path, "name: Scrutiny board\n"))
    assert (rules.name, rules.status, rules.select) == ("Scrutiny board", PRESETS["havering"].status,
                                                         PRESETS["havering"].select)


def test_bad_rules_file_problems_name_the_place_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, """\
preset: leeds
status:
  method: traffic lights
  tolerance: 10
  tolerence: 0.1
select:
  - reddish
  - worsening_for: 0
  - worsening_for
""")
    with pytest.raises(LoadError) as caught:
        load_rules(path)
    assert [str(p) for p in caught.value.problems] == [
        "preset (line 1): 'leeds' is not a preset: use havering, belfast, blackpool",
        "status.tolerence (line 5): unknown key 'tolerence': did you mean 'tolerance'?",
        "status.method (line 3): 'traffic lights' is not one of: tolerance, bands",
        "status.tolerance (line 4): expected a fraction below 1 such as 0.1 (or 10%), got 10",
        "select[0] (line 7): 'reddish' is not a selection rule: use red, amber, "
        "worse_than_target_and_worsening or 'worsening_for: N'",
        "select[1].worsening_for (line 8): expected a whole number from 1 to 60, got 0",
        "select[2] (line 9): worsening_for needs the number of periods: write 'worsening_for: 3'",
    ]


def test_inconsistent_bands(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_rules(_write(tmp_path, "status: {method: bands, green_within: 0.1, red_from: 0.05}\n"))
    assert [str(p) for p in caught.value.problems] == [
        "status (line 1): green_within (0.1) must not exceed red_from (0.05)"]


def test_neither_preset_nor_file() -> None:
    with pytest.raises(LoadError, match="'leeds' is neither a preset \\(havering, belfast, blackpool\\) nor a rules"):
        load_rules("leeds")
