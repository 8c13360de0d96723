"""Average-linkage grouping along nearest neighbours, with a date window.

Exact agglomerative clustering needs all pairs (n² memory); here merges are only tried
along each article's nearest neighbours, strongest first, and accepted when the *average*
cosine between the two groups' articles (computed exactly from their summed vectors, since
rows are unit length) reaches the threshold: ``dated_min_similarity`` when both groups carry
dates that fit in one window, else ``min_similarity``. Passes repeat until nothing merges. Sparse
products in row chunks keep memory at chunk × articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from analysis.events.features import article_vectors
from analysis.events.values import Event, EventGrouping, GroupingSettings
from analysis.model import Article
from analysis.progress import CancelFn, ProgressFn, check_cancelled, no_progress

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

__all__ = ["group_articles", "group_vectors"]

_CHUNK = 1024
_MAX_PASSES = 6


def group_articles(
    articles: Sequence[Article],
    settings: GroupingSettings | None = None,
    *,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> EventGrouping:
    """Group articles into events; every article lands in exactly one event.

    Args:
        articles: The articles, in the order the user gave them.
        settings: Thresholds and weights; the defaults were tuned on BASIL 2010–2013
            (see docs/evaluation.md).
        progress: ``progress(fraction, label)``.
        is_cancelled: Polled between steps and chunks.

    Returns:
        The events, ordered by their first article in the input.

    Raises:
        Cancelled: When ``is_cancelled()`` turns true.
    """
    settings = settings or GroupingSettings()
    report = progress or no_progress
    if not articles:
        return EventGrouping.build((), settings)
    report(0.0, "Reading the articles")
    vectors = article_vectors(articles, settings)
    return group_vectors(articles, vectors, settings, progress=report, is_cancelled=is_cancelled)


def group_vectors(
    articles: Sequence[Article],
    vectors: csr_matrix,
    settings: GroupingSettings,
    *,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> EventGrouping:
    """Group articles whose vectors are built already (one unit-length row per article).

    :func:`group_articles` builds the vectors and calls this; an evaluation that tries many
    thresholds and date windows on the same articles builds them once.

    Args:
        articles: The articles, in the order the user gave them.
        vectors: ``article_vectors(articles, settings)``, rows in the articles' order.
        settings: Thresholds and windows (the weights only matter for the vectors).
        progress: ``progress(fraction, label)``.
        is_cancelled: Polled between steps and chunks.

    Returns:
        The events, ordered by their first article in the input.

    Raises:
        Cancelled: When ``is_cancelled()`` turns true.
    """
    report = progress or no_progress
    if not articles:
        return EventGrouping.build((), settings)
    check_cancelled(is_cancelled)
    days = [_day(a.date) for a in articles]
    edges = _neighbour_edges(vectors, days, settings, report, is_cancelled)
    groups = _Groups(vectors, days, settings)
    for number in range(_MAX_PASSES):
        check_cancelled(is_cancelled)
        report(0.7 + 0.05 * number, "Grouping the articles into events")
        if not groups.merge_along(edges):
            break
    report(1.0, "Grouped")
    return EventGrouping.build(groups.events(articles), settings)


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _neighbour_edges(
    vectors: csr_matrix,
    days: list[int | None],
    settings: GroupingSettings,
    report: ProgressFn,
    cancel: CancelFn | None,
) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for each article's nearest others, i < j, strongest first.

    Two dated articles further apart than the date window can never share an event, so
    they are never candidates: rows are taken in date order, and each block of rows is
    compared only with the articles dated within the window of it (and the undated ones).
    That keeps the cost near linear for an archive spread over time.
    """
    import numpy as np

    n = vectors.shape[0]
    k = min(settings.neighbours, n - 1)
    if k <= 0:
        return []
    # Pairs under half the threshold can never lift a group's average over it.
    floor = min(settings.min_similarity, settings.dated_min_similarity or 1.0) / 2
    window = settings.date_window_days
    day = np.array([-1 if d is None else d for d in days], dtype=np.int64)
    dated = day >= 0
    order = np.concatenate(
        [np.flatnonzero(dated)[np.argsort(day[dated], kind="stable")], np.flatnonzero(~dated)]
    )
    sorted_days = day[order[: int(dated.sum())]]
    transposed = vectors.T.tocsc()
    edges: set[tuple[float, int, int]] = set()
    for start in range(0, n, _CHUNK):
        check_cancelled(cancel)
        report(0.1 + 0.6 * start / n, "Comparing the articles")
        rows = order[start : start + _CHUNK]
        cols = _candidates(rows, day, order, sorted_days, window)
        block: np.ndarray = (vectors[rows] @ transposed[:, cols]).toarray()
        if window is not None:  # dated pairs beyond the window cannot merge
            far = np.abs(day[rows][:, None] - day[cols][None, :]) > window
            far &= dated[rows][:, None] & dated[cols][None, :]
            block[far] = -1.0
        block[rows[:, None] == cols[None, :]] = -1.0
        take = min(k, len(cols))
        for row, sims in zip(rows, block, strict=True):
            i = int(row)
            nearest = np.argpartition(-sims, take - 1)[:take]
            for j in nearest:
                s = float(sims[j])
                if s >= floor:
                    other = int(cols[j])
                    edges.add((round(s, 6), min(i, other), max(i, other)))
    return sorted(edges, reverse=True)


