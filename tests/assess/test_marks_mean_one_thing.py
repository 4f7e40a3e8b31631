"""Marks that are always right and mean one thing (issue 13's reproductions), read back from the
rendered .docx and PDF, and a property: every mark agrees with the figures it names.

Expected marks are worked out here from the figures by hand: the arrow is the way the figure
moved (or, under the better/worse convention, the verdict), the tick or cross whether that is
good given which way is better.
"""

from __future__ import annotations

import copy
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import committee_papers as cp
from committee_papers.assess import assess_report, check
from committee_papers.layout import layout_report
from committee_papers.model import DotConvention
from committee_papers.pack import build_pack
from committee_papers.pack.render import render_pack

from ..reliability.readback import read_docx, read_pdf

ROOT = Path(__file__).resolve().parents[2]


def page_report(page: dict[str, Any], period: str = "Q3 2016/17") -> cp.Report:
    return cp.load({"appendix": "App", "period": period, "sections": [{"portfolio": "P", "pages": [page]}]})


def rendered(report: cp.Report) -> tuple[str, bytes]:
    """Return the .docx text, and the PDF bytes."""
    word, pdf = io.BytesIO(), io.BytesIO()
    cp.render_docx(report, word)
    cp.render_pdf(report, pdf)
    return read_docx(word.getvalue()).everything, pdf.getvalue()


def actual_texts(pdf: bytes) -> list[str]:
    """Return every ActualText in the PDF's structure tree, in document order."""
    found: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        stack = [document.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Dictionary):
                if "/ActualText" in node:
                    found.append(str(node.ActualText))
                kids = node.get("/K")
                if isinstance(kids, pikepdf.Array):
                    stack.extend(reversed(list(kids)))
                elif isinstance(kids, pikepdf.Dictionary):
                    stack.append(kids)
    return found


def pdf_text(pdf: bytes) -> str:
    return read_pdf(pdf, tables=False).everything


# ------------------------------------------------------------ 2. the DoT uses the current period


def test_a_cumulative_column_is_not_compared_with_a_single_quarter() -> None:
    page = {"indicators": [{"description": "Visits to libraries", "polarity": "high", "unit": "count"}],
            "columns": {"year": "2016/17", "periods": ["Q1", "Q2", "Q3", "YTD"]},
            "rows": [{"values": {"Q1": 88_466, "Q2": 91_600, "Q3": 105_595, "YTD": 285_661}}],
            "direction_of_travel": [{"label": "Current vs. Q3 (15/16)", "reference": 106_662}]}
    report = page_report(page)
    word, pdf = rendered(report)
    # 105,595 (Q3) against 106,662 (Q3 last year): down, and with higher better, worse
    assert "Decreased – worse" in actual_texts(pdf)
    assert "↓ ✗" in word and "↑" not in word.split("Current vs. Q3 (15/16)")[1]


# ------------------------------------------------ 3. a blank current figure gives no mark at all


def test_a_blank_current_figure_gives_no_mark_and_a_warning() -> None:
    page = {"indicators": [{"description": "Timely assessments", "polarity": "high", "unit": "percent"}],
            "columns": {"past": ["2015/16"], "year": "2016/17", "periods": ["Q1", "Q2", "Q3", "Q4"]},
            "target": "92%", "dot": {"basis": "target", "header": "DoT Against Target"},
            "rows": [{"values": {"2015/16": 92.2}}], "commentary": "Figures are late."}
    report = page_report(page)
    word, pdf = rendered(report)
    for text in (word, pdf_text(pdf)):
        assert "No figure" in text
        assert "↑" not in text and "✓" not in text, "no mark from 2015/16 in place of Q3"
    assert [f.code for f in check(report)][:1] == ["no-dot"]
    assert "no figure for Q3, the period reported" in check(report)[0].message


# -------------------------------------------- 4. a numeric target in words is compared with its figure


@pytest.mark.parametrize(("target", "expected_words", "expected_glyphs"), [
    ("Decrease to 14%", "Increased – worse", "↑ ✗"),  # 16% is above 14%: missed
    ("Decrease on previous year", "Decreased – better", "↓ ✓"),  # 16% is below last year's 18%
    ("Fewer than 17%", "Decreased – better", "↓ ✓"),  # 16% is below 17%: met
])
def test_a_target_in_words_is_compared_with_what_it_states(target: str, expected_words: str,
                                                           expected_glyphs: str) -> None:
    page = {"indicators": [{"description": "Repeat plans", "polarity": "low", "unit": "percent"}],
            "columns": {"past": ["2015/16"], "year": "2016/17", "periods": ["Q1", "Q2", "Q3"]},
            "target": target, "dot": {"basis": "target", "header": "DoT Against Target"},
            "rows": [{"values": {"2015/16": 18, "Q1": 17, "Q2": 16.5, "Q3": 16}}]}
    report = page_report(page)
    word, pdf = rendered(report)
    assert target in word and expected_glyphs in word
    assert expected_words in actual_texts(pdf)


# ------------------------------------------------------- 5. short- and long-term trend columns


def test_a_table_shows_short_and_long_term_trends_side_by_side() -> None:
    page = {"indicators": [{"description": "Households in temporary accommodation", "polarity": "low",
                            "unit": "count"}],
            "columns": {"year": "2016/17", "periods": ["Q3 2015/16", "Q1", "Q2", "Q3"]},
            "dot": [{"basis": "short_term", "header": "Short Trend"},
                    {"basis": "long_term", "header": "Long Trend"}],
            "rows": [{"values": {"Q3 2015/16": 410, "Q1": 380, "Q2": 350, "Q3": 362}}]}
    report = page_report(page)
    _word, pdf = rendered(report)
    # Q3 (362) against Q2 (350): up, worse; against Q3 last year (410): down, better
    assert actual_texts(pdf)[-2:] == ["Increased – worse", "Decreased – better"]
    cells = read_docx(io_docx(report)).cells
    assert "Short Trend" in cells and "Long Trend" in cells
    assert cells[-2:] == ("↑ ✗", "↓ ✓")


