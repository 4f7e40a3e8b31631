"""Break spans of text into lines: words measured once, greedy filling, long words split.

A word is a run of characters between breakable white space, or after a hyphen followed by a
letter (where Word breaks too); it may change face or colour in the middle (a bold prefix, a
tick drawn from the symbol font). White space is kept as typed,
as the Word file keeps it: a run of spaces stays a run of spaces, and a tab moves on to the
next tab stop (every ``TAB_STOP`` points from the start of the line, Word's default of 1.27 cm
in the house template). A newline is a line break; it stays at the end of its line's text, so
it reaches the tagged text, but is never drawn.

Where a line wraps, the white space at the break stays at the end of the line, drawn but not
counted in the line's width (as in Word, it hangs past the margin), so a text extractor and a
screen reader get "to treatment", not "totreatment" (ISO 32000-1 §14.8.2.5: a word break is a
space character in the content). Widths are kept in thousandths of an em, so the same words
can be broken again at another font size without measuring them again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from math import floor
from typing import NamedTuple

from ...layout import Span, SpanRole
from ...style import BLACK, Colour
from .faces import Face
from .fonts import Fonts

# White space a line may break at: everything but the no-break spaces.
_BREAKABLE = re.compile(r"([^\S\xa0\u2007\u202f]+)")
_SPACES = re.compile(r"[^\S\xa0\u2007\u202f]+")
_PLAIN = re.compile(r"^ |  | $|[^\S \xa0\u2007\u202f]|(?<=\S)-(?=[^\W\d_])|\xad")  # all but single spaces between words
# A line may also break after a hyphen between a character and a letter ("Self-|reported"), as
# Word and LibreOffice break it (UAX #14: after HY, but not before a digit: "2014-15", "-5" stay),
# and at a soft hyphen (U+00AD, UAX #14 class BA), which shows as a hyphen only where the line
# breaks there and is not drawn elsewhere, as in Word.
_HYPHEN_BREAK = re.compile(r"(?<=\S-)(?=[^\W\d_])|(?<=\xad)(?=\S)")
SOFT_HYPHEN = "\xad"
EPSILON = 1e-6
TAB_STOP = 36.0  # points between default tab stops (720 twips, the template's w:defaultTabStop)


class Look(NamedTuple):
    """How a piece of text is drawn beyond its face: its colour, its language if marked, and
    the address it links to (``links.py``)."""

    colour: Colour
    lang: str | None = None
    link: str | None = None


Segment = tuple[Face, Look, str]  # face, look, text drawn in one go
Piece = tuple[Face, Look, str]
Gap = tuple[Face, Look, str]  # the white space before a word, as typed
# A word: its pieces, its width, and the white space before it (or None).
Word = tuple[list[Piece], float, Gap | None]
Line = tuple[float, list[Segment]]  # width in thousandths of an em, segments left to right


class Break(NamedTuple):
    """A forced line break among the words, in the face and look of the newline."""

    face: Face
    colour: Look


Token = Word | Break


def advance_of_space(face: Face, text: str, position: float, stop: float) -> float:
    """Return how far white space ``text`` starting at ``position`` moves on (thousandths of an em).

    ``stop`` is the distance between tab stops in the same units.
    """
    start = position
    for char in text:
        if char == "\t":
            position = (floor(position / stop + EPSILON) + 1) * stop
        else:
            position += face.width(char) if char in face.chars else face.width(" ")
    return position - start


def words(spans: Iterable[Span], fonts: Fonts, default: Colour) -> list[Token]:
    """Return the words of a paragraph of spans, with a ``Break`` for each newline.

    White space at the end of the paragraph or before a line break is an empty word.
    """
    tokens: list[Token] = []
    pieces: list[Piece] | None = None
    width = 0.0
    gap: Gap | None = None

    def add_space(face: Face, colour: Look, text: str) -> None:
        nonlocal gap
        gap = (face, colour, text) if gap is None else (gap[0], gap[1], gap[2] + text)

    for span in spans:
        if not span.text:
            continue
        colour = Look(span.colour or default, span.lang, span.link)
        mark = span.role is SpanRole.MARK
        for face, text in fonts.runs(span.text, bold=span.bold, italic=span.italic, mark=mark):
            for index, part in enumerate(_BREAKABLE.split(text)):
                if index % 2:  # white space
                    if pieces is not None:
                        tokens.append((pieces, width, gap))
                        pieces, gap = None, None
                    lines = part.split("\n")
                    for number, between in enumerate(lines):
                        if number:
                            if gap is not None:
                                tokens.append(([], 0.0, gap))
                                gap = None
                            tokens.append(Break(face, colour))
                        if between:
                            add_space(face, colour, between)
                elif part:
                    for number, piece in enumerate(_HYPHEN_BREAK.split(part)):
                        if number:  # after a hyphen: a word of its own, joined without a space
                            tokens.append((pieces or [], width, gap))
                            pieces, gap = None, None
                        if pieces is None:
                            pieces, width = [(face, colour, piece)], face.width(piece)
                        else:
                            pieces.append((face, colour, piece))
                            width += face.width(piece)
    if pieces is not None:
        tokens.append((pieces, width, gap))
    elif gap is not None:
        tokens.append(([], 0.0, gap))
    return tokens


def single_face(spans: Sequence[Span], fonts: Fonts) -> Face | None:
    """Return the face of a paragraph that is one span drawn in one face, else None."""
    if len(spans) != 1:
        return None
    span = spans[0]
    runs = fonts.runs(span.text, bold=span.bold, italic=span.italic, mark=span.role is SpanRole.MARK)
    return runs[0][0] if len(runs) == 1 else None


def widest(spans: Sequence[Span], fonts: Fonts) -> float:
    """Return the width of the widest word, in thousandths of an em."""
    face = single_face(spans, fonts)
    if face is not None:
        return max(map(face.width, _SPACES.split(spans[0].text)), default=0.0)
    tokens = words(spans, fonts, BLACK)
    return max((token[1] for token in tokens if not isinstance(token, Break)), default=0.0)


def _chunks(word: Word, limit: float) -> list[Word]:
    """Split a word wider than ``limit`` into pieces that each fit (at least one character)."""
    chunks: list[Word] = []
    pieces: list[Piece] = []
    width, gap = 0.0, word[2]
    for face, colour, text in word[0]:
        for char in text:
            advance = face.width(char)
            if pieces and width + advance > limit + EPSILON:
                chunks.append((pieces, width, gap))
                pieces, width, gap = [], 0.0, None
            if pieces and pieces[-1][0] == face and pieces[-1][1] == colour:
                pieces[-1] = (face, colour, pieces[-1][2] + char)
            else:
                pieces.append((face, colour, char))
            width += advance
    chunks.append((pieces, width, gap))
    return chunks


class _LineBuilder:
    """Collect words into one line's segments, merging runs of the same face and colour."""

    def __init__(self, stop: float) -> None:
        self.segments: list[Segment] = []
        self.width = 0.0
        self.stop = stop

    def _append(self, face: Face, colour: Look, text: str) -> None:
        segments = self.segments
        if segments and segments[-1][0] == face and segments[-1][1] == colour:
            segments[-1] = (face, colour, segments[-1][2] + text)
        else:
            segments.append((face, colour, text))

    def gap_width(self, gap: Gap | None) -> float:
        """Return the width ``gap`` would take at the end of the line."""
        return 0.0 if gap is None else advance_of_space(gap[0], gap[2], self.width, self.stop)

    def _space(self, gap: Gap) -> None:
        # White space is never ink: it takes the colour before it, but stays in its own link or none
        before = self.segments[-1][1] if self.segments else gap[1]
        colour = Look(before.colour, before.lang, gap[1].link)
        self._append(gap[0], colour, gap[2])

    def soft(self, gap: Gap | None) -> float:
        """Return the width of the soft hyphen ending the line, which a word joined after it
        (``gap`` None) takes away: it shows only where the line breaks."""
        if gap is not None or not self.segments or not self.segments[-1][2].endswith(SOFT_HYPHEN):
            return 0.0
        return self.segments[-1][0].width(SOFT_HYPHEN)

    def add(self, word: Word, gap: Gap | None) -> None:
        """Add a word after the white space ``gap`` (None for none)."""
        soft = self.soft(gap)
        if soft:  # a word joined after a soft hyphen: the hyphen is not drawn
            face, colour, text = self.segments[-1]
            self.segments[-1] = (face, colour, text[:-1])
            self.width -= soft
        if gap is not None:
            self.width += self.gap_width(gap)
            self._space(gap)
        for face, colour, text in word[0]:
            self._append(face, colour, text)
        self.width += word[1]

    def hang(self, gap: Gap | None) -> None:
        """Add white space at the end of the line that does not count in its width."""
        if gap is not None:
            self._space(gap)

    def newline(self, token: Break) -> None:
        """End the line at a line break: a newline after its text, not drawn but extracted."""
        if self.segments:
            face, colour, text = self.segments[-1]
            self.segments[-1] = (face, colour, text + "\n")
        else:  # an empty line holds its newline alone
            self.segments.append((token.face, token.colour, "\n"))

    def line(self, *, wrapped: bool = False) -> Line:
        """Return the line: its width and segments. A soft hyphen is drawn only where a
        ``wrapped`` line ends with it; elsewhere (before a space, at a run's or the text's end,
        before a line break) it is left out, as Word leaves it out."""
        segments, width = self.segments, self.width
        if not any(SOFT_HYPHEN in text for _, _, text in segments):
            return width, segments
        kept: list[Segment] = []
        for number, (face, colour, text) in enumerate(segments):
            last = wrapped and number == len(segments) - 1 and text.endswith(SOFT_HYPHEN)
            body = text[:-1] if last else text
            if SOFT_HYPHEN in body:
                width -= face.width(SOFT_HYPHEN) * body.count(SOFT_HYPHEN)
                body = body.replace(SOFT_HYPHEN, "")
            text = body + SOFT_HYPHEN if last else body
            if text:
                kept.append((face, colour, text))
        return width, kept


