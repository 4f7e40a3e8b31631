"""Turn an assessment into the spans of a DoT mark, under the document's one convention.

The convention is the house style's (``MarkStyle.convention``), so every mark of a document,
the pack's scorecard included, means the same thing:

- ``BLACKPOOL`` (the default): the arrow is the way the figure moved (↑ ↓ ↔) and the tick or
  cross says whether that is better or worse given the polarity; ↔ alone for no change, and no
  tick or cross where no direction is better.
- ``BETTER_WORSE``: the arrow is the verdict (↑ better, ↓ worse, ↔ no change) and the word is
  always shown, so the meaning is never in the colour alone; where no direction is better the
  arrow and word say the way the figure moved.

A mark's words, for a screen reader (PDF ActualText) and in the key, say the same as its glyphs,
once: a word shown beside the glyphs is not said twice.
"""

from __future__ import annotations

from ..assess.results import Assessment
from ..model import Direction, DotConvention, Judgement
from ..style import MarkStyle
from .nodes import Span, SpanRole

_VERDICT_ARROW = {Judgement.BETTER: Direction.UP, Judgement.WORSE: Direction.DOWN}


def _direction_arrow(assessment: Assessment, convention: DotConvention) -> Direction:
    """Return the arrow a mark shows: the verdict's, or (with no better direction) the movement's."""
    if convention is DotConvention.BETTER_WORSE and assessment.judgement in _VERDICT_ARROW:
        return _VERDICT_ARROW[assessment.judgement]
    return assessment.direction


def mark_words(assessment: Assessment, style: MarkStyle) -> str:
    """Return what a mark means in words, under the style's convention.

    ``BLACKPOOL``: "Decreased – better"; ``BETTER_WORSE``: "Better" (or "Increased" where no
    direction is better).
    """
    if style.convention is DotConvention.BETTER_WORSE:
        if assessment.judgement in _VERDICT_ARROW:
            return style.word(assessment.judgement)
        return style.said(assessment.direction, Judgement.NEUTRAL)
    if style.show_words and assessment.judgement in _VERDICT_ARROW:
        return f"{style.said(assessment.direction, Judgement.NEUTRAL)} – {style.word(assessment.judgement)}"
    return style.said(assessment.direction, assessment.judgement)


def mark_spans(assessment: Assessment | None, style: MarkStyle) -> tuple[Span, ...]:
    """Return the glyphs of a mark and, where the convention or style asks, its word."""
    if assessment is None:
        return (Span(style.none_text),) if style.none_text else ()
    colour = style.colour(assessment.judgement)
    words = mark_words(assessment, style)
    arrow = style.arrow(_direction_arrow(assessment, style.convention))
    if style.convention is DotConvention.BETTER_WORSE:
        return (Span(arrow, bold=True, colour=colour, role=SpanRole.MARK, alt=words),
                Span(" " + words, colour=colour))
    symbol = style.symbol(assessment.judgement)
    glyphs = arrow + (" " + symbol if symbol else "")
    spans = [Span(glyphs, bold=True, colour=colour, role=SpanRole.MARK, alt=words)]
    if style.show_words and assessment.judgement in _VERDICT_ARROW:
        spans.append(Span(" " + style.word(assessment.judgement), colour=colour))
    return tuple(spans)


def dot_spans(assessment: Assessment | None, style: MarkStyle, missing: bool = False) -> tuple[Span, ...]:
    """Return a DoT cell's spans: the mark, or the style's "no figure" text when the current
    period is blank (so a reader sees why there is no mark)."""
    if assessment is None and missing:
        return (Span(style.no_figure_text, italic=True),)
    return mark_spans(assessment, style)


def key_spans(style: MarkStyle) -> tuple[Span, ...]:
    """Return the key to the marks ("How to read the marks"), glyphs with their words."""
    def glyph(text: str, judgement: Judgement, words: str) -> Span:
        return Span(text, bold=True, colour=style.colour(judgement), role=SpanRole.MARK, alt=words)

    if style.convention is DotConvention.BETTER_WORSE:
        return (glyph(style.up, Judgement.BETTER, style.better_word), Span(f" {style.better_word};  "),
                glyph(style.down, Judgement.WORSE, style.worse_word), Span(f" {style.worse_word};  "),
                glyph(style.same, Judgement.NEUTRAL, style.same_word), Span(f" {style.same_word}. "),
                Span("Where neither way is better, the arrow shows the way the figure moved."))
    return (glyph(style.up, Judgement.NEUTRAL, "Up arrow"), Span(" the figure went up;  "),
            glyph(style.down, Judgement.NEUTRAL, "Down arrow"), Span(" it went down;  "),
            glyph(style.same, Judgement.NEUTRAL, "Sideways arrow"), Span(" no change. "),
            glyph(style.better, Judgement.BETTER, "Tick"), Span(" that is better;  "),
            glyph(style.worse, Judgement.WORSE, "Cross"),
            Span(" that is worse, given whether a higher or lower figure is better."))


__all__ = ["dot_spans", "key_spans", "mark_spans", "mark_words"]
