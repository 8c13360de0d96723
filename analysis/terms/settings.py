"""Loaded-term settings: which lexicon categories are on, where user lexicons live."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_KWIC_WIDTH", "TermSettings"]

DEFAULT_KWIC_WIDTH = 60


@dataclass(frozen=True, slots=True)
class TermSettings:
    """Settings of the loaded-term step (plain values, so they serialize as they are).

    Attributes:
        disabled_categories: Names of lexicon categories switched off (built-in or user).
        user_lexicon_dir: Folder of the user's own ``*.toml`` lexicons; None means the
            platform's user config folder, ``<config>/slant/lexicons``.
        use_user_lexicons: False ignores user lexicons entirely (built-ins only).
        kwic_width: Characters of context on each side of a keyword-in-context line.
    """

    disabled_categories: tuple[str, ...] = ()
    user_lexicon_dir: str | None = None
    use_user_lexicons: bool = True
    kwic_width: int = DEFAULT_KWIC_WIDTH
