from __future__ import annotations

import pytest

from analysis.errors import Cancelled
from analysis.framing.quotes import quotation_spans
from analysis.framing.report import analyse_framing
from analysis.model import Article
from analysis.terms import LexiconSet
from tests.analysis.framing.conftest import FakeAlignment, FakeCluster, FakeMember, FakePassage


def test_progress_is_reported_and_cancel_stops(
    sample: tuple[Article, ...], lexicons: LexiconSet
) -> None:
    seen: list[float] = []
    analyse_framing(sample, None, lexicons, progress=lambda f, _label: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == len(sample) + 1
    with pytest.raises(Cancelled):
        analyse_framing(sample, None, lexicons, is_cancelled=lambda: True)


def test_given_hits_are_used_instead_of_matching_again(
    sample: tuple[Article, ...], lexicons: LexiconSet
) -> None:
    report = analyse_framing(sample, None, lexicons, hits={a.id: () for a in sample})
    assert all(h.hedges == (0, 0) and h.evidence == () for h in report.hedges)
    assert all(h.loaded == () for h in report.headlines)


def test_empty_non_english_and_unbalanced_articles(lexicons: LexiconSet) -> None:
    arts = [
        Article.from_parts(title="", paragraphs=[], outlet="Empty", source="t"),
        Article.from_parts(
            title="Привет",
            paragraphs=["«Мы не уйдём», — сказал министр. Полиция задержала 62 человека."],
            outlet="Russian",
            source="t",
        ),
        Article.from_parts(
            title="Odd “marks",
            paragraphs=['He said "we will “never‘ give up, officials said. "Fine," Kovar said.'],
            outlet="Odd",
            source="t",
        ),
    ]
    report = analyse_framing(arts, None, lexicons)
    empty, russian, odd = report.articles
    assert (empty.quotes, empty.words, empty.quote_share) == ((), 0, 0.0)
    assert [q.span.slice(arts[1].text) for q in russian.quotes] == ["«Мы не уйдём»"]
    assert russian.quotes[0].attribution is None  # English speech verbs only
    assert any(q.attribution and q.attribution.key == "kovar" for q in odd.quotes)
    assert report.headlines[0].supported is False and report.headlines[0].best_sentence is None


@pytest.mark.slow
def test_twenty_megabytes_of_text_give_valid_quotation_spans() -> None:
    chunk = "Officials said \"the port is safe\" while 'others' disagreed. It's fine. "
    text = chunk * (20_000_000 // len(chunk))
    spans = quotation_spans(text)
    assert len(spans) == 2 * (20_000_000 // len(chunk))
    assert spans[-1].end <= len(text)


def test_a_verb_change_in_a_later_sentence_of_a_passage_counts(lexicons: LexiconSet) -> None:
    bodies = {
        "Wire": 'Reyk said the lease was unfair. "It is not for sale," Reyk told the crowd.',
        "Blaze": 'Reyk said the lease was unfair. "It is not for sale," Reyk ranted to the crowd.',
    }
    arts = [
        Article.from_parts(title="Port", paragraphs=[body], outlet=outlet, source="t")
        for outlet, body in bodies.items()
    ]
    members = tuple(
        FakeMember(FakePassage(a.id, a.paragraphs[1].start, a.paragraphs[1].end)) for a in arts
    )
    report = analyse_framing(arts, FakeAlignment((FakeCluster(0, members),)), lexicons)
    (passage,) = report.passages
    assert [[u.verb for u in m.verbs] for m in passage.members] == [
        ["said", "told"],
        ["said", "ranted"],
    ]
    assert passage.verb_changes
    same = FakeCluster(0, (members[0], members[0]))
    assert not analyse_framing(arts, FakeAlignment((same,)), lexicons).passages[0].verb_changes


def test_cancel_is_polled_inside_one_long_article(
    sample: tuple[Article, ...], lexicons: LexiconSet
) -> None:
    """One huge article must not keep the user waiting for its end before cancelling."""
    polls: list[int] = []

    def cancel_on_third_poll() -> bool:
        polls.append(1)
        return len(polls) >= 3

    with pytest.raises(Cancelled):
        analyse_framing(sample[:1], None, lexicons, is_cancelled=cancel_on_third_poll)
    assert len(polls) == 3  # the first poll is before the article; two more inside it
