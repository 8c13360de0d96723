"""JSON form of articles and comparison results (``slant compare --format json``).

Serialization lives here, apart from the value classes. Each analysis section adds its
own ``to_json``/``from_json`` pair in its package and is wired in below.
The schema is documented in ``docs/report-schema.md``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from analysis import __version__
from analysis.align.serialize import alignment_from_json, alignment_to_json
from analysis.disagree.serialize import (
    disagreements_from_json,
    disagreements_to_json,
    naming_to_json,
)
from analysis.errors import ProjectError
from analysis.framing.serialize import (
    distinctive_from_json,
    distinctive_to_json,
    framing_from_json,
    framing_to_json,
    readability_from_json,
    readability_to_json,
)
from analysis.leans import leans_from_json, leans_to_json
from analysis.model import Article, Span
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings
from analysis.settings_schema import settings_from_json as _checked_settings
from analysis.terms.serialize import terms_from_json, terms_to_json

__all__ = [
    "SCHEMA_VERSION",
    "article_from_json",
    "article_to_json",
    "result_from_json",
    "result_to_json",
    "settings_from_json",
    "settings_to_json",
]

SCHEMA_VERSION = 1


def article_to_json(article: Article) -> dict[str, Any]:
    """Return an article as a JSON-ready dict (spans as ``{"start", "end"}``)."""
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "author": article.author,
        "source": article.source,
        "text": article.text,
        "paragraphs": [_span(s) for s in article.paragraphs],
        "sentences": [_span(s) for s in article.sentences],
        "word_count": article.word_count,
        "sha256": article.sha256,
    }


def article_from_json(data: Mapping[str, Any]) -> Article:
    """Rebuild an article exactly from :func:`article_to_json` output.

    Raises:
        ProjectError: When fields are missing, of the wrong type, inconsistent with the
            text, or hold text that is not valid Unicode (a lone surrogate would crash every
            later export and save, so it is refused here, at load).
    """
    try:
        text = _text(data["text"])
        article = Article(
            id=_text(data["id"]),
            outlet=_text(data["outlet"]),
            title=_text(data["title"]),
            date=_opt(data.get("date")),
            url=_opt(data.get("url")),
            author=_opt(data.get("author")),
            source=_text(data["source"]),
            text=text,
            paragraphs=tuple(_unspan(s) for s in data["paragraphs"]),
            sentences=tuple(_unspan(s) for s in data["sentences"]),
            word_count=_count(data["word_count"]),
            sha256=_text(data["sha256"]),
        )
    except (KeyError, IndexError, TypeError, ValueError, OverflowError) as exc:
        detail = "not valid Unicode" if isinstance(exc, UnicodeError) else "incomplete or malformed"
        raise ProjectError(f"An article entry is {detail}.", code="project.corrupt") from exc
    for span in (*article.paragraphs, *article.sentences):
        if not 0 <= span.start <= span.end <= len(text):
            raise ProjectError(f"Article {article.id} has a span outside its text.")
    return article


def _text(value: Any) -> str:
    """A string field: a ``str`` that encodes as UTF-8 (no lone surrogates)."""
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    value.encode("utf-8")  # raises UnicodeEncodeError, a ValueError, for a lone surrogate
    return value


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("expected a whole number")
    return value


def settings_to_json(settings: CompareSettings) -> dict[str, Any]:
    """Return the settings as nested plain dicts."""
    return dataclasses.asdict(settings)


def settings_from_json(data: Mapping[str, Any]) -> CompareSettings:
    """Rebuild settings through the one validated schema (:mod:`analysis.settings_schema`).

    Unknown keys are ignored and missing keys take defaults.

    Raises:
        SettingsError: When a value has the wrong type or lies outside its range.
    """
    return _checked_settings(data)


def result_to_json(result: ComparisonResult) -> dict[str, Any]:
    """Return the whole comparison result as a JSON-ready dict."""
    return dict(result_json_items(result))


def result_json_items(result: ComparisonResult) -> Iterator[tuple[str, Any]]:
    """Yield the top-level keys of :func:`result_to_json` with their values, in order.

    One section at a time, so a caller that writes each as it comes (the JSON report of
    1,000 articles) never holds the JSON form of every section at once.
    """
    yield "schema_version", SCHEMA_VERSION
    yield "generator", f"Slant {__version__}"
    yield "created", result.created
    yield "settings", settings_to_json(result.settings)
    yield "articles", [article_to_json(a) for a in result.articles]
    # --- sections: each package wires its own serializer here ---
    if result.framing is not None:
        yield "framing", framing_to_json(result.framing)
    if result.distinctive_terms is not None:
        yield "distinctive_terms", distinctive_to_json(result.distinctive_terms)
    if result.readability is not None:
        yield "readability", readability_to_json(result.readability)
    if result.alignment is not None:
        yield "alignment", alignment_to_json(result.alignment)
    if result.terms is not None:
        yield "terms", terms_to_json(result.terms)
    if result.disagreements is not None:
        yield "disagreements", disagreements_to_json(result.disagreements)
        yield "naming", naming_to_json(result.disagreements)
    if result.leans is not None:
        yield "ratings", leans_to_json(result.leans)


def result_from_json(data: Mapping[str, Any]) -> ComparisonResult:
    """Rebuild a comparison result from :func:`result_to_json` output.

    Raises:
        ProjectError: When the data is malformed or from a newer schema.
    """
    version = data.get("schema_version")
    if not isinstance(version, int):
        raise ProjectError("This file is not a Slant result (no schema version).")
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"This file was written by a newer Slant (schema {version}); please update Slant."
        )
    articles = tuple(article_from_json(a) for a in data.get("articles") or [])
    settings = settings_from_json(data.get("settings") or {})
    result = ComparisonResult(
        articles=articles, settings=settings, created=str(data.get("created", ""))
    )
    # --- sections: each package wires its own deserializer here ---
    if data.get("framing") is not None:
        result = dataclasses.replace(result, framing=framing_from_json(data["framing"]))
    if data.get("distinctive_terms") is not None:
        vocab = distinctive_from_json(data["distinctive_terms"])
        result = dataclasses.replace(result, distinctive_terms=vocab)
    if data.get("readability") is not None:
        scores = readability_from_json(data["readability"])
        result = dataclasses.replace(result, readability=scores)
    if data.get("alignment") is not None:
        ids = tuple(a.id for a in articles)
        aligned = alignment_from_json(data["alignment"], ids, settings.alignment)
        result = dataclasses.replace(result, alignment=aligned)
    if data.get("terms") is not None:
        result = dataclasses.replace(result, terms=terms_from_json(data["terms"]))
    if data.get("disagreements") is not None:
        found = disagreements_from_json(data["disagreements"], data.get("naming"))
        result = dataclasses.replace(result, disagreements=found)
    if data.get("ratings") is not None:
        leans = leans_from_json(data["ratings"], tuple(a.id for a in articles))
        result = dataclasses.replace(result, leans=leans)
    return result


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _unspan(data: Any) -> Span:
    if isinstance(data, Mapping):
        return Span(_count(data["start"]), _count(data["end"]))
    if isinstance(data, str) or not isinstance(data, Sequence) or len(data) != 2:
        raise TypeError("expected a span")  # a damaged file: the loaders report TypeError
    return Span(_count(data[0]), _count(data[1]))


def _opt(value: Any) -> str | None:
    return None if value is None else _text(value)
