"""LibreOffice for the tests: many files per call, a fresh profile, and known fonts.

LibreOffice paginates a .docx with whatever fonts the machine has. Without Arial or a font
with Arial's widths it falls back to a wider one (Noto Sans on Debian), so its pages say
nothing about Word's. Here it runs with a fontconfig file that adds the fonts shipped in
the package (Liberation Sans, metric-compatible with Arial; DejaVu Sans, the marks' font) and
names Liberation Sans for Arial, as a council's Word has Arial: the pages it makes are then the
independent reference for the Word file's pagination.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

FONTS = Path(__file__).resolve().parents[2] / "src" / "committee_papers" / "fonts"
ALIASES = {"Arial": "Liberation Sans", "Segoe UI Symbol": "DejaVu Sans"}  # the marks' font in older files


def soffice() -> str:
    """Return the LibreOffice command; skip without it, but fail on CI."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = "LibreOffice (soffice) is not installed"
        if os.environ.get("CI"):
            pytest.fail(reason + " and CI is set")
        pytest.skip(reason)
    return found


def _fontconfig(folder: Path) -> Path:
    aliases = "".join(f"<alias binding=\"same\"><family>{name}</family><prefer><family>{font}</family>"
                      f"</prefer></alias>" for name, font in ALIASES.items())
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS}</dir><cachedir>{folder / 'cache'}</cachedir>{aliases}</fontconfig>\n",
        encoding="utf-8")
    return config


class LibreOffice:
    """A headless LibreOffice with its own profile and the package's fonts."""

    def __init__(self, folder: Path) -> None:
        self.command = soffice()
        folder.mkdir(parents=True, exist_ok=True)
        self.profile = folder / "profile"
        self.env = {**os.environ, "FONTCONFIG_FILE": str(_fontconfig(folder))}

    def convert(self, sources: Sequence[Path], to: str, outdir: Path) -> list[Path]:
        """Convert every file in one call (``to``: "pdf", or "docx:MS Word 2007 XML"); return
        the converted files, in order."""
        outdir.mkdir(parents=True, exist_ok=True)
        command = [self.command, f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
                   "--convert-to", to, "--outdir", str(outdir), *map(str, sources)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False,
                                env=self.env)
        extension = to.split(":")[0]
        outputs = [outdir / f"{source.stem}.{extension}" for source in sources]
        missing = [path.name for path in outputs if not path.is_file()]
        assert result.returncode == 0 and not missing, (
            f"LibreOffice could not convert {missing}:\n{result.stdout}\n{result.stderr}")
        return outputs
