"""The published JSON Schema accepts the samples and refuses what the reader refuses."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
import yaml

from committee_papers.loaders.schema import report_schema

from ..conftest import Q2, Q3


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("sample", [Q2, Q3], ids=["q2", "q3"])
def test_samples_are_valid(validator: jsonschema.Draft202012Validator, sample: Any) -> None:
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))  # YAML dates and numbers as JSON has them
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []


def test_typo_is_refused(validator: jsonschema.Draft202012Validator, minimal: dict[str, Any]) -> None:
    indicator = minimal["sections"][0]["pages"][0]["indicators"][0]
    indicator["polarty"] = indicator.pop("polarity")
    assert not validator.is_valid(minimal)


def test_comparison_with_two_forms_is_refused(validator: jsonschema.Draft202012Validator,
                                               minimal: dict[str, Any]) -> None:
    minimal["sections"][0]["pages"][0]["direction_of_travel"] = [{"label": "x", "stated": "↑", "text": "y"}]
    assert not validator.is_valid(minimal)
    minimal["sections"][0]["pages"][0]["direction_of_travel"] = [{"label": "x", "stated": "↑"}]
    assert validator.is_valid(minimal)
