"""What the side-by-side view paints: each article's passages, by cluster, kind and changes.

Qt-free: a :class:`PassageMap` is built once per result from ``result.alignment`` (the
aligner's frozen :class:`~analysis.align.Alignment`) and answers "which passage is at this
offset" and "which passages share its cluster" in O(log n).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from analysis.align.values import Alignment, Link
from analysis.result import ComparisonResult

__all__ = ["Passage", "PassageKind", "PassageMap"]


class PassageKind(enum.StrEnum):
    """How a passage relates to its counterparts (strongest link wins)."""

    VERBATIM = "verbatim"
    EDITED = "edited"
    PARAPHRASE = "paraphrase"
    PARTIAL = "partial"  # shares a fact
    UNIQUE = "unique"


_RANK = {
    PassageKind.VERBATIM: 0,
    PassageKind.EDITED: 1,
    PassageKind.PARAPHRASE: 2,
    PassageKind.PARTIAL: 3,
}


@dataclass(frozen=True, slots=True)
class Passage:
    """A span of one article, either a cluster member or a passage only that article has.

    Attributes:
        article_id: The article.
        start: Start offset into the article's text.
        end: End offset.
        kind: Strongest link kind of the passage, or ``unique``.
        cluster: Index of the cluster in story order, or None for a unique passage.
        changes: Spans of changed words inside the passage (edited/paraphrased words).
    """

    article_id: str
    start: int
    end: int
    kind: PassageKind
    cluster: int | None = None
    changes: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class PassageMap:
    """Passages of every article, with lookups by offset and by cluster."""

    by_article: Mapping[str, tuple[Passage, ...]]
    by_cluster: Mapping[int, tuple[Passage, ...]]
    omitted_by: Mapping[int, tuple[str, ...]]
    _starts: Mapping[str, tuple[int, ...]]

    @classmethod
    def empty(cls) -> PassageMap:
        """A map with no passages (no result, or a result without alignment)."""
        return cls(MappingProxyType({}), MappingProxyType({}), MappingProxyType({}), {})

    @classmethod
    def from_result(cls, result: ComparisonResult | None) -> PassageMap:
        """Build the map from a result's ``alignment`` section (empty when absent)."""
        alignment: Alignment | None = result.alignment if result is not None else None
        if result is None or alignment is None:
            return cls.empty()
        ids = {a.id for a in result.articles}
        sides = _link_sides(alignment.links)
        passages: list[Passage] = []
        omitted: dict[int, tuple[str, ...]] = {}
        for cluster in alignment.clusters:
            omitted[cluster.id] = tuple(a for a in cluster.omitting if a in ids)
            for m in cluster.members:
                if m.article in ids:
                    kind, changes = _describe(m.start, m.end, sides.get(m.article, ()))
                    passages.append(Passage(m.article, m.start, m.end, kind, cluster.id, changes))
        for coverage in alignment.coverage:
            if coverage.article in ids:
                passages.extend(
                    Passage(coverage.article, s.start, s.end, PassageKind.UNIQUE)
                    for s in coverage.unique
                )
        return cls._index(passages, omitted)

    @classmethod
    def _index(cls, passages: Iterable[Passage], omitted: dict[int, tuple[str, ...]]) -> PassageMap:
        by_article: dict[str, list[Passage]] = {}
        by_cluster: dict[int, list[Passage]] = {}
        for p in passages:
            by_article.setdefault(p.article_id, []).append(p)
            if p.cluster is not None:
                by_cluster.setdefault(p.cluster, []).append(p)
        sorted_by_article = {
            k: tuple(sorted(v, key=lambda p: p.start)) for k, v in by_article.items()
        }
        return cls(
            by_article=MappingProxyType(sorted_by_article),
            by_cluster=MappingProxyType({k: tuple(v) for k, v in by_cluster.items()}),
            omitted_by=MappingProxyType(omitted),
            _starts={k: tuple(p.start for p in v) for k, v in sorted_by_article.items()},
        )

    def at(self, article_id: str, offset: int) -> Passage | None:
        """Return the passage covering ``offset`` in an article, or None."""
        starts = self._starts.get(article_id, ())
        i = bisect.bisect_right(starts, offset) - 1
        while i >= 0:
            passage = self.by_article[article_id][i]
            if passage.start <= offset < passage.end:
                return passage
            if passage.end <= offset and passage.cluster is not None:
                break
            i -= 1
        return None

    def counterparts(self, passage: Passage) -> tuple[Passage, ...]:
        """Return every member of the passage's cluster (the passage itself included)."""
        if passage.cluster is None:
            return (passage,)
        return self.by_cluster.get(passage.cluster, (passage,))

    def overlapping(self, article_id: str, start: int, end: int) -> Passage | None:
        """Return the first passage of an article overlapping ``[start, end)``."""
        for p in self.by_article.get(article_id, ()):
            if p.start < max(end, start + 1) and start < p.end:
                return p
        return None


_Side = tuple[int, int, PassageKind, tuple[tuple[int, int], ...]]


def _link_sides(links: Iterable[Link]) -> dict[str, list[_Side]]:
    """Each link's span on each side, with its kind and changed-word spans on that side."""
    sides: dict[str, list[_Side]] = {}
    for link in links:
        kind = PassageKind(str(link.kind))
        a_changes = tuple((c.a_start, c.a_end) for c in link.changes if c.a_start < c.a_end)
        b_changes = tuple((c.b_start, c.b_end) for c in link.changes if c.b_start < c.b_end)
        for side, changes in ((link.a, a_changes), (link.b, b_changes)):
            sides.setdefault(side.article, []).append((side.start, side.end, kind, changes))
    return sides


def _describe(
    start: int, end: int, sides: Iterable[_Side]
) -> tuple[PassageKind, tuple[tuple[int, int], ...]]:
    """Strongest kind of the links inside a member, and the changed words within it."""
    best: PassageKind | None = None
    changed: set[tuple[int, int]] = set()
    for s, e, kind, spans in sides:
        if s < end and start < e:
            if best is None or _RANK[kind] < _RANK[best]:
                best = kind
            changed.update(c for c in spans if start <= c[0] and c[1] <= end)
    return best or PassageKind.PARAPHRASE, tuple(sorted(changed))
