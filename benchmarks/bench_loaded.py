"""Benchmark the learned model: what loading it and scoring 100 articles add to the terms step.

Run by hand:  .venv/bin/python benchmarks/bench_loaded.py

Baseline, in the same run: ``analyse_terms`` on the same 100 articles (~800 words each)
with the ``learned`` category switched off (lexicons only, as before the model). Then the
same with the model: once cold (the model file read and parsed first, as on the first
comparison after start) and warm (best of 5). Target: the cold run adds at most 1 s.

Each figure is given as wall time and as CPU time of this process (``process_time``): on a
shared machine the wall time also counts the time other processes held the cores.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_terms import corpus

from analysis.terms.learned import load_model
from analysis.terms.load import load_lexicons
from analysis.terms.report import analyse_terms
from analysis.terms.scores import LEARNED
from analysis.terms.settings import TermSettings


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def best_of(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """The fastest of ``repeat`` calls (wall, CPU)."""
    return min((timed(fn) for _ in range(repeat)), key=lambda t: t[0])


def line(name: str, value: tuple[float, float], base: tuple[float, float]) -> str:
    wall, cpu = value
    return (
        f"{name}: wall {wall * 1000:.0f} ms ({wall / base[0]:.2f}x baseline, "
        f"+{(wall - base[0]) * 1000:.0f} ms); CPU {cpu * 1000:.0f} ms "
        f"({cpu / base[1]:.2f}x, +{(cpu - base[1]) * 1000:.0f} ms)"
    )


def main() -> None:
    arts = corpus()
    words = sum(a.word_count for a in arts)
    off = TermSettings(use_user_lexicons=False, disabled_categories=(LEARNED,))
    on = TermSettings(use_user_lexicons=False)
    lex = load_lexicons(on)
    analyse_terms(arts[:1], off, lexicons=lex)  # compile the lexicons outside the timing
    base = best_of(lambda: analyse_terms(arts, off, lexicons=lex))
    load_model.cache_clear()
    load = timed(load_model)
    load_model.cache_clear()
    cold = timed(lambda: analyse_terms(arts, on, lexicons=lex))
    warm = best_of(lambda: analyse_terms(arts, on, lexicons=lex))
    print(f"corpus: {len(arts)} articles, {words} words")
    print(f"lexicons only (baseline): wall {base[0] * 1000:.0f} ms, CPU {base[1] * 1000:.0f} ms")
    print(f"model file read + parsed: wall {load[0] * 1000:.0f} ms, CPU {load[1] * 1000:.0f} ms")
    print(line("with the model, cold", cold, base))
    print(line("with the model, warm", warm, base))


if __name__ == "__main__":
    main()
