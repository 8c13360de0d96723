"""Hostile sizes (issue 12): one unpunctuated line, and reports of 1,000 articles.

Run by hand: ``.venv/bin/python benchmarks/bench_hostile.py [line|reports|all] [FORMATS]``
(``reports html`` renders one format in the process, as ``slant compare -o x.html`` does;
``reports html,md`` several, one after the other).

``line``: a ``.txt`` file that is one line of 200 KB (then 2 MB) of words without any
punctuation, dense with speech verbs, names and pronouns (the worst case for attribution
scanning), loaded with :func:`load_bytes` and compared with a second such file. Targets:
200 KB in ≤ 5 s, 2 MB in ≤ 60 s, after a small warm-up comparison that pays the
once-per-process costs (importing scikit-learn, VADER, textstat's dictionary), which are
printed apart. Baseline in the same run: the same comparison of two ordinary punctuated
articles of 200 KB (the sample articles' paragraphs); a linear pipeline puts the 2 MB line
near ten times the 200 KB line. Wall and CPU seconds are both
printed: on the shared 2-core machine the wall time mostly measures the other processes.

``reports``: 1,000 generated articles compared once, then every export format rendered
from a fresh copy of the result (so no cache is shared between formats). Target: ≤ 30 s
per format, peak memory (``ru_maxrss``) ≤ 2 GB. Baseline: ``json.dumps`` of the articles
(CPU seconds; the ratios are CPU seconds over it, the wall seconds are printed too).
"""

from __future__ import annotations

import dataclasses
import json
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.ingest import load_bytes  # noqa: E402
from analysis.jsonio import article_to_json  # noqa: E402
from analysis.model import Article  # noqa: E402
from analysis.pipeline import compare  # noqa: E402

_WORDS = (
    "the minister said officials told reporters that Halden claimed he warned the Senate "
    "according to sources Borg added she insisted government denied report saying calls "
    "spokesman Mr Anja stated they argued Sen Cruz announced a senior official with"
).split()


def hostile_line(size: int, seed: int) -> bytes:
    """One line of ``size`` bytes of words, no punctuation at all."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(_WORDS)
        out.append(word)
        total += len(word) + 1
    return " ".join(out).encode("utf-8")


def normal_text(size: int, seed: int) -> bytes:
    """About ``size`` bytes of ordinary punctuated prose: the sample articles' paragraphs."""
    from analysis.ingest import load_sample

    rng = random.Random(seed)
    paragraphs = [a.span_text(p) for a in load_sample() for p in a.paragraphs[1:]]
    out: list[str] = []
    total = 0
    while total < size:
        out.append(rng.choice(paragraphs))
        total += len(out[-1]) + 2
    return "\n\n".join(out).encode("utf-8")


def _timed_compare(one: bytes, two: bytes) -> tuple[float, float]:
    """Wall and CPU seconds to load two ``.txt`` files' bytes and compare them."""
    wall, cpu = time.perf_counter(), time.process_time()
    a = load_bytes(one, kind="text", source="a.txt")
    b = load_bytes(two, kind="text", source="b.txt")
    compare([a, b])
    return time.perf_counter() - wall, time.process_time() - cpu


def bench_line(size: int) -> tuple[float, float]:
    """(wall, CPU) seconds to load and compare two hostile lines of ``size`` bytes."""
    return _timed_compare(hostile_line(size, 1), hostile_line(size, 2))


def bench_baseline(size: int = 200_000) -> tuple[float, float]:
    """(wall, CPU) seconds for two ordinary punctuated articles of ``size`` bytes.

    Measured at 200 KB only: the generated prose repeats the sample's paragraphs, and at
    2 MB every repeated sentence links to all its copies, which is no longer ordinary.
    """
    return _timed_compare(normal_text(size, 1), normal_text(size, 2))


def _articles(n: int) -> list[Article]:
    from analysis.ingest import load_sample

    rng = random.Random(7)
    paragraphs = [a.span_text(p) for a in load_sample() for p in a.paragraphs[1:]]
    return [
        Article.from_parts(
            title=f"Story {i}",
            paragraphs=[*rng.sample(paragraphs, 6), f"Item {i} of the set."],
            outlet=f"Outlet {i % 97}",
            source=f"gen{i}.txt",
        )
        for i in range(n)
    ]


def bench_reports(n: int, formats: tuple[str, ...] = ()) -> None:
    """Render every format (or ``formats``) for ``n`` articles; print seconds, ratio, peak."""
    from analysis import reports

    articles = _articles(n)
    start = time.process_time()
    json.dumps([article_to_json(a) for a in articles])
    base = time.process_time() - start  # CPU seconds, like the ratios below
    start, cpu = time.perf_counter(), time.process_time()
    result = compare(articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"compare {n} articles: {time.perf_counter() - start:.1f} s wall, "
        f"{time.process_time() - cpu:.1f} s CPU; baseline {base:.3f} s; peak RSS {peak:,.0f} MB"
    )
    for fmt in formats or reports.FORMATS:
        fresh = dataclasses.replace(result)  # a new object: the report cache starts empty
        start, cpu = time.perf_counter(), time.process_time()
        data = reports.render_report(fresh, fmt)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{fmt:>5}: {took:6.1f} s wall, {cpu:6.1f} s CPU ({cpu / base:,.0f}x baseline), "
            f"{len(data) / 1e6:.1f} MB, peak RSS so far {peak:,.0f} MB",
            flush=True,
        )
        del data, fresh  # as a user's export would: the file is written, the bytes dropped


def main() -> None:
    """Run the chosen parts."""
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which in ("line", "all"):
        start = time.perf_counter()
        bench_line(2_000)  # first-use costs (imports, dictionaries), reported apart
        print(f"first use (imports, dictionaries): {time.perf_counter() - start:.1f} s")
        base_wall, base_cpu = bench_baseline()
        print(
            f"baseline, two ordinary 200 KB articles: {base_wall:.1f} s wall, {base_cpu:.1f} s CPU"
        )
        for size in (200_000, 2_000_000):
            wall, cpu = bench_line(size)
            print(
                f"{size:>9,} B line: {wall:6.1f} s wall, {cpu:6.1f} s CPU; "
                f"{cpu / base_cpu:.2f}x the baseline (CPU), {wall / base_wall:.2f}x (wall)"
            )
    if which in ("reports", "all"):
        bench_reports(1000, tuple(sys.argv[2].split(",")) if len(sys.argv) > 2 else ())


if __name__ == "__main__":
    main()
