"""Quotes and sources of one article: direct and indirect quotes with their speakers.

A **direct** quote is a quotation span (:func:`analysis.framing.quotes.quotation_spans`)
credited to the attribution right after its closing mark in the same sentence
(``"…," he said`` / ``"…," said X``), or else to the last attribution before its opening
mark in the sentence where it starts (``X told reporters that "…"``). A quotation that
opens the sentence right after a credited quotation, in the same paragraph and with no
attribution of its own, continues that speaker (``"…," Reyk said. "…"``). Short quotations
with no attribution (≤ 3 words) are scare quotes: kept, with ``scare=True``.

An **indirect** quote is the reported clause of an attribution that credits no direct
quote: what follows "that" (``X said that …``), what the verb introduces (``X said the
lease …``), the clause before ``, X said.``, or the rest of a sentence with
``according to X``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from analysis.framing.attribution import Attribution
from analysis.framing.quotes import in_quotation
from analysis.model import WORD_RE, Article, Span, count_words

__all__ = ["Quote", "Source", "extract_quotes", "sources_of"]

_SCARE_WORDS = 3
_SCARE_GAP = 4
# Verbs whose object can be the reported clause itself ("Halden said the lease would …").
_CLAUSE_VERBS = frozenset(
    "say claim insist admit warn add argue suggest allege declare announce state reveal "
    "confirm acknowledge stress explain note concede maintain assert predict complain "
    "emphasise emphasize indicate contend estimate believe".split()
)
_NEAR_AFTER = 40
# Used with .match(text, pos, endpos): anchored at pos without slicing the sentence out.
_THAT = re.compile(r"(?:\s+[\w'’.-]+){0,6}?\s+that\s+", re.IGNORECASE)
_PREP_AFTER = re.compile(r"\s+(?:to|on|for|at|in|with|of|by|about|as|from|up|out)\b", re.I)
_LEADING = re.compile(r"[ ,:;]*")
_TRAILING_CHARS = frozenset(" \t\n.,;:!?\"'”’")
_WORD = WORD_RE  # the same words as count_words
# A reported clause runs to the sentence end, but at most this far: in a 2 MB sentence
# without full stops every one of thousands of verbs would otherwise report the rest of it
# (quadratic time, and a report of gigabytes).
_MAX_CLAUSE = 1500
_FAR = 200  # characters between a verb and a quotation that surely hold > _SCARE_GAP words


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote, with its speaker as evidence spans.

    Attributes:
        article: Article id.
        span: Direct: the quotation, marks included. Indirect: the reported clause.
        direct: Whether the words are in quotation marks.
        attribution: Who is credited, with which verb; None when nobody is.
        scare: A short direct quotation credited to nobody (scare or term quotes).
    """

    article: str
    span: Span
    direct: bool
    attribution: Attribution | None
    scare: bool = False

    @property
    def speaker(self) -> str | None:
        """Display name of the speaker, if any."""
        return self.attribution.speaker if self.attribution else None


@dataclass(frozen=True, slots=True)
class Source:
    """A source an article relies on, named or anonymous.

    Attributes:
        article: Article id.
        span: Where the source is referred to (the speaker phrase).
        name: Display name, or the phrase ("a senior Karvenian official").
        key: Matching key of named sources, None for anonymous ones.
        anonymous: Whether the source is unnamed.
        verb: The verb that attributes to it ("said", "according to").
    """

    article: str
    span: Span
    name: str
    key: str | None
    anonymous: bool
    verb: str


def extract_quotes(
    article: Article, attributions: tuple[Attribution, ...], spans: tuple[Span, ...]
) -> tuple[Quote, ...]:
    """Return the article's direct and indirect quotes, in text order.

    Args:
        article: The article.
        attributions: From :func:`analysis.framing.attribution.find_attributions`.
        spans: Its quotation spans.
    """
    starts = [s.start for s in article.sentences]
    by_sentence: dict[int, list[int]] = {}  # sentence -> attribution indices, in text order
    for number, attr in enumerate(attributions):
        by_sentence.setdefault(attr.sentence, []).append(number)
    used: set[int] = set()
    quotes: list[Quote] = []
    for span in spans:
        index = _credit(article.text, span, attributions, starts, by_sentence)
        if index is not None:
            used.add(index)
        credit = attributions[index] if index is not None else None
        words = count_words(span.slice(article.text))
        if credit is None and words > _SCARE_WORDS and quotes:
            credit = _continued(article.text, span, quotes[-1], starts)
        quotes.append(
            Quote(article.id, span, True, credit, credit is None and words <= _SCARE_WORDS)
        )
    for index, attr in enumerate(attributions):
        if index in used:
            continue
        clause = _reported_clause(article, attr)
        if clause is not None and not in_quotation(spans, clause):  # bisect: 20 MB texts
            quotes.append(Quote(article.id, clause, False, attr))
    return tuple(sorted(quotes, key=lambda q: (q.span.start, not q.direct)))


