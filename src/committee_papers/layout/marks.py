"""Turn an assessment into the spans of a DoT mark, in the house style."""

from __future__ import annotations

from ..assess import Assessment
from ..model import Direction, DotConvention, Judgement
from ..style import MarkStyle
from .nodes import Span, SpanRole

_VERDICT_ARROW = {Judgement.BETTER: Direction.UP, Judgement.WORSE: Direction.DOWN,
                  Judgement.NEUTRAL: Direction.SAME}


def mark_spans(assessment: Assessment | None, style: MarkStyle,
               convention: DotConvention = DotConvention.BLACKPOOL) -> tuple[Span, ...]:
    """Return the arrow, the tick or cross, and (if the style asks) the words.

    Under the better/worse convention the arrow shows the verdict (up is better) and carries no
    tick or cross; its words are always shown, so the meaning is not in the colour alone.
    """
    if assessment is None:
        return (Span(style.none_text),) if style.none_text else ()
    colour = style.colour(assessment.judgement)
    said = style.said(assessment.direction, assessment.judgement)
    if convention is DotConvention.BETTER_WORSE:
        arrow = style.arrow(_VERDICT_ARROW[assessment.judgement])
        word = style.word(assessment.judgement)
        return (Span(arrow, bold=True, colour=colour, role=SpanRole.MARK, alt=said),
                Span(" " + word, colour=colour))
    symbol = style.symbol(assessment.judgement)
    glyphs = style.arrow(assessment.direction) + (" " + symbol if symbol else "")
    spans = [Span(glyphs, bold=True, colour=colour, role=SpanRole.MARK, alt=said)]
    if style.show_words:
        word = style.word(assessment.judgement)
        if assessment.judgement is Judgement.NEUTRAL and assessment.direction.value != "same":
            word = ""
        if word:
            spans.append(Span(" " + word, colour=colour))
    return tuple(spans)
