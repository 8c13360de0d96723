"""Who a phrase names: speaker phrases found next to speech verbs, classified and keyed.

Rule-based on purpose (no statistical parser): a speaker phrase is the run of words right
before a speech verb (``Foreign Minister Jean-Yves Le Drian told``) or right after it
(``said a senior official``) made of capitalised words, name particles, determiners, titles
and source nouns. Its last word decides the kind:

* a source noun (official, sources, diplomats, aide, …) → **anonymous**
  ("a senior US official", "sources", "the official");
* a pronoun or a bare title ("he", "the minister") → **reference**, resolved later to the
  last named speaker (see :mod:`analysis.framing.attribution`);
* otherwise capitalised words → **named**; the name is what follows the last title word, and
  its key is the surname with particles ("Jean-Yves Le Drian" → ``le drian``), so "Le Drian"
  and "Jean-Yves Le Drian" are one speaker. Institutions ("Elysee Palace") keep their whole
  name as key;
* a document noun (ad, letter, report, poll, lawsuit, …) at its head → **document**: a named
  source that is not a person ("the advertisement says", "according to a Fox News poll");
* a news outlet ("the Times", "The Hill", "Fox News", "Politico") → **outlet**: never a
  speaker (the outlet reports what others said; "according to the Post" names no speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from analysis.model import Span

__all__ = [
    "NOT_NAMES",
    "TITLES",
    "SpeakerKind",
    "SpeakerPhrase",
    "is_outlet",
    "phrase_after",
    "phrase_before",
    "surname_key",
]

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’]\w+)*|[^\w\s]")
PRONOUNS = frozenset("he she they we i it".split())
DETERMINERS = frozenset("a an the one two three four several some many other two".split())
SOURCE_NOUNS = frozenset(
    (
        "official officials source sources diplomat diplomats aide aides insider insiders "
        "spokesperson spokesman spokeswoman spokespeople officer officers person people "
        "analyst analysts observer observers expert experts critic critics witness witnesses "
        "resident residents employee employees staffer staffers adviser advisers advisor "
        "advisors negotiator negotiators manager managers worker workers member members "
        "activist activists protester protesters organiser organisers organizer organizers "
        "shopkeeper shopkeepers bystander bystanders onlooker onlookers proponents opponents "
        "supporters prosecutors investigators researchers lawyers"
    ).split()
)
SOURCE_MODIFIERS = frozenset(
    (
        "senior top high-ranking high ranking administration government military security "
        "intelligence unnamed anonymous informed diplomatic western european foreign local "
        "former current key close police party ministry department state white house"
    ).split()
)
TITLES = frozenset(
    (
        "minister ministers president secretary chancellor senator governor ambassador general "
        "prime foreign defence defense interior finance state mr mrs ms dr director chief "
        "leader head mayor envoy commissioner king queen prince pope lawmaker lawmakers premier "
        "deputy vice spokesman spokeswoman spokesperson diplomat official officer adviser "
        "advisor representative rep sen gov gen col captain commander judge professor prof "
        "ceo chairman chairwoman chair national security counsel attorney press nominee "
        "candidate congressman congresswoman justice sheriff billionaire"
    ).split()
)
_PARTICLES = frozenset("le la de du des van von der den da di del della bin al el ter st".split())
_ORG_WORDS = frozenset(
    (
        "palace ministry department house office council agency government kremlin pentagon "
        "commission committee party union embassy army police court parliament senate congress "
        "bank association foundation institute university times post news group inc reuters "
        "press service services forces navy command authority authorities administration "
        "elysee élysée hospital clinic ministry firm company street square"
    ).split()
)
_SKIP_BEFORE_VERB = frozenset(
    "has had have was is also further later again reportedly repeatedly then once had "
    "previously earlier separately publicly privately".split()
)
# Capitalised at a sentence start but never part of a name.
NOT_NAMES = frozenset(
    (
        "yesterday today tomorrow meanwhile later but and however still also then on in at "
        "after before when while earlier last this that there here asked speaking separately "
        "instead now so yet thus amid close their his her its our my your monday tuesday "
        "wednesday thursday friday saturday sunday"
    ).split()
)
# Heads of phrases that name a document, not a person: "the advertisement says".
DOCUMENT_NOUNS = frozenset(
    (
        "ad ads advertisement advertisements commercial letter letters memo memorandum report "
        "reports poll polls survey surveys study studies lawsuit suit complaint filing "
        "indictment resolution notice bill ruling statement statements release document "
        "documents email emails tweet tweets video transcript petition editorial column "
        "analysis audit review"
    ).split()
)
# Outlet names: a phrase ending in one of these words, written in capitals, is an outlet.
_OUTLET_HEADS = frozenset(
    (
        "times post journal hill tribune herald globe gazette chronicle examiner inquirer "
        "register news magazine standard telegraph guardian atlantic newsweek beast caller "
        "monitor bulletin dispatch weekly daily press today"
    ).split()
)
_OUTLET_NAMES = frozenset(
    (
        "cnn msnbc cnbc politico huffpost reuters axios breitbart newsmax npr pbs bbc nbc abc "
        "cbs ap afp c-span slate vox salon buzzfeed time upi"
    ).split()
)
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_CLAUSE_WORDS = frozenset("that who which whose and but as when while because if".split())
_MAX_WORDS = 8
_LOOKBACK_CHARS = 160
_SPACE = re.compile(r"\s+")


class SpeakerKind(StrEnum):
    """What a speaker phrase refers to."""

    NAMED = "named"
    ANONYMOUS = "anonymous"
    REFERENCE = "reference"  # pronoun or bare title, to resolve from context
    DOCUMENT = "document"  # an ad, a letter, a report: named, not a person
    OUTLET = "outlet"  # a news outlet: never a speaker


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """A speaker as written in one sentence.

    Attributes:
        span: The phrase in the article text.
        kind: Named, anonymous, or a reference to resolve.
        name: Display name (named), the phrase in lower case (anonymous/reference).
        key: Surname key for named speakers ("le drian"), else None.
        role: Title words before a name ("french foreign minister"), lower case, or "".
        person: False for institutions ("Elysee Palace", "the transport ministry").
    """

    span: Span
    kind: SpeakerKind
    name: str
    key: str | None
    role: str
    person: bool = True


def phrase_before(text: str, lo: int, verb_start: int) -> SpeakerPhrase | None:
    """Return the speaker phrase ending right before a verb at ``verb_start``.

    Args:
        text: Article text.
        lo: Do not look before this offset (the sentence start).
        verb_start: Offset of the speech verb.
    """
    # A phrase is at most _MAX_WORDS words (plus a few skipped adverbs): tokenising only the
    # last stretch keeps a sentence with thousands of verbs linear, not quadratic.
    near = max(lo, verb_start - _LOOKBACK_CHARS)
    if near > lo and not text[near - 1].isspace():
        space = _SPACE.search(text, near, verb_start)  # never start inside a word
        near = space.end() if space else verb_start
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, near, verb_start)]
    while tokens and tokens[-1][2].lower() in _SKIP_BEFORE_VERB:
        tokens.pop()
    # "Patrick T. McHenry", "Sen. Ted Cruz": the dot of an initial or title belongs to the name.
    tokens = [t for i, t in enumerate(tokens) if not (t[2] == "." and _abbreviates(tokens, i))]
    taken: list[tuple[int, int, str]] = []
    for tok in reversed(tokens):
        # "a senior port manager": one plain word may qualify a source noun.
        head = taken[0][2].lower() if len(taken) == 1 else ""
        compound = (head in SOURCE_NOUNS or head in DOCUMENT_NOUNS) and tok[2].isalpha()
        fits = _speakerish(tok[2], first=not taken) or (compound and tok[2].islower())
        if not fits or len(taken) >= _MAX_WORDS:
            break
        taken.insert(0, tok)
        if tok[2].lower() in PRONOUNS:
            break
    return _classify(text, _trim(taken))


def phrase_after(text: str, verb_end: int, hi: int, *, loose: bool = False) -> SpeakerPhrase | None:
    """Return the speaker phrase right after a verb ("said a senior official").

    Args:
        text: Article text.
        verb_end: Offset just after the verb (or after "according to").
        hi: Do not look past this offset (the sentence end).
        loose: Accept any words up to punctuation or a clause word (after "according to",
            where "the transport ministry" is a source though not capitalised).
    """
    taken: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text, verb_end, hi):
        word = m.group()
        if word.lower() in PRONOUNS and not taken:
            return _classify(text, [(m.start(), m.end(), word)])
        if word == "." and taken and _abbreviates(taken, len(taken)):
            continue  # "Mr. Santorum", "Sen. Ted Cruz", "Patrick T. McHenry"
        fits = _loose_word(word) if loose else _speakerish(word, first=False)
        if not fits or len(taken) >= _MAX_WORDS:
            break
        taken.append((m.start(), m.end(), word))
    return _classify(text, _trim(taken))


def surname_key(name: str) -> str:
    """Return the matching key of a person's name: surname with particles, lower case.

    Institutions (a word like Palace, Ministry, Reuters) keep the whole name.
    """
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    while len(words) > 1 and words[-1].lower().rstrip(",") in _NAME_SUFFIXES:
        words = words[:-1]  # "Donald Trump Jr." is keyed "trump"
    if not words:
        return ""
    if any(w.lower() in _ORG_WORDS for w in words):
        return " ".join(w.lower() for w in words)
    index = len(words) - 1
    while index > 0 and words[index - 1].lower() in _PARTICLES:
        index -= 1
    return " ".join(w.lower() for w in words[index:])


def _speakerish(word: str, *, first: bool) -> bool:
    """Whether a token can belong to a speaker phrase."""
    low = word.lower()
    if not word[0].isalnum():
        return False
    if first and low in PRONOUNS:
        return True
    if low in NOT_NAMES:
        return False
    return (
        word[0].isupper()
        or low in DETERMINERS
        or low in SOURCE_NOUNS
        or low in DOCUMENT_NOUNS
        or low in SOURCE_MODIFIERS
        or low in TITLES
        or low in _PARTICLES
    )


def _abbreviates(tokens: list[tuple[int, int, str]], dot: int) -> bool:
    """Whether the token before index ``dot`` is an initial or a title ("T", "Sen")."""
    if dot == 0:
        return False
    word = tokens[dot - 1][2]
    return (len(word) == 1 and word.isupper()) or word.lower() in TITLES


def is_outlet(words: list[str]) -> bool:
    """Whether capitalised ``words`` name a news outlet ("The Hill", "Fox News", "CNN")."""
    names = [w for w in words if w.lower() not in DETERMINERS]
    if not names or not all(w[0].isupper() or not w[0].isalpha() for w in names):
        return False
    last = names[-1].lower()
    return last in _OUTLET_NAMES or (last in _OUTLET_HEADS and len(names) <= 4)


def _document(tokens: list[tuple[int, int, str]]) -> SpeakerPhrase | None:
    """'the advertisement', 'a Fox News poll released Friday' → the document, up to its noun."""
    lowered = [t[2].lower() for t in tokens]
    head = next((i for i, w in enumerate(lowered) if w in DOCUMENT_NOUNS), None)
    if head is None or any(w in TITLES or w in PRONOUNS for w in lowered[:head]):
        return None
    start = next((i for i, w in enumerate(lowered) if w not in DETERMINERS), 0)
    if start > head:
        return None
    name = " ".join(t[2] for t in tokens[start : head + 1])
    span = Span(tokens[0][0], tokens[head][1])
    return SpeakerPhrase(span, SpeakerKind.DOCUMENT, name, name.lower(), "", person=False)


def _loose_word(word: str) -> bool:
    return word[0].isalnum() and word.lower() not in _CLAUSE_WORDS


def _trim(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop leading/trailing words that cannot start or end a phrase."""
    while tokens and tokens[-1][2].lower() in DETERMINERS | _PARTICLES:
        tokens = tokens[:-1]
    return tokens