def break_lines(tokens: list[Token], limit: float, stop: float = 1e9) -> list[Line]:
    """Fill lines of at most ``limit`` thousandths of an em greedily with the words.

    ``stop`` is the distance between tab stops in thousandths of an em.
    """
    lines: list[Line] = []
    builder = _LineBuilder(stop)
    empty = True
    for token in tokens:
        if isinstance(token, Break):
            builder.newline(token)
            lines.append(builder.line())
            builder, empty = _LineBuilder(stop), True
            continue
        if not token[0]:  # white space at the end of the paragraph or before a break
            if empty:
                builder.add(token, token[2])
                empty = False
            else:
                builder.hang(token[2])
            continue
        parts = [token] if token[1] <= limit + EPSILON else _chunks(token, limit)
        for number, part in enumerate(parts):
            if empty:
                builder.add(part, part[2])  # white space at the start of a line is kept
            elif number or builder.width - builder.soft(part[2]) + builder.gap_width(part[2]) + part[1] > \
                    limit + EPSILON:
                builder.hang(part[2])
                lines.append(builder.line(wrapped=True))
                builder = _LineBuilder(stop)
                builder.add(part, None)
            else:
                builder.add(part, part[2])
            empty = False
    if not empty or lines:
        lines.append(builder.line())
    return lines


def simple_lines(text: str, face: Face, colour: Look, limit: float) -> list[Line] | None:
    """Break one run of text in one face, or return None if it needs the general path.

    The text must be words with single spaces between them. Each line is found with one binary
    search over the running widths of the words (with a space after each), rather than by a
    step per word; a line that wraps keeps its space at the end.
    """
    if "\n" in text or _PLAIN.search(text):
        return None
    found = text.split(" ") if text else []
    if not found:
        return []
    widths: list[float] = list(map(face.known.get, found))  # type: ignore[arg-type]
    if None in widths:
        widths = list(map(face.width, found))
    if max(widths) > limit + EPSILON:
        return None
    space = face.width(" ")
    ends = list(accumulate(map(space.__add__, widths)))  # ends[k]: words 0..k, a space after each
    lines: list[Line] = []
    start, count, before = 0, len(found), 0.0
    while start < count:
        stop = max(bisect_right(ends, before + limit + space + EPSILON, start), start + 1)
        width = ends[stop - 1] - before - space
        drawn = " ".join(found[start:stop]) + (" " if stop < count else "")
        lines.append((width, [(face, colour, drawn)]))
        start, before = stop, ends[stop - 1]
    return lines
