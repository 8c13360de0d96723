"""Who is quoted, merged across outlets: one row per source however each outlet words it.

Named sources merge by the framing analysis's surname key ("Mira Halden", "Halden").
Unnamed sources merge by their wording, normalised: case, determiners and numbers ("a",
"the", "several", "two"), rank words ("senior", "top"), "U.S."/"US", plurals, and what follows
a post-modifier ("close to", "familiar with") are set aside, leaving a head noun
("official") and qualifiers ("state", "department", "us"). A wording whose qualifiers are
a subset of exactly one fuller wording of the same head joins it ("US officials" and "A
State Department official" join "A senior U.S. State Department official"); when two fuller
wordings could take it, it stays apart (conservative). Every variant stays listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.framing.quoting import Source
from analysis.result import ComparisonResult

__all__ = ["SourceGroup", "anonymous_key", "source_groups"]

_TOKEN = re.compile(r"[a-z]+(?:[.'’][a-z]+)*\.?")
_SKIP = frozenset(
    "a an the this that these those some several many few two three four five six seven "
    "eight nine ten dozen one other another senior top high ranking high-ranking key "
    "unnamed anonymous".split()
)
_STOP = frozenset(
    "close familiar with who that in at of from to on for by and or speaking said".split()
)
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "staff": "staff"}


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """One source across outlets.

    Attributes:
        key: Merging key (``named:halden``, ``anonymous:official|department state us``).
        name: The wording shown (the shortest of the fullest variants).
        anonymous: Whether the source is unnamed.
        variants: Every wording seen, in order of first appearance.
        by_article: ``(article id, attributions)`` for each article crediting it, in input
            order of the articles.
    """

    key: str
    name: str
    anonymous: bool
    variants: tuple[str, ...]
    by_article: tuple[tuple[str, tuple[Source, ...]], ...]

    @property
    def total(self) -> int:
        """All attributions to this source in all articles."""
        return sum(len(s) for _, s in self.by_article)


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("sses") or word.endswith("shes") or word.endswith("ches"):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def anonymous_key(phrase: str) -> tuple[str, frozenset[str]]:
    """Return ``(head noun, qualifiers)`` of an unnamed source's wording."""
    flat = re.sub(r"\bu\.\s?s\.?(?=\s|$)|\bu\.s\.a\.?", "us", phrase.lower())
    words: list[str] = []
    for token in _TOKEN.findall(flat):
        word = token.strip(".").replace("’", "'")
        if word in _STOP:
            break  # "sources close to the security services": the source is "sources"
        if word and word not in _SKIP:
            words.append(word)
    if not words:
        return ("", frozenset())
    head = _singular(words[-1])
    return (head, frozenset(_singular(w) for w in words[:-1]))


def source_groups(result: ComparisonResult) -> tuple[SourceGroup, ...]:
    """Return the sources of a result merged across outlets, most widely credited first."""
    framing = result.framing
    if framing is None:
        return ()
    known = {a.id for a in result.articles}
    sources = [s for item in framing.articles if item.article in known for s in item.sources]
    keys = _keys(sources)
    order = {a.id: i for i, a in enumerate(result.articles)}
    groups: dict[str, list[Source]] = {}
    for src in sources:
        groups.setdefault(keys[_id(src)], []).append(src)
    out = [_group(key, members, order) for key, members in groups.items()]
    out.sort(key=lambda g: (-len(g.by_article), -g.total, g.anonymous, g.name.lower()))
    return tuple(out)


def _id(src: Source) -> tuple[str, int, int]:
    return (src.article, src.span.start, src.span.end)


def _keys(sources: Iterable[Source]) -> dict[tuple[str, int, int], str]:
    keys: dict[tuple[str, int, int], str] = {}
    wordings: dict[tuple[str, int, int], tuple[str, frozenset[str]]] = {}
    for src in sources:
        if src.anonymous or not src.key:
            wordings[_id(src)] = anonymous_key(src.name)
        else:
            keys[_id(src)] = f"named:{src.key}"
    merged = _merge(set(wordings.values()))
    for ident, wording in wordings.items():
        head, quals = merged[wording]
        keys[ident] = f"anonymous:{head}|{' '.join(sorted(quals))}"
    return keys


def _merge(
    wordings: set[tuple[str, frozenset[str]]],
) -> dict[tuple[str, frozenset[str]], tuple[str, frozenset[str]]]:
    """Map each wording to the one fuller wording it joins (or to itself)."""
    out = {}
    for head, quals in wordings:
        fuller = [q for h, q in wordings if h == head and quals < q]
        tops = [q for q in fuller if not any(q < other for other in fuller)]
        out[(head, quals)] = (head, tops[0]) if len(tops) == 1 else (head, quals)
    return out


def _group(key: str, members: list[Source], order: dict[str, int]) -> SourceGroup:
    anonymous = key.startswith("anonymous:")
    variants = tuple(dict.fromkeys(" ".join(s.name.split()) for s in members))
    if anonymous:
        fullest = max(len(anonymous_key(v)[1]) for v in variants)
        name = min(
            (v for v in variants if len(anonymous_key(v)[1]) == fullest),
            key=lambda v: (len(v), v),
        )
    else:
        name = max(variants, key=lambda v: (len(v), v))
    by: dict[str, list[Source]] = {}
    for src in members:
        by.setdefault(src.article, []).append(src)
    per = tuple((a, tuple(s)) for a, s in sorted(by.items(), key=lambda i: order[i[0]]))
    return SourceGroup(key, name, anonymous, variants, per)
