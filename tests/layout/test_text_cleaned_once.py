"""Text reaches a document only through the layout's nodes, which make it storable (issue 19).

Whatever field a control character is pasted into (a report's title, a portfolio, a pack's
cover, a period heading, a chart's name), no node of the layout holds a character that Word's
XML or a PDF's text cannot; and the model keeps the text as typed, so ``check`` names it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings, strategies as st

import committee_papers as cp
from committee_papers.assess import assess_report, check
from committee_papers.layout import layout_report
from committee_papers.layout.pack import layout_pack
from committee_papers.model.cleaning import unclean_characters
from committee_papers.pack import build_pack
from committee_papers.workbook import read_workbook

# each control as pasted, and what a reader sees of it: line-break controls break the line,
# the rest are left out (the escape's printable tail stays, as typed)
CONTROLS = {"\x0b": "\n", "\x0c": "\n", "\x01": "", "\x1b[31m": "[31m", "\x7f": "", "\ufffe": "",
            "\u2028": "\n"}


def _texts(node: Any) -> Iterator[str]:
    """Yield every string held anywhere in a layout node."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, (tuple, list)):
        for item in node:
            yield from _texts(item)
    elif dataclasses.is_dataclass(node):
        for field in dataclasses.fields(node):
            yield from _texts(getattr(node, field.name))


def _report(dirt: str) -> dict[str, Any]:
    return {
        "appendix": f"Appendix{dirt}A", "title": f"Title{dirt}", "committee": f"Exec{dirt}",
        "organisation": f"Council{dirt}", "sections": [{"portfolio": f"Port{dirt}folio", "pages": [{
            "title": f"Page{dirt}", "indicators": [{"description": f"Rate{dirt}of", "polarity": "high"}],
            "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", f"Odd{dirt}"]},
            "rows": [{"label": f"No{dirt}.", "values": {"2014/15": 1, "Q1": 2}}],
            "target": f"Baseline{dirt}", "label_header": f"Measure{dirt}",
            "direction_of_travel": [{"label": f"vs{dirt}Q1", "text": f"Upper{dirt}"}],
            "notes": [f"Note{dirt}"], "commentary": [f"Said{dirt}", {"bullets": [f"one{dirt}"]}],
            "supplementary": [{"description": f"Sup{dirt}", "header": [[f"H{dirt}"]], "rows": [[f"c{dirt}"]]}],
            }]}]}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(CONTROLS)))
def test_no_layout_node_holds_a_character_a_document_cannot(dirt: str) -> None:
    report = cp.with_charts(cp.load(_report(dirt)))
    layout = layout_report(report, assess_report(report))
    dirty = [text for text in _texts(layout) if unclean_characters(text)]
    assert dirty == []
    texts = set(_texts(layout))
    seen = CONTROLS[dirt]
    assert {f"Port{seen}folio", f"Rate{seen}of", f"No{seen}.", f"Appendix{seen}A", f"Odd{seen}"} <= texts
    codes = {f.code for f in check(report)}
    assert "control-characters" in codes  # the model kept what was typed, and check says so


def test_a_pack_cover_title_from_the_workbook_is_cleaned() -> None:
    pack = build_pack(read_workbook("samples/kpis.xlsx"), "havering")
    report = dataclasses.replace(pack.report, title="Q3\x0b2016/17 \x1b[31mPerformance")
    pack = dataclasses.replace(pack, report=report)
    layout = layout_pack(pack)
    assert [t for t in _texts(layout) if unclean_characters(t)] == []
    assert layout.title == "Q3\n2016/17 [31mPerformance"
