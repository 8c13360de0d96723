"""Shared facts: independent wording of the same facts links, and is neither unique nor omitted.

The two articles below are fictional and were written for this test, each on its own,
telling the same facts about an invented event in different words.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis import MatchKind, align_articles
from analysis.align.fact_links import SPECIFIC_SHARE, above_threshold, specific
from analysis.align.fact_words import name_stems, unit_stems
from analysis.align.facts import FACT_FEATURES, FactTable, fact_features, shared_token_runs
from analysis.align.normalize import tokenize
from analysis.model import Article

HERALD = [
    "The town council of Brenmoor voted on Tuesday to close the Quillan Street library "
    "at the end of June, citing a budget shortfall of 240,000 pounds.",
    "Councillor Petra Vahl, who chairs the finance committee, said the decision was "
    "painful but unavoidable.",
    "Parents have collected more than 3,000 signatures in a petition to keep the building "
    "open, and a protest is planned outside the town hall on Saturday.",
    "The library, which opened in 1912, lends about 40,000 books a year.",
]
GAZETTE = [
    "Brenmoor's century-old library on Quillan Street will shut its doors in late June "
    "after councillors backed the plan in a vote on Tuesday evening.",
    "Officials blamed a gap of 240,000 pounds in the town's finances.",
    "Petra Vahl, head of the council's finance committee, called the choice painful and "
    "said there was no way around it.",
    "A petition against the closure, started by local parents, has gathered over 3,000 "
    "names, and campaigners will rally in front of the town hall this Saturday.",
]


def _article(title: str, paragraphs: list[str], outlet: str) -> Article:
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet=outlet, source="pasted")


@pytest.fixture(scope="module")
def pair() -> tuple[Article, Article]:
    return (
        _article("Brenmoor council votes to close Quillan Street library", HERALD, "Herald"),
        _article("Century-old Brenmoor library to shut in June", GAZETTE, "Gazette"),
    )


@pytest.mark.parametrize(
    "herald, gazette",
    [
        ("Councillor Petra Vahl", "Petra Vahl, head of the council"),
        ("Parents have collected", "A petition against the closure"),
        ("The town council of Brenmoor voted", "Brenmoor's century-old library"),
    ],
)
def test_same_facts_in_other_words_are_linked(
    pair: tuple[Article, Article], herald: str, gazette: str
) -> None:
    a, b = pair
    al = align_articles(pair)
    at_a, at_b = a.text.index(herald), b.text.index(gazette)
    links = [k for k in al.links_at(a.id, at_a) if k.side(b.id) is not None]
    sides = [k.side(b.id) for k in links]
    assert any(s is not None and s.start <= at_b < s.end for s in sides)
    assert {k.kind for k in links} <= {MatchKind.PARAPHRASE, MatchKind.PARTIAL, MatchKind.EDITED}


def test_shared_facts_are_not_only_here_nor_omitted(pair: tuple[Article, Article]) -> None:
    a, b = pair
    al = align_articles(pair)
    for art, text in ((a, "Councillor Petra Vahl"), (b, "A petition against the closure")):
        at = art.text.index(text)
        assert not any(s.start <= at < s.end for s in al.coverage_of(art.id).unique)
        cluster = al.cluster_at(art.id, at)
        assert cluster is not None and cluster.omitting == ()


def test_the_fact_only_one_outlet_reports_stays_only_here(pair: tuple[Article, Article]) -> None:
    a, _ = pair
    al = align_articles(pair)
    at = a.text.index("The library, which opened in 1912")
    assert any(s.start <= at < s.end for s in al.coverage_of(a.id).unique)


def test_partial_links_locate_the_shared_words(pair: tuple[Article, Article]) -> None:
    a, b = pair
    al = align_articles(pair)
    partial = [k for k in al.links if k.kind is MatchKind.PARTIAL]
    assert partial
    for link in partial:
        assert link.shared_a and link.shared_b
        for span, side in [(s, link.a) for s in link.shared_a] + [
            (s, link.b) for s in link.shared_b
        ]:
            assert side.start <= span.start < span.end <= side.end
    texts = {a.text[s.start : s.end] for k in partial for s in k.shared_a} | {
        b.text[s.start : s.end] for k in partial for s in k.shared_b
    }
    assert any("3,000" in t or "Vahl" in t or "240,000" in t for t in texts)


def test_us_aliases_and_stems() -> None:
    one = unit_stems(tokenize("The U.S. officials met"))
    other = unit_stems(tokenize("US official meets"))
    assert "u.s." in one and "u.s." in other
    assert set(filter(None, one)) & set(filter(None, other)) >= {"u.s.", "official"}
    assert unit_stems(tokenize("give it to us"))[-1] is None
    close = {s for t in ("close", "closed", "closes", "closing") for s in unit_stems(tokenize(t))}
    assert close == {"clos"}
    assert unit_stems(tokenize("democrat"))[0] != unit_stems(tokenize("democracy"))[0]


def test_names_come_from_the_body_casing_not_from_headlines_or_sentence_starts() -> None:
    texts = [
        ("Jackson Pleads Guilty In Campaign Case", True),
        ("Officials said Jackson pleads guilty to one count.", False),
        ("The officials expect that Jackson will be sentenced.", False),
    ]
    tokens = [tokenize(t) for t, _ in texts]
    stems = [unit_stems(t) for t in tokens]
    names = name_stems(tokens, stems, np.array([h for _, h in texts]))
    assert names["jackson"] is True
    assert names["plead"] is False and names["guilty"] is False
    assert names["official"] is False  # capitalised only where it starts a sentence
    assert "campaign" not in names  # seen in the headline only: its own case decides


def test_shared_runs_join_across_function_words() -> None:
    mine = ["met", None, None, "paris", "later"]
    theirs = ["paris", "met"]
    assert shared_token_runs(mine, theirs) == [(0, 4)]
    assert shared_token_runs(mine, ["later"]) == [(4, 5)]


def test_rank_and_name_weight_features() -> None:
    texts = [
        (0, "Brenmoor headline"),
        (0, "The Brenmoor council voted to close the Quillan library on Tuesday."),
        (1, "Other headline"),
        (1, "In Brenmoor, councillors voted to close the Quillan library."),
        (1, "The Brenmoor council also voted on parking."),
    ]
    article = np.array([a for a, _ in texts], dtype=np.intp)
    headline = np.array([True, False, True, False, False])
    table = FactTable.build([tokenize(t) for _, t in texts], article, headline)
    ia, ib = np.array([1, 1], dtype=np.intp), np.array([3, 4], dtype=np.intp)
    x = fact_features(table, ia, ib, article)
    col = {name: k for k, name in enumerate(FACT_FEATURES)}
    assert x[:, col["rank_a"]].tolist() == [0.0, 1.0]  # the library sentence shares most
    assert x[:, col["rank_b"]].tolist() == [0.0, 0.0]  # each is the other's only candidate
    assert x[0, col["names_w_max"]] == pytest.approx(1.0)  # Brenmoor and Quillan both shared
    assert 0.0 < x[1, col["names_w_max"]] < 1.0  # Brenmoor only, Quillan not
    assert x[1, col["names_w_min"]] == pytest.approx(1.0)  # all the shorter side's names


def test_specific_evidence_lowers_the_threshold_only_for_pairs_that_have_it() -> None:
    col = {name: k for k, name in enumerate(FACT_FEATURES)}
    x = np.zeros((4, len(FACT_FEATURES)))
    x[1, col["n_rare"]] = np.log1p(1)  # one rare word in common
    x[2, col["nums_shared"]] = 1.0  # a number in common
    x[3, col["tri_shared"]] = np.log1p(1)  # three words in a row in common
    assert specific(x).tolist() == [False, True, True, True]
    low = np.full(4, 0.45 * SPECIFIC_SHARE + 0.01)  # under 0.45, above its share
    assert above_threshold(x, low, 0.45).tolist() == [False, True, True, True]
    assert above_threshold(x, np.full(4, 0.46), 0.45).all()
    assert not above_threshold(x, np.full(4, 0.45 * SPECIFIC_SHARE - 0.01), 0.45).any()


def test_no_shared_fact_link_repeats_a_copy_link_or_passes_three_per_side() -> None:
    # Two articles telling one fact, each in four near-identical sentences, and a third
    # copying the first: shared facts stop at three per sentence and article, and never
    # double a copy link.
    fact = "The Brenmoor council voted on Tuesday to close the Quillan library in June."
    other = "Councillors in Brenmoor backed closing Quillan library this June, on Tuesday."
    a = _article("A", [f"{fact} Item {k}." for k in range(4)], "A")
    b = _article("B", [f"{other} Note {k}." for k in range(4)], "B")
    c = _article("C", [f"{fact} Item {k}." for k in range(4)], "C")
    al = align_articles([a, b, c])
    facts = [k for k in al.links if k.kind in (MatchKind.PARTIAL, MatchKind.PARAPHRASE)]
    copies = {(k.a, k.b) for k in al.links if k.kind in (MatchKind.VERBATIM, MatchKind.EDITED)}
    assert facts and copies
    assert not {(k.a, k.b) for k in facts} & copies
    per_side: dict[tuple[object, str], int] = {}
    for k in facts:
        for mine, theirs in ((k.a, k.b), (k.b, k.a)):
            per_side[(mine, theirs.article)] = per_side.get((mine, theirs.article), 0) + 1
    assert max(per_side.values()) <= 3
