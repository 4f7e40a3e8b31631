"""Benchmark committee_papers as a user runs it: whole processes, against LibreOffice.

    python benchmarks/bench.py            # N = 10, 100, 1000
    python benchmarks/bench.py --large    # and 5000
    python benchmarks/bench.py --runs 3 --sizes 10 100

For each N it times, as separate processes, ``committee-papers render --format docx``,
``--format pdf``, both, ``committee-papers pack`` on a workbook of N exceptions (with its trend
charts, as by default, and with ``--no-charts``), and
LibreOffice converting our own .docx of the same N pages (the alternative a user has). Each is
run once to warm up, then ``--runs`` times; the table shows the median and min–max, pages per
second and peak RSS. It also times ``import committee_papers`` and ``committee-papers --help``.
The table is printed and written with the raw figures to ``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
CLI = str(BIN / "committee-papers")


@dataclass
class Result:
    """The timings of one command at one size."""

    name: str
    pages: int
    seconds: list[float]
    peak_mb: float
    cpu: list[float] = field(default_factory=list)  # user + system seconds of each run

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.median if self.median else 0.0


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Run a command to completion; return its wall time, its peak RSS in MB and its CPU time.

    The CPU time (user and system) barely changes when other work shares the machine; the wall
    time does.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {error[-2000:]}")
    if process.stderr:
        process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # Linux reports kilobytes


def measure(name: str, pages: int, command: list[str], runs: int, env: dict[str, str] | None = None) -> Result:
    """Run a command once to warm up, then ``runs`` times."""
    run(command, env)
    timings = [run(command, env) for _ in range(runs)]
    return Result(name, pages, [t for t, _, _ in timings], max(m for _, m, _ in timings), [c for *_, c in timings])


def libreoffice(docx: Path, out: Path, profile: Path) -> list[str] | None:
    """Return the command that converts a .docx to PDF with LibreOffice, if it is installed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    return [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
            "--outdir", str(out), str(docx)]


def bench_size(pages: int, runs: int, work: Path, pack_only: bool = False) -> list[Result]:
    """Return every measurement at one size (with ``pack_only``, the pack's with and without charts)."""
    report = work / f"report-{pages}.yaml"
    workbook = work / f"kpis-{pages}.xlsx"
    subprocess.run([sys.executable, str(HERE / "make_report.py"), "--pages", str(pages), "-o", str(report)], check=True)
    subprocess.run([sys.executable, str(HERE / "make_workbook.py"), "--indicators", str(pages), "-o", str(workbook)],
                   check=True)
    out = work / f"out-{pages}"
    results: list[Result] = []
    for fmt in () if pack_only else ("docx", "pdf", "both"):
        results.append(measure(f"render {fmt}", pages, [CLI, "render", str(report), "-o", str(out), "--format", fmt],
                               runs))
    results.append(measure("pack both", pages, [CLI, "pack", str(workbook), "-o", str(out), "--format", "both"], runs))
    results.append(measure("pack both, no charts", pages,
                           [CLI, "pack", str(workbook), "-o", str(out), "--format", "both", "--no-charts"], runs))
    convert = libreoffice(out / f"report-{pages}.docx", work / "lo", work / "lo-profile")
    if convert is not None and not pack_only:
        results.append(measure("LibreOffice docx→pdf", pages, convert, max(1, runs if pages <= 100 else 2)))
    return results


TAGGING = """
import io, sys, time
import committee_papers as cp
from committee_papers.assess import assess_report
from committee_papers.layout import layout_report
from committee_papers.render.pdf.document import write_pdf
from committee_papers.render.pdf.fonts import load_fonts
from committee_papers.style import DEFAULT_STYLE
report = cp.load(sys.argv[1])
layout = layout_report(report, assess_report(report))
fonts = load_fonts(DEFAULT_STYLE)
def best(tagged):
    times = []
    for _ in range(int(sys.argv[2])):
        start = time.perf_counter()
        write_pdf(layout, DEFAULT_STYLE, fonts, io.BytesIO(), tagged=tagged)
        times.append(time.perf_counter() - start)
    return min(times)
best(True)
print(best(False), best(True))
"""


