"""Figures of one thing that two outlets give in different aligned facts.

The alignment pairs passages, and the figure one outlet gives in one passage is often given
by another in a passage aligned with a different one (the same story, told in another
order or split differently). So, beyond the comparison within each fact, the figures in
the passages of all facts (clusters and links of every kind) are compared across facts
between two articles, under stricter rules than within one fact:

- both name what they count in writing, with the same noun ("files", "agencies"), and
  the same unit; dates, weekdays, years and clock times are left out;
- beyond the noun, at least one piece of evidence that they are one thing
  (:func:`analysis.disagree.same.match_score` of 3: shared words around them, no
  different names, no different periods);
- the two figures were not compared with each other's outlet within a fact already;
- a **contradiction** needs two pieces of evidence for every pair that does not overlap,
  and neither outlet may state the other's figure in its aligned passages (then the two
  were different figures); otherwise such a slot is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from analysis.disagree.compare import Seen
from analysis.disagree.found import FoundIn
from analysis.disagree.same import CALENDAR, evidence, match_score, same_figure
from analysis.disagree.values import Disagreement, Member, Quantity, Relation

__all__ = ["ACROSS", "compare_across"]

ACROSS = "across"  # the ``link_list`` of a disagreement found across facts
_SAME_NOUN = 3  # match_score of the same written noun with evidence
_STRONG = 2  # pieces of evidence a contradiction across facts needs

_Key = tuple[str, str]  # (unit, counted noun)
_Spans = Iterable[tuple[str, int, int]]


def compare_across(spans: _Spans, found: FoundIn, seen: Seen) -> tuple[list[Disagreement], int]:
    """Return the number disagreements across facts and how many such slots agreed.

    Args:
        spans: The passages (article, start, end) of every fact, in fact order.
        found: What was found in the articles (as for the comparison within facts).
        seen: For each figure compared within a fact, the articles it was compared with.
    """
    groups, where = _figures(spans, found)
    out: list[Disagreement] = []
    agreed = 0
    for by_article in groups.values():
        if len(by_article) < 2:
            continue
        described = {aid: found.described(aid, tuple(qs)) for aid, qs in by_article.items()}
        for slot in _slots(described, seen):
            relation = _relation(slot, described)
            if relation is None:
                continue
            if relation is Relation.AGREEMENT:
                agreed += 1
                continue
            out.append(_item(slot, relation, where))
    return out, agreed


def _figures(
    spans: _Spans, found: FoundIn
) -> tuple[dict[_Key, dict[str, list[Quantity]]], dict[tuple[str, int], tuple[str, int, int]]]:
    """The figures in the facts' passages that name what they count, by (unit, noun)."""
    groups: dict[_Key, dict[str, list[Quantity]]] = {}
    where: dict[tuple[str, int], tuple[str, int, int]] = {}
    for aid, start, end in spans:
        for q in found.quantities(aid, start, end):
            key = (aid, q.start)
            if key in where or q.unit in CALENDAR or q.implied or not q.counts:
                continue
            where[key] = (aid, start, end)
            groups.setdefault((q.unit, q.counts), {}).setdefault(aid, []).append(q)
    return groups, where


def _slots(described: Mapping[str, Sequence[Quantity]], seen: Seen) -> list[dict[str, Quantity]]:
    """One slot per thing counted, one figure per article; equal figures pair first.

    A figure joins no slot holding an article it was compared with within a fact.
    """
    same = _SameThing()
    slots: list[dict[str, Quantity]] = []
    for aid, quantities in described.items():
        for q in quantities:
            done = frozenset().union(*seen.get((aid, q.start), ()))
            choice = _place(slots, aid, q, done, same)
            if choice is None:
                slots.append({aid: q})
            else:
                choice[aid] = q
    return [slot for slot in slots if len(slot) > 1]


def _place(
    slots: list[dict[str, Quantity]],
    aid: str,
    q: Quantity,
    done: frozenset[str],
    same: _SameThing,
) -> dict[str, Quantity] | None:
    """The first slot of the same thing with an overlapping figure, else the first of it."""
    fallback = None
    for slot in slots:
        if aid in slot or not done.isdisjoint(slot):
            continue
        overlap = any(q.overlaps(o) for o in slot.values())
        if fallback is not None and not overlap:
            continue
        if not all(same(o, q) for o in slot.values()):
            continue
        if overlap:
            return slot
        fallback = slot
    return fallback


class _SameThing:
    """:func:`match_score` of 3, remembered for figures worded and placed alike.

    Outlets that copy a passage repeat its figures with the same words around them; those
    pairs are scored once.
    """

    def __init__(self) -> None:
        self.known: dict[tuple[tuple[object, ...], tuple[object, ...]], bool] = {}

    def __call__(self, a: Quantity, b: Quantity) -> bool:
        key = (_signature(a), _signature(b))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = match_score(a, b) >= _SAME_NOUN
        return found


def _signature(q: Quantity) -> tuple[object, ...]:
    return (q.low, q.high, q.unit, q.counts, q.context, q.names, q.near, q.act, q.period)


def _relation(
    slot: Mapping[str, Quantity], described: Mapping[str, Sequence[Quantity]]
) -> Relation | None:
    """The slot's relation, or None when a contradiction is too weakly supported."""
    items = list(slot.items())
    contradiction = False
    for i, (aid, a) in enumerate(items):
        for bid, b in items[i + 1 :]:
            if a.overlaps(b):
                continue
            if evidence(a, b) < _STRONG:
                return None
            if any(same_figure(b, q) for q in described[aid] if q is not a):
                return None  # the outlet states the other's figure too: two figures
            if any(same_figure(a, q) for q in described[bid] if q is not b):
                return None
            contradiction = True
    if contradiction:
        return Relation.CONTRADICTION
    if len({(q.low, q.high) for q in slot.values()}) == 1:
        return Relation.AGREEMENT
    return Relation.VAGUENESS


def _item(
    slot: Mapping[str, Quantity],
    relation: Relation,
    where: Mapping[tuple[str, int], tuple[str, int, int]],
) -> Disagreement:
    members = tuple(
        Member(aid, q.start, q.end, q.value, q.low, None if q.high == float("inf") else q.high)
        for aid, q in slot.items()
    )
    first = next(iter(slot.values()))
    passages = tuple(where[(aid, q.start)] for aid, q in slot.items())
    return Disagreement("number", relation, first.counts, members, None, None, passages, ACROSS)
