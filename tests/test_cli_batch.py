"""``slant batch`` end to end, as a user runs it (a subprocess per command)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from analysis import Article
from tests.analysis.events.test_group import FLOOD, LONE, STRIKE
from tests.test_cli import slant


def write_articles(folder: Path) -> list[Article]:
    folder.mkdir(parents=True, exist_ok=True)
    articles = [FLOOD[0], STRIKE[0], LONE, FLOOD[1], STRIKE[1], FLOOD[2]]
    for n, article in enumerate(articles):
        body = article.text.split("\n\n", 1)[1]
        text = f"---\noutlet: {article.outlet}\ndate: {article.date}\n"
        text += f"url: https://{article.outlet.lower()}.example/{n}\n---\n"
        text += f"# {article.title}\n\n{body}\n"
        (folder / f"{n:02d}.md").write_text(text, encoding="utf-8")
    return articles


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pile")
    write_articles(folder)
    return folder


def index_of(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "index.json").read_text("utf-8"))
    return data


def test_batch_writes_reports_and_an_index_and_reports_bad_sources(
    pile: Path, tmp_path: Path
) -> None:
    missing = str(tmp_path / "missing.txt")
    done = slant("batch", str(pile), missing, "-o", str(tmp_path / "out"), "--format", "md")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == [f"slant: {missing}: no such file."]
    assert "3 events (2 compared, 0 failed) from 6 articles" in done.stdout
    index = index_of(tmp_path / "out")
    assert [e["status"] for e in index["events"]] == ["compared", "compared", "single"]
    assert index["events"][0]["articles"][0]["source"] == str(pile / "00.md")
    assert index["events"][0]["articles"][1]["outlet"] == "Herald"
    assert index["skipped_sources"][0]["source"] == missing
    for event in index["events"][:2]:
        assert (tmp_path / "out" / event["report"]).read_text("utf-8").startswith("#")
    assert (tmp_path / "out" / "index.html").is_file()


def test_ratings_and_their_bad_rows(pile: Path, tmp_path: Path) -> None:
    ratings = tmp_path / "ratings.csv"
    ratings.write_text(
        "domain,outlet,lean\ncourier.example,,left\nherald.example,,lean left\n"
        ",Gazette,right\n,Odd,upwards\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = slant("batch", str(pile), "-o", str(out), "--format", "json", "--ratings", str(ratings))
    assert done.returncode == 0
    assert done.stderr.strip().splitlines() == [
        "slant: ratings.csv line 5: 'upwards' is not a lean; use one of left, lean left, "
        "center, lean right, right; row skipped."
    ]
    index = index_of(out)
    assert index["one_sided"] == ["event-2", "event-3"]
    assert index["coverage"]["leans"] == ["left", "lean left", "right"]


@pytest.mark.parametrize(
    ("extra", "message", "code"),
    [
        (["--format", "docx"], "slant: unknown format 'docx'", 2),
        (["--date-window", "soon"], "is not a number of days", 2),
        (["--ratings", "/nonexistent/r.csv"], "slant: cannot read the ratings file", 1),
    ],
)
def test_usage_errors_are_one_line(
    pile: Path, tmp_path: Path, extra: list[str], message: str, code: int
) -> None:
    done = slant("batch", str(pile), "-o", str(tmp_path / "out"), *extra)
    assert done.returncode == code
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr


def test_nothing_loaded_and_an_unusable_output_folder(pile: Path, tmp_path: Path) -> None:
    done = slant("batch", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert done.returncode == 1 and "no article loaded" in done.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = slant("batch", str(pile), "-o", str(blocker))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"slant: cannot make the folder {blocker} (File exists)."
    ]


def _without_times(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_times(v) for k, v in data.items() if k != "created"}
    if isinstance(data, list):
        return [_without_times(v) for v in data]
    return data


def test_dask_local_gives_the_same_results_as_the_local_run(pile: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask is not installed (pip install '.[dask]')")
    local, dasked = tmp_path / "local", tmp_path / "dask"
    assert slant("batch", str(pile), "-o", str(local), "--format", "json").returncode == 0
    done = slant("batch", str(pile), "-o", str(dasked), "--format", "json", "--dask", "local")
    assert done.returncode == 0, done.stderr
    assert index_of(local) == index_of(dasked)
    reports = [e["report"] for e in index_of(local)["events"] if e["report"]]
    assert len(reports) == 2
    for name in reports:
        a = json.loads((local / name).read_text("utf-8"))
        b = json.loads((dasked / name).read_text("utf-8"))
        assert _without_times(a) == _without_times(b)


def test_batch_reads_many_articles_from_one_jsonl_file_and_names_bad_rows(tmp_path: Path) -> None:
    table = tmp_path / "pile.jsonl"
    rows = []
    for n, article in enumerate([FLOOD[0], STRIKE[0], LONE, FLOOD[1], STRIKE[1], FLOOD[2]]):
        body = article.text.split("\n\n", 1)[1]
        rows.append(
            json.dumps(
                {
                    "headline": article.title,
                    "story": body,
                    "paper": article.outlet,
                    "publish_date": article.date,
                    "url": f"https://{article.outlet.lower()}.example/{n}",
                }
            )
        )
    rows.insert(2, "{not json")
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("batch", str(table), "-o", str(out), "--format", "md")
    done = slant(*args, "--columns", "text=story,outlet=paper")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == [f"slant: {table}: row 3: not valid JSON."]
    assert "3 events (2 compared, 0 failed) from 6 articles" in done.stdout
    index = index_of(out)
    assert index["events"][0]["articles"][1]["outlet"] == "Herald"
    # without the mapping no row has a text column: one sentence, nothing to group
    done = slant(*args)
    assert done.returncode == 1
    assert f"slant: {table}: no article could be read from the table" in done.stderr
