"""Speed and memory of event grouping and of ``slant batch`` (local against ``--dask local``).

Run by hand (the BASIL part needs ../shared; dask is the ``[dask]`` extra):
    .venv/bin/python benchmarks/bench_events.py group 1000 10000   # grouping, synthetic
    .venv/bin/python benchmarks/bench_events.py batch                # 80 BASIL events

Synthetic articles: every event gets 25 topic words and 3 two-word names drawn from a
fixed made-up vocabulary (pseudo-words built from syllables, seeded), and 1–5 articles.
Each article's length follows BASIL's spread of article lengths (lognormal, median ≈ 560
words, capped at 4,000); a quarter of its words come from its event's topic words and
names, the rest from 20,000 background words with Zipf frequencies, so every article
looks like news in length and in word statistics while no text is copied. Dates: each
event on a random day within three years, its articles within two days of it.

Each measurement runs in a fresh subprocess so its peak memory (ru_maxrss) is its own;
times are quoted beside baselines measured in the same run: TF-IDF vectorising the same
articles with scikit-learn alone, which any text grouping must at least do, and grouping
them with the first round's settings (``FIRST_ROUND``). Peak memory covers all three.
"""

from __future__ import annotations

import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from analysis import Article
from analysis.events import GroupingSettings

#: The settings of the first round (7-day window, one threshold, names ×2, headline ×3,
#: no lead weight), timed beside today's defaults as a second baseline.
FIRST_ROUND = GroupingSettings(
    min_similarity=0.15,
    date_window_days=7,
    headline_weight=3,
    name_weight=2,
    lead_weight=0,
    dated_min_similarity=None,
)
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def _pseudo_words(count: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def synthetic(n: int, seed: int = 11) -> tuple[list[Article], list[int]]:
    """``n`` synthetic-length articles and their gold event numbers (see the docstring)."""
    rng = random.Random(seed)
    background = _pseudo_words(20_000, rng)
    weights = [1 / (rank + 1) for rank in range(len(background))]
    articles: list[Article] = []
    gold: list[int] = []
    event = 0
    while len(articles) < n:
        topic = rng.sample(background[2000:], 25)
        picked = rng.sample(background, 6)
        names = [f"{a.title()} {b.title()}" for a, b in zip(picked[::2], picked[1::2], strict=True)]
        day = 737_000 + rng.randrange(3 * 365)
        for _ in range(min(rng.randint(1, 5), n - len(articles))):
            length = min(4000, int(rng.lognormvariate(math.log(560), 0.55)))
            words = rng.choices(background, weights, k=length)
            for i in rng.sample(range(length), length // 4):
                words[i] = rng.choice(names) if rng.random() < 0.2 else rng.choice(topic)
            paragraphs = [" ".join(words[i : i + 60]) + "." for i in range(0, length, 60)]
            when = date.fromordinal(day + rng.randint(0, 2)).isoformat()
            title = " ".join([*rng.sample(topic, 5), rng.choice(names)]).capitalize()
            articles.append(
                Article.from_parts(
                    title=title,
                    paragraphs=paragraphs,
                    outlet=f"Outlet {rng.randint(1, 12)}",
                    source=f"synthetic/{len(articles)}.txt",
                    date=when,
                )
            )
            gold.append(event)
        event += 1
    return articles, gold


def _measure_group(n: int) -> dict[str, float]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import adjusted_rand_score

    from analysis.events import group_articles

    articles, gold = synthetic(n)
    start = time.perf_counter()
    TfidfVectorizer(sublinear_tf=True).fit_transform(a.text for a in articles)
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    group_articles(articles, FIRST_ROUND)
    first_round = time.perf_counter() - start
    start = time.perf_counter()
    grouping = group_articles(articles)
    seconds = time.perf_counter() - start
    predicted = [grouping.event_of(a.id) for a in articles]
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "baseline_tfidf_seconds": round(baseline, 2),
        "ratio_to_baseline": round(seconds / baseline, 2),
        "first_round_settings_seconds": round(first_round, 2),
        "ratio_to_first_round": round(seconds / first_round, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "events_found": len(grouping.events),
        "events_gold": len(set(gold)),
        "ari": round(adjusted_rand_score(gold, predicted), 3),
    }


def _basil_articles() -> list[Article]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_events import basil

    items = basil(range(2010, 2018))
    random.Random(7).shuffle(items)
    return [a for a, _ in items]


def _measure_batch(dask: str | None) -> dict[str, float]:
    from analysis.batch import BatchOptions, run_batch
    from analysis.pipeline import compare

    articles = _basil_articles()
    compare(articles[:3])  # warm up: lexicons and models load once per process
    start = time.perf_counter()
    compare(articles[3:6])  # baseline: one warm three-article comparison (BASIL's size)
    baseline = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        result = run_batch(articles, Path(folder), BatchOptions(fmt="json", dask=dask))
        seconds = time.perf_counter() - start
    return {
        "mode": dask or "here",
        "articles": len(articles),
        "events": len(result.grouping.events),
        "compared": sum(1 for o in result.outcomes if o.report),
        "seconds": round(seconds, 1),
        "baseline_one_warm_compare_seconds": round(baseline, 2),
        "ratio_to_baseline": round(seconds / baseline, 1),
        "peak_rss_mb_main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _child(kind: str, arg: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, arg],
        capture_output=True,
        text=True,
        check=True,
    )
    row: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return row


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        kind, arg = argv[1], argv[2]
        row = _measure_group(int(arg)) if kind == "group" else _measure_batch(arg or None)
        print(json.dumps(row))
        return
    if argv[:1] == ["group"]:
        for n in argv[1:] or ["1000", "10000"]:
            print(json.dumps(_child("group", n)), flush=True)
    elif argv[:1] == ["batch"]:
        for mode in ("", "local", ""):  # here, Dask, here again (drift check)
            print(json.dumps(_child("batch", mode)), flush=True)
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
