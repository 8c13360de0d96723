"""What the side-by-side view paints: each article's passages, by cluster, kind and changes.

Qt-free: a :class:`PassageMap` is built once per result from ``result.alignment`` (the
aligner's frozen :class:`~analysis.align.Alignment`) and answers "which passage is at this
offset", "which passages share its cluster" and "which sentences elsewhere share a fact of
it" (links that join no two members of one cluster, mostly "shares a fact" links, with the
words that carry the shared fact on each side).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from analysis.align.values import Alignment, Link
from analysis.omission import join_words
from analysis.result import ComparisonResult

__all__ = ["Partner", "Passage", "PassageKind", "PassageMap", "rank_of"]


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
_Spans = tuple[tuple[int, int], ...]


def rank_of(kind: PassageKind) -> int:
    """Strength of a kind: 0 for verbatim up to 3 for "shares a fact" (4 for unique)."""
    return _RANK.get(kind, len(_RANK))


_FactEnd = tuple[int, int, _Spans]  # a "shares a fact" link end and its shared-word spans


@dataclass(frozen=True, slots=True)
class Passage:
    """A span of one article, either a cluster member or a passage only that article has.

    Attributes:
        article_id: The article.
        start: Start offset into the article's text.
        end: End offset.
        kind: Strongest link kind of the passage, or ``unique``.
        cluster: Index of the cluster in story order, or None (a unique passage, or a
            sentence linked outside every cluster, e.g. one that shares a fact).
        changes: Spans of changed words inside the passage (edited/paraphrased words).
        facts: Spans of the words that carry a fact this passage shares with a sentence
            of another outlet outside its cluster ("shares a fact" links).
    """

    article_id: str
    start: int
    end: int
    kind: PassageKind
    cluster: int | None = None
    changes: _Spans = ()
    facts: _Spans = ()


@dataclass(frozen=True, slots=True)
class Partner:
    """A sentence of another outlet linked to a passage outside the passage's cluster.

    Attributes:
        article_id: The other outlet's article.
        start: Start of its linked sentence.
        end: End of it.
        kind: The link's kind (most often ``partial``: it shares a fact).
        shared: Spans of the words carrying the shared content in that sentence.
        shared_here: The same on the passage's own side.
    """

    article_id: str
    start: int
    end: int
    kind: PassageKind
    shared: _Spans
    shared_here: _Spans


@dataclass(frozen=True, slots=True)
class PassageMap:
    """Passages of every article, with lookups by offset and by cluster."""

    by_article: Mapping[str, tuple[Passage, ...]]
    by_cluster: Mapping[int, tuple[Passage, ...]]
    omitted_by: Mapping[int, tuple[str, ...]]
    _starts: Mapping[str, tuple[int, ...]]
    _partners: Mapping[str, tuple[tuple[int, int, Partner], ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )

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
        sides = _Sides(_link_sides(alignment.links))
        texts = {a.id: a.text for a in result.articles}
        partners = _partners(alignment, texts)
        facts_at = _fact_ends(alignment.links, texts)
        reach = {a: _longest(ends) for a, ends in facts_at.items()}
        passages: list[Passage] = []
        omitted: dict[int, tuple[str, ...]] = {}
        for cluster in alignment.clusters:
            omitted[cluster.id] = tuple(a for a in cluster.omitting if a in ids)
            for m in cluster.members:
                if m.article in ids:
                    kind, changes = _describe(m.start, m.end, sides.near(m.article, m.start, m.end))
                    ends = facts_at.get(m.article, [])
                    facts = _facts(ends, m.start, m.end, reach.get(m.article, 0))
                    passages.append(
                        Passage(m.article, m.start, m.end, kind, cluster.id, changes, facts)
                    )
        passages.extend(_free_passages(alignment, partners, facts_at, reach))
        for coverage in alignment.coverage:
            if coverage.article in ids:
                passages.extend(
                    Passage(coverage.article, s.start, s.end, PassageKind.UNIQUE)
                    for s in coverage.unique
                )
        return cls._index(passages, omitted, partners)

    @classmethod
    def _index(
        cls,
        passages: Iterable[Passage],
        omitted: dict[int, tuple[str, ...]],
        partners: Mapping[str, list[tuple[int, int, Partner]]] | None = None,
    ) -> PassageMap:
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
            _partners=MappingProxyType({k: tuple(v) for k, v in (partners or {}).items()}),
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

    def partners(self, passage: Passage) -> tuple[Partner, ...]:
        """Sentences of other outlets linked to ``passage`` outside its cluster.

        Mostly "shares a fact" links: the other sentence asserts a fact of this passage
        while one of the two says more. Strongest kind first, then by outlet order.
        """
        found = [
            p
            for s, e, p in self._partners.get(passage.article_id, ())
            if s < passage.end and passage.start < e
        ]
        return tuple(sorted(found, key=lambda p: rank_of(p.kind)))

    def overlapping(self, article_id: str, start: int, end: int) -> Passage | None:
        """Return the first passage of an article overlapping ``[start, end)``."""
        for p in self.by_article.get(article_id, ()):
            if p.start < max(end, start + 1) and start < p.end:
                return p
        return None


_Side = tuple[int, int, PassageKind, tuple[tuple[int, int], ...]]
_KIND_OF = {k.value: k for k in PassageKind}


class _Sides:
    """Link sides by article, sorted by start: those near a span are found by bisection."""

    def __init__(self, sides: dict[str, list[_Side]]) -> None:
        self._sides = {a: sorted(v, key=lambda x: (x[0], x[1])) for a, v in sides.items()}
        self._starts = {a: [x[0] for x in v] for a, v in self._sides.items()}
        self._reach = {a: max((x[1] - x[0] for x in v), default=0) for a, v in self._sides.items()}

    def near(self, article: str, start: int, end: int) -> list[_Side]:
        """The sides of ``article`` that may overlap ``[start, end)`` (a superset)."""
        starts = self._starts.get(article, [])
        lo = bisect.bisect_left(starts, start - self._reach.get(article, 0))
        return self._sides.get(article, [])[lo : bisect.bisect_left(starts, end)]


def _link_sides(links: Iterable[Link]) -> dict[str, list[_Side]]:
    """Each link's span on each side, with its kind and changed-word spans on that side."""
    sides: dict[str, list[_Side]] = {}
    for link in links:
        kind = _KIND_OF[str(link.kind)]
        # a "shares a fact" link shows its shared words; that the rest differs says nothing
        edits = () if kind is PassageKind.PARTIAL else link.changes
        a_changes = tuple((c.a_start, c.a_end) for c in edits if c.a_start < c.a_end)
        b_changes = tuple((c.b_start, c.b_end) for c in edits if c.b_start < c.b_end)
        for side, changes in ((link.a, a_changes), (link.b, b_changes)):
            sides.setdefault(side.article, []).append((side.start, side.end, kind, changes))
    return sides


