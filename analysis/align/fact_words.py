"""Words of the shared-fact features: crude stems, names by casing, per-sentence bags.

Used by :mod:`analysis.align.facts`; kept apart so that each module stays short.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import Any

import numpy as np
from numpy.typing import NDArray

from analysis.align.features import bag_of_words
from analysis.align.normalize import STOPWORDS, Tokens, is_number

__all__ = ["distinct_bags", "name_stems", "stem", "unit_stems"]

# Words that say how something was reported, not what: they are no shared fact.
_REPORTING = frozenset(
    """told according statement reporters report reported reports added adds noted
    mr ms mrs dr one two new year years time people week day thursday friday monday
    tuesday wednesday saturday sunday yesterday today tonight last first""".split()
)
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "dozen": "12", "hundred": "100",
    "thousand": "1000", "million": "1000000", "billion": "1000000000",
}  # fmt: skip
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
_ALIASES = {("u", "s"): "u.s.", ("u", "n"): "u.n.", ("u", "k"): "u.k."}


@cache
def stem(word: str) -> str | None:
    """A crude stem of a content word, or None for a function or reporting word.

    One suffix off ("-ing", "-ed", "-es", "-s", "-ly"), then a final "e". Words are not
    cut to a fixed length: that joined "democrat" and "democracy", "president" and
    "preside" (leave-events-out F1 on train 0.521 -> 0.530 with the "e" rule).
    """
    if is_number(word):
        return word.replace(",", "")
    word = _NUMBER_WORDS.get(word, word)
    if word in STOPWORDS or word in _REPORTING or len(word) < 2:
        return None
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):  # "close", "closed", "closes" -> "clos"
        word = word[:-1]
    return word


def unit_stems(tokens: Tokens) -> list[str | None]:
    """The stem of each token (None for function words); "U.S."/"US" become one name."""
    words = tokens.words
    out: list[str | None] = [stem(w) for w in words]
    for i, (a, b) in enumerate(pairwise(words)):
        alias = _ALIASES.get((a, b))
        if alias:
            out[i], out[i + 1] = alias, alias
    if "us" in tokens.names:  # "US" written in capitals is the country, not the pronoun
        out = ["u.s." if w == "us" else s for w, s in zip(words, out, strict=True)]
    return out


def name_stems(
    tokens: Sequence[Tokens], stems: Sequence[Sequence[str | None]], headline: NDArray[np.bool_]
) -> dict[str, bool]:
    """Whether each stem seen in a body sentence past its first word is a name.

    A stem is a name when it is written capitalised in at least half of those places. A
    capital at the start of a sentence or in a title-case headline says nothing, so
    "Pleads Guilty" in a headline or "Officials said" are no names when the body writes
    "pleads guilty" and "officials"; "Jackson" stays a name.
    """
    capital: dict[str, int] = {}
    seen: dict[str, int] = {}
    for t, st, head in zip(tokens, stems, headline.tolist(), strict=True):
        if head:
            continue
        for w, s in zip(t.words[1:], st[1:], strict=True):
            if s:
                seen[s] = seen.get(s, 0) + 1
                capital[s] = capital.get(s, 0) + (w in t.names)
    return {s: 2 * capital[s] >= n for s, n in seen.items()}


def distinct_bags(
    tokens: Sequence[Tokens], stems: Sequence[Sequence[str | None]], names: dict[str, bool]
) -> Any:
    """Names, numbers, trigrams, content bigrams and plain words of each distinct unit.

    A stem counts as a name when :func:`name_stems` says so, or, when no body sentence
    has it past its first word, when it is capitalised here.
    """

    def is_name(w: str, s: str, t: Tokens) -> bool:
        known = names.get(s)
        return w in t.names if known is None else known

    name: list[list[str]] = []
    plain: list[list[str]] = []
    for t, st in zip(tokens, stems, strict=True):
        words = [(w, s) for w, s in zip(t.words, st, strict=True) if s and not is_number(s)]
        name.append(sorted({s for w, s in words if is_name(w, s, t)}))
        plain.append([s for w, s in words if not is_name(w, s, t)])
    return {
        "names": bag_of_words(name),
        "nums": bag_of_words([[s for s in st if s and is_number(s)] for st in stems]),
        "tri": bag_of_words(
            [[" ".join(t.words[i : i + 3]) for i in range(len(t.words) - 2)] for t in tokens]
        ),
        "bi": bag_of_words(
            [[f"{a} {b}" for a, b in pairwise([s for s in st if s])] for st in stems]
        ),
        "plain": bag_of_words(plain),
    }
