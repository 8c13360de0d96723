"""Frequencies of term hits: per article and category, per 1,000 words, own voice vs quoted.

Denominators: the **own-voice** rate divides the hits outside direct quotations by the
words outside them (the outlet's own voice); the **quoted** rate divides the hits inside
quotations by the words inside them. An article without quotations has a quoted rate of 0
over 0 words. The ``loaded`` aggregate counts each loaded span once, even when it belongs
to two loaded categories (e.g. "slammed": emotive and emotive verb).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.model import Article, Span, count_words
from analysis.terms.lexicon import LexiconSet
from analysis.terms.matcher import TermHit

__all__ = [
    "LOADED",
    "ArticleRates",
    "CategoryRate",
    "TermRow",
    "article_rates",
    "quoted_word_count",
    "term_table",
]

#: Name of the aggregate over every category flagged ``loaded``.
LOADED = "loaded"


@dataclass(frozen=True, slots=True)
class CategoryRate:
    """Counts and rates of one category (or the loaded aggregate) in one article.

    Attributes:
        category: Category name, or :data:`LOADED` for the aggregate.
        own_count: Hits outside direct quotations.
        quoted_count: Hits inside direct quotations.
        own: ``own_count`` per 1,000 words outside quotations.
        quoted: ``quoted_count`` per 1,000 words inside quotations.
    """

    category: str
    own_count: int
    quoted_count: int
    own: float
    quoted: float

    @classmethod
    def from_counts(
        cls, category: str, own: int, quoted: int, words: tuple[int, int]
    ) -> CategoryRate:
        """Build from counts and ``(own_words, quoted_words)``."""
        return cls(
            category, own, quoted, _per_thousand(own, words[0]), _per_thousand(quoted, words[1])
        )


@dataclass(frozen=True, slots=True)
class ArticleRates:
    """Every category's rates in one article, with the word counts used as denominators."""

    article: str
    own_words: int
    quoted_words: int
    categories: tuple[CategoryRate, ...]
    loaded: CategoryRate

    def rate(self, category: str) -> CategoryRate:
        """Return the rate of ``category`` (or of :data:`LOADED`).

        Raises:
            KeyError: If the category was not counted.
        """
        if category == LOADED:
            return self.loaded
        for rate in self.categories:
            if rate.category == category:
                return rate
        raise KeyError(category)


@dataclass(frozen=True, slots=True)
class TermRow:
    """One term's counts across the articles (same order as the report's articles)."""

    term: str
    category: str
    own: tuple[int, ...]
    quoted: tuple[int, ...]

    @property
    def total(self) -> int:
        """All occurrences in all articles."""
        return sum(self.own) + sum(self.quoted)


def _per_thousand(count: int, words: int) -> float:
    return round(1000.0 * count / words, 3) if words else 0.0


def quoted_word_count(article: Article, quotes: Sequence[Span]) -> int:
    """Words inside the quotation spans of ``article``."""
    return sum(count_words(q.slice(article.text)) for q in quotes)


def article_rates(
    article: Article, hits: Sequence[TermHit], quotes: Sequence[Span], lexicons: LexiconSet
) -> ArticleRates:
    """Compute the rates of every category of ``lexicons`` in one article.

    Args:
        article: The article.
        hits: Its hits (from :func:`~analysis.terms.matcher.find_terms`).
        quotes: Its quotation spans (the same used for ``in_quote``).
        lexicons: The categories to report (zero rows included).
    """
    quoted_words = min(article.word_count, quoted_word_count(article, quotes))
    words = (article.word_count - quoted_words, quoted_words)
    own = Counter(h.category for h in hits if not h.in_quote)
    quoted = Counter(h.category for h in hits if h.in_quote)
    cats = tuple(
        CategoryRate.from_counts(c.name, own[c.name], quoted[c.name], words)
        for c in lexicons.categories
    )
    loaded_names = lexicons.loaded_names
    spans = {(h.start, h.end, h.in_quote) for h in hits if h.category in loaded_names}
    in_q = sum(1 for s in spans if s[2])
    loaded = CategoryRate.from_counts(LOADED, len(spans) - in_q, in_q, words)
    return ArticleRates(article.id, words[0], words[1], cats, loaded)


def term_table(article_ids: Sequence[str], hits: Sequence[TermHit]) -> tuple[TermRow, ...]:
    """Count each (term, category) per article, own voice and quoted.

    Returns:
        Rows by falling total, then category and term.
    """
    index = {aid: i for i, aid in enumerate(article_ids)}
    own: dict[tuple[str, str], list[int]] = {}
    quoted: dict[tuple[str, str], list[int]] = {}
    for hit in hits:
        key = (hit.term, hit.category)
        target = quoted if hit.in_quote else own
        for table in (own, quoted):
            table.setdefault(key, [0] * len(article_ids))
        target[key][index[hit.article]] += 1
    rows = [TermRow(t, c, tuple(own[(t, c)]), tuple(quoted[(t, c)])) for t, c in own]
    return tuple(sorted(rows, key=lambda r: (-r.total, r.category, r.term)))
