from __future__ import annotations

from analysis import Alignment, Article, ChangeKind, MatchKind, Position, align_articles
from analysis.align.values import Link


def _text(art: Article, start: int, end: int) -> str:
    return art.text[start:end]


def _find(al: Alignment, a: Article, b: Article, needle: str) -> Link:
    start = a.text.index(needle)
    (link,) = [k for k in al.links_at(a.id, start) if k.side(b.id) is not None]
    return link


def test_edited_link_names_the_changed_word(trio: tuple[Article, Article, Article]) -> None:
    wire, daily, _ = trio
    al = align_articles(trio)
    link = _find(al, wire, daily, "Officials said on Monday")
    assert link.kind is MatchKind.EDITED
    assert _text(wire, link.a.start, link.a.end) == wire.span_text(wire.sentences[1])
    (change,) = link.changes
    assert change.kind is ChangeKind.REPLACE
    assert _text(wire, change.a_start, change.a_end) == "said"
    assert _text(daily, change.b_start, change.b_end) == "claimed"


def test_verbatim_link_spans_whole_sentences(trio: tuple[Article, Article, Article]) -> None:
    wire, daily, post = trio
    al = align_articles(trio)
    needle = "The port authority estimated the cost of repairs at 4 million euros."
    for other in (daily, post):
        link = _find(al, wire, other, needle)
        assert link.kind is MatchKind.VERBATIM
        assert link.score == 100.0
        assert link.changes == ()
        assert _text(other, link.b.start, link.b.end) == needle


def test_merged_sentence_links_each_half(trio: tuple[Article, Article, Article]) -> None:
    wire, daily, _ = trio
    al = align_articles(trio)
    first = _find(al, wire, daily, "The mayor, Ana Ruiz")
    second = _find(al, wire, daily, "Ferries will run")
    assert _text(daily, first.b.start, first.b.end) == (
        "The mayor, Ana Ruiz, told reporters that engineers would inspect every cable "
        "before traffic returns"
    )
    assert _text(daily, second.b.start, second.b.end) == (
        "ferries will run every twenty minutes instead"
    )
    assert {first.kind, second.kind} == {MatchKind.VERBATIM}


def test_moved_clause_is_linked_with_insert_and_delete(
    trio: tuple[Article, Article, Article],
) -> None:
    wire, _, post = trio
    al = align_articles(trio)
    link = _find(al, wire, post, "Officials said on Monday")
    assert link.kind is MatchKind.EDITED
    kinds = {c.kind for c in link.changes}
    assert ChangeKind.DELETE in kinds or ChangeKind.REPLACE in kinds
    inserted = [_text(post, c.b_start, c.b_end) for c in link.changes if c.b_end > c.b_start]
    assert "officials said" in " ".join(inserted)


def test_links_are_one_to_one_per_pair(trio: tuple[Article, Article, Article]) -> None:
    al = align_articles(trio)
    seen: set[tuple[str, int, int, str]] = set()
    for link in al.links:
        for mine, other in ((link.a, link.b), (link.b, link.a)):
            key = (mine.article, mine.start, mine.end, other.article)
            assert key not in seen
            seen.add(key)


def test_clusters_hold_one_passage_per_article_and_omissions(
    trio: tuple[Article, Article, Article],
) -> None:
    wire, daily, post = trio
    al = align_articles(trio)
    for cluster in al.clusters:
        assert len(set(cluster.articles)) == len(cluster.members)
        assert set(cluster.articles) | set(cluster.omitting) == {wire.id, daily.id, post.id}
    repairs = al.cluster_at(wire.id, wire.text.index("The port authority"))
    assert repairs is not None
    assert set(repairs.articles) == {wire.id, daily.id, post.id}
    mayor = al.cluster_at(wire.id, wire.text.index("The mayor"))
    assert mayor is not None
    assert mayor.omitting == (post.id,)
    assert al.members(mayor.id) == mayor.members


