"""Clusters: links grouped across all articles into passages of the same content.

Links are joined strongest first (union–find), and two groups are only joined when they
share no article, so a cluster holds at most one passage per article and stays
consistent when A~B and B~C. Consecutive clusters that run through the same articles
sentence after sentence are merged into one passage for display.
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


def group_links(units: Units, links: Sequence[RawLink]) -> list[dict[int, list[TokenRange]]]:
    """Group links into clusters.

    Args:
        units: All units.
        links: The links.

    Returns:
        Clusters in order of first appearance, each a map from article index to the
        consecutive token ranges (one passage) it holds in that article.
    """
    node_id: dict[TokenRange, int] = {}
    for link in links:
        node_id.setdefault(link.a, len(node_id))
        node_id.setdefault(link.b, len(node_id))
    nodes = list(node_id)
    parent = list(range(len(nodes)))
    arts: list[set[int]] = [{int(units.article[n.unit])} for n in nodes]

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in sorted(links, key=lambda k: -k.score):
        ra, rb = root(node_id[link.a]), root(node_id[link.b])
        if ra == rb or not arts[ra].isdisjoint(arts[rb]):
            continue
        if len(arts[ra]) < len(arts[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        arts[ra] |= arts[rb]
    groups: dict[int, dict[int, TokenRange]] = {}
    for i, node in enumerate(nodes):
        groups.setdefault(root(i), {})[int(units.article[node.unit])] = node
    ordered = sorted(groups.values(), key=lambda g: min((a, g[a].unit, g[a].lo) for a in g))
    return _merge_neighbours(units, ordered)


def _is_whole(units: Units, r: TokenRange) -> bool:
    return r.lo == 0 and r.hi == len(units.tokens[r.unit].words)


def _follows(units: Units, first: TokenRange, second: TokenRange) -> bool:
    """Whether ``second`` is the whole unit right after the whole unit ``first``."""
    return (
        second.unit == first.unit + 1
        and units.article[second.unit] == units.article[first.unit]
        and units.paragraph[second.unit] == units.paragraph[first.unit]
        and _is_whole(units, first)
        and _is_whole(units, second)
    )


def _merge_neighbours(
    units: Units, clusters: list[dict[int, TokenRange]]
) -> list[dict[int, list[TokenRange]]]:
    starts: dict[TokenRange, int] = {}
    for i, cluster in enumerate(clusters):
        for node in cluster.values():
            starts[node] = i
    merged: list[dict[int, list[TokenRange]]] = []
    absorbed: set[int] = set()
    for i, cluster in enumerate(clusters):
        if i in absorbed:
            continue
        passage = {a: [r] for a, r in cluster.items()}
        current = cluster
        while True:
            nxt = _next_cluster(units, current, clusters, starts)
            if nxt is None or nxt in absorbed or nxt == i:
                break
            absorbed.add(nxt)
            current = clusters[nxt]
            for a, r in current.items():
                passage[a].append(r)
        merged.append(passage)
    return merged


def _next_cluster(
    units: Units,
    cluster: dict[int, TokenRange],
    clusters: list[dict[int, TokenRange]],
    starts: dict[TokenRange, int],
) -> int | None:
    node = next(iter(cluster.values()))
    if node.unit + 1 >= len(units):
        return None
    candidate = starts.get(TokenRange(node.unit + 1, 0, len(units.tokens[node.unit + 1].words)))
    if candidate is None:
        return None
    other = clusters[candidate]
    if other.keys() != cluster.keys():
        return None
    if all(_follows(units, cluster[a], other[a]) for a in cluster):
        return candidate
    return None
