"""Quantities and labels of whole articles, found once and looked up by span."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import TypeVar

from analysis.disagree.labels import LabelHit, find_labels
from analysis.disagree.numbers import describe, find_quantities
from analysis.disagree.values import Quantity
from analysis.model import Article

__all__ = ["FoundIn"]


class FoundIn:
    """Quantities and labels of whole articles, found once and looked up by span.

    A passage takes part in many facts (every link of it); scanning each article once and
    bisecting keeps the work linear in the text.
    """

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self.articles = articles
        self._quantities: dict[str, tuple[tuple[int, ...], tuple[Quantity, ...]]] = {}
        self._labels: dict[str, tuple[tuple[int, ...], tuple[LabelHit, ...]]] = {}
        self._described: dict[tuple[str, int], Quantity] = {}

    def quantities(self, aid: str, start: int, end: int) -> tuple[Quantity, ...]:
        """Return the quantities wholly inside ``[start, end)`` of an article."""
        if aid not in self._quantities:
            found = find_quantities(self.articles[aid].text, described=False)
            self._quantities[aid] = (tuple(q.start for q in found), found)
        starts, items = self._quantities[aid]
        return _within(starts, items, start, end)

    def described(self, aid: str, qs: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
        """Return ``qs`` (of one article) with the words around them, each read once."""
        out = []
        for q in qs:
            key = (aid, q.start)
            done = self._described.get(key)
            if done is None:
                done = self._described[key] = describe(self.articles[aid].text, q)
            out.append(done)
        return tuple(out)

    def labels(self, aid: str, start: int, end: int) -> tuple[LabelHit, ...]:
        """Return the label words wholly inside ``[start, end)`` of an article."""
        if aid not in self._labels:
            text = self.articles[aid].text
            hits = tuple(find_labels(text, 0, len(text)))
            self._labels[aid] = (tuple(h.start for h in hits), hits)
        starts, labels = self._labels[aid]
        return _within(starts, labels, start, end)


_T = TypeVar("_T", Quantity, LabelHit)


def _within(starts: tuple[int, ...], items: tuple[_T, ...], start: int, end: int) -> tuple[_T, ...]:
    out = []
    for k in range(bisect_left(starts, start), len(items)):
        item = items[k]
        if item.start >= end:
            break
        if item.end <= end:
            out.append(item)
    return tuple(out)
