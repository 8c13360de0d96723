"""Clusters: links grouped across all articles into passages of the same content.

Links are joined strongest first (union–find over whole sentences), and two groups are
joined only when they share no article; the links refused that way are tried again, and
then join two groups when each article they share holds, in the two together, one run of
neighbouring sentences in one paragraph. So a cluster holds at most one passage per
article and stays consistent when A~B and B~C, every copy of a sentence gathers in one
cluster, and two sentences that another outlet merged into one (linked part by part)
form one passage with that merged sentence, whole, instead of cutting it into clusters
that contradict its whole-sentence links elsewhere.
Consecutive clusters that run through the same articles sentence after sentence are
merged into one passage for display.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from analysis.align.assign import TokenRange
from analysis.align.units import Units

__all__ = ["RawLink", "group_links"]


class RawLink(NamedTuple):
    """A link as token ranges of two units, before it becomes a :class:`Link`."""

    a: TokenRange
    b: TokenRange
    score: float
    kind: int


def group_links(
    units: Units, links: Sequence[RawLink], extra: Sequence[RawLink] = ()
) -> list[dict[int, list[TokenRange]]]:
    """Group links into clusters.

    Args:
        units: All units.
        links: The copy links (one to one per article pair).
        extra: Shared-fact links (many to many), joined after every copy link, and only
            where the join keeps one passage per article.

    Returns:
        Clusters in order of first appearance, each a map from article index to the
        consecutive whole units (one passage) it holds in that article.
    """
    node_id: dict[int, int] = {}
    for link in [*links, *extra]:
        node_id.setdefault(link.a.unit, len(node_id))
        node_id.setdefault(link.b.unit, len(node_id))
    parent = list(range(len(node_id)))
    article, paragraph = units.article.tolist(), units.paragraph.tolist()
    held: list[dict[int, list[int]]] = [{article[u]: [u]} for u in node_id]

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(link: RawLink, runs: bool) -> bool:
        ra, rb = root(node_id[link.a.unit]), root(node_id[link.b.unit])
        if ra == rb:
            return True
        if len(held[ra]) < len(held[rb]):
            ra, rb = rb, ra
        if not _join(paragraph, held[ra], held[rb], runs):
            return False
        parent[rb] = ra
        return True

    # Whole sentences first, so every copy of a sentence gathers in one group; then the
    # links into parts of merged sentences, and those refused, join whole groups. (A
    # merged sentence taken in early would pull copies of one half into the other's group.)
    by_score = sorted(links, key=lambda k: -k.score)
    later = [k for k in by_score if not (_is_whole(units, k.a) and _is_whole(units, k.b))]
    later_ids = {id(k) for k in later}
    refused = [k for k in by_score if id(k) not in later_ids and not union(k, runs=False)]
    for link in sorted(later + refused, key=lambda k: -k.score):
        union(link, runs=True)
    for link in sorted(extra, key=lambda k: -k.score):
        union(link, runs=True)
    groups = [held[i] for i in range(len(parent)) if root(i) == i]
    ordered = sorted(groups, key=lambda g: min((a, g[a][0]) for a in g))
    return _merge_neighbours(units, ordered)


def _join(
    paragraph: list[int], big: dict[int, list[int]], small: dict[int, list[int]], runs: bool
) -> bool:
    """Add ``small`` to ``big`` unless an article would then hold two passages.

    Without ``runs`` the two may share no article; with it, each shared article must hold
    one run of neighbouring sentences in one paragraph in the two together.

    Only ``small`` is walked (and ``big`` is changed in place), so joining costs the size
    of the smaller group, which keeps clusters of a thousand articles cheap.
    """
    joined: dict[int, list[int]] = {}
    if not big.keys().isdisjoint(small):
        if not runs:
            return False
        for art in (a for a in small if a in big):  # most refusals stop at the first one
            run = sorted(big[art] + small[art])
            if run[-1] - run[0] != len(run) - 1 or len({paragraph[u] for u in run}) > 1:
                return False
            joined[art] = run
    big.update(small)
    big.update(joined)
    return True


def _is_whole(units: Units, r: TokenRange) -> bool:
    return r.lo == 0 and r.hi == units.n_words[r.unit]


def _whole(units: Units, unit: int) -> TokenRange:
    return TokenRange(unit, 0, units.n_words[unit])


def _merge_neighbours(
    units: Units, clusters: list[dict[int, list[int]]]
) -> list[dict[int, list[TokenRange]]]:
    starts = {run[0]: i for i, cluster in enumerate(clusters) for run in cluster.values()}
    merged: list[dict[int, list[TokenRange]]] = []
    absorbed: set[int] = set()
    for i, cluster in enumerate(clusters):
        if i in absorbed:
            continue
        passage = {a: list(run) for a, run in cluster.items()}
        current = cluster
        while True:
            nxt = _next_cluster(units, current, clusters, starts)
            if nxt is None or nxt in absorbed or nxt == i:
                break
            absorbed.add(nxt)
            current = clusters[nxt]
            for a, run in current.items():
                passage[a].extend(run)
        merged.append({a: [_whole(units, u) for u in run] for a, run in passage.items()})
    return merged


def _next_cluster(
    units: Units,
    cluster: dict[int, list[int]],
    clusters: list[dict[int, list[int]]],
    starts: dict[int, int],
) -> int | None:
    """The cluster that continues ``cluster`` with the next sentence in every article."""
    candidate = starts.get(next(iter(cluster.values()))[-1] + 1)
    if candidate is None:
        return None
    other = clusters[candidate]
    if other.keys() != cluster.keys():
        return None
    for a, run in cluster.items():
        last, first = run[-1], other[a][0]
        if first != last + 1 or units.article[first] != units.article[last]:
            return None
        if units.paragraph[first] != units.paragraph[last]:
            return None
    return candidate
