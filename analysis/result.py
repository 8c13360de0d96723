"""The result of comparing a set of articles: one frozen value the GUI and reports read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.model import Article
from analysis.settings import CompareSettings

if TYPE_CHECKING:
    from analysis.align.values import Alignment
    from analysis.disagree.values import DisagreementReport
    from analysis.framing.report import FramingReport
    from analysis.leans import OutletLeans
    from analysis.readability import Readability
    from analysis.terms.report import TermReport
    from analysis.vocab.distinctive import DistinctiveReport

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
    alignment: Alignment | None = None
    terms: TermReport | None = None
    framing: FramingReport | None = None
    distinctive_terms: DistinctiveReport | None = None
    readability: tuple[Readability, ...] | None = None
    disagreements: DisagreementReport | None = None
    # --- the user's outlet ratings (analysis.leans), None without a ratings file ---
    leans: OutletLeans | None = None

    def article(self, article_id: str) -> Article:
        """Return the article with the given id.

        Raises:
            KeyError: If no article has that id.
        """
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)
