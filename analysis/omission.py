"""The omission matrix, Qt-free: for each passage and outlet, how that outlet carries it.

One definition for the app and every report. A row is a passage: an alignment cluster,
a group of sentences joined only by links outside every cluster (most often "shares a
fact" links, which may be many-to-many), or a passage only one outlet has
(``coverage.unique``). Each outlet's cell says how it carries the passage:

* ``verbatim`` / ``edited`` / ``paraphrase``: it has the passage, by its strongest link;
* ``partial`` ("shares a fact"): one of its sentences asserts a fact of the passage while
  one side says more; ``shared`` locates the words carrying that fact;
* ``only here``: the one outlet of a passage no other outlet asserts any fact of;
* ``missing`` ("not found"): no link joins the outlet to the passage.

A fact carried in part or in other words is therefore never "not found": any link from
a row's passage into an outlet, of any kind, makes that outlet's cell a carrying one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from analysis.align.values import Alignment, Link
from analysis.model import Article, Span
from analysis.omission_groups import Positions, by_paragraph, free_groups

__all__ = [
    "CARRYING",
    "CellKind",
    "LinkIndex",
    "MatrixCell",
    "MatrixRow",
    "join_words",
    "matrix_rows",
    "rank",
]

_EXCERPT_CHARS = 90


class CellKind(StrEnum):
    """How one outlet carries a passage; ``label`` is the wording shown to people."""

    VERBATIM = "verbatim"
    EDITED = "edited"
    PARAPHRASE = "paraphrase"
    PARTIAL = "partial"
    ONLY_HERE = "only here"
    MISSING = "missing"

    @property
    def label(self) -> str:
        """The user-facing name ("shares a fact", "not found" …)."""
        return _LABELS[self]


_LABELS = {
    CellKind.VERBATIM: "verbatim",
    CellKind.EDITED: "edited",
    CellKind.PARAPHRASE: "paraphrase",
    CellKind.PARTIAL: "shares a fact",
    CellKind.ONLY_HERE: "only here",
    CellKind.MISSING: "not found",
}
#: The kinds of a cell whose outlet carries (some of) the passage.
CARRYING = frozenset((CellKind.VERBATIM, CellKind.EDITED, CellKind.PARAPHRASE, CellKind.PARTIAL))
_RANK = {CellKind.VERBATIM: 0, CellKind.EDITED: 1, CellKind.PARAPHRASE: 2, CellKind.PARTIAL: 3}


_RANK_OF = {k.value: r for k, r in _RANK.items()}


def rank(kind: str) -> int:
    """Strength of a link kind: 0 for verbatim up to 3 for "shares a fact" (4: unknown)."""
    return _RANK_OF.get(str(kind), len(_RANK))


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One outlet's share of one passage.

    Attributes:
        article: Article id (the column).
        kind: How the outlet carries the passage.
        position: ``headline``, ``lead``, ``body`` or ``end``; empty when not found.
        start: Start offset of the outlet's passage (of the first carrier when not found).
        end: End offset, likewise.
        evidence_article: Article the offsets refer to (the first carrier when not found).
        shared: Spans (in ``evidence_article``) of the words that carry a fact this cell
            shares with a "shares a fact" cell of the row (of a copied sentence too, when
            a third outlet shares a fact of it); empty otherwise.
    """

    article: str
    kind: CellKind
    position: str
    start: int
    end: int
    evidence_article: str
    shared: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One passage and how every outlet carries it.

    Attributes:
        cluster: Id of the aligner's cluster, or None (a group of sentences outside every
            cluster, or a passage only one outlet has).
        excerpt: The start of the passage as the first carrier words it.
        cells: One cell per article, in input order.
        texts: Each carrier's passage text, same order as ``cells`` ("" where not found).
    """

    cluster: int | None
    excerpt: str
    cells: tuple[MatrixCell, ...]
    texts: tuple[str, ...]

    @property
    def omitting(self) -> tuple[str, ...]:
        """Ids of the articles in which the passage is not found."""
        return tuple(c.article for c in self.cells if c.kind is CellKind.MISSING)

    @property
    def first(self) -> MatrixCell:
        """The cell of the first outlet that carries the passage."""
        return next(c for c in self.cells if c.kind is not CellKind.MISSING)

    @property
    def only_here(self) -> bool:
        """Whether one outlet alone has the passage (no other asserts any of its facts)."""
        return any(c.kind is CellKind.ONLY_HERE for c in self.cells)


class LinkIndex:
    """Links by article and span, sorted by start, to find those overlapping a span fast.

    Link ends are sentences, and a sentence of a widely copied story has a link to every
    other outlet: ends are grouped by span, so a lookup walks the sentences near the
    span, not every link end there.
    """

    def __init__(self, links: Sequence[Link]) -> None:
        """Index ``links`` by the article and span of each side."""
        grouped: dict[str, dict[tuple[int, int], list[int]]] = {}
        for i, link in enumerate(links):
            for p in (link.a, link.b):
                grouped.setdefault(p.article, {}).setdefault((p.start, p.end), []).append(i)
        self.links = tuple(links)
        self._spans = {a: sorted(v.items()) for a, v in grouped.items()}
        self._starts = {a: [s for (s, _), _ in v] for a, v in self._spans.items()}
        self._longest = {a: max(e - s for (s, e), _ in v) for a, v in self._spans.items()}

    def overlapping(self, article: str, start: int, end: int) -> list[Link]:
        """Return the links whose side in ``article`` overlaps ``[start, end)``."""
        spans = self._spans.get(article)
        if not spans:
            return []
        stop = max(end, start + 1)
        starts = self._starts[article]
        lo = bisect_left(starts, start - self._longest[article])
        hi = bisect_left(starts, stop)
        return [
            self.links[i] for (s, e), found in spans[lo:hi] if s < stop and start < e for i in found
        ]


@dataclass(frozen=True, slots=True)
class _Member:
    article: str
    start: int
    end: int
    position: str


def matrix_rows(
    articles: Sequence[Article], alignment: Alignment | None, *, unique: bool = True
) -> tuple[MatrixRow, ...]:
    """Build the matrix rows of an alignment, in story order.

    Args:
        articles: The articles compared, in input order (the columns).
        alignment: Their alignment; None gives no rows.
        unique: Whether passages only one outlet has get rows too.

    Returns:
        Rows ordered by the first outlet that carries the passage, then by offset there.
    """
    if alignment is None:
        return ()
    by_id = {a.id: a for a in articles}
    index = LinkIndex(alignment.links)
    lead = int(getattr(alignment.settings, "lead_sentences", 2))
    builder = _Builder(articles, by_id, index, lead)
    rows: list[MatrixRow] = []
    clustered: dict[str, list[tuple[int, int]]] = {}
    for cluster in alignment.clusters:
        members = [
            _Member(m.article, m.start, m.end, str(m.position))
            for m in cluster.members
            if m.article in by_id
        ]
        for m in members:
            clustered.setdefault(m.article, []).append((m.start, m.end))
        rows.append(builder.row(int(cluster.id), members))
    strongest_first = sorted(alignment.links, key=lambda k: (rank(str(k.kind)), -k.score))
    for group in free_groups(strongest_first, clustered, by_id):
        rows.append(builder.row(None, [builder.member(a, s, e) for a, s, e in group]))
    if unique:
        for coverage in alignment.coverage:
            article = by_id.get(coverage.article)
            if article is None:
                continue
            for start, end in by_paragraph(article, coverage.unique):
                rows.append(builder.row(None, [builder.member(article.id, start, end)]))
    order = {a.id: i for i, a in enumerate(articles)}
    return tuple(sorted(rows, key=lambda r: (order[r.first.article], r.first.start)))


class _Builder:
    """Turns the members of one passage into a row, looking links up in the index."""

    def __init__(
        self, articles: Sequence[Article], by_id: dict[str, Article], index: LinkIndex, lead: int
    ) -> None:
        self.articles, self.by_id, self.index = articles, by_id, index
        self.positions = Positions(lead)

    def member(self, article: str, start: int, end: int) -> _Member:
        """A member outside every cluster, with its position computed here."""
        return _Member(article, start, end, self.positions.of(self.by_id[article], start))

    def row(self, cluster: int | None, members: list[_Member]) -> MatrixRow:
        """The row of a passage held by ``members`` (at most one per article)."""
        held = {m.article: m for m in members}
        inner: dict[str, list[Link]] = {}  # member article -> its links to other members
        own: dict[str, list[Link]] = {}  # member article -> all its links
        into: dict[str, list[Link]] = {}  # other article -> links from members into it
        for m in members:
            for link in self.index.overlapping(m.article, m.start, m.end):
                own.setdefault(m.article, []).append(link)
                other = link.b if link.a.article == m.article else link.a
                if other.article not in held:
                    into.setdefault(other.article, []).append(link)
                elif _overlaps(held[other.article], other.start, other.end):
                    inner.setdefault(m.article, []).append(link)
        cells: list[MatrixCell] = []
        for article in self.articles:
            member = held.get(article.id)
            if member is not None:
                links = inner.get(article.id) or own.get(article.id, [])
                cells.append(_member_cell(member, links, alone=len(members) == 1 and not into))
            else:
                cells.append(self._outside_cell(article.id, into.get(article.id, []), members[0]))
        cells = _with_facts(cells, own)
        cells = [
            replace(c, shared=join_words(self.by_id[c.article].text, c.shared)) if c.shared else c
            for c in cells
        ]
        texts = tuple(
            "" if c.kind is CellKind.MISSING else self.by_id[c.article].text[c.start : c.end]
            for c in cells
        )
        first = next(c for c in cells if c.kind is not CellKind.MISSING)
        return MatrixRow(cluster, self._excerpt(first), tuple(cells), texts)

    def _excerpt(self, cell: MatrixCell) -> str:
        """The passage as its first carrier words it; for a shared fact, the fact's words.

        One sentence can share several facts (one row each): its shared words tell the
        rows apart where the sentence's start would not.
        """
        text = self.by_id[cell.article].text
        if cell.kind is CellKind.PARTIAL and cell.shared:
            return _excerpt(" … ".join(text[s.start : s.end] for s in cell.shared))
        return _excerpt(text[cell.start : cell.end])

    def _outside_cell(self, article: str, links: list[Link], first: _Member) -> MatrixCell:
        """The strongest link from any member into ``article``, as that outlet's cell."""
        best = _strongest(links)
        side = None if best is None else best.side(article)
        if best is None or side is None:
            return MatrixCell(article, CellKind.MISSING, "", first.start, first.end, first.article)
        kind = CellKind(str(best.kind))
        shared = _shared(best, article) if kind is CellKind.PARTIAL else ()
        position = self.positions.of(self.by_id[article], side.start)
        return MatrixCell(article, kind, position, side.start, side.end, article, shared)


