"""Page-image snapshots: a few pages drawn at low resolution, compared with images kept in
``tests/render/snapshots/`` within a tolerance, so a change in how pages look is seen.

The images are updated deliberately: ``UPDATE_SNAPSHOTS=1 pytest tests/render/test_snapshots.py``
rewrites them; look at each new image beside the seed page before committing it. Pages are
rasterised by pdfplumber (pdfium), in grey, at ``DPI``; a page differs when more than
``TOLERANCE`` of its pixels differ by more than ``NOISE`` grey levels, or its size differs.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageChops

import committee_papers as cp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "layout"))
from pressure import MONTHS, PAST, page_of, report_of

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
DPI = 30
NOISE = 64  # grey levels: anti-aliasing moves less than this
TOLERANCE = 0.001  # of a page's pixels: a moved line, a wrapped cell or a changed rule is more


def _twelve() -> cp.Report:
    rows = [{"label": "No. (Rate)", "values": dict.fromkeys([*PAST[3:], *MONTHS], "2,912 (1000.4)")}]
    return report_of(page_of(PAST[3:], MONTHS, rows, target="Increase on previous year"))


def _weeks() -> cp.Report:
    weeks = [f"W{n}" for n in range(1, 31)]
    return report_of(page_of([], weeks, [{"label": "No. (Rate)", "values": dict.fromkeys(weeks, "12,345 (1234.5)")}]))


CASES: dict[str, tuple[Callable[[], cp.Report], int]] = {  # report, page number (from 1)
    "q2-page-1": (lambda: cp.load(ROOT / "samples" / "blackpool-q2-2015-16.yaml"), 1),
    "q3-page-2": (lambda: cp.load(ROOT / "samples" / "blackpool-q3-2016-17.yaml"), 2),
    "twelve-months-landscape": (_twelve, 1),
    "thirty-weeks-split": (_weeks, 1),
}


def _image(report: cp.Report, number: int) -> Image.Image:
    out = io.BytesIO()
    cp.render_pdf(report, out)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        return pdf.pages[number - 1].to_image(resolution=DPI).original.convert("L")


def differing(one: Image.Image, other: Image.Image) -> float:
    """Return the share of pixels that differ by more than ``NOISE`` grey levels."""
    mask = ImageChops.difference(one, other).point(lambda level: 255 if level > NOISE else 0)
    histogram = mask.histogram()
    return histogram[255] / (one.width * one.height)


@pytest.mark.parametrize("name", CASES)
def test_the_page_looks_as_it_did(name: str) -> None:
    make, number = CASES[name]
    drawn = _image(make(), number)
    kept = SNAPSHOTS / f"{name}.png"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOTS.mkdir(exist_ok=True)
        drawn.save(kept, optimize=True)
    assert kept.is_file(), f"no snapshot {kept.name}: make it with UPDATE_SNAPSHOTS=1"
    with Image.open(kept) as stored:
        expected = stored.convert("L")
    assert drawn.size == expected.size, f"{name}: the page is {drawn.size}, it was {expected.size}"
    share = differing(drawn, expected)
    assert share <= TOLERANCE, (f"{name}: {share:.2%} of the page differs from {kept.name}; if the change "
                                "is meant, look at it and update the snapshots (UPDATE_SNAPSHOTS=1)")


def test_the_comparison_sees_the_page_moved_by_one_pixel() -> None:
    """The tolerance is not so loose that everything moved by one pixel (0.85 mm) passes."""
    make, number = CASES["q2-page-1"]
    report = make()
    drawn = _image(report, number)
    page = report.sections[0].pages[0]
    shifted = Image.new("L", drawn.size, 255)
    shifted.paste(drawn, (0, 1))  # everything one pixel down
    assert differing(drawn, shifted) > TOLERANCE
    assert page.indicators  # the sample's first page has indicators to draw
