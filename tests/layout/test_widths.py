"""Tables hold under pressure: read back from the PDF's character positions (pdfplumber).

Generated pages (1-17 period columns, count-with-rate pairs, long labels, 1-40 rows) are drawn
to PDF; the checks use pdfplumber's own character widths, not the layout's metric code:
no figure and no header word is split across lines, no character crosses a column border, and
every column is at least as wide as its widest figure plus the least cell padding the house
style allows. Made equal, the widths fail these checks (a 17-column page splits ``(1,000.4)``);
without the shrink step, the page that fits upright only when set smaller turns to landscape.
"""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import committee_papers as cp
from committee_papers.errors import TableTooWide
from committee_papers.style import DEFAULT_STYLE

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pressure import A4, MONTHS, PAST, page_of, report_of


def pair(count: int, rate: Decimal) -> str:
    return f"{count:,} ({rate})"  # rates are printed without thousands separators (the house style)


@st.composite
def pages(draw: st.DrawFn) -> dict[str, Any]:
    past = PAST[5 - draw(st.integers(0, 5)):]
    periods = MONTHS[:draw(st.integers(1, 12))]
    # each column's figures are pairs, or plain counts of its own magnitude (1 to 12 digits)
    digits = {p: draw(st.sampled_from([0, 1, 3, 12])) for p in [*past, *periods]}
    rows = []
    for _ in range(draw(st.integers(1, 40))):
        values = {p: pair(draw(st.integers(0, 99_999)), Decimal(draw(st.integers(0, 99_999))) / 10)
                  if not digits[p] else f"{draw(st.integers(10 ** (digits[p] - 1), 10 ** digits[p] - 1)):,}"
                  for p in [*past, *periods]}
        label = draw(st.sampled_from(["No. (Rate)", "Number of referrals to children's social care per 10,000",
                                      "Rate"]))
        rows.append({"label": label, "values": values})
    return page_of(past, periods, rows, "Referrals to social care " * draw(st.integers(1, 4)))


def pdf_pages(report: cp.Report, style: cp.HouseStyle = DEFAULT_STYLE) -> list[Any]:
    """Return each page's words, edges and size, read back with pdfplumber."""
    out = io.BytesIO()
    cp.render_pdf(report, out, style=style)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        return [(page.extract_words(x_tolerance=1.5), page.edges, (round(page.width), round(page.height)))
                for page in pdf.pages]


def _figures(page: dict[str, Any]) -> set[str]:
    return {half for row in page["rows"] for value in row["values"].values() for half in value.split()}


def _borders(edges: list[dict[str, Any]], word: dict[str, Any]) -> list[float]:
    """Return the x of the vertical cell borders beside ``word``'s line (its own table's)."""
    return sorted({round(e["x0"], 2) for e in edges if e["orientation"] == "v"
                   and e["top"] <= word["top"] + 0.5 and e["bottom"] >= word["bottom"] - 0.5})


def check(page: dict[str, Any], style: cp.HouseStyle = DEFAULT_STYLE) -> list[tuple[int, int]]:
    """Check the page's figures and header words in its PDF; return the pages' sizes."""
    figures = _figures(page)
    headers = {*page["columns"]["past"], *page["columns"]["periods"], "2024/25"}
    labels = {w for row in page["rows"] for w in row["label"].split()}
    side = DEFAULT_STYLE.table_fit.min_cell_side  # the least padding a table may be set with
    found: set[str] = set()
    sizes = []
    for words, edges, size in pdf_pages(report_of(page), style):
        sizes.append(size)
        found |= {w["text"] for w in words}
        for word in words:
            if word["text"] not in figures | labels | headers:
                continue
            xs = _borders(edges, word)
            if not xs:  # not in a table (the footer's page number)
                continue
            inside = [x for x in xs if word["x0"] - 0.01 < x < word["x1"] + 0.01]
            assert not inside, f"{word['text']!r} crosses a cell border at {inside}"
            if word["text"] in figures:  # its column holds it with its padding
                left = max((x for x in xs if x <= word["x0"]), default=None)
                right = min((x for x in xs if x >= word["x1"]), default=None)
                assert left is not None and right is not None, word
                assert right - left >= word["x1"] - word["x0"] + 2 * side - 0.5, word["text"]
    split = (figures | headers) - found
    assert not split, f"figures or header words split across lines: {sorted(split)[:5]}"
    return sizes


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(), st.sampled_from([8, 9, 10, 11, 12]))
def test_figures_and_header_words_stay_whole_and_inside_their_columns(page: dict[str, Any], size: int) -> None:
    check(page, cp.HouseStyle(table_size=size))  # every page fits: set smaller, turned, or split; none is refused


def test_a_column_of_wide_figures_among_narrow_ones_is_as_wide_as_they_need() -> None:
    """``999,999,999,999`` is 15 characters, 7.78 em: 78 pt at 10 pt, more than the 482 / 13 =
    37 pt each column would have if the thirteen were equal; the other columns hold ``7``."""
    rows = [{"label": "No.", "values": {**{p: "7" for p in MONTHS}, "2023/24": "999,999,999,999"}}]
    check(page_of(["2023/24"], MONTHS, rows))


