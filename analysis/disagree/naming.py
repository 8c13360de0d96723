"""How each outlet names each actor: mentions of one person grouped across all articles.

Rules, no trained model: a run of capitalised words is a person's name when somewhere in
the articles it has a courtesy title ("Mr."), a role before it ("Interior Minister", "union
boss"), a role in apposition (", the head of ...") or a speech verb after it ("said").
Names sharing a surname (or, for one-word mentions, any word of a full name) are one
actor. A description ("the embattled minister", "the dictator") names the actor whose
known roles match its head noun (through the alias list in
``resources/disagree/naming.toml``), preferring the one the article mentioned last.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from analysis.disagree.values import Actor, Mention
from analysis.errors import AnalysisError
from analysis.model import Article
from analysis.progress import CancelFn, check_cancelled
from analysis.resources import resource

__all__ = ["name_actors"]

_SPEECH = frozenset(
    """said says told claimed added wrote tweeted insisted declared argued stated announced
    warned explained noted replied admitted denied asked urged stressed confirmed
    revealed ranted fumed sneered blasted""".split()
)
_CAP = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
_RUN = re.compile(rf"\b{_CAP}(?:\s+(?:{_CAP}|[A-Z]\.(?=\s+[A-Z])))*")
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_NONSPACE = re.compile(r"\S+")
_COURTESY = re.compile(r"\b(?:Mrs?|Ms|Dr)\. $")
_PUNCT_END = re.compile(r"[.,;:\"“”]\s*$")
_APPOSITION = re.compile(r",\s+(?:the|a|an|its|his|her)\s+([^,.;]{1,60})")
_PREPOSITION = re.compile(r"\s(?:of|for|at|in|with|from|on|since)\s")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|of)\s+$")
_NEXT_VERB = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]+)")
_DESC_WORD = re.compile(r"[A-Za-z][\w'’-]*|[^\w\s]")
_OF_THE = re.compile(r"\s+of\s+the\s+((?:[a-z]+\s+)?[a-z]+)(?=[\s,.;])")
_CAP_NEXT = re.compile(r"\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class _Rules:
    honorifics: frozenset[str]
    roles: frozenset[str]
    role_class: dict[str, str]
    not_person: frozenset[str]
    not_name: frozenset[str]
    weak: frozenset[str]


@cache
def _rules() -> _Rules:
    try:
        data = tomllib.loads(resource("disagree", "naming.toml").read_text("utf-8"))
        role_class = {r: r for r in data["roles"]}
        for head, others in data["aliases"].items():
            for other in (head, *others):
                role_class[str(other)] = str(head)
        return _Rules(
            frozenset(data["honorifics"]),
            frozenset(data["roles"]),
            role_class,
            frozenset(data["not_person"]),
            frozenset(data["not_name"]),
            frozenset(data["no_description"]),
        )
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise AnalysisError(
            f"The built-in naming rules are broken ({exc}).", code="analysis.naming"
        ) from exc


@dataclass(slots=True)
class _Found:
    """One name occurrence before grouping."""

    article: str
    start: int
    end: int
    name: tuple[str, ...]  # the name's words, titles stripped
    title: tuple[str, ...]  # role words seen with it (lower case)
    evidence: bool
    titled: bool


@dataclass(slots=True)
class _Actor:
    key: tuple[str, ...]
    roles: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


def name_actors(
    articles: Sequence[Article], *, is_cancelled: CancelFn | None = None
) -> tuple[Actor, ...]:
    """Group the mentions of each person across the articles.

    Args:
        articles: The articles.
        is_cancelled: Polled between articles.

    Returns:
        Actors with two or more mentions, most mentioned first.

    Raises:
        Cancelled: When ``is_cancelled()`` became true.
    """
    rules = _rules()
    found: list[_Found] = []
    for art in articles:
        check_cancelled(is_cancelled)
        found.extend(_names(art, rules))
    people = {f.name for f in found if f.evidence}
    found = [f for f in found if f.name in people or _known_by_part(f.name, people)]
    actors = _group(found)
    for art in articles:
        check_cancelled(is_cancelled)
        _known_names(art, actors, rules)
        _descriptions(art, actors, rules)
    done = [a for a in actors.values() if len(a.mentions) > 1]
    done.sort(key=lambda a: (-len(a.mentions), a.key))
    return tuple(
        Actor(i, " ".join(a.key), tuple(sorted(a.mentions, key=lambda m: (m.article, m.start))))
        for i, a in enumerate(done)
    )


def _known_by_part(name: tuple[str, ...], people: set[tuple[str, ...]]) -> bool:
    return len(name) == 1 and any(len(p) > 1 and name[0] in p for p in people)


def _names(art: Article, rules: _Rules) -> list[_Found]:
    text = art.text
    out = []
    for m in _RUN.finditer(text):
        tokens = m[0].split()
        if len(tokens) == 1 and (tokens[0] in rules.not_name or tokens[0] in rules.not_person):
            continue  # a sentence-initial word or a lone organisation word: the common case
        offsets = [m.start() + o.start() for o in _NONSPACE.finditer(m[0])]
        k, titled, title = _split_title(tokens, rules)
        name = _key(tokens[k:])
        if not name or len(name) > 4 or any(t in rules.not_person for t in name):
            continue
        if text[m.start() - 4 : m.start()].lower() == "the " and not titled:
            continue
        start = offsets[0] if titled else offsets[k]
        roles = _roles_around(text, m.start(), m.end(), rules)
        title.extend(roles)
        before = _words_before(text, m.start(), 1)
        if not titled and before and before[0] in rules.roles:
            titled, start = True, _title_start(text, start, rules)
        # A speech verb alone does not make one word a person: "Iran said".
        evidence = titled or bool(roles) or (len(name) > 1 and _speaks(text, m.start(), m.end()))
        courtesy = _COURTESY.search(text[max(0, start - 5) : start])
        if courtesy:
            start, titled, evidence = start - len(courtesy[0]), True, True
        out.append(_Found(art.id, start, m.end(), name, tuple(title), evidence, titled))
    return out


def _split_title(tokens: list[str], rules: _Rules) -> tuple[int, bool, list[str]]:
    """Where the name starts in a run of capitalised words, and the title before it.

    Leading courtesy forms, roles, organisations and sentence-initial words are dropped,
    and so is everything up to the last role word ("DNC Chair Tom Perez", "South Korean
    President Moon Jae-in").
    """
    k, titled, title = 0, False, []
    while k < len(tokens) and (
        tokens[k] in rules.not_name
        or tokens[k].rstrip(".") in rules.honorifics
        or tokens[k].lower() in rules.roles
        or (tokens[k] in rules.not_person and k + 1 < len(tokens))
    ):
        word = tokens[k].rstrip(".")
        if word in rules.honorifics or word.lower() in rules.roles:
            titled = True
            title.append(word.lower())
        elif title or word in rules.not_person:
            title.append(word.lower())
        k += 1
    last_role = max(
        (i for i, t in enumerate(tokens[:-1]) if i >= k and t.lower() in rules.roles), default=-1
    )
    if last_role >= k:
        title.extend(t.lower() for t in tokens[k : last_role + 1])
        k, titled = last_role + 1, True
    return k, titled, title


def _title_start(text: str, start: int, rules: _Rules) -> int:
    """Start of a title phrase before a name ("Dravian Foreign Ministry spokesman")."""
    chunk = text[max(0, start - 70) : start]
    words = list(_WORDS.finditer(chunk))
    first = start
    for k, w in enumerate(reversed(words[-4:])):
        gap = chunk[w.end() : (words[len(words) - k].start() if k else len(chunk))]
        if gap.strip() or (k and not (w[0][0].isupper() or w[0].lower() in rules.roles)):
            break
        if w[0] in rules.not_name and w[0] not in rules.not_person:
            break
        first = start - len(chunk) + w.start()
    return first


def _key(name: Sequence[str]) -> tuple[str, ...]:
    words = " ".join(name).replace("’s", "").replace("'s", "").split()
    return tuple(w for w in words if len(w) > 1 and not w.endswith("."))


def _words_before(text: str, pos: int, n: int) -> list[str]:
    chunk = text[max(0, pos - 60) : pos]
    if _PUNCT_END.search(chunk):
        return []
    return [w.lower() for w in _WORDS.findall(chunk)][-n:][::-1]


def _roles_around(text: str, start: int, end: int, rules: _Rules) -> list[str]:
    """Role words of a lower-case title just before, or of an apposition just after."""
    roles: list[str] = []
    before = _words_before(text, start, 3)
    if before and before[0] in rules.roles:
        roles.extend(w for w in before[:2] if w in rules.roles or w.isalpha())
    after = _APPOSITION.match(text[end : end + 70])
    if after:
        head = _WORDS.findall(_PREPOSITION.split(after[1])[0])
        if head and head[-1].lower() in rules.roles:
            roles.extend(w.lower() for w in _WORDS.findall(after[1]))
    return roles


def _speaks(text: str, start: int, end: int) -> bool:
    """A speech verb right after the name (not after a place: "diplomats in Veska said")."""
    if _PLACE_BEFORE.search(text[max(0, start - 6) : start]):
        return False
    nxt = _NEXT_VERB.match(text[end : end + 30])
    return bool(nxt and nxt[1] in _SPEECH)


def _group(found: list[_Found]) -> dict[tuple[str, ...], _Actor]:
    actors: dict[tuple[str, ...], _Actor] = {}
    by_word: dict[str, list[tuple[str, ...]]] = {}  # word of a name -> actors' keys
    for f in sorted(found, key=lambda f: -len(f.name)):
        key = _match_actor(f.name, actors, by_word)
        if key is None:
            key = f.name
            for word in key:
                by_word.setdefault(word, []).append(key)
        actor = actors.setdefault(key, _Actor(key))
        actor.roles.update(f.title)
        form = "title" if f.titled else ("name" if len(f.name) > 1 else "surname")
        actor.mentions.append(Mention(f.article, f.start, f.end, "", form))
    return actors


def _match_actor(
    name: tuple[str, ...],
    actors: dict[tuple[str, ...], _Actor],
    by_word: dict[str, list[tuple[str, ...]]],
) -> tuple[str, ...] | None:
    """The known actor a name belongs to: same surname, else (one word) any word shared."""
    if name in actors:
        return name
    near = by_word.get(name[-1], [])
    same_last = [k for k in near if k[-1] == name[-1] and (len(name) == 1 or name[0] in k)]
    if not same_last and len(name) == 1:
        same_last = list(near)
    if not same_last:
        return None
    return max(same_last, key=lambda k: len(actors[k].mentions))


def _known_names(art: Article, actors: dict[tuple[str, ...], _Actor], rules: _Rules) -> None:
    """Add uses of known full names and surnames the run rules missed (title-case headlines)."""
    forms: dict[str, tuple[_Actor, str]] = {}
    for key, actor in actors.items():
        if len(key) > 1 and any(m.form != "surname" for m in actor.mentions):
            forms.setdefault(" ".join(key), (actor, "name"))
            last = key[-1]
            if last[0].isupper() and last not in rules.not_name and last not in rules.not_person:
                forms.setdefault(last, (actor, "surname"))
    if not forms:
        return
    taken = _Taken(actors, art.id)
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w-])(?:{alts})(?![\w-])", art.text):
        if taken.overlaps(m.start(), m.end()):
            continue
        actor, form = forms[m[0]]
        actor.mentions.append(Mention(art.id, m.start(), m.end(), "", form))


_THE = re.compile(r"\b[Tt]he\s+")
_STOPS = frozenset("of for at in on with from to by and or but who which that".split()) | _SPEECH


def _description(text: str, pos: int, rules: _Rules) -> tuple[int, str, set[str]] | None:
    """After "the" at ``pos``: (end, head role, modifier words), or None when no role."""
    words = list(_DESC_WORD.finditer(text[pos : pos + 90]))[:5]
    head = None
    for k, w in enumerate(words):
        low = w[0].lower().removesuffix("'s").removesuffix("’s")
        if not w[0][0].isalpha() or low in _STOPS:
            break
        if low in rules.roles:
            head = k
            if low != w[0].lower():
                break  # "the president's": the possessive ends the phrase
    if head is None:
        return None
    end = pos + words[head].end()
    role = words[head][0].lower().removesuffix("'s").removesuffix("’s")
    if role != words[head][0].lower():
        end -= 2
    mods = {w[0].lower() for w in words[:head]}
    tail = _OF_THE.match(text[end : end + 50])
    if tail:
        end += tail.end()
        mods.update(tail[1].split())
    elif role in rules.weak:
        return None  # "the new operator" names nobody in particular
    return end, role, mods


def _descriptions(art: Article, actors: dict[tuple[str, ...], _Actor], rules: _Rules) -> None:
    text = art.text
    taken = _Taken(actors, art.id)
    by_class = _by_role_class(actors, rules)
    starts = {
        id(a): sorted(m.start for m in a.mentions if m.article == art.id) for a in actors.values()
    }
    for m in _THE.finditer(text):
        found = _description(text, m.end(), rules)
        if found is None:
            continue
        end, head, words = found
        if _CAP_NEXT.match(text[end : end + 2]):
            continue  # a title before a name, already part of that mention
        candidates = by_class.get(rules.role_class.get(head, head), [])
        chosen = _resolve(words, m.start(), candidates, starts)
        if chosen is not None and not taken.overlaps(m.start(), end):
            chosen.mentions.append(Mention(art.id, m.start(), end, "", "description"))
            insort(starts[id(chosen)], m.start())


def _by_role_class(actors: dict[tuple[str, ...], _Actor], rules: _Rules) -> dict[str, list[_Actor]]:
    """Role class -> the actors with a role of that class, in the actors' order."""
    by_class: dict[str, list[_Actor]] = {}
    for actor in actors.values():  # roles are fixed from here on; only mentions grow
        for cls in {rules.role_class.get(r, r) for r in actor.roles}:
            by_class.setdefault(cls, []).append(actor)
    return by_class


def _resolve(
    words: set[str], pos: int, candidates: Sequence[_Actor], starts: dict[int, list[int]]
) -> _Actor | None:
    """The candidate sharing most modifier words, then mentioned last before ``pos``.

    ``starts`` holds each actor's sorted mention starts in this article, so the last one
    before ``pos`` is a bisection, not a scan of every mention.
    """
    best: tuple[int, int, int] | None = None
    choice = None
    for actor in candidates:
        own = starts[id(actor)]
        at = bisect_left(own, pos)
        key = (len(words & actor.roles), own[at - 1] if at else -1, len(actor.mentions))
        if best is None or key > best:
            best, choice = key, actor
    return choice


class _Taken:
    """The spans of one article's known mentions, asked "does [start, end) overlap any?".

    Sorted starts with a running maximum of ends: the spans starting before ``end`` are a
    prefix, and one of them overlaps exactly when the largest end in that prefix passes
    ``start``. Each question is a bisection, so a long article costs n log n, not n².
    """

    def __init__(self, actors: dict[tuple[str, ...], _Actor], aid: str) -> None:
        spans = sorted(
            (m.start, m.end) for a in actors.values() for m in a.mentions if m.article == aid
        )
        self._starts = [s for s, _ in spans]
        self._max_end = list(accumulate((e for _, e in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span that was known when this was built overlaps ``[start, end)``."""
        at = bisect_left(self._starts, end)
        return at > 0 and self._max_end[at - 1] > start
