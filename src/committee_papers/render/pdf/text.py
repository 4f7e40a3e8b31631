"""Break spans of text into lines: words measured once, greedy filling, long words split.

A word is a run of characters between breakable white space; it may change face or colour in
the middle (a bold prefix, a tick drawn from the symbol font). White space between words is
drawn as one space; a newline is a line break. Widths are kept in thousandths of an em, so the
same words can be broken again at another font size without measuring them again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

from ...layout import Span, SpanRole
from ...style import BLACK, Colour
from .fonts import Fonts, metrics

# White space a line may break at: everything but the no-break spaces.
_BREAKABLE = re.compile(r"([^\S\xa0\u2007\u202f]+)")
_SPACES = re.compile(r"[^\S\xa0\u2007\u202f]+")
EPSILON = 1e-6

Segment = tuple[str, Colour, str]  # face, colour, text drawn in one go
Piece = tuple[str, Colour, str]
# A word: its pieces, its width, and the face and colour of the space before it (or None).
Word = tuple[list[Piece], float, tuple[str, Colour] | None]
Line = tuple[float, list[Segment]]  # width in thousandths of an em, segments left to right
BREAK = None  # a forced line break among the words


def words(spans: Iterable[Span], fonts: Fonts, default: Colour) -> list[Word | None]:
    """Return the words of a paragraph of spans, with ``BREAK`` for each newline."""
    tokens: list[Word | None] = []
    pieces: list[Piece] | None = None
    width = 0.0
    space: tuple[str, Colour] | None = None
    for span in spans:
        if not span.text:
            continue
        colour = span.colour or default
        mark = span.role is SpanRole.MARK
        for face, text in fonts.runs(span.text, bold=span.bold, italic=span.italic, mark=mark):
            measure = metrics(face).width
            for index, part in enumerate(_BREAKABLE.split(text)):
                if index % 2:  # white space
                    if pieces is not None:
                        tokens.append((pieces, width, space))
                        pieces, space = None, None
                    breaks = part.count("\n")
                    if breaks:
                        tokens.extend([BREAK] * breaks)
                        space = None
                    else:
                        space = (face, colour)
                elif part:
                    if pieces is None:
                        pieces, width = [(face, colour, part)], measure(part)
                    else:
                        pieces.append((face, colour, part))
                        width += measure(part)
    if pieces is not None:
        tokens.append((pieces, width, space))
    return tokens


def single_face(spans: Sequence[Span], fonts: Fonts) -> str | None:
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
        return max(map(metrics(face).width, _SPACES.split(spans[0].text)), default=0.0)
    tokens = words(spans, fonts, BLACK)
    return max((token[1] for token in tokens if token is not None), default=0.0)


def _chunks(word: Word, limit: float) -> list[Word]:
    """Split a word wider than ``limit`` into pieces that each fit (at least one character)."""
    chunks: list[Word] = []
    pieces: list[Piece] = []
    width, space = 0.0, word[2]
    for face, colour, text in word[0]:
        measure = metrics(face).width
        for char in text:
            advance = measure(char)
            if pieces and width + advance > limit + EPSILON:
                chunks.append((pieces, width, space))
                pieces, width, space = [], 0.0, None
            if pieces and pieces[-1][0] == face and pieces[-1][1] == colour:
                pieces[-1] = (face, colour, pieces[-1][2] + char)
            else:
                pieces.append((face, colour, char))
            width += advance
    chunks.append((pieces, width, space))
    return chunks


class _LineBuilder:
    """Collect words into one line's segments, merging runs of the same face and colour."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.width = 0.0

    def _append(self, face: str, colour: Colour, text: str) -> None:
        segments = self.segments
        if segments and segments[-1][0] == face and segments[-1][1] == colour:
            segments[-1] = (face, colour, segments[-1][2] + text)
        else:
            segments.append((face, colour, text))

    def add(self, word: Word, space_width: float) -> None:
        """Add a word, after a space unless it starts the line."""
        pieces, width, space = word
        if self.segments and space is not None:
            self._append(space[0], self.segments[-1][1], " ")  # a space is never ink: any colour
            self.width += space_width
        for face, colour, text in pieces:
            self._append(face, colour, text)
        self.width += width

    def line(self) -> Line:
        return self.width, self.segments


def _space(word: Word) -> float:
    space = word[2]
    return metrics(space[0]).width(" ") if space is not None else 0.0


def break_lines(tokens: list[Word | None], limit: float) -> list[Line]:
    """Fill lines of at most ``limit`` thousandths of an em greedily with the words."""
    lines: list[Line] = []
    builder = _LineBuilder()
    empty = True
    for token in tokens:
        if token is BREAK:
            lines.append(builder.line())
            builder, empty = _LineBuilder(), True
            continue
        parts = [token] if token[1] <= limit + EPSILON else _chunks(token, limit)
        for number, part in enumerate(parts):
            space = 0.0 if empty else _space(part)
            if not empty and (number or builder.width + space + part[1] > limit + EPSILON):
                lines.append(builder.line())
                builder, empty, space = _LineBuilder(), True, 0.0
            builder.add(part if not empty else (part[0], part[1], None), space)
            empty = False
    if not empty or lines:
        lines.append(builder.line())
    return lines


def simple_lines(text: str, face: str, colour: Colour, limit: float) -> list[Line] | None:
    """Break one run of text in one face, or return None if it needs the general path.

    Each line is found with one binary search over the running widths of the words (with a
    space after each), rather than by a step per word.
    """
    if "\n" in text:
        return None
    found = [part for part in _SPACES.split(text) if part]
    if not found:
        return []
    face_metrics = metrics(face)
    widths: list[float] = list(map(face_metrics.known.get, found))  # type: ignore[arg-type]
    if None in widths:
        widths = list(map(face_metrics.width, found))
    if max(widths) > limit + EPSILON:
        return None
    space = face_metrics.width(" ")
    ends = list(accumulate(map(space.__add__, widths)))  # ends[k]: words 0..k, a space after each
    lines: list[Line] = []
    start, count, before = 0, len(found), 0.0
    while start < count:
        stop = max(bisect_right(ends, before + limit + space + EPSILON, start), start + 1)
        width = ends[stop - 1] - before - space
        lines.append((width, [(face, colour, " ".join(found[start:stop]))]))
        start, before = stop, ends[stop - 1]
    return lines
