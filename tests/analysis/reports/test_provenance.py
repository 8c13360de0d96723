"""The provenance block: version, time, every setting, lexicon versions, each input's hash."""

from __future__ import annotations

import hashlib
from typing import Any

from analysis.reports.build import build_content
from analysis.reports.provenance import provenance_table
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
