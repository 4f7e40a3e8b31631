"""Large reports: long tables, long commentary, cells taller than a page, 2,000 pages.

Both formats must render them without error, and memory must grow no faster than the output.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import docx
import pytest

import committee_papers as cp

from .readback import read_docx, read_pdf

ROOT = Path(__file__).resolve().parents[2]
MAKE_REPORT = ROOT / "benchmarks" / "make_report.py"
COLUMNS = {"past": ["2013/14", "2014/15"], "year": "2015/16", "periods": ["Q1", "Q2", "Q3", "Q4"]}


def one_page(page: dict[str, Any]) -> cp.Report:
    indicators = [{"description": "Long content", "polarity": "high", "unit": "count"}]
    return cp.load({"appendix": "App Large", "sections": [
        {"portfolio": "PORTFOLIO", "pages": [{"indicators": indicators, **page}]}]})


def both(report: cp.Report) -> tuple[bytes, bytes]:
    word, pdf = io.BytesIO(), io.BytesIO()
    cp.render_docx(report, word)
    cp.render_pdf(report, pdf)
    return word.getvalue(), pdf.getvalue()


def numbers(pattern: str, texts: list[str] | tuple[str, ...]) -> list[int]:
    return [int(n) for text in texts for n in re.findall(pattern, text)]


def test_a_table_of_300_rows_renders_in_both_formats() -> None:
    rows = [{"label": f"Row {i}", "values": {"2014/15": i, "Q1": i + 1, "Q2": -i}, "target": i * 10}
            for i in range(300)]
    word, pdf = both(one_page({"columns": COLUMNS, "rows": rows,
                               "dot": {"basis": "target", "header": "DoT Against Target"}}))
    table = docx.Document(io.BytesIO(word)).tables[1]
    assert len(table.rows) == 2 + 300  # two header rows
    assert [table.rows[2 + i].cells[0].text for i in (0, 150, 299)] == ["Row 0", "Row 150", "Row 299"]
    pages = read_pdf(pdf, tables=False).pages
    assert len(pages) >= 5
    assert numbers(r"(?m)^Row (\d+) ", pages) == list(range(300))


def test_a_commentary_of_10000_words_renders_in_both_formats() -> None:
    words = " ".join(f"word{i}" for i in range(10_000))
    word, pdf = both(one_page({"commentary": words}))
    assert numbers(r"\bword(\d+)\b", read_docx(word).paragraphs) == list(range(10_000))
    pages = read_pdf(pdf, tables=False).pages
    assert len(pages) > 10
    assert numbers(r"\bword(\d+)\b", pages) == list(range(10_000))


PORTFOLIOS = ["CABINET SECRETARY (RESILIENT COMMUNITIES)", "ADULT SOCIAL CARE AND HEALTH",
              "CHILDREN'S SERVICES AND SCHOOLS", "TOURISM, ECONOMY AND RESOURCES",
              "HOUSING, PLANNING AND TRANSPORT", "PUBLIC HEALTH AND WELLBEING", "LEADER OF THE COUNCIL",
              "ENVIRONMENT, HIGHWAYS AND WASTE"]


def test_a_council_with_eight_portfolios_renders_in_both_formats() -> None:
    """Every portfolio name goes into the document's keywords and the committee into its subject:
    together well over 255 characters, a limit of Word's old property sets."""
    page = {"indicators": [{"description": "Reviews completed", "polarity": "high", "unit": "percent"}],
            "columns": COLUMNS, "target": "70%", "rows": [{"values": {"2014/15": 54.8, "Q1": 15.1}}],
            "commentary": "One paragraph."}
    report = cp.load({
        "appendix": "Appendix 5(b) - Exception Reports (Quarter 3 2016/2017)",
        "committee": "Tourism, Economy and Resources Scrutiny Committee and Audit Committee "
                     "(joint meeting with the Health and Wellbeing Board)",
        "period": "Q3 2016/17", "organisation": "Blackpool Council",
        "sections": [{"portfolio": name, "pages": [page]} for name in PORTFOLIOS]})
    word, pdf = both(report)
    headings = read_docx(word).paragraphs
    assert all(name in headings for name in PORTFOLIOS)
    body = "\n".join(read_pdf(pdf, tables=False).pages)
    assert all(name in body for name in PORTFOLIOS)


