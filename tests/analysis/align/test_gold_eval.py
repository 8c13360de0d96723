"""The aligner on the hand-labelled BASIL held-out events stays above a floor (never tuned on).

Measured with the model of docs/alignment.md (threshold 0.45, 0.37 with specific evidence):
dev strict P 0.641, R 0.442, F1 0.523, paraphrase recall 0.67, shared-fact recall 0.40; dev2
(labelled in session 5, scored once after the session's decisions) P 0.709, R 0.458, F1 0.556,
paraphrase recall 0.91, shared-fact recall 0.39. The F1 floor leaves room for small changes,
not for a regression; the precision and per-label floors are the issue's targets.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[3] / "benchmarks"


@pytest.fixture(scope="module", params=["dev", "dev2"])
def held_out(request: pytest.FixtureRequest, shared_dir: Path) -> dict[str, Any]:
    if not (shared_dir / "corpora" / "basil" / "articles").is_dir():
        pytest.skip("../shared has no BASIL corpus")
    sys.path.insert(0, str(BENCH))
    try:
        from eval_align_gold import evaluate
    finally:
        sys.path.remove(str(BENCH))
    return evaluate(request.param)


@pytest.mark.shared
def test_held_out_link_f1_stays_above_the_floor(held_out: dict[str, Any]) -> None:
    strict = held_out["strict"]
    assert held_out["events"] == 9
    assert strict["f1"] >= 0.5, strict
    assert strict["precision"] >= 0.6, strict


@pytest.mark.shared
def test_held_out_recall_per_label_stays_above_the_floor(held_out: dict[str, Any]) -> None:
    strict = held_out["strict"]
    assert strict["recall_verbatim"] >= 0.9, strict
    assert strict["recall_paraphrase"] >= 0.6, strict
    assert strict["recall_partial"] >= 0.35, strict
