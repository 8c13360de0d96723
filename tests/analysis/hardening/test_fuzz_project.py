"""Hypothesis: hostile bytes and JSON into the project loader; only ProjectError may escape."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import ProjectError
from analysis.model import Article
from analysis.session import Project, load_project, project_to_json, save_project

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_VALID = project_to_json(
    Project.from_articles(
        (
            Article.from_parts(title="Port shut", paragraphs=["It shut."], outlet="A", source="a"),
            Article.from_parts(
                title="Port open", paragraphs=["It opened."], outlet="B", source="b"
            ),
        )
    )
)
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["\ud800", "slant-project", "#12ab34", "model"]),
)
JSONISH = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=16,
)
RAW = st.one_of(
    st.binary(max_size=300),
    st.lists(
        st.sampled_from(['{"format": "slant-project", ', '"schema_version": 1, ', '"articles": [',
                         "]", "}", "[", "{", "1e999", "Infinity", "NaN", '"\\ud800"', "9" * 50,
                         '"settings": {"alignment": {"max_unit_chars": 0}}, ', ",", '"x": ']),
        max_size=40,
    ).map(lambda parts: "".join(parts).encode()),
)  # fmt: skip


def _paths(doc: Any) -> list[tuple[Any, ...]]:
    """Every (container, key) position inside a JSON document."""
    found: list[tuple[Any, ...]] = []
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    )
    for key, value in items:
        found.append((doc, key))
        found.extend(_paths(value))
    return found


def _load(data: bytes) -> Project | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.slant"
        path.write_bytes(data)
        try:
            return load_project(path)
        except ProjectError as exc:
            assert exc.code.startswith("project") and str(exc) and "\n" not in str(exc)
            return None


@FUZZ
@given(data=RAW)
def test_project_loader_raw_bytes(data: bytes) -> None:
    _load(data)


@FUZZ
@given(choice=st.data(), value=JSONISH)
def test_project_loader_one_value_replaced(choice: st.DataObject, value: Any) -> None:
    doc = json.loads(json.dumps(_VALID))
    spots = _paths(doc)
    container, key = choice.draw(st.sampled_from(spots))
    container[key] = value
    project = _load(json.dumps(doc).encode("utf-8", "surrogatepass"))
    if project is not None:  # whatever loads also saves and loads again
        with tempfile.TemporaryDirectory() as folder:
            again = Path(folder) / "again.slant"
            save_project(project, again)
            assert load_project(again) == project


@pytest.mark.parametrize("span", ["", [""], [3], "ab", [1, 2, 3]])
def test_a_malformed_sentence_span_is_one_project_error(span: Any) -> None:
    """Found by the fuzzer above: a span that is a string or a short list raised IndexError."""
    doc = json.loads(json.dumps(_VALID))
    doc["articles"][0]["article"]["sentences"] = [span]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bad.slant"
        path.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(ProjectError):
            load_project(path)