TALL = " ".join(f"w{i}" for i in range(2_500))  # taller than an A4 page in any column here
TALL_CELLS: dict[str, dict[str, Any]] = {
    "indicator description": {"indicators": [{"description": TALL, "polarity": "low"}]},
    "data row label": {"columns": COLUMNS, "rows": [
        {"label": TALL, "values": {"2014/15": 5, "Q1": 4}}, {"label": "Next", "values": {"Q1": 1}}]},
    "comparison text": {"columns": COLUMNS, "rows": [{"values": {"2014/15": 5, "Q1": 4}}],
                        "direction_of_travel": [{"label": "Quartile", "text": TALL},
                                                {"label": "Current vs. 14/15", "reference": {"period": "2014/15"}}]},
    "supplementary cell": {"supplementary": [{"header": [["School", "2014", "2015"]],
                                              "rows": [[TALL, "1%", "2%"], ["Next school", "3%", "4%"]]}]},
}


@pytest.mark.parametrize("kind", list(TALL_CELLS))
def test_a_cell_taller_than_a_page_renders_in_both_formats(kind: str) -> None:
    page = {"title": "Tall cell", "indicators": [{"description": "Tall cell", "polarity": "high"}],
            **TALL_CELLS[kind]}
    report = cp.load({"appendix": "App Large", "sections": [{"portfolio": "P", "pages": [page]}]})
    word, pdf = both(report)
    assert TALL in read_docx(word).cells
    pages = read_pdf(pdf, tables=False).pages
    assert len(pages) > 1, "the cell is taller than a page, so the page runs on"
    assert numbers(r"\bw(\d+)\b", pages) == list(range(2_500)), "every word, once, in order"


# ------------------------------------------------------------------- 2,000 pages

# Memory is read from /proc/self/status: VmHWM is the peak of this process's own memory since
# it started (ru_maxrss would start from the parent's size, inherited at fork).
MEASURE = textwrap.dedent("""
    import importlib.util, json, os, sys, time

    def status(key):
        with open("/proc/self/status") as lines:
            return next(int(line.split()[1]) for line in lines if line.startswith(key + ":"))

    spec = importlib.util.spec_from_file_location("make_report", sys.argv[1])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import committee_papers as cp
    pages, fmt, target = int(sys.argv[2]), sys.argv[3], sys.argv[4]
    importlib.import_module("committee_papers.render." + fmt)  # imported before the baseline
    report = cp.load(module.make_report(pages))
    assert report.page_count == pages
    baseline = status("VmRSS")
    try:  # start the peak afresh, so that it is the render's alone (Linux 4.0 and later)
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass
    started = time.perf_counter()
    (cp.render_docx if fmt == "docx" else cp.render_pdf)(report, target)
    seconds = time.perf_counter() - started
    peak = status("VmHWM")
    print(json.dumps({"baseline_kb": baseline, "peak_kb": peak, "seconds": seconds,
                      "bytes": os.path.getsize(target)}))
""")


def measure(pages: int, fmt: str, folder: Path) -> dict[str, float]:
    """Render ``make_report(pages)`` in a fresh process; return its memory, time and size."""
    target = folder / f"report-{pages}.{fmt}"
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(MAKE_REPORT), str(pages), fmt, str(target)],
        capture_output=True, text=True, timeout=3600, check=False, env=dict(os.environ))
    assert result.returncode == 0, f"{pages} pages as {fmt} failed:\n{result.stderr[-3000:]}"
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to read memory")
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_2000_pages_render_with_memory_growing_no_faster_than_the_output(
        fmt: str, tmp_path: Path) -> None:
    small, large = measure(500, fmt, tmp_path), measure(2000, fmt, tmp_path)
    grown_small = small["peak_kb"] - small["baseline_kb"]
    grown_large = large["peak_kb"] - large["baseline_kb"]
    per_byte_small, per_byte_large = grown_small / small["bytes"], grown_large / large["bytes"]
    assert per_byte_large <= 1.25 * per_byte_small, (
        f"memory grew faster than the output: {grown_small / 1024:.0f} MB for {small['bytes']} bytes "
        f"at 500 pages, {grown_large / 1024:.0f} MB for {large['bytes']} bytes at 2,000 "
        "(benchmarks/bench.py prints times and memory against their targets)")
    assert large["peak_kb"] < 1024 * 1024, "2,000 pages need less than 1 GB"
    assert large["bytes"] > 3 * small["bytes"], "the output holds every page"
