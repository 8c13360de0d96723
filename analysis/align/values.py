"""The frozen values an alignment is made of; all refer to texts by character offsets.

:class:`Alignment` is what :func:`analysis.align_articles` returns and what the GUI and
reports read. Build it with :meth:`Alignment.build`, which also precomputes the small
lookup tables behind :meth:`Alignment.links_at`, :meth:`Alignment.cluster_at` and friends.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from analysis.align.matcher import MatchKind
from analysis.align.settings import AlignmentSettings
from analysis.model import Span

__all__ = [
    "Alignment",
    "Change",
    "ChangeKind",
    "Cluster",
    "ClusterMember",
    "Coverage",
    "Link",
    "PairShare",
    "Passage",
    "Position",
]


class ChangeKind(StrEnum):
    """A word-level edit between the two sides of a link."""

    INSERT = "insert"  # words only in ``b`` (the ``a`` span is empty, at the insertion point)
    DELETE = "delete"  # words only in ``a`` (the ``b`` span is empty)
    REPLACE = "replace"  # words in ``a`` replaced by words in ``b``


class Position(StrEnum):
    """Where a passage sits in its article."""

    HEADLINE = "headline"
    LEAD = "lead"
    BODY = "body"
    END = "end"


@dataclass(frozen=True, slots=True, order=True)
class Passage:
    """A character range ``[start, end)`` of one article's ``text``."""

    article: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        """The range as a :class:`~analysis.model.Span`."""
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Change:
    """One word-level edit; offsets into the texts of the link's ``a`` and ``b`` articles."""

    kind: ChangeKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Link:
    """Two passages in two articles that carry the same content.

    Partial links ("shares a fact") join two sentences that assert one same fact while
    one of them says more; ``a`` and ``b`` are then the whole sentences and
    ``shared_a``/``shared_b`` locate the words that carry the shared content. A sentence
    may take part in several partial links (one per fact it shares).

    Attributes:
        a: The passage in the article that comes first in the input.
        b: The passage in the other article.
        score: Confidence 0–100 (100 for verbatim).
        kind: Verbatim, edited, paraphrase or partial.
        changes: Word-level edits from ``a`` to ``b`` (empty for verbatim links).
        shared_a: Character spans in ``a``'s article of the words carrying the shared
            content, in order (may be empty when the whole passage is shared).
        shared_b: The same in ``b``'s article.
    """

    a: Passage
    b: Passage
    score: float
    kind: MatchKind
    changes: tuple[Change, ...] = ()
    shared_a: tuple[Span, ...] = ()
    shared_b: tuple[Span, ...] = ()

    def side(self, article_id: str) -> Passage | None:
        """Return this link's passage in the given article, or None."""
        if self.a.article == article_id:
            return self.a
        return self.b if self.b.article == article_id else None

    def shared(self, article_id: str) -> tuple[Span, ...]:
        """Return the shared-word spans on the given article's side (empty if none)."""
        if self.a.article == article_id:
            return self.shared_a
        return self.shared_b if self.b.article == article_id else ()


