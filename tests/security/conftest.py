"""Run the command line as a child process under resource limits, and build hostile files.

Each hostile input must be refused quickly and cheaply: the child runs with a CPU-time limit
(``CPU_SECONDS``) and an address-space ceiling that protects the machine, and its peak
resident memory must stay under ``PEAK_MB``. These are resource bounds on a child process,
not timings of our code.

The peak is the child's own ``VmHWM`` (``/proc/PID/status``), read as it runs: the
``ru_maxrss`` that ``wait4`` gives starts from the RSS of the process that forked the child
(Linux keeps the high-water mark across ``execve``), so a test worker grown large by earlier
tests would be counted as the child's peak.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
Q2 = SAMPLES / "blackpool-q2-2015-16.yaml"
WORKBOOK = SAMPLES / "kpis.xlsx"
TEMPLATE = ROOT / "templates" / "house-style.docx"
CPU_SECONDS = 5  # the bound: each hostile file is dealt with within 5 s
PEAK_MB = 500  # and 500 MB
CEILING_MB = 3000  # the most address space the child may map: a bomb dies, the machine lives
HANG_SECONDS = 60  # wall-clock guard for a child that waits (a pipe) instead of computing


@dataclass
class Run:
    code: int
    out: str
    err: str
    peak_mb: float
    seconds: float

    def __str__(self) -> str:
        return (f"exit {self.code} after {self.seconds:.1f} s, peak {self.peak_mb:.0f} MB\n"
                f"stdout: {self.out[-2000:]}\nstderr: {self.err[-2000:]}")


def _limit(cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    ceiling = CEILING_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def _high_water_mb(pid: int) -> float | None:
    """Return a running process's peak resident memory in MB (``VmHWM``), or None if gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


def run_cli(*args: str | os.PathLike[str], cwd: Path | None = None, env: dict[str, str] | None = None,
            signal_when: tuple[Callable[[], bool], int] | None = None, cpu_seconds: int = CPU_SECONDS) -> Run:
    """Run ``committee-papers ARGS`` in a limited child; optionally send it a signal as soon as
    ``signal_when[0]()`` is true (e.g. once a temporary output file exists)."""
    command = [sys.executable, "-m", "committee_papers", *map(os.fspath, args)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd,
                                 preexec_fn=lambda: _limit(cpu_seconds), env={**os.environ, **(env or {})})
        sent = False
        peak: float | None = None
        while True:
            now = _high_water_mb(child.pid)  # before wait4 reaps it
            if now is not None:
                peak = now if peak is None else max(peak, now)
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            elapsed = time.monotonic() - start
            if signal_when and not sent and signal_when[0]():
                child.send_signal(signal_when[1])
                sent = True
            if elapsed > HANG_SECONDS:
                child.kill()
                os.wait4(child.pid, 0)
                raise AssertionError(f"committee-papers {' '.join(command[3:])} hung for {HANG_SECONDS} s")
            time.sleep(0.01)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(child.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   usage.ru_maxrss / 1024 if peak is None else peak, time.monotonic() - start)


def assert_refused(run: Run, *phrases: str) -> None:
    """Assert a clean refusal: exit 1, one short error naming what is wrong, no traceback."""
    assert run.code == 1, str(run)
    assert "Traceback" not in run.err and "internal error" not in run.err, str(run)
    assert run.peak_mb < PEAK_MB, str(run)
    for phrase in phrases:
        assert phrase in run.err, f"{phrase!r} not in the error\n{run}"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` (hidden ones too) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def rewrite_zip(source: Path, target: Path, changes: dict[str, bytes | None],
                extra: dict[str, bytes] | None = None) -> Path:
    """Copy a zip package, replacing (or with None, dropping) some members and adding others."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = changes.get(item.filename, old.read(item.filename))
            if data is not None:
                new.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def copy_sample(folder: Path, name: str = "report.yaml") -> Path:
    target = folder / name
    shutil.copyfile(Q2, target)
    return target
