"""Escaping now lives in :mod:`analysis.text.escape` (terms and reports both use it)."""

from __future__ import annotations

from analysis.text.escape import *  # noqa: F403
from analysis.text.escape import __all__ as __all__
