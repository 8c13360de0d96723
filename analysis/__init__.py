"""Slant's core: load articles, align their passages, measure how each outlet words them.

Pure Python: never imports Qt or the desktop package. The public API is listed in
``__all__``; everything else is private to its module.
"""

from __future__ import annotations

__version__ = "0.1.0"

from analysis.align import (
    Alignment,
    AlignmentSettings,
    Change,
    ChangeKind,
    Cluster,
    ClusterMember,
    Coverage,
    Link,
    MatchKind,
    PairShare,
    Passage,
    Position,
    SentenceMatch,
    align_articles,
    match_sentences,
)
from analysis.errors import (
    AnalysisError,
    Cancelled,
    LexiconError,
    LoadError,
    ProjectError,
    ReportError,
    SlantError,
)
from analysis.ingest import load_pasted, load_sample, load_source
from analysis.model import Article, Span
from analysis.pipeline import compare
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings

__all__ = [
    "Alignment",
    "AlignmentSettings",
    "AnalysisError",
    "Article",
    "Cancelled",
    "Change",
    "ChangeKind",
    "Cluster",
    "ClusterMember",
    "CompareSettings",
    "ComparisonResult",
    "Coverage",
    "LexiconError",
    "Link",
    "LoadError",
    "MatchKind",
    "PairShare",
    "Passage",
    "Position",
    "ProjectError",
    "ReportError",
    "SentenceMatch",
    "SlantError",
    "Span",
    "__version__",
    "align_articles",
    "compare",
    "load_pasted",
    "load_sample",
    "load_source",
    "match_sentences",
]
