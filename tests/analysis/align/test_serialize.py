from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import Article, compare
from analysis.align.serialize import alignment_from_json, alignment_to_json
from analysis.errors import ProjectError
from analysis.jsonio import result_from_json, result_to_json


def test_json_round_trip_gives_an_equal_alignment(trio: tuple[Article, Article, Article]) -> None:
    result = compare(trio)
    data = json.loads(json.dumps(result_to_json(result)))
    back = result_from_json(data)
    assert back.alignment is not None and result.alignment is not None
    assert back.alignment == result.alignment
    wire = trio[0]
    offset = wire.text.index("The port authority")
    assert back.alignment.cluster_at(wire.id, offset) == result.alignment.cluster_at(
        wire.id, offset
    )


def test_json_shape_follows_the_schema(trio: tuple[Article, Article, Article]) -> None:
    data = result_to_json(compare(trio))["alignment"]
    link = data["links"][0]
    assert set(link) == {"a", "b", "score", "kind", "changes"}
    assert set(link["a"]) == {"article", "start", "end"}
    edited = next(k for k in data["links"] if k["kind"] == "edited")
    assert set(edited["changes"][0]) == {"kind", "a", "b"}
    cluster = data["clusters"][0]
    assert set(cluster) == {"id", "members", "omitting"}
    assert set(cluster["members"][0]) == {"article", "start", "end", "position"}
    assert set(data["coverage"]) == {a.id for a in trio}
    assert set(data["pairs"][0]) >= {"a", "b", "a_verbatim", "likely_common_source"}


def test_unknown_article_in_json_is_a_project_error(trio: tuple[Article, Article, Article]) -> None:
    result = compare(trio)
    assert result.alignment is not None
    data = alignment_to_json(result.alignment)
    data["links"][0]["a"]["article"] = "nope"
    with pytest.raises(ProjectError):
        alignment_from_json(data, tuple(a.id for a in trio), result.alignment.settings)


def test_malformed_json_is_a_project_error(trio: tuple[Article, Article, Article]) -> None:
    result = compare(trio)
    assert result.alignment is not None
    with pytest.raises(ProjectError):
        alignment_from_json({"links": [{"a": {}}]}, (), result.alignment.settings)


@pytest.mark.shared
def test_check_result_accepts_the_json(
    trio: tuple[Article, Article, Article], shared_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(result_to_json(compare(trio))), encoding="utf-8")
    tool = shared_dir / "tools" / "check-result.py"
    run = subprocess.run([sys.executable, str(tool), str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert "alignment: " in run.stdout and " links" in run.stdout
