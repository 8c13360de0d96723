from __future__ import annotations

import pytest

from analysis import AlignmentSettings, AnalysisError, Article, MatchKind, align_articles
from tests.analysis.align.conftest import make


def test_one_article_gives_an_alignment_without_links(
    trio: tuple[Article, Article, Article],
) -> None:
    al = align_articles(trio[:1])
    assert al.links == () and al.clusters == () and al.pairs == ()
    (cov,) = al.coverage
    assert cov.shared_fraction == 0.0
    assert len(cov.unique) >= 3


def test_no_articles_at_all() -> None:
    al = align_articles([])
    assert al.links == () and al.coverage == ()


def test_empty_article_has_zero_coverage(trio: tuple[Article, Article, Article]) -> None:
    empty = make("", [], "Blank")
    al = align_articles([trio[0], empty])
    assert al.links == ()
    assert al.coverage_of(empty.id).shared_fraction == 0.0
    assert al.coverage_of(empty.id).unique == ()


def test_identical_articles_are_a_clear_error(trio: tuple[Article, Article, Article]) -> None:
    twin = trio[0].with_outlet("Another outlet")
    with pytest.raises(AnalysisError) as info:
        align_articles([trio[0], twin])
    assert info.value.code == "analysis.duplicate"


def test_identical_bodies_align_verbatim_throughout(trio: tuple[Article, Article, Article]) -> None:
    wire = trio[0]
    copy = make(
        "A different headline about nothing", [wire.span_text(p) for p in wire.paragraphs[1:]], "C"
    )
    al = align_articles([wire, copy])
    body = [k for k in al.links if k.a.start >= wire.paragraphs[1].start]
    assert len(body) == len(wire.sentences) - 1
    assert {k.kind for k in body} == {MatchKind.VERBATIM}
    assert al.coverage_of(copy.id).unique == (copy.headline,)


def test_fifty_copies_of_one_sentence_link_once_per_pair() -> None:
    sentence = "The ferry service will resume on Thursday morning at seven."
    spam = make("Notice", [" ".join([sentence] * 50)], "Spam")
    single = make("Ferries", ["Travellers were relieved. " + sentence], "Paper")
    al = align_articles([spam, single])
    assert len(spam.sentences) == 51
    (link,) = al.links
    assert link.kind is MatchKind.VERBATIM
    (cluster,) = al.clusters
    assert len(cluster.members) == 2


def test_two_spam_articles_pair_copies_one_to_one() -> None:
    sentence = "The ferry service will resume on Thursday morning at seven."
    a = make("Notice one", [" ".join([sentence] * 50)], "A")
    b = make("Notice two", [" ".join([sentence] * 50)], "B")
    al = align_articles([a, b])
    body = [k for k in al.links if k.kind is MatchKind.VERBATIM]
    assert len(body) == 50
    assert len({k.a.start for k in body}) == 50 and len({k.b.start for k in body}) == 50


def test_twenty_megabytes_are_refused_quickly_with_a_clear_error() -> None:
    big = "word " * 4_000_000  # 20 MB in one paragraph
    article = Article(
        id="big", outlet="Huge", title="", date=None, url=None, author=None, source="pasted",
        text=big, paragraphs=(), sentences=(), word_count=4_000_000, sha256="x",
    )  # fmt: skip
    with pytest.raises(AnalysisError) as info:
        align_articles([article, make("Small", ["A short text."], "S")])
    assert info.value.code == "analysis.too_large"
    assert "characters" in str(info.value)


def test_one_overlong_sentence_is_cut_into_chunks() -> None:
    # 200 kB without sentence ends: chunked, so the scorers never see a 200 kB string.
    # Words of equal length: chunks of 71 words, so words 2150-2161 lie inside chunk 30.
    words = " ".join(f"w{i}" for i in range(10_000, 40_000))
    long = make("Long", [words], "L")
    short = make("Short", [" ".join(f"w{i}" for i in range(12_150, 12_162))], "S")
    al = align_articles([long, short], AlignmentSettings(max_unit_chars=500))
    (link,) = al.links
    assert link.a.end - link.a.start <= 500
    assert "w12150 w12151" in long.text[link.a.start : link.a.end]
    assert link.kind is MatchKind.EDITED


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "Мэр города сообщил, что мост будет закрыт на ремонт до конца мая.",
            "Мэр сообщил, что мост будет закрыт на ремонт до конца мая.",
        ),
        (
            "市长表示，大桥将关闭维修至五月底，渡轮每二十分钟一班。",
            "市长说，大桥将关闭维修至五月底，渡轮每二十分钟一班。",
        ),
        (
            "قال رئيس البلدية إن الجسر سيغلق للصيانة حتى نهاية شهر مايو المقبل.",
            "قال رئيس البلدية إن الجسر سيغلق للصيانة حتى نهاية مايو المقبل.",
        ),
    ],
)
def test_non_latin_scripts_align(first: str, second: str) -> None:
    a = make("", [first, "Unrelated filler about gardening and roses in spring."], "A")
    b = make("", [second], "B")
    al = align_articles([a, b])
    (link,) = al.links
    assert link.kind is MatchKind.EDITED
    assert link.a.start == 0 and link.b.start == 0
    assert link.changes


def test_unrelated_events_give_no_links() -> None:
    a = make(
        "Storm closes harbour bridge",
        [
            "Officials said the harbour bridge will stay closed for seven days after a storm.",
            "Ferries will run every twenty minutes while engineers inspect the cables.",
        ],
        "A",
    )
    b = make(
        "Chess champion retains title",
        [
            "The reigning champion retained her title after a tense final game on Sunday.",
            "Her challenger resigned after five hours when his king was trapped in the corner.",
        ],
        "B",
    )
    al = align_articles([a, b])
    assert al.links == ()
    assert al.coverage_of(a.id).shared_fraction == 0.0
