"""Who covered which event: an outlet × event matrix, leanings per event, one-sided coverage.

Without ratings the matrix is by outlet alone. With a user's ratings
(:mod:`analysis.ratings`), each event lists the leanings that covered it, and an event is
*one-sided* when every rated article in it sits on one side (left or right, leaning
included) while the batch does hold rated outlets of the other side — so the other side's
silence means something. Articles of unrated outlets never make or break one-sidedness.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analysis.events.values import EventGrouping
from analysis.model import Article
from analysis.ratings import LEANS, Ratings, side_of

__all__ = ["CoverageReport", "EventCoverage", "event_coverage"]


@dataclass(frozen=True, slots=True)
class EventCoverage:
    """The leanings that covered one event.

    Attributes:
        event: The event id.
        outlets: Outlet names of its articles, first appearance order, each once.
        leans: The leans (of :data:`~analysis.ratings.LEANS`) among its rated articles,
            left to right; empty without ratings.
        unrated: How many of its articles' outlets have no rating.
        one_sided: ``left`` or ``right`` when only that side covered it (see the module
            docstring), else None.
    """

    event: str
    outlets: tuple[str, ...]
    leans: tuple[str, ...]
    unrated: int
    one_sided: str | None


@dataclass(frozen=True, slots=True)
class CoverageReport:
    """Coverage across a batch.

    Attributes:
        outlets: Row labels of the matrix: outlet names, left to right by lean when rated
            (unrated last), then by name.
        outlet_leans: The lean of each outlet (same order), None when unrated or no ratings.
        events: Column labels: event ids in grouping order.
        counts: ``counts[i][j]`` articles of outlet i in event j.
        per_event: One :class:`EventCoverage` per event, same order as ``events``.
        rated: Whether ratings were given.
    """

    outlets: tuple[str, ...]
    outlet_leans: tuple[str | None, ...]
    events: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    per_event: tuple[EventCoverage, ...]
    rated: bool

    def one_sided(self) -> tuple[EventCoverage, ...]:
        """The events only one side covered."""
        return tuple(e for e in self.per_event if e.one_sided)


def event_coverage(
    grouping: EventGrouping, articles: Sequence[Article], ratings: Ratings | None = None
) -> CoverageReport:
    """Tabulate which outlets (and, with ratings, which leanings) covered each event.

    Args:
        grouping: The events.
        articles: The grouped articles (every id in ``grouping`` must be among them).
        ratings: The user's outlet ratings, or None.

    Returns:
        The matrix, the leanings per event and the one-sided events.
    """
    by_id = {a.id: a for a in articles}
    lean_of: dict[str, str | None] = {}
    for article in articles:
        lean = ratings.lean_of(article) if ratings else None
        if lean_of.get(article.outlet) is None:
            lean_of[article.outlet] = lean
    order = {lean: n for n, lean in enumerate(LEANS)}
    outlets = sorted(lean_of, key=lambda o: (order.get(lean_of[o] or "", len(LEANS)), o.lower()))
    row = {outlet: n for n, outlet in enumerate(outlets)}
    counts = [[0] * len(grouping.events) for _ in outlets]
    for column, event in enumerate(grouping.events):
        for article_id in event.articles:
            counts[row[by_id[article_id].outlet]][column] += 1
    batch_sides = {side_of(lean) for lean in lean_of.values() if lean}
    per_event = tuple(
        _one_event(event.id, [by_id[i] for i in event.articles], lean_of, batch_sides, order)
        for event in grouping.events
    )
    return CoverageReport(
        outlets=tuple(outlets),
        outlet_leans=tuple(lean_of[o] for o in outlets),
        events=tuple(e.id for e in grouping.events),
        counts=tuple(tuple(r) for r in counts),
        per_event=per_event,
        rated=ratings is not None,
    )


def _one_event(
    event_id: str,
    members: list[Article],
    lean_of: Mapping[str, str | None],
    batch_sides: set[str],
    order: Mapping[str, int],
) -> EventCoverage:
    outlets = tuple(dict.fromkeys(a.outlet for a in members))
    leans = [lean_of[o] for o in outlets]
    rated = sorted({lean for lean in leans if lean}, key=order.__getitem__)
    sides = {side_of(lean) for lean in rated}
    one_sided = None
    if len(sides) == 1:
        (side,) = sides
        other = {"left": "right", "right": "left"}.get(side)
        if other in batch_sides:
            one_sided = side
    return EventCoverage(
        event=event_id,
        outlets=outlets,
        leans=tuple(rated),
        unrated=sum(1 for a in members if lean_of[a.outlet] is None),
        one_sided=one_sided,
    )
