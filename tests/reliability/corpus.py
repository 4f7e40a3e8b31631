"""The hostile-text corpus: what people paste from emails and spreadsheets into a report.

Each entry is fed into every text field of a report (``report_with``). A field's value is the
entry's text between two tags naming the field, ``[f07] … [/f07]``, so a reader of the output
can find the field and see that nothing was added before or after the text (``&`` must not come
out as ``&amp;``). What a reader must see is ``shown(text)``: the text after ``clean_text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from committee_papers.model.cleaning import clean_text, unclean_characters

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def has_rtl(text: str) -> bool:
    """Return whether text holds Hebrew or Arabic letters (UAX #9 classes R and AL)."""
    return _RTL.search(text) is not None


@dataclass(frozen=True, slots=True)
class Hostile:
    """A corpus entry: an id for test names, and the text as typed or pasted."""

    id: str
    text: str

    @property
    def shown(self) -> str:
        """Return what a reader of the document must see: controls as breaks or left out."""
        return clean_text(self.text)

    @property
    def has_controls(self) -> bool:
        """Return whether ``check`` must warn about control characters in this text."""
        return bool(unclean_characters(self.text))


LONG_WORD = ("Antidisestablishmentarianism" * 72)[:2000]  # 2,000 characters, no space
assert len(LONG_WORD) == 2000
URL = ("https://www.blackpool.gov.uk/Your-Council/Transparency-and-open-data/Performance/"
       "Exception-reports.aspx?quarter=Q2&year=2015%2F16&format=pdf#section-3.1")

CORPUS: tuple[Hostile, ...] = (
    Hostile("ampersand", "&"),
    Hostile("less-than", "<"),
    Hostile("greater-than", ">"),
    Hostile("bold-tag", "<b>not bold</b>"),
    Hostile("para-close", "</para>"),
    Hostile("nhs-tag", "Target <NHS> rate"),
    Hostile("at-and-t", "AT&T"),
    Hostile("entities", "&amp; &lt; &#65; &nbsp; &bogus;"),
    Hostile("jinja-expression", "{{ 7*7 }}"),
    Hostile("docxtpl-paragraph-tag", "{%p if x %}"),
    Hostile("docxtpl-subdoc", "{{p subdoc }}"),
    Hostile("quotes", "'single' \"double\" ‘curly’ “curly” „low“ «guillemets» ‹one› `back`"),
    Hostile("tab", "before\tafter"),
    Hostile("newline", "line one\nline two"),
    Hostile("windows-newline", "line one\r\nline two"),
    Hostile("vertical-tab", "cell line one\x0bcell line two"),  # Alt+Enter in an Excel cell
    Hostile("form-feed", "page one\x0cpage two"),
    Hostile("nul", "nul\x00here"),
    Hostile("c0-controls", "bell\x07 backspace\x08 escape\x1b unit\x1f delete\x7f end"),
    Hostile("non-character", "not\ufffea character"),
    Hostile("arabic", "تقرير الأداء الفصلي"),
    Hostile("hebrew", "דוח ביצועים רבעוני"),
    Hostile("mixed-direction", "Target: 70% هدف 2015/16"),
    Hostile("emoji", "Rising 📈 thumbs 👍 party 🎉"),
    Hostile("combining-accent", "cafe\u0301 re\u0301sume\u0301"),
    Hostile("welsh", "ŵ ŷ Ŵ Ŷ Cyngor Bwrdeistref"),
    Hostile("marks-in-text", "↑ ✓ ↓ ✗ ↔ ☑"),
    Hostile("long-word", LONG_WORD),
    Hostile("url", URL),
    Hostile("whitespace-padded", "  \t padded on both sides \t  "),
    Hostile("no-break-space", "100\u00a0per\u00a0cent"),
)

EMPTY_STRINGS = ("", " ", "  \t  ", "\n", " \u00a0 ")

# Every text field of the input, by a short tag, with the place ``text_fields`` gives it.
PAGE = "sections[0].pages[0]"
PAGE_2 = "sections[0].pages[1]"  # a page given as a list of blocks
FIELDS: dict[str, str] = {
    "appendix": "appendix",
    "title": "title",
    "committee": "committee",
    "organisation": "organisation",
    "author": "author",
    "portfolio": "sections[0].portfolio",
    "page title": f"{PAGE}.title",
    "indicator 0": f"{PAGE}.indicators[0].description",
    "indicator 1": f"{PAGE}.indicators[1].description",
    "label header": f"{PAGE}.label_header",
    "target header": f"{PAGE}.target_header",
    "dot header": f"{PAGE}.dot.header",
    "past year": f"{PAGE}.columns[0]",
    "period 0": f"{PAGE}.columns[1]",
    "period 1": f"{PAGE}.columns[2]",
    "year": f"{PAGE}.columns.year",
    "table target": f"{PAGE}.target",
    "row target": f"{PAGE}.rows[0].target",
    "row 0": f"{PAGE}.rows[0].label",
    "row 1": f"{PAGE}.rows[1].label",
    "comparison 0": f"{PAGE}.direction_of_travel[0].label",
    "comparison 1": f"{PAGE}.direction_of_travel[1].label",
    "comparison 2": f"{PAGE}.direction_of_travel[2].label",
    "comparison text": f"{PAGE}.direction_of_travel[2].text",
    "notes": f"{PAGE}.notes.text[0]",
    "notes label": f"{PAGE}.notes.label",
    "better": f"{PAGE}.indicators[0].better",
    "officer": f"{PAGE}.indicators[0].officer",
    "service": f"{PAGE}.indicators[0].service",
    "prefix": f"{PAGE}.indicators[1].prefix",
    "suffix": f"{PAGE}.indicators[1].suffix",
    "polarity header": f"{PAGE}.indicator_table.polarity_header",
    "status header": f"{PAGE}.status.header",
    "figure note": f"{PAGE}.rows[0].values[1].note",  # cells by column number, as columns[1]
    "marker": f"{PAGE}.rows[0].values[2].marker",
    "period target": f"{PAGE}.rows[0].targets[1]",
    "stated cell": f"{PAGE}.rows[1].values[2].text",
    "stated reason": f"{PAGE}.rows[1].values[2].reason",
    "sub-heading": f"{PAGE}.commentary[4].heading",
    "link run": f"{PAGE}.commentary[5]",
    "indicator 2": f"{PAGE_2}.indicators[0].description",
    "status label": f"{PAGE_2}.blocks[0].status.label",
    "status reason": f"{PAGE_2}.blocks[0].status.reason",
    "section label": f"{PAGE_2}.blocks[1].commentary.label",
    "section text": f"{PAGE_2}.blocks[1].commentary.text[0]",
    "supplementary title": f"{PAGE}.supplementary[0].title",
    "supplementary description": f"{PAGE}.supplementary[0].description",
    "header 0": f"{PAGE}.supplementary[0].header[0][0]",
    "header 1": f"{PAGE}.supplementary[0].header[0][1]",
    "cell 0": f"{PAGE}.supplementary[0].rows[0][0]",
    "cell 1": f"{PAGE}.supplementary[0].rows[0][1]",
    "footnote row": f"{PAGE}.supplementary[0].rows[1][0]",
    "bold cell": f"{PAGE}.supplementary[0].rows[1][1]",
    "footnote": f"{PAGE}.supplementary[0].footnotes[0]",
    "commentary": f"{PAGE}.commentary[0]",
    "bold run": f"{PAGE}.commentary[1][0]",
    "italic run": f"{PAGE}.commentary[1][1]",
    "bullet": f"{PAGE}.commentary[2].items[0]",
    "numbered": f"{PAGE}.commentary[3].items[0]",
    "comparator": f"{PAGE}.chart.comparators[0].label",
}
TAGS = {field: f"f{number:02d}" for number, field in enumerate(FIELDS)}

# The keys of the input format whose values are no text a reader sees: figures, marks,
# choices, flags, dates. Every other key of the JSON Schema must appear in ``report_with``.
NOT_TEXT_KEYS = frozenset({
    "basis", "bold", "colspan", "current", "id", "indicator", "italic", "language", "locale",
    "meeting_date", "period", "polarity", "published", "quarter", "reference", "row", "rule",
    "stated", "style", "unit", "values", "lang", "runs",
    "history", "targets", "value",  # a chart's length, per-period targets and a comparator's figure
    "blocks", "table", "key", "figure", "link", "level", "tolerance", "show_id", "show_officer",
    "show_polarity", "indicator_labels", "status", "widths", "align", "rowspan",  # flags, containers, sizes
})

def tagged(field: str, text: str) -> str:
    """Return the value a field is given: the text between tags naming the field.

    A past year's column label must start with its financial year; the text follows it.
    """
    tag = TAGS[field]
    year = "2014/15 " if field == "past year" else ""
    return f"{year}[{tag}] {text} [/{tag}]"


def report_with(text: str, overrides: dict[str, str] | None = None) -> dict[str, Any]:
    """Return a valid report mapping that holds ``text`` (tagged) in every text field.

    ``overrides`` gives some fields their value as it is, untagged.
    """
    given = overrides or {}

    def v(field: str) -> str:
        return given[field] if field in given else tagged(field, text)

    past, first, second = v("past year"), v("period 0"), v("period 1")
    return {
        "appendix": v("appendix"),
        "title": v("title"),
        "committee": v("committee"),
        "organisation": v("organisation"),
        "author": v("author"),
        "period": "Q2 2015/16",
        "sections": [{
            "portfolio": v("portfolio"),
            "pages": [{
                "title": v("page title"),
                "indicators": [
                    {"description": v("indicator 0"), "polarity": "high", "unit": "percent",
                     "better": v("better"), "officer": v("officer"), "service": v("service")},
                    {"description": v("indicator 1"), "polarity": "low", "unit": "count",
                     "prefix": v("prefix"), "suffix": v("suffix")},
                ],
                "indicator_table": {"polarity_header": v("polarity header"), "show_id": True,
                                    "show_officer": True},
                "status": {"header": v("status header")},
                "columns": {"past": [past], "year": v("year"), "periods": [first, second]},
                "label_header": v("label header"),
                "target_header": v("target header"),
                "target": {"text": v("table target")},
                "dot": {"basis": "past", "header": v("dot header")},
                "rows": [
                    {"label": v("row 0"), "values": {past: 41, first: {"figure": 42.5, "note": v("figure note")},
                                                     second: {"figure": 44, "marker": v("marker")}},
                     "target": {"rule": "increase", "wording": v("row target")},
                     "targets": {first: {"text": v("period target")}}},
                    {"label": v("row 1"), "values": {past: 120, first: 118, second: {
                        "text": v("stated cell"), "reason": v("stated reason")}}},
                ],
                "direction_of_travel": [
                    {"label": v("comparison 0"), "reference": {"period": past}},
                    {"label": v("comparison 1"), "stated": "↑ ✓"},
                    {"label": v("comparison 2"), "text": v("comparison text")},
                ],
                "notes": {"label": v("notes label"), "text": v("notes")},
                "supplementary": [{
                    "title": v("supplementary title"),
                    "description": v("supplementary description"),
                    "header": [[v("header 0"), v("header 1")]],
                    "rows": [
                        [v("cell 0"), v("cell 1")],
                        {"cells": [v("footnote row"), {"text": v("bold cell"), "bold": True}],
                         "style": "footnote"},
                    ],
                    "footnotes": [v("footnote")],
                }],
                "chart": {"periods": [past, first, second], "targets": {first: 43}, "history": 3,
                          "comparators": [{"label": v("comparator"), "value": 40}]},
                "commentary": [
                    v("commentary"),
                    [{"text": v("bold run"), "bold": True}, {"text": v("italic run"), "italic": True}],
                    {"bullets": [v("bullet")]},
                    {"numbered": [v("numbered")]},
                    {"heading": v("sub-heading")},
                    [{"text": v("link run"), "link": URL}],
                ],
            }, {
                "indicators": [{"description": v("indicator 2")}],
                "blocks": [
                    {"status": {"stated": "green", "label": v("status label"), "reason": v("status reason")}},
                    {"commentary": {"label": v("section label"), "text": [v("section text")]}},
                    {"key": True},
                    {"indicator_table": True},
                ],
            }],
        }],
    }


def keys_used(value: Any) -> set[str]:
    """Return every mapping key used anywhere in an input mapping."""
    if isinstance(value, dict):
        return set(value).union(*(keys_used(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(keys_used(v) for v in value))
    return set()


def flat(text: str) -> str:
    """Return text with every run of white space as one space, trimmed: wrapping-proof."""
    return re.sub(r"\s+", " ", text).strip()


def squeezed(text: str) -> str:
    """Return text without any white space: proof against a renderer breaking long words."""
    return re.sub(r"\s+", "", text)


# The fields that must not be empty, with the input path a LoadError names for each (the
# required-field test fills every other field with "fine", so the column labels are these).
_FIRST, _SECOND = tagged("period 0", "fine"), tagged("period 1", "fine")
REQUIRED: dict[str, str] = {
    "appendix": "appendix",
    "title": "title",
    "committee": "committee",
    "organisation": "organisation",
    "author": "author",
    "portfolio": "sections[0].portfolio",
    "page title": f"{PAGE}.title",
    "indicator 0": f"{PAGE}.indicators[0].description",
    "indicator 1": f"{PAGE}.indicators[1].description",
    "label header": f"{PAGE}.label_header",
    "target header": f"{PAGE}.target_header",
    "dot header": f"{PAGE}.dot.header",
    "past year": f"{PAGE}.columns.past[0]",
    "period 0": f"{PAGE}.columns.periods[0]",
    "period 1": f"{PAGE}.columns.periods[1]",
    "year": f"{PAGE}.columns.year",
    "table target": f"{PAGE}.target.text",
    "row target": f"{PAGE}.rows[0].target.wording",
    "row 0": f"{PAGE}.rows[0].label",
    "row 1": f"{PAGE}.rows[1].label",
    "comparison 0": f"{PAGE}.direction_of_travel[0].label",
    "comparison 1": f"{PAGE}.direction_of_travel[1].label",
    "comparison 2": f"{PAGE}.direction_of_travel[2].label",
    "comparison text": f"{PAGE}.direction_of_travel[2].text",
    "supplementary title": f"{PAGE}.supplementary[0].title",
    "supplementary description": f"{PAGE}.supplementary[0].description",
    "footnote": f"{PAGE}.supplementary[0].footnotes[0]",
    "comparator": f"{PAGE}.chart.comparators[0].label",
    # the fields whose input path is the place check names them by
    **{field: FIELDS[field] for field in ("better", "officer", "service", "prefix", "suffix", "polarity header",
                                          "status header", "sub-heading", "indicator 2", "status label",
                                          "status reason")},
    "figure note": f"{PAGE}.rows[0].values.{_FIRST}.note",
    "marker": f"{PAGE}.rows[0].values.{_SECOND}.marker",
    "period target": f"{PAGE}.rows[0].targets.{_FIRST}.text",
    "stated cell": f"{PAGE}.rows[1].values.{_SECOND}.text",
    "stated reason": f"{PAGE}.rows[1].values.{_SECOND}.reason",
    "link run": f"{PAGE}.commentary[5][0].text",
}
# The fields where blank text is allowed: table cells and runs of rich text.
BLANK_ALLOWED = tuple(field for field in FIELDS if field not in REQUIRED)
