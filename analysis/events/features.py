"""Article vectors for grouping: content words, proper names, headline and lead words.

Words are case-folded content words; proper names (runs of capitalised words) add one
token per name, so "Supreme Court" weighs more than "court" alone. The headline and the
lead (the first sentences of the body, where a news report states its event) repeat, so
the event an article reports outweighs the background it recalls further down.
TF-IDF with sublinear counts, rows L2-normalised, so a row product is a cosine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis.events.values import GroupingSettings
from analysis.model import Article

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = ["LEAD_SENTENCES", "article_tokens", "article_vectors"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*)*")
# Short words and the commonest function words carry no topic.
_MIN_LETTERS = 3
#: How many sentences of the body after the headline count as its lead.
LEAD_SENTENCES = 3


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "mr", "mrs", "ms"}


def _words(text: str, stop: frozenset[str]) -> list[str]:
    words = [w.strip("'’-") for w in _WORD.findall(text.lower())]
    return [w for w in words if len(w) >= _MIN_LETTERS and w not in stop]


def _names(text: str, stop: frozenset[str]) -> list[str]:
    names = []
    for match in _NAME.finditer(text):
        name = " ".join(match.group(0).lower().split())
        if name not in stop and len(name) >= _MIN_LETTERS:
            names.append("name:" + name)
    return names


def _lead(article: Article) -> str:
    """The first sentences of the body (the headline paragraph excluded)."""
    body_start = article.headline.end
    body = [s for s in article.sentences if s.start >= body_start]
    return " ".join(article.span_text(s) for s in body[:LEAD_SENTENCES])


def article_tokens(article: Article, stop: frozenset[str], settings: GroupingSettings) -> list[str]:
    """The tokens one article contributes to its vector (repeats carry the weights)."""
    body = article.text[len(article.title) :] if article.text.startswith(article.title) else ""
    tokens = _words(body or article.text, stop)
    tokens += _words(article.title, stop) * settings.headline_weight
    if settings.lead_weight:
        tokens += _words(_lead(article), stop) * settings.lead_weight
    tokens += _names(article.text, stop) * settings.name_weight
    return tokens


def article_vectors(articles: Sequence[Article], settings: GroupingSettings) -> csr_matrix:
    """One L2-normalised TF-IDF row per article (float32, sparse)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    stop = _stop_words()
    # A generator: each article's tokens are counted and dropped, never all held at once.
    docs = (article_tokens(a, stop, settings) for a in articles)
    vectorizer = TfidfVectorizer(
        analyzer=lambda tokens: tokens, sublinear_tf=True, dtype=np.float32
    )
    try:
        matrix: csr_matrix = vectorizer.fit_transform(docs).tocsr()
    except ValueError as exc:  # no article has a single content word: an empty vocabulary
        if "empty vocabulary" not in str(exc):
            raise
        from scipy.sparse import csr_matrix as empty

        return empty((len(articles), 1), dtype=np.float32)
    return matrix
