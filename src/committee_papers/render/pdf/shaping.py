"""Turn text into glyphs: straight through the character map, or shaped by HarfBuzz; bidi order.

Most report text (Latin, Greek, Cyrillic, punctuation, CJK ideographs, emoji without
modifiers) needs no shaping: each character is one glyph with the face's advance, which is
fast. Text of any other script, or with combining marks, joiners or variation selectors, is
shaped by HarfBuzz (``uharfbuzz``), which gives joined Arabic forms, Indic conjuncts and
reordered vowel signs, marks placed on their bases and default-ignorable characters hidden.

Right-to-left text is drawn in visual order (Unicode Standard Annex #9, rules L1 and L2): the
embedding level of each character comes from python-bidi's implementation of the algorithm
(``bidi.algorithm``), each run of one level is shaped in its direction, and runs are reversed
level by level. The paragraph direction is left to right, the direction of the document, as in
the Word file (no ``w:bidi``), so both formats order a line alike. Levels are resolved over
each line's text, not the whole paragraph: the same except where explicit embeddings span a
line break, which report text does not use. Own code does the line reordering (L1, L2) only
because python-bidi returns a reordered string, not the levels of the characters it reordered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import uharfbuzz as hb
from bidi import algorithm

if TYPE_CHECKING:
    from .faces import Face

# Characters drawn one glyph each, with no shaping: below U+0300 (Latin, with Latin-1 and
# Extended-A/B), Greek, Cyrillic, Latin Extended Additional, general punctuation, symbols,
# arrows, box drawing, CJK, Hangul syllables, full-width forms, Linear B and other early
# scripts, musical and mathematical symbols, emoji without modifiers.
_SIMPLE = re.compile(
    "[\u0000-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2000-\u200a\u2010-\u2027\u202f-\u205f"
    "\u2070-\u2bff\u2e00-\u2e7f\u3000-\u3098\u309b-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef"
    "\U00010000-\U000107ff\U0001d000-\U0001d7ff\U0001f000-\U0001f3fa\U0001f400-\U0001faff"
    "\U00020000-\U0003ffff]*")
# Characters of strong right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")


def is_simple(text: str) -> bool:
    """Return whether every character of ``text`` is drawn as one glyph, without shaping."""
    return _SIMPLE.fullmatch(text) is not None


def has_rtl(text: str) -> bool:
    """Return whether ``text`` holds a character of a right-to-left script."""
    return _RTL.search(text) is not None


@dataclass(frozen=True, slots=True)
class Glyph:
    """A glyph as HarfBuzz placed it, in thousandths of an em: its pen advance and offsets."""

    glyph: int
    advance: float
    dx: float
    dy: float
    text: str  # the characters of the cluster it belongs to


def shape(face: Face, text: str, rtl: bool = False) -> list[Glyph]:
    """Return the glyphs of ``text`` shaped in ``face``, in visual (drawing) order.

    Offsets and advances are in thousandths of an em. Each glyph carries the characters of its
    cluster (a conjunct's glyphs all carry the conjunct's characters).
    """
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    hb.shape(face.harfbuzz, buffer, {})
    scale = 1000 / face.units_per_em
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    starts = [*sorted({info.cluster for info in infos}), len(text)]
    ends = dict(pairwise(starts))
    glyphs = []
    for info, position in zip(infos, positions, strict=True):
        cluster = info.cluster
        glyphs.append(Glyph(info.codepoint, position.x_advance * scale, position.x_offset * scale,
                            position.y_offset * scale, text[cluster:ends[cluster]]))
    return glyphs


def shaped_width(face: Face, text: str) -> float:
    """Return the advance width of shaped ``text`` in thousandths of an em."""
    return sum(glyph.advance for glyph in shape(face, text, has_rtl(text)))


# ---------------------------------------------------------------- bidirectional text


def levels(text: str) -> list[int]:
    """Return the resolved embedding level of each character (UAX #9, paragraph level 0)."""
    storage = algorithm.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 0, "L"
    algorithm.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
        if not char["type"]:  # unassigned in Python's Unicode: the default class of its block
            char["type"] = "R" if has_rtl(char["ch"]) else "L"  # (UAX #9 §3.2, DerivedBidiClass)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    found: list[int | None] = [None] * len(text)
    for char in storage["chars"]:
        found[char["index"]] = int(char["level"])
    result, previous = [], 0
    for level in found:  # explicit formatting characters (X9) take the level before them
        previous = previous if level is None else level
        result.append(previous)
    # L1: white space at the end of the line goes back to the paragraph level
    for index in range(len(text) - 1, -1, -1):
        if not text[index].isspace():
            break
        result[index] = 0
    return result


Run = tuple[int, int, int]  # start, end (in the line's text), embedding level


def visual_runs(text: str) -> list[Run]:
    """Return the runs of one level in ``text``, in the order they are drawn, left to right (L2)."""
    found = levels(text)
    runs: list[Run] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or found[index] != found[start]:
            runs.append((start, index, found[start]))
            start = index
    if not runs:
        return []
    highest = max(level for _, _, level in runs)
    lowest_odd = min((level for _, _, level in runs if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(runs):
            if runs[index][2] >= level:
                end = index
                while end < len(runs) and runs[end][2] >= level:
                    end += 1
                runs[index:end] = runs[index:end][::-1]
                index = end
            else:
                index += 1
    return runs


def split_runs(pieces: Sequence[tuple[object, str]], text_runs: Sequence[Run]) -> list[tuple[int, str, bool]]:
    """Return (piece index, text, right to left) for each part of ``pieces`` in visual order.

    ``pieces`` are the line's segments (their keys and texts) in logical order; ``text_runs``
    come from ``visual_runs`` of their joined text.
    """
    bounds = []
    position = 0
    for number, (_, text) in enumerate(pieces):
        bounds.append((position, position + len(text), number))
        position += len(text)
    result: list[tuple[int, str, bool]] = []
    for start, end, level in text_runs:
        parts: list[tuple[int, str, bool]] = []
        for first, last, number in bounds:
            low, high = max(start, first), min(end, last)
            if low < high:
                parts.append((number, pieces[number][1][low - first:high - first], bool(level % 2)))
        result.extend(reversed(parts) if level % 2 else parts)
    return result