def sources_of(article: Article, attributions: tuple[Attribution, ...]) -> tuple[Source, ...]:
    """Return one source per attribution with a known or anonymous speaker."""
    out: list[Source] = []
    for attr in attributions:
        if attr.speaker is None or attr.phrase is None:
            continue
        anonymous = attr.kind == "anonymous"
        name = attr.phrase.slice(article.text) if anonymous else attr.speaker
        out.append(Source(article.id, attr.phrase, name, attr.key, anonymous, attr.verb))
    return tuple(out)


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _credit(
    text: str,
    span: Span,
    attributions: tuple[Attribution, ...],
    starts: list[int],
    by_sentence: dict[int, list[int]],
) -> int | None:
    """Index of the attribution crediting the quotation ``span`` (see module docstring)."""
    last = _sentence_of(starts, span.end - 1)
    first = _sentence_of(starts, span.start)
    # '"…wall!" Mr. Calderón told CNBC.': the splitter may end the sentence at the mark.
    candidates = list(by_sentence.get(last, ()))
    if _ends_sentence(text, span, starts, last):
        candidates.extend(by_sentence.get(last + 1, ()))
    for index in candidates:
        attr = attributions[index]
        if attr.verb_span.start > span.end + _NEAR_AFTER + 400:
            break  # in text order; a speaker phrase before its verb is at most ~400 chars
        if attr.verb_span.start >= span.end:
            lead = min(attr.verb_span.start, attr.phrase.start if attr.phrase else span.end)
            if lead - span.end <= _NEAR_AFTER and '"' not in text[span.end : lead]:
                return index
    before = _last_before(attributions, by_sentence.get(first, []), span.start)
    if before is None:
        return None
    # A short quotation far from the verb is a scare quote inside reported speech.
    verb_end = attributions[before].verb_span.end
    gap = _words_at_least(text, verb_end, min(span.start, verb_end + _FAR), _SCARE_GAP + 1)
    far = gap > _SCARE_GAP or span.start - verb_end > _FAR
    if far and _words_at_least(text, span.start, span.end, _SCARE_WORDS + 1) <= _SCARE_WORDS:
        return None
    return before


def _last_before(attributions: tuple[Attribution, ...], indices: list[int], at: int) -> int | None:
    """The last of ``indices`` (in text order) whose verb ends at or before ``at``."""
    ends = [attributions[i].verb_span.end for i in indices]  # short unless a pathological line
    cut = bisect_right(ends, at)
    return indices[cut - 1] if cut else None


def _words_at_least(text: str, start: int, end: int, most: int) -> int:
    """``count_words(text[start:end])``, but counting no further than ``most``."""
    found = 0
    for _ in _WORD.finditer(text, start, end):
        found += 1
        if found >= most:
            break
    return found


def _ends_sentence(text: str, span: Span, starts: list[int], sentence: int) -> bool:
    """Whether only spaces (no paragraph break) lie between ``span`` and the next sentence."""
    if sentence + 1 >= len(starts):
        return False
    gap = text[span.end : starts[sentence + 1]]
    return not gap.strip() and "\n" not in gap


def _continued(text: str, span: Span, previous: Quote, starts: list[int]) -> Attribution | None:
    """The previous quotation's attribution when ``span`` continues its speaker.

    It does when ``span`` opens its sentence, the previous quotation was credited in the
    sentence just before, and no paragraph break lies between them.
    """
    credit = previous.attribution
    first = _sentence_of(starts, span.start)
    if credit is None or not previous.direct or credit.sentence != first - 1:
        return None
    if text[starts[first] : span.start].strip() or "\n" in text[previous.span.end : span.start]:
        return None
    return credit


def _reported_clause(article: Article, attr: Attribution) -> Span | None:
    text = article.text
    sentence = article.sentences[attr.sentence]
    end = sentence.end
    phrase = attr.phrase
    if attr.lemma == "according to":
        if phrase is not None and phrase.end < sentence.end - 2:
            return _clean(text, phrase.end, sentence.end)
        return _clean(text, sentence.start, attr.verb_span.start)
    that = _THAT.match(text, attr.verb_span.end, end)
    if that:
        return _clean(text, that.end(), end)
    head = min(attr.verb_span.start, phrase.start if phrase else attr.verb_span.start)
    stop = head
    while stop > sentence.start and text[stop - 1].isspace():
        stop -= 1
    if stop - sentence.start > 1 and text[stop - 1] == ",":
        return _clean(text, sentence.start, stop - 1)
    subject_first = phrase is not None and phrase.end <= attr.verb_span.start
    prep = _PREP_AFTER.match(text, attr.verb_span.end, end)
    if subject_first and attr.lemma in _CLAUSE_VERBS and not prep:
        return _clean(text, attr.verb_span.end, end)
    return None


def _clean(text: str, start: int, end: int) -> Span | None:
    """Strip spaces and closing punctuation; None when fewer than three words remain.

    Works in place on ``text`` (no slices) and keeps at most :data:`_MAX_CLAUSE` characters
    from ``start``, cut at a space.
    """
    if end - start > _MAX_CLAUSE:
        space = text.rfind(" ", start, start + _MAX_CLAUSE)
        end = space if space > start else start + _MAX_CLAUSE
    lead = _LEADING.match(text, start, end)
    first = lead.end() if lead else start
    stop = end
    while stop > first and text[stop - 1] in _TRAILING_CHARS:
        stop -= 1
    span = Span(first, max(first, stop))
    return span if _words_at_least(text, span.start, span.end, 3) >= 3 else None
