"""Benchmark the learned model: what loading it and scoring 100 articles add to the terms step.

Run by hand:  .venv/bin/python benchmarks/bench_loaded.py [--before FILE]

Baseline, in the same run: ``analyse_terms`` on the same 100 articles (~800 words each)
with the ``learned`` category switched off (lexicons only, as before the model). Then the
same with the model: once cold (the model file read and parsed first, and the tokenizer of
its sentence vector, as on the first comparison after start) and warm (best of 5). Target:
the cold run adds at most 1 s.

``--before FILE`` times another model file the same way in the same run (e.g. the model
before the sentence vector: ``git show 2ca43bf:resources/models/loaded.json > FILE``), so
the two can be quoted as a ratio.

Each figure is given as wall time and as CPU time of this process (``process_time``): on a
shared machine the wall time also counts the time other processes held the cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_terms import corpus

from analysis.model import Article
from analysis.terms import learned
from analysis.terms.learned import LearnedModel, load_model, model_from_json
from analysis.terms.lexicon import LexiconSet
from analysis.terms.load import load_lexicons
from analysis.terms.report import analyse_terms
from analysis.terms.scores import LEARNED
from analysis.terms.settings import TermSettings

Times = tuple[float, float]


def timed(fn: Callable[[], object]) -> Times:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def best_of(fn: Callable[[], object], repeat: int = 5) -> Times:
    """The fastest of ``repeat`` calls (wall, CPU)."""
    return min((timed(fn) for _ in range(repeat)), key=lambda t: t[0])


def line(name: str, value: Times, base: Times) -> str:
    wall, cpu = value
    return (
        f"{name}: wall {wall * 1000:.0f} ms ({wall / base[0]:.2f}x baseline, "
        f"+{(wall - base[0]) * 1000:.0f} ms); CPU {cpu * 1000:.0f} ms "
        f"({cpu / base[1]:.2f}x, +{(cpu - base[1]) * 1000:.0f} ms)"
    )


def with_model(
    arts: Sequence[Article], lex: LexiconSet, loader: Callable[[], LearnedModel]
) -> tuple[Times, Times]:
    """Cold and warm (best of 5) runs of the terms step with the model ``loader`` reads."""
    on = TermSettings(use_user_lexicons=False)
    cache: list[LearnedModel] = []

    def cached() -> LearnedModel:
        if not cache:
            cache.append(loader())
        return cache[0]

    with mock.patch.object(learned, "load_model", cached):
        cold = timed(lambda: analyse_terms(arts, on, lexicons=lex))
        warm = best_of(lambda: analyse_terms(arts, on, lexicons=lex))
    return cold, warm


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--before", type=Path, help="another model file to time beside it")
    args = parser.parse_args(argv)
    arts = corpus()
    words = sum(a.word_count for a in arts)
    off = TermSettings(use_user_lexicons=False, disabled_categories=(LEARNED,))
    lex = load_lexicons(TermSettings(use_user_lexicons=False))
    analyse_terms(arts[:1], off, lexicons=lex)  # compile the lexicons outside the timing
    base = best_of(lambda: analyse_terms(arts, off, lexicons=lex))
    print(f"corpus: {len(arts)} articles, {words} words")
    print(f"lexicons only (baseline): wall {base[0] * 1000:.0f} ms, CPU {base[1] * 1000:.0f} ms")
    runs: list[tuple[str, Callable[[], LearnedModel]]] = []
    if args.before is not None:
        before = args.before
        runs.append(("before", lambda: model_from_json(json.loads(before.read_text("utf-8")))))
    runs.append(("shipped", load_model.__wrapped__))
    results = {}
    for name, loader in runs:
        results[name] = with_model(arts, lex, loader)
        print(line(f"{name} model, cold (file read + parsed)", results[name][0], base))
        print(line(f"{name} model, warm", results[name][1], base))
    if "before" in results:
        (cold0, warm0), (cold1, warm1) = results["before"], results["shipped"]
        print(
            f"shipped / before: cold wall {cold1[0] / cold0[0]:.2f}x, CPU "
            f"{cold1[1] / cold0[1]:.2f}x; warm wall {warm1[0] / warm0[0]:.2f}x, CPU "
            f"{warm1[1] / warm0[1]:.2f}x"
        )


if __name__ == "__main__":
    main()
