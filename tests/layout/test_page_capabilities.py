"""Pages from any council (issue 14): each capability written in YAML, read into the model,
assessed, and read back from both rendered files.

Expected values are worked out here by hand from the figures (the status rule: Green when the
target is met, Amber when missed by no more than the tolerance as a percentage of the target,
Red beyond), or are the words typed in the input.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pikepdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from hypothesis import HealthCheck, given, settings, strategies as st
from openxml_audit import OpenXmlValidator

import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.assess.rag import row_status
from committee_papers.layout import Heading, Table, layout_report
from committee_papers.loaders import LoadError
from committee_papers.model import DataRow, DataTable, Number, Period, Polarity, Rag, Target, TargetKind, Unit

from ..reliability.readback import libreoffice_convert, need, read_docx, read_pdf

ROOT = Path(__file__).resolve().parents[2]
YEAR = cp.FinancialYear(2024)
QUARTERS = tuple(Period.quarter(YEAR, q) for q in (1, 2, 3))


def report_of(page: dict[str, Any], period: str = "Q2 2024/25") -> cp.Report:
    return cp.load({"appendix": "App", "period": period, "sections": [{"portfolio": "P", "pages": [page]}]})


def page_of(**extra: Any) -> dict[str, Any]:
    page: dict[str, Any] = {"indicators": [{"description": "Rate of something", "polarity": "high",
                                            "unit": "percent"}],
                            "columns": {"year": "2024/25", "periods": ["Q1", "Q2"]},
                            "rows": [{"values": {"Q1": 50, "Q2": 60}}]}
    page.update(extra)
    return page


def both(report: cp.Report) -> tuple[Any, Any]:
    word, pdf = io.BytesIO(), io.BytesIO()
    cp.render_docx(report, word)
    cp.render_pdf(report, pdf)
    return read_docx(word.getvalue()), read_pdf(pdf.getvalue())


# ------------------------------------------------------------------ 1. polarity optional, worded


def test_polarity_is_optional_and_then_no_judgement_is_drawn() -> None:
    page = page_of(dot={"basis": "previous_period"})
    del page["indicators"][0]["polarity"]
    word, pdf = both(report_of(page))
    # 60 against 50: up; with no polarity there is no tick or cross
    assert "↑" in word.cells and not any("✓" in c or "✗" in c for c in word.cells)
    assert "n/a" in word.cells
    assert "↑" in pdf.everything and "✓" not in pdf.everything and "✗" not in pdf.everything


def test_polarity_wording_and_column_are_the_councils() -> None:
    page = page_of(indicator_table={"polarity_header": "Good is"})
    page["indicators"][0]["better"] = "Smaller is better"
    word, pdf = both(report_of(page))
    assert "Good is" in word.cells and "Smaller is better" in word.cells
    assert "Better to be?" not in word.cells
    assert "Smaller is better" in pdf.everything
    hidden = page_of(indicator_table={"show_polarity": False})
    word, _ = both(report_of(hidden))
    assert "Better to be?" not in word.cells and "High" not in word.cells


# ------------------------------------------------------------------------- 2. RAG status


def table_of(values: dict[str, str], target: Target | None, *, stated: Rag | None = None,
             tolerance: str = "5") -> tuple[DataTable, DataRow]:
    row = DataRow({k: Number(v, Unit.PERCENT) for k, v in values.items()}, target=target, status=stated)
    periods = (Period.past_year(cp.FinancialYear(2023)), *QUARTERS)
    return DataTable(periods, (row,), current="Q3", status_tolerance=Decimal(tolerance)), row


@pytest.mark.parametrize(("figure", "polarity", "target", "expected"), [
    ("91", Polarity.HIGH, "90", Rag.GREEN),   # met
    ("90", Polarity.HIGH, "90", Rag.GREEN),   # met exactly
    ("87", Polarity.HIGH, "90", Rag.AMBER),   # 3 short of 90: 3.3% of the target
    ("85.5", Polarity.HIGH, "90", Rag.AMBER),  # 4.5 short: exactly 5%
    ("85.4", Polarity.HIGH, "90", Rag.RED),   # 4.6 short: 5.1%
    ("10.4", Polarity.LOW, "10", Rag.AMBER),  # 0.4 over 10: 4%
    ("11", Polarity.LOW, "10", Rag.RED),      # 1 over: 10%
    ("9", Polarity.LOW, "10", Rag.GREEN),
    ("60", Polarity.NONE, "90", Rag.BLUE),    # no polarity: a miss can't be told from a hit
])
def test_status_against_a_figure_target(figure: str, polarity: Polarity, target: str, expected: Rag) -> None:
    table, row = table_of({"Q3": figure}, Target(TargetKind.VALUE, Number(target, Unit.PERCENT)))
    assert row_status(table, row, polarity).rag is expected


@pytest.mark.parametrize(("figure", "expected"), [("14", Rag.GREEN), ("14.5", Rag.AMBER), ("15", Rag.RED)])
def test_status_against_a_worded_target_uses_its_side(figure: str, expected: Rag) -> None:
    # "Decrease to 14%": met at 14 or less; 14.5 is 0.5 over, 3.6% of 14; 15 is 7.1%
    table, row = table_of({"Q3": figure}, Target.from_wording("Decrease to 14%", Unit.PERCENT))
    assert row_status(table, row, Polarity.HIGH).rag is expected  # the wording wins over polarity


@pytest.mark.parametrize(("figure", "expected"), [("51", Rag.GREEN), ("49", Rag.AMBER), ("40", Rag.RED)])
def test_status_against_a_rule_target_compares_with_last_year(figure: str, expected: Rag) -> None:
    # "Increase on previous year", last year 50: 49 is 2% short of it, 40 is 20%
    table, row = table_of({"2023/24": "50", "Q3": figure}, Target(TargetKind.INCREASE))
    assert row_status(table, row, Polarity.HIGH).rag is expected


def test_status_without_figure_or_target_and_stated() -> None:
    table, row = table_of({"Q2": "80"}, Target(TargetKind.VALUE, Number("90", Unit.PERCENT)))
    assert row_status(table, row, Polarity.HIGH).rag is Rag.GREY  # Q3, the period reported, is blank
    table, row = table_of({"Q3": "80"}, None)
    assert row_status(table, row, Polarity.HIGH).rag is Rag.BLUE
    table, row = table_of({"Q3": "80"}, Target(TargetKind.BASELINE))
    assert row_status(table, row, Polarity.HIGH).rag is Rag.BLUE
    # a stated status is shown as stated, even where the figures would say otherwise
    table, row = table_of({"Q3": "80"}, Target(TargetKind.VALUE, Number("90", Unit.PERCENT)), stated=Rag.GREEN)
    status = row_status(table, row, Polarity.HIGH)
    assert status.rag is Rag.GREEN and not status.computed


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.decimals(min_value=0, max_value=200, places=1), st.decimals(min_value=0, max_value=200, places=1),
       st.decimals(min_value=1, max_value=200, places=1), st.sampled_from([Polarity.HIGH, Polarity.LOW]))
def test_a_better_figure_never_has_a_worse_status(a: Decimal, b: Decimal, goal: Decimal, polarity: Polarity) -> None:
    target = Target(TargetKind.VALUE, Number(goal, Unit.PERCENT))
    rank = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}
    better, worse = (max(a, b), min(a, b)) if polarity is Polarity.HIGH else (min(a, b), max(a, b))
    good = row_status(*table_of({"Q3": str(better)}, target), polarity).rag
    bad = row_status(*table_of({"Q3": str(worse)}, target), polarity).rag
    assert rank[good] <= rank[bad]


def test_status_column_and_page_status_render_as_words_with_colour() -> None:
    page = {"indicators": [{"description": "Recycling rate", "polarity": "high", "unit": "percent"}],
            "blocks": [
                {"table": {"columns": {"year": "2024/25", "periods": ["Q1", "Q2"]}, "target": 50,
                           "status": {"header": "RAG", "tolerance": 10},
                           "rows": [{"values": {"Q1": 47, "Q2": 46}}]}},
                {"status": {"label": "Overall", "tolerance": 5}},
                {"status": {"stated": "green", "label": "Officer's view", "reason": "recovering"}},
            ]}
    report = report_of(page)
    word, pdf = both(report)
    # Q2 46 against 50: 4 short, 8% of the target: Amber within 10%, Red beyond 5%
    rag_column = word.cells.index("RAG")
    assert rag_column >= 0 and "Amber" in word.cells[rag_column:]
    assert "Overall" in word.cells and "Red" in word.cells
    assert "Officer's view" in word.cells and "Green" in word.cells and "recovering" in word.cells
    texts = [c for page_cells in pdf.cells for c in page_cells]
    assert {"Amber", "Red", "Green"} <= set(texts)
    fills = {cell.fill for block in layout_report(report, assess_report(report)).pages[0].blocks
             if isinstance(block, Table) for row in block.rows for cell in row.cells
             if cell.text in ("Amber", "Red", "Green")}
    assert fills == {cp.DEFAULT_STYLE.rag.amber_fill, cp.DEFAULT_STYLE.rag.red_fill,
                     cp.DEFAULT_STYLE.rag.green_fill}


# --------------------------------------------------------- 3. sub-headings and links in text


def test_commentary_questions_are_headings_in_order_and_links_are_kept() -> None:
    page = page_of(commentary=[
        {"heading": "What is the current performance?"}, "Sixty per cent.",
        {"heading": "Update – March 2024", "level": 2}, "Still sixty.",
        ["See ", {"text": "the data", "link": "https://data.example.gov.uk/x"}, "."],
    ])
    report = report_of(page)
    blocks = layout_report(report, assess_report(report)).pages[0].blocks
    headings = [(b.level, b.text) for b in blocks if isinstance(b, Heading)]
    # the portfolio (1), "Commentary:" (2), then the questions one and two levels below it
    assert headings == [(1, "P"), (2, "Commentary:"), (3, "What is the current performance?"),
                        (4, "Update – March 2024")]
    link = [s for b in blocks if hasattr(b, "spans") for s in b.spans if s.link]
    assert [(s.text, s.link) for s in link] == [("the data", "https://data.example.gov.uk/x")]


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "file:///etc/passwd", "https://a b", "ftp://x"])
def test_a_link_must_be_a_web_or_mail_address(bad: str) -> None:
    page = page_of(commentary=[[{"text": "here", "link": bad}]])
    with pytest.raises(LoadError, match=r"commentary\[0\]\[0\]\.link"):
        report_of(page)


# ------------------------------------------------------------- 4. words in figure cells


@pytest.mark.parametrize("token", ["N/A", "n/a", "-", "–", "TBC", ".."])
def test_known_symbols_are_stated_cells_never_computed(token: str) -> None:
    page = page_of(dot={"basis": "previous_period"}, status=True)
    page["rows"][0]["values"]["Q2"] = token
    report = report_of(page)
    row = report.sections[0].pages[0].table.rows[0]
    assert row.stated["Q2"].text == token and "Q2" not in row.values
    word, pdf = both(report)
    assert token in word.cells
    assert token in {c for page_cells in pdf.cells for c in page_cells}
    marks = assess_report(report).pages[0][0].tables[0]
    assert marks.rows[0][0].assessment is None  # Q2, the period reported, holds words: no mark
    assert marks.statuses[0].rag is Rag.GREY


def test_words_notes_and_markers_print_as_typed() -> None:
    page = page_of(columns={"past": ["2022/23"], "year": "2024/25", "periods": ["Q1", "Q2"]})
    page["rows"][0]["values"] = {
        "2022/23": {"text": "Not available until 2025", "reason": "published each spring"},
        "Q1": {"figure": 512, "note": "Q3 time lag"},
        "Q2": {"figure": "41%", "marker": "*"},
    }
    word, pdf = both(report_of(page))
    assert {"Not available until 2025", "512% (Q3 time lag)", "41%*"} <= set(word.cells)
    cells = {c for page_cells in pdf.cells for c in page_cells}
    assert {"41%*", "512% (Q3 time lag)"} <= cells
    assert "published each spring" in " ".join(word.alt_texts)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=2, max_size=12))
def test_other_words_in_a_figure_cell_are_refused_with_the_forms_to_write(word: str) -> None:
    from hypothesis import assume

    from committee_papers.model.tables import STATED_TOKENS

    assume(word not in STATED_TOKENS)  # "tbc", "TBC" and "n/a" are kept as typed, by design
    page = page_of()
    page["rows"][0]["values"]["Q2"] = word
    with pytest.raises(LoadError) as caught:
        report_of(page)
    message = str(caught.value)
    assert "rows[0].values.Q2" in message and "{text: ..., reason: ...}" in message


@pytest.mark.parametrize("typed", ["41%*", "512 (Q3 time lag)", "Annual KPI"])
def test_a_figure_with_words_typed_in_one_cell_is_not_guessed(typed: str) -> None:
    page = page_of()
    page["rows"][0]["values"]["Q2"] = typed
    with pytest.raises(LoadError, match=r"rows\[0\]\.values\.Q2"):
        report_of(page)


# ---------------------------------------------------------------- 5. blocks in any order


def test_blocks_print_in_the_order_given_with_labels_renamed_or_dropped() -> None:
    page = {"indicators": [{"description": "Indicator", "polarity": "low"}], "blocks": [
        {"commentary": {"label": "Summary", "text": "First words."}},
        {"table": {"columns": {"year": "2024/25", "periods": ["Q1"]}, "rows": [{"values": {"Q1": 3}}]}},
        {"notes": {"label": "", "text": "A note without a label."}},
        {"indicator_table": True},
    ]}
    report = report_of(page)
    blocks = layout_report(report, assess_report(report)).pages[0].blocks
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Heading", "Heading", "TextBlock", "Table", "TextBlock", "Table"]
    assert blocks[1].text == "Summary"
    assert "Notes" not in read_docx(io_docx(report)).everything


def test_blocks_and_parts_together_are_refused() -> None:
    page = {"indicators": [{"description": "Indicator"}], "commentary": "x", "blocks": [{"key": True}]}
    with pytest.raises(LoadError, match="not both"):
        report_of(page)


def test_a_page_without_a_title_shows_none() -> None:
    report = report_of(page_of())
    headings = [b.text for b in layout_report(report, assess_report(report)).pages[0].blocks
                if isinstance(b, Heading)]
    assert "Rate of something" not in headings


# ------------------------------------------------------- 7. the indicator as the row heading


def test_indicators_head_the_rows_of_one_table_as_row_headers() -> None:
    page = {"indicators": [{"id": "A1", "description": "First measure", "polarity": "high"},
                           {"id": "B2", "description": "Second measure", "polarity": "low"}],
            "blocks": [{"table": {"indicator_labels": True, "label_header": "Indicator",
                                  "columns": {"year": "2024/25", "periods": ["Q1", "Q2"]},
                                  "rows": [{"values": {"Q1": 1, "Q2": 2}}, {"values": {"Q1": 3, "Q2": 4}}]}}]}
    report = report_of(page)
    word, pdf = both(report)
    assert "A1 First measure" in word.cells and "B2 Second measure" in word.cells
    assert "Indicator Description" not in word.cells  # no indicator table: the names print once
    assert "".join(pdf.pages).count("First measure") == 1
    with pikepdf.open(io.BytesIO(pdf_bytes(report))) as document:
        headers = [str(node.get("/A", {}).get("/Scope", "")) for node in struct_elements(document, "/TH")]
    assert headers.count("/Row") == 2


# --------------------------------------------------------------- 8. targets per period


def test_targets_per_period_print_in_a_target_row_and_mark_their_period() -> None:
    page = {"indicators": [{"description": "Collected", "polarity": "high", "unit": "percent"}],
            "columns": {"year": "2024/25", "periods": ["Q1", "Q2", "YTD"], "current": "Q2"},
            "dot": {"basis": "target"}, "status": {"tolerance": 1},
            "rows": [{"label": "Actual", "values": {"Q1": 28.9, "Q2": 55.8, "YTD": 84.7},
                      "targets": {"Q1": 29, "Q2": 56.5, "YTD": 85.5}, "target": 96}]}
    report = report_of(page)
    word, _pdf = both(report)
    assert {"29%", "56.5%", "85.5%"} <= set(word.cells)
    marks = assess_report(report).pages[0][0].tables[0]
    # Q2 55.8 against its own 56.5 (not the year's 96): below, worse; 0.7 short is 1.24%: Red
    assert marks.rows[0][0].reference == Number("56.5", Unit.PERCENT)
    assert marks.statuses[0].rag is Rag.RED


# ---------------------------------------------------- 9. reference and responsible officer


def test_reference_and_officer_columns() -> None:
    page = page_of(indicator_table={"show_id": True, "show_officer": True})
    page["indicators"][0].update({"id": "PKG 002", "officer": "Jo Bloggs", "service": "Waste"})
    word, _ = both(report_of(page))
    assert {"Ref", "PKG 002", "Responsible officer", "Jo Bloggs, Waste"} <= set(word.cells)


# ----------------------------------------------------------------------------- 10. units


def test_custom_units_and_ungrouped_rates() -> None:
    page = page_of()
    page["indicators"][0].update({"unit": "number", "prefix": "£", "suffix": "k"})
    page["rows"][0]["values"] = {"Q1": 1250, "Q2": "12.5"}
    word, _ = both(report_of(page))
    assert {"£1,250k", "£12.5k"} <= set(word.cells)
    # Blackpool's house style writes rates without a thousands separator, as published
    q3 = cp.load(ROOT / "samples" / "blackpool-q3-2016-17.yaml")
    cells = read_docx(io_docx(q3)).cells
    assert "3,031 (1056.6)" in cells and "3,039 (1059.4)" in cells
    grouped = cp.HouseStyle(ungrouped_units=())
    word_bytes = io.BytesIO()
    cp.render_docx(q3, word_bytes, style=grouped)
    assert "3,031 (1,056.6)" in read_docx(word_bytes.getvalue()).cells


# --------------------------------------------------------------- the five new samples


SAMPLES = sorted((ROOT / "samples").glob("[a-e]-*.yaml"))


def test_there_are_five_new_samples() -> None:
    assert [p.name[0] for p in SAMPLES] == ["a", "b", "c", "d", "e"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_each_new_sample_passes_check(path: Path) -> None:
    report = cp.load(path)
    assert [f for f in cp.check(report)] == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_each_new_sample_opens_in_libreoffice_and_is_valid_ooxml(path: Path, tmp_path: Path) -> None:
    report = cp.load(path)
    word = io_docx(report)
    target = tmp_path / "sample.docx"
    target.write_bytes(word)
    result = OpenXmlValidator().validate(str(target))
    assert (result.error_count, result.warning_count) == (0, 0), result.errors
    converted = libreoffice_convert(need("soffice"), word, tmp_path / "lo", path.stem)
    pdf = read_pdf(pdf_bytes(report))
    assert len(converted.pages) == len(pdf.pages) == report.page_count
    text = " ".join(page.extract_text() for page in converted.pages)
    first = report.sections[0].pages[0].indicators[0].description
    assert " ".join(first.split()[:3]) in " ".join(text.split())


def test_the_welsh_sample_is_in_welsh() -> None:
    report = cp.load(ROOT / "samples" / "e-welsh.yaml")
    word, pdf = both(report)
    assert report.language == "cy"
    assert {"Gwell os yw'n?", "Gorau'n uchel", "Targed", "Statws"} <= set(word.cells)
    assert "Sylwebaeth:" in word.everything and "Sylwebaeth:" in pdf.everything
    with pikepdf.open(io.BytesIO(pdf_bytes(report))) as document:
        assert str(document.Root.Lang) == "cy"


# ------------------------------------------------------------------------------ helpers


def io_docx(report: cp.Report) -> bytes:
    word = io.BytesIO()
    cp.render_docx(report, word)
    return word.getvalue()


def pdf_bytes(report: cp.Report) -> bytes:
    pdf = io.BytesIO()
    cp.render_pdf(report, pdf)
    return pdf.getvalue()


def struct_elements(document: pikepdf.Pdf, kind: str) -> list[pikepdf.Dictionary]:
    found, stack = [], [document.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == pikepdf.Name(kind):
                found.append(node)
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(kids)
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    return found




# ------------------------------------------------------------ 11. supplementary tables


def supplementary_page(table: dict[str, Any]) -> dict[str, Any]:
    return page_of(supplementary=[table])


SCHOOLS = {"widths": [50, 25, 25], "align": ["left", "right", "right"],
           "header": [["School", "2023", "2024"]],
           "rows": [{"style": "header", "cells": [{"text": "Primary", "colspan": 3}]},
                    [{"text": "St Mary's", "rowspan": 2}, "41%", "44%"],
                    ["(revised)", "(revised)"],
                    {"style": "header", "cells": [{"text": "Secondary", "colspan": 3}]},
                    ["Hillside", "52%", "55%"]]}


def test_supplementary_tables_take_widths_alignment_mid_headers_and_row_spans() -> None:
    report = report_of(supplementary_page(SCHOOLS))
    table = report.sections[0].pages[0].supplementary[0]
    assert table.widths == (50.0, 25.0, 25.0) and table.width == 3
    laid = next(b for b in layout_report(report, assess_report(report)).pages[0].blocks
            if isinstance(b, Table) and b.kind == "supplementary")
    assert laid.widths == (0.5, 0.25, 0.25)
    word = io_docx(report)
    document = docx.Document(io.BytesIO(word))  # the row span is a vertical merge
    grid = document.tables[-1]
    assert grid.cell(2, 0).text == grid.cell(3, 0).text == "St Mary's"  # merged down two rows
    assert grid.cell(2, 0)._tc is grid.cell(3, 0)._tc
    assert grid.cell(2, 1).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert grid.cell(2, 0).paragraphs[0].alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)
    with pikepdf.open(io.BytesIO(pdf_bytes(report))) as document_pdf:
        spans = [str(node.get("/A", {}).get("/RowSpan", "")) for node in struct_elements(document_pdf, "/TH")]
        column_headers = [node for node in struct_elements(document_pdf, "/TH")
                          if str(node.get("/A", {}).get("/Scope", "")) == "/Column"]
    assert "2" in spans  # St Mary's heads two rows
    assert len(column_headers) >= 5  # School, 2023, 2024 and the two header rows part-way down


@pytest.mark.parametrize(("rows", "message"), [
    ([["a", "b"], ["c"]], "same columns"),
    ([[{"text": "a", "rowspan": 3}, "b"], ["c"]], "past the end"),
    ([[{"text": "a", "rowspan": 2}, "b"], ["c", "d"]], "same columns"),
])
def test_supplementary_rows_that_do_not_fit_are_refused(rows: list[Any], message: str) -> None:
    with pytest.raises(LoadError, match=message):
        report_of(supplementary_page({"rows": rows}))


def test_supplementary_widths_and_alignment_must_match_the_columns() -> None:
    with pytest.raises(LoadError, match="2 column widths"):
        report_of(supplementary_page({"rows": [["a", "b"]], "widths": [1, 2, 3]}))
    with pytest.raises(LoadError, match="widths"):
        report_of(supplementary_page({"rows": [["a", "b"]], "widths": [1, 0]}))
    with pytest.raises(LoadError, match=r"align\[1\]"):
        report_of(supplementary_page({"rows": [["a", "b"]], "align": ["left", "middle"]}))


@pytest.mark.parametrize("tolerance", [150, -1, "lots"])
def test_a_tolerance_outside_0_to_100_is_a_located_error(tolerance: object) -> None:
    with pytest.raises(LoadError, match=r"pages\[0\]\.status\.tolerance"):
        report_of(page_of(status={"tolerance": tolerance}))
    with pytest.raises(LoadError, match=r"blocks\[0\]\.status\.tolerance"):
        report_of({"indicators": [{"description": "d"}], "blocks": [{"status": {"tolerance": tolerance}}]})


# ------------------------------------------- found by trying to break it (each a wrong mark)


def two_indicator_page(**extra: Any) -> dict[str, Any]:
    page: dict[str, Any] = {
        "indicators": [{"id": "B1", "description": "First", "polarity": "high"},
                       {"id": "B2", "description": "Second", "polarity": "low"}],
        "columns": {"past": ["2023/24"], "year": "2024/25", "periods": ["Q1", "Q2"]},
        "rows": [{"label": "One", "indicator": "B1", "values": {"2023/24": 50, "Q2": 45}},
                 {"label": "Two", "indicator": "B2", "values": {"2023/24": 50, "Q2": 60}}]}
    page.update(extra)
    return page


def test_a_comparison_naming_an_indicator_compares_that_indicators_figures() -> None:
    page = two_indicator_page(direction_of_travel=[
        {"label": "B2 vs last year", "reference": {"period": "2023/24"}, "indicator": "B2"}])
    report = report_of(page)
    # B2 rose from 50 to 60 and lower is better: up, worse (not B1's 45 against 50)
    assert assess_report(report).pages[0][0].dot_tables[0][0].words == "Increased – worse"
    mixed = two_indicator_page(direction_of_travel=[
        {"label": "x", "reference": {"period": "2023/24"}, "row": 1, "indicator": "B1"}])
    with pytest.raises(LoadError, match="another indicator"):
        report_of(mixed)


def test_a_page_status_takes_its_tables_tolerance() -> None:
    page = {"indicators": [{"description": "Rate", "polarity": "high"}], "blocks": [
        {"table": {"columns": {"year": "2024/25", "periods": ["Q1", "Q2"]}, "target": 50,
                   "status": {"tolerance": 20}, "rows": [{"values": {"Q2": 45}}]}},
        {"status": True}]}
    marks = assess_report(report_of(page)).pages[0][0]
    # 45 is 5 short of 50: 10% of the target, within the table's 20%: Amber in both places
    assert marks.tables[0].statuses[0].rag is marks.statuses[0].rag is Rag.AMBER


def test_a_rule_target_never_compares_with_an_older_year() -> None:
    page = {"indicators": [{"description": "Rate", "polarity": "high"}],
            "columns": {"past": ["2022/23"], "year": "2024/25", "periods": ["Q1", "Q2"]},
            "target": "Increase on previous year", "dot": {"basis": "target"}, "status": True,
            "rows": [{"values": {"2022/23": 40, "Q2": 45}}]}
    marks = assess_report(report_of(page)).pages[0][0].tables[0]
    assert marks.rows[0][0].assessment is None and "previous year" in marks.rows[0][0].reason
    assert marks.statuses[0].rag is Rag.BLUE
    page["columns"]["past"] = ["2022/23", "2023/24"]
    page["rows"][0]["values"]["2023/24"] = 44  # 45 against the previous year's 44: met
    marks = assess_report(report_of(page)).pages[0][0].tables[0]
    assert marks.statuses[0].rag is Rag.GREEN and marks.rows[0][0].assessment is not None


@pytest.mark.parametrize(("indicator", "value", "message"), [
    ({"unit": "money", "prefix": "£"}, 300, "writes its own symbol"),
    ({"unit": "percent", "suffix": " pts"}, 30, "writes its own symbol"),
    ({"unit": "number", "prefix": "£", "suffix": "m"}, "£2.25", "without % or £"),
    ({"unit": "percent"}, "2,774 (955.6)", "count with its rate"),
    ({"unit": "money"}, [41, 2], "count with its rate"),
])
def test_a_unit_written_twice_or_a_pair_in_a_percent_row_is_refused(indicator: dict[str, Any], value: Any,
                                                                     message: str) -> None:
    page = page_of()
    page["indicators"][0].update(indicator)
    page["rows"][0]["values"]["Q2"] = value
    with pytest.raises(LoadError, match=message):
        report_of(page)


def test_a_worded_target_in_another_unit_is_refused() -> None:
    page = page_of(target="Decrease to 14%")
    page["indicators"][0]["unit"] = "count"
    with pytest.raises(LoadError, match="written as percent but the indicator is count"):
        report_of(page)


def test_a_stated_status_the_figures_contradict_is_warned_and_data_only_is_not_a_status() -> None:
    page = page_of(target=100, status=True)
    page["rows"][0].update({"status": "green", "values": {"Q1": 10, "Q2": 20}})
    findings = [f for f in cp.check(report_of(page)) if f.code == "status-contradicts"]
    assert len(findings) == 1 and "Green" in findings[0].message and "Red" in findings[0].message
    page["rows"][0]["status"] = "data only"  # would print "No target": not what was typed
    with pytest.raises(LoadError, match="status"):
        report_of(page)


def test_row_labels_keep_the_indicator_names_and_unnamed_pages_are_warned() -> None:
    page = two_indicator_page(blocks=None)
    table = {key: page.pop(key) for key in ("columns", "rows")}
    page.pop("blocks")
    page["blocks"] = [{"table": {**table, "indicator_labels": True}}, {"commentary": "Words."}]
    word = read_docx(io_docx(report_of(page)))
    assert {"B1 First – One", "B2 Second – Two"} <= set(word.cells)
    unnamed = {"indicators": [{"description": "Hidden"}], "blocks": [{"commentary": "Only words."}]}
    assert [f.code for f in cp.check(report_of(unnamed))] == ["no-indicator-names"]
