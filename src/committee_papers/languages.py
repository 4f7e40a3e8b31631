"""The library's own words in the report's language: English, and Welsh for Welsh councils.

The labels of an exception page (``Indicator Description``, ``Commentary:``), the words of the
direction-of-travel marks (shown, and said by screen readers: ``Increased – better``), the RAG
words and the tables' summaries follow the report's ``language``. A house style whose words were
changed keeps its own: only words still at the English defaults are translated.

The Welsh follows the terms of Welsh public-sector performance reporting (dangosydd, targed,
sylwebaeth, cyfeiriad teithio); a council's Welsh language officer should read it over before
first publication, as for any template.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from .style import HouseStyle, Labels, MarkStyle, RagStyle

WELSH_LABELS = Labels(
    indicator_description="Disgrifiad o’r Dangosydd",
    better_to_be="Gwell os yw’n?",
    reference="Cyf.",
    officer="Swyddog cyfrifol",
    status="Statws",
    commentary="Sylwebaeth:",
    notes="Nodiadau:",
    direction_of_travel="Cyfeiriad Teithio",
    target="Targed",
    dot="CT",  # Cyfeiriad Teithio, as the scorecard's heading abbreviates it
    page_number="Tudalen {page} o {pages}",
    scorecard="Cerdyn sgorio cryno",
    exceptions="Dangosyddion a adroddir drwy eithriad",
    scorecard_dot="CT (o’i gymharu â’r cyfnod blaenorol)",
    marks_key="Sut i ddarllen y marciau",
    high="Uchel",
    low="Isel",
    no_polarity="d/b",
    indicators_summary="Y dangosyddion ar y dudalen hon",
    polarity_summary=", ac a yw gwerth uwch neu is yn well",
    figures_summary="Ffigurau ar gyfer {heading}, {first} i {last}{extras}",
    with_target=", targed",
    supplementary_summary="Ffigurau ategol",
    no_mark="dim",
)
WELSH_MARK_WORDS = {
    "better_word": "Gwell", "worse_word": "Gwaeth", "same_word": "Dim newid",
    "increased_said": "Cynyddodd", "decreased_said": "Gostyngodd", "unchanged_said": "Dim newid",
    "better_said": "gwell", "worse_said": "gwaeth", "no_figure_text": "Dim ffigur",
}
WELSH_RAG_WORDS = {"green": "Gwyrdd", "amber": "Ambr", "red": "Coch", "blue": "Dim targed",
                   "grey": "Dim data"}


def primary(language: str) -> str:
    """Return the primary subtag of a BCP 47 language tag, in lower case: ``cy-GB`` -> ``cy``."""
    return language.split("-")[0].lower()


def _translated(current: object, english: object, welsh: dict[str, str]) -> dict[str, Any]:
    """Return the Welsh words for the fields of ``current`` still at their English defaults."""
    return {name: word for name, word in welsh.items() if getattr(current, name) == getattr(english, name)}


def localised(style: HouseStyle, language: str) -> HouseStyle:
    """Return ``style`` with the library's words in ``language`` (Welsh ``cy``; else as given)."""
    if primary(language) != "cy":
        return style
    english_labels = Labels()
    labels = replace(style.labels, **_translated(
        style.labels, english_labels, {f.name: getattr(WELSH_LABELS, f.name) for f in fields(Labels)}))
    marks = replace(style.marks, **_translated(style.marks, MarkStyle(), WELSH_MARK_WORDS))
    rag = replace(style.rag, **_translated(style.rag, RagStyle(), WELSH_RAG_WORDS))
    return replace(style, labels=labels, marks=marks, rag=rag)
