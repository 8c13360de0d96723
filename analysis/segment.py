"""Sentence splitting of one paragraph into character offsets.

Provisional rule-based splitter; the foundation issue measures syntok and pysbd and
replaces or confirms this.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc ltd co corp vs etc no "
        "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m i.e e.g"
    ).split()
)
# A sentence end: terminal punctuation, optional closing quotes/brackets, then either
# whitespace + an opening character, or directly a capital letter (glued: "reporters.The").
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9]|[A-Z][a-z])")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans.

    Args:
        paragraph: Text without paragraph breaks.

    Returns:
        ``(start, end)`` offsets into ``paragraph``, stripped of surrounding spaces.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        word = paragraph[start : match.start()].rsplit(None, 1)
        last = word[-1].lower().rstrip(".") if word else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(paragraph)))
    return [s for s in (_strip(paragraph, a, b) for a, b in spans) if s[0] < s[1]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
