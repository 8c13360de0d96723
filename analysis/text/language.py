"""Is this English? The one check behind the loaded-term warning and readability.

The built-in lexicons and the readability formulas are English. A text counts as English
when at least 80 % of its letters are Latin and at least 15 % of its words are common
English function words (running English prose has 35–50 %). Texts under 20 words are too
short to judge and count as English; only the first 20,000 characters are looked at.
"""

from __future__ import annotations

import re

__all__ = ["LETTER_WORD_RE", "MIN_WORDS", "english_share", "looks_english"]

_ENGLISH = frozenset(
    "the of and to a in is that for it on was with as he she by at from his her be are "
    "were has have had not this but they their an or which said will would been its who "
    "we you i after also than more about over".split()
)
#: Words of letters only (no digits): what the language check and readability count.
LETTER_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_WORD = LETTER_WORD_RE
MIN_WORDS = 20
_MIN_ENGLISH_SHARE = 0.15
_MIN_LATIN_SHARE = 0.8
_LOOK = 20_000  # characters: enough to judge, fast on a 20 MB text


def english_share(text: str) -> float:
    """Share of words that are common English function words (0 for text without words)."""
    words = _WORD.findall(text.lower())
    return sum(1 for w in words if w in _ENGLISH) / len(words) if words else 0.0


def looks_english(text: str) -> bool:
    """Whether ``text`` looks like English prose (see the module docstring)."""
    words = _WORD.findall(text[:_LOOK])
    if len(words) < MIN_WORDS:
        return True
    letters = [c for w in words for c in w]
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f") / len(letters)
    common = sum(1 for w in words if w.lower() in _ENGLISH) / len(words)
    return latin >= _MIN_LATIN_SHARE and common >= _MIN_ENGLISH_SHARE
