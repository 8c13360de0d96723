"""Number and label disagreements plus actor naming for 100 articles of ~800 words.

Run by hand: ``.venv/bin/python benchmarks/bench_disagree.py``. Issue 13's target: the
disagreements and naming of 100 articles add at most 1 s to a comparison.

The corpus is bench_framing's: 100 articles shuffled from the built-in sample's paragraphs
(so they share many passages: thousands of aligned facts, each full of numbers and
labels). The alignment and the terms step run once per corpus, untimed; then
:func:`analysis.disagree.analyse_disagreements` (facts, numbers, labels, naming) is timed,
best of three rounds on fresh corpora, with naming alone timed apart. Ratios are against a
baseline timed in the same run: tokenising the same texts ten times with
``analysis.model.count_words``.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_framing import N_ARTICLES, ROUNDS, corpus  # noqa: E402

from analysis.align.aligner import align_articles  # noqa: E402
from analysis.disagree.across import compare_across  # noqa: E402
from analysis.disagree.compare import FoundIn, Seen, compare_numbers, facts_of  # noqa: E402
from analysis.disagree.naming import name_actors  # noqa: E402
from analysis.disagree.step import analyse_disagreements  # noqa: E402
from analysis.model import count_words  # noqa: E402
from analysis.result import ComparisonResult  # noqa: E402
from analysis.settings import CompareSettings  # noqa: E402
from analysis.terms.report import analyse_terms  # noqa: E402


def _result(seed: int) -> tuple[ComparisonResult, float]:
    arts = tuple(corpus(seed))
    t0 = time.perf_counter()
    alignment = align_articles(arts)
    align_s = time.perf_counter() - t0
    result = ComparisonResult(arts, CompareSettings(), "bench")
    return replace(result, alignment=alignment, terms=analyse_terms(arts)), align_s


def _best(fn: object, items: list[ComparisonResult]) -> float:
    best = float("inf")
    for item in items:
        t0 = time.perf_counter()
        fn(item)  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def _across(result: ComparisonResult) -> float:
    """Seconds of the comparison across facts alone (after the one within facts, untimed)."""
    assert result.alignment is not None
    arts = {a.id: a for a in result.articles}
    found = FoundIn(arts)
    seen: Seen = {}
    facts = facts_of(result.alignment)
    for fact in facts:
        compare_numbers(fact, arts, found, seen)
    t0 = time.perf_counter()
    compare_across((s for f in facts for s in f.spans), found, seen)
    return time.perf_counter() - t0


def main() -> None:
    built = [_result(20260314 + k) for k in range(ROUNDS)]
    results = [r for r, _ in built]
    analyse_disagreements(_result(1)[0])  # first use: word lists, regexes
    base = _best(lambda r: [count_words(a.text) for _ in range(10) for a in r.articles], results)
    whole = _best(analyse_disagreements, results)
    naming = _best(lambda r: name_actors(r.articles), results)
    across = min(_across(r) for r in results)
    align = min(s for _, s in built)
    first = results[0]
    report = analyse_disagreements(first)
    facts = len(facts_of(first.alignment))
    words = sum(a.word_count for a in first.articles) / N_ARTICLES
    print(
        f"{N_ARTICLES} articles, {words:.0f} words each; {facts} aligned facts; "
        f"{len(report.items)} disagreements, {len(report.actors)} actors; best of {ROUNDS}"
    )
    print(f"{'baseline count_words x10':34s}{base:7.3f} s")
    print(f"{'disagreements + naming':34s}{whole:7.3f} s = {whole / base:5.1f}x baseline")
    print(f"{'  of which naming':34s}{naming:7.3f} s = {naming / base:5.1f}x baseline")
    print(
        f"{'  of which numbers across facts':34s}{across:7.3f} s = {across / base:5.1f}x baseline"
    )
    print(f"{'(alignment, for scale)':34s}{align:7.3f} s = {align / base:5.1f}x baseline")
    print(f"at most 1 s: {'yes' if whole <= 1 else 'NO'}")


if __name__ == "__main__":
    main()
