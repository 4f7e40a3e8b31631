"""Atomic output: a failure in the middle of rendering never leaves a partial or temporary file,
never harms the previous good file, and never touches a caller's stream."""

from __future__ import annotations

import errno
import io
import os
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import committee_papers as cp
import committee_papers.output
from committee_papers.cli import main
from committee_papers.layout import build
from committee_papers.render.docx import body
from committee_papers.render.pdf import document

from .readback import read_docx, read_pdf

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "blackpool-q2-2015-16.yaml"  # six exception pages
FORMATS = ["docx", "pdf"]
PREVIOUS = b"the previous good output, which a failed render must leave alone"


class Boom(RuntimeError):
    """The failure injected in the middle of rendering."""


@pytest.fixture(scope="module")
def report() -> cp.Report:
    return cp.load(SAMPLE)


def render(fmt: str, report: cp.Report, target: Any) -> None:
    if fmt == "docx":
        cp.render_docx(report, target)
    else:
        cp.render_pdf(report, target)


def _on_call(number: int, real: Callable[..., Any], error: BaseException) -> Callable[..., Any]:
    """Return ``real`` wrapped to raise ``error`` on its ``number``-th call."""
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == number:
            raise error
        return real(*args, **kwargs)

    return wrapper


def _break_layout(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """The shared layout fails on the third exception page."""
    monkeypatch.setattr(build, "page_layout", _on_call(3, build.page_layout, Boom("layout")))


def _break_renderer(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """The renderer itself fails on the third page: the Word body writer, or the PDF writer as
    it finishes a page."""
    if fmt == "docx":
        monkeypatch.setattr(body.BodyWriter, "page", _on_call(3, body.BodyWriter.page, Boom("docx")))
    else:
        monkeypatch.setattr(document.Pages, "new_page", _on_call(3, document.Pages.new_page, Boom("pdf")))


class _FailingFile:
    """A file that takes part of what is written to it, then fails as a full disk does."""

    def __init__(self, real: Any, error: BaseException, log: list[str]) -> None:
        self.real, self.error, self.log = real, error, log
        self.written = 0

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        if self.written + len(view) > 2048:
            part = max(0, 2048 - self.written)
            self.real.write(view[:part])
            self.real.flush()
            self.log.append(f"wrote {self.written + part} bytes, then failed")
            raise self.error
        self.written += len(view)
        return int(self.real.write(view))

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _full_disk(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> list[str]:
    """Make the writer's temporary file fail after 2 KiB; return a log of what happened."""
    log: list[str] = []
    real_os = os  # the module output.py writes with

    def fdopen(descriptor: int, mode: str = "r", *args: Any, **kwargs: Any) -> _FailingFile:
        log.append(os.readlink(f"/proc/self/fd/{descriptor}") if Path("/proc/self/fd").is_dir() else "?")
        return _FailingFile(real_os.fdopen(descriptor, mode, *args, **kwargs), error, log)

    proxy = types.SimpleNamespace(**{name: getattr(real_os, name) for name in dir(real_os)
                                     if not name.startswith("__")})
    proxy.fdopen = fdopen
    monkeypatch.setattr(committee_papers.output, "os", proxy)
    return log


def _full_disk_step(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    _full_disk(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))


STEPS: dict[str, Callable[[pytest.MonkeyPatch, str], None]] = {
    "layout": _break_layout, "renderer": _break_renderer, "full-disk": _full_disk_step}
ERRORS = {"layout": Boom, "renderer": Boom, "full-disk": OSError}


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failure_leaves_no_file_and_no_temporary_file(fmt: str, step: str, report: cp.Report,
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    STEPS[step](monkeypatch, fmt)
    target = tmp_path / f"appendix.{fmt}"
    with pytest.raises(ERRORS[step]):
        render(fmt, report, target)
    assert list(tmp_path.iterdir()) == [], "a partial or temporary file was left behind"


@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failure_keeps_the_previous_file_byte_for_byte(fmt: str, step: str, report: cp.Report,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / f"appendix.{fmt}"
    target.write_bytes(PREVIOUS)
    neighbour = tmp_path / "other.txt"
    neighbour.write_bytes(b"untouched")
    before = _listing(tmp_path)
    STEPS[step](monkeypatch, fmt)
    with pytest.raises(ERRORS[step]):
        render(fmt, report, target)
    assert _listing(tmp_path) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_partial_bytes_went_to_a_temporary_file_beside_the_target(fmt: str, report: cp.Report,
                                                                     tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The rename that puts a file in place is atomic only within one folder."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to see which file the writer opened")
    target = tmp_path / f"appendix.{fmt}"
    target.write_bytes(PREVIOUS)
    log = _full_disk(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(OSError):
        render(fmt, report, target)
    opened, failed = Path(log[0]), log[-1]
    assert opened.parent == tmp_path and opened != target and opened.name.startswith(".")
    assert failed == "wrote 2048 bytes, then failed", "the failure came in the middle of writing"
    assert not opened.exists() and target.read_bytes() == PREVIOUS


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_interrupt_while_writing_cleans_up_too(fmt: str, report: cp.Report, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C at the worst moment: the previous file stays and no temporary file is left."""
    target = tmp_path / f"appendix.{fmt}"
    target.write_bytes(PREVIOUS)
    _full_disk(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        render(fmt, report, target)
    assert _listing(tmp_path) == {target.name: PREVIOUS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_successful_render_replaces_the_previous_file_and_leaves_nothing_else(
        fmt: str, report: cp.Report, tmp_path: Path) -> None:
    target = tmp_path / f"appendix.{fmt}"
    target.write_bytes(PREVIOUS)
    render(fmt, report, target)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    data = target.read_bytes()
    if fmt == "docx":
        assert "Opiates" in read_docx(data).cells
    else:
        assert len(read_pdf(data, tables=False).pages) >= 6
    assert target.stat().st_mode & 0o777 == 0o644


# ----------------------------------------------------------------------------- streams


class WriteOnly(io.RawIOBase):
    """A stream that can only be written to, such as a pipe to another program."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.chunks.append(bytes(data))
        return len(data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_writing_to_a_stream_leaves_it_open_and_writes_once_at_its_position(
        fmt: str, report: cp.Report) -> None:
    stream = io.BytesIO()
    stream.write(b"before")
    render(fmt, report, stream)
    assert not stream.closed
    stream.write(b"after")  # the caller can go on writing
    data = stream.getvalue()
    assert data.startswith(b"before") and data.endswith(b"after")
    assert data[6:10] == (b"PK\x03\x04" if fmt == "docx" else b"%PDF")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_write_only_stream_such_as_a_pipe_works(fmt: str, report: cp.Report) -> None:
    stream = WriteOnly()
    render(fmt, report, stream)
    assert not stream.closed
    data = b"".join(stream.chunks)
    if fmt == "docx":
        assert "Opiates" in read_docx(data).cells
    else:
        assert len(read_pdf(data, tables=False).pages) >= 6


@pytest.mark.parametrize("step", ["layout", "renderer"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failure_while_writing_to_a_stream_leaves_it_untouched(
        fmt: str, step: str, report: cp.Report, monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.BytesIO()
    stream.write(PREVIOUS)
    STEPS[step](monkeypatch, fmt)
    with pytest.raises(Boom):
        render(fmt, report, stream)
    assert not stream.closed
    assert stream.getvalue() == PREVIOUS
    assert stream.tell() == len(PREVIOUS)


# ---------------------------------------------------------------------------- the CLI


@pytest.fixture
def interrupted_second_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the second PDF that is written fail halfway, as a full disk does."""
    real = committee_papers.output.write_output
    calls = 0

    def write_pdf(target: Any, write: Callable[[Any], None], **options: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # the second file's PDF
            raise OSError(errno.ENOSPC, "No space left on device")
        real(target, write, **options)

    monkeypatch.setattr("committee_papers.render.pdf.write_output", write_pdf)
    monkeypatch.setattr("committee_papers.render.docx.render.write_output", real)
    yield


def test_the_cli_reports_a_full_disk_as_a_problem_to_fix_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], interrupted_second_file: None) -> None:
    first = tmp_path / "q2.yaml"
    first.write_bytes(SAMPLE.read_bytes())
    second = tmp_path / "q3.yaml"
    second.write_bytes((ROOT / "samples" / "blackpool-q3-2016-17.yaml").read_bytes())
    out = tmp_path / "out"
    code = main(["render", str(first), str(second), "-o", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == [], (
        "a batch appears whole or not at all: no file of it, and no temporary file, is left")
    assert code == 1, f"exit code {code}: a full disk is the user's to fix, not a bug:\n{err}"
    assert "No space left on device" in err and "q3.pdf" in err, err
    assert "bug" not in err, err
