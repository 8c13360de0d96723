"""Exporting a 100-article comparison in every report format (target: all in < 10 s).

Run by hand: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_reports.py [N] [DIR]``
(with DIR, every report is also written there, to be opened and looked at).

The 100 articles are the built-in sample's articles, each repeated with a different outlet
name and a varied wording (a number, a swapped word and an added sentence), so that the
alignment, terms and framing steps find real links, clusters, omissions and hits. The
comparison itself is computed once and timed apart; then the report content all text
formats share is built (timed on its own line, as the Export menu pays it once for every
format), and each format is rendered from it. The baseline, timed in the same run, is
tokenising every article's text ten times with ``analysis.model.count_words``; every figure
is also given as a ratio to it (the machine is shared, so ratios are what to compare).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.ingest import load_sample  # noqa: E402
from analysis.model import Article, count_words  # noqa: E402
from analysis.pipeline import compare  # noqa: E402
from analysis.reports import render_report, report_content  # noqa: E402
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


def main(n: int = 100, out: Path | None = None) -> int:
    _register_report_formats()
    articles = varied_articles(n)
    compare_s, result = timed(lambda: compare(articles))
    assert isinstance(result, ComparisonResult)
    present = [k for k in ("alignment", "terms", "framing", "distinctive_terms", "readability")
               if getattr(result, k) is not None]  # fmt: skip
    print(f"{n} articles, {sum(a.word_count for a in articles)} words; compare() {compare_s:.2f} s")
    print(f"sections present: {', '.join(present) or 'none'}")
    base_s, _ = timed(lambda: [count_words(a.text) for _ in range(10) for a in articles])
    print(f"baseline (count_words over every text, 10 times): {base_s:.3f} s")
    total = 0.0
    for fmt in ("json", "content", "md", "csv", "html", "pdf"):
        if fmt == "content":
            seconds, _ = timed(lambda: report_content(result))
            size = ""
        else:
            seconds, blob = timed(lambda f=fmt: render_report(result, f))
            assert isinstance(blob, bytes)
            size = f"{len(blob):>12,} bytes"
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                (out / f"report-{n}.{'zip' if fmt == 'csv' else fmt}").write_bytes(blob)
        total += seconds
        print(f"{fmt:>8}: {seconds:6.2f} s  ({seconds / base_s:6.1f}x baseline)  {size}")
    verdict = "PASS" if total < 10 else "FAIL"
    print(f"every format: {total:.2f} s ({total / base_s:.1f}x baseline); target < 10 s: {verdict}")
    return 0 if total < 10 else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    raise SystemExit(main(int(args[0]) if args else 100, Path(args[1]) if len(args) > 1 else None))