def test_the_twelve_month_pairs_page_turns_to_landscape_with_every_figure_whole() -> None:
    """Two past years and twelve months of pairs need about 670 pt at 10 pt, and still about
    560 pt at 8 pt: A4 upright leaves 482 pt between 20 mm margins, on its side 736 pt."""
    rows = [{"label": "No. (Rate)", "values": {p: "2,912 (1000.4)" for p in [*PAST[3:], *MONTHS]}}]
    sizes = check(page_of(PAST[3:], MONTHS, rows, target="Increase on previous year"))
    assert sizes == [A4[::-1]]


def test_a_table_that_fits_when_set_smaller_stays_upright() -> None:
    """``(1000.4)`` is 3.724 em in Liberation Sans (two brackets of 0.333, five digits of 0.556,
    a point of 0.278). Twelve columns of it need 12 x (37.24 + 2 x 4.25 + 1) = 561 pt at 10 pt,
    more than the 482 pt upright; with 2 pt padding still 12 x 42.24 = 507 pt; at 9 pt
    12 x (33.5 + 5) = 462 pt: it fits, so the page stays upright (without the shrink step it
    would turn)."""
    rows = [{"label": "No. (Rate)", "values": {p: "2,912 (1000.4)" for p in MONTHS}}]
    page = page_of([], MONTHS, rows)
    out = io.BytesIO()
    cp.render_pdf(report_of(page), out)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        (only,) = pdf.pages
        assert (round(only.width), round(only.height)) == A4
        sizes = {round(c["size"], 1) for c in only.chars if c["text"] in "()"}  # only the pairs have brackets
        assert max(sizes) < 10, sizes  # set smaller than the house style's 10 pt
        assert min(sizes) >= DEFAULT_STYLE.table_fit.min_size
    check(page)


def test_thirty_weeks_split_into_groups_repeating_the_row_headings() -> None:
    weeks = [f"W{n}" for n in range(1, 31)]
    rows = [{"label": "No. (Rate)", "values": {w: "12,345 (1234.5)" for w in weeks}}]
    page = page_of([], weeks, rows)
    sizes = check(page)
    assert sizes == [A4[::-1]]
    words, _, _ = pdf_pages(report_of(page))[0]
    texts = [w["text"] for w in words]
    assert texts.count("No.") == 2 and texts.count("2024/25") == 2  # each group has the row heading and the year
    assert texts.index("W15") < texts.index("W16")
    first_group = [w for w in words if w["text"] in {"W1", "W15"}]
    second = [w for w in words if w["text"] == "W16"]
    assert second[0]["top"] > max(w["bottom"] for w in first_group)  # the second group is below the first


def test_five_hundred_periods_are_refused_naming_the_page_and_what_to_change() -> None:
    periods = [f"P{n}" for n in range(500)]
    page = {"title": "Too wide", "indicators": [{"description": "Too wide", "polarity": "low", "unit": "count"}],
            "columns": {"year": "2024/25", "periods": periods},
            "rows": [{"values": {p: 1 for p in periods}}]}
    with pytest.raises(TableTooWide, match=r"'Too wide'.*in up to 3 parts, on a landscape page.*fewer columns"):
        cp.render_pdf(report_of(page), io.BytesIO())


def test_the_cli_refuses_a_table_too_wide_with_exit_1_and_no_file(tmp_path: Any, capsys: Any) -> None:
    import json

    from committee_papers.cli import main

    periods = [f"P{n}" for n in range(500)]
    page = {"title": "Too wide", "indicators": [{"description": "Too wide", "polarity": "low", "unit": "count"}],
            "columns": {"year": "2024/25", "periods": periods}, "rows": [{"values": {p: 1 for p in periods}}]}
    source = tmp_path / "wide.json"
    source.write_text(json.dumps({"appendix": "App", "period": "Q3 2024/25",
                                  "sections": [{"portfolio": "P", "pages": [page]}]}))
    out = tmp_path / "out"
    assert main(["render", str(source), "-o", str(out), "--format", "both"]) == 1
    err = capsys.readouterr().err
    assert "Too wide" in err and "Traceback" not in err
    assert f"{source}: sections[0].pages[0]: the figures table" in err  # the file and the place in it
    assert main(["check", str(source)]) == 1  # check says what render would refuse
    err = capsys.readouterr().err
    assert f"error: {source}: sections[0].pages[0]: the figures table" in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_a_house_style_without_landscape_splits_upright() -> None:
    style = cp.HouseStyle(table_fit=cp.TableFit(landscape=False))
    rows = [{"label": "No. (Rate)", "values": {p: "2,912 (1000.4)" for p in [*PAST[3:], *MONTHS]}}]
    out = io.BytesIO()
    cp.render_pdf(report_of(page_of(PAST[3:], MONTHS, rows)), out, style=style)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        assert all((round(p.width), round(p.height)) == A4 for p in pdf.pages)
        words = [w["text"] for p in pdf.pages for w in p.extract_words(x_tolerance=1.5)]
    assert words.count("No.") == 2 and words.count("2,912") == 14 and words.count("(1000.4)") == 14


