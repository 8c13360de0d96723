"""Quotation spans now live in :mod:`analysis.text.quotes` (below terms and framing)."""

from __future__ import annotations

from analysis.text.quotes import *  # noqa: F403
from analysis.text.quotes import __all__ as __all__
