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

__all__ = ["event_labels", "gate_links", "gate_mixed_events"]

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
    if int(np.sum(np.bincount(labels) >= 2)) < 2:
        return None
    return labels


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
