"""The ``disagreements`` and ``naming`` JSON: shape, offsets and round trip."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.ingest import load_sample
from analysis.jsonio import result_from_json, result_to_json
from analysis.pipeline import compare
from analysis.result import ComparisonResult


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    return compare(load_sample())


def test_members_point_into_the_texts(result: ComparisonResult) -> None:
    data = result_to_json(result)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert data["disagreements"]
    for item in data["disagreements"]:
        assert item["kind"] in {"number", "label"}
        assert isinstance(item["contradiction"], bool)
        assert (item["cluster"] is None) != (item["link"] is None)
        if item["link"] is not None:  # the link it belongs to resolves in the JSON
            links = data["alignment"][item["link_list"]]
            assert 0 <= item["link"] < len(links)
        for m in item["members"]:
            assert 0 <= m["start"] < m["end"] <= len(texts[m["article"]])
            assert m["value"]
    for actor in data["naming"]["actors"]:
        for m in actor["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(texts[m["article"]])


def test_round_trip_keeps_the_report(result: ComparisonResult) -> None:
    again = result_from_json(json.loads(json.dumps(result_to_json(result))))
    assert again.disagreements == result.disagreements


@pytest.mark.shared
def test_check_result_still_passes(
    result: ComparisonResult, shared_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(result_to_json(result)), encoding="utf-8")
    tool = shared_dir / "tools" / "check-result.py"
    done = subprocess.run([sys.executable, str(tool), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
