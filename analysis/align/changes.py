"""Word-level changes inside a link, from rapidfuzz's Levenshtein opcodes on word tokens."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from analysis.align.normalize import Tokens
from analysis.align.values import Change, ChangeKind

__all__ = ["word_changes"]

_KINDS = {"insert": ChangeKind.INSERT, "delete": ChangeKind.DELETE, "replace": ChangeKind.REPLACE}


def word_changes(
    tok_a: Tokens, lo_a: int, hi_a: int, tok_b: Tokens, lo_b: int, hi_b: int
) -> tuple[Change, ...]:
    """Return the inserted, deleted and replaced words between two token ranges.

    Args:
        tok_a: Tokens of the first unit (offsets into its article).
        lo_a: First token of the range in ``tok_a``.
        hi_a: End (exclusive) of the range in ``tok_a``.
        tok_b: Tokens of the second unit.
        lo_b: First token of the range in ``tok_b``.
        hi_b: End of the range in ``tok_b``.

    Returns:
        Changes in text order; an empty side is an insertion point (``start == end``).
    """
    out: list[Change] = []
    for i1, i2, j1, j2 in _blocks(tok_a.words[lo_a:hi_a], tok_b.words[lo_b:hi_b]):
        kind = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        a_start, a_end = _span(tok_a, lo_a, lo_a + i1, lo_a + i2)
        b_start, b_end = _span(tok_b, lo_b, lo_b + j1, lo_b + j2)
        out.append(Change(_KINDS[kind], a_start, a_end, b_start, b_end))
    return tuple(out)


def _blocks(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """Non-equal opcodes, with neighbours that touch coalesced into one edit.

    "lease" → "sell off" reads as one replacement, not an insertion next to a replacement.
    """
    blocks: list[tuple[int, int, int, int]] = []
    for op in Levenshtein.opcodes(words_a, words_b):
        if op.tag == "equal":
            continue
        if blocks and blocks[-1][1] == op.src_start and blocks[-1][3] == op.dest_start:
            i1, _, j1, _ = blocks.pop()
            blocks.append((i1, op.src_end, j1, op.dest_end))
        else:
            blocks.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return blocks


def _span(tokens: Tokens, lo: int, i: int, j: int) -> tuple[int, int]:
    """Character span of tokens ``[i, j)``, or the insertion point when empty."""
    if j > i:
        return tokens.offsets[i][0], tokens.offsets[j - 1][1]
    point = (
        tokens.offsets[i - 1][1] if i > lo else tokens.offsets[min(i, len(tokens.offsets) - 1)][0]
    )
    return point, point
