"""A plain ``pip install .`` (a wheel, not an editable install) carries the template and fonts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_holds_the_template_fonts_and_type_information(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    [wheel] = tmp_path.glob("committee_papers-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("committee_papers/templates/house-style.docx", "committee_papers/py.typed",
                   "committee_papers/fonts/LiberationSans-Regular.ttf", "committee_papers/fonts/DejaVuSans.ttf",
                   "committee_papers/fonts/LICENSE-Liberation.txt", "committee_papers/fonts/LICENSE-DejaVu.txt"):
        assert needed in names, needed
