"""Attributions in one article: who is reported as saying something, with which verb.

An attribution is a speech verb (or "according to") in a sentence together with the speaker
phrase before it ("Halden said"), after it ("said Anja Borg", "according to witnesses") or
carried over from an earlier verb of the same sentence ("…, speaking on condition of
anonymity, said"). Pronouns and bare titles ("she", "the minister") are resolved to the
last named person speaking in the previous three sentences, or else to the last
person-like name of the previous sentence (a simple rule, not coreference resolution).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from analysis.framing.antecedents import antecedent, same_unnamed
from analysis.framing.quotes import in_quotation
from analysis.framing.speakers import (
    SpeakerKind,
    SpeakerPhrase,
    phrase_after,
    phrase_before,
)
from analysis.framing.speech import QUOTE_BOUND
from analysis.model import Article, Span

__all__ = ["Attribution", "find_attributions"]

_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_VERB_TOKEN = re.compile(r"\b[a-z]+(?: (?:out|back|on))?\b", re.IGNORECASE)
# ", speaking on condition of anonymity," / ", who asked not to be named," before a verb.
_ASIDE = re.compile(r",\s*(?:who|which|speaking|whose|the|a|an)\b[^,]{0,80},\s*$", re.IGNORECASE)
_ANONYMITY = re.compile(r"anonymity|not to be named|not authori[sz]ed|declined to be named", re.I)
_ING_LINK = re.compile(r"^\s+(?:to|with)\s+$")
# 'Grimm leaned in and said, "…"' / 'Romney released a statement saying: "…"'
_INTRODUCES_QUOTE = re.compile(r"[ \t]*[,:][ \t]*[\"“‘'«„]")
_PASSIVE = re.compile(r"\b(?:be|been|being|is|was|were|are)\s+$", re.IGNORECASE)
_AFTER_QUOTE = re.compile(r"[\"”’'»],?\s*$|,\s*$")
_COORDINATED = re.compile(r"\b(?:and|but|then|before|after)\s+(?:also\s+|later\s+)?$", re.I)
_PREPOSITION = re.compile(r"\b(?:in|on|at|from|near|inside|outside|of)\s+$", re.IGNORECASE)
# "DENVER — Two heartland states …": a dateline is not the sentence's subject.
_DATELINE = re.compile(r"\s*[A-Z][A-Z.,' ]+\s*(?:—|–|--)\s*")
# "Sources close to the security services said": anonymous, whatever follows "close to".
_CLOSE_TO = re.compile(
    r"\b((?:(?:a|an|the|one|two|several|some|other)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:sources?|people|persons?|officials?|insiders?|diplomats?)\s+"
    r"(?:close to|familiar with|briefed on|with knowledge of|aware of)\s+"
    r"[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s*$",
    re.IGNORECASE,
)
# The same after "according to": "according to people familiar with the matter, …".
_CLOSE_TO_AFTER = re.compile(
    r"\s*((?:(?:a|an|the|one|two|several|some|other)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:sources?|people|persons?|officials?|insiders?|diplomats?)\s+"
    r"(?:close to|familiar with|briefed on|with knowledge of|aware of)\s+"
    r"[\w'’-]+(?:\s+[\w'’-]+){0,4}?)(?=\s*[,.;:!?]|\s*$)",
    re.IGNORECASE,
)
# '"…," Akin continued' / '"…?" the governor went on': a closing mark a few words back.
_QUOTE_JUST_BEFORE = re.compile(r"[\"”’'»][,.?!]?\s+(?:[\w.’'-]+\s+){0,4}$")
_QUOTE_SOON = re.compile(r"(?:\s+[\w’'$.,-]+){0,5}?\s+[\"“«]\w")
# "Sen. John Cornyn, R-TX," / "Ted Cruz (R-Texas)": a party-state label, not the speaker.
_PARTY_LABEL = re.compile(r"(?:,\s*|\s*\()[RDI]-[A-Za-z.]+(?:,\s*|\)\s*|\s*)$")
_NON_SPACE = re.compile(r"\S")
# Every pattern matched just before a verb spans a few words at most, so each search looks
# back only as far as its pattern can reach (this many characters at most), not to the
# sentence start: a 2 MB sentence with thousands of
# speech verbs would otherwise be rescanned once per verb (quadratic time).
_BEFORE_VERB = 200
_CLOSE_HINT = re.compile(r"close to|familiar with|briefed on|knowledge of|aware of", re.I)
_INTRO_CLAUSE = 300  # an introductory clause ('Asked whether …,') is shorter than this


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speech verb with its (resolved) speaker, inside one sentence.

    Attributes:
        sentence: Index into :attr:`Article.sentences`.
        verb: The verb as written, lower case ("claimed", "according to").
        lemma: Its base form ("claim").
        verb_span: Where the verb is.
        phrase: The speaker as written in this sentence (pronoun included), or None.
        speaker: Resolved display name ("Mira Halden", "a senior Karvenian official").
        key: Matching key of named speakers ("halden"), None for anonymous or unresolved.
        kind: ``named``, ``anonymous`` or ``unknown`` (an unresolved reference).
        resolved: True when the speaker came from context (a pronoun or title).
    """

    sentence: int
    verb: str
    lemma: str
    verb_span: Span
    phrase: Span | None
    speaker: str | None
    key: str | None
    kind: str
    resolved: bool = False


