"""The house style, defined once and read by both renderers.

The page (``PageSetup``, ``Picture``) lives in ``style/page.py`` and is re-exported here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..model import Direction, DotConvention, Judgement, Unit
from .page import MIN_TEXT, MM, PageSetup, Picture

__all__ = [
    "BLACK", "DEFAULT_STYLE", "MIN_TEXT", "MM", "WHITE", "ChartStyle", "Colour", "FontFiles", "FontSource",
    "HouseStyle", "Labels", "MarkStyle", "PageSetup", "Picture", "RagStyle", "Spacing", "bundled_font",
    "default_symbol_fonts", "default_text_fonts",
]


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
    no_figure_text: str = "No figure"  # where the period reported has no figure: no mark is drawn
    convention: DotConvention = DotConvention.BLACKPOOL  # what the arrows mean, for the whole document
    key_on_reports: bool = False  # print "How to read the marks" on a report's first page too
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
        return {Judgement.BETTER: self.better_colour, Judgement.WORSE: self.worse_colour}.get(judgement,
                                                                                             self.neutral_colour)

    def word(self, judgement: Judgement) -> str:
        """Return the word for a judgement."""
        return {Judgement.BETTER: self.better_word, Judgement.WORSE: self.worse_word}.get(judgement, self.same_word)


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
    reference: str = "Ref"
    officer: str = "Responsible officer"
    status: str = "Status"
    commentary: str = "Commentary:"
    notes: str = "Notes:"
    direction_of_travel: str = "Direction of Travel"
    target: str = "Target"  # a data table's Target column, unless the input names it
    dot: str = "DoT"  # a DoT column's header, unless the input gives one
    page_number: str = "Page {page} of {pages}"
    scorecard: str = "Summary scorecard"
    exceptions: str = "Indicators reported by exception"
    scorecard_dot: str = "DoT (vs last period)"  # the scorecard's mark compares with the period before
    marks_key: str = "How to read the marks"

    high: str = "High"  # the polarity, in the "Better to be?" column
    low: str = "Low"
    no_polarity: str = "n/a"
    # Table summaries, read out by screen readers (the PDF's /Summary, the Word table description)
    indicators_summary: str = "Indicators on this page"
    polarity_summary: str = " and whether a higher or lower value is better"  # when the table shows it
    figures_summary: str = "Figures for {heading}, {first} to {last}{extras}"
    with_target: str = ", target"
    supplementary_summary: str = "Supplementary figures"
    no_mark: str = "none"

    def polarity(self, value: str) -> str:
        """Return the word for a polarity named high, low or none."""
        return {"high": self.high, "low": self.low}.get(value, self.no_polarity)


@dataclass(frozen=True, slots=True)
class Spacing:
    """Vertical space, in points, as the Word template's styles set it; the PDF leaves the same.

    Between two paragraphs Word leaves the greater of the first's space after and the
    second's space before (LibreOffice does the same for a Word file); it drops the space
    before a paragraph at the top of a page, and sets lines at the font's own height (its
    ascender, descender and line gap) times ``line_spacing``. A table cell's text sits inside
    the table style's cell margins, and each row is as much taller as its border is wide.
    """

    body_after: float = 8.0  # Normal
    heading_before: tuple[float, float, float] = (0.0, 12.0, 12.0)  # Heading 1-3 (none at a page top)
    heading_after: tuple[float, float, float] = (6.0, 12.0, 6.0)
    small_after: float = 3.0  # Small Text (footnotes)
    list_after: float = 4.0  # List Bullet and List Number
    list_between: float = 0.0  # between two items of a list: none, as the list styles ask
    # ("Don't add space between paragraphs of the same style", w:contextualSpacing)
    line_spacing: float = 1.0  # Normal's line spacing, a multiple of single
    cell_top: float = 1.4  # the Exception Table style's cell margins
    cell_bottom: float = 1.4
    cell_side: float = 4.25
    border: float = 0.5  # the table style's horizontal borders: each adds its width to a row
    # The space between a table and the block after it, the same in both formats: Word's next
    # paragraph takes it as its space before (the greater of it and its style's own); between
    # two tables (which Word would join) a paragraph exactly this tall holds them apart.
    table_after: float = 12.0


@dataclass(frozen=True, slots=True)
class TableFit:
    """How far a figures table may give way before its page turns or its columns split, in points
    (``layout/widths.py``): cell padding down to ``min_cell_side`` then type down to
    ``min_size``; then a landscape page if ``landscape``; then up to ``max_groups`` tables of
    columns, each repeating the row headings. A figure pair (``2,912 (1000.4)``) may break at
    its space only where ``pairs_break``. Raises ValueError for limits that cannot hold."""

    min_size: float = 8.0
    min_cell_side: float = 2.0
    landscape: bool = True
    max_groups: int = 3
    pairs_break: bool = True

    def __post_init__(self) -> None:
        if not (4 <= self.min_size <= 72 and 0 <= self.min_cell_side <= 72 and 1 <= self.max_groups <= 20):
            raise ValueError(f"{self!r}: a table's least size is 4 to 72 pt, its least padding 0 to 72 pt "
                             "and its groups 1 to 20")


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """How a trend chart is drawn, in both outputs: size, type, lines, markers and wording.

    Lines differ by colour, marker and dash pattern, so they can be told apart in greyscale and
    without colour vision. Each line colour has at least 3:1 contrast on white (WCAG 1.4.11).
    Sizes are in points unless named ``_mm``.
    """

    height_mm: float = 62
    font_size: float = 9
    line_width: float = 2.0  # the figures
    level_width: float = 1.25  # the target and the comparators
    grid_width: float = 0.5
    marker_size: float = 5.5
    current_size: float = 10.0  # the latest figure's marker
    series_colours: tuple[Colour, ...] = (Colour("0072B2"), Colour("A8450A"), Colour("00755A"),
                                          Colour("8E3A80"))  # Okabe-Ito hues, darkened for 3:1
    target_colour: Colour = BLACK
    comparator_colours: tuple[Colour, ...] = (Colour("505A5F"), Colour("6F4E37"), Colour("3C3C78"))
    grid_colour: Colour = Colour("C8CACC")
    axis_colour: Colour = Colour("505A5F")
    actual_label: str = "Actual"
    target_label: str = "Target"
    higher_better: str = "Higher is better"
    lower_better: str = "Lower is better"
    caption: str = ("Figure: {heading}, {first} to {last}. {polarity}The larger marker is the latest "
                    "{which}figure.")  # {which} is the first line's name and a space, with several lines


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """Fonts, sizes, colours, symbols, labels and page furniture for both outputs."""

    font_name: str = "Arial"  # the name Word uses; the PDF embeds ``text_fonts``
    # The font of the marks (Arial has no ✓ ✗): the family of ``symbol_fonts``, named in the Word
    # file so both formats draw the same glyphs
    symbol_font_name: str = "DejaVu Sans"
    text_fonts: FontFiles = field(default_factory=default_text_fonts)
    symbol_fonts: FontFiles = field(default_factory=default_symbol_fonts)
    # For what neither the text nor the symbol font has, in order (PDF only), e.g. fonts-noto-* (README, Fonts)
    fallback_fonts: tuple[FontSource | FontFiles, ...] = ()
    body_size: float = 12
    table_size: float = 10
    small_size: float = 9
    furniture_size: float = 9  # the running header and "Page X of Y", in both formats
    heading_sizes: tuple[float, ...] = (14, 12, 12, 12, 12, 12)  # levels 1-6; a deeper level than given: the last
    text_colour: Colour = BLACK
    heading_colour: Colour = BLACK
    header_fill: Colour = Colour("D9E2F3")  # table header shading; black text on it is 15:1
    border_colour: Colour = BLACK
    margin_mm: float = 20  # the margins of the default page (A4 portrait), when ``page`` is None
    marks: MarkStyle = field(default_factory=MarkStyle)
    rag: RagStyle = field(default_factory=RagStyle)
    labels: Labels = field(default_factory=Labels)
    page: PageSetup | None = None  # the page; a Word template's own page setup replaces it
    spacing: Spacing = field(default_factory=Spacing)  # a Word template's own spacing replaces it
    table_fit: TableFit = field(default_factory=TableFit)
    chart: ChartStyle = field(default_factory=ChartStyle)
    # figures written without thousands separators: Blackpool writes rates so, "3,031 (1056.6)"
    ungrouped_units: tuple[Unit, ...] = (Unit.RATE,)

    @property
    def page_setup(self) -> PageSetup:
        """Return the page both outputs use: ``page``, or A4 portrait in ``margin_mm`` margins."""
        return self.page if self.page is not None else PageSetup.a4(self.margin_mm)


DEFAULT_STYLE = HouseStyle()
