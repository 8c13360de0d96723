"""Compare the numbers and labels of each aligned fact across the outlets that carry it.

A fact is a cluster of the alignment (one passage per article), or a link whose two
passages are not in one cluster. Links of any kind are read through their passages; a
link that names the shared part of each side (``shared_a``/``shared_b``) is read there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from analysis.disagree.labels import LabelHit, count_class, find_labels, group_of, label_groups
from analysis.disagree.numbers import find_quantities
from analysis.disagree.values import Disagreement, Member, Quantity, Relation
from analysis.model import Article

__all__ = ["Fact", "FoundIn", "compare_labels", "compare_numbers", "facts_of"]


@dataclass(frozen=True, slots=True)
class Fact:
    """The passages (article id, start, end) of one aligned fact, in article order.

    ``link`` indexes the JSON list named by ``link_list``: ``links``, or ``shared_facts``
    where the JSON form keeps the "shares a fact" (partial) links.
    """

    cluster: int | None
    link: int | None
    spans: tuple[tuple[str, int, int], ...]
    link_list: str = ""


def facts_of(alignment: Any) -> list[Fact]:
    """Return the facts of an alignment: its clusters, then links outside them."""
    facts = [
        Fact(c.id, None, tuple((m.article, m.start, m.end) for m in c.members))
        for c in alignment.clusters
        if len(c.members) > 1
    ]
    member_of = {(m.article, m.start): c.id for c in alignment.clusters for m in c.members}
    counts = {"links": 0, "shared_facts": 0}
    for link in alignment.links:
        where = "shared_facts" if str(getattr(link.kind, "value", "")) == "partial" else "links"
        index = counts[where]
        counts[where] += 1
        a, b = link.a, link.b
        ca = _cluster_id(alignment, member_of, a)
        if ca is not None and ca == _cluster_id(alignment, member_of, b):
            continue
        sa, sb = _shared(link, "shared_a", a), _shared(link, "shared_b", b)
        facts.append(Fact(None, index, (sa, sb), where))
    return facts


def _cluster_id(alignment: Any, member_of: dict[tuple[str, int], int], side: Any) -> int | None:
    """The cluster holding a link's side (most sides start where their member starts)."""
    found = member_of.get((side.article, side.start))
    if found is not None:
        return found
    cluster = alignment.cluster_at(side.article, side.start)
    return None if cluster is None else int(cluster.id)


def _shared(link: Any, name: str, passage: Any) -> tuple[str, int, int]:
    """The side's shared part when the link names one (partial links), else the passage."""
    part = getattr(link, name, None)
    if part is not None and not isinstance(part, tuple | list):
        part = (part,)
    spans = [p for p in part or () if hasattr(p, "start") and hasattr(p, "end")]
    if spans:
        return (passage.article, min(p.start for p in spans), max(p.end for p in spans))
    return (passage.article, passage.start, passage.end)


class FoundIn:
    """Quantities and labels of whole articles, found once and looked up by span.

    A passage takes part in many facts (every link of it); scanning each article once and
    bisecting keeps the work linear in the text.
    """

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self.articles = articles
        self._quantities: dict[str, tuple[tuple[int, ...], tuple[Quantity, ...]]] = {}
        self._labels: dict[str, tuple[tuple[int, ...], tuple[LabelHit, ...]]] = {}

    def quantities(self, aid: str, start: int, end: int) -> tuple[Quantity, ...]:
        """Return the quantities wholly inside ``[start, end)`` of an article."""
        if aid not in self._quantities:
            found = find_quantities(self.articles[aid].text)
            self._quantities[aid] = (tuple(q.start for q in found), found)
        starts, items = self._quantities[aid]
        return tuple(
            q for q in items[bisect_left(starts, start) :] if q.start < end and q.end <= end
        )

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


def compare_numbers(
    fact: Fact, articles: Mapping[str, Article], found: FoundIn | None = None
) -> tuple[list[Disagreement], int]:
    """Return the number disagreements of one fact and how many number slots agreed.

    Args:
        fact: The fact.
        articles: Articles by id.
        found: What was found in the articles so far (shared across facts for speed).
    """
    found = found or FoundIn(articles)
    per_side = [(aid, found.quantities(aid, start, end)) for aid, start, end in fact.spans]
    if sum(1 for _, qs in per_side if qs) < 2:
        return [], 0  # most facts: nothing to compare
    slots: list[dict[str, Quantity]] = []
    for aid, quantities in per_side:
        for pos, q in enumerate(quantities):
            slot = _best_slot(slots, aid, q, pos)
            if slot is None:
                slots.append({aid: q})
            else:
                slot[aid] = q
    out: list[Disagreement] = []
    agreed = 0
    for slot in slots:
        if len(slot) < 2:
            continue
        relation = _relation(list(slot.values()))
        if relation is Relation.AGREEMENT:
            agreed += 1
            continue
        members = tuple(
            Member(a, q.start, q.end, q.value, q.low, _finite(q.high)) for a, q in slot.items()
        )
        out.append(
            Disagreement(
                "number",
                relation,
                _subject(slot),
                members,
                fact.cluster,
                fact.link,
                fact.spans,
                fact.link_list,
            )
        )
    return out, agreed


