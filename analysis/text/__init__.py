"""The text layer: quotation spans and escaping, below both terms and framing.

Nothing here imports another Slant package but :mod:`analysis.model`, so the loaded-term
step, the framing step and the reports can all build on it without importing each other.
"""

from __future__ import annotations

__all__: list[str] = []
