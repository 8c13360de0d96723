"""Exporting a 100-article comparison in every report format (target: all in < 10 s).

Run by hand: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_reports.py [N]``.

The 100 articles are the built-in sample's articles, each repeated with a different outlet
name and a varied wording (a number, a swapped word and an added sentence), so that the
alignment, terms and framing steps find real links, clusters, omissions and hits. The
comparison itself is computed once and timed apart; then each format is rendered from it.
The baseline, timed in the same run, is serialising the result to JSON text
(``json.dumps(result_to_json(result))``), and every figure is also given as a ratio to it.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.ingest import load_sample  # noqa: E402
from analysis.jsonio import result_to_json  # noqa: E402
from analysis.model import Article  # noqa: E402
from analysis.pipeline import compare  # noqa: E402
from analysis.reports import render_report  # noqa: E402
from analysis.result import ComparisonResult  # noqa: E402
from desktop.launcher import _register_report_formats  # noqa: E402

_SWAPS = (("said", "claimed"), ("police", "officers"), ("march", "protest"), ("the", "the"))


def varied_articles(n: int) -> list[Article]:
    """Return ``n`` articles made from the sample by renaming and rewording it."""
    base = load_sample()
    out: list[Article] = []
    k = 0
    while len(out) < n:
        for art in base:
            if len(out) >= n:
                break
            old, new = _SWAPS[k % len(_SWAPS)]
            body = [art.text[p.start : p.end] for p in art.paragraphs[1:]]
            body = [p.replace(f" {old} ", f" {new} ", 1) for p in body]
            body.append(f"Update {k}: {3 + k} more people joined later, organisers said.")
            out.append(
                Article.from_parts(
                    title=f"{art.title} ({k})",
                    paragraphs=body,
                    outlet=f"{art.outlet} {k // len(base) + 1}",
                    source=f"variant-{k}",
                    date=art.date,
                    url=art.url,
                )
            )
            k += 1
    return out


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main(n: int = 100) -> int:
    _register_report_formats()
    articles = varied_articles(n)
    compare_s, result = timed(lambda: compare(articles))
    assert isinstance(result, ComparisonResult)
    present = [k for k in ("alignment", "terms", "framing", "distinctive_terms", "readability")
               if getattr(result, k) is not None]  # fmt: skip
    print(f"{n} articles, {sum(a.word_count for a in articles)} words; compare() {compare_s:.2f} s")
    print(f"sections present: {', '.join(present) or 'none'}")
    base_s, _ = timed(lambda: json.dumps(result_to_json(result), ensure_ascii=False))
    print(f"baseline (result to JSON text): {base_s:.3f} s")
    total = 0.0
    for fmt in ("json", "md", "csv", "html", "pdf"):
        seconds, blob = timed(lambda f=fmt: render_report(result, f))
        assert isinstance(blob, bytes)
        total += seconds
        ratio = seconds / base_s
        print(f"{fmt:>5}: {seconds:6.2f} s  ({ratio:6.1f}x baseline)  {len(blob):>10,} bytes")
    verdict = "PASS" if total < 10 else "FAIL"
    print(f"every format: {total:.2f} s ({total / base_s:.1f}x baseline); target < 10 s: {verdict}")
    return 0 if total < 10 else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
