"""Is this English? The built-in lexicons are English; other languages get a warning.

The check itself is :func:`analysis.text.language.looks_english`, shared with readability.
"""

from __future__ import annotations

from analysis.text.language import english_share, looks_english

__all__ = ["english_share", "language_warning"]


def language_warning(text: str) -> str | None:
    """Return a one-sentence warning when ``text`` does not look English, else None.

    Texts under 20 words are too short to judge and get no warning.
    """
    if looks_english(text):
        return None
    return (
        "This article does not look English; Slant's built-in lexicons are English, "
        "so its loaded-term counts are not meaningful."
    )
