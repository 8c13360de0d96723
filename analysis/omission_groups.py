"""Passages of the omission matrix outside the clusters, and where a passage stands.

:mod:`analysis.omission` builds the rows; this module finds the passages that no cluster
holds (link ends grouped one per article, unique text cut at paragraph breaks) and names
an offset's position (headline, lead, body, end) by the aligner's rules.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from analysis.align.values import Link
from analysis.model import Article, Span

__all__ = ["Positions", "by_paragraph", "free_groups"]

_End = tuple[str, int, int]  # article id, start, end


class _Groups:
    """Union-find over link ends that keeps at most one end per article in a group."""

    def __init__(self) -> None:
        self.ids: dict[_End, int] = {}
        self.parent: list[int] = []
        self.held: list[dict[str, _End]] = []
        self.paired: set[int] = set()  # ends linked to another free end

    def node(self, end: _End) -> int:
        if end not in self.ids:
            self.ids[end] = len(self.parent)
            self.parent.append(len(self.parent))
            self.held.append({end[0]: end})
        return self.ids[end]

    def root(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        self.paired.update((a, b))
        ra, rb = self.root(a), self.root(b)
        if ra != rb and self.held[ra].keys().isdisjoint(self.held[rb]):
            self.parent[rb] = ra
            self.held[ra].update(self.held[rb])

    def groups(self) -> list[list[_End]]:
        """Groups of two or more ends, and single ends linked to another free end."""
        out = []
        for i in range(len(self.parent)):
            if self.root(i) == i and (len(self.held[i]) > 1 or i in self.paired):
                out.append(list(self.held[i].values()))
        return out


def free_groups(
    links: Sequence[Link], clustered: dict[str, list[tuple[int, int]]], by_id: dict[str, Article]
) -> list[list[_End]]:
    """Group the link ends outside every cluster, one end per article.

    ``links`` come strongest first (the caller ranks them), so a group keeps the strongest.

    Links here are mostly "shares a fact" links, which can be many-to-many: a sentence
    with two facts links to two sentences of one outlet. The group takes the strongest;
    the other end forms a group of its own, which still shows the first as a carrier.
    An end whose links all go into clusters gets no row: the clusters' rows show it.
    """
    taken = {a: sorted(v) for a, v in clustered.items()}
    starts = {a: [s for s, _ in v] for a, v in taken.items()}
    reach = {a: max(e - s for s, e in v) for a, v in taken.items() if v}

    known: dict[_End, bool] = {}  # ends repeat: a sentence links to every other outlet

    def free(end: _End) -> bool:
        if end in known:
            return known[end]
        article, start, stop = end
        spans = taken.get(article, [])
        lo = bisect_left(starts.get(article, []), start - reach.get(article, 0))
        hi = bisect_left(starts.get(article, []), max(stop, start + 1))
        inside = any(s < stop and start < e for s, e in spans[lo:hi])
        known[end] = article in by_id and not inside
        return known[end]

    groups = _Groups()
    for link in links:
        ends = [(p.article, p.start, p.end) for p in (link.a, link.b)]
        nodes = [groups.node(e) for e in ends if free(e)]
        if len(nodes) == 2:
            groups.join(nodes[0], nodes[1])
    order = {a: i for i, a in enumerate(by_id)}
    return [sorted(g, key=lambda k: (order[k[0]], k[1])) for g in groups.groups()]


def by_paragraph(article: Article, spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Cut spans at paragraph breaks, so a long run of unique text is one row per paragraph."""
    out = []
    for span in spans:
        for para in article.paragraphs:
            lo, hi = max(span.start, para.start), min(span.end, para.end)
            if lo < hi and article.text[lo:hi].strip():
                out.append((lo, hi))
    return out


class Positions:
    """Headline, lead, body or end of an offset, by the aligner's rules (see its ``_position``).

    Paragraph starts and body-sentence ends are kept per article, so each lookup bisects.
    """

    def __init__(self, lead: int) -> None:
        self.lead = lead
        self._cache: dict[str, tuple[list[int], list[int]]] = {}

    def of(self, article: Article, offset: int) -> str:
        """Return the position of ``offset`` in ``article``."""
        cached = self._cache.get(article.id)
        if cached is None:
            heads = article.headline.end if article.title else -1
            cached = (
                [p.start for p in article.paragraphs],
                [s.end for s in article.sentences if s.end > heads],
            )
            self._cache[article.id] = cached
        para_starts, body_ends = cached
        para = max(0, bisect_right(para_starts, offset) - 1)
        if para == 0 and article.title:
            return "headline"
        if bisect_right(body_ends, offset) < self.lead:
            return "lead"
        if para == len(para_starts) - 1 and para > 1:
            return "end"
        return "body"
