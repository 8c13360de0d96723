"""Display labels every renderer shares: outlet names, stance names, quoted snippets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from analysis.model import Article
from analysis.result import ComparisonResult

__all__ = [
    "SAMPLE_BANNER",
    "SAMPLE_PREFIX",
    "STANCES",
    "is_sample",
    "leans_text",
    "outlet_labels",
    "quoted",
    "snippet",
    "stance_label",
]

#: Attribution-verb stances in the order every table and chart shows them.
STANCES = ("verbs_neutral", "verbs_distancing", "verbs_endorsing", "verbs_emotive", "unclassified")

#: ``Article.source`` of the built-in (fictional) sample articles starts with this.
SAMPLE_PREFIX = "sample:"

#: Said wherever the built-in sample is shown (the app's Overview, the reports' first section).
SAMPLE_BANNER = (
    "This is the built-in sample: the outlets, people, places and events in it are "
    "fictional, written to show what Slant finds."
)


# The last labels built, by the identity of the articles sequence: table builders ask once per
# cell at 1,000 articles (an O(n) walk each time). The entry holds the sequence, so its id
# cannot be reused by another object while it is cached.
_last: list[tuple[Sequence[Article], Mapping[str, str]]] = []


def outlet_labels(articles: Sequence[Article]) -> Mapping[str, str]:
    """Return a unique display label per article id (outlet, plus a number when repeated)."""
    cached = _last[0] if _last else None
    if cached is not None and cached[0] is articles:
        return cached[1]
    labels = MappingProxyType(_labels(articles))
    _last[:] = [(articles, labels)]
    return labels


def _labels(articles: Sequence[Article]) -> dict[str, str]:
    counts: dict[str, int] = {}
    for art in articles:
        counts[art.outlet] = counts.get(art.outlet, 0) + 1
    seen: dict[str, int] = {}
    labels: dict[str, str] = {}
    for art in articles:
        if counts[art.outlet] == 1:
            labels[art.id] = art.outlet
            continue
        seen[art.outlet] = seen.get(art.outlet, 0) + 1
        labels[art.id] = f"{art.outlet} #{seen[art.outlet]}"
    return labels


def leans_text(result: ComparisonResult | None) -> str:
    """Each outlet beside its lean, and the ratings file they came from ("" without one)."""
    leans = None if result is None else result.leans
    if result is None or leans is None:
        return ""
    names = outlet_labels(result.articles)
    each = " · ".join(f"{names[a.id]}: {leans.label(a.id)}" for a in result.articles)
    return f"Outlet leans from your ratings file {leans.source}: {each}."


def is_sample(articles: Sequence[Article]) -> bool:
    """Whether any of the articles comes from the built-in, fictional sample."""
    return any(a.source.startswith(SAMPLE_PREFIX) for a in articles)


def stance_label(stance: str) -> str:
    """Return the reader's name of an attribution-verb stance (``verbs_distancing`` → distancing).

    ``unclassified`` stays ``unclassified`` everywhere (the app once said "other").
    """
    return stance.removeprefix("verbs_").replace("_", " ")


def snippet(text: str, limit: int = 90) -> str:
    """Return ``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


def quoted(text: str, limit: int = 90) -> str:
    """Return a snippet of ``text`` in curly quotes, without doubling its own quote marks."""
    inner = snippet(text.strip().strip("\"'\u201c\u201d\u2018\u2019"), limit)
    return f"\u201c{inner}\u201d"
