"""Slant from Python, as in a notebook: load, compare, read results, get DataFrames, export.

Run it with ``python examples/notebook.py [OUTPUT_FOLDER]``; it uses the built-in sample
(four fictional outlets reporting one fictional event), so it needs no files or network.
Needs pandas: ``pip install "slant-news[notebook]"``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import analysis
from analysis.reports import write_report


def main(folder: Path) -> None:
    """Compare the sample, print a few findings and write an xlsx and a JSON report."""
    articles = analysis.load_sample()
    steps: list[str] = []

    def progress(fraction: float, label: str) -> None:
        if not steps or steps[-1] != label:
            steps.append(label)

    result = analysis.compare(articles, progress=progress, is_cancelled=lambda: False)
    print(f"{len(result.articles)} articles, {len(steps)} progress steps, last: {steps[-1]}")

    frames = analysis.to_frames(result)
    counts = frames["term-counts"]
    loaded = counts[counts["loaded"] == "yes"]
    per_outlet = loaded.groupby("outlet")["own_voice"].sum().sort_values(ascending=False)
    print("Loaded terms in each outlet's own voice:")
    for outlet, n in per_outlet.items():
        print(f"  {outlet}: {n}")

    coverage = frames["coverage"].set_index("outlet")["shared_pct"]
    print(f"Most shared with the others: {coverage.idxmax()} ({coverage.max():.1f} %)")

    first = result.terms.hits[0] if result.terms and result.terms.hits else None
    if first is not None:
        text = result.article(first.article).text
        print(f"First term found: {text[first.start : first.end]!r} ({first.category})")

    write_report(result, "xlsx", folder / "sample.xlsx")
    write_report(result, "json", folder / "sample.json")
    print(f"Wrote {folder / 'sample.xlsx'} and {folder / 'sample.json'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
