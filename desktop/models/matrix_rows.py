"""Rows of the omission matrix, built Qt-free from ``result.alignment``.

A row is a passage cluster (the same content in two or more outlets) or, optionally, a
passage only one outlet has (``coverage.unique``): for the other outlets that is an
omission too. Rows run in story order: by the first outlet that carries the passage, then
by its offset there (the aligner's order of first appearance).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from analysis.model import Article
from analysis.result import ComparisonResult

__all__ = ["CellKind", "MatrixCell", "MatrixRow", "matrix_rows"]

_EXCERPT_CHARS = 90
_DEFAULT_LEAD = 2


class CellKind(StrEnum):
    """How one outlet carries a passage (strongest link of its member wins)."""

    VERBATIM = "verbatim"
    EDITED = "edited"
    PARAPHRASE = "paraphrase"
    PARTIAL = "partial"  # shares a fact
    ONLY_HERE = "only here"
    MISSING = "missing"


_RANK = {CellKind.VERBATIM: 0, CellKind.EDITED: 1, CellKind.PARAPHRASE: 2, CellKind.PARTIAL: 3}


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One outlet's share of one passage.

    Attributes:
        article: Article id (the column).
        kind: How the outlet carries the passage, or missing.
        position: ``headline``, ``lead``, ``body`` or ``end``; empty when missing.
        start: Start offset of the outlet's passage (of the first carrier when missing).
        end: End offset, likewise.
        evidence_article: Article the offsets refer to (the first carrier when missing).
    """

    article: str
    kind: CellKind
    position: str
    start: int
    end: int
    evidence_article: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One passage: its cluster number (None when only one outlet has it) and its cells.

    Attributes:
        cluster: Id of the aligner's cluster, or None for a passage only one outlet has.
        excerpt: The start of the passage as the first carrier words it.
        cells: One cell per article, in input order.
        texts: Each carrier's passage text, same order as ``cells`` ("" where missing).
    """

    cluster: int | None
    excerpt: str
    cells: tuple[MatrixCell, ...]
    texts: tuple[str, ...]

    @property
    def omitting(self) -> tuple[str, ...]:
        """Ids of the articles that leave the passage out."""
        return tuple(c.article for c in self.cells if c.kind is CellKind.MISSING)

    @property
    def first(self) -> MatrixCell:
        """The cell of the first outlet that carries the passage."""
        return next(c for c in self.cells if c.kind is not CellKind.MISSING)


def matrix_rows(result: ComparisonResult | None, *, unique: bool = True) -> tuple[MatrixRow, ...]:
    """Build the matrix rows from a result's alignment (empty without one).

    Args:
        result: The comparison result, or None.
        unique: Whether passages only one outlet has get rows too.

    Returns:
        Rows in story order.
    """
    alignment = None if result is None else result.alignment
    if result is None or alignment is None:
        return ()
    rows = [_cluster_row(result.articles, alignment, c) for c in alignment.clusters]
    if unique:
        lead = int(getattr(alignment.settings, "lead_sentences", _DEFAULT_LEAD))
        for i, article in enumerate(result.articles):
            spans = _by_paragraph(article, _unique_spans(alignment, article.id))
            rows.extend(_unique_row(result.articles, i, s, e, lead) for s, e in spans)
    order = {a.id: i for i, a in enumerate(result.articles)}
    kept = [r for r in rows if r is not None]
    return tuple(sorted(kept, key=lambda r: (order[r.first.article], r.first.start)))


def _cluster_row(articles: Sequence[Article], alignment: Any, cluster: Any) -> MatrixRow | None:
    members = {m.article: m for m in cluster.members}
    carriers = [a for a in articles if a.id in members]
    if not carriers:
        return None
    first = members[carriers[0].id]
    cells, texts = [], []
    for article in articles:
        m = members.get(article.id)
        if m is None:
            cells.append(_missing(article.id, first.article, first.start, first.end))
            texts.append("")
            continue
        kind = _member_kind(alignment.links_of(article.id), article.id, m.start, m.end)
        cells.append(MatrixCell(article.id, kind, str(m.position), m.start, m.end, article.id))
        texts.append(article.text[m.start : m.end])
    excerpt = _excerpt(carriers[0].text[first.start : first.end])
    return MatrixRow(int(cluster.id), excerpt, tuple(cells), tuple(texts))


def _unique_row(
    articles: Sequence[Article], index: int, start: int, end: int, lead: int
) -> MatrixRow:
    owner = articles[index]
    cells, texts = [], []
    for article in articles:
        if article.id == owner.id:
            position = _position(owner, start, lead)
            cells.append(MatrixCell(owner.id, CellKind.ONLY_HERE, position, start, end, owner.id))
            texts.append(owner.text[start:end])
        else:
            cells.append(_missing(article.id, owner.id, start, end))
            texts.append("")
    return MatrixRow(None, _excerpt(owner.text[start:end]), tuple(cells), tuple(texts))


def _missing(article: str, carrier: str, start: int, end: int) -> MatrixCell:
    return MatrixCell(article, CellKind.MISSING, "", start, end, carrier)


def _unique_spans(alignment: Any, article_id: str) -> tuple[tuple[int, int], ...]:
    try:
        coverage = alignment.coverage_of(article_id)
    except (KeyError, AttributeError):
        return ()
    return tuple((int(s.start), int(s.end)) for s in coverage.unique)


def _by_paragraph(article: Article, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut spans at paragraph breaks, so a long run of unique text is one row per paragraph."""
    out = []
    for start, end in spans:
        for para in article.paragraphs:
            lo, hi = max(start, para.start), min(end, para.end)
            if lo < hi and article.text[lo:hi].strip():
                out.append((lo, hi))
    return out


def _position(article: Article, offset: int, lead: int) -> str:
    """Headline, lead, body or end, by the aligner's rules (see its ``_position``)."""
    para = max((i for i, p in enumerate(article.paragraphs) if p.start <= offset), default=0)
    if para == 0 and article.title:
        return "headline"
    body = [s for s in article.sentences if not (article.title and s.end <= article.headline.end)]
    ordinal = sum(1 for s in body if s.end <= offset)
    if ordinal < lead:
        return "lead"
    if para == len(article.paragraphs) - 1 and para > 1:
        return "end"
    return "body"


def _member_kind(links: Sequence[Any], article: str, start: int, end: int) -> CellKind:
    """Strongest kind among the links whose side in ``article`` overlaps the member."""
    best: CellKind | None = None
    for link in links:
        side = link.side(article)
        if side is None or not (side.start < end and start < side.end):
            continue
        kind = CellKind(str(link.kind))
        if best is None or _RANK[kind] < _RANK[best]:
            best = kind
    return best or CellKind.PARAPHRASE


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT_CHARS else flat[: _EXCERPT_CHARS - 1].rstrip() + "…"
