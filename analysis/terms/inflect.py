"""Tokens and inflected forms for lexicon matching.

Matching works on tokens (runs of letters and digits, lower-cased, curly apostrophes
folded). A lexicon word expands to a small set of forms: plural/third person (-s, -es,
-ies), past (-ed, -d, -ied, with consonant doubling: slam → slammed) and present
participle (-ing, e-drop, doubling). Over-generation is harmless when the extra form is
not an English word ("stabed"); forms that would be real, unrelated words are avoided
(a one-syllable word whose final consonant doubles gets only the doubled form, so "rat"
never yields "rated").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate, chain

__all__ = ["FUNCTION_WORDS", "TOKEN_RE", "inflections", "token_table", "tokenize"]

# Letters and digits; apostrophes and hyphens split tokens ("so-called" → so, called).
TOKEN_RE = re.compile(r"[^\W_]+")
_SEP_TOKEN_RE = re.compile(r"([\W_]*)([^\W_]+)")

# Short grammatical words inside phrases are matched as written, never inflected.
FUNCTION_WORDS = frozenset(
    "a an the in on of to for by with at from into out up off over as and or but not no "
    "so its his her their our your my this that these those be is was were are it".split()
)
_VOWELS = "aeiou"
_SIBILANT = ("s", "x", "z", "ch", "sh")


def tokenize(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, lower-cased token)`` for each token of ``text``."""
    for match in TOKEN_RE.finditer(text):
        yield match.start(), match.end(), match.group().lower()


def token_table(text: str) -> tuple[list[str], list[int]]:
    """Tokenize ``text`` fast: lower-cased tokens and their bounds.

    Returns:
        ``(words, bounds)`` where token ``i`` spans ``bounds[2*i]`` to ``bounds[2*i+1]``.
        The loops run in C (findall, accumulate): about the cost of a plain ``findall``.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters grow when lower-cased (İ)
        triples = list(tokenize(text))
        return [t for _, _, t in triples], [x for s, e, _ in triples for x in (s, e)]
    pairs = _SEP_TOKEN_RE.findall(lowered)
    bounds = list(accumulate(map(len, chain.from_iterable(pairs))))
    return [w for _, w in pairs], bounds


def inflections(word: str) -> frozenset[str]:
    """Return ``word`` with its regular inflected forms (all lower case).

    Args:
        word: One token of a lexicon term.

    Returns:
        The forms; only ``word`` itself for numbers, very short and function words.
    """
    w = word.lower()
    if len(w) < 3 or w in FUNCTION_WORDS or not w.isalpha():
        return frozenset((w,))
    forms = {w, _plural(w)}
    forms.update(_past(w))
    forms.update(_participle(w))
    return frozenset(forms)


def _syllables(w: str) -> int:
    return len(re.findall(r"[aeiouy]+", w.rstrip("e"))) or 1


def _doubles(w: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing (slam, stab, admit)."""
    return (
        len(w) >= 3 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS
    )


def _plural(w: str) -> str:
    if w.endswith(_SIBILANT):
        return w + "es"
    if w.endswith("y") and w[-2] not in _VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def _past(w: str) -> set[str]:
    if w.endswith("e"):
        return {w + "d"}
    if w.endswith("y") and w[-2] not in _VOWELS:
        return {w[:-1] + "ied"}
    if _doubles(w):
        doubled = w + w[-1] + "ed"
        # A one-syllable word only doubles; longer ones vary (admitted, targeted).
        return {doubled} if _syllables(w) == 1 else {doubled, w + "ed"}
    return {w + "ed"}


def _participle(w: str) -> set[str]:
    if w.endswith("ie"):
        return {w[:-2] + "ying"}
    if w.endswith("e") and not w.endswith("ee"):
        return {w[:-1] + "ing"}
    if _doubles(w):
        doubled = w + w[-1] + "ing"
        return {doubled} if _syllables(w) == 1 else {doubled, w + "ing"}
    return {w + "ing"}