def _member_cell(member: _Member, links: list[Link], *, alone: bool) -> MatrixCell:
    """A member's kind: its strongest link to another member (else to anywhere)."""
    m = member
    if alone:
        return MatrixCell(m.article, CellKind.ONLY_HERE, m.position, m.start, m.end, m.article)
    best = _strongest(links)
    kind = CellKind.PARAPHRASE if best is None else CellKind(str(best.kind))
    shared: tuple[Span, ...] = ()
    if kind is CellKind.PARTIAL:
        partial = [k for k in links if str(k.kind) == CellKind.PARTIAL]
        shared = _merged(s for k in partial for s in _shared(k, m.article))
    return MatrixCell(m.article, kind, m.position, m.start, m.end, m.article, shared)


def _with_facts(cells: list[MatrixCell], own: dict[str, list[Link]]) -> list[MatrixCell]:
    """Give a copied or reworded member the words of the facts it shares in this row.

    A sentence can be copy for one outlet and share a fact with another: its cell keeps
    the stronger kind, and ``shared`` locates the fact the row's "shares a fact" cells hold.
    """
    partial = {(c.article, c.start, c.end) for c in cells if c.kind is CellKind.PARTIAL}
    if not partial:
        return cells
    out = []
    for c in cells:
        if c.kind in CARRYING and c.kind is not CellKind.PARTIAL:
            facts = [
                span
                for k in own.get(c.article, ())
                if str(k.kind) == CellKind.PARTIAL and _far_end(k, c.article) in partial
                for span in _shared(k, c.article)
            ]
            c = replace(c, shared=_merged(facts)) if facts else c
        out.append(c)
    return out


