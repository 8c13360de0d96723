"""Links between articles of different events need stronger evidence.

A comparison may mix stories: a user drops twenty articles on four events into one window.
Sentences of unrelated events then share names and topic words ("North Korea", "Trump
said in a tweet"), and the shared-fact model, which sees two sentences at a time, links
some of them as "shares a fact". Here the comparison's articles are grouped into events
with :mod:`analysis.events` (the grouping the batch runner uses); where it finds two or
more events of two or more articles each (a mix, not one story split by the grouping),
a link between articles of different events is kept only when it is verbatim or its score
reaches ``settings.event_gate_min_score``. One event, or one event beside single articles,
leaves every link as it is (three articles can never be a mix).

The thresholds were chosen on mixes of BASIL train events (``benchmarks/eval_event_gate.py``,
``docs/alignment.md``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from analysis.align.clusters import RawLink
from analysis.align.settings import AlignmentSettings
from analysis.align.units import Units
from analysis.model import Article

__all__ = ["event_labels", "gate_links", "gate_mixed_events", "merge_linked"]

_VERBATIM = 0


def gate_mixed_events(
    articles: Sequence[Article],
    units: Units,
    copies: Sequence[RawLink],
    facts: Sequence[RawLink],
    settings: AlignmentSettings,
) -> tuple[list[RawLink], list[RawLink]]:
    """The aligner's hook: copy and shared-fact links, gated when the articles mix events.

    Args:
        articles: The comparison's articles.
        units: All units.
        copies: The copy links.
        facts: The shared-fact links.
        settings: The ``event_gate_*`` settings.

    Returns:
        The copy links and the shared-fact links kept.
    """
    labels = event_labels(articles, settings)
    if labels is not None:
        labels = merge_linked(labels, units, [*copies, *facts], settings.event_gate_merge_share)
    return gate_links(units, copies, labels, settings), gate_links(units, facts, labels, settings)


def event_labels(
    articles: Sequence[Article], settings: AlignmentSettings
) -> NDArray[np.intp] | None:
    """Each article's event number, or None when the comparison is not a mix of events.

    Args:
        articles: The comparison's articles.
        settings: ``event_gate_max_articles`` (0 turns the gate off).

    Returns:
        One event number per article when the grouping finds at least two events of two
        or more articles; None otherwise, and above ``event_gate_max_articles`` articles.
    """
    n = len(articles)
    if n < 4 or n > settings.event_gate_max_articles:
        return None
    from analysis.events import group_articles  # scikit-learn loads lazily

    grouping = group_articles(articles)
    index = {a.id: i for i, a in enumerate(articles)}
    labels = np.zeros(n, dtype=np.intp)
    for number, event in enumerate(grouping.events):
        for article_id in event.articles:
            labels[index[article_id]] = number
    return labels if _is_mix(labels) else None


def _is_mix(labels: NDArray[np.intp]) -> bool:
    """At least two events of two or more articles."""
    return int(np.sum(np.bincount(labels) >= 2)) >= 2


def merge_linked(
    labels: NDArray[np.intp], units: Units, links: Sequence[RawLink], share: float
) -> NDArray[np.intp] | None:
    """Join groups that the links show to be one story; None when no mix is left.

    The grouping splits some single stories told from different angles. The links know
    better: between two groups of one story there are about as many links per article pair
    as inside the groups, between two stories far fewer. Two groups are joined when the
    links per article pair between them reach ``share`` of the links per article pair
    inside groups (over all groups of two or more articles).

    Args:
        labels: Each article's group.
        units: All units.
        links: Every link, before gating.
        share: The least ratio of the two densities for a join.

    Returns:
        The new labels (numbered by their smallest old group), or None when the joined
        groups are no longer a mix.
    """
    n_groups = int(labels.max()) + 1
    size = np.bincount(labels, minlength=n_groups).astype(np.float64)
    counts = np.zeros((n_groups, n_groups))
    if links:
        ends = np.array([(lk.a.unit, lk.b.unit) for lk in links], dtype=np.intp)
        groups = labels[units.article[ends]]
        np.add.at(counts, (groups[:, 0], groups[:, 1]), 1.0)
    counts = counts + counts.T - np.diag(np.diag(counts))
    inside_pairs = float(np.sum(size * (size - 1) / 2))
    inside = float(np.trace(counts)) / inside_pairs if inside_pairs else 0.0
    parent = list(range(n_groups))

    def root(g: int) -> int:
        while parent[g] != g:
            g = parent[g]
        return g

    for g in range(n_groups):
        for h in range(g + 1, n_groups):
            if inside > 0 and counts[g, h] / (size[g] * size[h]) >= share * inside:
                parent[max(root(g), root(h))] = min(root(g), root(h))
    merged = np.array([root(int(g)) for g in labels], dtype=np.intp)
    return merged if _is_mix(merged) else None


def gate_links(
    units: Units,
    links: Sequence[RawLink],
    labels: NDArray[np.intp] | None,
    settings: AlignmentSettings,
) -> list[RawLink]:
    """Drop the weak links between articles that the grouping puts in different events.

    Args:
        units: All units.
        links: Links to check (copy or shared-fact links).
        labels: :func:`event_labels` of the articles (None keeps every link).
        settings: ``event_gate_min_score``.

    Returns:
        The links kept, in their order.
    """
    if labels is None:
        return list(links)
    event = labels[units.article].tolist()
    strong = settings.event_gate_min_score
    return [
        link
        for link in links
        if event[link.a.unit] == event[link.b.unit]
        or link.kind == _VERBATIM
        or link.score >= strong
    ]
