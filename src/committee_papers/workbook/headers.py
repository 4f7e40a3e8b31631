"""The column headings a wide workbook is read by, and the words its cells state.

Councils name their columns their own way: ``Ref``, ``PI Ref``, ``Indicator``, ``Good is``,
``Better to be?``, ``Target 2016/17``, ``RAG``, ``Comments``. A heading is compared as a key,
case and punctuation left out (``Better to be?`` is ``bettertobe``), so ``PI ref.`` and
``pi_ref`` are the same heading. ``FIELDS`` lists every heading recognised for each field of an
indicator; anything else is mapped in a mapping file (``mapping``) or is an error, never a guess.
Each field is also recognised by its long-form column name (``stat_neighbours``).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import FinancialYear, Frequency, Polarity, Rag, Unit

# field -> the headings that name it (as written in README); each is compared by ``key``.
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("Ref", "PI Ref", "KPI Ref", "Reference", "Ref No", "ID", "Indicator ID", "Indicator Ref",
           "Measure Ref", "PI No", "KPI No", "Code"),
    "description": ("Indicator", "Measure", "Description", "Indicator Description", "Indicator Name",
                    "Measure Description", "Performance Indicator", "Performance Measure", "PI Description",
                    "KPI Description"),
    "polarity": ("Polarity", "Good is", "Good Performance Is", "Better to be?", "Better to be"),
    "smaller_is_better": ("Smaller is better", "Lower is better"),
    "bigger_is_better": ("Bigger is better", "Higher is better", "Larger is better"),
    "unit": ("Unit", "Units"),
    "frequency": ("Frequency", "Reporting Frequency"),
    "target": ("Target", "Annual Target", "Targets"),
    "target_kind": ("Target kind",),
    "target_text": ("Target text",),
    "tolerance": ("Tolerance",),
    "england": ("England", "England Average"),
    "stat_neighbours": ("Stat Neighbours", "Stat Neighbour", "Statistical Neighbours", "Statistical Neighbour"),
    "comparator_period": ("Comparator period",),
    "percent_scale": ("Percent scale",),
    "rag": ("RAG", "RAG Status", "RAG Rating", "Status"),
    "commentary": ("Commentary", "Comments", "Comment", "Narrative"),
    "notes": ("Notes", "Note"),
    "lead_officer": ("Lead officer", "Responsible officer"),
    "portfolio": ("Portfolio", "Directorate"),
}
IGNORE = "ignore"  # what a mapping file maps a column to that is to be left out
# The headings a header row is found by: an indicator's reference or description.
ANCHORS = ("id", "description")
_YEAR_IN = re.compile(r"\(?(?<!\d)(\d{4}\s*[/-]\s*(?:\d{4}|\d{2}))(?!\d)\)?")


def key(heading: Any) -> str:
    """Return a heading as compared: lower case, letters and digits only (``Better to be?`` ->
    ``bettertobe``)."""
    return "".join(c for c in str(heading).casefold() if c.isalnum())


_BY_KEY: dict[str, str] = {}
for _field, _names in FIELDS.items():
    for _name in (*_names, _field):
        _BY_KEY.setdefault(key(_name), _field)


def field_of(heading: Any) -> tuple[str, FinancialYear | None] | None:
    """Return the field a heading names and the financial year written with it, or None.

    ``Target 2016/17`` and ``2016/17 Target`` are the target with the year 2016/17; a year
    makes sense only with a target, so ``Ref 2016/17`` is not recognised.
    """
    text = str(heading)
    found = _BY_KEY.get(key(text))
    if found is not None:
        return found, None
    match = _YEAR_IN.search(text)
    if match is None:
        return None
    rest = key(text[:match.start()] + " " + text[match.end():])
    if _BY_KEY.get(rest) != "target":
        return None
    try:
        return "target", FinancialYear.parse(match.group(1).replace(" ", ""))
    except ValueError:
        return None


def recognised(field: str) -> str:
    """Return the headings recognised for a field, as README lists them: ``'Ref', 'PI Ref', ...``."""
    return ", ".join(repr(name) for name in FIELDS[field])


# Words in cells. Each is compared by ``key`` too: "Bigger is better" -> "biggerisbetter".
POLARITY_WORDS: dict[str, Polarity] = {
    **{key(w): Polarity.HIGH for w in ("high", "higher", "up", "bigger", "larger", "more", "increase",
                                        "high is good", "higher is better", "bigger is better",
                                        "larger is better", "higher is good", "maximise")},
    **{key(w): Polarity.LOW for w in ("low", "lower", "down", "smaller", "less", "fewer", "decrease",
                                       "low is good", "lower is better", "smaller is better",
                                       "lower is good", "minimise")},
    **{key(w): Polarity.NONE for w in ("none", "n/a", "na", "neither", "for information", "data only",
                                        "information only", "no polarity")},
}
YES = {key(w) for w in ("yes", "y", "true", "x", "✓")}
NO = {key(w) for w in ("no", "n", "false")}
RAG_WORDS: dict[str, Rag] = {
    **{key(w): Rag.RED for w in ("red", "r")},
    **{key(w): Rag.AMBER for w in ("amber", "a")},
    **{key(w): Rag.GREEN for w in ("green", "g")},
    **{key(w): Rag.BLUE for w in ("blue", "b", "no target", "data only", "baseline", "n/a", "na")},
    **{key(w): Rag.GREY for w in ("grey", "gray", "no data")},
}
UNIT_WORDS: dict[str, Unit] = {
    **{key(u.value): u for u in Unit},
    **{key(w): Unit.PERCENT for w in ("percentage", "per cent")},
    **{key(w): Unit.MONEY for w in ("gbp", "pounds")},
    **{key(w): Unit.COUNT for w in ("no", "number of")},
    "%": Unit.PERCENT, "£": Unit.MONEY,  # key() drops symbols: these are matched as typed
}
FREQUENCY_WORDS: dict[str, Frequency] = {
    **{key(f.value): f for f in Frequency},
    **{key(w): Frequency.MONTHLY for w in ("month",)},
    **{key(w): Frequency.QUARTERLY for w in ("quarter",)},
    **{key(w): Frequency.ANNUAL for w in ("year", "yearly", "annually")},
}




def lookup(words: dict[str, Any], text: str) -> Any:
    """Return what a cell's words name in a table of ``words`` (by key, or a symbol as typed)."""
    stripped = text.strip()
    return words.get(stripped) if stripped in words else words.get(key(stripped))


__all__ = ["ANCHORS", "FIELDS", "FREQUENCY_WORDS", "IGNORE", "NO", "POLARITY_WORDS", "RAG_WORDS", "UNIT_WORDS",
           "YES", "field_of", "key", "lookup", "recognised"]
