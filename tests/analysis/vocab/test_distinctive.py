from __future__ import annotations

import math

import pytest

from analysis.errors import Cancelled
from analysis.model import Article
from analysis.vocab import distinctive_terms
from analysis.vocab.distinctive import PRIOR_STRENGTH


def art(outlet: str, body: str) -> Article:
    return Article.from_parts(title=f"{outlet} story", paragraphs=[body], outlet=outlet, source="t")


BASE = (
    "The minister spoke about the port and the lease on Friday. Workers gathered near the gates. "
)
A = art("Alpha", BASE + "Rioters rioters rioters attacked the gates. The mob was angry.")
B = art("Beta", BASE + "Protesters marched peacefully. Protesters sang songs about protesters.")
C = art("Gamma", BASE + "Citizens watched quietly from balconies.")


def test_words_an_outlet_overuses_rank_first_with_traceable_counts() -> None:
    report = distinctive_terms([A, B, C])
    by_outlet = {v.outlet: v for v in report.articles}
    alpha, beta = by_outlet["Alpha"], by_outlet["Beta"]
    assert alpha.log_odds[0].term == "rioters"
    assert beta.log_odds[0].term == "protesters"
    assert dict(alpha.log_odds[0].counts) == {A.id: 3}
    shared = {t.term for t in alpha.log_odds}
    assert "port" not in shared  # used equally by all: no positive z


def test_z_score_matches_the_fightin_words_formula() -> None:
    report = distinctive_terms([A, B, C])
    term = report.articles[0].log_odds[0]
    counts = dict(term.counts)
    from sklearn.feature_extraction.text import CountVectorizer

    from analysis.vocab.distinctive import TOKEN_PATTERN

    cv = CountVectorizer(token_pattern=TOKEN_PATTERN, stop_words="english")
    m = cv.fit_transform([A.text, B.text, C.text]).toarray()
    col = list(cv.get_feature_names_out()).index(term.term)
    total = m.sum(axis=0)
    prior = PRIOR_STRENGTH * total[col] / total.sum()
    y_i, y_j = m[0, col], total[col] - m[0, col]
    n_i, n_j = m[0].sum(), total.sum() - m[0].sum()
    a, b = y_i + prior, y_j + prior
    delta = math.log(a / (n_i + PRIOR_STRENGTH - a)) - math.log(b / (n_j + PRIOR_STRENGTH - b))
    assert counts[A.id] == y_i
    assert term.delta == pytest.approx(delta, abs=1e-3)
    assert term.score == pytest.approx(delta / math.sqrt(1 / a + 1 / b), abs=1e-3)


def test_tfidf_view_lists_the_article_own_words() -> None:
    report = distinctive_terms([A, B, C])
    gamma = next(v for v in report.articles if v.outlet == "Gamma")
    top = [t.term for t in gamma.tfidf[:6]]
    assert {"citizens", "balconies"} & set(top)
    assert all(dict(t.counts)[C.id] > 0 for t in gamma.tfidf)


def test_fewer_than_two_articles_or_no_words_give_empty_lists() -> None:
    assert distinctive_terms([A]).articles == ()
    empty = [art("X", "the and of"), art("Y", "a an the")]
    report = distinctive_terms(empty)
    assert [v.log_odds for v in report.articles] == [(), ()]


def test_cancel_stops_the_work() -> None:
    with pytest.raises(Cancelled):
        distinctive_terms([A, B], is_cancelled=lambda: True)
