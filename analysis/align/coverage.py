"""Coverage of each article, and copy shares of each pair of articles.

Coverage says what share of an article other articles carry and which passages only it
reports; copy shares say how much of each side of a pair is verbatim or edited copy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from analysis.align.matcher import MatchKind
from analysis.align.values import Coverage, Link, PairShare
from analysis.model import Article, Span, count_words

__all__ = ["article_coverage", "pair_shares", "union_spans"]

# A leftover piece of a sentence needs this many words to count as a unique passage.
_MIN_UNIQUE_WORDS = 3


def union_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping or touching ranges into sorted, disjoint ones."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _sentence_chars(article: Article) -> int:
    return sum(len(s) for s in article.sentences)


def article_coverage(articles: Sequence[Article], links: Sequence[Link]) -> tuple[Coverage, ...]:
    """Return each article's shared fraction and unique passages.

    Args:
        articles: The input articles.
        links: All links.

    Returns:
        One :class:`Coverage` per article, in input order.
    """
    linked: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for link in links:
        linked[link.a.article].append((link.a.start, link.a.end))
        linked[link.b.article].append((link.b.start, link.b.end))
    out = []
    for article in articles:
        covered = union_spans(linked.get(article.id, []))
        total = _sentence_chars(article)
        shared = sum(e - s for s, e in covered)
        fraction = min(1.0, shared / total) if total else 0.0
        out.append(Coverage(article.id, round(fraction, 4), _unique(article, covered)))
    return tuple(out)


def _unique(article: Article, covered: list[tuple[int, int]]) -> tuple[Span, ...]:
    """Parts of sentences outside every link, merged within a paragraph (never across)."""
    pieces: list[Span] = []
    k = 0
    for sentence in article.sentences:
        while k < len(covered) and covered[k][1] <= sentence.start:
            k += 1
        cursor, j = sentence.start, k
        while j < len(covered) and covered[j][0] < sentence.end:
            pieces.append(Span(cursor, max(cursor, covered[j][0])))
            cursor = max(cursor, covered[j][1])
            j += 1
        pieces.append(Span(cursor, sentence.end))
    text = article.text
    kept = [_strip(text, p) for p in pieces if count_words(p.slice(text)) >= _MIN_UNIQUE_WORDS]
    merged: list[Span] = []
    for piece in kept:
        gap = text[merged[-1].end : piece.start] if merged else "x"
        if not gap.strip() and "\n" not in gap:
            merged[-1] = Span(merged[-1].start, piece.end)
        else:
            merged.append(piece)
    return tuple(merged)


def _strip(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and not (text[start].isalnum() or text[start] in "\"'“‘("):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def pair_shares(
    articles: Sequence[Article], links: Sequence[Link], common_source_share: float
) -> tuple[PairShare, ...]:
    """Return verbatim and edited shares of each linked pair of articles.

    Args:
        articles: The input articles.
        links: All links (``a`` is always the earlier article).
        common_source_share: Least copy share that flags likely common-source copy.

    Returns:
        One :class:`PairShare` per pair with at least one link, in input order.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    size = {a.id: _sentence_chars(a) for a in articles}
    acc: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for link in links:
        if link.kind is MatchKind.PARAPHRASE or link.kind is MatchKind.PARTIAL:
            acc[(link.a.article, link.b.article)]
            continue
        slot = 0 if link.kind is MatchKind.VERBATIM else 1
        shares = acc[(link.a.article, link.b.article)]
        shares[slot] += link.a.end - link.a.start
        shares[2 + slot] += link.b.end - link.b.start
    out = []
    for (a, b), (av, ae, bv, be) in sorted(
        acc.items(), key=lambda x: (order[x[0][0]], order[x[0][1]])
    ):
        sa, sb = max(1, size[a]), max(1, size[b])
        av, ae, bv, be = (min(1.0, round(v, 4)) for v in (av / sa, ae / sa, bv / sb, be / sb))
        common = max(av + ae, bv + be) >= common_source_share
        out.append(PairShare(a, b, av, ae, bv, be, common))
    return tuple(out)
