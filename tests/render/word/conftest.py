"""Fixtures for the Word renderer's tests: rendered samples, a hostile report, LibreOffice."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import committee_papers as cp

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
SAMPLE_PAGES = {"blackpool-q2-2015-16": 6, "blackpool-q3-2016-17": 4}

# Text that breaks naive XML writers and template engines. It must come out as typed.
NASTY = ("& <b>bold</b> </para> AT&T {{ 7*7 }} {%p if x %} {{p subdoc }} {_{ y }_} "
         "Target <NHS> rate \"double\" 'single' &amp; ]]>")


def nasty(field: str) -> str:
    """Return a field's hostile text: its name, a line break (vertical tab), NUL, NASTY."""
    return f"{field}\x0bnext line\x00 {NASTY}"


def expected(field: str) -> str:
    """Return what a reader sees of ``nasty(field)``: a line break, and no NUL."""
    return f"{field}\nnext line {NASTY}"


HOSTILE_FIELDS = (
    "appendix", "title", "portfolio", "page title", "indicator one", "indicator two",
    "row label", "target wording", "notes", "commentary", "bullet", "numbered",
    "run bold", "supplementary title", "supplementary header", "supplementary cell",
    "supplementary footnote row", "footnote", "comparison label", "comparison text",
    "supplementary description", "organisation",
)


def hostile_data() -> dict[str, Any]:
    """Return a report whose every text field holds hostile text."""
    return {
        "appendix": nasty("appendix"),
        "title": nasty("title"),
        "organisation": nasty("organisation"),
        "period": "Q2 2015/16",
        "sections": [{
            "portfolio": nasty("portfolio"),
            "pages": [{
                "title": nasty("page title"),
                "indicators": [
                    {"description": nasty("indicator one"), "polarity": "high", "unit": "percent"},
                    {"description": nasty("indicator two"), "polarity": "low", "unit": "percent"},
                ],
                "columns": {"past": ["2014/15"], "year": "2015/16", "periods": ["Q1", "Q2"]},
                "target": {"text": nasty("target wording")},
                "rows": [
                    {"label": nasty("row label"), "values": {"2014/15": 10, "Q1": 11, "Q2": 12}},
                    {"label": "second", "values": {"2014/15": 5, "Q1": 4}},
                ],
                "direction_of_travel": [
                    {"label": nasty("comparison label"), "reference": {"period": "2014/15"}},
                    {"label": "quartile", "text": nasty("comparison text")},
                ],
                "notes": nasty("notes"),
                "supplementary": [{
                    "title": nasty("supplementary title"),
                    "description": nasty("supplementary description"),
                    "header": [["School", nasty("supplementary header")]],
                    "rows": [
                        [nasty("supplementary cell"), "44%"],
                        {"cells": ["", nasty("supplementary footnote row")], "style": "footnote"},
                    ],
                    "footnotes": [nasty("footnote")],
                }],
                "commentary": [
                    nasty("commentary"),
                    [{"text": nasty("run bold"), "bold": True}, {"text": " tab\there"}],
                    {"bullets": [nasty("bullet"), "second bullet"]},
                    {"numbered": [nasty("numbered"), "second number"]},
                ],
            }],
        }],
    }


def render_to_bytes(report: Any, **options: Any) -> bytes:
    """Render a report to .docx bytes."""
    buffer = io.BytesIO()
    cp.render_docx(report, buffer, **options)
    return buffer.getvalue()




@pytest.fixture(scope="session")
def hostile_report() -> Any:
    """The hostile report, loaded through the public API."""
    return cp.load(hostile_data())


@pytest.fixture(scope="session")
def hostile_docx(hostile_report: Any) -> bytes:
    """The hostile report rendered once, as .docx bytes."""
    return render_to_bytes(hostile_report)


@pytest.fixture(scope="session")
def hostile_expected() -> dict[str, str]:
    """What a reader must see of each hostile field: exactly what was typed."""
    return {field: expected(field) for field in HOSTILE_FIELDS}


@pytest.fixture(scope="session")
def samples() -> dict[str, bytes]:
    """Each sample report rendered once, as .docx bytes."""
    return {name: render_to_bytes(cp.load(SAMPLES / f"{name}.yaml")) for name in SAMPLE_PAGES}


@pytest.fixture(scope="session")
def soffice() -> str:
    """Return the LibreOffice command; skip without it, but fail on CI."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = "LibreOffice (soffice) is not installed: the round-trip test needs it"
        if os.environ.get("CI"):
            pytest.fail(reason + " and CI is set")
        pytest.skip(reason)
    return found


@pytest.fixture(scope="module")
def to_pdf(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """Return a function converting a .docx to PDF with LibreOffice, in a fresh profile."""
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(source: Path) -> Path:
        outdir = source.parent
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(outdir), str(source)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        pdf = outdir / f"{source.stem}.pdf"
        assert result.returncode == 0 and pdf.is_file(), (
            f"LibreOffice could not convert {source.name}:\n{result.stdout}\n{result.stderr}")
        return pdf

    return convert
