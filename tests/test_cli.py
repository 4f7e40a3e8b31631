"""The command line: exit codes, messages, and nothing written on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from committee_papers.cli import main

from .conftest import Q2, Q3


def test_check_reports_the_contradiction(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(Q2), str(Q3)]) == 0
    out = capsys.readouterr().out
    assert f"{Q2}: 0 warnings" in out
    assert f"{Q3}: 1 warning" in out
    assert "Current vs. Q2 (16/17)" in out


def test_check_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict", str(Q2)]) == 0
    assert main(["check", "--strict", str(Q3)]) == 1


def test_check_bad_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("appendix: A\nsections: nope\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    assert "sections (line 2): expected a list, got 'nope'" in capsys.readouterr().err


def test_schema_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["appendix", "sections"]


def test_render_with_a_bad_file_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text(Q2.read_text(encoding="utf-8").replace("Q1: 15.1, Q2: 32.1", "Q1: 15.1, Q2: abc"),
                   encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(Q3), str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "sections[0].pages[1].rows[0].values.Q2" in err and "got 'abc'" in err
    assert "nothing was written" in err
    assert not out.exists()


def test_render_refuses_a_missing_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(Q2), "-o", str(tmp_path), "--template", str(tmp_path / "none.docx")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_render_refuses_an_output_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    assert main(["render", str(Q2), "-o", str(file)]) == 1
    assert "is a file" in capsys.readouterr().err


def test_render_refuses_two_inputs_with_one_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "a"
    other.mkdir()
    copy = other / Q2.name
    copy.write_bytes(Q2.read_bytes())
    assert main(["render", str(Q2), str(copy), "-o", str(tmp_path / "out")]) == 1
    assert "same output names" in capsys.readouterr().err


def _run(*args: str, **env: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "committee_papers", *args], capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=120)


def test_module_entry_point_shows_no_traceback_on_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("appendix: [\n", encoding="utf-8")
    result = _run("check", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "fix the YAML syntax here" in result.stderr


def test_usage_errors_exit_2() -> None:
    result = _run("render")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_a_write_failure_exits_1_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import committee_papers.output

    def full(*_: Any, **__: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(committee_papers.output, "write_output", full)
    monkeypatch.setattr("committee_papers.render.pdf.write_output", full, raising=False)
    assert main(["render", str(Q2), "-o", str(tmp_path), "--format", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err



TUNED = """
import gc, importlib.util, sys
from committee_papers.cli import main
before = gc.get_threshold()
assert main(["pack", sys.argv[1], "-o", sys.argv[2], "--format", "pdf"]) == 0
import openpyxl.compat.numbers  # loaded by the command
print(openpyxl.compat.numbers.NUMPY, "numpy" in sys.modules, gc.get_threshold() == before, gc.get_freeze_count())
if importlib.util.find_spec("numpy") is not None:
    import numpy  # loadable again
    print(numpy.__name__)
"""


def test_a_command_tunes_its_process_only_while_it_runs(tmp_path: Path) -> None:
    """While a command runs, garbage is collected less often and numpy is kept out (openpyxl would
    import it for nothing); once it ends, a program that called main() has its process as it was."""
    result = subprocess.run([sys.executable, "-c", TUNED, str(Q2.parent / "kpis.xlsx"), str(tmp_path)],
                            capture_output=True, text=True, check=True)
    *_, tuned, loadable = result.stdout.splitlines()
    assert tuned.split() == ["False", "False", "True", "0"], result.stdout
    assert loadable == "numpy"  # installed with the test extra (pandas)
