"""What the matrix and side-by-side views compute on the GUI thread, against the alignment.

Run by hand: ``.venv/bin/python benchmarks/bench_display.py [N ...]`` (default 100). For a
synthetic corpus of N articles (``bench_align.corpus``), times in one run:

* ``align``: :func:`analysis.align.align_articles` (the baseline; runs off the GUI thread);
* ``matrix rows``: :func:`analysis.omission.matrix_rows` (the omission matrix, app and
  reports);
* ``passage map``: :meth:`desktop.views.passages.PassageMap.from_result` (side by side).

Each figure is the best of three, printed in seconds and as a ratio to ``align``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.align import align_articles  # noqa: E402
from analysis.omission import matrix_rows  # noqa: E402
from analysis.result import ComparisonResult  # noqa: E402
from analysis.settings import CompareSettings  # noqa: E402
from benchmarks.bench_align import corpus  # noqa: E402
from desktop.views.passages import PassageMap  # noqa: E402


def _best(run: Callable[[], object], times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print the timings for each size given on the command line."""
    for n in [int(x) for x in sys.argv[1:]] or [100]:
        arts = corpus(n)
        alignment = align_articles(arts)
        base = _best(lambda arts=arts: align_articles(arts), 1)
        result = ComparisonResult(tuple(arts), CompareSettings(), "bench", alignment=alignment)
        rows = _best(lambda arts=arts, al=alignment: matrix_rows(arts, al))
        passages = _best(lambda r=result: PassageMap.from_result(r))
        kinds: dict[str, int] = {}
        for link in alignment.links:
            kinds[str(link.kind)] = kinds.get(str(link.kind), 0) + 1
        print(f"{n} articles, links {kinds}")
        print(f"  align        {base:7.2f} s  1.00")
        print(f"  matrix rows  {rows:7.2f} s  {rows / base:.3f}")
        print(f"  passage map  {passages:7.2f} s  {passages / base:.3f}")


if __name__ == "__main__":
    main()
