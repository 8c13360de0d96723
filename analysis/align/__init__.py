"""Passage alignment across articles."""

from analysis.align.settings import AlignmentSettings

__all__ = ["AlignmentSettings"]
