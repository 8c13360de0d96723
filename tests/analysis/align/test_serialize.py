from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import Article, compare
from analysis.align.matcher import MatchKind
from analysis.align.serialize import alignment_from_json, alignment_to_json
from analysis.align.values import Alignment, Link, Passage
from analysis.errors import ProjectError
from analysis.jsonio import result_from_json, result_to_json
from analysis.model import Span


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
    assert set(link) == {"a", "b", "score", "kind", "changes", "shared_a", "shared_b"}
    assert set(link["a"]) == {"article", "start", "end"}
    edited = next(k for k in data["links"] if k["kind"] == "edited")
    assert set(edited["changes"][0]) == {"kind", "a", "b"}
    cluster = data["clusters"][0]
    assert set(cluster) == {"id", "members", "omitting"}
    assert set(cluster["members"][0]) == {"article", "start", "end", "position"}
    assert set(data["coverage"]) == {a.id for a in trio}
    assert set(data["pairs"][0]) >= {"a", "b", "a_verbatim", "likely_common_source"}


def test_partial_link_with_shared_spans_round_trips(
    trio: tuple[Article, Article, Article],
) -> None:
    result = compare(trio)
    assert result.alignment is not None
    al = result.alignment
    wire, daily = trio[0], trio[1]
    sa, sb = wire.sentences[1], daily.sentences[1]
    partial = Link(
        Passage(wire.id, sa.start, sa.end),
        Passage(daily.id, sb.start, sb.end),
        61.5,
        MatchKind.PARTIAL,
        shared_a=(Span(sa.start, sa.start + 8), Span(sa.start + 12, sa.start + 20)),
        shared_b=(Span(sb.start + 2, sb.start + 9),),
    )
    copies = tuple(k for k in al.links if k.kind is not MatchKind.PARTIAL)  # ours only
    built = Alignment.build(
        al.articles, al.settings, (*copies, partial), al.clusters, al.coverage, al.pairs
    )
    data = json.loads(json.dumps(alignment_to_json(built)))
    assert all(k["kind"] != "partial" for k in data["links"])
    (record,) = data["shared_facts"]
    assert record["kind"] == "partial"
    assert record["shared_a"] == [[sa.start, sa.start + 8], [sa.start + 12, sa.start + 20]]
    assert record["shared_b"] == [[sb.start + 2, sb.start + 9]]
    back = alignment_from_json(data, al.articles, al.settings)
    (got,) = [k for k in back.links if k.kind is MatchKind.PARTIAL]
    assert got == partial
    assert set(back.links) == set(built.links)
    assert got.shared(daily.id) == (Span(sb.start + 2, sb.start + 9),)


def test_links_without_shared_keys_read_as_empty(trio: tuple[Article, Article, Article]) -> None:
    result = compare(trio)
    assert result.alignment is not None
    data = alignment_to_json(result.alignment)
    for link in data["links"]:
        del link["shared_a"], link["shared_b"]
    back = alignment_from_json(data, tuple(a.id for a in trio), result.alignment.settings)
    assert back == result.alignment


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


@pytest.mark.shared
def test_check_result_accepts_shared_fact_links(shared_dir: Path, tmp_path: Path) -> None:
    from analysis.ingest import load_sample

    result = compare(load_sample())
    data = json.loads(json.dumps(result_to_json(result)))
    assert data["alignment"]["shared_facts"], "the sample should have shares-a-fact links"
    assert result_from_json(data).alignment == result.alignment
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    tool = shared_dir / "tools" / "check-result.py"
    run = subprocess.run([sys.executable, str(tool), str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
