"""Preprocessing of sentences for matching: case-folded word tokens with offsets.

Quotes, dashes, punctuation and spacing are dropped by tokenising: two sentences that
differ only in those (and in case) get the same normalised string, which is what the
aligner calls ``verbatim``. CJK characters count as one token each, since those scripts
do not separate words by spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["STOPWORDS", "Tokens", "is_number", "tokenize"]

# Numbers keep their separators ("3,000", "2.5"); apostrophes of both styles inside a
# word keep it whole ("don't", "O’Brien").
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?![^\W_])"
    r"|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
    r"|[^\W_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
    r"(?:['’][^\W_]+)*"
)
_NUMBER = re.compile(r"\d")

# Function words carry no content; used only for the content-overlap feature.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under
    about after before between during than that this these those there here it its
    is are was were be been being has have had do does did will would shall should can
    could may might must not no nor so such too very also just only then he she they we
    you i me him her them us our your his their who whom whose which what when where
    why how said says say""".split()
)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Word tokens of one text: case-folded words, their offsets, and capitalised words.

    Attributes:
        words: Case-folded tokens.
        offsets: ``(start, end)`` of each token in the article text.
        names: Case-folded tokens that were capitalised (names, mostly).
    """

    words: tuple[str, ...]
    offsets: tuple[tuple[int, int], ...]
    names: frozenset[str] = frozenset()

    @property
    def normalized(self) -> str:
        """The words joined by single spaces: the string the scorers compare."""
        return " ".join(self.words)


def tokenize(text: str, base: int = 0) -> Tokens:
    """Split text into case-folded word tokens with character offsets.

    Args:
        text: Any text (a sentence, usually).
        base: Added to every offset (the text's start inside its article).

    Returns:
        The tokens; apostrophes are unified to ``'``.
    """
    words: list[str] = []
    offsets: list[tuple[int, int]] = []
    names: set[str] = set()
    for match in _TOKEN.finditer(text):
        word = match.group().casefold().replace("’", "'")
        words.append(word)
        offsets.append((base + match.start(), base + match.end()))
        if match.group()[0].isupper():
            names.add(word)
    return Tokens(tuple(words), tuple(offsets), frozenset(names))


def is_number(word: str) -> bool:
    """Return whether a token contains a digit (years, counts, amounts)."""
    return _NUMBER.search(word) is not None
