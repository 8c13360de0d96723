"""The frozen values of an event grouping."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["Event", "EventGrouping", "GroupingSettings"]


@dataclass(frozen=True, slots=True)
class GroupingSettings:
    """How articles are grouped into events.

    Attributes:
        min_similarity: Lowest average cosine similarity (0–1) between the articles of two
            groups for them to become one event (average linkage), when either group has
            no date or dates are ignored.
        dated_min_similarity: The same for two groups that both carry dates and fit in
            one date window together: publication within days of each other is evidence
            of one event, so less shared wording suffices. None uses ``min_similarity``.
        date_window_days: Longest span of publication dates inside one event; None ignores
            dates. Articles without a date never split an event.
        neighbours: Candidate neighbours per article; merges are only tried along these,
            so the cost grows with articles × neighbours, not with all pairs.
        headline_weight: How many times a headline's words count beside the body's.
        name_weight: How many times a proper name counts beside an ordinary word.
        lead_weight: How many more times the words of the lead (the first three sentences
            after the headline) count; 0 treats them like the rest of the body.
    """

    # Tuned on BASIL 2010–2013 only (benchmarks/eval_events.py, docs/evaluation.md).
    min_similarity: float = 0.2
    date_window_days: int | None = 14
    neighbours: int = 10
    headline_weight: int = 1
    name_weight: int = 1
    lead_weight: int = 2
    dated_min_similarity: float | None = 0.14

    def __post_init__(self) -> None:
        if not 0.0 < self.min_similarity <= 1.0:
            raise ValueError("min_similarity must lie in (0, 1]")
        if self.dated_min_similarity is not None and not 0.0 < self.dated_min_similarity <= 1:
            raise ValueError("dated_min_similarity must lie in (0, 1]")
        if self.date_window_days is not None and self.date_window_days < 0:
            raise ValueError("date_window_days must be 0 or more")
        if self.neighbours < 1 or self.headline_weight < 1 or self.name_weight < 1:
            raise ValueError("neighbours and weights must be 1 or more")
        if self.lead_weight < 0:
            raise ValueError("lead_weight must be 0 or more")


@dataclass(frozen=True, slots=True)
class Event:
    """One story and the articles that report it.

    Attributes:
        id: ``event-1``, ``event-2`` … in order of the events' first articles in the input.
        articles: Article ids in input order.
        headline: The headline of the article closest to the event's centre.
        first_date: Earliest ISO date among the articles, or None.
        last_date: Latest ISO date among the articles, or None.
        cohesion: Average cosine similarity between the event's articles (1 for one article).
    """

    id: str
    articles: tuple[str, ...]
    headline: str
    first_date: str | None
    last_date: str | None
    cohesion: float


@dataclass(frozen=True, slots=True)
class EventGrouping:
    """Every input article in exactly one event; singletons are events of one article."""

    events: tuple[Event, ...]
    settings: GroupingSettings
    _by_article: Mapping[str, str] = field(repr=False, compare=False)

    @classmethod
    def build(cls, events: tuple[Event, ...], settings: GroupingSettings) -> EventGrouping:
        """Assemble a grouping and its article → event lookup."""
        lookup = {article: event.id for event in events for article in event.articles}
        return cls(events, settings, MappingProxyType(lookup))

    def event_of(self, article_id: str) -> str | None:
        """The id of the event an article belongs to, or None for an unknown id."""
        return self._by_article.get(article_id)

    def multi_article(self) -> tuple[Event, ...]:
        """The events with two or more articles (the ones worth comparing)."""
        return tuple(event for event in self.events if len(event.articles) >= 2)