@dataclass(slots=True)
class _Raw:
    sentence: int
    verb: str
    lemma: str
    span: Span
    phrase: SpeakerPhrase | None
    anonymous_aside: bool = False


def find_attributions(
    article: Article, forms: Mapping[str, str], quotes: tuple[Span, ...]
) -> tuple[Attribution, ...]:
    """Find every attribution of ``article``, speakers resolved.

    Args:
        article: The article.
        forms: Speech-verb surface forms (lower case) mapped to base forms.
        quotes: The article's direct-quotation spans (verbs inside them are ignored).

    Returns:
        Attributions in text order.
    """
    raws: list[_Raw] = []
    headline = article.headline
    for index, sentence in enumerate(article.sentences):
        # Title Case makes every headline word look like a name: only "X says" counts there.
        title = headline.end > headline.start and sentence.start < headline.end
        raws.extend(_sentence_attributions(article.text, index, sentence, forms, quotes, title))
    return _resolve(article, raws)


def _sentence_attributions(
    text: str,
    index: int,
    sentence: Span,
    forms: Mapping[str, str],
    quotes: tuple[Span, ...],
    headline: bool = False,
) -> list[_Raw]:
    found: list[_Raw] = []
    for verb_span, verb, lemma in _verbs(text, sentence, forms, quotes):
        raw = _Raw(index, verb, lemma, verb_span, None)
        if headline:
            raw.phrase = _headline_subject(text, sentence, verb_span)
        elif lemma == "according to":
            raw.phrase = _qualified_source(text, verb_span.end, sentence.end) or phrase_after(
                text, verb_span.end, sentence.end, loose=True
            )
        else:
            _subject(text, sentence, raw, found)
        if raw.phrase is not None:
            found.append(raw)
    return found


def _verbs(
    text: str, sentence: Span, forms: Mapping[str, str], quotes: tuple[Span, ...]
) -> list[tuple[Span, str, str]]:
    out: list[tuple[Span, str, str]] = []
    for match in _VERB_TOKEN.finditer(text, sentence.start, sentence.end):
        word = match.group().lower()
        lemma = forms.get(word) or forms.get(word.split(" ")[0])
        if lemma is None:
            continue
        end = match.end() if word in forms else match.start() + len(word.split(" ")[0])
        span = Span(match.start(), end)
        if lemma in QUOTE_BOUND and not _next_to_quote(text, sentence, span):
            continue
        if not in_quotation(quotes, span):
            out.append((span, text[span.start : span.end].lower(), lemma))
    for match in _ACCORDING.finditer(text, sentence.start, sentence.end):
        span = Span(match.start(), match.end())
        if not in_quotation(quotes, span):
            out.append((span, "according to", "according to"))
    return sorted(out, key=lambda v: v[0])


