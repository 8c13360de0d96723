"""The terms step inside ``compare``: typed section, JSON round trip, contract check."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.ingest import load_sample
from analysis.jsonio import result_from_json, result_to_json
from analysis.pipeline import compare
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings
from analysis.terms.report import TermReport, analyse_terms
from analysis.terms.settings import TermSettings

SETTINGS = CompareSettings(terms=TermSettings(use_user_lexicons=False))


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    """A result with only the terms section (fast; compare() itself is tested once below)."""
    arts = load_sample()
    base = ComparisonResult(articles=arts, settings=SETTINGS, created="2024-01-01T00:00:00+00:00")
    return replace(base, terms=analyse_terms(arts, SETTINGS.terms))


@pytest.mark.slow
def test_compare_fills_terms() -> None:
    done = compare(load_sample(), SETTINGS)
    assert isinstance(done.terms, TermReport)
    assert done.terms.articles == tuple(a.id for a in done.articles)
    assert {h.article for h in done.terms.hits} == {a.id for a in done.articles}


def test_result_json_round_trip_keeps_terms(result: ComparisonResult) -> None:
    data = json.loads(json.dumps(result_to_json(result)))
    assert data["terms"]["rates"][result.articles[0].id]["labels"].keys() >= {"own", "quoted"}
    back = result_from_json(data)
    assert back.terms == result.terms


@pytest.mark.shared
def test_check_result_tool_accepts_terms(
    result: ComparisonResult, shared_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "result.json"
    out.write_text(json.dumps(result_to_json(result)), encoding="utf-8")
    tool = shared_dir / "tools" / "check-result.py"
    run = subprocess.run(
        [sys.executable, str(tool), str(out)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "terms:" in run.stdout
