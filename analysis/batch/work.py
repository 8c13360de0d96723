"""One event's comparison as a self-contained task: the unit a local loop or Dask runs.

:func:`compare_event` takes only picklable plain values and returns only plain values (the
report's bytes and a dict of key numbers), so the same function runs in this process or on
a Dask worker, and both give the same report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysis.model import Article
from analysis.progress import CancelFn, ProgressFn
from analysis.result import ComparisonResult

__all__ = ["EventWork", "compare_event", "key_numbers", "report_extension"]

_EXTENSIONS = {"csv": "zip"}


@dataclass(frozen=True, slots=True)
class EventWork:
    """What comparing one event produced.

    Attributes:
        report: The rendered report, or None when this process cannot render the format
            (PDF on a Dask worker); ``result_json`` then carries the result instead.
        numbers: Key numbers for the index (see :func:`key_numbers`).
        result_json: The result as JSON when ``report`` is None.
    """

    report: bytes | None
    numbers: dict[str, float | int]
    result_json: dict[str, Any] | None = None


def report_extension(fmt: str) -> str:
    """The file extension of a report format (``csv`` reports are zips of CSV files)."""
    return _EXTENSIONS.get(fmt, fmt)


def compare_event(
    articles: Sequence[Article],
    fmt: str,
    paper: str = "a4",
    *,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> EventWork:
    """Compare one event's articles and render its report.

    Args:
        articles: Two or more articles of one event.
        fmt: A report format of :func:`analysis.reports.formats`.
        paper: The PDF page size.
        progress: ``progress(fraction, label)`` for the comparison.
        is_cancelled: Polled by the comparison.

    Raises:
        SlantError: When the comparison or the report fails (for example Cancelled).
    """
    from analysis.jsonio import result_to_json
    from analysis.pipeline import compare
    from analysis.reports import formats, render_report

    result = compare(articles, progress=progress, is_cancelled=is_cancelled)
    numbers = key_numbers(result)
    if fmt in formats():
        return EventWork(render_report(result, fmt, paper=paper), numbers)
    return EventWork(None, numbers, result_to_json(result))


def key_numbers(result: ComparisonResult) -> dict[str, float | int]:
    """The few numbers the index shows for one compared event.

    ``linked_passages`` counts aligned passage pairs, ``shared`` is the mean share of each
    article's text another article carries too, ``only_here`` counts passages only one
    article carries, ``loaded_terms`` counts loaded-term hits.
    """
    numbers: dict[str, float | int] = {
        "articles": len(result.articles),
        "words": sum(a.word_count for a in result.articles),
    }
    if result.alignment is not None:
        coverage = result.alignment.coverage
        numbers["linked_passages"] = len(result.alignment.links)
        shared = sum(c.shared_fraction for c in coverage) / len(coverage) if coverage else 0.0
        numbers["shared"] = round(shared, 4)
        numbers["only_here"] = sum(len(c.unique) for c in coverage)
    if result.terms is not None:
        numbers["loaded_terms"] = len(result.terms.hits)
    return numbers
