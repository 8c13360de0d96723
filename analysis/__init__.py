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
from analysis.framing import FramingReport, analyse_framing, quotation_spans
from analysis.ingest import load_pasted, load_sample, load_source
from analysis.model import Article, Span
from analysis.pipeline import compare
from analysis.readability import Readability, readability_of
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings
from analysis.terms import (
    KwicLine,
    LexiconSet,
    TermHit,
    TermReport,
    TermSettings,
    analyse_terms,
    find_terms,
    kwic,
    load_lexicons,
)
from analysis.vocab import DistinctiveReport, distinctive_terms

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
    "DistinctiveReport",
    "FramingReport",
    "KwicLine",
    "LexiconError",
    "LexiconSet",
    "Link",
    "LoadError",
    "MatchKind",
    "PairShare",
    "Passage",
    "Position",
    "ProjectError",
    "Readability",
    "ReportError",
    "SentenceMatch",
    "SlantError",
    "Span",
    "TermHit",
    "TermReport",
    "TermSettings",
    "__version__",
    "align_articles",
    "analyse_framing",
    "analyse_terms",
    "compare",
    "distinctive_terms",
    "find_terms",
    "kwic",
    "load_lexicons",
    "load_pasted",
    "load_sample",
    "load_source",
    "match_sentences",
    "quotation_spans",
    "readability_of",
]
