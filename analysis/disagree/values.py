"""The frozen values of the disagreement analysis; all refer to texts by character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Actor",
    "Disagreement",
    "DisagreementReport",
    "Member",
    "Mention",
    "Quantity",
    "Relation",
]

INF = float("inf")


class Relation(StrEnum):
    """How the members of one compared slot relate."""

    CONTRADICTION = "contradiction"  # two ranges that do not overlap
    VAGUENESS = "vagueness"  # different wording, ranges overlap (one side vague)
    AGREEMENT = "agreement"  # the same range
    DIFFERENT = "different"  # labels: different words for the same people or act


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number or quantity found in a text, normalised to a closed range.

    Attributes:
        start: Offset of its first character in the article's text.
        end: Offset after its last character.
        low: Lower end of the range (inclusive).
        high: Upper end (inclusive; ``inf`` for "at least" and "more than").
        unit: ``count``, ``percent``, ``money:<currency>``, ``duration:<unit>``, ``date``,
            ``year``, ``time`` or ``fraction``.
        counts: What it counts: the lemma of the noun it quantifies, or "" when unknown.
        vague: Whether the wording is vague ("about", "dozens", "at least").
        text: The words as written.
        context: Content words around it in its sentence (lemmas), for telling whether
            two quantities are about the same thing.
        names: Names among those words (lower case): two figures next to different
            names ("Gingrich garnered 11 percent", "Huckabee (14 percent)") differ.
        near: The nearest content word on each side (what the figure attaches to).
        act: The content word just before it ("published on Sunday" -> "published"):
            what a date dates.
        implied: Whether ``counts`` was inferred rather than written (a bare
            "thousands" counts people).
        stems: Crude stems of ``context`` ("costing" -> "cost"), for comparing.
        period: The time frame its sentence states ("span:2007-2014", "year:2014",
            "rel:last", "span" or ""), see :mod:`analysis.disagree.periods`.
    """

    start: int
    end: int
    low: float
    high: float
    unit: str
    counts: str
    vague: bool
    text: str
    context: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    act: str = ""
    implied: bool = False
    stems: frozenset[str] = frozenset()
    period: str = ""

    def overlaps(self, other: Quantity) -> bool:
        """Return whether the two ranges share a value."""
        return self.low <= other.high and other.low <= self.high

    @property
    def value(self) -> str:
        """The normalised range as short text, e.g. ``2700–3300 people``."""
        return format_range(self.low, self.high, self.unit, self.counts)


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()


def _calendar(x: float, unit: str) -> str:
    v = int(x)
    if unit == "date":
        return f"{_MONTHS[v // 100 - 1]} {v % 100}" if 1 <= v // 100 <= 12 else str(v)
    if unit == "time":
        return f"{v // 60:02d}:{v % 60:02d}"
    if unit == "weekday":
        return _DAYS[v - 1] if 1 <= v <= 7 else str(v)
    return str(v)  # a year


def format_range(low: float, high: float, unit: str, counts: str) -> str:
    """Return a range as short text (``40+``, ``2,700–3,300``, ``12``, ``Mar 20``)."""
    calendar = unit in ("date", "time", "weekday", "year")

    def num(x: float) -> str:
        if calendar:
            return _calendar(x, unit)
        return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")

    if high == INF:
        shown = f"{num(low)}+"
    elif low == high:
        shown = num(low)
    else:
        shown = f"{num(low)}–{num(high)}"
    what = counts or ("" if calendar else unit.split(":")[-1])
    return f"{shown} {what}".strip()


@dataclass(frozen=True, slots=True)
class Member:
    """One outlet's side of a disagreement: a span of its text and what it says there."""

    article: str
    start: int
    end: int
    value: str
    low: float | None = None
    high: float | None = None
    category: str = ""


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One compared slot of one aligned fact.

    Attributes:
        kind: ``number`` or ``label``.
        relation: How the members relate (:class:`Relation`).
        subject: What is compared: what a number counts, or the label group.
        members: One entry per mention, in input order of the articles.
        cluster: Id of the alignment cluster of the fact, or None.
        link: Index of the alignment link of the fact (facts outside clusters), or None.
        passages: The fact's passage in each article carrying it: (article, start, end).
        link_list: For a link: ``links``, or ``shared_facts`` for a "shares a fact" link
            (the JSON form keeps those apart); ``link`` indexes that list.
    """

    kind: str
    relation: Relation
    subject: str
    members: tuple[Member, ...]
    cluster: int | None
    link: int | None
    passages: tuple[tuple[str, int, int], ...] = ()
    link_list: str = ""

    @property
    def contradiction(self) -> bool:
        """Whether two members cannot both be true."""
        return self.relation is Relation.CONTRADICTION

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles with a member, in order, each once."""
        return tuple(dict.fromkeys(m.article for m in self.members))


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor: ``form`` is ``name``, ``surname``, ``title`` or ``description``."""

    article: str
    start: int
    end: int
    text: str
    form: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A person named in the articles, with every mention grouped to it."""

    id: int
    name: str
    mentions: tuple[Mention, ...]

    def in_article(self, article_id: str) -> tuple[Mention, ...]:
        """Return the mentions in one article."""
        return tuple(m for m in self.mentions if m.article == article_id)


@dataclass(frozen=True, slots=True)
class DisagreementReport:
    """Number and label disagreements per aligned fact, and how each outlet names each actor.

    Attributes:
        items: Disagreements (relation other than agreement), in fact order.
        agreements: How many compared number slots agreed exactly.
        actors: Actors with two or more mentions, most mentioned first.
    """

    items: tuple[Disagreement, ...]
    agreements: int
    actors: tuple[Actor, ...]
