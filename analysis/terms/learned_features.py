"""Words and features of the learned model of loaded wording (training and use share them).

Split from :mod:`analysis.terms.learned`, which re-exports every name here: the word
tokenizer, the crude lemma, and the feature names of one word and of one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from analysis.text.embedding import TokenIndex

__all__ = [
    "Token",
    "lemma",
    "sentence_features",
    "sentence_token_ids",
    "tokens",
    "with_categories",
    "word_features",
    "word_spans",
]

_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_NO_CATEGORIES: frozenset[str] = frozenset()


class Token(NamedTuple):
    """A word of a sentence: offsets into the text it came from, and its lexicon categories.

    A named tuple rather than a dataclass: an article has thousands of words, and tuples
    are built several times faster.
    """

    start: int
    end: int
    text: str
    categories: frozenset[str] = _NO_CATEGORIES


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The words of ``text[start:end]`` as plain ``(start, end, text)`` tuples (the fast path)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, stop)]


_ENDINGS = ("ingly", "edly", "ing", "ed", "ly", "es", "s")


def lemma(low: str) -> str:
    """A crude lemma of a lower-case word: one inflectional ending stripped.

    ``claims``, ``claimed`` and ``claiming`` all give ``claim``; a stem shorter than three
    letters is not cut (``sing`` stays). Used to match the model's switched-off words.
    """
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)]
    return low


def word_features(words: Sequence[Token], i: int) -> list[str]:
    """Names of the features of word ``i`` of a sentence (binary features, value 1)."""
    word = words[i]
    low = word.text.lower()
    prev = words[i - 1].text.lower() if i > 0 else "<s>"
    nxt = words[i + 1].text.lower() if i + 1 < len(words) else "</s>"
    feats = [f"w={low}", f"p={prev}", f"n={nxt}", f"l={min(len(low), 12) // 3}"]
    if len(low) >= 5:
        feats += [f"s3={low[-3:]}", f"s4={low[-4:]}"]
    if i > 0 and word.text[0].isupper():
        feats.append("cap")
    feats += [f"lex={c}" for c in sorted(word.categories)]
    return feats


def sentence_features(words: Sequence[Token], top_word: float) -> dict[str, float]:
    """Features of one sentence: its words, lexicon hits and strongest word probability."""
    feats: dict[str, float] = {f"u={w.text.lower()}": 1.0 for w in words}
    for word in words:
        for cat in word.categories:
            feats[f"lex={cat}"] = feats.get(f"lex={cat}", 0.0) + 1.0
    feats["top_word"] = top_word
    return feats


def sentence_token_ids(texts: Sequence[str], index: TokenIndex) -> list[int]:
    """The token ids a sentence's vector averages: its words lower-cased, tokenized alone."""
    return [i for ids in index.token_ids([t.lower() for t in texts]) for i in ids]


def with_categories(words: Iterable[Token], spans: Iterable[tuple[int, int, str]]) -> list[Token]:
    """Attach to each word the categories of the lexicon hits ``(start, end, cat)`` over it."""
    hits = list(spans)
    if not hits:
        return list(words)
    out = []
    for w in words:
        cats = frozenset(c for s, e, c in hits if s < w.end and w.start < e)
        out.append(Token(w.start, w.end, w.text, cats) if cats else w)
    return out
