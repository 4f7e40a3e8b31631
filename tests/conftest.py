"""Shared fixtures: the sample reports and small report builders."""

from __future__ import annotations

import copy
import dataclasses
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


LINK = "https://example.org/data/referrals?year=2024&format=csv"  # an & to escape in the relationship
MAIL = "mailto:performance@example.gov.uk"
LINKED_TITLE = "Reviews completed on time"


def linked_report() -> cp.Report:
    """Return MINIMAL with its page titled and its commentary written as questions: sub-headings
    of two levels (Word's Heading 4 and 5 under the portfolio, the title and "Commentary:"),
    answered with links to a data set (twice) and to an e-mail address."""
    report = cp.load(MINIMAL)
    section = report.sections[0]
    page = section.pages[0]
    commentary = cp.TextSection((
        cp.SubHeading("What is the current performance?"),
        cp.Paragraph((cp.Run("The figures are in "), cp.Run("the published data set", link=LINK), cp.Run("."))),
        cp.SubHeading("Update – March 2024", level=2),
        cp.Paragraph((cp.Run("Questions go to "), cp.Run("the performance team", bold=True, link=MAIL),
                      cp.Run("."))),
        cp.SubHeading("What actions are being taken?"),
        cp.Paragraph((cp.Run("See "), cp.Run("the data set", link=LINK), cp.Run(" again."))),
    ))
    blocks = tuple(commentary if isinstance(block, cp.TextSection) and block.kind is cp.TextKind.COMMENTARY
                   else block for block in page.blocks)
    linked = cp.ExceptionPage(page.indicators, title=LINKED_TITLE, blocks=blocks)
    return dataclasses.replace(report, sections=(cp.Section(section.portfolio, (linked,)),))
