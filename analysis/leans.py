"""The lean of each compared outlet, from the user's own ratings file.

Slant bundles no ratings (see :mod:`analysis.ratings`). When the user gives a ratings file,
:func:`with_leans` records each article's lean in the result, together with the file's
name, so every view and report can show the lean beside the outlet and say where it came
from. An outlet the file does not rate is shown as "not rated", never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from analysis.errors import ProjectError
from analysis.model import Article
from analysis.ratings import LEANS, Ratings
from analysis.result import ComparisonResult

__all__ = [
    "NOT_RATED",
    "OutletLeans",
    "leans_from_json",
    "leans_to_json",
    "outlet_leans",
    "with_leans",
]

NOT_RATED = "not rated"


@dataclass(frozen=True, slots=True)
class OutletLeans:
    """Each article's outlet lean and the ratings file it came from.

    Attributes:
        source: The ratings file's name (e.g. ``ratings.csv``).
        leans: ``(article id, lean or None)`` in article order; None when unrated.
    """

    source: str
    leans: tuple[tuple[str, str | None], ...]

    def lean_of(self, article_id: str) -> str | None:
        """The lean of an article's outlet, or None when the file does not rate it."""
        return next((lean for aid, lean in self.leans if aid == article_id), None)

    def label(self, article_id: str) -> str:
        """The lean as shown to the reader: the lean, or ``not rated``."""
        return self.lean_of(article_id) or NOT_RATED

    @property
    def rated(self) -> int:
        """How many of the articles have a rated outlet."""
        return sum(1 for _, lean in self.leans if lean)

    def note(self) -> str:
        """One sentence saying where the leans came from."""
        return (
            f"Leans from your ratings file {self.source} ({self.rated} of {len(self.leans)} "
            "articles rated); Slant bundles no ratings."
        )


def outlet_leans(articles: Iterable[Article], ratings: Ratings) -> OutletLeans:
    """Look up the lean of each article's outlet (by URL domain, then outlet name)."""
    return OutletLeans(ratings.name, tuple((a.id, ratings.lean_of(a)) for a in articles))


def with_leans(result: ComparisonResult, ratings: Ratings | None) -> ComparisonResult:
    """Return ``result`` with the leans of ``ratings`` (None removes them)."""
    leans = None if ratings is None else outlet_leans(result.articles, ratings)
    return replace(result, leans=leans)


def leans_to_json(leans: OutletLeans) -> dict[str, Any]:
    """Return the JSON form: ``{"source": name, "leans": {article id: lean or null}}``."""
    return {"source": leans.source, "leans": dict(leans.leans)}


def leans_from_json(data: Any, article_ids: Sequence[str]) -> OutletLeans:
    """Rebuild leans from :func:`leans_to_json` output, in the order of ``article_ids``.

    Raises:
        ProjectError: When the data is malformed or names a lean not in :data:`LEANS`.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("leans"), Mapping):
        raise ProjectError("The outlet leans of this result are malformed.", code="project.corrupt")
    given = data["leans"]
    source = data.get("source")
    pairs: list[tuple[str, str | None]] = []
    for aid in article_ids:
        lean = given.get(aid)
        if lean is not None and lean not in LEANS:
            raise ProjectError(f"'{str(lean)[:40]}' is not an outlet lean.", code="project.corrupt")
        pairs.append((aid, lean))
    return OutletLeans(str(source) if isinstance(source, str) else "ratings", tuple(pairs))
