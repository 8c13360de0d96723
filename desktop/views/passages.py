"""The side-by-side passage map now lives in :mod:`analysis.present.passages` (Qt-free)."""

from __future__ import annotations

from analysis.present.passages import *  # noqa: F403
from analysis.present.passages import __all__ as __all__
