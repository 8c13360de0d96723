"""Benchmark the learned model: what loading it and scoring 100 articles add to the terms step.

Run by hand:  .venv/bin/python benchmarks/bench_loaded.py

Baseline, in the same run: ``analyse_terms`` on the same 100 articles (~800 words each)
with the ``learned`` category switched off (lexicons only, as before the model). Then the
same with the model: once cold (the model file read and parsed first, as on the first
comparison after start) and warm (best of 5). Target: the cold run adds at most 1 s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_terms import best, corpus

from analysis.terms.learned import load_model
from analysis.terms.load import load_lexicons
from analysis.terms.report import analyse_terms
from analysis.terms.scores import LEARNED
from analysis.terms.settings import TermSettings


def main() -> None:
    arts = corpus()
    words = sum(a.word_count for a in arts)
    off = TermSettings(use_user_lexicons=False, disabled_categories=(LEARNED,))
    on = TermSettings(use_user_lexicons=False)
    lex = load_lexicons(on)
    analyse_terms(arts[:1], off, lexicons=lex)  # compile the lexicons outside the timing
    base = best(lambda: analyse_terms(arts, off, lexicons=lex))
    load_model.cache_clear()
    start = time.perf_counter()
    load_model()
    load_s = time.perf_counter() - start
    load_model.cache_clear()
    start = time.perf_counter()
    analyse_terms(arts, on, lexicons=lex)
    cold = time.perf_counter() - start
    warm = best(lambda: analyse_terms(arts, on, lexicons=lex))
    print(f"corpus: {len(arts)} articles, {words} words")
    print(f"lexicons only (baseline): {base * 1000:.0f} ms")
    print(f"model file read + parsed:  {load_s * 1000:.0f} ms")
    print(
        f"with the model, cold: {cold * 1000:.0f} ms ({cold / base:.1f}x baseline, "
        f"+{(cold - base) * 1000:.0f} ms)"
    )
    print(
        f"with the model, warm: {warm * 1000:.0f} ms ({warm / base:.1f}x baseline, "
        f"+{(warm - base) * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
