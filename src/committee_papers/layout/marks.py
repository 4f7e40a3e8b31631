"""Turn an assessment into the spans of a DoT mark, in the house style."""

from __future__ import annotations

from ..assess import Assessment
from ..model import Judgement
from ..style import MarkStyle
from .nodes import Span, SpanRole


def mark_spans(assessment: Assessment | None, style: MarkStyle) -> tuple[Span, ...]:
    """Return the arrow, the tick or cross, and (if the style asks) the words."""
    if assessment is None:
        return (Span(style.none_text),) if style.none_text else ()
    colour = style.colour(assessment.judgement)
    symbol = style.symbol(assessment.judgement)
    glyphs = style.arrow(assessment.direction) + (" " + symbol if symbol else "")
    spans = [Span(glyphs, bold=True, colour=colour, role=SpanRole.MARK, alt=assessment.words)]
    if style.show_words:
        word = style.word(assessment.judgement)
        if assessment.judgement is Judgement.NEUTRAL and assessment.direction.value != "same":
            word = ""
        if word:
            spans.append(Span(" " + word, colour=colour))
    return tuple(spans)
