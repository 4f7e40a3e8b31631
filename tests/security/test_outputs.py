"""Nothing destroyed: a batch is checked before anything is written, no output replaces an
input, a report's .docx and .pdf change together, and a signal leaves no temporary file."""

from __future__ import annotations

import errno
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest

import committee_papers.output
from committee_papers.cli import EXIT_INTERNAL, main

from .conftest import Q2, WORKBOOK, assert_refused, copy_sample, run_cli, snapshot

BAD_FIELDS = {
    "language control character": ("language: en-GB", "language: \"en\\x07GB\"", "language"),
    "language as a locale": ("language: en-GB", "language: en_GB", "'en-GB'"),
    "impossible meeting date": ("meeting_date: 2015-12-07", "meeting_date: 2015-02-30", "meeting_date"),
}


def _with(text: str, old: str, new: str) -> str:
    if old not in text:  # the sample may not set the field: add it at the top
        return f"{new}\n{text}"
    return text.replace(old, new, 1)


@pytest.mark.parametrize("case", sorted(BAD_FIELDS))
def test_a_batch_with_one_bad_report_writes_nothing(tmp_path: Path, case: str) -> None:
    old, new, phrase = BAD_FIELDS[case]
    good = copy_sample(tmp_path, "good.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text(_with(Q2.read_text(encoding="utf-8"), old, new), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "good.pdf").write_bytes(b"yesterday's PDF")
    before = snapshot(out)
    run = run_cli("render", good, bad, "-o", out)
    assert_refused(run, str(bad), phrase)
    assert snapshot(out) == before


def test_a_date_like_title_is_text_not_an_error(tmp_path: Path) -> None:
    report = tmp_path / "dated.yaml"
    report.write_text(_with(Q2.read_text(encoding="utf-8"), "title: Q2 2015/16 Performance Exception Reports",
                            "title: 2015-02-30"), encoding="utf-8")
    run = run_cli("render", report, "-o", tmp_path / "out", "--format", "pdf")
    assert run.code == 0, str(run)


def test_an_output_that_would_overwrite_its_input_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.pdf"  # a YAML file that happens to be named .pdf
    shutil.copyfile(Q2, report)
    before = snapshot(out)
    run = run_cli("render", report, "-o", out)
    assert_refused(run, "would overwrite the input", str(report))
    assert snapshot(out) == before


def test_a_template_or_workbook_cannot_be_overwritten_either(tmp_path: Path) -> None:
    book = tmp_path / "kpis.pdf"
    shutil.copyfile(WORKBOOK, book)
    run = run_cli("pack", book, "-o", tmp_path, "--format", "pdf")
    assert_refused(run, "would overwrite the input")
    assert book.read_bytes() == WORKBOOK.read_bytes()


def test_an_output_name_too_long_for_the_file_system_is_a_clear_error(tmp_path: Path) -> None:
    report = tmp_path / ("r" * 252 + ".y")  # 254 bytes; its outputs, r...r.docx, would be 257
    shutil.copyfile(Q2, report)
    run = run_cli("render", report, "-o", tmp_path / "out")
    assert_refused(run, "bytes long", "shorter name")
    assert not (tmp_path / "out").exists() or snapshot(tmp_path / "out") == {}


def test_a_long_name_that_fits_gets_a_temporary_name_that_fits_too(tmp_path: Path) -> None:
    report = tmp_path / ("r" * 245 + ".yaml")  # r*245.docx is 250 bytes: its temporary name is longer
    shutil.copyfile(Q2, report)
    run = run_cli("render", report, "-o", tmp_path / "out")
    assert run.code == 0, str(run)
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".pdf"]


def _big_report(folder: Path, pages: int = 1500) -> Path:
    """A report long enough that a signal arrives while it is being written."""
    import yaml

    data = yaml.safe_load(Q2.read_text(encoding="utf-8"))
    first = data["sections"][0]
    first["pages"] = (first["pages"] * (pages // len(first["pages"]) + 1))[:pages]
    data["sections"] = [first]
    class Plain(yaml.SafeDumper):  # every page written out, not as aliases of the first
        def ignore_aliases(self, data: Any) -> bool:
            return True

    target = folder / "big.yaml"
    target.write_text(yaml.dump(data, Dumper=Plain, allow_unicode=True), encoding="utf-8")
    return target


@pytest.mark.parametrize(("sent", "code", "word"), [(signal.SIGTERM, 143, "ended by signal 15"),
                                                    (signal.SIGINT, 130, "interrupted")])
def test_a_signal_mid_render_leaves_the_previous_pair_and_no_temporary_file(
        tmp_path: Path, sent: int, code: int, word: str) -> None:
    report = _big_report(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "big.docx").write_bytes(b"last week's Word file")
    (out / "big.pdf").write_bytes(b"last week's PDF")
    before = snapshot(out)
    seen: list[str] = []

    def writing() -> bool:  # signal while a temporary output file is being written
        seen.extend(p.name for p in out.glob(".*.part"))
        return bool(seen)

    run = run_cli("render", report, "-o", out, signal_when=(writing, sent), cpu_seconds=120)
    assert seen, "the signal came while an output was being written"
    assert run.code == code, str(run)
    assert word in run.err and "Traceback" not in run.err, str(run)
    assert len(run.err.strip().splitlines()) == 1, "one line, no traceback"
    assert snapshot(out) == before, "the previous files are untouched and no .part file is left"


def test_a_full_disk_on_the_second_file_of_a_pair_keeps_the_previous_pair(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{Q2.stem}.docx").write_bytes(b"old docx")
    (out / f"{Q2.stem}.pdf").write_bytes(b"old pdf")
    before = snapshot(out)
    real = committee_papers.output.OutputSet.write
    calls = 0

    def write(self: Any, target: Any, writer: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        real(self, target, writer)

    monkeypatch.setattr(committee_papers.output.OutputSet, "write", write)
    assert main(["render", str(Q2), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "free some space" in err
    assert snapshot(out) == before, "the .docx was not replaced while the .pdf stayed old"


def test_usage_errors_exit_2_and_internal_errors_have_their_own_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("render").code == 2
    assert run_cli("--version").code == 0

    def broken(*_: Any, **__: Any) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("committee_papers.layout.layout_report", broken)
    assert main(["render", str(Q2), "-o", str(tmp_path)]) == EXIT_INTERNAL
    assert EXIT_INTERNAL not in (0, 1, 2)
    assert "This is a bug" in capsys.readouterr().err