def _headline_subject(text: str, sentence: Span, verb: Span) -> SpeakerPhrase | None:
    """'Ted Cruz Accuses …': only a short phrase opening the headline is its speaker."""
    phrase = phrase_before(text, sentence.start, verb.start)
    if phrase is None or _NON_SPACE.search(text, sentence.start, phrase.span.start):
        return None
    return phrase if len(phrase.span.slice(text).split()) <= 4 else None


def _next_to_quote(text: str, sentence: Span, verb: Span) -> bool:
    """Whether a verb such as "continued" sits right after or right before a quotation."""
    if _INTRODUCES_QUOTE.match(text, verb.end, sentence.end):
        return True
    if _QUOTE_SOON.match(text, verb.end, sentence.end):
        return True  # 'calling her tenure "ineffective at best"'

    lo = max(0, verb.start - 60)  # a closing mark may end the previous sentence
    return _QUOTE_JUST_BEFORE.search(text, lo, verb.start) is not None


def _sentence_subject(text: str, sentence: Span, end: int) -> SpeakerPhrase | None:
    """The phrase opening the sentence, or opening it after an introductory clause.

    'Bloomberg contrasted …, saying "…"'; 'Asked whether …, Mr. Santorum … saying, "…"'.
    """
    dateline = _DATELINE.match(text, sentence.start, min(end, sentence.start + _INTRO_CLAUSE))
    lo = dateline.end() if dateline else sentence.start
    phrase = phrase_after(text, lo, end)
    if phrase is None:
        comma = text.find(",", lo, min(end, lo + _INTRO_CLAUSE))
        if comma != -1:
            phrase = phrase_after(text, comma + 1, end)
    return phrase


def _qualified_source(text: str, start: int, end: int) -> SpeakerPhrase | None:
    """'according to people familiar with the matter': an anonymous source phrase."""
    match = _CLOSE_TO_AFTER.match(text, start, end)
    if match is None:
        return None
    span = Span(match.start(1), match.end(1))
    name = " ".join(span.slice(text).lower().split())
    return SpeakerPhrase(span, SpeakerKind.ANONYMOUS, name, None, "")


def _subject(text: str, sentence: Span, raw: _Raw, earlier: list[_Raw]) -> None:
    """Fill ``raw.phrase``: before the verb, across an aside, via a participle, or after."""
    start = raw.span.start
    lo = sentence.start
    if _PASSIVE.search(text, max(lo, start - 24), start):
        return  # "had been agreed": not an attribution
    aside = (
        _ASIDE.search(text, max(lo, start - 130), start)
        if _after_comma(text, sentence, start)
        else None
    )
    if aside:
        raw.anonymous_aside = bool(_ANONYMITY.search(aside.group()))
        start = aside.start()
    label = _PARTY_LABEL.search(text, max(lo, start - 60), start)
    if label:
        start = label.start()
    near = max(lo, start - _BEFORE_VERB)
    hint = _CLOSE_HINT.search(text, near, start)
    close = _CLOSE_TO.search(text, near, start) if hint else None
    if close:
        span = Span(close.start(1), close.end(1))
        name = " ".join(span.slice(text).lower().split())
        phrase: SpeakerPhrase | None = SpeakerPhrase(span, SpeakerKind.ANONYMOUS, name, None, "")
    else:
        phrase = phrase_before(text, sentence.start, start)
    if phrase is not None:
        phrase = _extend_over_preposition(text, sentence.start, phrase)
    for prior in reversed(earlier):
        # "A US official speaking to Reuters stressed": the speaker is the official's.
        if phrase is None or prior.sentence != raw.sentence:
            break
        if prior.span.end > phrase.span.start:
            continue
        if prior.span.end < phrase.span.start - 12:
            break  # ' to '/' with ' is the whole gap: earlier verbs are farther still
        gap = text[prior.span.end : phrase.span.start]
        if prior.verb.endswith("ing") and _ING_LINK.match(gap):
            phrase, raw.anonymous_aside = prior.phrase, prior.anonymous_aside
            break
    # ", speaking on condition of anonymity," is an aside, not speech.
    participle = (
        raw.verb.endswith("ing") and raw.lemma != "speak" and _after_comma(text, sentence, start)
    )
    if phrase is None and participle:
        phrase = _sentence_subject(text, sentence, start)  # 'X did Y, saying "…"'
    # After "told" comes the listener ('"…," told the Times'), never the speaker.
    after_ok = raw.lemma != "tell" and not participle
    if phrase is None and after_ok and _AFTER_QUOTE.search(text, max(lo, start - 12), start):
        phrase = phrase_after(text, raw.span.end, sentence.end)  # '"…," said Anja Borg'
    coordinated = _COORDINATED.search(text, max(lo, start - 40), start)
    if phrase is None and coordinated and earlier and earlier[-1].sentence == raw.sentence:
        phrase, raw.anonymous_aside = earlier[-1].phrase, earlier[-1].anonymous_aside
    if phrase is None and _INTRODUCES_QUOTE.match(text, raw.span.end, sentence.end):
        phrase = _sentence_subject(text, sentence, start)
    raw.phrase = phrase


