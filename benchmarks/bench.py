"""Benchmark committee_papers as a user runs it, against the alternatives, in one alternating run.

    python benchmarks/bench.py                    # 100 and 1,000 pages, 5 rounds
    python benchmarks/bench.py --large            # and 5,000 pages (per-page cost, memory at scale)
    python benchmarks/bench.py --runs 3 --readme  # and rewrite README's performance table

Every measurement is a process of its own, and the measurements alternate: each round runs
every command once, in turn, so a machine that gets busier or quieter during the run moves
them all alike (a round before them, not counted, warms the caches). The figures are medians
over the rounds. Whole processes (``committee-papers ...``, LibreOffice) are timed from start
to exit, with their CPU time and peak RSS from ``wait4``; writers alone (ours, a bare reportlab
canvas, naive platypus, naive python-docx: ``writers.py``) report the time of the writing only,
on the same layout. It prints the table, then each target of issue 20 as MET or MISSED, and
writes the raw figures to ``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import itertools
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
ROOT = HERE.parent
BIN = Path(sys.executable).parent
CLI = str(BIN / "committee-papers")
SERIAL = {"COMMITTEE_PAPERS_WORKERS": "1"}
README = ROOT / "README.md"
MARKERS = ("<!-- bench.py --readme: from here -->", "<!-- bench.py --readme: to here -->")


@dataclass
class Trial:
    """One command, measured once per round."""

    name: str
    pages: int
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    writer: bool = False  # the command prints the seconds of its writing phase: time that
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)

    def run(self, keep: bool = True) -> None:
        """Run the command to completion; keep its wall time (or its writing phase's), CPU and peak RSS."""
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            process = subprocess.Popen(self.command, stdout=out, stderr=err, env={**os.environ, **self.env})
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            process.returncode = code = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            printed, complaint = out.read(), err.read()
        if code != 0:
            raise RuntimeError(f"{' '.join(self.command)} failed ({code}): {complaint.decode()[-2000:]}")
        if keep:
            self.seconds.append(float(printed.split()[0]) if self.writer else elapsed)
            self.cpu.append(usage.ru_utime + usage.ru_stime)
            self.peak_mb.append(usage.ru_maxrss / 1024)  # Linux reports kilobytes; the larger of parent and child


def libreoffice(docx: Path, out: Path, profile: Path) -> list[str] | None:
    """Return the command that converts a .docx to PDF with LibreOffice, if it is installed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    return [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
            "--outdir", str(out), str(docx)]


def make_inputs(work: Path, sizes: list[int]) -> None:
    """Compile the package's modules, as installing it does (so no run compiles them, even with
    PYTHONDONTWRITEBYTECODE set); write the synthetic reports, the 300-indicator workbook,
    and our .docx of each report."""
    import committee_papers

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(committee_papers.__file__).parent)],
                   check=True)
    for pages in sizes:
        subprocess.run([sys.executable, str(HERE / "make_report.py"), "--pages", str(pages), "-o",
                        str(work / f"report-{pages}.yaml")], check=True)
        subprocess.run([CLI, "render", str(work / f"report-{pages}.yaml"), "-o", str(work / "docx"),
                        "--format", "docx"], check=True, capture_output=True)
    subprocess.run([sys.executable, str(HERE / "make_workbook.py"), "--indicators", "300", "-o",
                    str(work / "kpis-300.xlsx")], check=True)


def trials(work: Path, sizes: list[int]) -> list[Trial]:
    """Return every measurement, in the order each round runs them."""
    bare = {"PYTHONDONTWRITEBYTECODE": "1"}
    out = str(work / "out")
    found = [
        Trial("python (nothing)", 0, [sys.executable, "-c", "pass"], bare),
        Trial("import committee_papers", 0, [sys.executable, "-c", "import committee_papers"], bare),
        Trial("committee-papers --help", 0, [CLI, "--help"], bare),
        Trial("pack samples/kpis.xlsx, both", 17, [CLI, "pack", str(ROOT / "samples" / "kpis.xlsx"), "-o", out]),
        Trial("pack 300 indicators, both", 300, [CLI, "pack", str(work / "kpis-300.xlsx"), "-o", out]),
    ]
    for pages in sizes:
        report = str(work / f"report-{pages}.yaml")
        found.append(Trial("render both", pages, [CLI, "render", report, "-o", out]))
        if pages > 1000:
            continue
        found += [Trial("render both, one process", pages, [CLI, "render", report, "-o", out], SERIAL),
                  Trial("render pdf", pages, [CLI, "render", report, "-o", out, "--format", "pdf"]),
                  Trial("render docx", pages, [CLI, "render", report, "-o", out, "--format", "docx"])]
        convert = libreoffice(work / "docx" / f"report-{pages}.docx", work / "lo", work / "lo-profile")
        if convert is not None:
            found.append(Trial("LibreOffice docx→pdf", pages, convert))
        writers = ["pdf", "pdf-untagged", "canvas", "platypus"] if pages >= 1000 else ["docx", "python-docx"]
        found += [Trial(f"writer: {name}", pages, [sys.executable, str(HERE / "writers.py"), name, report],
                        writer=True) for name in writers]
    return found


def measure(found: list[Trial], runs: int) -> None:
    """One round not counted, then ``runs`` rounds, each running every trial in turn."""
    for round_number in range(runs + 1):
        print(f"round {round_number or 'warm-up'} of {runs}…", file=sys.stderr)
        for trial in found:
            if round_number == 0 and trial.pages > 1000:
                continue  # nothing to warm that a smaller size has not
            trial.run(keep=round_number > 0)


def table(found: list[Trial]) -> str:
    """Return the measurements as a Markdown table."""
    lines = ["| measurement | pages | median s | min–max s | CPU s | pages/s | peak MB |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for t in found:
        rate = f"{t.pages / t.median:.0f}" if t.pages and t.median else ""
        cpu = "" if t.writer else f"{statistics.median(t.cpu):.2f}"
        lines.append(f"| {t.name} | {t.pages or ''} | {t.median:.3f} | {min(t.seconds):.3f}–{max(t.seconds):.3f} "
                     f"| {cpu} | {rate} | {t.peak:.0f} |")
    return "\n".join(lines)


def _find(found: list[Trial], name: str, pages: int) -> Trial | None:
    return next((t for t in found if t.name == name and t.pages == pages), None)


def _spread(trial: Trial) -> str:
    return f"fastest {min(trial.seconds):.2f} s; CPU {statistics.median(trial.cpu):.2f} s"


def verdicts(found: list[Trial]) -> list[tuple[str, str, str, bool | None]]:
    """Return each target of issue 20 as (what, measured, target, met); met is None when not measured."""
    rows: list[tuple[str, str, str, bool | None]] = []

    def get(name: str, pages: int) -> Trial | None:
        return _find(found, name, pages)

    def add(what: str, measured: str, target: str, met: bool | None) -> None:
        rows.append((what, measured, target, met))

    for name, pages, limit in (("pack samples/kpis.xlsx, both", 17, 0.8), ("pack 300 indicators, both", 300, 2.5)):
        t = get(name, pages)
        add(f"`pack` {name.removeprefix('pack ').removesuffix(', both')} --format both, whole process",
            f"{t.median:.2f} s ({_spread(t)})" if t else "-", f"≤ {limit} s", t.median <= limit if t else None)
    both, lo = get("render both", 1000), get("LibreOffice docx→pdf", 1000)
    add("1,000 pages, both formats, whole process", f"{both.median:.2f} s, {1000 / both.median:.0f} pages/s "
        f"({_spread(both)})" if both else "-", "≤ 3.5 s (≥ 285 pages/s)", both.median <= 3.5 if both else None)
    add("… against LibreOffice converting the same .docx", f"{both.median / lo.median:.3f} × ({lo.median:.1f} s)"
        if both and lo else "-", "≤ 0.08 ×", both.median <= 0.08 * lo.median if both and lo else None)
    pdf, canvas = get("writer: pdf", 1000), get("writer: canvas", 1000)
    add("PDF writer (tagged), 1,000 pages, against a bare reportlab canvas drawing the same strings",
        f"{pdf.median / canvas.median:.2f} × ({pdf.median:.2f} s against {canvas.median:.2f} s)"
        if pdf and canvas else "-", "≤ 1.3 ×", pdf.median <= 1.3 * canvas.median if pdf and canvas else None)
    big, one = get("render both", 5000), get("render both", 1000)
    add("peak memory at 5,000 pages against 1,000, both formats", f"{big.peak / one.peak:.2f} × ({big.peak:.0f} MB "
        f"against {one.peak:.0f} MB)" if big and one else "not measured (--large)", "≤ 1.5 ×",
        big.peak <= 1.5 * one.peak if big and one else None)
    serial = get("render both, one process", 1000)
    add("peak memory at 1,000 pages, both formats (one process writing both; the larger of two processes)",
        f"{serial.peak:.0f} MB; {one.peak:.0f} MB" if serial and one else "-", "≤ 200 MB",
        max(serial.peak, one.peak) <= 200 if serial and one else None)
    bare, imp, helper = get("python (nothing)", 0), get("import committee_papers", 0), get("committee-papers --help", 0)
    add("`import committee_papers`, beyond bare Python", f"{(imp.median - bare.median) * 1000:.0f} ms "
        f"({imp.median * 1000:.0f} ms in all)" if imp and bare else "-", "≤ 50 ms",
        imp.median - bare.median <= 0.05 if imp and bare else None)
    add("`committee-papers --help`, whole process", f"{helper.median * 1000:.0f} ms" if helper else "-", "≤ 120 ms",
        helper.median <= 0.12 if helper else None)
    return rows


def notes(found: list[Trial], sizes: list[int]) -> list[str]:
    """Return the comparisons that have no target of their own."""
    lines = []
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    if load > cores / 2:
        lines.append(f"the machine was shared (load average {load:.1f} on {cores} cores at the end): wall times "
                     "include waiting for a core, and a second process often found none free; CPU times "
                     "(user and system, both processes) are steadier")
    for pages in sizes:
        both, serial = _find(found, "render both", pages), _find(found, "render both, one process", pages)
        if both and serial:
            lines.append(f"both formats at {pages:,} pages: {both.median:.2f} s in two processes, "
                         f"{serial.median:.2f} s in one ({both.median / serial.median:.2f} ×)")
    for pages in sizes:
        both, lo = _find(found, "render both", pages), _find(found, "LibreOffice docx→pdf", pages)
        if both and lo and pages != 1000:
            lines.append(f"both formats at {pages:,} pages against LibreOffice's conversion: "
                         f"{both.median / lo.median:.3f} × ({both.median:.2f} s, {lo.median:.2f} s)")
    pdf, untagged, platypus = (_find(found, f"writer: {n}", 1000) for n in ("pdf", "pdf-untagged", "platypus"))
    if pdf and untagged and platypus:
        lines.append(f"PDF writers at 1,000 pages: ours {pdf.median:.2f} s tagged, {untagged.median:.2f} s untagged; "
                     f"naive platypus {platypus.median:.2f} s ({platypus.median / pdf.median:.1f} × ours)")
    docx, naive = _find(found, "writer: docx", 100), _find(found, "writer: python-docx", 100)
    if docx and naive:
        lines.append(f"Word writers at 100 pages: ours {docx.median:.2f} s, naive python-docx {naive.median:.2f} s "
                     f"({naive.median / docx.median:.1f} × ours)")
    costs = sorted((t.pages, t.median) for t in found if t.name == "render both")
    for (small, first), (large, second) in itertools.pairwise(costs):
        lines.append(f"cost of each extra page, both formats, {small:,} → {large:,} pages: "
                     f"{(second - first) / (large - small) * 1000:.2f} ms")
    return lines


def verdict_table(rows: list[tuple[str, str, str, bool | None]]) -> str:
    lines = ["| target (issue 20) | measured | target | |", "|---|---|---|---|"]
    for what, measured, target, met in rows:
        word = "not measured" if met is None else "MET" if met else "MISSED"
        lines.append(f"| {what} | {measured} | {target} | {word} |")
    return "\n".join(lines)


def write_readme(text: str) -> None:
    """Put ``text`` between the markers of README's performance section."""
    readme = README.read_text(encoding="utf-8")
    start, end = (readme.index(m) for m in MARKERS)
    README.write_text(readme[:start + len(MARKERS[0])] + "\n" + text + "\n" + readme[end:], encoding="utf-8")


def main() -> None:
    """Run the benchmark and print the table and the targets."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds counted (after one not counted)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--large", action="store_true", help="add 5,000 pages")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--readme", action="store_true", help="rewrite README's performance table")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + ([5000] if args.large else [])))
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        make_inputs(work, sizes)
        found = trials(work, sizes)
        measure(found, args.runs)
    load_after = os.getloadavg()
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
               f"{platform.system()}; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after; "
               f"{args.runs} rounds, {time.strftime('%Y-%m-%d')}")
    rows = verdicts(found)
    listed = "\n".join(f"- {line}" for line in notes(found, sizes))
    print("\n\n".join([f"Machine: {machine}", table(found), verdict_table(rows), listed]))
    args.json.write_text(json.dumps({"machine": machine, "trials": [
        {k: v for k, v in asdict(t).items() if k != "command"} | {"median": t.median} for t in found]}, indent=2))
    if args.readme:
        write_readme("\n\n".join([f"Measured on {machine}.", verdict_table(rows), listed]))


if __name__ == "__main__":
    main()
