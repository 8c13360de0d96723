"""JSON form of the ``terms`` section (documented in ``docs/report-schema.md``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.errors import ProjectError
from analysis.model import Span
from analysis.terms.lexicon import Category, LexiconFile, Term
from analysis.terms.matcher import TermHit
from analysis.terms.rates import LOADED, ArticleRates, CategoryRate, TermRow
from analysis.terms.report import ArticleWarning, LexiconProblem, TermReport
from analysis.terms.scores import LoadedScore, LoadedSentence

__all__ = ["terms_from_json", "terms_to_json"]


def terms_to_json(report: TermReport) -> dict[str, Any]:
    """Return the report as JSON-ready dicts and lists."""
    return {
        "articles": list(report.articles),
        "categories": {c.name: _category(c) for c in report.categories},
        "hits": [_hit(h) for h in report.hits],
        "rates": {r.article: {c.category: _rate(c) for c in r.categories} for r in report.rates},
        "loaded": {r.article: _loaded(r.loaded, report.score_of(r.article)) for r in report.rates},
        "words": {r.article: {"own": r.own_words, "quoted": r.quoted_words} for r in report.rates},
        "table": [_row(t) for t in report.table],
        "lexicon_files": [
            {"source": f.source, "sha256": f.sha256, "builtin": f.builtin} for f in report.files
        ],
        "errors": [
            {"source": e.source, "line": e.line, "code": e.code, "message": e.message}
            for e in report.errors
        ],
        "warnings": [
            {"article": w.article, "code": w.code, "message": w.message} for w in report.warnings
        ],
    }


def terms_from_json(data: Mapping[str, Any]) -> TermReport:
    """Rebuild a :class:`TermReport` from :func:`terms_to_json` output.

    Raises:
        ProjectError: When the section is malformed.
    """
    try:
        return _report(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ProjectError(f"The terms section of this file is malformed ({exc}).") from exc


def _report(data: Mapping[str, Any]) -> TermReport:
    words = data.get("words", {})
    loaded = data.get("loaded", {})
    scores = tuple(_unscore(aid, v) for aid, v in loaded.items() if "score" in v)
    rates = tuple(
        ArticleRates(
            article=aid,
            own_words=int(words[aid]["own"]),
            quoted_words=int(words[aid]["quoted"]),
            categories=tuple(_unrate(name, v) for name, v in cats.items()),
            loaded=_unrate(LOADED, loaded[aid]),
        )
        for aid, cats in data.get("rates", {}).items()
    )
    return TermReport(
        articles=tuple(str(a) for a in data.get("articles", [])),
        categories=tuple(_uncategory(n, c) for n, c in data["categories"].items()),
        hits=tuple(_unhit(h) for h in data.get("hits", [])),
        rates=rates,
        table=tuple(_unrow(t) for t in data.get("table", [])),
        files=tuple(
            LexiconFile(str(f["source"]), str(f["sha256"]), bool(f["builtin"]))
            for f in data.get("lexicon_files", [])
        ),
        errors=tuple(
            LexiconProblem(str(e["source"]), e.get("line"), str(e["code"]), str(e["message"]))
            for e in data.get("errors", [])
        ),
        warnings=tuple(
            ArticleWarning(str(w["article"]), str(w["code"]), str(w["message"]))
            for w in data.get("warnings", [])
        ),
        loaded_scores=scores,
    )


def _category(c: Category) -> dict[str, Any]:
    return {
        "description": c.description,
        "loaded": c.loaded,
        "rationale": c.rationale,
        "source": c.source,
        "version": c.version,
        "builtin": c.builtin,
        "terms": [_term(t) for t in c.terms],
    }


def _term(t: Term) -> dict[str, Any]:
    out: dict[str, Any] = {"text": t.text}
    if t.note:
        out["note"] = t.note
    if t.exclude:
        out["exclude"] = list(t.exclude)
    if t.forms:
        out["forms"] = list(t.forms)
    if not t.inflect:
        out["inflect"] = False
    if t.case_sensitive:
        out["case_sensitive"] = True
    return out


def _uncategory(name: str, c: Mapping[str, Any]) -> Category:
    terms = tuple(
        Term(
            text=str(t["text"]),
            note=str(t.get("note", "")),
            exclude=tuple(t.get("exclude", ())),
            forms=tuple(t.get("forms", ())),
            inflect=bool(t.get("inflect", True)),
            case_sensitive=bool(t.get("case_sensitive", False)),
        )
        for t in c.get("terms", [])
    )
    return Category(
        name=str(name),
        description=str(c.get("description", "")),
        loaded=bool(c["loaded"]),
        rationale=str(c.get("rationale", "")),
        terms=terms,
        source=str(c.get("source", "")),
        version=str(c.get("version", "")),
        builtin=bool(c.get("builtin", True)),
    )


def _hit(h: TermHit) -> dict[str, Any]:
    return {
        "article": h.article,
        "start": h.start,
        "end": h.end,
        "term": h.term,
        "category": h.category,
        "in_quote": h.in_quote,
    }


def _unhit(h: Mapping[str, Any]) -> TermHit:
    return TermHit(
        str(h["article"]),
        int(h["start"]),
        int(h["end"]),
        str(h["term"]),
        str(h["category"]),
        bool(h["in_quote"]),
    )


def _rate(r: CategoryRate) -> dict[str, Any]:
    return {
        "own": r.own,
        "quoted": r.quoted,
        "own_count": r.own_count,
        "quoted_count": r.quoted_count,
    }


def _unrate(name: str, v: Mapping[str, Any]) -> CategoryRate:
    return CategoryRate(
        name, int(v["own_count"]), int(v["quoted_count"]), float(v["own"]), float(v["quoted"])
    )


def _loaded(rate: CategoryRate, score: LoadedScore | None) -> dict[str, Any]:
    out = _rate(rate)
    if score is not None:
        out |= {
            "score": score.score,
            "interval": list(score.interval),
            "rate": score.rate,
            "sentences": score.sentences,
            "quoted_sentences": score.quoted_sentences,
            "top": [
                {
                    "start": t.start,
                    "end": t.end,
                    "probability": t.probability,
                    "in_quote": t.in_quote,
                    "words": [[w.start, w.end] for w in t.words],
                }
                for t in score.top
            ],
        }
    return out


def _unscore(article: str, v: Mapping[str, Any]) -> LoadedScore:
    low, high = (float(x) for x in v["interval"])
    top = tuple(
        LoadedSentence(
            int(t["start"]),
            int(t["end"]),
            float(t["probability"]),
            bool(t["in_quote"]),
            tuple(Span(int(a), int(b)) for a, b in t["words"]),
        )
        for t in v.get("top", [])
    )
    return LoadedScore(
        str(article),
        float(v["score"]),
        (low, high),
        float(v.get("rate", 0.0)),
        int(v.get("sentences", 0)),
        int(v.get("quoted_sentences", 0)),
        top,
    )


def _row(t: TermRow) -> dict[str, Any]:
    return {"term": t.term, "category": t.category, "own": list(t.own), "quoted": list(t.quoted)}


def _unrow(t: Mapping[str, Any]) -> TermRow:
    return TermRow(
        str(t["term"]), str(t["category"]), tuple(map(int, t["own"])), tuple(map(int, t["quoted"]))
    )