def _far_end(link: Link, article: str) -> tuple[str, int, int]:
    other = link.b if link.a.article == article else link.a
    return (other.article, other.start, other.end)


def _overlaps(member: _Member, start: int, end: int) -> bool:
    return start < member.end and member.start < end


def _strongest(links: Iterable[Link]) -> Link | None:
    return min(links, key=lambda k: (rank(str(k.kind)), -k.score), default=None)


def _shared(link: Link, article: str) -> tuple[Span, ...]:
    """The shared-word spans of a link's side in ``article`` (the whole side when none)."""
    side = link.side(article)
    if side is None:
        return ()
    spans = link.shared_a if link.a.article == article else link.shared_b
    return _merged(spans) if spans else (side.span,)


def join_words(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Merge spans that overlap or touch or lie apart by white space only, in order.

    Shared words come one span per word; joined, "federal prosecutors plan" shows as one
    run instead of three with gaps between them.
    """
    out: list[Span] = []
    for s in sorted(spans, key=lambda x: (x.start, x.end)):
        if out and (s.start <= out[-1].end or not text[out[-1].end : s.start].strip()):
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return tuple(out)


def _merged(spans: Iterable[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda x: (x.start, x.end)):
        if out and s.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return tuple(out)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT_CHARS else flat[: _EXCERPT_CHARS - 1].rstrip() + "…"