def test_a_house_style_can_keep_each_pair_on_one_line() -> None:
    """Five past years and two quarters of pairs wrap at their space with the house style's
    defaults (each pair needs 65 pt on one line, and 7 x 65 pt with the labels is more than the
    482 pt upright); with ``pairs_break=False`` each pair is on one line (set smaller)."""
    periods = [*PAST, "Q1", "Q2"]
    rows = [{"label": "No. (Rate)", "values": dict.fromkeys(periods, "2,774 (955.6)")}]
    page = page_of(PAST, ["Q1", "Q2"], rows)
    style = cp.HouseStyle(table_fit=cp.TableFit(pairs_break=False))
    for words, _, _ in pdf_pages(report_of(page), style):
        counts = [w for w in words if w["text"] == "2,774"]
        rates = [w for w in words if w["text"] == "(955.6)"]
        assert len(counts) == len(rates) == 7
        by_x = sorted(counts, key=lambda w: w["x0"]), sorted(rates, key=lambda w: w["x0"])
        for count, rate in zip(*by_x, strict=True):
            assert abs(count["top"] - rate["top"]) < 1 and rate["x0"] > count["x1"]  # same line, rate after


def _supplementary(columns: int, value: str, widths: list[int] | None = None) -> dict[str, Any]:
    page = page_of([], MONTHS[:2], [{"label": "No.", "values": {"Apr": "12", "May": "14"}}], title="Schools")
    table: dict[str, Any] = {"title": "By school", "header": [["School", *(f"M{n}" for n in range(1, columns))]],
                             "rows": [[f"School {r}", *[value] * (columns - 1)] for r in range(3)]}
    if widths is not None:
        table["widths"] = widths
    page["supplementary"] = [table]
    return page


def test_a_wide_supplementary_table_keeps_its_figures_whole() -> None:
    """Fifteen columns of ``1,234,567`` and ``(99.9%)`` cannot keep their figures whole upright
    in the default widths (0.6 x 482 / 14 = 21 pt a column, and ``1,234,567`` is 42 pt at
    10 pt): the table is fitted like a figures table, here on a landscape page."""
    page = _supplementary(15, "1,234,567 (99.9%)")
    pages = pdf_pages(report_of(page))
    words = {w["text"] for found, _, _ in pages for w in found}
    assert {"1,234,567", "(99.9%)"} <= words  # never broken
    assert pages[0][2] == A4[::-1]


def test_given_widths_that_hold_their_figures_are_kept() -> None:
    """Widths of 2 : 1 : 1 give the figure columns 120 pt each, room for ``12.5%``: kept as
    given, so the first column's border is at half the table (241 pt from the left margin)."""
    page = _supplementary(3, "12.5%", widths=[2, 1, 1])
    out = io.BytesIO()
    cp.render_pdf(report_of(page), out)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        first = pdf.pages[0]
        school = next(w for w in first.extract_words() if w["text"] == "School")
        borders = sorted({round(e["x0"]) for e in first.edges if e["orientation"] == "v"
                          and e["top"] <= school["top"] <= e["bottom"]})
    left = borders[0]
    assert round(borders[1] - left) == round(DEFAULT_STYLE.page_setup.text_width / 2)


@pytest.mark.parametrize("limits", [{"min_size": float("inf")}, {"min_size": float("nan")}, {"min_size": 2},
                                    {"min_cell_side": -1}, {"max_groups": 0}, {"max_groups": 1000}])
def test_a_table_fit_that_cannot_hold_is_refused(limits: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="least size is 4 to 72 pt"):
        cp.TableFit(**limits)  # type: ignore[arg-type]


def _titled_table_after(sentences: int) -> cp.Report:
    sentence = "Officers have worked with partners to reduce waiting times across the borough this quarter. "
    page = page_of([], MONTHS[:3], [{"label": "No.", "values": {"Apr": "1", "May": "2", "Jun": "3"}}],
                   title="Waiting times")
    page["blocks"] = [{"table": {"columns": page.pop("columns"), "rows": page.pop("rows")}},
                      {"commentary": [sentence * sentences]},
                      {"supplementary": {"title": "Results by school", "header": [["School", "2024/25"]],
                                         "rows": [[f"School {n}", "45%"] for n in range(4)]}}]
    return report_of(page)


def test_a_tables_title_is_never_left_alone_at_the_foot_of_a_page() -> None:
    """Whatever the length of the commentary before it, the title of a supplementary table is
    on the page where its table starts, in the PDF; in Word it keeps with the next paragraph."""
    import docx
    from docx.oxml.ns import qn

    for sentences in range(30, 64, 2):  # from a short page to the title at the foot of the first
        out = io.BytesIO()
        report = _titled_table_after(sentences)
        cp.render_pdf(report, out)
        with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
            for page in pdf.pages:
                text = page.extract_text()
                if "Results by school" in text:
                    assert "School 0" in text, f"{sentences} sentences: the title is alone on its page"
    word = io.BytesIO()
    cp.render_docx(report, word)
    (title,) = [p for p in docx.Document(word).paragraphs if p.text == "Results by school"]
    assert title._p.pPr.find(qn("w:keepNext")) is not None
