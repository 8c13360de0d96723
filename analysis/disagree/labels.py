"""Words outlets use for the same people, thing or act, and finding them in a passage.

The groups are Slant's own, in ``resources/disagree/labels.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from analysis.disagree.numbers import lemma
from analysis.errors import AnalysisError
from analysis.resources import resource

__all__ = ["LabelGroup", "LabelHit", "count_class", "find_labels", "group_of", "label_groups"]

_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class LabelGroup:
    """Words for one kind of people, thing or act; ``loaded`` ones pass judgement."""

    name: str
    counts: str
    words: tuple[str, ...]
    loaded: frozenset[str]


@dataclass(frozen=True, slots=True)
class LabelHit:
    """A label word of one group found at ``[start, end)`` (``word`` is the listed form)."""

    group: str
    word: str
    start: int
    end: int


@cache
def label_groups() -> tuple[LabelGroup, ...]:
    """Return the built-in label groups.

    Raises:
        AnalysisError: When the shipped word list is broken (a bug in Slant).
    """
    try:
        data = tomllib.loads(resource("disagree", "labels.toml").read_text("utf-8"))
        return tuple(
            LabelGroup(
                str(g["name"]),
                str(g.get("counts", "")),
                tuple(str(w) for w in g["words"]),
                frozenset(str(w) for w in g.get("loaded", ())),
            )
            for g in data["group"]
        )
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise AnalysisError(
            f"The built-in label list is broken ({exc}).", code="analysis.labels"
        ) from exc


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]], frozenset[str]]:
    """One regex for every listed word and its plural, form -> (group, word), first words.

    A match can only start at one of the first words of the forms.
    """
    forms: dict[str, tuple[str, str]] = {}
    for group in label_groups():
        for word in group.words:
            for form in _forms(word):
                forms.setdefault(form, (group.name, word))
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
    return pattern, forms, frozenset(f.split()[0] for f in forms)


def _forms(word: str) -> tuple[str, ...]:
    if " " in word or word.endswith(("ed", "ies", "ths", "ities")) or word == "people":
        return (word,)
    if word.endswith(("s", "x", "ch", "sh")):
        return (word, word + "es") if not word.endswith("s") else (word,)
    if word.endswith("y"):
        return (word, word[:-1] + "ies")
    if word.endswith("man"):
        return (word, word[:-3] + "men")
    return (word, word + "s")


def find_labels(text: str, start: int, end: int) -> list[LabelHit]:
    """Return the label words in ``text[start:end]`` (offsets into ``text``)."""
    pattern, forms, first = _pattern()
    hits = []
    done = start
    # Try the long alternation only where a listed word starts: far faster than searching.
    for w in _WORD.finditer(text, start, end):
        if w.start() < done or w[0].lower() not in first:
            continue
        m = pattern.match(text, w.start(), end)
        if m is not None:
            group, word = forms[m[0].lower()]
            hits.append(LabelHit(group, word, m.start(), m.end()))
            done = m.end()
    return hits


@cache
def _classes() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in label_groups():
        if group.counts:
            for word in group.words:
                out.setdefault(lemma(word), group.counts)
    return out


def count_class(noun: str) -> str:
    """Return what a counted noun stands for ("rioter" -> "people"), or the noun itself."""
    return _classes().get(noun, noun)


@cache
def _word_groups() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in label_groups():
        for word in group.words:
            if " " not in word:
                out.setdefault(lemma(word), group.name)
                out.setdefault(word, group.name)
    return out


def group_of(word: str) -> str:
    """Return the label group of a word or its lemma ("died" -> "death"), or ""."""
    return _word_groups().get(word, "")
