"""Section JSON for the report tests, written by hand in the documented shapes.

``docs/framing.md`` and ``docs/report-schema.md`` give the shapes; the offsets are real ones
into the fixture articles of ``conftest.py``.
"""

from __future__ import annotations

from typing import Any

from analysis.model import Article
from analysis.result import ComparisonResult
from tests.analysis.reports.conftest import span

__all__ = ["real_shapes", "rel"]


def rel(art: Article, needle: str, nth: int = 0) -> dict[str, int]:
    found = span(art, needle, nth)
    return {"start": found["start"], "end": found["end"]}


def _quote(art: Article, needle: str, speaker: str, verb: str, direct: bool) -> dict[str, Any]:
    attribution = {
        "sentence": 1,
        "verb": verb,
        "lemma": verb,
        "verb_span": rel(art, verb),
        "phrase": rel(art, speaker),
        "speaker": speaker,
        "key": speaker.lower(),
        "kind": "named",
        "resolved": False,
    }
    return {
        "article": art.id,
        "span": rel(art, needle),
        "direct": direct,
        "scare": False,
        "attribution": attribution,
    }


def _framing(arts: tuple[Article, ...]) -> dict[str, Any]:
    a, b, c = arts
    qa = _quote(a, "a reckless giveaway", "Opponents", "called", True)
    qb = _quote(b, "the scheme is a reckless giveaway to developers", "Critics", "say", False)
    sentiment = {
        "compound": -0.3,
        "positive": 0.1,
        "negative": 0.4,
        "sentences": 3,
        "method": "VADER compound score",
    }
    articles = [
        {
            "article": a.id,
            "outlet": a.outlet,
            "quotes": [qa],
            "sources": [
                {
                    "article": a.id,
                    "span": rel(a, "Opponents"),
                    "name": "Opponents",
                    "key": "opponents",
                    "anonymous": True,
                    "verb": "called",
                }
            ],
            "quotation_spans": [rel(a, '"a reckless giveaway"')],
            "quoted_words": 3,
            "words": 30,
            "quote_share": 0.1,
            "sentiment": sentiment,
        },
        {
            "article": b.id,
            "outlet": b.outlet,
            "quotes": [qb],
            "sources": [],
            "quotation_spans": [],
            "quoted_words": 0,
            "words": 25,
            "quote_share": 0.0,
            "sentiment": sentiment,
        },
        {
            "article": c.id,
            "outlet": c.outlet,
            "quotes": [],
            "sources": [],
            "quotation_spans": [],
            "quoted_words": 0,
            "words": 12,
            "quote_share": 0.0,
            "sentiment": sentiment,
        },
    ]
    verbs = [
        {
            "article": a.id,
            "outlet": a.outlet,
            "counts": [["verbs_neutral", 1]],
            "uses": [
                {
                    "article": a.id,
                    "span": rel(a, "called"),
                    "verb": "called",
                    "stance": "verbs_neutral",
                    "speaker": "Opponents",
                }
            ],
        },
        {
            "article": b.id,
            "outlet": b.outlet,
            "counts": [["verbs_distancing", 1]],
            "uses": [
                {
                    "article": b.id,
                    "span": rel(b, "say"),
                    "verb": "say",
                    "stance": "verbs_distancing",
                    "speaker": "Critics",
                }
            ],
        },
    ]
    hedges = [
        {
            "article": a.id,
            "words": 27,
            "hedges": [1, 0],
            "boosters": [0, 0],
            "hedge_rate": 37.0,
            "booster_rate": 0.0,
            "evidence": [rel(a, "promised")],
        }
    ]
    headlines = [
        {
            "article": b.id,
            "outlet": b.outlet,
            "headline": rel(b, b.title),
            "claim": rel(b, b.title),
            "loaded": [
                {**span(b, "Regime"), "term": "regime", "category": "labels", "in_quote": False}
            ],
            "score": 0.5,
            "best_sentence": rel(b, "The city council rammed"),
            "coverage": 0.5,
            "unsupported": [rel(b, "Regime")],
            "supported": False,
            "shared_with": [],
        }
    ]
    frames = [
        {
            "article": a.id,
            "outlet": a.outlet,
            "counts": [["economic", 2, 0], ["legality", 0, 0]],
            "hits": [
                {**span(a, "plan"), "term": "plan", "category": "economic", "in_quote": False}
            ],
        }
    ]
    speakers = [{"key": "opponents", "name": "Opponents", "counts": [[a.id, 1]]}]
    return {
        "articles": articles,
        "speakers": speakers,
        "verbs": verbs,
        "hedges": hedges,
        "headlines": headlines,
        "frames": frames,
        "passages": _framed_passages(arts),
        "sentiment_method": "VADER compound score",
    }


