"""Slant's own article JSON (written by :func:`analysis.jsonio.article_to_json`)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from analysis.errors import ProjectError
from analysis.ingest.errors import InvalidArticleJson
from analysis.model import Article

__all__ = ["parse_article_json"]


def parse_article_json(text: str, *, outlet: str | None = None) -> Article:
    """Rebuild an article exactly from its JSON form.

    Args:
        text: The JSON document: one article object.
        outlet: The user's outlet name, which replaces the saved one.

    Returns:
        The article, equal to the one that was saved.

    Raises:
        InvalidArticleJson: When the text is not JSON, not an article, or inconsistent.
    """
    from analysis.jsonio import article_from_json

    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InvalidArticleJson("the file is not valid JSON.") from exc
    if not isinstance(data, dict) or "text" not in data or "sentences" not in data:
        raise InvalidArticleJson("the JSON file is not an article saved by Slant.")
    try:
        article = article_from_json(data)
    except ProjectError as exc:
        raise InvalidArticleJson("the saved article is incomplete or malformed.") from exc
    except (AttributeError, OverflowError) as exc:
        raise InvalidArticleJson("the saved article is malformed.") from exc
    if hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest() != article.sha256:
        raise InvalidArticleJson("the saved article's text does not match its checksum.")
    return article.with_outlet(outlet) if outlet else article
