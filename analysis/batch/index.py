"""The batch index as JSON: events with their articles, reports, numbers and coverage.

``index.json`` (``batch_schema`` 1)::

    {"batch_schema": 1, "generator": "Slant 0.1.0", "complete": true, "format": "html",
     "grouping": {...settings...}, "rated": false, "article_count": 240,
     "skipped_sources": [{"source": "x.txt", "reason": "..."}],
     "events": [{"id": "event-1", "headline": "...", "first_date": "2014-03-02",
                 "last_date": "2014-03-03", "cohesion": 0.41, "outlets": ["..."],
                 "leans": ["left", "right"], "unrated": 0, "one_sided": null,
                 "articles": [{"id": "...", "source": "as given", "outlet": "...",
                               "title": "...", "date": "...", "lean": null}],
                 "status": "compared", "report": "event-1-....html",
                 "numbers": {...}, "error": null}],
     "one_sided": ["event-7"],
     "coverage": {"outlets": [...], "leans": [...], "events": [...], "counts": [[...]]}}

``status`` is ``compared``, ``single`` (one article: nothing to compare), ``failed``
(``error`` says why) or ``not run`` (the batch was cancelled first).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from analysis import __version__
from analysis.batch.run import BatchResult, EventOutcome
from analysis.events.coverage import EventCoverage
from analysis.model import Article

__all__ = ["BATCH_SCHEMA", "index_json"]

BATCH_SCHEMA = 1


def index_json(result: BatchResult) -> dict[str, Any]:
    """Return the JSON-ready index of a batch."""
    coverage = result.coverage
    by_event = {c.event: c for c in coverage.per_event}
    by_id = {a.id: a for a in result.articles}
    lean_of = dict(zip(coverage.outlets, coverage.outlet_leans, strict=True))
    events = [
        _event(o, by_event[o.event.id], [by_id[i] for i in o.event.articles], lean_of)
        | {"status": _status(o, result.complete)}
        for o in result.outcomes
    ]
    return {
        "batch_schema": BATCH_SCHEMA,
        "generator": f"Slant {__version__}",
        "complete": result.complete,
        "format": result.options.fmt,
        "grouping": asdict(result.grouping.settings),
        "rated": coverage.rated,
        "article_count": len(result.articles),
        "skipped_sources": [{"source": s, "reason": r} for s, r in result.skipped_sources],
        "events": events,
        "one_sided": [c.event for c in coverage.one_sided()],
        "coverage": {
            "outlets": list(coverage.outlets),
            "leans": list(coverage.outlet_leans),
            "events": list(coverage.events),
            "counts": [list(row) for row in coverage.counts],
        },
    }


def _event(
    outcome: EventOutcome,
    cover: EventCoverage,
    members: list[Article],
    lean_of: Mapping[str, str | None],
) -> dict[str, Any]:
    event = outcome.event
    articles = [
        {
            "id": a.id,
            "source": a.source,
            "outlet": a.outlet,
            "title": a.title,
            "date": a.date,
            "url": a.url,
            "lean": lean_of.get(a.outlet),
        }
        for a in members
    ]
    return {
        "id": event.id,
        "headline": event.headline,
        "first_date": event.first_date,
        "last_date": event.last_date,
        "cohesion": event.cohesion,
        "outlets": list(cover.outlets),
        "leans": list(cover.leans),
        "unrated": cover.unrated,
        "one_sided": cover.one_sided,
        "articles": articles,
        "report": outcome.report,
        "numbers": dict(outcome.numbers),
        "error": outcome.error,
    }


def _status(outcome: EventOutcome, complete: bool) -> str:
    if len(outcome.event.articles) < 2:
        return "single"
    if outcome.error:
        return "failed"
    if outcome.report:
        return "compared"
    return "not run" if not complete else "failed"
