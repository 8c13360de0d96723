"""Distinctive vocabulary: which words set each outlet's article apart (Fightin' Words, TF-IDF)."""

from analysis.vocab.distinctive import (
    ArticleVocabulary,
    DistinctiveReport,
    DistinctiveTerm,
    distinctive_terms,
)

__all__ = ["ArticleVocabulary", "DistinctiveReport", "DistinctiveTerm", "distinctive_terms"]
