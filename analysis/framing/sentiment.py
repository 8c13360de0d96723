"""Sentiment with VADER — a rough lexicon measure, and labelled as such in every output.

VADER (Hutto & Gilbert 2014) scores English sentences from a valence lexicon and a few
rules; it knows nothing of the story, the speaker or irony. Slant reports the mean
compound score of the sentences of an article or passage (−1 … +1), with the shares of
positive and negative sentences, so that large differences between outlets are visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from analysis.model import Article, Span

__all__ = ["METHOD", "Sentiment", "sentence_scores", "sentiment_of"]

METHOD = "VADER compound score, mean over sentences (rough lexicon measure)"
_POSITIVE = 0.05  # VADER's own suggested cut-offs for a positive/negative sentence
_PIECE = 800  # characters VADER scores at once (see _score)


@dataclass(frozen=True, slots=True)
class Sentiment:
    """Sentiment of an article or passage.

    Attributes:
        compound: Mean VADER compound score of its sentences, −1 … +1.
        positive: Share of sentences scoring ≥ 0.05.
        negative: Share of sentences scoring ≤ −0.05.
        sentences: Number of sentences scored.
        method: Always :data:`METHOD` (a rough lexicon measure).
    """

    compound: float
    positive: float
    negative: float
    sentences: int
    method: str = METHOD


@cache
def _analyzer() -> Any:
    # Imported here: vaderSentiment (and requests, which it imports) cost start-up time.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentence_scores(article: Article) -> tuple[float, ...]:
    """VADER compound score of each of the article's sentences."""
    return tuple(_score(s.slice(article.text)) for s in article.sentences)


def _score(text: str) -> float:
    """VADER's compound score; an overlong "sentence" is scored in pieces and averaged.

    VADER lower-cases the whole sentence again for every word it looks at, which is
    quadratic: a 200 KB line without full stops would take minutes. Real sentences are far
    below :data:`_PIECE`, so their scores are VADER's own.
    """
    score = _analyzer().polarity_scores
    if len(text) <= _PIECE:
        return float(score(text)["compound"])
    pieces: list[tuple[int, float]] = []
    start = 0
    while start < len(text):
        cut = (
            text.rfind(" ", start + _PIECE // 2, start + _PIECE)
            if len(text) - start > _PIECE
            else -1
        )
        end = cut if cut > start else min(len(text), start + _PIECE)
        pieces.append((end - start, float(score(text[start:end])["compound"])))
        start = end
    total = sum(n for n, _ in pieces)
    return sum(n * value for n, value in pieces) / total


def sentiment_of(
    article: Article, within: Span | None = None, scores: Sequence[float] | None = None
) -> Sentiment:
    """Score the sentences of ``article`` (only those overlapping ``within`` if given).

    Args:
        article: The article.
        within: A passage to restrict to; its sentences are clipped to it.
        scores: :func:`sentence_scores` of the article, if already computed (reused for
            sentences wholly inside ``within``).
    """
    known = scores if scores is not None else None
    chosen: list[float] = []
    for index, sentence in enumerate(article.sentences):
        if within is not None and not sentence.overlaps(within):
            continue
        if known is not None and (within is None or within.contains(sentence)):
            chosen.append(known[index])
            continue
        part = (
            sentence
            if within is None
            else Span(max(sentence.start, within.start), min(sentence.end, within.end))
        )
        chosen.append(_score(part.slice(article.text)))
    return _summary(chosen)


def _summary(scores: Sequence[float]) -> Sentiment:
    if not scores:
        return Sentiment(0.0, 0.0, 0.0, 0)
    n = len(scores)
    return Sentiment(
        round(sum(scores) / n, 4),
        round(sum(1 for x in scores if x >= _POSITIVE) / n, 4),
        round(sum(1 for x in scores if x <= -_POSITIVE) / n, 4),
        n,
    )
