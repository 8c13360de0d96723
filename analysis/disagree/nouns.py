"""The words around a quantity: what it counts, and what tells two figures apart.

:func:`counted_noun` finds the noun a figure quantifies ("62 rioters", "nine leading U.S.
Internet companies", "the 19 Sept. 11 hijackers", "a 35-word oath", "millions of
Americans"); :func:`surroundings` returns the content words around it in its sentence,
the names among them, and its nearest content words (what the figure attaches to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = [
    "STOP",
    "Surroundings",
    "counted_noun",
    "lemma",
    "next_words",
    "object_of",
    "stem",
    "surroundings",
]

WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_AROUND = re.compile(r"[A-Za-z]+(?:['’]s)?(?:-[A-Za-z]+)*")  # "Martha's" is one word
STOP = frozenset(
    """the a an of and or but to in on at by for with from were was had have has are is be
    been being who which that than this these those as their his her its our your they he she
    it we i said says who whose when where while after before since about into out up down
    more less most least all some any no not only just also still among would could will
    can may might should per other others""".split()
)
KNOWN_NOUNS = frozenset(
    """people person officer police policemen man men woman women child children vote votes
    job worker soldier troop dead death casualty victim student resident member country
    marcher protester demonstrator rioter thug crowd year""".split()
)
# Capitalised words that start sentences or headlines rather than name someone.
_NO_NAMES = frozenset(
    """police officials authorities mr mrs ms dr president minister gov sen rep but and
    the a an in on at it he she they we this that there however meanwhile yet""".split()
)
_IRREGULAR = {
    "people": "people", "persons": "people", "person": "people", "men": "man", "women": "woman",
    "children": "child", "policemen": "policeman", "police": "police", "troops": "troop",
    "news": "news", "crisis": "crisis", "series": "series", "species": "species",
}  # fmt: skip


def lemma(word: str) -> str:
    """Return a rough singular of a lower-case English noun ("rioters" -> "rioter")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@cache