def _finite(x: float) -> float | None:
    return None if x == float("inf") else x


def _subject(slot: Mapping[str, Quantity]) -> str:
    counts = [count_class(q.counts) for q in slot.values() if q.counts]
    unit = next(iter(slot.values())).unit
    if counts:
        return max(set(counts), key=counts.count)
    return unit.split(":")[0]


def _best_slot(
    slots: list[dict[str, Quantity]], aid: str, q: Quantity, pos: int
) -> dict[str, Quantity] | None:
    best: tuple[float, int, int] | None = None
    choice = None
    for i, slot in enumerate(slots):
        if aid in slot:
            continue
        first = next(iter(slot.values()))
        score = _match_score(first, q)
        if score <= 0:
            continue
        # Equal values pair first: two outlets giving the same two figures in another
        # order (or a shared-fact link cutting one off) are no contradiction.
        key = (score, int(any(q.overlaps(o) for o in slot.values())), -abs(i - pos))
        if best is None or key > best:
            best, choice = key, slot
    return choice


def _match_score(a: Quantity, b: Quantity) -> float:
    if a.unit != b.unit:
        return 0
    if a.counts and b.counts:
        if a.counts == b.counts:
            return 3
        return 2 if count_class(a.counts) == count_class(b.counts) else 0
    # Without a counted noun on both sides, only words around the numbers tell that they
    # are about the same thing ("nine dead" / "at least 12 died": dead ~ died).
    if a.unit in _CALENDAR:  # dates in one passage are often of different events
        return 1 if len(a.context & b.context) >= 2 else 0
    if _groups(a) & _groups(b) or (a.counts == b.counts and a.context & b.context):
        return 1
    return 0


_CALENDAR = frozenset(("date", "weekday", "time", "year"))


def _groups(q: Quantity) -> set[str]:
    words = q.context | {q.counts}
    return {group_of(w) for w in words if group_of(w)}


def _relation(qs: Sequence[Quantity]) -> Relation:
    for i, a in enumerate(qs):
        for b in qs[i + 1 :]:
            if not a.overlaps(b):
                return Relation.CONTRADICTION
    if len({(q.low, q.high) for q in qs}) == 1:
        return Relation.AGREEMENT
    return Relation.VAGUENESS


def compare_labels(
    fact: Fact,
    articles: Mapping[str, Article],
    category: Callable[[str, int, int], str],
    found: FoundIn | None = None,
) -> list[Disagreement]:
    """Return the label disagreements of one fact: one per group worded differently.

    Args:
        fact: The fact.
        articles: Articles by id.
        category: Lexicon category of a span (article, start, end), or "".
        found: What was found in the articles so far (shared across facts for speed).
    """
    found = found or FoundIn(articles)
    per_side = [(aid, found.labels(aid, start, end)) for aid, start, end in fact.spans]
    if sum(1 for _, hits in per_side if hits) < 2:
        return []
    per_group: dict[str, dict[str, list[tuple[str, int, int]]]] = {}
    for aid, hits in per_side:
        for hit in hits:
            per_group.setdefault(hit.group, {}).setdefault(aid, []).append(
                (hit.word, hit.start, hit.end)
            )
    loaded = {g.name: g.loaded for g in label_groups()}
    out = []
    for group, by_article in per_group.items():
        sets = [frozenset(w for w, _, _ in v) for v in by_article.values()]
        if len(sets) < 2 or len(set(sets)) == 1:
            continue
        members = tuple(
            Member(aid, s, e, word, category=category(aid, s, e) or _flag(word, loaded[group]))
            for aid, hits in by_article.items()
            for word, s, e in hits
        )
        out.append(
            Disagreement(
                "label",
                Relation.DIFFERENT,
                group,
                members,
                fact.cluster,
                fact.link,
                fact.spans,
                fact.link_list,
            )
        )
    return out


def _flag(word: str, loaded: frozenset[str]) -> str:
    return "loaded" if word in loaded else ""
