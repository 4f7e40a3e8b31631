"""The one scan of a YAML file's events (``loaders/bounds.scan_yaml``) counts what its aliases
and merge keys stand for, as a naive walk of the composed document does, and tells a loop from
a syntax error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings, strategies as st

import committee_papers as cp
from committee_papers.limits import resolve
from committee_papers.loaders import LoadError
from committee_papers.loaders.bounds import scan_yaml


def _children(node: Any) -> list[Any]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _expanded(node: Any, depth: int = 1) -> tuple[int, int, int]:
    """Count a composed node naively, following every alias again: (values, characters, deepest
    level), the independent reckoning the scan must agree with."""
    values, characters, deepest = 1, len(node.value) if isinstance(node, yaml.ScalarNode) else 0, depth
    for child in _children(node):
        v, c, d = _expanded(child, depth + 1)
        values, characters, deepest = values + v, characters + c, max(deepest, d)
    return values, characters, deepest


def _distinct(node: Any, seen: set[int]) -> int:
    if id(node) in seen:
        return 0
    seen.add(id(node))
    return 1 + sum(_distinct(child, seen) for child in _children(node))


@st.composite
def _aliased_yaml(draw: st.DrawFn) -> str:
    """A document of anchored lists and mappings, later ones naming earlier ones by alias, in
    lists, as mapping values and through merge keys (``<<``), sometimes nested."""
    lines: list[str] = []
    names: list[str] = []
    for n in range(draw(st.integers(1, 6))):
        items = []
        for _ in range(draw(st.integers(0, 4))):
            choice = draw(st.integers(0, 2))
            if names and choice == 0:
                items.append("*" + draw(st.sampled_from(names)))
            elif choice == 1:
                items.append("[" + ", ".join(draw(st.lists(st.sampled_from(["1", "ab", "x y"]), max_size=3))) + "]")
            else:
                items.append(draw(st.text("abcxyz019", min_size=1, max_size=12)))
        if draw(st.booleans()):
            name, body = f"l{n}", "[" + ", ".join(items) + "]"
        else:
            pairs = [f"k{i}: {item}" for i, item in enumerate(items)]
            mappings = [name for name in names if name.startswith("m")]
            if mappings and draw(st.booleans()):
                pairs.insert(0, "<<: *" + draw(st.sampled_from(mappings)))
            name, body = f"m{n}", "{" + ", ".join(pairs) + "}"
        lines.append(f"{name}: &{name} {body}")
        names.append(name)
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None)
@given(_aliased_yaml())
def test_the_scan_counts_what_aliases_expand_to(text: str) -> None:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    values, characters, depth = _expanded(root)
    extent = scan_yaml(text, "t.yaml", yaml.SafeLoader, resolve(None))
    assert extent is not None
    assert (extent.values, extent.characters, extent.depth) == (values, characters, depth)
    assert extent.written == _distinct(root, set())


def test_a_loop_is_refused_with_its_line_and_a_syntax_error_left_to_composing(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="line 2: an alias"):
        scan_yaml("a: 1\nb: &b [1, [2, *b]]\n", "t.yaml", yaml.SafeLoader, resolve(None))
    assert scan_yaml("a: [1, 2\nb: 3\n", "t.yaml", yaml.SafeLoader, resolve(None)) is None
    broken = tmp_path / "broken.yaml"
    broken.write_text("appendix: A\nsections: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(LoadError, match="line 3"):
        cp.load(broken)


def test_an_alias_counts_as_what_it_names_by_hand() -> None:
    """``a: &x [1]`` and ``b: [2, *x]``: the root, key a, [1] (2), key b, and [2, [1]] (4) = 9
    values; 5 characters (a, 1, b, 2, 1); 4 levels (root, b's list, x's list, 1); 7 written."""
    extent = scan_yaml("a: &x [1]\nb: [2, *x]\n", "t.yaml", yaml.SafeLoader, resolve(None))
    assert extent is not None
    assert (extent.values, extent.characters, extent.depth, extent.written) == (9, 5, 4, 7)


def test_an_anchor_named_twice_is_left_to_composing(tmp_path: Path) -> None:
    """Not called a loop: PyYAML refuses the second name, with both lines."""
    assert scan_yaml("a: &x [1]\nb: &x [2, *x]\n", "t.yaml", yaml.SafeLoader, resolve(None)) is None
    twice = tmp_path / "twice.yaml"
    twice.write_text("appendix: A\nsections: []\na: &x [1]\nb: &x [2, *x]\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"line 4: found duplicate anchor.*first occurrence on line 3, second"):
        cp.load(twice)


def test_a_second_document_is_not_told_to_rename_anchors(tmp_path: Path) -> None:
    two = tmp_path / "two.yaml"
    two.write_text("appendix: A\nsections: []\n---\nappendix: B\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        cp.load(two)
    assert "another document" in str(caught.value) and "anchor" not in str(caught.value)


def test_a_key_written_out_overrides_a_merged_one(tmp_path: Path) -> None:
    """YAML's merge key (<<): keys written out take precedence over merged ones, in any order;
    a merge of something other than a mapping is an error, not ignored."""
    text = ("appendix: A\nsections:\n  - portfolio: P\n    pages:\n"
            "      - indicators: [&ind {description: First, polarity: high}]\n        commentary: c\n"
            "      - indicators: [{<<: *ind, description: Second}]\n        commentary: c\n"
            "      - indicators: [{description: Third, <<: *ind}]\n        commentary: c\n")
    report = tmp_path / "merged.yaml"
    report.write_text(text, encoding="utf-8")
    pages = cp.load(report).sections[0].pages
    assert [page.indicators[0].description for page in pages] == ["First", "Second", "Third"]
    assert all(page.indicators[0].polarity.value == "high" for page in pages)
    report.write_text("appendix: A\nsections: []\nx: {<<: 5}\n", encoding="utf-8")
    with pytest.raises(LoadError, match="a merge key"):
        cp.load(report)


def test_a_quoted_figure_written_out_overrides_a_merged_plain_one(tmp_path: Path) -> None:
    """The merged value's text as typed ("32.1") must not stand for the written value ("60.5"),
    whichever order the keys come in."""
    for row in ('{<<: {values: {Q1: 15.1, Q2: 32.1}}, values: {Q1: "15.1", Q2: "60.5"}}',
                '{values: {Q1: "15.1", Q2: "60.5"}, <<: {values: {Q1: 15.1, Q2: 32.1}}}'):
        text = ("appendix: A\nperiod: Q2 2015/16\nsections:\n  - portfolio: P\n    pages:\n"
                "      - indicators: [{description: d, polarity: high, unit: percent}]\n"
                "        columns: {past: [2014/15], year: 2015/16, periods: [Q1, Q2]}\n"
                f"        rows: [{row}]\n        commentary: c\n")
        report = tmp_path / "merged.yaml"
        report.write_text(text, encoding="utf-8")
        table = cp.load(report).sections[0].pages[0].table
        assert table is not None
        assert str(table.rows[0].values["Q2"].value) == "60.5", row  # type: ignore[union-attr]
