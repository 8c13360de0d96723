"""The aligner on the hand-labelled BASIL held-out events stays above a floor (never tuned on).

Measured with the matcher of docs/alignment.md (session 7: the lexical model at 0.45, and the
contextual stage at 0.34 for pairs with specific evidence outside the attribution frame),
strict: dev P 0.692, R 0.487, F1 0.572, paraphrase recall 0.75, shared-fact recall 0.45;
dev2 P 0.725, R 0.480, F1 0.577, paraphrase 0.91, shared-fact 0.41; dev3 (labelled in
session 7, scored once after the decision) P 0.671, R 0.459, F1 0.545, paraphrase 0.76,
shared-fact 0.39; the 27 events pooled P 0.697, R 0.476, F1 0.566. The per-split F1 floor
leaves room for small changes; the pooled one is the issue's target (the lexical matcher
alone gives 0.538 there); the precision and per-label floors are the issue's targets.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[3] / "benchmarks"


def _evaluate(split: str, shared_dir: Path, pool: list[Any] | None = None) -> dict[str, Any]:
    if not (shared_dir / "corpora" / "basil" / "articles").is_dir():
        pytest.skip("../shared has no BASIL corpus")
    sys.path.insert(0, str(BENCH))
    try:
        from eval_align_gold import evaluate
    finally:
        sys.path.remove(str(BENCH))
    return evaluate(split, pool=pool)  # type: ignore[no-any-return]


@pytest.fixture(scope="module", params=["dev", "dev2", "dev3"])
def held_out(request: pytest.FixtureRequest, shared_dir: Path) -> dict[str, Any]:
    return _evaluate(request.param, shared_dir)


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


@pytest.mark.shared
def test_the_held_out_events_pooled_meet_the_issue_target(shared_dir: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from eval_align_gold import score
    finally:
        sys.path.remove(str(BENCH))
    pool: list[Any] = []
    for split in ("dev", "dev2", "dev3"):
        _evaluate(split, shared_dir, pool)
    strict = score(pool, borderline=False)
    assert len(pool) == 27
    assert strict["f1"] >= 0.55, strict
    assert strict["precision"] >= 0.6, strict
