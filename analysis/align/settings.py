"""Alignment settings (provisional; the alignment issue tunes and documents them)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AlignmentSettings"]


@dataclass(frozen=True, slots=True)
class AlignmentSettings:
    """Thresholds and scorer choice of the passage aligner."""

    min_score: float = 60.0
