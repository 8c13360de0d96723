"""Passage alignment across articles: which outlets carry the same content, and how.

Public API: :func:`align_articles` (the whole alignment) and :func:`match_sentences`
(the pairwise decision it is built on), with the frozen values they return.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis._lazy import lazy_exports

if TYPE_CHECKING:
    from analysis.align.aligner import align_articles
    from analysis.align.matcher import MatchKind, SentenceMatch, match_sentences
    from analysis.align.settings import AlignmentSettings
    from analysis.align.values import (
        Alignment,
        Change,
        ChangeKind,
        Cluster,
        ClusterMember,
        Coverage,
        Link,
        PairShare,
        Passage,
        Position,
    )

__all__ = [
    "Alignment",
    "AlignmentSettings",
    "Change",
    "ChangeKind",
    "Cluster",
    "ClusterMember",
    "Coverage",
    "Link",
    "MatchKind",
    "PairShare",
    "Passage",
    "Position",
    "SentenceMatch",
    "align_articles",
    "match_sentences",
]

# Public names are imported on first use, so importing the package does not load numpy.
_EXPORTS = {
    "Alignment": "analysis.align.values",
    "AlignmentSettings": "analysis.align.settings",
    "Change": "analysis.align.values",
    "ChangeKind": "analysis.align.values",
    "Cluster": "analysis.align.values",
    "ClusterMember": "analysis.align.values",
    "Coverage": "analysis.align.values",
    "Link": "analysis.align.values",
    "MatchKind": "analysis.align.matcher",
    "PairShare": "analysis.align.values",
    "Passage": "analysis.align.values",
    "Position": "analysis.align.values",
    "SentenceMatch": "analysis.align.matcher",
    "align_articles": "analysis.align.aligner",
    "match_sentences": "analysis.align.matcher",
}
__getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)
