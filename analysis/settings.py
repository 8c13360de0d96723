"""Settings of one comparison, carried into every result for provenance."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.align.settings import AlignmentSettings
from analysis.terms.settings import TermSettings

__all__ = ["CompareSettings"]


@dataclass(frozen=True, slots=True)
class CompareSettings:
    """Everything that changes the outcome of :func:`analysis.compare`."""

    alignment: AlignmentSettings = field(default_factory=AlignmentSettings)
    terms: TermSettings = field(default_factory=TermSettings)
