"""The units the aligner matches: sentences, with overlong ones cut into chunks.

A unit knows its article, its character range and the paragraph it sits in; its tokens
carry offsets into the article text, so every later step reports offsets, never copies.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from analysis.align.normalize import Tokens, tokenize
from analysis.model import Article, Span

__all__ = ["Units", "build_units"]


@dataclass(frozen=True, slots=True)
class Units:
    """All units of an alignment, as parallel arrays (index = unit number).

    Attributes:
        article: Index of each unit's article in the input.
        start: Start offset in the article text.
        end: End offset.
        paragraph: Index of the paragraph the unit lies in (0 = headline).
        ordinal: Unit's position among its article's units.
        tokens: Each unit's tokens (offsets are article offsets).
        n_words: Each unit's word count (a tuple: cheap to index one at a time).
        spans: Each unit's ``(article, start, end)`` as plain ints, for the same reason.
    """

    article: NDArray[np.intp]
    start: NDArray[np.intp]
    end: NDArray[np.intp]
    paragraph: NDArray[np.intp]
    ordinal: NDArray[np.intp]
    tokens: tuple[Tokens, ...]
    n_words: tuple[int, ...]
    spans: tuple[tuple[int, int, int], ...]

    def __len__(self) -> int:
        return len(self.tokens)


def build_units(articles: Sequence[Article], max_chars: int) -> Units:
    """Split every article into matchable units (sentences or chunks with words).

    Args:
        articles: The input articles.
        max_chars: Sentences longer than this are cut at spaces into chunks.

    Returns:
        The units, article by article, in text order.
    """
    rows: list[tuple[int, int, int, int, int]] = []
    tokens: list[Tokens] = []
    for a, article in enumerate(articles):
        ordinal = 0
        para_starts = [p.start for p in article.paragraphs]
        for sentence in article.sentences:
            para = max(0, bisect_right(para_starts, sentence.start) - 1)
            for start, end in _chunks(article.text, sentence, max_chars):
                tok = tokenize(article.text[start:end], start)
                if tok.words:
                    rows.append((a, start, end, para, ordinal))
                    tokens.append(tok)
                    ordinal += 1
    table = np.array(rows, dtype=np.intp).reshape(-1, 5)
    return Units(
        article=table[:, 0].copy(),
        start=table[:, 1].copy(),
        end=table[:, 2].copy(),
        paragraph=table[:, 3].copy(),
        ordinal=table[:, 4].copy(),
        tokens=tuple(tokens),
        n_words=tuple(len(t.words) for t in tokens),
        spans=tuple((a, start, end) for a, start, end, _, _ in rows),
    )


def _chunks(text: str, sentence: Span, max_chars: int) -> list[tuple[int, int]]:
    """Cut a sentence into pieces of at most about ``max_chars``, at spaces when possible."""
    out: list[tuple[int, int]] = []
    max_chars = max(2, max_chars)  # below 2 the cut would never advance
    start, end = sentence.start, sentence.end
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut if cut > start else start + max_chars
        out.append((start, cut))
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        out.append((start, end))
    return out
