"""Sorting and exporting keyword-in-context lines, as AntConc does.

A sort key names a context word by side and distance: ``L1`` is the word just before the
match, ``L2`` the one before that, ``R1`` the word just after, up to ``L3`` and ``R3``.
Words are read from the article's text (not the display context, which is cut at a fixed
width and may end mid-word), lower-cased; a missing word (the text starts or ends first)
sorts before every word. Keys apply in order; ties keep the lines' original order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from analysis.errors import AnalysisError
from analysis.model import WORD_RE, Article
from analysis.terms.kwic import KwicLine

__all__ = ["SORT_KEYS", "context_word", "kwic_csv", "sort_kwic"]

SORT_KEYS = ("L3", "L2", "L1", "R1", "R2", "R3")
_WORD = WORD_RE
_REACH = 300  # characters searched on each side for three words


def context_word(line: KwicLine, text: str, key: str) -> str:
    """The lower-cased word at ``key`` (``L1`` … ``R3``) around ``line``, or ``""``.

    Raises:
        AnalysisError: For a key that is not one of :data:`SORT_KEYS`.
    """
    if key not in SORT_KEYS:
        raise AnalysisError(
            f"'{key}' is not a KWIC sort key; use one of {', '.join(SORT_KEYS)}.",
            code="analysis.kwic_key",
        )
    distance = int(key[1])
    if key[0] == "L":
        words = _WORD.findall(text[max(0, line.start - _REACH) : line.start])
        return words[-distance].lower() if len(words) >= distance else ""
    words = _WORD.findall(text[line.end : line.end + _REACH])
    return words[distance - 1].lower() if len(words) >= distance else ""


def sort_kwic(
    lines: Sequence[KwicLine], articles: Sequence[Article], keys: Sequence[str] = ("R1",)
) -> tuple[KwicLine, ...]:
    """Return ``lines`` sorted by the context words named by ``keys``, in order.

    Args:
        lines: KWIC lines (from :func:`analysis.terms.kwic`).
        articles: The articles the lines come from (their text is read).
        keys: Sort keys such as ``("L1",)`` or ``("R1", "R2", "R3")``.

    Raises:
        AnalysisError: For an unknown key.
    """
    texts = {a.id: a.text for a in articles}
    decorated = [
        (tuple(context_word(line, texts[line.article], k) for k in keys), i, line)
        for i, line in enumerate(lines)
    ]
    decorated.sort(key=lambda item: (item[0], item[1]))
    return tuple(line for _, _, line in decorated)


def kwic_csv(lines: Sequence[KwicLine], outlets: Mapping[str, str]) -> bytes:
    """Return the lines as CSV (UTF-8 with BOM, as the report's CSV files).

    Columns: outlet, article_id, start, end, left, match, right.
    """
    from analysis.text.escape import csv_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["outlet", "article_id", "start", "end", "left", "match", "right"])
    for line in lines:
        cells = (outlets.get(line.article, ""), line.article, line.start, line.end)
        writer.writerow([csv_cell(c) for c in (*cells, line.left, line.match, line.right)])
    return out.getvalue().encode("utf-8-sig")
