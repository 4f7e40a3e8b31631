"""The words of a trend chart: its alternative text (the trend said in words) and its caption.

The alternative text is what a screen reader says instead of the picture, so it says what a
sighted reader takes from it: where each line started and ended, its peak or low in between,
and where the latest figure stands against the target and the comparators, and since when.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..formatting import format_number
from ..model import Comparator, Number
from ..style import ChartStyle

Figures = Sequence[Number | None]  # one per category; None is a blank
Target = tuple[Sequence[Decimal | None], str]  # per category, and how to name it: "the target of 443"


def _movement(name: str, categories: Sequence[str], figures: Figures, locale: str) -> str:
    points = [(categories[i], f) for i, f in enumerate(figures) if f is not None]
    def say(figure: Number) -> str:
        return format_number(figure, locale)

    who = f"{name}: " if name else ""
    (first_at, first), (last_at, last) = points[0], points[-1]
    if len(points) == 1:
        return f"{who}{say(first)} in {first_at}"
    if last.value > first.value:
        verb = "rose"
    elif last.value < first.value:
        verb = "fell"
    else:
        verb = "was"
    sentence = f"{verb} from {say(first)} in {first_at} to {say(last)} in {last_at}"
    if verb == "was":
        sentence = f"was {say(first)} in {first_at} and again {say(last)} in {last_at}"
    inner = points[1:-1]
    if inner:
        top = max(inner, key=lambda p: p[1].value)
        low = min(inner, key=lambda p: p[1].value)
        if top[1].value > max(first.value, last.value):
            sentence += f", peaking at {say(top[1])} in {top[0]}"
        if low[1].value < min(first.value, last.value):
            sentence += f", with a low of {say(low[1])} in {low[0]}"
    text = who + sentence
    return text[0].upper() + text[1:]


def _relation(figure: Decimal, reference: Decimal) -> str:
    return "above" if figure > reference else "below" if figure < reference else "at"


def _against_target(categories: Sequence[str], figures: Figures, target: Target) -> str | None:
    """Return "above the target of 443 since Q1 2016/17" for the latest figure, or None."""
    levels, name = target
    pairs = [(i, f.value, t) for i, (f, t) in enumerate(zip(figures, levels, strict=True))
             if f is not None and t is not None]
    if not pairs:
        return None
    where = _relation(pairs[-1][1], pairs[-1][2])
    run = 0
    while run < len(pairs) and _relation(pairs[-1 - run][1], pairs[-1 - run][2]) == where:
        run += 1
    if run == len(pairs) and len(pairs) > 1:
        return f"{where} {name} throughout"
    if run > 1:
        return f"{where} {name} since {categories[pairs[-run][0]]}"
    return f"{where} {name}"


def alt_text(categories: Sequence[str], lines: Sequence[tuple[str, Figures]], target: Target | None,
             comparators: Sequence[Comparator], locale: str) -> str:
    """Return the chart's trend in words, one sentence per line of figures then the standing.

    ``lines`` are (name, figures) pairs, the name '' for a chart of one line.
    """
    sentences = [_movement(name, categories, figures, locale) + "." for name, figures in lines
                 if any(f is not None for f in figures)]
    figures = lines[0][1]
    latest = next((f for f in reversed(figures) if f is not None), None)
    standing = []
    if target is not None:
        found = _against_target(categories, figures, target)
        if found:
            standing.append(found)
    if latest is not None:
        for comparator in comparators:
            standing.append(f"{_relation(latest.value, comparator.value.value)} the {comparator.label} "
                            f"figure of {format_number(comparator.value, locale)}")
    if standing:
        who = f"The latest {lines[0][0]} figure" if lines[0][0] and len(lines) > 1 else "The latest figure"
        sentences.append(f"{who} is " + _join(standing) + ".")
    return " ".join(sentences)


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def caption(heading: str, categories: Sequence[str], look: ChartStyle, polarities: Sequence[str],
            names: Sequence[str]) -> str:
    """Return the caption: what is shown, over which periods, and which way is better."""
    said = ""
    if polarities and all(p == polarities[0] for p in polarities):
        said = f"{polarities[0]}. " if polarities[0] else ""
    else:
        said = "; ".join(f"{name}: {p.lower()}" for name, p in zip(names, polarities, strict=True) if p)
        said = f"{said}. " if said else ""
    which = f"{names[0]} " if len(names) > 1 else ""
    text = look.caption.format(heading=" ".join(heading.split()), first=categories[0], last=categories[-1],
                               polarity=said, which=which)
    return text
