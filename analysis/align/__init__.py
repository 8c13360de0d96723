"""Passage alignment across articles: which outlets carry the same content, and how.

Public API: :func:`align_articles` (the whole alignment) and :func:`match_sentences`
(the pairwise decision it is built on), with the frozen values they return.
"""

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