def _partners(
    alignment: Alignment, texts: Mapping[str, str]
) -> dict[str, list[tuple[int, int, Partner]]]:
    """Each article's link ends whose link joins no two members of one cluster."""
    out: dict[str, list[tuple[int, int, Partner]]] = {}
    for link in alignment.links:
        if link.a.article not in texts or link.b.article not in texts:
            continue
        ca = alignment.cluster_at(link.a.article, link.a.start)
        cb = alignment.cluster_at(link.b.article, link.b.start)
        if ca is not None and cb is not None and ca.id == cb.id:
            continue
        kind = _KIND_OF[str(link.kind)]
        here_a = _shared_spans(link, link.a.article, texts)
        here_b = _shared_spans(link, link.b.article, texts)
        for side, other, mine, theirs in (
            (link.a, link.b, here_a, here_b),
            (link.b, link.a, here_b, here_a),
        ):
            partner = Partner(other.article, other.start, other.end, kind, theirs, mine)
            out.setdefault(side.article, []).append((side.start, side.end, partner))
    for ends in out.values():
        ends.sort(key=lambda x: (x[0], x[1]))
    return out


def _longest(ends: Sequence[_FactEnd]) -> int:
    return max((e - s for s, e, _ in ends), default=0)


def _shared_spans(link: Link, article: str, texts: Mapping[str, str]) -> _Spans:
    """The words carrying the link's shared content on one side (whole side when none)."""
    side = link.side(article)
    if side is None:
        return ()
    spans = join_words(
        texts.get(article, ""), link.shared_a if link.a.article == article else link.shared_b
    )
    return tuple((s.start, s.end) for s in spans) or ((side.start, side.end),)


def _fact_ends(links: Iterable[Link], texts: Mapping[str, str]) -> dict[str, list[_FactEnd]]:
    """Each article's "shares a fact" link ends with their shared-word spans, by start."""
    out: dict[str, list[_FactEnd]] = {}
    for link in links:
        if str(link.kind) != PassageKind.PARTIAL:
            continue
        for side in (link.a, link.b):
            shared = _shared_spans(link, side.article, texts)
            out.setdefault(side.article, []).append((side.start, side.end, shared))
    for ends in out.values():
        ends.sort()
    return out


def _facts(ends: Sequence[_FactEnd], start: int, end: int, reach: int) -> _Spans:
    """Shared-fact words inside ``[start, end)`` of the "shares a fact" links there.

    ``ends`` is sorted by start; only those starting within ``reach`` (the longest end's
    length) before ``start`` can overlap.
    """
    lo = bisect.bisect_left(ends, (start - reach,))
    found = {
        span
        for s, e, shared in ends[lo : bisect.bisect_left(ends, (end,))]
        if s < end and start < e
        for span in shared
        if start <= span[0] and span[1] <= end
    }
    return tuple(sorted(found))


def _free_passages(
    alignment: Alignment,
    partners: Mapping[str, list[tuple[int, int, Partner]]],
    facts_at: Mapping[str, list[_FactEnd]],
    reach: Mapping[str, int],
) -> list[Passage]:
    """Linked sentences outside every cluster (most share a fact with another outlet)."""
    out: dict[tuple[str, int, int], Passage] = {}
    for article, ends in partners.items():
        for start, end, partner in ends:
            if alignment.cluster_at(article, start) is not None:
                continue
            key = (article, start, end)
            known = out.get(key)
            if known is None or _RANK[partner.kind] < _RANK[known.kind]:
                facts = _facts(facts_at.get(article, []), start, end, reach.get(article, 0))
                out[key] = Passage(article, start, end, partner.kind, None, (), facts)
    return list(out.values())


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
