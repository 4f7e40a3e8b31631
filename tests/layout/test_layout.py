"""The renderer-neutral layout: spans, headers, marks and clean text."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import pytest

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import (
    Heading,
    LayoutCell,
    LayoutRow,
    Scope,
    SpanRole,
    Table,
    layout_report,
    place,
)
from committee_papers.model.cleaning import clean_text, unclean_characters
from committee_papers.style import DEFAULT_STYLE, MarkStyle


def _tables(report: cp.Report, page: int, kind: str) -> list[Table]:
    blocks = layout_report(report, assess_report(report)).pages[page].blocks
    return [b for b in blocks if isinstance(b, Table) and b.kind == kind]


def test_every_seed_table_fills_its_grid(q2_report: cp.Report, q3_report: cp.Report) -> None:
    for report in (q2_report, q3_report):
        for page in layout_report(report, assess_report(report)).pages:
            for block in page.blocks:
                if isinstance(block, Table):
                    assert place(block)  # raises if a span overlaps or leaves a hole
                    assert abs(sum(block.widths) - 1) < 1e-9


def test_data_table_has_a_two_row_header_with_the_year_spanning(q2_report: cp.Report) -> None:
    [table] = _tables(q2_report, 0, "data")
    assert table.header_rows == 2
    top = table.rows[0].cells
    assert [(c.text, c.colspan, c.rowspan) for c in top] == [
        ("", 1, 2), ("2013/14", 1, 2), ("2014/15", 1, 2), ("2015/16", 4, 1),
        ("Target", 1, 2), ("DoT Against Target", 1, 2)]
    assert [c.text for c in table.rows[1].cells] == ["Q1", "Q2", "Q3", "Q4"]
    assert all(c.scope is Scope.COLUMN for row in table.rows[:2] for c in row.cells)


def test_shared_text_target_spans_its_rows(q2_report: cp.Report) -> None:
    [table] = _tables(q2_report, 0, "data")
    body = table.rows[2:]
    target = body[0].cells[7]
    assert (target.text, target.rowspan) == ("Increase on previous year", 3)
    assert len(body[1].cells) == len(body[0].cells) - 1  # the spanned target is not repeated


def test_row_labels_are_bold_row_headers_and_future_periods_blank(q2_report: cp.Report) -> None:
    [table] = _tables(q2_report, 0, "data")
    label = table.rows[2].cells[0]
    assert label.text == "Opiates" and label.scope is Scope.ROW and label.spans[0].bold
    assert [c.text for c in table.rows[2].cells[1:7]] == ["9.38%", "5.75%", "5.7%", "6.4%", "", ""]


def test_unlabelled_single_row_has_no_label_column(q2_report: cp.Report) -> None:
    [table] = _tables(q2_report, 1, "data")
    assert table.rows[0].cells[0].text == "2013/14"
    assert [c.text for c in table.rows[2].cells] == ["58.7%", "54.8%", "15.1%", "32.1%", "", "", "70%", "↓ ✗"]


def test_marks_are_computed_not_copied(q3_report: cp.Report) -> None:
    [table] = _tables(q3_report, 2, "dot")
    marks = table.rows[2].cells
    first = marks[0].spans[0]
    assert first.text == "↓ ✓"  # published ↑✓, but 501 against 504 went down
    assert first.role is SpanRole.MARK
    assert first.colour == DEFAULT_STYLE.marks.better_colour
    assert first.alt == "Decreased – better"
    assert marks[1].spans[0].text == "↑ ✗" and marks[1].spans[0].colour == DEFAULT_STYLE.marks.worse_colour


def test_dot_table_holds_text_entries_and_unchanged(q3_report: cp.Report) -> None:
    [quartile] = _tables(q3_report, 0, "dot")
    assert quartile.rows[0].cells[0].colspan == 4
    assert quartile.rows[2].cells[3].text == "Upper Middle"
    [unchanged] = _tables(q3_report, 3, "dot")
    assert unchanged.rows[2].cells[1].text == "↔"


def test_words_are_added_when_the_style_asks(q3_report: cp.Report) -> None:
    style = replace(DEFAULT_STYLE, marks=MarkStyle(show_words=True))
    blocks = layout_report(q3_report, assess_report(q3_report), style).pages[2].blocks
    [table] = [b for b in blocks if isinstance(b, Table) and b.kind == "dot"]
    assert table.rows[2].cells[1].text == "↑ ✗ Worse"
    assert table.rows[2].cells[0].text == "↓ ✓ Better"


def test_headings_do_not_skip_levels(q2_report: cp.Report) -> None:
    pages = layout_report(q2_report, assess_report(q2_report)).pages
    levels = [b.level for p in pages for b in p.blocks if isinstance(b, Heading)]
    # as the seed: the portfolio, the first page's stated title, then each page's "Commentary:"
    # one level below whatever heads it; no page heading is invented for an untitled page
    assert levels[:3] == [1, 2, 3]
    assert set(levels) == {1, 2, 3}
    assert [(b.level, b.text) for b in pages[1].blocks if isinstance(b, Heading)] == [(2, "Commentary:")]
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


def test_notes_start_with_a_bold_label(q2_report: cp.Report) -> None:
    blocks = layout_report(q2_report, assess_report(q2_report)).pages[4].blocks
    notes = [b for b in blocks if getattr(b, "text", "").startswith("Notes:")]
    assert len(notes) == 1 and notes[0].spans[0].bold  # type: ignore[union-attr]


def test_document_metadata(q2_report: cp.Report) -> None:
    document = layout_report(q2_report, assess_report(q2_report))
    assert document.title == "Q2 2015/16 Performance Exception Reports"
    assert document.running_header == "App B – Q2 Exception Reports"
    assert document.language == "en-GB"
    assert document.pages[0].bookmark == "Successful completion of drug and alcohol treatment"


@pytest.mark.parametrize(("dirty", "clean"), [
    ("a\x0bb", "a\nb"), ("a\x0cb", "a\nb"), ("a\r\nb", "a\nb"), ("a\x00b\x07", "ab"),
    ("x\ufffey", "xy"), ("tab\tstays", "tab\tstays"), ("ŵ ŷ 😀 é", "ŵ ŷ 😀 é"),
])
def test_clean_text(dirty: str, clean: str) -> None:
    assert clean_text(dirty) == clean


def test_unclean_characters_are_named() -> None:
    assert unclean_characters("a\x0bb\x00") == ["U+0000", "U+000B"]


def test_control_characters_never_reach_the_layout(minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["commentary"] = ["before\x0bafter\x00"]
    blocks = layout_report(cp.load(minimal), assess_report(cp.load(minimal))).pages[0].blocks
    assert any(getattr(b, "text", None) == "before\nafter" for b in blocks)


def test_overlapping_spans_are_refused() -> None:
    cell = LayoutCell(colspan=2)
    table = Table((LayoutRow((cell, LayoutCell())),), (0.5, 0.5), "", "x")
    with pytest.raises(ValueError, match="runs past"):
        place(table)
