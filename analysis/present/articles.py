"""The articles overview: one row per compared article, for the app and the reports.

The app's sources list and the reports' "Articles" table read the same cells from
:func:`article_row`, so an outlet's label, its headline, date, source and counts are
worded once. The outlet and its word count point at the article's text: its headline, or
its first paragraph when the text opens with its lead (:func:`first_passage`).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.leans import OutletLeans
from analysis.model import Article
from analysis.present.labels import outlet_labels
from analysis.present.tables import Cell, Evidence, Table
from analysis.result import ComparisonResult

__all__ = [
    "NO_DATE",
    "article_headers",
    "article_row",
    "articles_table",
    "first_passage",
    "result_articles_table",
]

#: The date cell of an article without a date.
NO_DATE = "unknown"

_BEFORE_LEAN = ("Outlet",)
_AFTER_LEAN = ("Headline", "Date", "Author", "Source", "Words", "Paragraphs", "Sentences")


def article_headers(*, leans: bool) -> tuple[str, ...]:
    """The overview's headers, with a "Lean" column when the user chose outlet ratings."""
    return (*_BEFORE_LEAN, *(("Lean",) if leans else ()), *_AFTER_LEAN)


def first_passage(article: Article) -> Evidence | None:
    """The article's first shown passage: its headline, else its first paragraph.

    A text that opens with its lead (a dateline-led plain-text file) has no headline;
    links to "the article" then land on its lead instead of nowhere.
    """
    span = article.headline if article.title else next(iter(article.paragraphs), None)
    if span is None or span.end <= span.start:
        return None
    return (article.id, int(span.start), int(span.end))


def article_row(article: Article, label: str, lean: str | None) -> tuple[Cell, ...]:
    """One article's cells, in :func:`article_headers` order.

    Args:
        article: The article.
        label: Its outlet's display label (:func:`analysis.present.labels.outlet_labels`).
        lean: Its lean as shown (``not rated`` included), or None for no Lean column.
    """
    where = first_passage(article)
    body = len(article.paragraphs) - (1 if article.title else 0)
    return (
        Cell(label, tooltip=article.outlet, evidence=where),
        *((Cell(lean),) if lean is not None else ()),
        Cell(article.title, tooltip=article.title),
        Cell(article.date or NO_DATE),
        Cell(article.author or ""),
        Cell(article.url or article.source),
        Cell.number(article.word_count, 0, evidence=where),
        Cell.number(body, 0),
        Cell.number(len(article.sentences), 0),
    )


def articles_table(articles: Sequence[Article], leans: OutletLeans | None) -> Table:
    """The overview of the articles, in the comparison's order.

    Args:
        articles: The compared (or loaded) articles.
        leans: The user's outlet leans, or None (no Lean column).
    """
    labels = outlet_labels(articles)
    rows = tuple(
        article_row(a, labels[a.id], None if leans is None else leans.label(a.id)) for a in articles
    )
    note = "" if leans is None else leans.note()
    headers = article_headers(leans=leans is not None)
    return Table(headers, rows, note, stretch=headers.index("Headline"))


def result_articles_table(result: ComparisonResult) -> Table:
    """The overview of a result's articles, with the leans it was compared with."""
    return articles_table(result.articles, result.leans)