def stem(word: str) -> str:
    """A crude stem of a lemma, so "costing" meets "cost" and "estimated" "estimate"."""
    for suffix in ("ing", "ed", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def next_words(text: str, pos: int, n: int) -> list[tuple[str, int]]:
    """Up to ``n`` words right after ``pos``, joined by spaces or hyphens only."""
    out: list[tuple[str, int]] = []
    for m in WORD.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[pos : m.start()]
        if gap.strip(" -") or len(out) >= n:
            break
        out.append((m[0], m.end()))
        pos = m.end()
    return out


_OBJECT = re.compile(
    r"\s+(?:on|for|in|of|to)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?([a-z]+)(?:\s+([a-z]+))?"
)


def object_of(text: str, end: int) -> str:
    """What a percentage or a sum is of: "10 percent on aluminum" -> "aluminum"."""
    m = _OBJECT.match(text, end, min(len(text), end + 50))
    if m is None:
        return ""
    second = m[2]
    word = second if second and second not in STOP and not m[1].endswith("s") else m[1]
    return "" if word in STOP else lemma(word)


# Words, abbreviations with their dots ("U.S.", "Sept.") and numbers.
_TOKEN = re.compile(
    r"[A-Z][A-Za-z]{0,3}\.(?:[A-Za-z]\.)*(?![A-Za-z])|[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d,.]*\d|\d"
)
_PARTITIVE = re.compile(r"\s+of\s+(?:the\s+)?[\d,.]+\s+([a-z]+)")
_MEASURE = re.compile(r"-([a-z]{3,})\b")  # "35-word oath", "10-point lead"


def counted_noun(text: str, end: int) -> str:
    """The lemma of the noun a figure ending at ``end`` counts, or "" when none is found.

    Skips adjectives, names and numbers between the figure and its noun ("nine leading
    U.S. Internet companies", "19 Sept. 11 hijackers") up to five tokens, stopping at
    punctuation and function words; after "of" a capitalised plural counts ("millions
    of Americans").
    """
    partitive = _PARTITIVE.match(text, end, min(len(text), end + 60))
    if partitive:  # "1,800 of the 2,600 jobs"
        return lemma(partitive[1])
    measure = _MEASURE.match(text, end, min(len(text), end + 30))
    if measure and measure[1] not in STOP:
        return lemma(measure[1])
    pos, after_of = end, False
    for k, m in enumerate(_TOKEN.finditer(text, end, min(len(text), end + 80))):
        if text[pos : m.start()].strip(" -") or k > 5:
            break
        pos, tok = m.end(), m[0]
        low = tok.lower().rstrip(".")
        if tok[0].isdigit() or (after_of and low == "the"):
            continue
        if k == 0 and low == "of":
            after_of = True
            continue
        found = _noun(tok, low, after_of)
        if found is None:
            break
        if found:
            return found
    hit = re.search(r"number of (\w+)[^.]{0,40}$", text[max(0, end - 120) : end], re.IGNORECASE)
    return lemma(hit[1].lower()) if hit else ""


def _noun(tok: str, low: str, after_of: bool) -> str | None:
    """A counted noun (its lemma), "" to read on, or None to stop at a function word."""
    plural = low.endswith("s") and not low.endswith(("ss", "ous", "us")) and not tok.endswith(".")
    if tok[0].isupper():
        lem = lemma(low)
        return lem if lem in KNOWN_NOUNS or low in KNOWN_NOUNS or (after_of and plural) else ""
    if low in STOP:
        return None
    lem = lemma(low)
    return lem if lem in KNOWN_NOUNS or low in KNOWN_NOUNS or plural else ""


@dataclass(frozen=True, slots=True)
class Surroundings:
    """Words around one quantity in its sentence (lower-case lemmas).

    Attributes:
        context: Content words among the five words either side.
        names: Capitalised words among the eight words before and five after that name
            someone or something (none when the passage is in title case, like a headline).
        near: The nearest content word on each side (what the figure attaches to).
        act: The content word among the three words before, nearest first ("published
            on Sunday" -> "published"), or "" (what a date dates).
    """

    context: frozenset[str]
    names: frozenset[str]
    near: frozenset[str]
    act: str = ""

    @property
    def stems(self) -> frozenset[str]:
        """The stems of ``context``."""
        return frozenset(map(stem, self.context))


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|No))(?<!Mrs|Gov|Sen|Rep)[.!?;]\s")


def surroundings(text: str, start: int, end: int) -> Surroundings:
    """Return the words around ``text[start:end]`` within its sentence."""
    pieces = _SENTENCE_END.split(text[max(0, start - 80) : start])
    said = _AROUND.findall(pieces[-1])
    left = said[-5:]
    right = _AROUND.findall(_SENTENCE_END.split(text[end : end + 80])[0])[:5]
    # The first word of a sentence is capitalised whoever it names.
    starts_sentence = (len(pieces) > 1 or start <= 80) and len(said) <= 8
    named = [*(said[-8:][1:] if starts_sentence else said[-8:]), *right]
    content = [w for w in (*left, *right) if _word(w)[1]]
    title_case = len(content) >= 3 and sum(w[0].isupper() for w in content) * 2 > len(content)
    names = frozenset() if title_case else frozenset(_word(w)[0] for w in named if _word(w)[2])
    before = [w for w in left if _word(w)[1]][-1:]
    after = [w for w in right if _word(w)[1]][:1]
    act = [_word(w)[0] for w in left[-3:] if _word(w)[1]][-1:]
    return Surroundings(
        frozenset(_word(w)[0] for w in content),
        names,
        frozenset(_word(w)[0] for w in (*before, *after)),
        "".join(k for k in act if k not in names),
    )


@cache
def _word(word: str) -> tuple[str, bool, bool]:
    """(lemma without a possessive "'s", is a content word, may be a name) of a word."""
    low = word.lower()
    plain = low[:-2] if low.endswith(("'s", "’s")) else low
    key = lemma(plain)
    content = plain not in STOP and len(word) > 2
    name = content and word[0].isupper() and plain not in _NO_NAMES and key not in KNOWN_NOUNS
    return key, content, name
