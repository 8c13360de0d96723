"""Compare the numbers and labels of each aligned fact across the outlets that carry it.

A fact is a cluster of the alignment (one passage per article), or a link whose two
passages are not in one cluster. Links of any kind are read through their passages; a
link that names the shared part of each side (``shared_a``/``shared_b``) is read there,
and only figures next to those shared words are compared (in a cluster: next to the
words its members' links share). Two figures are compared only when they count the same
thing (:func:`analysis.disagree.same.match_score`), and a contradiction is dropped when
the other outlet's passage also states the figure (the pair was two different figures).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from analysis.disagree.found import FoundIn
from analysis.disagree.labels import count_class, label_groups
from analysis.disagree.same import SURE, match_score, same_figure
from analysis.disagree.values import Disagreement, Member, Quantity, Relation
from analysis.model import Article

__all__ = ["Fact", "FoundIn", "Seen", "compare_labels", "compare_numbers", "facts_of"]

Seen = dict[tuple[str, int], list[frozenset[str]]]
"""(article, start) of a figure -> the articles of each slot it was compared in."""


@dataclass(frozen=True, slots=True)
class Fact:
    """The passages (article id, start, end) of one aligned fact, in article order.

    ``link`` indexes the JSON list named by ``link_list``: ``links``, or ``shared_facts``
    where the JSON form keeps the "shares a fact" (partial) links. ``shared`` holds the
    words the alignment found shared (article id, start, end), or else they are read off
    the links in ``via`` (the fact's link, or the links within its cluster) when needed;
    an article with shared words has its figures compared only next to them, one without
    is read whole.
    """

    cluster: int | None
    link: int | None
    spans: tuple[tuple[str, int, int], ...]
    link_list: str = ""
    shared: tuple[tuple[str, int, int], ...] = ()
    via: tuple[Any, ...] = ()

    def shared_words(self) -> tuple[tuple[str, int, int], ...]:
        """The shared-word spans (article id, start, end) figures are read next to."""
        if self.shared or not self.via:
            return self.shared
        words = _Words()
        for link in self.via:
            words.add(link)
        return words.spans()


def facts_of(alignment: Any) -> list[Fact]:
    """Return the facts of an alignment: its clusters, then links outside them."""
    member_of = {(m.article, m.start): c.id for c in alignment.clusters for m in c.members}
    counts = {"links": 0, "shared_facts": 0}
    inside: dict[int, list[Any]] = {}  # the links within each cluster
    facts = []
    for link in alignment.links:
        where = "shared_facts" if str(getattr(link.kind, "value", "")) == "partial" else "links"
        index = counts[where]
        counts[where] += 1
        a, b = link.a, link.b
        ca = member_of.get((a.article, a.start))  # most sides start where a member does
        if ca is None:
            ca = _cluster_id(alignment, a)
        if ca is not None and ca == (
            member_of.get((b.article, b.start)) or _cluster_id(alignment, b)
        ):
            inside.setdefault(ca, []).append(link)
            continue
        sa, sb = _shared(link, "shared_a", a), _shared(link, "shared_b", b)
        facts.append(Fact(None, index, (sa, sb), where, via=(link,)))
    clusters = [
        Fact(
            c.id,
            None,
            tuple((m.article, m.start, m.end) for m in c.members),
            via=tuple(inside.get(c.id, ())),
        )
        for c in alignment.clusters
        if len(c.members) > 1
    ]
    return clusters + facts


class _Words:
    """Shared-word spans per article from some links.

    An article reached by a link without them (verbatim or edited copy, aligned word by
    word) is read whole.
    """

    def __init__(self) -> None:
        self.spans_of: dict[str, list[tuple[int, int]]] = {}
        self.whole: set[str] = set()

    def add(self, link: Any) -> None:
        for side, name in ((link.a, "shared_a"), (link.b, "shared_b")):
            spans = [(p.start, p.end) for p in getattr(link, name, ()) or ()]
            if spans:
                self.spans_of.setdefault(side.article, []).extend(spans)
            else:
                self.whole.add(side.article)

    def spans(self) -> tuple[tuple[str, int, int], ...]:
        return tuple(
            (aid, s, e)
            for aid, spans in self.spans_of.items()
            if aid not in self.whole
            for s, e in sorted(spans)
        )


def _cluster_id(alignment: Any, side: Any) -> int | None:
    """The cluster holding a link's side that starts inside a member, or None."""
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


def compare_numbers(
    fact: Fact,
    articles: Mapping[str, Article],
    found: FoundIn | None = None,
    seen: Seen | None = None,
) -> tuple[list[Disagreement], int]:
    """Return the number disagreements of one fact and how many number slots agreed.

    Args:
        fact: The fact.
        articles: Articles by id.
        found: What was found in the articles so far (shared across facts for speed).
        seen: When given, gets for every figure compared here with another outlet's
            (article, start) the articles of its slot (the comparison across facts does
            not compare those again).
    """
    found = found or FoundIn(articles)
    per_side = [(aid, found.quantities(aid, start, end)) for aid, start, end in fact.spans]
    if sum(1 for _, qs in per_side if qs) < 2:
        return [], 0  # most facts: nothing to compare
    shared = fact.shared_words()
    per_side = [(aid, _by_shared_words(shared, aid, qs)) for aid, qs in per_side]
    if sum(1 for _, qs in per_side if qs) < 2:
        return [], 0
    per_side = [(aid, found.described(aid, qs)) for aid, qs in per_side]
    out: list[Disagreement] = []
    agreed = 0
    # What each outlet states in and around its passage (a link's shared part is short).
    stated: dict[str, tuple[Quantity, ...]] = {}
    for slot in _slots(per_side):
        if len(slot) < 2:
            continue
        if seen is not None:
            together = frozenset(slot)  # one set shared by the slot's figures
            for aid, q in slot.items():
                seen.setdefault((aid, q.start), []).append(together)
        relation = _relation(list(slot.values()))
        if relation is Relation.CONTRADICTION:
            stated = stated or {
                aid: found.quantities(aid, max(0, start - _AROUND), end + _AROUND)
                for aid, start, end in fact.spans
            }
            if _doubtful(slot, stated):
                continue
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


_NEAR_SHARED = 25  # characters between a figure and the nearest shared word
_AROUND = 300  # characters around a passage where an outlet may state a figure again


def _by_shared_words(
    shared: tuple[tuple[str, int, int], ...], aid: str, qs: tuple[Quantity, ...]
) -> tuple[Quantity, ...]:
    """The figures of one side next to the words the alignment found shared there."""
    spans = [(s, e) for a, s, e in shared if a == aid]
    if not spans:
        return qs
    return tuple(
        q
        for q in qs
        if any(s < q.end + _NEAR_SHARED and q.start - _NEAR_SHARED < e for s, e in spans)
    )


def _slots(per_side: Sequence[tuple[str, tuple[Quantity, ...]]]) -> list[dict[str, Quantity]]:
    """Group the figures of all sides: one slot per thing counted, one figure per article."""
    slots: list[dict[str, Quantity]] = []
    for aid, quantities in per_side:
        for pos, q in enumerate(quantities):
            slot = _best_slot(slots, aid, q, pos)
            if slot is None:
                slots.append({aid: q})
            else:
                slot[aid] = q
    return slots


def _doubtful(slot: Mapping[str, Quantity], stated: Mapping[str, tuple[Quantity, ...]]) -> bool:
    """Whether a contradicting pair may be two different figures rather than one.

    It is when the match is weak (only the counted noun in common), or when an outlet of
    the pair also states the other's figure: "six arrests Wednesday, compared to 47 the
    previous night" against "47 arrests overnight" agree on 47; the six is another
    night's figure.
    """
    items = list(slot.items())
    for i, (aid, a) in enumerate(items):
        for bid, b in items[i + 1 :]:
            if a.overlaps(b):
                continue
            if match_score(a, b) < SURE:
                return True
            if any(same_figure(b, q) for q in stated[aid] if q is not a):
                return True
            if any(same_figure(a, q) for q in stated[bid] if q is not b):
                return True
    return False


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
        if aid in slot or next(iter(slot.values())).unit != q.unit:
            continue
        score = 3
        for other in slot.values():  # the same thing as every figure in the slot
            score = min(score, match_score(other, q))
            if not score:
                break
        if not score:
            continue
        # Equal values pair first: two outlets giving the same two figures in another
        # order (or a shared-fact link cutting one off) are no contradiction.
        key = (score, int(any(q.overlaps(o) for o in slot.values())), -abs(i - pos))
        if best is None or key > best:
            best, choice = key, slot
    return choice


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
    loaded = _loaded()
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


@cache
def _loaded() -> dict[str, frozenset[str]]:
    return {g.name: g.loaded for g in label_groups()}


def _flag(word: str, loaded: frozenset[str]) -> str:
    return "loaded" if word in loaded else ""
