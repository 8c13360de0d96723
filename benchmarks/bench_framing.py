"""Framing, distinctive vocabulary and readability for 100 articles of ~800 words.

Run by hand: ``.venv/bin/python benchmarks/bench_framing.py``. The articles are built
from the built-in sample's paragraphs (quotes, attributions, hedges and loaded words
included), shuffled per article to ~800 words. Figures are wall-clock seconds, best of
three rounds, and ratios against a baseline timed in the same run: tokenising the same
texts with ``analysis.model.count_words``. First-use costs (importing scikit-learn and
vaderSentiment, textstat loading its syllable dictionary) are timed once, on their own.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.framing.quotes import quotation_spans  # noqa: E402
from analysis.framing.report import analyse_framing  # noqa: E402
from analysis.ingest import load_sample  # noqa: E402
from analysis.model import Article, count_words  # noqa: E402
from analysis.readability import readability_of  # noqa: E402
from analysis.terms import find_terms, load_lexicons  # noqa: E402
from analysis.vocab import distinctive_terms  # noqa: E402

N_ARTICLES = 100
WORDS = 800


def corpus() -> list[Article]:
    rng = random.Random(20260314)
    sample = load_sample()
    paragraphs = [a.span_text(p) for a in sample for p in a.paragraphs[1:]]
    out: list[Article] = []
    for i in range(N_ARTICLES):
        body: list[str] = []
        while sum(count_words(p) for p in body) < WORDS:
            body.append(rng.choice(paragraphs))
        title = sample[i % len(sample)].title
        out.append(
            Article.from_parts(
                title=f"{title} ({i})", paragraphs=body, outlet=f"Outlet {i}", source="bench"
            )
        )
    return out


def best_of(fn: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def first(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    arts = corpus()
    lex = load_lexicons()
    words = sum(a.word_count for a in arts) / len(arts)
    cold_vader = first(lambda: analyse_framing(arts[:2], None, lex))
    cold_sklearn = first(lambda: distinctive_terms(arts[:2]))
    cold_textstat = first(lambda: readability_of(arts[0]))
    base = best_of(lambda: [count_words(a.text) for a in arts])
    hits = {a.id: find_terms(a, lex, quotation_spans(a.text)) for a in arts}
    framing = best_of(lambda: analyse_framing(arts, None, lex, hits=hits))
    own_hits = best_of(lambda: analyse_framing(arts, None, lex), rounds=1)
    vocab = best_of(lambda: distinctive_terms(arts))
    readability = best_of(lambda: [readability_of(a) for a in arts])
    total = framing + vocab + readability
    print(f"{N_ARTICLES} articles, {words:.0f} words each on average")
    print(f"baseline count_words        {base:.4f} s")
    print(f"analyse_framing (hits given){framing:.3f} s = {framing / base:.0f}x baseline")
    print(f"analyse_framing (own hits)  {own_hits:.3f} s = {own_hits / base:.0f}x baseline")
    print(f"distinctive_terms           {vocab:.3f} s = {vocab / base:.0f}x baseline")
    print(f"readability (100 articles)  {readability:.3f} s = {readability / base:.0f}x baseline")
    print(f"total warm                  {total:.3f} s = {total / base:.0f}x baseline")
    print(f"first use: framing+VADER {cold_vader:.3f} s, sklearn {cold_sklearn:.3f} s,", end=" ")
    print(f"textstat {cold_textstat:.3f} s")
    print(f"warm total under 3 s: {'yes' if total < 3 else 'NO'}")


if __name__ == "__main__":
    main()
