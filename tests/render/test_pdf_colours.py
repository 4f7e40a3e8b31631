"""Colours in the PDF's content operators: each channel as a fraction of 255, to four places.

``draw.rgb`` writes the operands of ``rg``/``RG`` (ISO 32000-1 §8.6.8: DeviceRGB components
from 0.0 to 1.0). Expected values are worked by hand; every colour must read back to its
channels, with no trailing zeros (the same colour, the same bytes).
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from committee_papers.render.pdf.draw import rgb
from committee_papers.style import Colour


def test_colours_worked_by_hand() -> None:
    # 0x70 = 112, 112 / 255 = 0.439215..; 0x3C = 60, 60 / 255 = 0.235294..; 0x80 = 128 -> 0.50196..
    assert rgb(Colour("00703C")) == "0 0.4392 0.2353"
    assert rgb(Colour("FFFFFF")) == "1 1 1"
    assert rgb(Colour("000000")) == "0 0 0"
    assert rgb(Colour("808080")) == "0.502 0.502 0.502"
    assert rgb(Colour("#ff0001")) == "1 0 0.0039"  # 1 / 255 = 0.003921..


@given(st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)))
def test_every_colour_reads_back_to_its_channels(channels: tuple[int, int, int]) -> None:
    written = rgb(Colour("".join(f"{c:02x}" for c in channels))).split(" ")
    assert len(written) == 3
    for text, channel in zip(written, channels, strict=True):
        assert round(float(text) * 255) == channel
        assert abs(float(text) - channel / 255) <= 0.00005
        assert text == "0" or text == "1" or (text.startswith("0.") and not text.endswith("0") and len(text) <= 6)
