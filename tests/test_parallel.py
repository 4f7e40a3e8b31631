"""Both formats in two processes: the same bytes as one process, the same errors, nothing left behind.

``--format both`` writes the Word file in a forked child while this process writes the PDF
(``committee_papers.parallel``). These tests run each command serially
(``COMMITTEE_PAPERS_WORKERS=1``) and in two processes (``=2``, a fork even on one CPU), count
the forks, and compare every byte; then they break the child in each way it can break.
"""

from __future__ import annotations

import io
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import committee_papers as cp
import committee_papers.pack.render as pack_render
import committee_papers.render.docx as docx_render
from committee_papers import parallel
from committee_papers.cli import main
from committee_papers.errors import CommitteePapersError
from committee_papers.layout.pack import layout_pack
from committee_papers.parallel import WORKERS, Elsewhere, workers
from committee_papers.style import DEFAULT_STYLE

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REPORTS = [SAMPLES / "blackpool-q2-2015-16.yaml", SAMPLES / "blackpool-q3-2016-17.yaml"]
WORKBOOK = SAMPLES / "kpis.xlsx"


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the forks made (each child's pid), and allow them even on a one-CPU machine."""
    monkeypatch.setenv(WORKERS, "2")
    made: list[int] = []
    real = os.fork

    def fork() -> int:
        pid = real()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return made


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _serial(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> dict[str, bytes]:
    with monkeypatch.context() as serial:
        serial.setenv(WORKERS, "1")
        assert main(argv) == 0
    return _files(Path(argv[argv.index("-o") + 1]))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_render_both_in_two_processes_writes_the_bytes_of_a_serial_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    common = ["render", *map(str, REPORTS), "--charts", "-o"]
    serial = _serial(monkeypatch, [*common, str(tmp_path / "serial")])
    assert forks == []
    assert main([*common, str(tmp_path / "parallel")]) == 0
    assert len(forks) == 1, "one child wrote the Word files"
    assert _files(tmp_path / "parallel") == serial
    assert sorted(serial) == sorted(f"{r.stem}.{fmt}" for r in REPORTS for fmt in ("docx", "pdf"))
    assert not any(_alive(pid) for pid in forks)


def test_the_pack_in_two_processes_writes_the_bytes_of_a_serial_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    serial = _serial(monkeypatch, ["pack", str(WORKBOOK), "-o", str(tmp_path / "serial")])
    assert main(["pack", str(WORKBOOK), "-o", str(tmp_path / "parallel")]) == 0
    assert len(forks) == 2, "one child measured half the pages, one wrote the Word file"
    assert _files(tmp_path / "parallel") == serial
    assert sorted(serial) == ["kpis.docx", "kpis.pdf"]


def test_the_pdf_variant_and_the_meeting_date_reach_both_processes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    """A PDF/A-2b archive copy dated with the meeting, written beside a Word file in a child."""
    import docx
    import pikepdf
    import yaml

    data = yaml.safe_load(REPORTS[0].read_text(encoding="utf-8"))
    data["meeting_date"] = "2016-01-27"
    report = tmp_path / "dated.yaml"
    report.write_text(yaml.safe_dump(data), encoding="utf-8")
    for command in (["render", str(report)], ["pack", str(WORKBOOK)]):
        argv = [*command, "--pdf-variant", "pdf/a-2b", "-o"]
        serial = _serial(monkeypatch, [*argv, str(tmp_path / f"{command[0]}-serial")])
        before = len(forks)
        assert main([*argv, str(tmp_path / f"{command[0]}-parallel")]) == 0
        assert len(forks) > before
        assert _files(tmp_path / f"{command[0]}-parallel") == serial
        name = Path(command[1]).stem
        with pikepdf.open(io.BytesIO(serial[f"{name}.pdf"])) as pdf:
            assert pdf.open_metadata()["{http://www.aiim.org/pdfa/ns/id/}part"] == "2"
            if command[0] == "render":
                assert str(pdf.docinfo["/CreationDate"]).startswith("D:20160127")
        if command[0] == "render":
            created = docx.Document(io.BytesIO(serial[f"{name}.docx"])).core_properties.created
            assert created is not None and created.date().isoformat() == "2016-01-27"


def test_the_pages_measured_in_two_halves_are_those_of_the_whole(forks: list[int]) -> None:
    """So the pack needs no extra pass: the halves' page counts add up exactly."""
    pack = cp.build_pack(cp.read_workbook(WORKBOOK))
    layout = layout_pack(pack)
    whole = pack_render._write_pdf(layout, io.BytesIO(), DEFAULT_STYLE, tagged=False)
    assert len(layout.pages) >= pack_render.MIN_SPLIT
    assert max(b - a for a, b in itertools.pairwise(whole.starts)) > 1
    assert pack_render._measure(layout, DEFAULT_STYLE) == whole
    assert len(forks) == 1
    assert whole == pack_render._write_pdf(layout, io.BytesIO(), DEFAULT_STYLE), "tagging moves nothing"


def test_one_format_needs_no_second_process_but_the_pack_measures_in_two(
        tmp_path: Path, forks: list[int]) -> None:
    assert main(["render", str(REPORTS[0]), "--format", "pdf", "-o", str(tmp_path)]) == 0
    assert main(["render", str(REPORTS[0]), "--format", "docx", "-o", str(tmp_path)]) == 0
    assert forks == []
    assert main(["pack", str(WORKBOOK), "--format", "pdf", "-o", str(tmp_path)]) == 0
    assert len(forks) == 1


def test_separate_processes_agree_too(tmp_path: Path) -> None:
    """Whole command lines, serial and parallel, with different hash seeds."""
    outputs = []
    for number, setting in enumerate(("1", "2")):
        folder = tmp_path / setting
        env = {**os.environ, WORKERS: setting, "PYTHONHASHSEED": str(number + 1)}
        subprocess.run([sys.executable, "-m", "committee_papers", "render", str(REPORTS[0]), "-o", str(folder)],
                       check=True, capture_output=True, env=env)
        outputs.append(_files(folder))
    assert outputs[0] == outputs[1] and len(outputs[0]) == 2


def _failing_in(where: Callable[[], bool], real: Callable[..., Any], error: BaseException) -> Callable[..., Any]:
    def render(*args: Any, **kwargs: Any) -> Any:
        if where():
            raise error
        return real(*args, **kwargs)

    return render


@pytest.fixture
def parent() -> int:
    return os.getpid()


def test_an_error_in_the_child_is_reported_as_a_serial_run_reports_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int],
        capsys: pytest.CaptureFixture[str]) -> None:
    """The child fails; this process then writes the Word file itself, meets the same error and
    reports it: exit 1, the located message, no file and no temporary file."""
    out = tmp_path / "out"
    error = CommitteePapersError("sections[0].pages[2]: something the user can fix")
    monkeypatch.setattr(docx_render, "render_docx", _failing_in(lambda: True, docx_render.render_docx, error))
    assert main(["render", *map(str, REPORTS), "-o", str(out)]) == 1
    assert len(forks) == 1
    err = capsys.readouterr().err
    assert "error: sections[0].pages[2]: something the user can fix" in err and "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == []


