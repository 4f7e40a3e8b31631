"""The house style, defined once and read by both renderers."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .model import Direction, Judgement


@dataclass(frozen=True, slots=True)
class Colour:
    """An sRGB colour written as six hex digits, e.g. ``00703C``."""

    hex: str

    def __post_init__(self) -> None:
        value = self.hex.lstrip("#").upper()
        if len(value) != 6 or any(c not in "0123456789ABCDEF" for c in value):
            raise ValueError(f"{self.hex!r} is not a colour: write six hex digits such as 00703C")
        object.__setattr__(self, "hex", value)

    @property
    def rgb(self) -> tuple[int, int, int]:
        """Return the red, green and blue channels, 0-255."""
        return int(self.hex[0:2], 16), int(self.hex[2:4], 16), int(self.hex[4:6], 16)

    def luminance(self) -> float:
        """Return the WCAG relative luminance."""

        def channel(c: int) -> float:
            s = c / 255
            return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in self.rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(self, other: Colour) -> float:
        """Return the WCAG contrast ratio with another colour (1 to 21)."""
        high, low = sorted((self.luminance(), other.luminance()), reverse=True)
        return (high + 0.05) / (low + 0.05)


WHITE = Colour("FFFFFF")
BLACK = Colour("000000")


def bundled_font(name: str) -> Path:
    """Return the path of a font file shipped with the package."""
    return Path(str(resources.files("committee_papers") / "fonts" / name))


@dataclass(frozen=True, slots=True)
class FontSource:
    """One face of a font file: a ``.ttf`` or ``.otf``, or the face ``index`` (from 0) of a ``.ttc``.

    TrueType and PostScript (CFF) outlines are both accepted, so Debian's ``fonts-noto-cjk``
    collection can be given as ``FontSource(Path(".../NotoSansCJK-Regular.ttc"), 2)``.
    """

    path: Path
    index: int = 0

    @classmethod
    def of(cls, value: FontSource | str | os.PathLike[str]) -> FontSource:
        """Return ``value`` as a source: a path stands for the first face of its file."""
        return value if isinstance(value, FontSource) else cls(Path(value))

    @property
    def key(self) -> tuple[str, int]:
        """Return what identifies the face: its resolved path and index."""
        return str(Path(self.path).resolve()), self.index


@dataclass(frozen=True, slots=True)
class FontFiles:
    """TrueType files of one family for the PDF: regular, bold, italic, bold italic."""

    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


def default_text_fonts() -> FontFiles:
    """Return Liberation Sans (metric-compatible with Arial, SIL OFL), shipped with the package."""
    return FontFiles(
        bundled_font("LiberationSans-Regular.ttf"),
        bundled_font("LiberationSans-Bold.ttf"),
        bundled_font("LiberationSans-Italic.ttf"),
        bundled_font("LiberationSans-BoldItalic.ttf"),
    )


def default_symbol_fonts() -> FontFiles:
    """Return DejaVu Sans, which has the arrows and ticks that Arial lacks."""
    regular, bold = bundled_font("DejaVuSans.ttf"), bundled_font("DejaVuSans-Bold.ttf")
    return FontFiles(regular, bold, regular, bold)


@dataclass(frozen=True, slots=True)
class MarkStyle:
    """How a direction of travel is drawn: arrow, tick or cross, colour, and words."""

    up: str = "↑"
    down: str = "↓"
    same: str = "↔"
    better: str = "✓"
    worse: str = "✗"
    better_colour: Colour = Colour("00703C")  # GOV.UK green, 5.9:1 on white
    worse_colour: Colour = Colour("B10E1E")  # GOV.UK red, 7.4:1 on white
    neutral_colour: Colour = Colour("505A5F")  # GOV.UK secondary text grey
    show_words: bool = False  # "↓ ✗ Worse": the meaning also in words
    better_word: str = "Better"
    worse_word: str = "Worse"
    same_word: str = "No change"
    none_text: str = ""  # where no direction can be computed
    # What a screen reader says for a mark: "Increased – better" (the mark's ActualText)
    increased_said: str = "Increased"
    decreased_said: str = "Decreased"
    unchanged_said: str = "No change"
    better_said: str = "better"
    worse_said: str = "worse"

    def said(self, direction: Direction, judgement: Judgement) -> str:
        """Return a mark's meaning in words, e.g. ``Increased – worse`` (``No change`` alone)."""
        moved = {Direction.UP: self.increased_said, Direction.DOWN: self.decreased_said,
                 Direction.SAME: self.unchanged_said}[direction]
        verdict = {Judgement.BETTER: self.better_said, Judgement.WORSE: self.worse_said}.get(judgement, "")
        return f"{moved} – {verdict}" if verdict else moved

    def arrow(self, direction: Direction) -> str:
        """Return the arrow for a direction."""
        return {Direction.UP: self.up, Direction.DOWN: self.down, Direction.SAME: self.same}[direction]

    def symbol(self, judgement: Judgement) -> str:
        """Return the tick or cross for a judgement ('' for neutral)."""
        return {Judgement.BETTER: self.better, Judgement.WORSE: self.worse}.get(judgement, "")

    def colour(self, judgement: Judgement) -> Colour:
        """Return the colour for a judgement."""
        return {Judgement.BETTER: self.better_colour, Judgement.WORSE: self.worse_colour}.get(
            judgement, self.neutral_colour
        )

    def word(self, judgement: Judgement) -> str:
        """Return the word for a judgement."""
        return {Judgement.BETTER: self.better_word, Judgement.WORSE: self.worse_word}.get(
            judgement, self.same_word
        )