def _candidates(
    rows: np.ndarray,
    day: np.ndarray,
    order: np.ndarray,
    sorted_days: np.ndarray,
    window: int | None,
) -> np.ndarray:
    """The columns a block of rows is compared with: all, or those dated near the block."""
    import numpy as np

    block_days = day[rows]
    if window is None or (block_days < 0).any():
        return np.arange(len(day))
    lo = np.searchsorted(sorted_days, block_days.min() - window, side="left")
    hi = np.searchsorted(sorted_days, block_days.max() + window, side="right")
    return np.concatenate([order[lo:hi], order[len(sorted_days) :]])


class _Groups:
    """Union–find over articles that keeps each group's summed vector and date range."""

    def __init__(self, vectors: csr_matrix, days: list[int | None], settings: GroupingSettings):
        self.vectors = vectors
        self.settings = settings
        self.parent = list(range(len(days)))
        self.size = [1] * len(days)
        self.sums: dict[int, csr_matrix] = {i: vectors[i] for i in range(len(days))}
        self.span = {i: (d, d) for i, d in enumerate(days)}

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge_along(self, edges: list[tuple[float, int, int]]) -> bool:
        merged = False
        for _, i, j in edges:
            a, b = self.root(i), self.root(j)
            if a != b and self._dates_fit(a, b) and self._average(a, b) >= self._threshold(a, b):
                self._union(a, b)
                merged = True
        return merged

    def _threshold(self, a: int, b: int) -> float:
        """The dated threshold when both groups have dates and a window applies."""
        dated = self.settings.dated_min_similarity
        if dated is None or self.settings.date_window_days is None:
            return self.settings.min_similarity
        if self.span[a][0] is None or self.span[b][0] is None:
            return self.settings.min_similarity
        return dated

    def _average(self, a: int, b: int) -> float:
        cross = float(self.sums[a].multiply(self.sums[b]).sum())
        return cross / (self.size[a] * self.size[b])

    def _dates_fit(self, a: int, b: int) -> bool:
        window = self.settings.date_window_days
        (lo_a, hi_a), (lo_b, hi_b) = self.span[a], self.span[b]
        if window is None or lo_a is None or lo_b is None or hi_a is None or hi_b is None:
            return True
        return max(hi_a, hi_b) - min(lo_a, lo_b) <= window

    def _union(self, a: int, b: int) -> None:
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        self.sums[a] = self.sums[a] + self.sums.pop(b)
        self.span[a] = _join_spans(self.span[a], self.span.pop(b))

    def events(self, articles: Sequence[Article]) -> tuple[Event, ...]:
        import numpy as np
        from scipy.sparse import vstack

        members: dict[int, list[int]] = {}
        for i in range(len(articles)):
            members.setdefault(self.root(i), []).append(i)
        ordered = sorted(members.values(), key=lambda rows: rows[0])
        # One sparse pass for every article's closeness to its event's centre (its row
        # times the event's summed vector) and every event's self-similarity.
        totals = vstack([self.sums[self.root(rows[0])] for rows in ordered]).tocsr()
        group_of = np.empty(len(articles), dtype=np.int64)
        for number, rows in enumerate(ordered):
            group_of[rows] = number
        centrality = np.asarray(self.vectors.multiply(totals[group_of]).sum(axis=1)).ravel()
        self_sims = np.asarray(totals.multiply(totals).sum(axis=1)).ravel()
        return tuple(
            self._event(n + 1, rows, articles, centrality, float(self_sims[n]))
            for n, rows in enumerate(ordered)
        )

    def _event(
        self,
        number: int,
        rows: list[int],
        articles: Sequence[Article],
        centrality: np.ndarray,
        self_sim: float,
    ) -> Event:
        centre = rows[max(range(len(rows)), key=lambda r: float(centrality[rows[r]]))]
        dates = sorted(a.date[:10] for a in (articles[i] for i in rows) if a.date)
        size = len(rows)
        cohesion = 1.0 if size == 1 else (self_sim - size) / (size * (size - 1))
        return Event(
            id=f"event-{number}",
            articles=tuple(articles[i].id for i in rows),
            headline=articles[centre].title,
            first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None,
            cohesion=round(max(0.0, min(1.0, cohesion)), 4),
        )


def _join_spans(
    a: tuple[int | None, int | None], b: tuple[int | None, int | None]
) -> tuple[int | None, int | None]:
    lows = [d for d in (a[0], b[0]) if d is not None]
    highs = [d for d in (a[1], b[1]) if d is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)
