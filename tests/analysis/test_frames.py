from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

import analysis
from analysis.errors import SlantError
from analysis.frames import snake
from analysis.result import ComparisonResult
from tests.conftest import REPO


@cache
def _sample_result() -> ComparisonResult:
    return analysis.compare(analysis.load_sample())


def test_one_tidy_frame_per_report_table_with_ids_and_outlets() -> None:
    result = _sample_result()
    frames = analysis.to_frames(result)
    ids = {a.id: a.outlet for a in result.articles}
    assert {"articles", "coverage", "term-counts", "term-hits", "links", "omissions"} <= set(frames)
    assert not any(name.endswith("-chart") for name in frames)
    arts = frames["articles"]
    assert list(arts["article_id"]) == [a.id for a in result.articles]
    assert list(arts["outlet"]) == [a.outlet for a in result.articles]
    assert list(arts["words"]) == [int(w) for w in arts["words"]]  # numbers, not text
    hits = frames["term-hits"]
    assert result.terms is not None
    assert {(h.article, h.start, h.end, h.term, h.category) for h in result.terms.hits} == {
        (r.article_id, r.start, r.end, r.term, r.category) for r in hits.itertuples()
    }
    assert all(ids[r.article_id] == r.outlet for r in hits.itertuples())
    links = frames["links"]
    assert {"article_id_a", "outlet_a", "article_id_b", "outlet_b"} <= set(links.columns)


def test_outlet_per_column_tables_are_melted() -> None:
    result = _sample_result()
    omissions = analysis.to_frames(result)["omissions"]
    n = len(result.articles)
    assert len(omissions) == n * n
    assert set(omissions.columns) == {
        "row",
        "row_article_id",
        "row_outlet",
        "article_id",
        "outlet",
        "value",
    }
    diagonal = omissions[omissions.row_article_id == omissions.article_id]
    assert diagonal["value"].isna().all()
    headlines = analysis.to_frames(result)["headlines"]
    titles = dict(zip(headlines.article_id, headlines.value, strict=True))
    assert titles == {a.id: a.title for a in result.articles}


def test_column_names_are_snake_case() -> None:
    assert snake("Per 1,000 words") == "per_1000_words"
    assert snake("Shared %") == "shared_pct"
    assert snake("Flesch–Kincaid grade") == "flesch_kincaid_grade"


def test_without_pandas_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(SlantError) as err:
        analysis.to_frames(_sample_result())
    assert err.value.code == "notebook.pandas_missing"
    assert "pip install" in str(err.value)


def test_the_notebook_example_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / "notebook.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("4 articles") and lines[1].startswith("Loaded terms")
    counts = [int(line.rsplit(": ", 1)[1]) for line in lines[2:6]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    assert lines[2].strip().startswith("The Daily Blaze")  # the sample's most loaded outlet
    from openpyxl import load_workbook

    assert "term-counts" in load_workbook(tmp_path / "sample.xlsx").sheetnames
    assert (tmp_path / "sample.json").stat().st_size > 1000
