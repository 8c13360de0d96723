"""JSON of the ``framing``, ``distinctive_terms`` and ``readability`` result sections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import Any

from analysis.framing.codec import decode, encode
from analysis.framing.report import FramingReport
from analysis.readability import Readability
from analysis.vocab.distinctive import DistinctiveReport, DistinctiveTerm

_READABILITY = tuple(f.name for f in fields(Readability))

__all__ = [
    "distinctive_from_json",
    "distinctive_to_json",
    "framing_from_json",
    "framing_to_json",
    "readability_from_json",
    "readability_to_json",
]


def framing_to_json(report: FramingReport) -> dict[str, Any]:
    """Return the framing report as JSON-ready data (spans as ``{"start", "end"}``)."""
    data: dict[str, Any] = encode(report)
    return data


def framing_from_json(data: Mapping[str, Any]) -> FramingReport:
    """Rebuild a framing report. Raises ProjectError when malformed."""
    return decode(FramingReport, data, "framing")


def distinctive_to_json(report: DistinctiveReport) -> dict[str, Any]:
    """Return the distinctive-vocabulary report as JSON-ready data."""
    # Written out by hand: this section holds tens of thousands of count pairs for a
    # 100-article comparison, too many for the reflective encoder.
    return {
        "articles": [
            {
                "article": v.article,
                "outlet": v.outlet,
                "log_odds": [_term(t) for t in v.log_odds],
                "tfidf": [_term(t) for t in v.tfidf],
            }
            for v in report.articles
        ],
        "method": report.method,
        "prior_strength": report.prior_strength,
        "top": report.top,
    }


def _term(term: DistinctiveTerm) -> dict[str, Any]:
    # The counts are the term's own tuples, not copies: json writes a tuple as an array, and
    # with 1,000 articles they are ~15 million (article, count) pairs, most of the result.
    return {"term": term.term, "score": term.score, "delta": term.delta, "counts": term.counts}


def distinctive_from_json(data: Mapping[str, Any]) -> DistinctiveReport:
    """Rebuild a distinctive-vocabulary report. Raises ProjectError when malformed."""
    return decode(DistinctiveReport, data, "distinctive_terms")


def readability_to_json(scores: Sequence[Readability]) -> list[dict[str, Any]]:
    """Return the readability records (one per article) as JSON-ready data."""
    return [{name: getattr(r, name) for name in _READABILITY} for r in scores]


def readability_from_json(data: Sequence[Any]) -> tuple[Readability, ...]:
    """Rebuild readability records. Raises ProjectError when malformed."""
    return decode(tuple[Readability, ...], list(data), "readability")
