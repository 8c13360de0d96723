"""The aligner on the hand-labelled BASIL dev events stays above a floor (never tuned on).

Measured with the model of docs/alignment.md (threshold 0.45, 0.37 with specific evidence):
dev strict P 0.641, R 0.442, F1 0.523, paraphrase recall 0.67, shared-fact recall 0.40. The F1
floor leaves room for small changes, not for a regression; the precision and per-label floors
are the issue's targets.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[3] / "benchmarks"


@pytest.fixture(scope="module")
def dev(shared_dir: Path) -> dict[str, Any]:
    if not (shared_dir / "corpora" / "basil" / "articles").is_dir():
        pytest.skip("../shared has no BASIL corpus")
    sys.path.insert(0, str(BENCH))
    try:
        from eval_align_gold import evaluate
    finally:
        sys.path.remove(str(BENCH))
    return evaluate("dev")


@pytest.mark.shared
def test_dev_link_f1_stays_above_the_floor(dev: dict[str, Any]) -> None:
    strict = dev["strict"]
    assert dev["events"] == 9
    assert strict["f1"] >= 0.5, strict
    assert strict["precision"] >= 0.6, strict


@pytest.mark.shared
def test_dev_recall_per_label_stays_above_the_floor(dev: dict[str, Any]) -> None:
    strict = dev["strict"]
    assert strict["recall_verbatim"] >= 0.9, strict
    assert strict["recall_paraphrase"] >= 0.6, strict
    assert strict["recall_partial"] >= 0.35, strict
