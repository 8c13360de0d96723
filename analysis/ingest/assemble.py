"""The last step every loader shares: pick the outlet, check there is text, build the Article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as _date

from analysis.ingest.errors import NoArticleText
from analysis.ingest.outlets import domain_of, outlet_for_url
from analysis.model import Article

__all__ = ["assemble", "iso_date", "pick_outlet"]

_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def assemble(
    *,
    title: str,
    paragraphs: Sequence[str],
    source: str,
    outlet: str | None,
    fallback_outlet: str,
    date: str | None = None,
    url: str | None = None,
    author: str | None = None,
    page_outlet: str | None = None,
) -> Article:
    """Build an :class:`Article`, choosing the outlet name in a fixed order.

    The user's ``outlet`` wins, then the page's own site name, then the curated table
    for ``url``, then the bare domain, then ``fallback_outlet``.

    Raises:
        NoArticleText: When there is no body text at all.
    """
    body = [p for p in paragraphs if p.strip()]
    if not body:
        raise NoArticleText("no article text was found.")
    name = pick_outlet(outlet, page_outlet, url) or fallback_outlet
    return Article.from_parts(
        title=title,
        paragraphs=body,
        outlet=name,
        source=source,
        date=iso_date(date),
        url=url.strip() if url and url.strip() else None,
        author=" ".join(author.split()) if author and author.strip() else None,
    )


def pick_outlet(user: str | None, page: str | None, url: str | None) -> str | None:
    """Return the first usable outlet name: user's, page's (domains mapped), table, domain."""
    if user and user.strip():
        return user.strip()
    if page and page.strip():
        named = page.strip()
        if "." in named and " " not in named:  # a site name that is just a domain
            as_url = f"https://{named}"
            return outlet_for_url(as_url) or domain_of(as_url) or named
        return named
    if url:
        return outlet_for_url(url) or domain_of(url)
    return None


def iso_date(value: str | None) -> str | None:
    """Return ``YYYY-MM-DD`` when ``value`` starts with a valid ISO date, else None."""
    match = _ISO_PREFIX.match(value or "")
    if match is None:
        return None
    try:
        return _date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None
