"""Who a speaker phrase refers to: pronouns, bare titles and repeated anonymous sources.

Simple rules, not coreference resolution (see :mod:`analysis.framing.attribution`): a
pronoun or title goes to the last named person speaking in the previous three sentences,
or else to the last person-like name of the previous sentence; "the official" after "a
senior official said" is that same unnamed source.
"""

from __future__ import annotations

import re

from analysis.framing.speakers import NOT_NAMES, TITLES, SpeakerKind, SpeakerPhrase, surname_key
from analysis.model import Article

__all__ = ["antecedent", "same_unnamed"]

_LOOKBACK = 3
_FAR_LOOKBACK = 8
_MENTION_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Rev|Prof)\.\s+)"
_MENTION = re.compile(
    rf"\b({_MENTION_TITLE})?([A-Z][\w’'-]+(?:\s+(?:(?:le|la|de|van|von|da|di|del|bin|al)\s+)?"
    r"[A-Z][\w’'-]+)*)"
)
# Capitalised words that make a mention a place, a programme or a body, not a person.
_NOT_PERSON = frozenset(
    (
        "united states america american carolina dakota arabia security york jersey mexico "
        "hampshire virginia island korea africa kingdom nations union republican republicans "
        "democratic democrats party capitol hill street medicare medicaid obamacare congress "
        "senate house court county city state department administration campaign organization "
        "association committee council foundation institute university center coalition "
        "network group news times post journal"
    ).split()
)
_PREP_BEFORE = re.compile(r"\b(?:of|in|from|at|to|for|on|by|with)\s+$", re.IGNORECASE)
_RECENT_SPEAKERS = 50  # a title looks this many speakers back, however long the sentences


def same_unnamed(
    sentence: int, unnamed: list[tuple[int, SpeakerPhrase]], ref: SpeakerPhrase
) -> SpeakerPhrase | None:
    """'The official said' after 'a senior official said': the same anonymous source."""
    if ref.kind is not SpeakerKind.REFERENCE or not ref.name.startswith("the "):
        return None
    head = ref.name.split()[-1]
    for s, p in reversed(unnamed):  # in text order: stop at the first one too far back
        if sentence - s > _LOOKBACK:
            break
        if p.name.split()[-1] == head:
            return p
    return None


def antecedent(
    article: Article,
    sentence: int,
    people: list[tuple[int, SpeakerPhrase]],
    ref: SpeakerPhrase,
    context: tuple[set[str], dict[int, list[re.Match[str]]]],
) -> SpeakerPhrase | None:
    """The person a pronoun or title refers to (see the module docstring).

    ``context`` holds the surname keys named so far and the cache of each sentence's
    capitalised runs (found once per sentence, not once per pronoun).

    The last person speaking in the previous three sentences, unless a person is named in a
    later sentence before this one ('Lauten later apologized. "…," she said'); a title
    ("the governor") prefers a recent speaker who carried it.
    """
    recent: list[tuple[int, SpeakerPhrase]] = []  # newest first
    for s, p in reversed(people[-_RECENT_SPEAKERS:]):  # in text order: the last few sentences
        if sentence - s > _LOOKBACK:
            break
        recent.append((s, p))
    if ref.role or ref.name not in ("he", "she", "i", "we", "they"):
        words = set(ref.name.split())
        titled = next((p for _, p in recent if words & set(p.role.split())), None)
        if titled is not None:
            return titled
    recent.reverse()
    mention = _mentioned(article, sentence, *context)
    if recent and (mention is None or mention[0] <= recent[-1][0]):
        return recent[-1][1]
    if mention is not None:
        return mention[1]
    # Nobody nearer: the last person speaking within a few paragraphs ("she said" after a
    # stretch of her quotation and the reporter's narration).
    if ref.name in ("he", "she") and people and sentence - people[-1][0] <= _FAR_LOOKBACK:
        return people[-1][1]
    return None


def _mentioned(
    article: Article, sentence: int, known: set[str], cache: dict[int, list[re.Match[str]]]
) -> tuple[int, SpeakerPhrase] | None:
    """The last person named in the previous sentence, else the one before (not headline).

    A person is a titled surname ("Mr. Patrick"), a known speaker's surname, or two
    capitalised words that are not a place or body ("South Carolina", "Social Security")
    nor follow a preposition.
    """
    text, headline = article.text, article.headline
    for back in (1, 2):
        if sentence - back < 0:
            return None
        prev = article.sentences[sentence - back]
        if headline.end > headline.start and prev.start < headline.end:
            return None
        runs = cache.get(sentence - back)
        if runs is None:
            runs = cache[sentence - back] = list(_MENTION.finditer(text, prev.start, prev.end))
        last = next((m for m in reversed(runs) if _person(text, m, known)), None)
        if last is not None:
            name = last.group(2)
            phrase = SpeakerPhrase(prev, SpeakerKind.NAMED, name, surname_key(name), "")
            return sentence - back, phrase
    return None


def _person(text: str, match: re.Match[str], known: set[str]) -> bool:
    words = match.group(2).split()
    if words[-1].lower() in TITLES or words[-1].endswith(("'s", "’s")):
        return False  # "Enter Ms" (cut at the dot); "Obama's decision" is not the subject
    if not match.group(1) and len(words) < 2 and surname_key(words[0]) not in known:
        return False
    if any(w.lower().strip("’'") in _NOT_PERSON for w in words):
        return False
    if any(w.lower() in NOT_NAMES or w.lower() in ("the", "a") for w in words):
        return False
    return not _PREP_BEFORE.search(text, max(0, match.start() - 6), match.start())