def test_clusters_are_transitive(trio: tuple[Article, Article, Article]) -> None:
    # A~B and B~C put A, B and C in one cluster; here no link conflicts with another.
    al = align_articles(trio)
    assert al.links
    for link in al.links:
        ca = al.cluster_at(link.a.article, link.a.start)
        cb = al.cluster_at(link.b.article, link.b.start)
        assert ca is not None and cb is not None
        assert ca.id == cb.id


def test_positions(trio: tuple[Article, Article, Article]) -> None:
    wire, _, _ = trio
    al = align_articles(trio)
    headline = al.cluster_at(wire.id, 0)
    assert headline is not None
    assert {m.position for m in headline.members} == {Position.HEADLINE}
    repairs = al.cluster_at(wire.id, wire.text.index("The port authority"))
    assert repairs is not None
    by_article = {m.article: m.position for m in repairs.members}
    assert by_article[wire.id] is Position.END


def test_coverage_finds_what_only_one_outlet_reports(
    trio: tuple[Article, Article, Article],
) -> None:
    wire, daily, post = trio
    al = align_articles(trio)
    assert [_text(wire, s.start, s.end) for s in al.coverage_of(wire.id).unique] == [
        "Local shops reported a sharp drop in customers."
    ]
    assert [_text(daily, s.start, s.end) for s in al.coverage_of(daily.id).unique] == [
        "Critics of the council blamed years of neglect for the damage."
    ]
    assert al.coverage_of(post.id).unique == ()
    assert al.coverage_of(post.id).shared_fraction == 1.0
    assert 0.5 < al.coverage_of(wire.id).shared_fraction < 1.0


def test_pair_shares_flag_wire_copy(trio: tuple[Article, Article, Article]) -> None:
    wire, daily, _ = trio
    al = align_articles(trio)
    share = al.pair(daily.id, wire.id)
    assert share is not None
    assert (share.a, share.b) == (wire.id, daily.id)
    assert share.a_verbatim > 0.3
    assert share.a_edited > 0.2
    assert share.a_verbatim + share.a_edited <= 1.0
    assert share.likely_common_source


def test_links_of_lists_every_link_of_an_article(trio: tuple[Article, Article, Article]) -> None:
    wire, daily, post = trio
    al = align_articles(trio)
    for art in (wire, daily, post):
        mine = al.links_of(art.id)
        assert set(mine) == {k for k in al.links if art.id in (k.a.article, k.b.article)}
        assert [k.side(art.id).start for k in mine] == sorted(k.side(art.id).start for k in mine)


def test_settings_travel_with_the_result(trio: tuple[Article, Article, Article]) -> None:
    from analysis import AlignmentSettings

    settings = AlignmentSettings(min_probability=0.9)
    assert align_articles(trio, settings).settings is settings


def test_lookups_at_offsets_outside_passages(trio: tuple[Article, Article, Article]) -> None:
    wire, daily, _ = trio
    al = align_articles(trio)
    gap = wire.paragraphs[0].end  # the blank line after the headline
    assert al.links_at(wire.id, gap) == ()
    assert al.cluster_at(wire.id, gap) is None
    shops = wire.text.index("Local shops")
    assert al.links_at(wire.id, shops) == ()
    assert al.cluster_at(wire.id, shops) is None
    assert al.links_at("no-such-article", 0) == ()
    mine = al.clusters_of(daily.id)
    starts = [next(m.start for m in c.members if m.article == daily.id) for c in mine]
    assert starts == sorted(starts)
    assert len(mine) == sum(daily.id in c.articles for c in al.clusters)


def test_clusters_are_ordered_by_first_appearance(trio: tuple[Article, Article, Article]) -> None:
    wire = trio[0]
    al = align_articles(trio)
    firsts = [c.members[0] for c in al.clusters]
    assert [c.id for c in al.clusters] == list(range(len(al.clusters)))
    assert all(m.article == wire.id for m in firsts)
    assert [m.start for m in firsts] == sorted(m.start for m in firsts)
