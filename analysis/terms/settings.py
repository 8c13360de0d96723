"""Loaded-term settings (provisional; the terms issue extends them)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TermSettings"]


@dataclass(frozen=True, slots=True)
class TermSettings:
    """Which lexicon categories are on, and where the user's own lexicons live."""

    disabled_categories: tuple[str, ...] = ()
    user_lexicon_dir: str | None = None