def test_a_failure_only_the_child_meets_costs_nothing_but_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int], parent: int) -> None:
    serial = _serial(monkeypatch, ["render", str(REPORTS[0]), "-o", str(tmp_path / "serial")])
    in_child = _failing_in(lambda: os.getpid() != parent, docx_render.render_docx, MemoryError())
    monkeypatch.setattr(docx_render, "render_docx", in_child)
    assert main(["render", str(REPORTS[0]), "-o", str(tmp_path / "parallel")]) == 0
    assert len(forks) == 1
    assert _files(tmp_path / "parallel") == serial


def test_a_child_killed_outright_is_replaced_by_this_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int], parent: int) -> None:
    serial = _serial(monkeypatch, ["pack", str(WORKBOOK), "-o", str(tmp_path / "serial")])

    def killed(*args: Any, **kwargs: Any) -> bytes:
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")

    monkeypatch.setattr(pack_render, "_docx_bytes", killed)
    assert main(["pack", str(WORKBOOK), "-o", str(tmp_path / "parallel")]) == 0
    assert len(forks) == 2
    assert _files(tmp_path / "parallel") == serial


def test_page_numbers_that_move_after_the_child_was_sent_them_are_redone_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    """The first measure is made wrong: the child lays the Word file out with numbers the PDF
    then disproves, so this process writes the Word file with the settled numbers instead."""
    serial = _serial(monkeypatch, ["pack", str(WORKBOOK), "-o", str(tmp_path / "serial")])
    real = pack_render.page_numbers
    calls = 0

    def first_wrong(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        found = real(*args)
        return {key: page + 1 for key, page in found.items()} if calls == 1 else found

    monkeypatch.setattr(pack_render, "page_numbers", first_wrong)
    sent: list[object] = []
    real_send = Elsewhere.send
    monkeypatch.setattr(Elsewhere, "send", lambda self, value: (sent.append(value), real_send(self, value))[1])
    assert main(["pack", str(WORKBOOK), "-o", str(tmp_path / "parallel")]) == 0
    assert calls == 3 and len(sent) == 1
    assert _files(tmp_path / "parallel") == serial


def test_without_fork_everything_is_written_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS, "2")
    serial = _serial(monkeypatch, ["render", str(REPORTS[0]), "-o", str(tmp_path / "serial")])

    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert main(["render", str(REPORTS[0]), "-o", str(tmp_path / "fallback")]) == 0
    assert _files(tmp_path / "fallback") == serial


