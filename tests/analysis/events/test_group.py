"""Grouping articles into events: fictional articles written for these tests, and BASIL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import Article, Cancelled
from analysis.events import GroupingSettings, group_articles

SHARED = Path(__file__).resolve().parents[4] / "shared"


def art(title: str, body: str, outlet: str, day: str | None = "2026-03-02") -> Article:
    return Article.from_parts(
        title=title, paragraphs=[body], outlet=outlet, source=f"{outlet}.txt", date=day
    )


FLOOD = [
    art(
        "River Alder floods Marlow after three days of rain",
        "The River Alder burst its banks in Marlow on Monday, flooding 40 homes. Mayor Ines "
        "Varga opened the school gym as a shelter and said the water would fall by Friday.",
        "Courier",
    ),
    art(
        "Marlow residents shelter in school gym as Alder overflows",
        "Forty homes in Marlow stood under water after the Alder overflowed. Mayor Varga said "
        "the gym would stay open until the river falls.",
        "Herald",
    ),
    art(
        "Floods in Marlow: mayor promises help",
        "Ines Varga, mayor of Marlow, promised help to families whose homes the Alder flooded "
        "after days of heavy rain.",
        "Gazette",
    ),
]
STRIKE = [
    art(
        "Tram drivers in Kessel strike over pay",
        "Tram drivers in Kessel walked out on Monday demanding a 9 percent raise. The transit "
        "union said no tram would run until the city council reopened pay talks.",
        "Courier",
    ),
    art(
        "Kessel trams halted as drivers' union strikes",
        "No trams ran in Kessel as the transit union's drivers struck for higher pay and asked "
        "the council to reopen talks.",
        "Herald",
    ),
]
LONE = art(
    "Chess prodigy, 12, wins national title",
    "A twelve-year-old from Dunmore won the national chess championship on Sunday, beating "
    "three grandmasters in the final round.",
    "Gazette",
)


def test_articles_group_into_their_events_and_a_lone_story_stays_alone() -> None:
    articles = [FLOOD[0], STRIKE[0], LONE, FLOOD[1], STRIKE[1], FLOOD[2]]
    grouping = group_articles(articles)
    sets = [set(event.articles) for event in grouping.events]
    assert sets == [
        {a.id for a in FLOOD},
        {a.id for a in STRIKE},
        {LONE.id},
    ]  # ordered by each event's first article in the input
    assert [e.id for e in grouping.events] == ["event-1", "event-2", "event-3"]
    assert grouping.events[0].articles == (FLOOD[0].id, FLOOD[1].id, FLOOD[2].id)
    assert grouping.event_of(STRIKE[1].id) == "event-2"
    assert [len(e.articles) for e in grouping.multi_article()] == [3, 2]
    assert grouping.events[2].cohesion == 1.0
    assert 0.0 < grouping.events[0].cohesion < 1.0


def test_the_headline_comes_from_the_most_central_article_and_dates_are_kept() -> None:
    later = art(FLOOD[2].title, FLOOD[2].text.split("\n\n", 1)[1], "Gazette", "2026-03-04")
    grouping = group_articles([FLOOD[0], FLOOD[1], later])
    (event,) = grouping.events
    assert event.headline in {a.title for a in FLOOD}
    assert (event.first_date, event.last_date) == ("2026-03-02", "2026-03-04")


def test_the_date_window_splits_the_same_words_months_apart() -> None:
    months_later = art(STRIKE[1].title, STRIKE[1].text.split("\n\n", 1)[1], "Herald", "2026-09-01")
    articles = [STRIKE[0], months_later]
    assert len(group_articles(articles).events) == 2
    no_dates = GroupingSettings(date_window_days=None)
    assert len(group_articles(articles, no_dates).events) == 1


def test_empty_input_and_articles_without_words() -> None:
    assert group_articles([]).events == ()
    blank = art("", "1 2 3", "Nobody")
    grouping = group_articles([blank, LONE])
    assert len(grouping.events) == 2


def test_progress_rises_and_cancel_stops() -> None:
    seen: list[float] = []
    group_articles([*FLOOD, *STRIKE], progress=lambda f, _label: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        group_articles([*FLOOD, *STRIKE], is_cancelled=lambda: True)


@pytest.mark.parametrize(
    "bad",
    [
        {"min_similarity": 0.0},
        {"date_window_days": -1},
        {"neighbours": 0},
        {"lead_weight": -1},
        {"dated_min_similarity": 1.5},
    ],
)
def test_settings_out_of_range_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        GroupingSettings(**bad)  # type: ignore[arg-type]


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpora" / "basil").is_dir(), reason="needs ../shared")
def test_basil_events_not_tuned_on_are_recovered() -> None:
    """BASIL 2014–2017 (40 events × 3 outlets) was never used to set the defaults
    (tuned on BASIL 2010–2013)."""
    from sklearn.metrics import adjusted_rand_score

    articles, gold = [], []
    for path in sorted((SHARED / "corpora" / "basil" / "articles").glob("201[4-7]/*.json")):
        d = json.loads(path.read_text("utf-8"))
        articles.append(
            Article.from_parts(
                title=d["title"],
                paragraphs=[" ".join(p) for p in d["body-paragraphs"]],
                outlet=d["source"],
                source=str(path),
                date=str(d["date"])[:10],
            )
        )
        gold.append(path.name.rsplit("_", 1)[0])
    grouping = group_articles(articles)
    predicted = [grouping.event_of(a.id) for a in articles]
    assert adjusted_rand_score(gold, predicted) >= 0.9


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpora" / "newswcl50").is_dir(), reason="needs ../shared")
def test_newswcl50_events_not_tuned_on_are_recovered_and_the_two_korea_stories_kept_apart() -> None:
    """NewsWCL50 (10 events × 5 outlets, no dates) was never used to set the defaults.
    Event 0 (Pompeo's secret visit to Kim) and event 2 (North Korea suspends its tests)
    share their actors; they are two events."""
    from sklearn.metrics import adjusted_rand_score

    articles, gold = [], []
    for path in sorted((SHARED / "corpora" / "newswcl50" / "1-raw-articles").glob("*/*.txt")):
        lines = [x.strip() for x in path.read_text("utf-8").splitlines() if x.strip()]
        articles.append(
            Article.from_parts(
                title=lines[0], paragraphs=lines[1:], outlet=path.stem, source=str(path)
            )
        )
        gold.append(path.parent.name)
    grouping = group_articles(articles)
    predicted = [grouping.event_of(a.id) for a in articles]
    assert adjusted_rand_score(gold, predicted) >= 0.9
    found = {g: {p for p, x in zip(predicted, gold, strict=True) if x == g} for g in gold}
    assert not found["event_0"] & found["event_2"]


def test_date_ordered_blocks_give_the_same_events_as_one_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows are compared in date-ordered blocks against the articles near their dates only;
    tiny blocks (many windows, undated articles in the last one) must not change a thing."""
    from analysis.events import group as group_module

    moved = [
        art(a.title, a.text.split("\n\n", 1)[1], a.outlet + " late", "2026-05-20")
        for a in (*FLOOD, *STRIKE)
    ]
    undated = [art(a.title, a.text.split("\n\n", 1)[1], a.outlet + " x", None) for a in STRIKE]
    articles = [*moved[:2], FLOOD[0], LONE, *undated, STRIKE[0], *moved[2:], *FLOOD[1:], STRIKE[1]]
    whole = group_articles(articles)
    monkeypatch.setattr(group_module, "_CHUNK", 2)
    assert group_articles(articles) == whole
    sets = {frozenset(e.articles) for e in whole.events}
    assert frozenset(a.id for a in moved[:3]) in sets  # the May flood stays its own event


def test_agreeing_dates_lower_the_bar_and_missing_or_ignored_dates_do_not() -> None:
    """Two articles whose vectors meet at cosine 0.17: one event under the dated threshold
    (0.14) when both dates fit the window, two under the plain one (0.2) otherwise."""
    import numpy as np
    from scipy.sparse import csr_matrix

    from analysis.events.group import group_vectors

    cos = 0.17
    vectors = csr_matrix(np.array([[1.0, 0.0], [cos, (1 - cos**2) ** 0.5]], dtype=np.float32))
    settings = GroupingSettings(min_similarity=0.2, dated_min_similarity=0.14)
    near = [FLOOD[0], art("Other words", "Other words.", "Herald", "2026-03-05")]
    far = [FLOOD[0], art("Other words", "Other words.", "Herald", "2026-06-05")]
    undated = [FLOOD[0], art("Other words", "Other words.", "Herald", None)]
    assert len(group_vectors(near, vectors, settings).events) == 1
    assert len(group_vectors(far, vectors, settings).events) == 2
    assert len(group_vectors(undated, vectors, settings).events) == 2
    ignored = GroupingSettings(min_similarity=0.2, dated_min_similarity=0.14, date_window_days=None)
    assert len(group_vectors(near, vectors, ignored).events) == 2
    loose = GroupingSettings(min_similarity=0.16)
    assert len(group_vectors(undated, vectors, loose).events) == 1