def _after_comma(text: str, sentence: Span, start: int) -> bool:
    """Whether the text before ``start`` ends in a comma (spaces skipped), in O(spaces)."""
    at = start
    while at > sentence.start and text[at - 1].isspace():
        at -= 1
    return at > sentence.start and text[at - 1] == ","


def _extend_over_preposition(text: str, lo: int, phrase: SpeakerPhrase) -> SpeakerPhrase:
    """'Diplomats in Veska said': the speaker is the diplomats, not Veska."""
    prep = _PREPOSITION.search(text, max(lo, phrase.span.start - 40), phrase.span.start)
    if prep is None or prep.end() != phrase.span.start:
        return phrase
    head = phrase_before(text, lo, prep.start())
    if head is None or head.kind is SpeakerKind.REFERENCE:
        return phrase
    if prep.group().strip().lower() == "of" and not (
        head.kind is SpeakerKind.NAMED and head.person
    ):
        return phrase  # only "Lindsey Graham of South Carolina"
    return head


def _resolve(article: Article, raws: list[_Raw]) -> tuple[Attribution, ...]:
    out: list[Attribution] = []
    people: list[tuple[int, SpeakerPhrase]] = []
    known: set[str] = set()  # surname keys of the people named so far
    unnamed: list[tuple[int, SpeakerPhrase]] = []
    mentions: dict[int, list[re.Match[str]]] = {}  # each sentence's capitalised runs, once
    for raw in raws:
        phrase = raw.phrase
        assert phrase is not None
        same = same_unnamed(raw.sentence, unnamed, phrase)
        if phrase.kind is SpeakerKind.OUTLET:
            out.append(_make(raw, None, None, "unknown"))  # an outlet reports; no speaker
        elif same is not None:
            out.append(_make(raw, same.name, None, "anonymous", resolved=True))
        elif raw.anonymous_aside or phrase.kind is SpeakerKind.ANONYMOUS:
            unnamed.append((raw.sentence, phrase))
            out.append(_make(raw, phrase.name, None, "anonymous"))
        elif phrase.kind in (SpeakerKind.NAMED, SpeakerKind.DOCUMENT):
            if phrase.person:
                people.append((raw.sentence, phrase))
                known.add(phrase.key or "")
            out.append(_make(raw, phrase.name, phrase.key, "named"))
        else:
            ante = antecedent(article, raw.sentence, people, phrase, (known, mentions))
            if ante is None:
                out.append(_make(raw, None, None, "unknown"))
            else:
                people.append((raw.sentence, ante))  # "he said … he added": the chain goes on
                out.append(_make(raw, ante.name, ante.key, "named", resolved=True))
    return tuple(out)


def _make(
    raw: _Raw, speaker: str | None, key: str | None, kind: str, *, resolved: bool = False
) -> Attribution:
    phrase = raw.phrase.span if raw.phrase is not None else None
    return Attribution(
        raw.sentence, raw.verb, raw.lemma, raw.span, phrase, speaker, key, kind, resolved
    )
