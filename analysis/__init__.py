"""Slant's core: load articles, align their passages, measure how each outlet words them.

Pure Python: never imports Qt or the desktop package. The public API is listed in
``__all__``; everything else is private to its module.
"""

from __future__ import annotations

__version__ = "0.1.0"

from analysis.errors import (
    AnalysisError,
    Cancelled,
    LexiconError,
    LoadError,
    ProjectError,
    ReportError,
    SlantError,
)
from analysis.model import Article, Span
from analysis.pipeline import compare
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings

__all__ = [
    "AnalysisError",
    "Article",
    "Cancelled",
    "CompareSettings",
    "ComparisonResult",
    "LexiconError",
    "LoadError",
    "ProjectError",
    "ReportError",
    "SlantError",
    "Span",
    "__version__",
    "compare",
]