def io_docx(report: cp.Report) -> bytes:
    word = io.BytesIO()
    cp.render_docx(report, word)
    return word.getvalue()


# ------------------------------------------------ 1. one convention per document, with a key


@pytest.fixture(scope="module")
def sample_pack() -> tuple[cp.Pack, str, bytes]:
    pack = build_pack(cp.read_workbook(ROOT / "samples" / "kpis.xlsx"))
    word, pdf = io.BytesIO(), io.BytesIO()
    render_pack(pack, pdf=pdf, docx=word)
    return pack, read_docx(word.getvalue()).everything, pdf.getvalue()


def test_the_pack_prints_a_key_and_its_marks_follow_its_rules_convention(
        sample_pack: tuple[cp.Pack, str, bytes]) -> None:
    pack, word, pdf = sample_pack
    assert pack.dot_convention is DotConvention.BETTER_WORSE  # the havering rules' choice
    text = pdf_text(pdf)
    for found in (" ".join(word.split()), " ".join(text.split())):  # lines wrap in the PDF
        assert "How to read the marks" in found
        assert "Where neither way is better, the arrow shows the way the figure moved" in found
    said = actual_texts(pdf)
    assert said, "marks carry their words"
    assert all(" – " not in words for words in said if words in ("Better", "Worse", "No change")
               or words.startswith(("Increased", "Decreased"))), "no Blackpool-style words under better/worse"
    # under better/worse, no mark anywhere carries a tick or cross
    assert "✓" not in word and "✗" not in word


def test_every_scorecard_mark_agrees_with_its_figures_and_with_its_page(
        sample_pack: tuple[cp.Pack, str, bytes]) -> None:
    pack, _, _ = sample_pack
    style = cp.DEFAULT_STYLE
    from committee_papers.layout.pack import layout_pack

    layout = layout_pack(pack, style)
    scorecard = next(block for block in layout.pages[0].blocks if getattr(block, "kind", "") == "scorecard")
    rows = [row for row in scorecard.rows[1:] if len(row.cells) == 6]
    assert len(rows) == len(pack.scorecard)
    for entry, row in zip(pack.scorecard, rows, strict=True):
        glyph = row.cells[3].text.split(" ")[0]
        if entry.dot is None:
            assert glyph == ""
            continue
        assert entry.latest is not None and entry.dot_reference is not None
        difference = cp.headline(entry.latest).value - cp.headline(entry.dot_reference).value
        if entry.polarity.value == "none" or difference == 0:
            expected = {1: "↑", -1: "↓", 0: "↔"}[(difference > 0) - (difference < 0)]
        else:
            better = (difference > 0) == (entry.polarity.value == "high")
            expected = "↑" if better else "↓"
        assert glyph == expected, (entry.id, entry.latest, entry.dot_reference, row.cells[3].text)
        words = row.cells[3].spans[0].alt
        assert words is not None and words.split()[0] == row.cells[3].text.split(" ", 1)[1].split()[0], (
            f"{entry.id}: the words said ({words!r}) are not the word shown")
        if entry.page is not None:  # its page's first comparison is the same: against the period before
            number = sum(len(s.pages) for s in pack.report.sections[:entry.page[0]]) + entry.page[1] + 1
            dot = next(block for block in layout.pages[number].blocks if getattr(block, "kind", "") == "dot")
            assert dot.rows[1].cells[0].text.startswith("Current vs.")
            assert dot.rows[2].cells[0].text == row.cells[3].text, entry.id


# ------------------------------------------------------------------------- the property


figures = st.decimals(min_value=Decimal(0), max_value=Decimal(999), places=1, allow_nan=False,
                      allow_infinity=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=figures, now=figures, polarity=st.sampled_from(["high", "low", "none"]),
       convention=st.sampled_from(list(DotConvention)))
def test_every_rendered_mark_agrees_with_the_figures_it_names(before: Decimal, now: Decimal, polarity: str,
                                                              convention: DotConvention) -> None:
    page = {"indicators": [{"description": "d", "polarity": polarity}],
            "columns": {"past": ["2015/16"], "year": "2016/17", "periods": ["Q1", "Q2", "Q3"]},
            "dot": {"basis": "past", "header": "DoT"},
            "rows": [{"values": {"2015/16": str(before), "Q3": str(now)}}]}
    style = cp.DEFAULT_STYLE
    import dataclasses

    style = dataclasses.replace(style, marks=dataclasses.replace(style.marks, convention=convention))
    layout = layout_report(page_report(copy.deepcopy(page)), assess_report(page_report(copy.deepcopy(page))), style)
    table = next(block for block in layout.pages[0].blocks if getattr(block, "kind", "") == "data")
    cell = table.rows[-1].cells[-1]
    difference = now - before
    moved = {1: "↑", -1: "↓", 0: "↔"}[(difference > 0) - (difference < 0)]
    good = None if polarity == "none" or difference == 0 else (difference > 0) == (polarity == "high")
    glyphs = cell.text.split(" ")
    if convention is DotConvention.BLACKPOOL:
        assert glyphs[0] == moved
        assert (glyphs[1] if len(glyphs) > 1 else None) == {True: "✓", False: "✗", None: None}[good]
    else:
        assert glyphs[0] == (moved if good is None else "↑" if good else "↓")
