"""Terms, framing, distinctive vocabulary and readability for 100 articles of ~800 words.

Run by hand: ``.venv/bin/python benchmarks/bench_framing.py``. Issue 4's target: all of it
for 100 articles of ~800 words in under 3 s on top of loading.

The articles are built from the built-in sample's paragraphs (quotes, attributions, hedges
and loaded words included), shuffled per article to ~800 words. Every round uses a freshly
shuffled corpus (a new seed), so no cache keyed by a text (textstat keeps one) can make a
later round look faster than a new comparison would be. Figures are wall-clock seconds,
best of three rounds, and ratios against a baseline timed in the same run: tokenising the
same texts ten times with ``analysis.model.count_words`` (once was too short to time
steadily on the shared machine). First-use costs, paid once per process
(importing scikit-learn, vaderSentiment and textstat, textstat loading its syllable
dictionary and filling its per-word caches), are timed once, on a corpus of their own, and
reported apart: the target is about the steady state.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.framing.report import analyse_framing  # noqa: E402
from analysis.ingest import load_sample  # noqa: E402
from analysis.model import Article, count_words  # noqa: E402
from analysis.readability import readability_of  # noqa: E402
from analysis.terms import load_lexicons  # noqa: E402
from analysis.terms.lexicon import LexiconSet  # noqa: E402
from analysis.terms.matcher import TermHit  # noqa: E402
from analysis.terms.report import analyse_terms  # noqa: E402
from analysis.vocab import distinctive_terms  # noqa: E402

N_ARTICLES = 100
WORDS = 800
ROUNDS = 3


def corpus(seed: int = 20260314) -> list[Article]:
    """Return 100 articles of ~800 words shuffled from the sample's paragraphs."""
    rng = random.Random(seed)
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


def hits_of(arts: Sequence[Article], lex: LexiconSet) -> dict[str, list[TermHit]]:
    """Run the terms step and group its hits per article, as the pipeline step does."""
    hits: dict[str, list[TermHit]] = {a.id: [] for a in arts}
    for hit in analyse_terms(arts, lexicons=lex).hits:
        hits[hit.article].append(hit)
    return hits


def best_of(fn: Callable[[list[Article]], object], corpora: list[list[Article]]) -> float:
    """Best wall time of ``fn`` over the corpora (one round each)."""
    best = float("inf")
    for arts in corpora:
        t0 = time.perf_counter()
        fn(arts)
        best = min(best, time.perf_counter() - t0)
    return best


def first_use(lex: LexiconSet) -> dict[str, float]:
    """Time the one-off costs once, on a corpus the timed rounds do not use."""
    arts = corpus(seed=1)
    out: dict[str, float] = {}
    for name, fn in (
        ("terms", lambda: analyse_terms(arts, lexicons=lex)),
        ("framing+VADER", lambda: analyse_framing(arts, None, lex)),
        ("sklearn", lambda: distinctive_terms(arts)),
        ("textstat", lambda: [readability_of(a) for a in arts]),
    ):
        t0 = time.perf_counter()
        fn()
        out[name] = time.perf_counter() - t0
    return out


def main() -> None:
    lex = load_lexicons()
    cold = first_use(lex)
    corpora = [corpus(seed=20260314 + k) for k in range(ROUNDS)]
    hits = {id(c): hits_of(c, lex) for c in corpora}
    words = sum(a.word_count for a in corpora[0]) / N_ARTICLES
    base = best_of(lambda arts: [count_words(a.text) for _ in range(10) for a in arts], corpora)
    steps = {
        "analyse_terms": best_of(lambda arts: analyse_terms(arts, lexicons=lex), corpora),
        "analyse_framing (terms' hits)": best_of(
            lambda arts: analyse_framing(arts, None, lex, hits=hits[id(arts)]), corpora
        ),
        "distinctive_terms": best_of(distinctive_terms, corpora),
        "readability": best_of(lambda arts: [readability_of(a) for a in arts], corpora),
    }
    own = best_of(lambda arts: analyse_framing(arts, None, lex), corpora[:1])
    total = sum(steps.values())
    print(f"{N_ARTICLES} articles, {words:.0f} words each on average; best of {ROUNDS}")
    print(f"{'baseline count_words x10':32s}{base:7.3f} s")
    for name, seconds in steps.items():
        print(f"{name:32s}{seconds:7.3f} s = {seconds / base:5.1f}x baseline")
    print(f"{'(framing matching its own hits)':32s}{own:7.3f} s = {own / base:5.1f}x baseline")
    print(f"{'total steady state':32s}{total:7.3f} s = {total / base:5.1f}x baseline")
    print("first use, once per process: " + ", ".join(f"{k} {v:.3f} s" for k, v in cold.items()))
    print(f"steady-state total under 3 s: {'yes' if total < 3 else 'NO'}")


if __name__ == "__main__":
    main()
