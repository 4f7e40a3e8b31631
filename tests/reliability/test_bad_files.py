"""Bad files through the command line: one message naming the place and what to do, exit code
1, no traceback, and nothing written."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import committee_papers as cp
from committee_papers.cli import main
from committee_papers.errors import CommitteePapersError

ROOT = Path(__file__).resolve().parents[2]

BASE = """\
appendix: App B – Q2 Exception Reports
period: Q2 2015/16
sections:
  - portfolio: RESILIENT COMMUNITIES
    pages:
      - indicators:
          - description: Reviews completed
            polarity: high
            unit: percent
        columns:
          past: [2014/15]
          year: 2015/16
          periods: [Q1, Q2]
        target: 70%
        rows:
          - values: {2014/15: 54.8, Q1: 15.1, Q2: 32.1}
        commentary: One paragraph.
"""
BASE_JSON = """\
{
  "appendix": "App B",
  "sections": [{"portfolio": "RESILIENT COMMUNITIES", "pages": [{
    "indicators": [{"description": "Reviews completed", "polarity": "high"}],
    "commentary": "One paragraph."
  }]}]
}
"""


@dataclass(frozen=True)
class Bad:
    """A mistake in an input file: the change that makes it, and what the message must say."""

    id: str
    old: str
    new: str
    place: str  # the place named, with its line where a line is known
    todo: str  # a pattern for what the message tells the user to do
    suffix: str = ".yaml"


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


CASES = [
    Bad("malformed-yaml", "periods: [Q1, Q2]", "periods: [Q1, Q2", "line 14",
        r"fix the YAML syntax"),
    Bad("malformed-json", '"commentary": "One paragraph."', '"commentary": "One paragraph.",',
        "line 6", r"\b(fix|correct|check)\b", ".json"),
    Bad("wrong-type", "          - values: {2014/15: 54.8, Q1: 15.1, Q2: 32.1}",
        "          values: {2014/15: 54.8, Q1: 15.1, Q2: 32.1}",
        "sections[0].pages[0].rows (line 16)", r"expected a list"),
    Bad("wrong-type-figure", "Q2: 32.1}", "Q2: [a, b, c]}",
        "sections[0].pages[0].rows[0].values.Q2 (line 16)", r"expected a number or blank"),
    Bad("unknown-key", "polarity: high", "polarty: high",
        "sections[0].pages[0].indicators[0].polarty (line 8)", r"did you mean 'polarity'\?"),
    Bad("missing-required", "- description: Reviews completed\n            polarity: high", "- polarity: high",
        "sections[0].pages[0].indicators[0] (line 7)", r"the required key 'description' is missing: add it"),
    Bad("duplicate-periods", "periods: [Q1, Q2]", "periods: [Q1, Q1]",
        "sections[0].pages[0].columns (line 11)", r"appears twice: each column needs its own label"),
    Bad("unknown-period", "Q2: 32.1}", "Q2: 32.1, Q5: 40}",
        "sections[0].pages[0].rows[0].values.Q5 (line 16)", r"did you mean|the keys allowed here are"),
    Bad("percentage-4000", "Q2: 32.1}", "Q2: 4000}",
        "sections[0].pages[0].rows[0].values.Q2 (line 16)", r"write 40 or '40%'"),
    Bad("unknown-unit", "unit: percent", "unit: furlongs",
        "sections[0].pages[0].indicators[0].unit (line 9)", r"is not one of: percent, count"),
    Bad("unknown-locale", "period: Q2 2015/16", "period: Q2 2015/16\nlocale: xx_NOWHERE",
        "locale (line 3)", r"use a name such as en_GB"),
    Bad("empty-text-target", "target: 70%", "target: {text: }",
        "sections[0].pages[0].target.text (line 14)", r"write something|expected text"),
]


def _input(case: Bad, folder: Path) -> Path:
    base = BASE_JSON if case.suffix == ".json" else BASE
    assert case.old in base, f"{case.id}: the base file has no {case.old!r}"
    path = folder / f"{case.id}{case.suffix}"
    path.write_text(base.replace(case.old, case.new, 1), encoding="utf-8")
    return path


def _nothing_written(folder: Path) -> None:
    assert not folder.exists() or not any(folder.iterdir()), sorted(folder.iterdir())


def _refused(code: int, err: str, *needles: str) -> None:
    assert code == 1, f"exit code {code}, not 1:\n{err}"
    assert "Traceback" not in err and "internal error" not in err, err
    for needle in needles:
        assert needle in err, f"{needle!r} is not in the message:\n{err}"


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_the_base_files_are_good(suffix: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Each bad file is a good one with one change, so the change is what each case tests."""
    path = tmp_path / f"good{suffix}"
    path.write_text(BASE_JSON if suffix == ".json" else BASE, encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.docx", "good.pdf"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_bad_file_is_refused_with_its_place_and_what_to_do(case: Bad, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = _input(case, tmp_path)
    out = tmp_path / "out"
    for command in (["render", str(path), "-o", str(out)], ["check", str(path)]):
        code = main(command)
        err = capsys.readouterr().err
        _refused(code, err, f"{path}: ", f"  {case.place}: ")
        message = next(line for line in err.splitlines() if line.startswith(f"  {case.place}: "))
        assert re.search(case.todo, message), f"the message does not say what to do: {message!r}"
    _nothing_written(out)


def test_a_bad_file_among_good_ones_stops_every_output(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(BASE, encoding="utf-8")
    bad = _input(CASES[0], tmp_path)
    out = tmp_path / "out"
    _refused(main(["render", str(good), str(bad), "-o", str(out)]), capsys.readouterr().err,
             "nothing was written")
    _nothing_written(out)


def _template_cases(folder: Path) -> dict[str, Path]:
    text = folder / "text.docx"
    text.write_text("Dear colleague, the house style is attached.\n", encoding="utf-8")
    pdf = folder / "house-style.pdf"
    buffer = io.BytesIO()
    cp.render_pdf(cp.load(folder / "good.yaml"), buffer)
    pdf.write_bytes(buffer.getvalue())
    workbook = folder / "workbook.docx"  # a renamed Excel file: a zip, but not a Word document
    workbook.write_bytes((ROOT / "samples" / "kpis.xlsx").read_bytes())
    return {"missing": folder / "nowhere" / "house-style.docx", "text-named-docx": text,
            "pdf": pdf, "xlsx-named-docx": workbook}


@pytest.mark.parametrize("kind", ["missing", "text-named-docx", "pdf", "xlsx-named-docx"])
def test_a_bad_template_is_refused(kind: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(BASE, encoding="utf-8")
    template = _template_cases(tmp_path)[kind]
    out = tmp_path / "out"
    code = main(["render", str(good), "-o", str(out), "--template", str(template)])
    err = capsys.readouterr().err
    todo = "check the path" if kind == "missing" else "save it from Word as 'Word Document (*.docx)'"
    _refused(code, err, str(template), todo)
    _nothing_written(out)


def _not_fonts(folder: Path) -> dict[str, Path]:
    text = folder / "LiberationSans-Regular.ttf"
    text.write_text("this is not a font\n", encoding="utf-8")
    pdf = folder / "font.ttf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    return {"text-file": text, "pdf-file": pdf, "missing": folder / "fonts" / "Arial.ttf"}


@pytest.mark.parametrize("kind", ["text-file", "pdf-file", "missing"])
def test_a_font_file_that_is_not_a_font_is_a_clean_error_naming_it(kind: str, tmp_path: Path) -> None:
    bad = _not_fonts(tmp_path)[kind]
    good = cp.DEFAULT_STYLE.text_fonts
    style = cp.HouseStyle(text_fonts=cp.FontFiles(bad, good.bold, good.italic, good.bold_italic))
    target = tmp_path / "appendix.pdf"
    report = cp.load(ROOT / "samples" / "blackpool-q2-2015-16.yaml")
    before = sorted(tmp_path.iterdir())
    with pytest.raises(Exception) as caught:
        cp.render_pdf(report, target, style=style)
    assert isinstance(caught.value, CommitteePapersError), (
        f"{type(caught.value).__module__}.{type(caught.value).__name__}: {caught.value}")
    assert str(bad) in str(caught.value)
    assert not target.exists()
    assert sorted(tmp_path.iterdir()) == before, "no file, temporary or not, is left behind"


def _module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "committee_papers", *args], capture_output=True,
                          text=True, env=dict(os.environ),
                          timeout=300, check=False)


@pytest.mark.parametrize("case", [c for c in CASES if c.id in ("malformed-yaml", "percentage-4000",
                                                                 "empty-text-target")],
                         ids=lambda c: c.id)
def test_python_m_shows_no_traceback_for_a_bad_file(case: Bad, tmp_path: Path) -> None:
    path = _input(case, tmp_path)
    out = tmp_path / "out"
    result = _module("render", str(path), "-o", str(out))
    _refused(result.returncode, result.stderr, f"  {case.place}: ")
    _nothing_written(out)


def test_python_m_shows_no_traceback_for_a_bad_template(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(BASE, encoding="utf-8")
    template = _template_cases(tmp_path)["text-named-docx"]
    out = tmp_path / "out"
    result = _module("render", str(good), "-o", str(out), "--template", str(template))
    _refused(result.returncode, result.stderr, str(template), "save it from Word")
    _nothing_written(out)