def _classify(text: str, tokens: list[tuple[int, int, str]]) -> SpeakerPhrase | None:
    if not tokens:
        return None
    span = Span(tokens[0][0], tokens[-1][1])
    words = [t[2] for t in tokens]
    lowered = [w.lower() for w in words]
    last = lowered[-1]
    if len(words) == 1 and last in PRONOUNS:
        return SpeakerPhrase(span, SpeakerKind.REFERENCE, last, None, "")
    if is_outlet(words):
        return SpeakerPhrase(span, SpeakerKind.OUTLET, " ".join(words), None, "", person=False)
    document = _document(tokens)
    if document is not None:
        return document
    if last in SOURCE_NOUNS:
        # "the official", "the diplomat": a reference back, resolved from context.
        definite = lowered[0] == "the" and not last.endswith(("s", "people"))
        kind = SpeakerKind.REFERENCE if definite else SpeakerKind.ANONYMOUS
        return SpeakerPhrase(span, kind, " ".join(lowered), None, "")
    if last in _ORG_WORDS:
        start = next((i for i, w in enumerate(lowered) if w not in DETERMINERS), 0)
        name = " ".join(words[start:])
        return SpeakerPhrase(span, SpeakerKind.NAMED, name, name.lower(), "", person=False)
    cut = max((i + 1 for i, w in enumerate(lowered) if w in TITLES), default=0)
    name_words = [w for w in words[cut:] if w.lower() not in DETERMINERS]
    role = " ".join(w for w in lowered[:cut] if w not in DETERMINERS)
    if not any(w[0].isupper() for w in name_words):
        return SpeakerPhrase(span, SpeakerKind.REFERENCE, " ".join(lowered), None, role)
    name = re.sub(r"['’]s$", "", " ".join(name_words))
    person = not any(w.lower() in _ORG_WORDS for w in name_words)
    return SpeakerPhrase(span, SpeakerKind.NAMED, name, surname_key(name), role, person)
