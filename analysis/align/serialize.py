"""JSON form of an :class:`~analysis.align.values.Alignment` (the ``alignment`` section).

Schema (documented in ``docs/report-schema.md``)::

    {"links": [{"a": {"article", "start", "end"}, "b": {...}, "score", "kind",
                "changes": [{"kind", "a": {"start", "end"}, "b": {"start", "end"}}],
                "shared_a": [[start, end], ...], "shared_b": [[start, end], ...]}],
     "shared_facts": [link, ...],   # the "partial" links, same shape as "links"
     "clusters": [{"id", "members": [{"article", "start", "end", "position"}],
                   "omitting": [article id, ...]}],
     "coverage": {article id: {"shared_fraction", "unique": [{"start", "end"}]}},
     "pairs": [{"a", "b", "a_verbatim", "a_edited", "b_verbatim", "b_edited",
                "likely_common_source"}]}

``links`` holds the verbatim, edited and paraphrase links (the kinds every reader of the
result format knows); the "shares a fact" links (kind ``partial``) go in ``shared_facts``,
so a reader that only knows the three older kinds still validates and reads ``links``.
Settings travel in the result's ``settings.alignment``; :func:`alignment_from_json`
takes them from the caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.align.matcher import MatchKind
from analysis.align.settings import AlignmentSettings
from analysis.align.values import (
    Alignment,
    Change,
    ChangeKind,
    Cluster,
    ClusterMember,
    Coverage,
    Link,
    PairShare,
    Passage,
    Position,
)
from analysis.errors import ProjectError
from analysis.model import Span

__all__ = ["alignment_from_json", "alignment_to_json"]


def _passage(p: Passage) -> dict[str, Any]:
    return {"article": p.article, "start": p.start, "end": p.end}


def _link(link: Link) -> dict[str, Any]:
    return {
        "a": _passage(link.a),
        "b": _passage(link.b),
        "score": link.score,
        "kind": link.kind.value,
        "changes": [
            {
                "kind": c.kind.value,
                "a": {"start": c.a_start, "end": c.a_end},
                "b": {"start": c.b_start, "end": c.b_end},
            }
            for c in link.changes
        ],
        "shared_a": [[s.start, s.end] for s in link.shared_a],
        "shared_b": [[s.start, s.end] for s in link.shared_b],
    }


def alignment_to_json(alignment: Alignment) -> dict[str, Any]:
    """Return the alignment as JSON-ready dicts and lists."""
    return {
        "links": [_link(k) for k in alignment.links if k.kind is not MatchKind.PARTIAL],
        "shared_facts": [_link(k) for k in alignment.links if k.kind is MatchKind.PARTIAL],
        "clusters": [
            {
                "id": c.id,
                "members": [
                    {
                        "article": m.article,
                        "start": m.start,
                        "end": m.end,
                        "position": m.position.value,
                    }
                    for m in c.members
                ],
                "omitting": list(c.omitting),
            }
            for c in alignment.clusters
        ],
        "coverage": {
            c.article: {
                "shared_fraction": c.shared_fraction,
                "unique": [{"start": s.start, "end": s.end} for s in c.unique],
            }
            for c in alignment.coverage
        },
        "pairs": [
            {
                "a": p.a,
                "b": p.b,
                "a_verbatim": p.a_verbatim,
                "a_edited": p.a_edited,
                "b_verbatim": p.b_verbatim,
                "b_edited": p.b_edited,
                "likely_common_source": p.likely_common_source,
            }
            for p in alignment.pairs
        ],
    }


def _unpassage(data: Mapping[str, Any]) -> Passage:
    return Passage(str(data["article"]), int(data["start"]), int(data["end"]))


def _unlink(data: Mapping[str, Any]) -> Link:
    changes = tuple(
        Change(
            ChangeKind(c["kind"]),
            int(c["a"]["start"]),
            int(c["a"]["end"]),
            int(c["b"]["start"]),
            int(c["b"]["end"]),
        )
        for c in data.get("changes") or []
    )
    a, b = _unpassage(data["a"]), _unpassage(data["b"])
    shared_a, shared_b = (
        tuple(Span(int(s), int(e)) for s, e in data.get(key) or [])
        for key in ("shared_a", "shared_b")
    )
    kind = MatchKind(data["kind"])
    return Link(a, b, float(data["score"]), kind, changes, shared_a, shared_b)


def _uncluster(data: Mapping[str, Any]) -> Cluster:
    members = tuple(
        ClusterMember(
            str(m["article"]), int(m["start"]), int(m["end"]), Position(m.get("position", "body"))
        )
        for m in data["members"]
    )
    return Cluster(int(data["id"]), members, tuple(str(x) for x in data.get("omitting") or []))


def _unpair(data: Mapping[str, Any]) -> PairShare:
    av, ae, bv, be = (float(data[k]) for k in ("a_verbatim", "a_edited", "b_verbatim", "b_edited"))
    common = bool(data["likely_common_source"])
    return PairShare(str(data["a"]), str(data["b"]), av, ae, bv, be, common)


def _in_order(article_ids: tuple[str, ...], links: list[Link]) -> tuple[Link, ...]:
    """Links in the aligner's order (by article, then offset), whichever list held them."""
    order = {a: i for i, a in enumerate(article_ids)}
    far = len(order)
    return tuple(
        sorted(
            links,
            key=lambda k: (order.get(k.a.article, far), k.a.start, order.get(k.b.article, far),
                           k.b.start),
        )
    )  # fmt: skip


def alignment_from_json(
    data: Mapping[str, Any], article_ids: tuple[str, ...], settings: AlignmentSettings
) -> Alignment:
    """Rebuild an alignment from :func:`alignment_to_json` output.

    Args:
        data: The ``alignment`` section.
        article_ids: Ids of the result's articles, in order.
        settings: The alignment settings stored with the result.

    Returns:
        The alignment, with its lookup tables.

    Raises:
        ProjectError: When the section is malformed or names unknown articles.
    """
    try:
        records = [*(data.get("links") or []), *(data.get("shared_facts") or [])]
        links = _in_order(article_ids, [_unlink(k) for k in records])
        clusters = tuple(_uncluster(c) for c in data.get("clusters") or [])
        coverage = tuple(
            Coverage(
                str(aid),
                float(c["shared_fraction"]),
                tuple(Span(int(s["start"]), int(s["end"])) for s in c.get("unique") or []),
            )
            for aid, c in (data.get("coverage") or {}).items()
        )
        pairs = tuple(_unpair(p) for p in data.get("pairs") or [])
    except (KeyError, TypeError, ValueError) as exc:
        raise ProjectError(f"The alignment section is malformed ({exc}).") from exc
    known = set(article_ids)
    named = {p.article for k in links for p in (k.a, k.b)} | {c.article for c in coverage}
    if not named <= known:
        raise ProjectError("The alignment section refers to an article that is not in the file.")
    return Alignment.build(article_ids, settings, links, clusters, coverage, pairs)
