"""Every example in README runs as written, in a fresh folder holding only what a clone has.

Python blocks run one after another in one namespace (later ones use ``cp`` from the first);
``sh`` blocks run with the project's command line on the PATH, except the Quick start, which
is what CI itself runs. YAML blocks that are reports, rules or chart settings are read by the
library. The in-code example also passes ``mypy --strict`` with no ``type: ignore``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import committee_papers as cp
from committee_papers.loaders.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = [(m.group(1), m.group(2), README[:m.start()].count("\n") + 1)
          for m in re.finditer(r"```(\w*)\n(.*?)```", README, re.S)]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clone")
    for name in ("samples", "templates"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


def test_readme_has_examples_of_each_kind() -> None:
    kinds = {kind for kind, _, _ in BLOCKS}
    assert {"python", "sh", "yaml"} <= kinds


def test_every_python_example_runs(clone: Path) -> None:
    code = "\n\n".join(body for kind, body, _ in BLOCKS if kind == "python")
    result = subprocess.run([sys.executable, "-c", code], cwd=clone, capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (clone / "out" / "in-code.pdf").is_file() and (clone / "out" / "appendix.docx").is_file()
    assert "Decreased – worse" in result.stdout


def test_every_shell_example_runs(clone: Path) -> None:
    scripts = [(body, line) for kind, body, line in BLOCKS if kind == "sh" and "make " not in body]
    assert scripts
    bin_folder = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_folder + os.pathsep + os.environ.get("PATH", "")}
    for body, line in scripts:
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", body], cwd=clone, env=env,
                                capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 0, f"README line {line}:\n{body}\n{result.stderr[-2000:]}"


def test_every_yaml_example_is_read_by_the_library(tmp_path: Path) -> None:
    for _, body, line in [b for b in BLOCKS if b[0] == "yaml"]:
        data = yaml.safe_load(body)
        path = tmp_path / f"line{line}.yaml"
        path.write_text(body, encoding="utf-8")
        if "sections" in data:
            report = cp.load(path)
            assert report.page_count >= 1, line
        elif "preset" in data or "select" in data:
            assert load_rules(path).select, line
        elif "chart" in data:
            page = {"indicators": [{"description": "d", "polarity": "high"}],
                    "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2", "Q3", "Q4"]},
                    "rows": [{"label": "No.", "values": {"2014/15": 1, "Q1": 2, "Q2": 3, "Q3": 4}}], **data}
            cp.load({"appendix": "A", "sections": [{"portfolio": "P", "pages": [page]}]})
        elif "columns" in data or "sheets" in data:  # a mapping file for a wide workbook
            from committee_papers.workbook.mapping import read_mapping

            assert read_mapping(path) is not None, line
        else:
            pytest.fail(f"README line {line}: a YAML example the test cannot place")


def test_the_in_code_example_type_checks_strictly(tmp_path: Path) -> None:
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent))
    if mypy is None:
        pytest.skip("mypy is not installed (it is in the test extras)")
    example = next(body for kind, body, _ in BLOCKS if kind == "python" and "cp.ExceptionPage(" in body)
    assert "type: ignore" not in example
    (tmp_path / "example.py").write_text(example, encoding="utf-8")
    result = subprocess.run([mypy, "--strict", "--no-incremental", "example.py"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
