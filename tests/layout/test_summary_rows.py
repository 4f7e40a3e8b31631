"""A supplementary table's summary rows bold their label alone, as the published "National
Average" rows do (issue 15, point 6); a cell marked bold by the input stays bold."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings, strategies as st

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import Table, layout_report

words = st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=12)
figures = st.integers(0, 100).map(lambda n: f"{n}%")


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["normal", "summary"]), words,
                               st.lists(st.tuples(figures, st.booleans()), min_size=1, max_size=4)),
                     min_size=1, max_size=6))
def test_only_a_summary_rows_label_and_cells_marked_bold_are_bold(
        rows: list[tuple[str, str, list[tuple[str, bool]]]]) -> None:
    width = 1 + max(len(cells) for _, _, cells in rows)
    table_rows: list[dict[str, Any]] = []
    for style, label, cells in rows:
        padded = cells + [("", False)] * (width - 1 - len(cells))
        table_rows.append({"style": style, "cells": [label, *({"text": t, "bold": b} for t, b in padded)]})
    page = {"indicators": [{"description": "Attainment", "polarity": "high"}],
            "supplementary": [{"header": [["School", *(f"Y{i}" for i in range(1, width))]], "rows": table_rows}]}
    report = cp.load({"appendix": "App", "sections": [{"portfolio": "P", "pages": [page]}]})
    [table] = [b for b in layout_report(report, assess_report(report)).pages[0].blocks
               if isinstance(b, Table) and b.kind == "supplementary"]
    for laid, (style, _, cells) in zip(table.rows[1:], rows, strict=True):
        label, *rest = laid.cells
        assert all(span.bold for span in label.spans) == (style == "summary")
        padded = cells + [("", False)] * (width - 1 - len(cells))
        assert [all(s.bold for s in cell.spans) and bool(cell.spans) for cell in rest] == [
            bold for _, bold in padded]
