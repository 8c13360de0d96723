"""Outlet names from URLs, through the curated table in ``resources/outlets.toml``."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from urllib.parse import urlsplit

from analysis.resources import resource

__all__ = ["domain_of", "outlet_for_url", "outlet_table"]

# Host prefixes that never name an outlet of their own (www.cnn.com is CNN).
_NOISE_LABELS = frozenset("www www1 www2 m mobile amp edition news en eu uk us int intl".split())


@lru_cache(maxsize=1)
def outlet_table() -> dict[str, str]:
    """Return the curated ``domain → outlet`` table (read once)."""
    data = tomllib.loads(resource("outlets.toml").read_text(encoding="utf-8"))
    return {str(k).lower(): str(v) for k, v in data.get("outlets", {}).items()}


def domain_of(url: str) -> str | None:
    """Return the URL's host without ``www.``-like prefixes and port, lower-cased."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    labels = host.rstrip(".").lower().split(".")
    while len(labels) > 2 and labels[0] in _NOISE_LABELS:
        labels = labels[1:]
    return ".".join(labels) or None


def outlet_for_url(url: str) -> str | None:
    """Return the outlet the curated table gives for a URL's domain, or None.

    The full host is tried first, then each parent domain, so ``edition.cnn.com``,
    ``news.sky.com`` and ``en.yna.co.kr`` all resolve.

    Args:
        url: An absolute URL.

    Returns:
        The outlet name, or None when no entry matches.
    """
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    table = outlet_table()
    labels = host.rstrip(".").lower().split(".")
    for i in range(len(labels) - 1):
        name = table.get(".".join(labels[i:]))
        if name is not None:
            return name
    return None