def bench_tagging(pages: int, runs: int, work: Path) -> tuple[float, float]:
    """Return the best time to write the PDF of ``pages`` pages untagged and tagged."""
    report = work / f"report-{pages}.yaml"
    if not report.exists():
        subprocess.run([sys.executable, str(HERE / "make_report.py"), "--pages", str(pages), "-o", str(report)],
                       check=True)
    out = subprocess.run([sys.executable, "-c", TAGGING, str(report), str(runs)], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def bench_start(runs: int) -> list[Result]:
    """Return the time to import the package and to run the command line doing nothing."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return [measure("import committee_papers", 0, [sys.executable, "-c", "import committee_papers"], runs, env),
            measure("committee-papers --help", 0, [CLI, "--help"], runs, env),
            measure("python (nothing)", 0, [sys.executable, "-c", "pass"], runs, env)]


def table(results: list[Result]) -> str:
    """Return the results as a Markdown table."""
    lines = ["| command | pages | median s | min–max s | CPU s | pages/s | peak MB |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        rate = f"{r.pages_per_second:.0f}" if r.pages else ""
        lines.append(f"| {r.name} | {r.pages or ''} | {r.median:.3f} | {min(r.seconds):.3f}–{max(r.seconds):.3f} "
                     f"| {r.cpu_median:.2f} | {rate} | {r.peak_mb:.0f} |")
    return "\n".join(lines)


def _find(results: list[Result], name: str, pages: int) -> Result | None:
    return next((r for r in results if r.name == name and r.pages == pages), None)


def targets(results: list[Result], sizes: list[int]) -> list[str]:
    """Return one line per target of the performance budget: met, or missed with the figure."""
    lines = []

    def verdict(ok: bool, text: str) -> None:
        lines.append(f"- {'met' if ok else 'MISSED'}: {text}")

    both, lo = _find(results, "render both", 100), _find(results, "LibreOffice docx→pdf", 100)
    if both:
        verdict(both.median <= 1.0, f"100 pages, both formats, whole CLI: {both.median:.2f} s (target ≤ 1.0 s)")
        if lo:
            verdict(both.median <= lo.median / 5,
                    f"…and ≤ 1/5 of LibreOffice's {lo.median:.2f} s conversion: {both.median / lo.median:.2f} of it")
    pdf1000 = _find(results, "render pdf", 1000)
    if pdf1000:
        verdict(pdf1000.pages_per_second >= 200, f"PDF alone at 1,000 pages: {pdf1000.pages_per_second:.0f} pages/s "
                "(target ≥ 200)")
    for name in ("render docx", "render pdf"):
        base = _find(results, name, 100)
        for size in [s for s in sizes if s >= 1000]:
            big = _find(results, name, size)
            if base and big:
                # per-page cost net of the process's fixed start-up, measured by --help
                start = _find(results, "committee-papers --help", 0)
                fixed = start.median if start else 0.0
                ratio = ((big.median - fixed) / size) / ((base.median - fixed) / 100)
                verdict(ratio <= 1.15, f"{name}: cost per page at {size} is {ratio:.2f}× that at 100 (target ≤ 1.15)")
    charts, plain = _find(results, "pack both", 1000), _find(results, "pack both, no charts", 1000)
    if charts and plain:
        extra, wall = charts.cpu_median / plain.cpu_median - 1, charts.median / plain.median - 1
        verdict(extra <= 0.3, f"trend charts in a 1,000-page pack cost {extra:+.0%} in CPU time "
                f"({plain.cpu_median:.2f} s → {charts.cpu_median:.2f} s, both formats; wall {plain.median:.2f} s → "
                f"{charts.median:.2f} s, "
                f"{wall:+.0%}; target ≤ +30%)")
    for name in ("render docx", "render pdf"):
        big = _find(results, name, 1000)
        if big:
            verdict(big.peak_mb <= 150, f"{name} peak memory at 1,000 pages: {big.peak_mb:.0f} MB (target ≤ 150)")
    imp, helper, bare = (_find(results, n, 0) for n in ("import committee_papers", "committee-papers --help",
                                                         "python (nothing)"))
    if imp and bare:
        cost = (imp.median - bare.median) * 1000
        verdict(cost <= 150, f"import committee_papers: {cost:.0f} ms beyond bare Python (target ≤ 150 ms)")
    if helper:
        verdict(helper.median <= 0.25, f"committee-papers --help: {helper.median * 1000:.0f} ms (target ≤ 250 ms)")
    return lines


def main() -> None:
    """Run the benchmark and print the table and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--large", action="store_true", help="add 5,000 pages")
    parser.add_argument("--json", type=Path, default=None, help="where to write the figures (default: "
                        "results.json, or results-charts.json with --pack-only)")
    parser.add_argument("--pack-only", action="store_true",
                        help="time only the pack, with and without its trend charts")
    args = parser.parse_args()
    if args.json is None:
        args.json = HERE / ("results-charts.json" if args.pack_only else "results.json")
    sizes = args.sizes + ([5000] if args.large else [])
    results = [] if args.pack_only else bench_start(args.runs)
    with tempfile.TemporaryDirectory() as folder:
        for pages in sizes:
            print(f"measuring {pages} pages…", file=sys.stderr)
            results += bench_size(pages, args.runs, Path(folder), args.pack_only)
        tag_pages = max(sizes)
        untagged, tagged = (1.0, 1.0) if args.pack_only else bench_tagging(tag_pages, args.runs, Path(folder))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    print(f"Machine: {machine}\n")
    print(table(results))
    print("\nTargets:")
    lines = targets(results, sizes)
    extra = tagged / untagged - 1
    if not args.pack_only:
        lines.append(f"- {'met' if extra <= 0.5 else 'MISSED'}: tagged (PDF/UA) PDF at {tag_pages} pages costs "
                     f"{extra:+.0%} over untagged ({untagged:.2f} s → {tagged:.2f} s, the PDF writer alone; "
                     "target ≤ +50%)")
    print("\n".join(lines))
    args.json.write_text(json.dumps({"machine": machine, "date": time.strftime("%Y-%m-%d"),
                                     "tagging": {"pages": tag_pages, "untagged": untagged, "tagged": tagged},
                                     "results": [asdict(r) | {"median": r.median, "cpu_median": r.cpu_median}
                                                 for r in results]}, indent=2))


if __name__ == "__main__":
    main()
