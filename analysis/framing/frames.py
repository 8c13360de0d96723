"""Frame emphasis: which Policy Frames Codebook dimensions an article's words lean on.

Seed words per dimension live in ``resources/lexicons/frames/policy_frames.toml`` (same
format as the term lexicons) and are matched with the terms matcher, so inflections,
phrases and ``in_quote`` work the same way. The emphasis of a dimension is its share of all
frame hits in the article — a profile of attention, not a classification.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from analysis.model import Article, Span
from analysis.resources import resource
from analysis.terms.lexicon import LexiconSet
from analysis.terms.matcher import TermHit, find_terms
from analysis.terms.parse import parse_lexicon

__all__ = ["FRAME_FILE", "FrameEmphasis", "frame_emphasis", "frame_lexicon"]

FRAME_FILE = ("lexicons", "frames", "policy_frames.toml")


@dataclass(frozen=True, slots=True)
class FrameEmphasis:
    """Frame hits of one article by dimension.

    Attributes:
        article: Article id.
        outlet: Outlet name.
        counts: ``(dimension, own-voice hits, quoted hits)`` for every dimension, in
            codebook order.
        hits: The hits (evidence), in text order.
    """

    article: str
    outlet: str
    counts: tuple[tuple[str, int, int], ...]
    hits: tuple[TermHit, ...]

    def share(self, dimension: str) -> float:
        """Share of all frame hits that belong to ``dimension`` (0 when there are none)."""
        total = sum(own + quoted for _, own, quoted in self.counts)
        for name, own, quoted in self.counts:
            if name == dimension:
                return (own + quoted) / total if total else 0.0
        return 0.0


@cache
def frame_lexicon() -> LexiconSet:
    """The built-in frame seeds as a lexicon set (read once).

    Raises:
        LexiconError: When the shipped file is broken (a bug in Slant).
    """
    raw = resource(*FRAME_FILE).read_bytes()
    categories, errors = parse_lexicon(raw, "/".join(FRAME_FILE[1:]), builtin=True)
    if errors:
        raise errors[0]
    return LexiconSet(tuple(categories))


def frame_emphasis(article: Article, quotes: Sequence[Span]) -> FrameEmphasis:
    """Count frame-seed hits per dimension in one article.

    Args:
        article: The article.
        quotes: Its direct-quotation spans (hits inside are counted as quoted).
    """
    lexicon = frame_lexicon()
    hits = find_terms(article, lexicon, quotes)
    counted = Counter((h.category, h.in_quote) for h in hits)
    counts = tuple((n, counted[n, False], counted[n, True]) for n in lexicon.names)
    return FrameEmphasis(article.id, article.outlet, counts, hits)
