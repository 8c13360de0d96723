"""Clusters stay consistent: one passage per article, no sentence in two clusters without reason."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pytest

from analysis import Alignment, Article, align_articles
from analysis.ingest import load_sample

from .conftest import make

FIRST = "The union has called a 48-hour strike at the port from Monday."
SECOND = "Parliament is due to debate the lease on March 20."
MERGED = (
    "The union has called a 48-hour strike at the port from Monday, and parliament is due "
    "to debate the lease on March 20."
)
OPENING = "Police fired tear gas at protesters near the harbour gate on Friday afternoon."


def _members_by_article(al: Alignment) -> dict[str, list[tuple[int, int, int]]]:
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for cluster in al.clusters:
        for m in cluster.members:
            spans[m.article].append((m.start, m.end, cluster.id))
    return spans


def _overlaps(al: Alignment) -> list[tuple[str, int, int]]:
    """Pairs of clusters whose passages overlap in one article."""
    out = []
    for article, spans in _members_by_article(al).items():
        for (s1, e1, c1), (s2, e2, c2) in combinations(sorted(spans), 2):
            if s2 < e1 and s1 < e2:
                out.append((article, c1, c2))
    return out


def _split_sentences(al: Alignment, articles: list[Article]) -> list[str]:
    """Sentences whose parts sit in more than one cluster."""
    spans = _members_by_article(al)
    out = []
    for article in articles:
        for s in article.sentences:
            ids = {c for start, end, c in spans[article.id] if start < s.end and s.start < end}
            if len(ids) > 1:
                out.append(article.span_text(s))
    return out


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 2, 0)], ids=["halves-first", "merged-first"])
def test_a_merged_sentence_and_its_halves_form_one_passage(order: tuple[int, int, int]) -> None:
    # B and C both merge the two sentences A keeps apart; B~C link whole to whole, A's
    # halves link to parts of them. Cutting B's sentence into clusters of its parts would
    # leave a third, whole-sentence cluster saying A omits what it carries.
    halves = make("Port strike", [f"{OPENING} {FIRST} {SECOND}"], "A")
    merged = make("Strike at the port", [f"{OPENING} {MERGED}"], "B")
    again = make("Port workers strike", [f"{OPENING} {MERGED.replace('lease', 'port lease')}"], "C")
    trio = [halves, merged, again]
    al = align_articles([trio[i] for i in order])
    assert _overlaps(al) == []
    assert _split_sentences(al, trio) == []
    cluster = al.cluster_at(merged.id, merged.text.index("The union"))
    assert cluster is not None
    assert cluster.omitting == ()
    texts = {
        m.article: a.text[m.start : m.end]
        for m in cluster.members
        for a in trio
        if a.id == m.article
    }
    assert texts[halves.id].endswith(f"{FIRST} {SECOND}")
    assert texts[merged.id].endswith(MERGED)
    # The links still say which half went where: two parts of B's sentence link to A.
    parts = [k.side(merged.id) for k in al.links_of(merged.id) if k.side(halves.id) is not None]
    start = merged.text.index("The union")
    assert len([p for p in parts if p is not None and p.start >= start]) == 2


def test_sample_clusters_never_overlap_or_split_a_sentence() -> None:
    articles = list(load_sample())
    al = align_articles(articles)
    assert _overlaps(al) == []
    assert _split_sentences(al, articles) == []
    for cluster in al.clusters:
        assert len(cluster.articles) == len(set(cluster.articles))


def test_the_minister_quote_is_one_cluster_in_all_four_outlets() -> None:
    articles = list(load_sample())
    al = align_articles(articles)
    wire = articles[0]
    quote = wire.text.index('"We will not allow')
    cluster = al.cluster_at(wire.id, quote)
    assert cluster is not None
    assert len(cluster.members) == len(articles)
    end = wire.text.index("Veska.", quote) + len("Veska.")
    (member,) = [m for m in cluster.members if m.article == wire.id]
    assert (member.start, member.end) == (quote, end)


def test_unique_passages_never_cross_a_paragraph_break() -> None:
    shared = "Officials said the harbour bridge will stay closed for seven days after the storm."
    one = make(
        "Bridge shut",
        [
            shared,
            "A ferry captain called the closure a disaster for the island.",
            "Shop owners on the quay asked the council for help with lost trade.",
        ],
        "One",
    )
    other = make("Bridge closed for a week", [shared], "Other")
    al = align_articles([one, other])
    unique = [one.text[s.start : s.end] for s in al.coverage_of(one.id).unique]
    # Two back-to-back paragraphs only this outlet has: two passages, not one joined
    # across the break (the two-word headline is below the three-word floor).
    assert unique == [
        "A ferry captain called the closure a disaster for the island.",
        "Shop owners on the quay asked the council for help with lost trade.",
    ]


def test_copies_of_a_sentence_stay_together_beside_a_merged_sentence() -> None:
    # D merges the two sentences; B carries them apart (another sentence between), so the
    # merged sentence can join only one of the two groups, and neither group may lose a copy.
    between = "Engineers checked the cranes at the eastern terminal before the march began."
    a = make("Strike called", [f"{OPENING} {FIRST} {SECOND}"], "A")
    b = make("Port strike called", [f"{OPENING} {FIRST} {between} {SECOND}"], "B")
    c = make("Union calls strike", [f"{OPENING} {SECOND}"], "C")
    d = make("Strike and debate", [f"{MERGED} {OPENING}"], "D")
    articles = [d, c, b, a]
    al = align_articles(articles)
    assert _overlaps(al) == []
    for sentence, carriers in ((FIRST, (a, b)), (SECOND, (a, b, c))):
        found = {al.cluster_at(x.id, x.text.index(sentence)) for x in carriers}
        assert len(found) == 1 and None not in found
