"""Distinctive vocabulary per article: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 22: for word ``w``, article ``i``
and the other articles together (``j``), with counts ``y``, totals ``n`` and a prior
``α_w = α₀ · π_w`` where ``π_w`` is the word's share of the whole collection,

    δ_w = log((y_iw + α_w) / (n_i + α₀ − y_iw − α_w)) − log((y_jw + α_w) / (n_j + α₀ − y_jw − α_w))
    σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w),      z_w = δ_w / σ_w

Large positive ``z`` marks words the article uses more than the others, shrunk towards the
collection's usage so rare words do not dominate. Counts come from scikit-learn's
``CountVectorizer`` (lower case, words of two or more letters, its English stop-word list
removed); a TF-IDF ranking of the same words (sublinear term frequency, smoothed idf) is a
second, simpler view. Every term carries
its count in each article, so it can be traced with keyword-in-context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysis.model import Article
from analysis.progress import CancelFn, check_cancelled

__all__ = [
    "METHOD",
    "PRIOR_STRENGTH",
    "ArticleVocabulary",
    "DistinctiveReport",
    "DistinctiveTerm",
    "distinctive_terms",
]

METHOD = "weighted log-odds ratio, informative Dirichlet prior (Monroe et al. 2008)"
PRIOR_STRENGTH = 1000.0  # α₀: total pseudo-count of the prior
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+(?:['’-][^\W\d_]+)*\b"
TOP = 25


@dataclass(frozen=True, slots=True)
class DistinctiveTerm:
    """A word that sets one article apart.

    Attributes:
        term: The word (lower case).
        score: z-score (log-odds view) or TF-IDF weight (TF-IDF view).
        delta: Log-odds ratio δ (0 in the TF-IDF view).
        counts: ``(article id, count)`` for every article that uses the term, in input
            order (articles without it are left out).
    """

    term: str
    score: float
    delta: float
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class ArticleVocabulary:
    """The most distinctive words of one article, in two views."""

    article: str
    outlet: str
    log_odds: tuple[DistinctiveTerm, ...]
    tfidf: tuple[DistinctiveTerm, ...]


@dataclass(frozen=True, slots=True)
class DistinctiveReport:
    """Distinctive vocabulary of every article; empty with fewer than two articles."""

    articles: tuple[ArticleVocabulary, ...]
    method: str = METHOD
    prior_strength: float = PRIOR_STRENGTH
    top: int = TOP


def distinctive_terms(
    articles: Sequence[Article], *, top: int = TOP, is_cancelled: CancelFn | None = None
) -> DistinctiveReport:
    """Rank each article's words against the other articles.

    Args:
        articles: The articles (two or more for a comparison).
        top: How many terms to keep per article and view.
        is_cancelled: Polled between articles.

    Returns:
        The report (articles without words get empty lists).
    """
    if len(articles) < 2:
        return DistinctiveReport((), top=top)
    counts, vocab = _count(articles)
    if counts is None:
        return DistinctiveReport(
            tuple(ArticleVocabulary(a.id, a.outlet, (), ()) for a in articles), top=top
        )
    import numpy as np

    ids = [a.id for a in articles]
    tfidf = _tfidf(counts)
    per = _Counts(counts, ids)
    out: list[ArticleVocabulary] = []
    for i, article in enumerate(articles):
        check_cancelled(is_cancelled)
        z, delta = _log_odds(counts, i)
        odds = _top(np.argsort(-z), z, delta, per, vocab, top, require=counts[i] > 0)
        row = tfidf[i]
        tf = _top(np.argsort(-row), row, np.zeros_like(row), per, vocab, top, require=row > 0)
        out.append(ArticleVocabulary(article.id, article.outlet, odds, tf))
    return DistinctiveReport(tuple(out), top=top)


def _count(articles: Sequence[Article]) -> tuple[Any, list[str]]:
    # Imported here: scikit-learn costs start-up time the GUI should not pay.
    from sklearn.feature_extraction.text import CountVectorizer

    vectorizer = CountVectorizer(lowercase=True, token_pattern=TOKEN_PATTERN, stop_words="english")
    try:
        matrix = vectorizer.fit_transform([a.text for a in articles])
    except ValueError:  # no words at all (empty or stop-word-only texts)
        return None, []
    return matrix.toarray().astype(float), list(vectorizer.get_feature_names_out())


def _log_odds(counts: Any, i: int) -> tuple[Any, Any]:
    import numpy as np

    total = counts.sum(axis=0)
    prior = PRIOR_STRENGTH * total / total.sum()
    mine = counts[i]
    rest = total - mine
    n_i, n_j = mine.sum(), rest.sum()
    a = mine + prior
    b = rest + prior
    # A one-word vocabulary makes a denominator 0: such words get z = 0, not an error.
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log(a / (n_i + PRIOR_STRENGTH - a)) - np.log(b / (n_j + PRIOR_STRENGTH - b))
        z = delta / np.sqrt(1.0 / a + 1.0 / b)
    finite = np.isfinite(z)
    return np.where(finite, z, 0.0), np.where(finite, delta, 0.0)


def _tfidf(counts: Any) -> Any:
    from sklearn.feature_extraction.text import TfidfTransformer

    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).toarray()


class _Counts:
    """Each word's ``(article id, count)`` pairs, built once and shared by every article.

    A word among the top terms of many articles carries the same pairs in each: with
    1,000 articles, one tuple per occurrence was ~15 million pairs, most of the result's
    memory. Shared, the word's pairs exist once.
    """

    def __init__(self, counts: Any, ids: list[str]) -> None:
        self.counts = counts
        self.ids = ids
        self.built: dict[int, tuple[tuple[str, int], ...]] = {}

    def of(self, j: int) -> tuple[tuple[str, int], ...]:
        """Return the pairs of word ``j`` (articles that use it, in input order)."""
        found = self.built.get(j)
        if found is None:
            column = self.counts[:, j].tolist()
            ids = self.ids
            found = self.built[j] = tuple((ids[k], int(n)) for k, n in enumerate(column) if n)
        return found


def _top(
    order: Any,
    score: Any,
    delta: Any,
    per: _Counts,
    vocab: list[str],
    top: int,
    require: Any,
) -> tuple[DistinctiveTerm, ...]:
    picked: list[DistinctiveTerm] = []
    for j in order:
        if len(picked) >= top:
            break
        if not require[j] or score[j] <= 0:
            continue
        picked.append(
            DistinctiveTerm(
                vocab[j], round(float(score[j]), 4), round(float(delta[j]), 4), per.of(int(j))
            )
        )
    return tuple(picked)
