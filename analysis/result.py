"""The result of comparing a set of articles: one frozen value the GUI and reports read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analysis.model import Article
from analysis.settings import CompareSettings

__all__ = ["ComparisonResult"]


@dataclass(frozen=True, slots=True)
class ComparisonResult:
    """All findings of one comparison, each tied to character offsets in ``articles``.

    Sections that were not computed are None. Section types are defined by their
    packages (alignment, terms, framing, vocabulary, readability).
    """

    articles: tuple[Article, ...]
    settings: CompareSettings
    created: str
    # --- sections (each owned by its package) ---
    alignment: Any = None
    terms: Any = None
    framing: Any = None
    distinctive_terms: Any = None
    readability: Any = None

    def article(self, article_id: str) -> Article:
        """Return the article with the given id.

        Raises:
            KeyError: If no article has that id.
        """
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)