@dataclass(frozen=True, slots=True)
class ClusterMember:
    """One article's passage ``[start, end)`` in a cluster, and where it sits there."""

    article: str
    start: int
    end: int
    position: Position

    @property
    def passage(self) -> Passage:
        """The member's range as a :class:`Passage`."""
        return Passage(self.article, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Cluster:
    """The same content across several articles: at most one passage per article.

    Attributes:
        id: Number of the cluster, 0-based, in order of first appearance.
        members: One passage per article that carries it, in input order of the articles.
        omitting: Ids of the articles that do not carry it, in input order.
    """

    id: int
    members: tuple[ClusterMember, ...]
    omitting: tuple[str, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles that carry the passage."""
        return tuple(m.article for m in self.members)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of one article other articles share.

    Attributes:
        article: The article id.
        shared_fraction: Share (0–1) of its sentence characters linked to another article.
        unique: Passages no other article carries (what only this one reports).
    """

    article: str
    shared_fraction: float
    unique: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class PairShare:
    """Copy shares of one pair of articles (each side's characters, 0–1).

    Attributes:
        a: Id of the article that comes first in the input.
        b: Id of the other.
        a_verbatim: Share of ``a`` that is verbatim copy of ``b``.
        a_edited: Share of ``a`` that is edited copy of ``b``.
        b_verbatim: Share of ``b`` that is verbatim copy of ``a``.
        b_edited: Share of ``b`` that is edited copy of ``a``.
        likely_common_source: Whether either side is mostly copy (wire copy, probably).
    """

    a: str
    b: str
    a_verbatim: float
    a_edited: float
    b_verbatim: float
    b_edited: float
    likely_common_source: bool

    @property
    def a_copy(self) -> float:
        """Share of ``a`` that is verbatim or edited copy: what the common-source flag reads."""
        return self.a_verbatim + self.a_edited

    @property
    def b_copy(self) -> float:
        """Share of ``b`` that is verbatim or edited copy."""
        return self.b_verbatim + self.b_edited


@dataclass(frozen=True, slots=True)
class _Index:
    """Per-article lookup tables (starts sorted, for bisection)."""

    link_spans: Mapping[str, tuple[tuple[int, int, int], ...]]  # (start, end, link index)
    link_starts: Mapping[str, tuple[int, ...]]
    member_spans: Mapping[str, tuple[tuple[int, int, int], ...]]  # (start, end, cluster id)
    member_starts: Mapping[str, tuple[int, ...]]
    longest: Mapping[str, int]
    coverage_pos: Mapping[str, int]
    pair_pos: Mapping[frozenset[str], int]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Links, clusters, coverage and copy shares of a set of articles.

    Build with :meth:`build`. Pairs of articles without any link have no
    :class:`PairShare` (all their shares are zero).
    """

    articles: tuple[str, ...]
    settings: AlignmentSettings
    links: tuple[Link, ...]
    clusters: tuple[Cluster, ...]
    coverage: tuple[Coverage, ...]
    pairs: tuple[PairShare, ...]
    _index: _Index = field(repr=False, compare=False)

    @classmethod
    def build(
        cls,
        articles: Sequence[str],
        settings: AlignmentSettings,
        links: Sequence[Link],
        clusters: Sequence[Cluster],
        coverage: Sequence[Coverage],
        pairs: Sequence[PairShare],
    ) -> Alignment:
        """Assemble an alignment and precompute its lookup tables."""
        link_spans: dict[str, list[tuple[int, int, int]]] = {a: [] for a in articles}
        for i, link in enumerate(links):
            for p in (link.a, link.b):
                link_spans.setdefault(p.article, []).append((p.start, p.end, i))
        member_spans: dict[str, list[tuple[int, int, int]]] = {a: [] for a in articles}
        for cluster in clusters:
            for m in cluster.members:
                member_spans.setdefault(m.article, []).append((m.start, m.end, cluster.id))
        index = _Index(
            link_spans=_frozen(link_spans),
            link_starts=_starts(link_spans),
            member_spans=_frozen(member_spans),
            member_starts=_starts(member_spans),
            longest=MappingProxyType(
                {a: max((e - s for s, e, _ in v), default=0) for a, v in link_spans.items()}
            ),
            coverage_pos=MappingProxyType({c.article: i for i, c in enumerate(coverage)}),
            pair_pos=MappingProxyType({frozenset((p.a, p.b)): i for i, p in enumerate(pairs)}),
        )
        return cls(
            tuple(articles), settings, tuple(links), tuple(clusters), tuple(coverage),
            tuple(pairs), index,
        )  # fmt: skip

    def links_of(self, article_id: str) -> tuple[Link, ...]:
        """Return every link with a side in the given article, by offset there."""
        spans = self._index.link_spans.get(article_id, ())
        return tuple(self.links[i] for _, _, i in spans)

    def links_at(self, article_id: str, offset: int) -> tuple[Link, ...]:
        """Return the links whose passage in the article covers the character offset."""
        spans = self._index.link_spans.get(article_id, ())
        starts = self._index.link_starts.get(article_id, ())
        reach = offset - self._index.longest.get(article_id, 0)
        found = []
        for k in range(bisect_right(starts, offset) - 1, -1, -1):
            start, end, i = spans[k]
            if start < reach:
                break
            if start <= offset < end:
                found.append(self.links[i])
        return tuple(reversed(found))

    def cluster_at(self, article_id: str, offset: int) -> Cluster | None:
        """Return the cluster whose passage in the article covers the offset, or None."""
        spans = self._index.member_spans.get(article_id, ())
        k = bisect_right(self._index.member_starts.get(article_id, ()), offset) - 1
        while k >= 0 and spans[k][0] <= offset:
            start, end, cid = spans[k]
            if start <= offset < end:
                return self.clusters[cid]
            k -= 1
            if k >= 0 and spans[k][1] <= start:
                break
        return None

    def clusters_of(self, article_id: str) -> tuple[Cluster, ...]:
        """Return the clusters the article takes part in, by offset there."""
        return tuple(self.clusters[c] for _, _, c in self._index.member_spans.get(article_id, ()))

    def members(self, cluster_id: int) -> tuple[ClusterMember, ...]:
        """Return the members of a cluster (IndexError for an unknown id)."""
        return self.clusters[cluster_id].members

    def coverage_of(self, article_id: str) -> Coverage:
        """Return the coverage of one article (KeyError for an unknown id)."""
        return self.coverage[self._index.coverage_pos[article_id]]

    def pair(self, a: str, b: str) -> PairShare | None:
        """Return the copy shares of two articles (in either order), or None if unlinked."""
        pos = self._index.pair_pos.get(frozenset((a, b)))
        return None if pos is None else self.pairs[pos]


def _frozen(
    spans: Mapping[str, list[tuple[int, int, int]]],
) -> Mapping[str, tuple[tuple[int, int, int], ...]]:
    return MappingProxyType({a: tuple(sorted(v)) for a, v in spans.items()})


def _starts(spans: Mapping[str, list[tuple[int, int, int]]]) -> Mapping[str, tuple[int, ...]]:
    return MappingProxyType({a: tuple(s for s, _, _ in sorted(v)) for a, v in spans.items()})
