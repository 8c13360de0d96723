"""Issue 12, item 3: steps outside framing that were quadratic in an unpunctuated line.

No timings (those are in benchmarks/bench_hostile.py). Each test counts the Python lines a
module executes (generator expressions included) for an input and for one four times as
long: linear work grows about four times, quadratic work sixteen times.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import analysis.disagree.naming as naming
import analysis.terms.scores as scores
from analysis.ingest import load_bytes
from analysis.terms.matcher import TermHit

_WORDS = (
    "the minister said officials told reporters that Halden claimed he warned the Senate "
    "according to sources Borg added she insisted government denied saying calls a senior "
    "official with Sen Cruz announced they argued Mr Anja Borg the spokesman"
).split()


def _line(size: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    words: list[str] = []
    total = 0
    while total < size:
        words.append(rng.choice(_WORDS))
        total += len(words[-1]) + 1
    return " ".join(words)


def _steps(module_file: str, run: Callable[[], Any]) -> int:
    """How many lines of ``module_file`` run while ``run()`` does."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if frame.f_code.co_filename != module_file:
            return None
        count += 1  # the call itself

        def lines(frame: FrameType, event: str, arg: Any) -> Any:
            nonlocal count
            count += event == "line"
            return lines

        return lines

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


def test_word_categories_are_one_sweep() -> None:
    def case(n: int) -> Callable[[], Any]:
        found = [(6 * i, 6 * i + 5, "word") for i in range(n)]
        near = [TermHit("a", 6 * i, 6 * i + 11, "slam", f"c{i % 3}", False) for i in range(0, n, 3)]

        def run() -> None:
            out = scores._categories(found, near)
            assert out[0] == frozenset({"c0"}) and out[1] == frozenset({"c0"})
            assert out[2] == frozenset()

        return run

    small = _steps(scores.__file__, case(1_500))
    large = _steps(scores.__file__, case(6_000))
    assert large < 5 * small  # was about 16 times: every word looked at every hit


def test_naming_work_grows_linearly_with_an_unpunctuated_line() -> None:
    small_article = load_bytes(_line(8_000).encode(), kind="text", source="s.txt")
    large_article = load_bytes(_line(32_000).encode(), kind="text", source="l.txt")
    other = load_bytes(_line(2_000, seed=9).encode(), kind="text", source="o.txt")
    small_actors: list[Any] = []
    large_actors: list[Any] = []
    small = _steps(
        naming.__file__, lambda: small_actors.extend(naming.name_actors([small_article, other]))
    )
    large = _steps(
        naming.__file__, lambda: large_actors.extend(naming.name_actors([large_article, other]))
    )
    assert any(a.name == "Borg" or a.name.endswith("Borg") for a in large_actors)
    assert sum(len(a.mentions) for a in large_actors) > 3 * sum(
        len(a.mentions) for a in small_actors
    )
    # Overlap checks against every known mention and a scan of every mention per
    # description made this about 12–16 times.
    assert large < 5.5 * small
