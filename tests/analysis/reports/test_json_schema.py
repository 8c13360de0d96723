from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from analysis.jsonio import result_from_json
from analysis.reports import render_report
from analysis.result import ComparisonResult
from tests.conftest import REPO

SCHEMA = json.loads((REPO / "docs" / "report-schema.json").read_text("utf-8"))


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_json_report_matches_the_schema_and_loads_back(result: ComparisonResult) -> None:
    data = json.loads(render_report(result, "json").decode("utf-8"))
    jsonschema.validate(data, SCHEMA)
    again = result_from_json(data)
    assert again.articles == result.articles
    assert again.settings == result.settings and again.created == result.created


def test_documented_section_shapes_match_the_schema(data: dict[str, Any]) -> None:
    # The fixture's sections are written in the documented shapes the renderers read.
    jsonschema.validate(data, SCHEMA)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema_version",), "1"),
        (("articles", 0, "sha256"), "xyz"),
        (("alignment", "links", 0, "kind"), "copied"),
        (("alignment", "links", 0, "score"), 140),
        (("terms", "hits", 0, "in_quote"), "yes"),
    ],
)
def test_the_schema_rejects_malformed_results(
    data: dict[str, Any], path: tuple[Any, ...], value: Any
) -> None:
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
