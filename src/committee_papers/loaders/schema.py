"""The JSON Schema of the report format, published by ``committee-papers schema``."""

from __future__ import annotations

from typing import Any

from .chart import CHART_SCHEMA
from .page import BLOCK_KEYS, PAGE_KEYS, TABLE_KEYS
from .reader import REPORT_KEYS

_TEXT = {"type": "string", "minLength": 1}
_FIGURE = {
    "description": "A figure: a number in the row's unit, '41%', '£1,200', '2,774 (955.6)', "
    "or [count, rate]; blank for a period not reported.",
    "anyOf": [
        {"type": "number"},
        {"type": "string"},
        {"type": "array", "items": {"type": ["number", "string"]}, "minItems": 2, "maxItems": 2},
        {"type": "null"},
    ],
}
_MARK = {"type": "string", "description": "An arrow (↑ ↓ ↔) then ✓ or ✗, or words: 'down better'."}
_LANG = {"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
         "description": "The language of this text if not the report's: a tag such as cy, pl, ur."}
_RUN = {
    "anyOf": [
        {"type": "string"},
        {"type": "object", "additionalProperties": False, "required": ["text"],
         "properties": {"text": {"type": "string"}, "bold": {"type": "boolean"},
                        "italic": {"type": "boolean"},
                        "link": {"type": "string", "pattern": "^(?i:https?://|mailto:)\\S+$",
                                 "description": "a web or e-mail address: the run is a hyperlink"},
                        "lang": _LANG}},
    ]
}
_PARAGRAPH = {"anyOf": [
    _RUN, {"type": "array", "items": _RUN},
    {"type": "object", "additionalProperties": False, "required": ["runs"],
     "properties": {"runs": {"type": "array", "items": _RUN}, "lang": _LANG}},
]}
_BLOCKS = {
    "description": "Text (paragraphs split at blank lines) or a list of paragraphs and lists.",
    "anyOf": [
        {"type": "string"},
        {"type": "array", "items": {"anyOf": [
            _PARAGRAPH,
            {"type": "object", "additionalProperties": False, "minProperties": 1, "maxProperties": 1,
             "properties": {"bullets": {"type": "array", "items": _PARAGRAPH},
                            "numbered": {"type": "array", "items": _PARAGRAPH}}},
            {"type": "object", "additionalProperties": False, "required": ["heading"],
             "description": "a sub-heading (a question, a dated update): level 1, or 2 under a level 1",
             "properties": {"heading": _TEXT, "level": {"enum": [1, 2]}}},
        ]}},
    ],
}
_SECTION = {"anyOf": [
    _BLOCKS,
    {"type": "object", "additionalProperties": False, "required": ["text"],
     "properties": {"label": {"type": "string", "description": "the label above the text; '' for none"},
                    "text": _BLOCKS}},
]}
_RAG = {"enum": ["green", "amber", "red", "blue", "grey", "Green", "Amber", "Red", "G", "A", "R", "g", "a", "r",
                 "no target", "no data"]}
_PERCENTAGE = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"type": "string"}]}
_STATUS_BLOCK = {"anyOf": [
    _RAG, {"const": True},
    {"type": "object", "additionalProperties": False,
     "description": "the page's RAG status: stated, or computed from the first row and its target",
     "properties": {"stated": _RAG, "label": _TEXT, "tolerance": _PERCENTAGE, "reason": _TEXT}},
]}
_INDICATOR_TABLE = {"anyOf": [
    {"const": True},
    {"type": "object", "additionalProperties": False,
     "properties": {"polarity_header": _TEXT, "show_polarity": {"type": "boolean"},
                    "show_id": {"type": "boolean"}, "show_officer": {"type": "boolean"}}},
]}
_TARGET = {
    "description": "A figure, 'Baseline', wording that starts 'Increase' or 'Decrease' "
    "(compared with the previous year), {text: ...} or {rule: increase|decrease|baseline}.",
    "anyOf": [
        {"type": ["number", "string"]},
        {"type": "array", "minItems": 2, "maxItems": 2},
        {"type": "object", "additionalProperties": False,
         "properties": {"text": _TEXT, "rule": {"enum": ["increase", "decrease", "baseline"]},
                        "wording": _TEXT}},
    ],
}
_CELL = {"anyOf": [
    {"type": ["string", "number", "null"]},
    {"type": "object", "additionalProperties": False,
     "properties": {"text": {"type": ["string", "number"]}, "colspan": {"type": "integer", "minimum": 1},
                    "rowspan": {"type": "integer", "minimum": 1}, "bold": {"type": "boolean"}, "lang": _LANG}},
]}
_TABLE_ROW = {"anyOf": [
    {"type": "array", "items": _CELL},
    {"type": "object", "additionalProperties": False, "required": ["cells"],
     "properties": {"cells": {"type": "array", "items": _CELL},
                    "style": {"enum": ["normal", "summary", "footnote", "header"],
                              "description": "header: a header row part-way down the table"}}},
]}
_OPERAND = {"anyOf": [
    _FIGURE, {"enum": ["latest", "target"]},
    {"type": "object", "additionalProperties": False, "required": ["period"],
     "properties": {"period": {"type": ["string", "number"]}}},
]}
_DOT_COLUMN: dict[str, Any] = {
    "type": "object", "additionalProperties": False, "required": ["basis"],
    "description": "a DoT column: what the current figure is compared with (short_term and long_term "
                   "are previous_period and same_period_last_year)",
    "properties": {
        "basis": {"enum": ["target", "past", "previous_period", "same_period_last_year", "period",
                           "short_term", "long_term"]},
        "header": _TEXT, "reference": {"type": ["string", "number"]},
    }}

