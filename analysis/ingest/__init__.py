"""Loading articles from files, URLs, Slant's JSON, standard input and pasted text.

Every failure is a :class:`~analysis.errors.LoadError` subclass (see
:mod:`analysis.ingest.errors`) with a stable ``code`` and a one-sentence message.
"""

from __future__ import annotations

from analysis.ingest.dispatch import load_bytes, load_pasted, load_sample, load_source
from analysis.ingest.outlets import outlet_for_url
from analysis.ingest.url import USER_AGENT, Fetched, fetch_url

__all__ = [
    "USER_AGENT",
    "Fetched",
    "fetch_url",
    "load_bytes",
    "load_pasted",
    "load_sample",
    "load_source",
    "outlet_for_url",
]
