"""Shared fixtures: the sample reports and small report builders."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import committee_papers as cp

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
Q2 = SAMPLES / "blackpool-q2-2015-16.yaml"
Q3 = SAMPLES / "blackpool-q3-2016-17.yaml"


@pytest.fixture(scope="session")
def q2_report() -> cp.Report:
    return cp.load(Q2)


@pytest.fixture(scope="session")
def q3_report() -> cp.Report:
    return cp.load(Q3)


MINIMAL: dict[str, Any] = {
    "appendix": "App B – Q2 Exception Reports",
    "period": "Q2 2015/16",
    "sections": [{
        "portfolio": "CABINET SECRETARY (RESILIENT COMMUNITIES)",
        "pages": [{
            "indicators": [{"description": "% of reviews completed", "polarity": "high",
                            "unit": "percent"}],
            "columns": {"past": ["2013/14", "2014/15"], "year": "2015/16",
                        "periods": ["Q1", "Q2", "Q3", "Q4"]},
            "target": "70%",
            "dot": {"basis": "target", "header": "DoT Against Target"},
            "rows": [{"values": {"2013/14": 58.7, "2014/15": 54.8, "Q1": 15.1, "Q2": 32.1}}],
            "commentary": "One paragraph.\n\nAnother paragraph.",
        }],
    }],
}


@pytest.fixture
def minimal() -> dict[str, Any]:
    """Return a fresh copy of a small valid report mapping, for tests to change."""
    return copy.deepcopy(MINIMAL)