_PAGE_PROPERTIES: dict[str, Any] = {
    "title": _TEXT,
    "indicators": {"type": "array", "minItems": 1, "items": {
        "type": "object", "additionalProperties": False, "required": ["description"],
        "properties": {
            "id": _TEXT, "description": _TEXT,
            "polarity": {"enum": ["high", "low", "none", "High", "Low", "None", "higher", "lower"],
                         "description": "which way is better; leave out for no better/worse judgement"},
            "better": {**_TEXT, "description": "the council's wording of the polarity ('Smaller is better')"},
            "unit": {"enum": ["percent", "count", "rate", "money", "days", "number"]},
            "officer": _TEXT, "service": _TEXT,
            "prefix": {"type": "string", "description": "written before each figure, e.g. '£'"},
            "suffix": {"type": "string", "description": "written after each figure, e.g. ' days' or 'k'"},
        }}},
    "columns": {"type": "object", "additionalProperties": False, "properties": {
        "past": {"type": "array", "items": {"type": ["string", "number"]}},
        "year": {"type": ["string", "number"]},
        "periods": {"type": "array", "items": {"type": ["string", "number"]}},
        "current": {"type": ["string", "number"], "description": "the column the marks use (default: the "
                                                                  "column of the report's period)"},
    }},
    "rows": {"type": "array", "minItems": 1, "items": {
        "type": "object", "additionalProperties": False, "required": ["values"],
        "properties": {
            "label": {"type": ["string", "number"]}, "indicator": {"type": ["integer", "string"]},
            "unit": {"enum": ["percent", "count", "rate", "money", "days", "number"]},
            "values": {"type": "object", "additionalProperties": {"anyOf": [
                _FIGURE,
                {"type": "object", "additionalProperties": False, "required": ["text"],
                 "description": "words instead of a figure ('Not available until 2018'), never computed with",
                 "properties": {"text": _TEXT, "reason": _TEXT}},
                {"type": "object", "additionalProperties": False, "required": ["figure"],
                 "description": "a figure with a note in brackets or a footnote marker",
                 "properties": {"figure": _FIGURE, "note": _TEXT, "marker": _TEXT}},
            ]}},
            "target": _TARGET, "published": _MARK,
            "status": {**_RAG, "description": "the row's RAG status as stated (else computed)"},
            "targets": {"type": "object", "additionalProperties": _TARGET,
                        "description": "a target per period column (quarterly, year to date), in a Target row"},
        }}},
    "target": _TARGET,
    "target_header": _TEXT,
    "label_header": {"type": "string"},
    "dot": {"oneOf": [_DOT_COLUMN, {"type": "array", "minItems": 1, "items": _DOT_COLUMN}]},
    "status": {"description": "a RAG status column: true, or {header, tolerance (percent of the target)}",
               "anyOf": [{"type": "boolean"}, {"type": "object", "additionalProperties": False,
                                                "properties": {"header": _TEXT, "tolerance": _PERCENTAGE}}]},
    "direction_of_travel": {"type": "array", "minItems": 1, "items": {
        "type": "object", "additionalProperties": False, "required": ["label"],
        "properties": {
            "label": _TEXT, "current": _OPERAND, "reference": _OPERAND, "stated": _MARK,
            "text": _TEXT, "published": _MARK, "row": {"type": ["integer", "string"]},
            "indicator": {"type": ["integer", "string"]},
        },
        "oneOf": [{"required": ["reference"]}, {"required": ["stated"]}, {"required": ["text"]}],
    }},
    "notes": _SECTION,
    "supplementary": {"type": "array", "items": {
        "type": "object", "additionalProperties": False, "required": ["rows"],
        "properties": {
            "title": _TEXT, "description": _TEXT,
            "header": {"type": "array", "items": _TABLE_ROW},
            "rows": {"type": "array", "minItems": 1, "items": _TABLE_ROW},
            "footnotes": {"type": "array", "items": {"type": "string"}},
            "widths": {"type": "array", "items": {"type": "number", "exclusiveMinimum": 0},
                       "description": "each column's share, e.g. [40, 20, 20, 20]"},
            "align": {"type": "array", "items": {"enum": ["left", "centre", "right", "center"]}},
        }}},
    "commentary": _SECTION,
    "chart": CHART_SCHEMA,
    "indicator_table": _INDICATOR_TABLE,
    "indicator_labels": {"type": "boolean", "description": "head each row with its indicator (ref and name)"},
}
_BLOCK_ITEM: dict[str, Any] = {"description": "one block of the page, in the order it prints", "anyOf": [
    {"type": "object", "additionalProperties": False, "required": ["table"], "properties": {"table": {
        "type": "object", "additionalProperties": False, "required": ["columns", "rows"],
        "properties": {key: _PAGE_PROPERTIES[key] for key in TABLE_KEYS}}}},
    *({"type": "object", "additionalProperties": False, "required": [key], "properties": {key: schema}}
      for key, schema in [
          ("indicator_table", _INDICATOR_TABLE),
          ("direction_of_travel", _PAGE_PROPERTIES["direction_of_travel"]),
          ("chart", CHART_SCHEMA), ("status", _STATUS_BLOCK), ("notes", _SECTION), ("commentary", _SECTION),
          ("supplementary", _PAGE_PROPERTIES["supplementary"]["items"]),
          ("key", {"const": True})]),
]}
_PAGE_PROPERTIES["blocks"] = {"type": "array", "minItems": 1, "items": _BLOCK_ITEM}
_REPORT_PROPERTIES: dict[str, Any] = {
    "appendix": {**_TEXT, "description": "The appendix label, e.g. 'App B – Q2 Exception Reports'."},
    "title": _TEXT,
    "period": {"anyOf": [
        {"type": "string", "description": "'Q2 2015/16' or '2015/16'"},
        {"type": "object", "additionalProperties": False, "required": ["year"],
         "properties": {"year": {"type": "string"}, "quarter": {"type": "integer", "minimum": 1, "maximum": 4}}},
    ]},
    "committee": _TEXT,
    "meeting_date": {"type": "string", "format": "date"},
    "organisation": _TEXT,
    "author": _TEXT,
    "locale": {**_TEXT, "description": "A Babel locale such as en_GB."},
    "language": {**_TEXT, "description": "The document language, e.g. en-GB."},
    "sections": {"type": "array", "minItems": 1, "items": {
        "type": "object", "additionalProperties": False, "required": ["portfolio", "pages"],
        "properties": {
            "portfolio": _TEXT,
            "pages": {"type": "array", "minItems": 1, "items": {
                "type": "object", "additionalProperties": False, "required": ["indicators"],
                "properties": _PAGE_PROPERTIES,
            }},
        }}},
}


def report_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a report file."""
    assert set(_REPORT_PROPERTIES) == set(REPORT_KEYS), "schema and reader disagree on report keys"
    assert set(_PAGE_PROPERTIES) == {*PAGE_KEYS, "indicators"}, "schema and reader disagree on page keys"
    in_blocks = {key for item in _BLOCK_ITEM["anyOf"] for key in item["properties"]}
    assert in_blocks == set(BLOCK_KEYS), "schema and reader disagree on block keys"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://committee-papers.invalid/schema/report.json",
        "title": "committee_papers exception report",
        "type": "object",
        "additionalProperties": False,
        "required": ["appendix", "sections"],
        "properties": _REPORT_PROPERTIES,
    }
