"""Is this English? The built-in lexicons are English; other languages get a warning."""

from __future__ import annotations

from analysis.terms.inflect import TOKEN_RE

__all__ = ["english_share", "language_warning"]

# The commonest English function words; running English prose has 35-50 % of them.
_ENGLISH = frozenset(
    "the of and to a in is that for it on was with as he she by at from his her be are "
    "were has have had not this but they their an or which said will would been its who "
    "we you i after also than more about over".split()
)
_MIN_TOKENS = 20
_THRESHOLD = 0.15


def english_share(text: str) -> float:
    """Share of tokens that are common English function words (0 for empty text)."""
    tokens = TOKEN_RE.findall(text.lower())
    return sum(1 for t in tokens if t in _ENGLISH) / len(tokens) if tokens else 0.0


def language_warning(text: str) -> str | None:
    """Return a one-sentence warning when ``text`` does not look English, else None.

    Texts under 20 tokens are too short to judge and get no warning; only the first
    20,000 characters are looked at (enough to judge, fast on huge texts).
    """
    if len(TOKEN_RE.findall(text, 0, 4000)) < _MIN_TOKENS:
        return None
    if english_share(text[:20000]) >= _THRESHOLD:
        return None
    return (
        "This article does not look English; Slant's built-in lexicons are English, "
        "so its loaded-term counts are not meaningful."
    )
