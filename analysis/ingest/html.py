"""Saved web pages and downloaded HTML: main text and metadata through trafilatura.

trafilatura drops navigation, ads, cookie banners, related-link lists and reader
comments, and reads title, date, site name, author and canonical URL from the page.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from analysis.ingest.assemble import assemble
from analysis.ingest.encoding import decode_bytes, html_declared_charset
from analysis.ingest.errors import NoArticleText
from analysis.model import Article, count_words

__all__ = ["looks_like_html", "parse_html"]

# trafilatura and htmldate log their doubts; without a handler Python would print the
# warnings on stderr, which must hold one line per failure and nothing else.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)
_MIN_WORDS = 8
# Dates from the page's metadata and URL only: scanning the body for date-like strings
# is most of the extraction time and picks up dates the story merely mentions.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def looks_like_html(text: str) -> bool:
    """Whether text starts like an HTML document (for stdin, which has no extension)."""
    return _HTML_START.match(text[:4096]) is not None


def parse_html(
    page: bytes | str,
    *,
    source: str,
    outlet: str | None = None,
    url: str | None = None,
    declared_charset: str | None = None,
    fallback_outlet: str = "Unknown outlet",
) -> Article:
    """Extract the article of an HTML page.

    Args:
        page: The page as bytes (decoded here) or text.
        source: The path or URL as the user gave it.
        outlet: The user's outlet name, if given.
        url: The URL the page came from, when downloaded (the page's canonical URL wins).
        declared_charset: The HTTP header's charset, if any.
        fallback_outlet: Outlet name when the page, the user and the URL give none.

    Returns:
        The article.

    Raises:
        NoArticleText: When no article text can be extracted.
        BinaryContent, UndecodableText, EmptySource: From decoding.
    """
    if isinstance(page, bytes):
        charset = declared_charset or html_declared_charset(page)
        page = decode_bytes(page, declared=charset)
    doc = _extract(page, url)
    lines = [" ".join(line.split()) for line in str(doc.get("text") or "").split("\n")]
    lines = [line for line in lines if line]
    title = " ".join(str(doc.get("title") or "").split())
    if len(lines) > 1 and (not title or lines[0].casefold() == title.casefold()):
        title = lines.pop(0)  # the headline printed atop the text, or the only title there is
    return assemble(
        title=title,
        paragraphs=lines,
        source=source,
        outlet=outlet,
        fallback_outlet=fallback_outlet,
        date=_opt(doc.get("date")),
        url=_opt(doc.get("url")) or url,
        author=_opt(doc.get("author")),
        page_outlet=_opt(doc.get("sitename")),
    )


def _extract(page: str, url: str | None) -> dict[str, Any]:
    try:
        return _extract_from(page, url)
    except NoArticleText:
        # The parser drops everything 256 levels down: a deeply nested page seems empty.
        from analysis.ingest.deep_html import flatten_deep_html

        flat = flatten_deep_html(page)
        if flat is None:
            raise
        return _extract_from(flat[0], url)


def _extract_from(page: str, url: str | None) -> dict[str, Any]:
    """The extractor's result for a page."""
    import trafilatura

    try:
        doc: Any = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
        )
        data = doc.as_dict() if hasattr(doc, "as_dict") else doc
    except Exception as exc:  # a third-party parser on arbitrary input: any failure is "no text"
        raise NoArticleText(f"the page could not be parsed ({type(exc).__name__}).") from exc
    # A few stray words (a menu's "Home") are what extractors find on pages with no article.
    if not isinstance(data, dict) or count_words(str(data.get("text") or "")) < _MIN_WORDS:
        raise NoArticleText("the page has no article text that could be extracted.")
    return data


def _opt(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
