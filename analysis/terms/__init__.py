"""Loaded terms: lexicons, matching with offsets, frequencies, keyword in context."""

from analysis.terms.settings import TermSettings

__all__ = ["TermSettings"]