@dataclass(frozen=True, slots=True)
class RagStyle:
    """How a RAG status is shown: always a word, on a light fill (black text, 4.5:1 or better)."""

    green: str = "Green"
    amber: str = "Amber"
    red: str = "Red"
    blue: str = "No target"
    grey: str = "No data"
    green_fill: Colour = Colour("CCE5D5")
    amber_fill: Colour = Colour("FBE3B4")
    red_fill: Colour = Colour("F5C9C9")
    blue_fill: Colour = Colour("D2E3F3")
    grey_fill: Colour = Colour("E3E3E3")

    def word(self, status: str) -> str:
        """Return the word for a status named green, amber, red, blue or grey."""
        return str(getattr(self, status))

    def fill(self, status: str) -> Colour:
        """Return the fill for a status named green, amber, red, blue or grey."""
        fill = getattr(self, f"{status}_fill")
        assert isinstance(fill, Colour)
        return fill


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed wording of an exception page."""

    indicator_description: str = "Indicator Description"
    better_to_be: str = "Better to be?"
    commentary: str = "Commentary:"
    notes: str = "Notes:"
    direction_of_travel: str = "Direction of Travel"
    page_number: str = "Page {page} of {pages}"
    scorecard: str = "Summary scorecard"
    exceptions: str = "Indicators reported by exception"
    high: str = "High"  # the polarity, in the "Better to be?" column
    low: str = "Low"
    no_polarity: str = "n/a"
    # Table summaries, read out by screen readers (the PDF's /Summary, the Word table description)
    indicators_summary: str = "Indicators on this page and whether a higher or lower value is better"
    figures_summary: str = "Figures for {heading}, {first} to {last}{extras}"
    with_target: str = ", target"
    with_dot: str = ", direction of travel"
    supplementary_summary: str = "Supplementary figures"
    no_mark: str = "none"

    def polarity(self, value: str) -> str:
        """Return the word for a polarity named high, low or none."""
        return {"high": self.high, "low": self.low}.get(value, self.no_polarity)


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """Fonts, sizes, colours, symbols, labels and page furniture for both outputs."""

    font_name: str = "Arial"  # the name Word uses; the PDF embeds ``text_fonts``
    symbol_font_name: str = "Segoe UI Symbol"  # Word's font for marks (Arial has no ✓ ✗)
    text_fonts: FontFiles = field(default_factory=default_text_fonts)
    symbol_fonts: FontFiles = field(default_factory=default_symbol_fonts)
    # Tried in order for a character neither the text nor the symbol font has (PDF only):
    # community-language scripts and emoji, e.g. Debian's fonts-noto-* files (README, Fonts).
    fallback_fonts: tuple[FontSource | FontFiles, ...] = ()
    body_size: float = 12
    table_size: float = 10
    small_size: float = 9
    heading_sizes: tuple[float, float, float] = (14, 12, 12)
    text_colour: Colour = BLACK
    heading_colour: Colour = BLACK
    header_fill: Colour = Colour("D9E2F3")  # table header shading; black text on it is 15:1
    border_colour: Colour = BLACK
    margin_mm: float = 20
    marks: MarkStyle = field(default_factory=MarkStyle)
    rag: RagStyle = field(default_factory=RagStyle)
    labels: Labels = field(default_factory=Labels)


DEFAULT_STYLE = HouseStyle()