def _member(art: Article, needle: str, verb: str | None, hedges: int, score: float) -> Any:
    use = {"article": art.id, "verb": verb, "stance": "verbs_neutral", "speaker": None}
    verbs = [{**use, "span": rel(art, verb)}] if verb else []
    profile = {
        "article": art.id,
        "words": 10,
        "hedges": [hedges, 0],
        "boosters": [0, 0],
        "hedge_rate": 0.0,
        "booster_rate": 0.0,
        "evidence": [],
    }
    sentiment = {"compound": score, "positive": 0.0, "negative": 0.0, "sentences": 1}
    return {
        "article": art.id,
        "span": rel(art, needle),
        "verbs": verbs,
        "hedges": profile,
        "sentiment": {**sentiment, "method": "VADER compound score"},
    }


def _framed_passages(arts: tuple[Article, ...]) -> list[dict[str, Any]]:
    a, b, c = arts
    return [
        # Framed differently: other verb, a hedge, other sentiment.
        {
            "cluster": 0,
            "members": [
                _member(a, "Opponents called it", "called", 1, -0.5),
                _member(b, "Critics say the scheme", "say", 0, 0.2),
            ],
        },
        # Alike everywhere: left out.
        {
            "cluster": 1,
            "members": [
                _member(a, "The city council approved", None, 0, 0.1),
                _member(c, "The city council approved", None, 0, 0.15),
            ],
        },
    ]


def real_shapes(result: ComparisonResult, data: dict[str, Any]) -> dict[str, Any]:
    a, b, c = result.articles
    data = dict(data)
    data["framing"] = _framing(result.articles)
    data["distinctive_terms"] = {
        "articles": [
            {
                "article": a.id,
                "outlet": a.outlet,
                "tfidf": [],
                "log_odds": [
                    {"term": "opponents", "score": 2.5, "delta": 1.1, "counts": [[a.id, 1]]},
                    {"term": "piers", "score": 1.5, "delta": 0.9, "counts": [[a.id, 1]]},
                ],
            },
            {
                "article": b.id,
                "outlet": b.outlet,
                "tfidf": [],
                "log_odds": [{"term": "rammed", "score": 2.0, "delta": 1.0, "counts": [[b.id, 1]]}],
            },
        ],
        "method": "weighted log-odds",
        "prior_strength": 1000.0,
        "top": 25,
    }
    full = {
        "available": True,
        "reason": None,
        "words": 30,
        "sentences": 3,
        "words_per_sentence": 10.0,
        "flesch_reading_ease": 61.2,
        "flesch_kincaid_grade": 8.4,
        "gunning_fog": 10.1,
        "smog": 9.0,
        "dale_chall": 8.8,
    }
    none = dict.fromkeys(full, None)
    data["readability"] = [
        {**full, "article": a.id},
        {**full, "article": b.id, "flesch_kincaid_grade": 6.0},
        {
            **none,
            "article": c.id,
            "available": False,
            "reason": "not English",
            "words": 12,
            "sentences": 2,
        },
    ]
    return data
