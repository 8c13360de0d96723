"""The event gate: a comparison that mixes two stories links within each story, not across.

The four articles below are fictional and were written for this test: two invented papers
each report two unrelated events in one invented town (a ferry strike and a museum theft),
in their own words. The town's mayor speaks in both stories, and people queue at the harbour
in both, so sentences of the two stories share names and words without sharing a fact.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis import MatchKind, align_articles
from analysis.align.assign import TokenRange
from analysis.align.clusters import RawLink
from analysis.align.event_gate import event_labels, gate_links, merge_linked
from analysis.align.settings import AlignmentSettings
from analysis.align.units import build_units
from analysis.align.values import Alignment
from analysis.model import Article

FERRY_POST = [
    "Ferry crews in Osterlund walked off the job on Monday, halting every crossing to the "
    "island of Skarra for at least three days.",
    "The union says its 420 members want a pay rise of 9 percent after two years without one.",
    "Mayor Tomas Ekwall urged both sides to return to talks and said the city would run "
    "extra buses to the mainland port.",
    "Islanders queued for hours at the harbour before learning that no boat would sail.",
    "The ferry company said it had offered 4 percent and called the walkout irresponsible.",
    "About 3,000 people cross to Skarra on an ordinary weekday, most of them commuters.",
    "The union has warned that the strike could be extended into next week.",
]
FERRY_COURIER = [
    "Not a single boat left Osterlund for Skarra on Monday as ferry workers began a strike "
    "that is due to last three days or more.",
    "Their union is demanding 9 percent more pay, saying wages have been frozen for two years.",
    "Tomas Ekwall, the mayor, called on the company and the crews to resume negotiations and "
    "promised additional buses to the mainland.",
    "Long lines formed at the harbour in the early morning.",
    "Management says it put a 4 percent raise on the table and described the strike as reckless.",
    "On a normal weekday some 3,000 passengers, mostly commuters, make the crossing.",
    "Union leaders said the stoppage might continue into the following week.",
]
MUSEUM_POST = [
    "Thieves broke into the Osterlund maritime museum on Monday night and took a silver "
    "compass made in 1790, police said.",
    "The city will pay for new alarms at the museum, Mayor Tomas Ekwall said, urging "
    "anyone with information to come forward.",
    "The compass had been lent by a private collector and was insured for 80,000 euros.",
    "Visitors queued at the harbour museum on Tuesday before learning it would stay closed.",
    "Detectives believe the thieves entered through a skylight on the roof.",
    "The museum's director, Annika Rolfsen, said the compass was the highlight of the collection.",
    "It is the second break-in at a museum in the region this year.",
]
MUSEUM_COURIER = [
    "A silver compass from 1790 was stolen overnight on Monday from the maritime museum in "
    "Osterlund, according to the police.",
    "The object, on loan from a private collector, carried an insurance value of 80,000 euros.",
    "Tomas Ekwall, the mayor, promised that the city would fund a new alarm system and asked "
    "witnesses to contact the police.",
    "The museum stayed closed on Tuesday while detectives searched the building.",
    "Investigators think the burglars got in through a roof skylight.",
    "Annika Rolfsen, who directs the museum, called the compass the finest piece it owns.",
    "A museum in the same region was broken into earlier this year as well.",
]


def _article(title: str, paragraphs: list[str], outlet: str) -> Article:
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet=outlet, source="pasted")


@pytest.fixture(scope="module")
def mix() -> list[Article]:
    return [
        _article("Osterlund ferry crews strike, Skarra cut off", FERRY_POST, "Post"),
        _article("Ferry strike leaves Skarra without boats", FERRY_COURIER, "Courier"),
        _article("Silver compass stolen from Osterlund museum", MUSEUM_POST, "Post"),
        _article("Thieves take 1790 compass from maritime museum", MUSEUM_COURIER, "Courier"),
    ]


def _story(mix: list[Article]) -> dict[str, int]:
    return {a.id: i // 2 for i, a in enumerate(mix)}


def _across(mix: list[Article], alignment: Alignment) -> list[str]:
    story = _story(mix)
    return [
        f"{k.kind.value} {k.score}"
        for k in alignment.links
        if story[k.a.article] != story[k.b.article]
    ]


def _linked(alignment: Alignment, mix: list[Article], a: int, b: int, words: str) -> bool:
    """Whether a link joins article ``a``'s sentence containing ``words`` to article ``b``."""
    at = mix[a].text.index(words)
    return any(
        k.side(mix[b].id) is not None
        and (side := k.side(mix[a].id)) is not None
        and side.start <= at < side.end
        for k in alignment.links
    )


