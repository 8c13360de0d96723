"""The aligner: :func:`align_articles` links matching passages across articles.

Steps: split articles into units (sentences), find candidate pairs by TF-IDF
neighbours, score them all at once with rapidfuzz (``process.cpdist``, ``workers=-1``)
and the shipped model, keep one link per unit and article pair, compute word changes,
group links into clusters, then coverage and copy shares.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from analysis.align.assign import TokenRange, assign, narrowed
from analysis.align.candidates import candidate_pairs
from analysis.align.changes import word_changes
from analysis.align.clusters import RawLink, group_links
from analysis.align.coverage import article_coverage, pair_shares
from analysis.align.event_gate import gate_mixed_events
from analysis.align.fact_links import (
    KIND_PARAPHRASE,
    KIND_PARTIAL,
    fact_links,
    fact_table,
    shared_spans,
)
from analysis.align.facts import FactTable
from analysis.align.features import UnitTable, pair_features
from analysis.align.matcher import Decisions, decide, kind_of
from analysis.align.nearest import unique_keys
from analysis.align.settings import AlignmentSettings
from analysis.align.units import Units, build_units
from analysis.align.values import Alignment, Change, Cluster, ClusterMember, Link, Passage, Position
from analysis.errors import AnalysisError
from analysis.model import Article, Span
from analysis.progress import CancelFn, ProgressFn, check_cancelled, no_progress, sub_progress

__all__ = ["align_articles"]

_BATCH = 50_000


def align_articles(
    articles: Sequence[Article],
    settings: AlignmentSettings | None = None,
    *,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> Alignment:
    """Align matching passages across articles.

    Args:
        articles: The articles (fewer than two give an alignment without links).
        settings: Thresholds and scorer; defaults when None.
        progress: Called with ``(fraction, label)``; fractions rise to 1.0.
        is_cancelled: Polled between steps and batches.

    Returns:
        The frozen :class:`Alignment`: links, clusters, coverage, pair shares, settings.

    Raises:
        AnalysisError: Two articles with identical text (``analysis.duplicate``), or
            more text than ``settings.max_total_chars`` (``analysis.too_large``).
        Cancelled: When ``is_cancelled()`` became true.
    """
    settings = settings or AlignmentSettings()
    arts = tuple(articles)
    _validate(arts, settings)
    report = progress or no_progress
    report(0.0, "Splitting sentences")
    check_cancelled(is_cancelled)
    units = build_units(arts, settings.max_unit_chars)
    table = UnitTable.build(units.tokens)
    check_cancelled(is_cancelled)
    ia, ib = _candidates(units, table, settings, sub_progress(report, 0.05, 0.3), is_cancelled)
    verdict = _score(table, ia, ib, settings, sub_progress(report, 0.3, 0.7), is_cancelled)
    report(0.7, "Pairing sentences one to one")
    raw = _raw_links(units, ia, ib, verdict)
    check_cancelled(is_cancelled)
    report(0.72, "Finding shared facts")
    facts = fact_table(units)
    extra = fact_links(units, facts, raw, settings, is_cancelled, sub_progress(report, 0.72, 0.75))
    check_cancelled(is_cancelled)
    raw, extra = gate_mixed_events(arts, units, raw, extra, settings)
    links = _to_links(
        arts, units, facts, [*raw, *extra], sub_progress(report, 0.75, 0.9), is_cancelled
    )
    report(0.9, "Grouping passages")
    groups = group_links(units, raw, extra)
    clusters = _to_clusters(arts, units, groups, [*raw, *extra], settings)
    check_cancelled(is_cancelled)
    coverage = article_coverage(arts, links)
    pairs = pair_shares(arts, links, settings.common_source_share)
    ids = tuple(a.id for a in arts)
    result = Alignment.build(ids, settings, links, clusters, coverage, pairs)
    report(1.0, "Alignment done")
    return result


def _validate(arts: Sequence[Article], settings: AlignmentSettings) -> None:
    if len({a.id for a in arts}) != len(arts):
        raise AnalysisError("Two of the articles have identical text.", code="analysis.duplicate")
    total = sum(len(a.text) for a in arts)
    if total > settings.max_total_chars:
        raise AnalysisError(
            f"The articles hold {total:,} characters; Slant aligns at most "
            f"{settings.max_total_chars:,} at once.",
            code="analysis.too_large",
        )


def _candidates(
    units: Units,
    table: UnitTable,
    settings: AlignmentSettings,
    progress: ProgressFn,
    is_cancelled: CancelFn | None,
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """TF-IDF neighbours plus exact copies (which may consist of very common words).

    Up to ``complete_up_to`` articles every sentence may meet a partner in every other
    article (twice as many candidates as articles, for slack); beyond, the nearest
    ``max_candidates`` only, which keeps the work linear.
    """
    n_art = int(units.article.max()) + 1 if len(units) else 0
    per_unit = settings.max_candidates
    if n_art <= settings.complete_up_to:
        per_unit = max(per_unit, 2 * (n_art - 1))
    ia, ib = candidate_pairs(
        table.bags["content"],
        table.row,
        units.article,
        min_cosine=settings.min_candidate_cosine,
        max_candidates=per_unit,
        complete=n_art <= settings.complete_up_to,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    extra = _copy_pairs(units, table, per_unit)
    if not extra:
        return ia, ib
    n = max(1, len(units))
    keys = np.concatenate([ia.astype(np.int64) * n + ib, [u * n + v for u, v in extra]])
    keys = unique_keys(keys)
    return (keys // n).astype(np.intp), (keys % n).astype(np.intp)


def _copy_pairs(units: Units, table: UnitTable, per_unit: int) -> list[tuple[int, int]]:
    """Pairs of identical units: copy ``i`` in one article with copy ``i`` in the next ones.

    Index-wise pairing lets 50 copies in one article meet 50 in another one to one, and
    each article meets at most ``per_unit`` others per sentence, which keeps it linear.
    """
    same: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, (r, art) in enumerate(zip(table.row.tolist(), units.article.tolist(), strict=True)):
        same[r][art].append(i)
    pairs: list[tuple[int, int]] = []
    for per_article in same.values():
        if len(per_article) < 2:
            continue
        order = sorted(per_article)
        for k, x in enumerate(order):
            for y in order[k + 1 : k + 1 + per_unit]:
                pairs.extend(zip(per_article[x], per_article[y], strict=False))
    return pairs


def _score(
    table: UnitTable,
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    settings: AlignmentSettings,
    progress: ProgressFn,
    is_cancelled: CancelFn | None,
) -> Decisions:
    parts: list[Decisions] = []
    for lo in range(0, len(ia), _BATCH):
        check_cancelled(is_cancelled)
        a, b = ia[lo : lo + _BATCH], ib[lo : lo + _BATCH]
        parts.append(_score_batch(table, a, b, settings))
        progress(min(1.0, (lo + _BATCH) / len(ia)), "Scoring sentence pairs")
    if not parts:
        return decide(np.zeros((0, 0)), np.zeros(0, bool), settings)
    return Decisions(*(np.concatenate([getattr(p, f) for p in parts]) for f in Decisions.__slots__))


def _score_batch(
    table: UnitTable, a: NDArray[np.intp], b: NDArray[np.intp], settings: AlignmentSettings
) -> Decisions:
    """Score one batch; identical pairs (many, in wire copy) skip the feature work."""
    verbatim = np.asarray(table.row[a] == table.row[b], dtype=bool)
    rest = np.flatnonzero(~verbatim)
    scored = decide(pair_features(table, a[rest], b[rest]), verbatim[rest], settings)
    out = Decisions(
        matched=verbatim.copy(),
        kinds=np.zeros(len(a), np.int8),
        scores=np.full(len(a), 100.0),
        contained=np.zeros(len(a), bool),
    )
    for name in Decisions.__slots__:
        getattr(out, name)[rest] = getattr(scored, name)
    return out


def _whole(units: Units, unit: int) -> TokenRange:
    return TokenRange(unit, 0, units.n_words[unit])


def _raw_link(units: Units, ra: TokenRange, rb: TokenRange, score: float, kind: int) -> RawLink:
    """A link between two token ranges; verbatim when their words are equal."""
    words_a = units.tokens[ra.unit].words[ra.lo : ra.hi]
    if words_a == units.tokens[rb.unit].words[rb.lo : rb.hi]:
        return RawLink(ra, rb, 100.0, 0)
    return RawLink(ra, rb, score, kind)


def _raw_links(
    units: Units, ia: NDArray[np.intp], ib: NDArray[np.intp], verdict: Decisions
) -> list[RawLink]:
    m = verdict.matched
    ia, ib, scores = ia[m], ib[m], verdict.scores[m]
    kinds, contained = verdict.kinds[m], verdict.contained[m]
    keep = assign(units, ia, ib, scores)
    wholes = [TokenRange(u, 0, n) for u, n in enumerate(units.n_words)]
    kept = np.flatnonzero(keep)
    raw = [
        RawLink(wholes[u], wholes[v], score, kind)
        for u, v, score, kind in zip(
            ia[kept].tolist(),
            ib[kept].tolist(),
            scores[kept].tolist(),
            kinds[kept].tolist(),
            strict=True,
        )
    ]
    losers = np.flatnonzero(~keep & contained)
    if len(losers):
        raw = _merges(units, raw, ia[losers], ib[losers], scores[losers], kinds[losers])
    return raw


def _merges(
    units: Units,
    raw: list[RawLink],
    ia: NDArray[np.intp],
    ib: NDArray[np.intp],
    scores: NDArray[np.float64],
    kinds: NDArray[np.int8],
) -> list[RawLink]:
    """Two sentences merged into one: link each to its own part of the merged sentence.

    The one-to-one rule leaves the second sentence of a merge out; when it lies inside
    the longer sentence at a place that does not overlap the part the first one matches,
    both links are narrowed to their parts.
    """
    art = units.article
    # (unit, other article) -> index into raw of the link that unit has there
    held: dict[tuple[int, int], int] = {}
    for i, link in enumerate(raw):
        held[(link.a.unit, int(art[link.b.unit]))] = i
        held[(link.b.unit, int(art[link.a.unit]))] = i
    for k in np.argsort(-scores):
        u, v = int(ia[k]), int(ib[k])
        short, long = (u, v) if len(units.tokens[u].words) < len(units.tokens[v].words) else (v, u)
        if (short, int(art[long])) in held or (long, int(art[short])) not in held:
            continue
        first = raw[held[(long, int(art[short]))]]
        first_short, first_long = (first.a, first.b) if first.b.unit == long else (first.b, first.a)
        part = narrowed(units, short, long)
        old_part = narrowed(units, first_short.unit, long)
        whole = _whole(units, long)
        if first_long != whole or (part.lo < old_part.hi and old_part.lo < part.hi):
            continue
        raw[held[(long, int(art[short]))]] = _oriented(units, first_short, old_part, first)
        new = RawLink(_whole(units, u), _whole(units, v), float(scores[k]), int(kinds[k]))
        raw.append(_oriented(units, _whole(units, short), part, new))
        held[(short, int(art[long]))] = len(raw) - 1
    return raw


def _oriented(units: Units, short: TokenRange, part: TokenRange, link: RawLink) -> RawLink:
    """The link re-made between ``short`` and ``part``, keeping its a/b order."""
    if link.a.unit == short.unit:
        return _raw_link(units, short, part, link.score, link.kind)
    return _raw_link(units, part, short, link.score, link.kind)


def _passage(arts: Sequence[Article], units: Units, r: TokenRange) -> Passage:
    art, start, end = units.spans[r.unit]
    if r.lo == 0 and r.hi == units.n_words[r.unit]:
        return Passage(arts[art].id, start, end)
    offsets = units.tokens[r.unit].offsets
    return Passage(arts[art].id, offsets[r.lo][0], offsets[r.hi - 1][1])


def _to_links(
    arts: Sequence[Article],
    units: Units,
    facts: FactTable,
    raw: Sequence[RawLink],
    progress: ProgressFn,
    is_cancelled: CancelFn | None,
) -> tuple[Link, ...]:
    links = []
    passages: dict[TokenRange, Passage] = {}  # each unit takes part in up to a dozen links
    runs: dict[tuple[int, int], list[tuple[int, int]]] = {}  # shared words per sentence pair
    for i, r in enumerate(raw):
        if i % 20_000 == 0:
            check_cancelled(is_cancelled)
            progress(i / max(1, len(raw)), "Finding word changes")
        changes: tuple[Change, ...] = ()
        if r.kind in (1, 2):
            ta, tb = units.tokens[r.a.unit], units.tokens[r.b.unit]
            changes = word_changes(ta, r.a.lo, r.a.hi, tb, r.b.lo, r.b.hi)
        pa = passages.get(r.a) or passages.setdefault(r.a, _passage(arts, units, r.a))
        pb = passages.get(r.b) or passages.setdefault(r.b, _passage(arts, units, r.b))
        shared_a: tuple[Span, ...] = ()
        shared_b: tuple[Span, ...] = ()
        if r.kind in (KIND_PARTIAL, KIND_PARAPHRASE):
            shared_a = shared_spans(units, facts, r.a, r.b, runs)
            shared_b = shared_spans(units, facts, r.b, r.a, runs)
        links.append(Link(pa, pb, r.score, kind_of(r.kind), changes, shared_a, shared_b))
    order = {a.id: i for i, a in enumerate(arts)}
    links.sort(key=lambda k: (order[k.a.article], k.a.start, order[k.b.article], k.b.start))
    return tuple(links)


def _reach(units: Units, raw: Sequence[RawLink]) -> dict[int, set[int]]:
    """For each linked unit, the articles its links reach."""
    reach: dict[int, set[int]] = defaultdict(set)
    for link in raw:
        reach[link.a.unit].add(int(units.article[link.b.unit]))
        reach[link.b.unit].add(int(units.article[link.a.unit]))
    return reach


def _position(article: Article, units: Units, unit: int, first_body: int, lead: int) -> Position:
    para = int(units.paragraph[unit])
    if para == 0 and article.title:
        return Position.HEADLINE
    if int(units.ordinal[unit]) - first_body < lead:
        return Position.LEAD
    if para == len(article.paragraphs) - 1 and para > 1:
        return Position.END
    return Position.BODY


def _to_clusters(
    arts: Sequence[Article],
    units: Units,
    groups: Sequence[dict[int, list[TokenRange]]],
    raw: Sequence[RawLink],
    settings: AlignmentSettings,
) -> tuple[Cluster, ...]:
    """Clusters from groups; an article omits a cluster when no link reaches it at all.

    A shared-fact link that could not join its sentences' clusters (each article holds
    one passage per cluster) still means the article carries part of the passage.
    """
    reach = _reach(units, raw)
    first_body = np.zeros(len(arts), dtype=np.intp)
    for a, article in enumerate(arts):
        if article.title:
            first_body[a] = int(np.sum((units.article == a) & (units.paragraph == 0)))
    clusters = []
    for cid, group in enumerate(groups):
        members = []
        for a in sorted(group):
            first, last = _passage(arts, units, group[a][0]), _passage(arts, units, group[a][-1])
            pos = _position(
                arts[a], units, group[a][0].unit, int(first_body[a]), settings.lead_sentences
            )
            members.append(ClusterMember(first.article, first.start, last.end, pos))
        carried = set(group).union(*(reach.get(p.unit, ()) for run in group.values() for p in run))
        omitting = tuple(arts[a].id for a in range(len(arts)) if a not in carried)
        clusters.append(Cluster(cid, tuple(members), omitting))
    return tuple(clusters)
