"""run_batch in-process: reports per event, the index, failures, cancel (fictional articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import Article, Cancelled
from analysis.batch import BatchError, BatchOptions, run_batch
from analysis.batch import run as run_module
from analysis.errors import AnalysisError
from analysis.ratings import parse_ratings
from tests.analysis.events.test_group import FLOOD, LONE, STRIKE

ARTICLES = [FLOOD[0], STRIKE[0], LONE, FLOOD[1], STRIKE[1], FLOOD[2]]


def test_each_event_gets_a_report_and_the_index_lists_them(tmp_path: Path) -> None:
    problems: list[str] = []
    seen: list[float] = []
    result = run_batch(
        ARTICLES,
        tmp_path / "out",
        BatchOptions(fmt="json"),
        on_problem=problems.append,
        progress=lambda f, _label: seen.append(f),
        skipped_sources=[("gone.txt", "no such file.")],
    )
    assert problems == [] and result.complete
    assert seen[-1] == 1.0 and seen == sorted(seen)
    index = json.loads((tmp_path / "out" / "index.json").read_text("utf-8"))
    assert [e["id"] for e in index["events"]] == ["event-1", "event-2", "event-3"]
    assert [e["status"] for e in index["events"]] == ["compared", "compared", "single"]
    flood = index["events"][0]
    assert [a["id"] for a in flood["articles"]] == [a.id for a in FLOOD]
    assert [a["source"] for a in flood["articles"]] == [a.source for a in FLOOD]
    assert [a["outlet"] for a in flood["articles"]] == ["Courier", "Herald", "Gazette"]
    assert flood["first_date"] == "2026-03-02" and flood["numbers"]["articles"] == 3
    assert set(flood["numbers"]) >= {"words", "linked_passages", "shared", "loaded_terms"}
    assert flood["numbers"]["words"] == sum(a.word_count for a in FLOOD)
    report = json.loads((tmp_path / "out" / flood["report"]).read_text("utf-8"))
    assert {a["id"] for a in report["articles"]} == {a.id for a in FLOOD}
    assert index["events"][2]["report"] is None
    assert index["skipped_sources"] == [{"source": "gone.txt", "reason": "no such file."}]
    assert index["coverage"]["counts"] == [[1, 1, 0], [1, 0, 1], [1, 1, 0]]
    page = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert f'href="{flood["report"]}"' in page and "gone.txt" in page


def test_ratings_show_in_the_index(tmp_path: Path) -> None:
    ratings = parse_ratings(",Courier,left\n,Herald,lean left\n,Gazette,right\n")
    run_batch(ARTICLES, tmp_path, BatchOptions(fmt="md"), ratings=ratings)
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    assert index["rated"] and index["one_sided"] == ["event-2", "event-3"]
    assert index["events"][1]["leans"] == ["left", "lean left"]
    assert index["events"][0]["articles"][2]["lean"] == "right"
    page = (tmp_path / "index.html").read_text("utf-8")
    assert "One-sided coverage (2 events)" in page and "only the left covered it" in page


def test_article_text_is_escaped_in_the_page(tmp_path: Path) -> None:
    evil = [
        Article.from_parts(
            title=f"<script>alert({n})</script> Marlow flood & the Alder",
            paragraphs=[FLOOD[n].text.split("\n\n", 1)[1]],
            outlet=f'<img src=x onerror="bad()">{n}',
            source=f"<b>{n}</b>.txt",
            date="2026-03-02",
        )
        for n in range(2)
    ]
    run_batch(evil, tmp_path, BatchOptions(fmt="json"))
    page = (tmp_path / "index.html").read_text("utf-8")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(0)&lt;/script&gt;" in page


def test_a_failed_event_is_reported_and_the_rest_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = run_module.compare_event

    def flaky(articles, fmt, paper="a4", **kwargs):  # type: ignore[no-untyped-def]
        if any(a.id == STRIKE[0].id for a in articles):
            raise AnalysisError("The strike articles could not be compared.")
        return real(articles, fmt, paper, **kwargs)

    monkeypatch.setattr(run_module, "compare_event", flaky)
    problems: list[str] = []
    run_batch(ARTICLES, tmp_path, BatchOptions(fmt="json"), on_problem=problems.append)
    assert problems == ["event-2 (2 articles): The strike articles could not be compared."]
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    assert [e["status"] for e in index["events"]] == ["compared", "failed", "single"]
    assert index["events"][1]["error"] == "The strike articles could not be compared."
    assert (tmp_path / index["events"][0]["report"]).is_file()


def test_cancel_still_writes_the_index_of_what_finished(tmp_path: Path) -> None:
    def cancel_after_first_event() -> bool:
        return (tmp_path / "event-1-river-alder-floods-marlow-after-three-da.json").exists()

    with pytest.raises(Cancelled):
        run_batch(
            ARTICLES, tmp_path, BatchOptions(fmt="json"), is_cancelled=cancel_after_first_event
        )
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    assert index["complete"] is False
    assert [e["status"] for e in index["events"]] == ["compared", "not run", "single"]
    assert "stopped before it finished" in (tmp_path / "index.html").read_text("utf-8")


def test_an_output_path_that_is_a_file_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("x")
    with pytest.raises(BatchError, match="cannot make the folder"):
        run_batch(ARTICLES, blocker, BatchOptions(fmt="json"))
