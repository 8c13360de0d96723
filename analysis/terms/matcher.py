"""Finding lexicon terms in an article: :func:`find_terms` and :class:`TermHit`.

The lexicons compile once (cached per :class:`LexiconSet`) into an index from a token's
form to the term patterns starting with it; an article is tokenized once and each token
looked up, so matching costs about as much as tokenizing. Semantics:

* case-insensitive, on tokens (letters and digits); the words of a phrase may be separated
  by spaces, hyphens or an apostrophe, never by other punctuation or a paragraph break
  ("so-called" = "so called"; "stab in the back" = "stabbed in the back");
* inflections as described in :mod:`analysis.terms.inflect`: a single word inflects; in a
  phrase the first and the last content word inflect;
* overlapping candidates: the longest span wins, then the leftmost; a span found by the
  same-length term in several categories is one hit per category (so "slammed" can be both
  an emotive word and an emotive attribution verb), never two hits in one category;
* a hit inside an exclusion phrase of its term ("tax regime") is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.model import Article, Span
from analysis.terms.inflect import FUNCTION_WORDS, inflections, token_table, tokenize
from analysis.terms.lexicon import LexiconSet, Term

__all__ = ["TermHit", "TermMatcher", "find_terms", "in_any"]

# Characters allowed between the words of a phrase.
_GAP = re.compile(r"[ \t\-‐‑–'’]{1,3}")
_EXCLUDE_WINDOW = 120


@dataclass(frozen=True, slots=True)
class TermHit:
    """One occurrence of a lexicon term.

    Attributes:
        article: Id of the article (:attr:`analysis.model.Article.id`).
        start: Offset of the first character in the article's ``text``.
        end: Offset after the last character.
        term: The lexicon term's key (lower case, as listed: "slam" for "slammed").
        category: Name of the category the term belongs to.
        in_quote: Whether the hit lies inside a direct quotation.
    """

    article: str
    start: int
    end: int
    term: str
    category: str
    in_quote: bool

    @property
    def span(self) -> Span:
        """The hit as a :class:`Span`."""
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class _Pattern:
    tokens: tuple[frozenset[str], ...]
    term: str
    category: str
    exclude: re.Pattern[str] | None
    cased: str | None = None  # exact surface text required (case-sensitive terms)


class TermMatcher:
    """Lexicons compiled for matching. Build with :meth:`compile`."""

    __slots__ = ("_index",)

    def __init__(self, index: dict[str, tuple[_Pattern, ...]]) -> None:
        self._index = index

    @classmethod
    def compile(cls, lexicons: LexiconSet) -> TermMatcher:
        """Compile every term of every category in ``lexicons``."""
        index: dict[str, list[_Pattern]] = {}
        for cat in lexicons.categories:
            for term in cat.terms:
                for pattern in _patterns(term, cat.name):
                    for form in pattern.tokens[0]:
                        index.setdefault(form, []).append(pattern)
        return cls({k: tuple(v) for k, v in index.items()})

    def spans(self, text: str) -> list[tuple[int, int, str, str]]:
        """Return ``(start, end, term, category)`` for every hit in ``text``, in order."""
        words, bounds = token_table(text)
        index = self._index
        found: list[tuple[int, int, str, str]] = []
        for i, word in enumerate(words):
            patterns = index.get(word)
            if patterns is None:
                continue
            start = bounds[2 * i]
            for pat in patterns:
                end = _match_at(text, words, bounds, i, pat.tokens)
                if end is None or (pat.cased is not None and text[start:end] != pat.cased):
                    continue
                if not _excluded(text, start, end, pat.exclude):
                    found.append((start, end, pat.term, pat.category))
        return _resolve(found, text)


def _patterns(term: Term, category: str) -> list[_Pattern]:
    exclude = _exclusion_regex(term.exclude)
    words = [t for _, _, t in tokenize(term.text)]
    cased = term.text if term.case_sensitive else None
    out = [_Pattern(_forms(words, term.inflect), term.key, category, exclude, cased)]
    for extra in term.forms:
        extra_words = [t for _, _, t in tokenize(extra)]
        if extra_words:
            out.append(_Pattern(_forms(extra_words, False), term.key, category, exclude))
    return out


def _forms(words: list[str], inflect: bool) -> tuple[frozenset[str], ...]:
    if not inflect:
        return tuple(frozenset((w,)) for w in words)
    content = [i for i, w in enumerate(words) if w not in FUNCTION_WORDS]
    heads = {content[0], content[-1]} if content else set()
    return tuple(inflections(w) if i in heads else frozenset((w,)) for i, w in enumerate(words))


def _exclusion_regex(phrases: Sequence[str]) -> re.Pattern[str] | None:
    alternatives = []
    for phrase in phrases:
        words = [t for _, _, t in tokenize(phrase)]
        if words:
            parts = [
                "(?:" + "|".join(map(re.escape, sorted(f, key=len, reverse=True))) + ")"
                for f in _forms(words, True)
            ]
            alternatives.append(r"[\s\-‐‑–'’]{1,3}".join(parts))
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)


def _match_at(
    text: str, words: list[str], bounds: list[int], i: int, pattern: tuple[frozenset[str], ...]
) -> int | None:
    last = i + len(pattern) - 1
    if last >= len(words):
        return None
    for k in range(1, len(pattern)):
        if words[i + k] not in pattern[k]:
            return None
        if not _GAP.fullmatch(text, bounds[2 * (i + k) - 1], bounds[2 * (i + k)]):
            return None
    return bounds[2 * last + 1]


def _excluded(text: str, start: int, end: int, exclude: re.Pattern[str] | None) -> bool:
    if exclude is None:
        return False
    lo = max(0, start - _EXCLUDE_WINDOW)
    for m in exclude.finditer(text, lo, min(len(text), end + _EXCLUDE_WINDOW)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def _resolve(found: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """Keep the longest, then leftmost, of overlapping candidates (ties: one per category).

    Two terms of one category on one span ("family" inflected, "families") keep the one
    written as in the text, else the first by name: never set order, which changes with
    each process's string hashing and so made results differ between runs.
    """

    def rank(h: tuple[int, int, str, str]) -> tuple[int, int, str, bool, str]:
        return (h[0] - h[1], h[0], h[3], h[2] != text[h[0] : h[1]].lower(), h[2])

    ordered = sorted(set(found), key=rank)
    occupied = bytearray(len(text))  # characters already covered by a kept span
    kept_spans: dict[tuple[int, int], set[str]] = {}
    kept: list[tuple[int, int, str, str]] = []
    for hit in ordered:
        start, end, _, category = hit
        same = kept_spans.get((start, end))
        if same is not None:
            if category not in same:
                same.add(category)
                kept.append(hit)
            continue
        if occupied.find(1, start, end) != -1:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        kept_spans[(start, end)] = {category}
        kept.append(hit)
    return sorted(kept, key=lambda h: (h[0], h[3]))


def in_any(spans: Sequence[Span], start: int, end: int) -> bool:
    """Return whether ``[start, end)`` lies inside one of the sorted, disjoint ``spans``."""
    pos = bisect_right(spans, Span(start, 1 << 62)) - 1
    return pos >= 0 and spans[pos].start <= start and end <= spans[pos].end


_CACHE: dict[int, tuple[LexiconSet, TermMatcher]] = {}


def _matcher_for(lexicons: LexiconSet) -> TermMatcher:
    cached = _CACHE.get(id(lexicons))
    if cached is not None and cached[0] is lexicons:
        return cached[1]
    matcher = TermMatcher.compile(lexicons)
    if len(_CACHE) >= 8:
        _CACHE.clear()
    _CACHE[id(lexicons)] = (lexicons, matcher)
    return matcher


def find_terms(
    article: Article, lexicons: LexiconSet, quotes: Sequence[Span] = ()
) -> tuple[TermHit, ...]:
    """Find every term of ``lexicons`` in ``article.text``.

    Args:
        article: The article to scan.
        lexicons: The categories in force (compiled once and cached per set).
        quotes: Spans of direct quotations (e.g. from
            :func:`analysis.framing.quotes.quotation_spans`); a hit wholly inside one is
            marked ``in_quote``. Need not be sorted.

    Returns:
        Hits in text order (ties: by category name).
    """
    ordered = sorted(quotes)
    return tuple(
        TermHit(article.id, s, e, term, cat, in_any(ordered, s, e))
        for s, e, term, cat in _matcher_for(lexicons).spans(article.text)
    )
