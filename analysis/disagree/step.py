"""The pipeline step of this package: number and label disagreements, and actor naming."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from analysis.disagree.across import compare_across
from analysis.disagree.compare import (
    FoundIn,
    Seen,
    compare_labels,
    compare_numbers,
    facts_of,
)
from analysis.disagree.naming import name_actors
from analysis.disagree.values import Disagreement, DisagreementReport
from analysis.progress import CancelFn, ProgressFn, check_cancelled
from analysis.result import ComparisonResult

__all__ = ["analyse_disagreements", "disagree_step"]


def analyse_disagreements(
    result: ComparisonResult, *, is_cancelled: CancelFn | None = None
) -> DisagreementReport:
    """Compare numbers and labels within each aligned fact, and group actor mentions.

    Figures of one thing that two outlets give in different facts are compared after
    (:mod:`analysis.disagree.across`), under stricter rules.

    Args:
        result: A result with its alignment (without one, only naming is done) and,
            optionally, its term hits (they give labels their lexicon category).
        is_cancelled: Polled between facts.

    Returns:
        The report.

    Raises:
        Cancelled: When ``is_cancelled()`` became true.
    """
    arts = {a.id: a for a in result.articles}
    hits: dict[str, list[tuple[int, int, str]]] = {}
    if result.terms is not None:
        for hit in result.terms.hits:
            hits.setdefault(hit.article, []).append((hit.start, hit.end, hit.category))
    for found_hits in hits.values():
        found_hits.sort()
    starts = {aid: [s for s, _, _ in v] for aid, v in hits.items()}

    def category(aid: str, start: int, end: int) -> str:
        # Term hits are short: one starting up to 40 characters earlier may still overlap.
        items = hits.get(aid, [])
        k = bisect_left(starts.get(aid, []), start - 40)
        while k < len(items) and items[k][0] < end:
            _, e, c = items[k]
            if start < e:
                return c
            k += 1
        return ""

    items: list[Disagreement] = []
    agreements = 0
    facts = facts_of(result.alignment) if result.alignment is not None else []
    found = FoundIn(arts)
    seen: Seen = {}
    for k, fact in enumerate(facts):
        if k % 64 == 0:
            check_cancelled(is_cancelled)
        numbers, agreed = compare_numbers(fact, arts, found, seen)
        agreements += agreed
        items.extend(numbers)
        items.extend(compare_labels(fact, arts, category, found))
    across, agreed = compare_across((s for f in facts for s in f.spans), found, seen)
    items.extend(across)
    agreements += agreed
    actors = name_actors(result.articles, is_cancelled=is_cancelled)
    return DisagreementReport(tuple(items), agreements, actors)


def disagree_step(
    result: ComparisonResult,
    *,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> ComparisonResult:
    """Add the ``disagreements`` section to ``result`` (see :func:`analyse_disagreements`)."""
    if progress is not None:
        progress(0.0, "Numbers, labels and names")
    report = analyse_disagreements(result, is_cancelled=is_cancelled)
    check_cancelled(is_cancelled)
    return replace(result, disagreements=report)