def test_the_grouping_finds_the_two_stories(mix: list[Article]) -> None:
    labels = event_labels(mix, AlignmentSettings())
    assert labels is not None
    assert labels[0] == labels[1] != labels[2] == labels[3]


def test_without_the_gate_the_stories_link_across(mix: list[Article]) -> None:
    # The fixture must tempt the matcher, or the next test would prove nothing.
    ungated = align_articles(mix, AlignmentSettings(event_gate_max_articles=0))
    assert _across(mix, ungated)


def test_no_link_across_the_two_stories(mix: list[Article]) -> None:
    assert _across(mix, align_articles(mix)) == []


@pytest.mark.parametrize(
    "a, b, words",
    [
        (0, 1, "The union says"),  # the pay claim, told in other words
        (0, 1, "Mayor Tomas Ekwall urged"),  # the mayor on the strike
        (2, 3, "Thieves broke into"),  # the theft
        (2, 3, "The compass had been lent"),  # the loan and the insurance
    ],
)
def test_facts_within_each_story_stay_linked(
    mix: list[Article], a: int, b: int, words: str
) -> None:
    assert _linked(align_articles(mix), mix, a, b, words)


def test_three_articles_or_a_small_limit_are_never_gated(mix: list[Article]) -> None:
    settings = AlignmentSettings()
    assert event_labels(mix[:3], settings) is None  # three articles cannot be a mix
    assert event_labels(mix, AlignmentSettings(event_gate_max_articles=3)) is None


def test_gate_keeps_verbatim_and_strong_links_across(mix: list[Article]) -> None:
    units = build_units(mix, 1000)
    first = {int(a): int(np.flatnonzero(units.article == a)[1]) for a in range(4)}

    def link(x: int, y: int, score: float, kind: int) -> RawLink:
        return RawLink(TokenRange(first[x], 0, 1), TokenRange(first[y], 0, 1), score, kind)

    settings = AlignmentSettings(event_gate_min_score=80.0)
    labels = np.array([0, 0, 1, 1], dtype=np.intp)
    links = [
        link(0, 1, 40.0, 3),  # same story, weak: kept
        link(0, 2, 79.9, 3),  # across, weak partial: dropped
        link(1, 3, 60.0, 2),  # across, weak paraphrase: dropped
        link(0, 3, 100.0, 0),  # across, verbatim: kept
        link(1, 2, 80.0, 3),  # across, strong: kept
    ]
    kept = gate_links(units, links, labels, settings)
    assert kept == [links[0], links[3], links[4]]
    assert gate_links(units, links, None, settings) == links


def test_kinds_within_a_story_are_unchanged_by_the_gate(mix: list[Article]) -> None:
    def kinds(alignment: Alignment) -> list[tuple[str, int, int, MatchKind]]:
        story = _story(mix)
        return sorted(
            (k.a.article, k.a.start, k.b.start, k.kind)
            for k in alignment.links
            if story[k.a.article] == story[k.b.article]
        )

    ungated = align_articles(mix, AlignmentSettings(event_gate_max_articles=0))
    assert kinds(align_articles(mix)) == kinds(ungated)


def test_groups_as_linked_as_inside_are_one_story(mix: list[Article]) -> None:
    units = build_units(mix, 1000)
    per_article = [np.flatnonzero(units.article == a).tolist() for a in range(4)]

    def links(x: int, y: int, count: int) -> list[RawLink]:
        return [
            RawLink(TokenRange(per_article[x][k], 0, 1), TokenRange(per_article[y][k], 0, 1), 50, 3)
            for k in range(count)
        ]

    labels = np.array([0, 0, 1, 1], dtype=np.intp)
    inside = links(0, 1, 4) + links(2, 3, 4)  # 4 links per article pair inside the groups
    few = inside + links(0, 2, 1)  # 1 link over 4 pairs across: 0.0625 of the inside rate
    merged = merge_linked(labels, units, few, share=0.2)
    assert merged is not None
    assert merged.tolist() == [0, 0, 1, 1]
    many = few + links(0, 3, 3) + links(1, 2, 3)  # 7 over 4 pairs across: 0.44 of it
    assert merge_linked(labels, units, many, share=0.2) is None  # one story: no mix left
    assert merge_linked(labels, units, many, share=0.5) is not None