def test_when_to_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS, "1")
    assert workers() == 1
    monkeypatch.setenv(WORKERS, "2")
    assert workers() == 2
    monkeypatch.setattr(parallel, "_cpus", lambda: 1)
    monkeypatch.delenv(WORKERS)
    assert workers() == 1, "one CPU: nothing to gain"
    monkeypatch.setattr(parallel, "_cpus", lambda: 2)
    assert workers() == 2
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert workers() == 1, "another thread is running: a fork would copy its locks, not the thread"
    finally:
        stop.set()
        other.join()
    monkeypatch.delattr(os, "fork")
    assert workers() == 1


@pytest.fixture
def two() -> Iterator[None]:
    before = os.environ.get(WORKERS)
    os.environ[WORKERS] = "2"
    yield
    if before is None:
        del os.environ[WORKERS]
    else:
        os.environ[WORKERS] = before


def test_an_interrupt_here_ends_the_child_at_once(two: None) -> None:
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), Elsewhere(lambda _: time.sleep(60)) as child:
        assert child.started
        raise KeyboardInterrupt
    assert time.monotonic() - started < 30
    assert not _alive(child._pid) and child.result() is None


def test_a_child_waiting_for_a_value_that_never_comes_gives_up(two: None) -> None:
    with Elsewhere(lambda value: value * 2, waits=True) as child:
        assert child.result() is None
    with Elsewhere(lambda value: value * 2, waits=True) as child:
        child.send(21)
        assert child.result() == 42


def test_a_child_forked_later_does_not_keep_an_earlier_one_waiting(two: None) -> None:
    """The second child closes this process's ends of the first one's pipes, so the first sees
    that no value will come when this process says so, not when the second child ends."""
    with Elsewhere(lambda value: value, waits=True) as first, Elsewhere(lambda _: time.sleep(60)) as second:
        assert first.started and second.started
        started = time.monotonic()
        assert first.result() is None
        assert time.monotonic() - started < 30


def test_the_word_file_asks_for_the_page_count_only_after_its_body_is_written(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """So the Word child does its main work while the PDF is written, not after: when the
    count is asked for, the body (most of the file) has been written."""
    import zipfile

    from committee_papers.assess import assess_report
    from committee_papers.layout import layout_report
    from committee_papers.render.docx import package

    report = cp.load(ROOT / "samples" / "blackpool-q3-2016-17.yaml")
    layout = layout_report(report, assess_report(report))
    events: list[str] = []
    write_document = package.write_document

    def body(*args: Any) -> None:
        write_document(*args)
        events.append("body written")

    def count() -> int:
        events.append("count asked")
        return 7

    monkeypatch.setattr(package, "write_document", body)
    stream = io.BytesIO()
    docx_render.render_docx(layout, stream, pages=count)
    assert events == ["body written", "count asked"]
    with zipfile.ZipFile(stream) as written:
        footer = written.read("word/footer1.xml").decode()
    assert ">7<" in footer  # the count asked for late still reaches the footer
