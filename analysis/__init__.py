"""Slant's core: load articles, align their passages, measure how each outlet words them.

Pure Python: never imports Qt or the desktop package. The public API is listed in
``__all__``; everything else is private to its module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis._lazy import lazy_exports

__version__ = "0.1.0"

if TYPE_CHECKING:
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
        SettingsError,
        SlantError,
    )
    from analysis.events import Event, EventGrouping, GroupingSettings, group_articles
    from analysis.frames import to_frames
    from analysis.framing import FramingReport, analyse_framing, quotation_spans
    from analysis.ingest import load_pasted, load_sample, load_source
    from analysis.ingest.table import TableLoad, load_table
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
    from analysis.terms.kwic_sort import kwic_csv, sort_kwic
    from analysis.vocab import DistinctiveReport, distinctive_terms
    from analysis.vocab.keyness import KeyTerm, OutletKeyness, keyness

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
    "Event",
    "EventGrouping",
    "FramingReport",
    "GroupingSettings",
    "KeyTerm",
    "KwicLine",
    "LexiconError",
    "LexiconSet",
    "Link",
    "LoadError",
    "MatchKind",
    "OutletKeyness",
    "PairShare",
    "Passage",
    "Position",
    "ProjectError",
    "Readability",
    "ReportError",
    "SentenceMatch",
    "SettingsError",
    "SlantError",
    "Span",
    "TableLoad",
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
    "group_articles",
    "keyness",
    "kwic",
    "kwic_csv",
    "load_lexicons",
    "load_pasted",
    "load_sample",
    "load_source",
    "load_table",
    "match_sentences",
    "quotation_spans",
    "readability_of",
    "sort_kwic",
    "to_frames",
]

# Public names are imported on first use, so `import analysis` does not load numpy & co.
_EXPORTS = {
    "Alignment": "analysis.align",
    "AlignmentSettings": "analysis.align",
    "AnalysisError": "analysis.errors",
    "Article": "analysis.model",
    "Cancelled": "analysis.errors",
    "Change": "analysis.align",
    "ChangeKind": "analysis.align",
    "Cluster": "analysis.align",
    "ClusterMember": "analysis.align",
    "CompareSettings": "analysis.settings",
    "ComparisonResult": "analysis.result",
    "Coverage": "analysis.align",
    "DistinctiveReport": "analysis.vocab",
    "Event": "analysis.events",
    "EventGrouping": "analysis.events",
    "GroupingSettings": "analysis.events",
    "group_articles": "analysis.events",
    "FramingReport": "analysis.framing",
    "KwicLine": "analysis.terms",
    "LexiconError": "analysis.errors",
    "LexiconSet": "analysis.terms",
    "Link": "analysis.align",
    "LoadError": "analysis.errors",
    "MatchKind": "analysis.align",
    "PairShare": "analysis.align",
    "Passage": "analysis.align",
    "Position": "analysis.align",
    "ProjectError": "analysis.errors",
    "Readability": "analysis.readability",
    "ReportError": "analysis.errors",
    "SettingsError": "analysis.errors",
    "SentenceMatch": "analysis.align",
    "SlantError": "analysis.errors",
    "Span": "analysis.model",
    "TermHit": "analysis.terms",
    "TermReport": "analysis.terms",
    "TermSettings": "analysis.terms",
    "align_articles": "analysis.align",
    "analyse_framing": "analysis.framing",
    "analyse_terms": "analysis.terms",
    "compare": "analysis.pipeline",
    "distinctive_terms": "analysis.vocab",
    "find_terms": "analysis.terms",
    "kwic": "analysis.terms",
    "load_lexicons": "analysis.terms",
    "load_pasted": "analysis.ingest",
    "load_sample": "analysis.ingest",
    "load_source": "analysis.ingest",
    "match_sentences": "analysis.align",
    "quotation_spans": "analysis.framing",
    "readability_of": "analysis.readability",
    "to_frames": "analysis.frames",
    "TableLoad": "analysis.ingest.table",
    "load_table": "analysis.ingest.table",
    "kwic_csv": "analysis.terms.kwic_sort",
    "sort_kwic": "analysis.terms.kwic_sort",
    "KeyTerm": "analysis.vocab.keyness",
    "OutletKeyness": "analysis.vocab.keyness",
    "keyness": "analysis.vocab.keyness",
}
__getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)
