"""The loaded-term step of a comparison: :func:`analyse_terms` → :class:`TermReport`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.model import Article, Span
from analysis.progress import CancelFn, ProgressFn, check_cancelled
from analysis.terms.language import language_warning
from analysis.terms.lexicon import Category, LexiconFile, LexiconFileError, LexiconSet
from analysis.terms.load import load_lexicons
from analysis.terms.matcher import TermHit, find_terms
from analysis.terms.rates import ArticleRates, TermRow, article_rates, term_table
from analysis.terms.scores import LEARNED, LoadedScore, learned_category, score_article
from analysis.terms.settings import TermSettings
from analysis.text.quotes import quotation_spans

__all__ = ["ArticleWarning", "LexiconProblem", "TermReport", "analyse_terms"]


@dataclass(frozen=True, slots=True)
class LexiconProblem:
    """A user-lexicon problem as plain values (file, line, stable code, message)."""

    source: str
    line: int | None
    code: str
    message: str

    @classmethod
    def from_error(cls, error: LexiconFileError) -> LexiconProblem:
        """Copy the facts of a :class:`LexiconFileError`."""
        return cls(error.path, error.line, error.code, error.message)


@dataclass(frozen=True, slots=True)
class ArticleWarning:
    """A caveat about one article's counts (e.g. it does not look English)."""

    article: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class TermReport:
    """Loaded terms in a set of articles, every count traceable to its hits.

    Attributes:
        articles: Article ids, in the order of the per-term table columns.
        categories: The categories in force.
        hits: Every hit, by article then offset.
        rates: One entry per article, same order as ``articles``.
        table: Per-term counts across articles (see :class:`TermRow`).
        files: The lexicon files read, with SHA-256 for provenance.
        errors: Problems in user lexicons (the rest loaded).
        warnings: Caveats per article (``language_warning`` for non-English text).
        loaded_scores: The learned model's score of each article, same order as
            ``articles`` (empty when the ``learned`` category is switched off).
    """

    articles: tuple[str, ...]
    categories: tuple[Category, ...]
    hits: tuple[TermHit, ...]
    rates: tuple[ArticleRates, ...]
    table: tuple[TermRow, ...]
    files: tuple[LexiconFile, ...] = ()
    errors: tuple[LexiconProblem, ...] = ()
    warnings: tuple[ArticleWarning, ...] = ()
    loaded_scores: tuple[LoadedScore, ...] = ()

    def hits_in(self, article_id: str) -> tuple[TermHit, ...]:
        """The hits of one article."""
        return tuple(h for h in self.hits if h.article == article_id)

    def rates_of(self, article_id: str) -> ArticleRates:
        """The rates of one article.

        Raises:
            KeyError: If the article is not in the report.
        """
        for rates in self.rates:
            if rates.article == article_id:
                return rates
        raise KeyError(article_id)

    def score_of(self, article_id: str) -> LoadedScore | None:
        """The learned model's score of one article, or None when it was not scored."""
        return next((s for s in self.loaded_scores if s.article == article_id), None)


def _with_model(lex: LexiconSet, settings: TermSettings | None) -> tuple[LexiconSet, bool]:
    """Add the learned category unless it is switched off (or a user category took its name).

    Without a readable model file (e.g. a build that left the AGPL model out) the lexicons
    carry on alone and the problem is listed with the lexicon errors.
    """
    disabled = settings.disabled_categories if settings is not None else ()
    if LEARNED in disabled or LEARNED in lex.names:
        return lex, False
    from analysis.terms.learned import ModelError, load_model  # read on first use

    try:
        model = load_model()
    except ModelError as exc:
        problem = LexiconFileError("models/loaded.json", None, exc.message, code=exc.code)
        return LexiconSet(lex.categories, lex.files, (*lex.errors, problem)), False
    return LexiconSet((*lex.categories, learned_category(model)), lex.files, lex.errors), True


def analyse_terms(
    articles: Sequence[Article],
    settings: TermSettings | None = None,
    *,
    lexicons: LexiconSet | None = None,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> TermReport:
    """Find loaded terms in every article and count them per category.

    Args:
        articles: The articles (any number, empty texts allowed).
        settings: Term settings; defaults when None.
        lexicons: Lexicons to use instead of loading them from ``settings``.
        progress: Called with ``(fraction, label)`` after each article.
        is_cancelled: Polled before each article.

    Returns:
        The report.

    Raises:
        Cancelled: When ``is_cancelled()`` became true.
    """
    lex, use_model = _with_model(
        lexicons if lexicons is not None else load_lexicons(settings), settings
    )
    hits: list[TermHit] = []
    rates: list[ArticleRates] = []
    warnings: list[ArticleWarning] = []
    scores: list[LoadedScore] = []
    for n, art in enumerate(articles):
        check_cancelled(is_cancelled)
        quotes = quotation_spans(art.text)
        found = find_terms(art, lex, quotes)
        if use_model:
            score, learned = _score(art, found, quotes, lex)
            scores.append(score)
            found = tuple(sorted((*found, *learned), key=lambda h: (h.start, h.end, h.category)))
        hits.extend(found)
        rates.append(article_rates(art, found, quotes, lex))
        warning = language_warning(art.text)
        if warning:
            warnings.append(ArticleWarning(art.id, "language_warning", warning))
        if progress is not None:
            progress((n + 1) / len(articles), f"Loaded terms: {art.outlet}")
    ids = tuple(a.id for a in articles)
    return TermReport(
        articles=ids,
        categories=lex.categories,
        hits=tuple(hits),
        rates=tuple(rates),
        table=term_table(ids, hits),
        files=lex.files,
        errors=tuple(LexiconProblem.from_error(e) for e in lex.errors),
        warnings=tuple(warnings),
        loaded_scores=tuple(scores),
    )


def _score(
    art: Article, found: Sequence[TermHit], quotes: Sequence[Span], lex: LexiconSet
) -> tuple[LoadedScore, tuple[TermHit, ...]]:
    from analysis.terms.learned import load_model

    return score_article(art, found, quotes, load_model(), lex.loaded_names - {LEARNED})
