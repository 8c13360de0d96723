r"""Where the direct quotations are: character spans of quoted words, by quote marks.

:func:`quotation_spans` finds quotations in every common style: "straight", “curly”,
‘single curly’, 'single straight', «guillemets» (and ‹single›), „German“ and ‚German
single‘. Each span **includes** its opening and closing marks, so ``text[span.start]`` is
the opening mark and ``text[span.end - 1]`` the closing one.

Rules, chosen to fail safe on messy news text:

* Apostrophes are not quote marks: a ``'`` or ``’`` between letters (don't, O'Brien), after
  a word with no quotation open (the players' union, Paris'), or before a digit or a common
  elision ('90s, 'em, 'til) is skipped.
* Nested quotations (‘single’ inside “double”) are part of the outer span; only outermost
  spans are returned, so spans never overlap.
* A quotation left open at the end of a paragraph continues when the next paragraph opens
  with a mark of the same style (the multi-paragraph convention); the span then runs from
  the first opening mark to the final closing mark, across the paragraph break. Otherwise the
  unbalanced mark is dropped and yields no span.
* Paragraph breaks are blank lines (``\\n\\n``, as in :attr:`analysis.model.Article.text`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.model import Span

__all__ = ["in_quotation", "quotation_spans"]

_MARK = re.compile("[\"'“”„«»‹›‘’‚]")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# Words that begin with an elided letter in English ('tis, 'em, 'n' …): not quote openers.
_ELISION = re.compile(r"(?:tis|twas|em|cause|cos|til|n|bout|round)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Style:
    """One family of quote marks and how its marks pair up."""

    openers: str
    closers: str
    continuations: str  # marks that continue a quotation at the start of a paragraph
    nests: bool  # unambiguous pairs: count depth; otherwise toggle open/closed
    apostrophes: bool = False  # single-quote style: apply the apostrophe rules
    spaced: bool = False  # French style allows a space inside the marks: « mot »


_STYLES = (
    _Style('"', '"', '"', nests=False),
    _Style("“", "”", "“", nests=True),
    _Style("„", "“”", "„", nests=False),
    _Style("«", "»", "«»", nests=True, spaced=True),
    _Style("‹", "›", "‹›", nests=True, spaced=True),
    _Style("‘", "’", "‘", nests=False, apostrophes=True),
    _Style("'", "'", "'", nests=False, apostrophes=True),
    _Style("‚", "‘’", "‚", nests=False, apostrophes=True),
)


def quotation_spans(text: str) -> tuple[Span, ...]:
    """Return the spans of the direct quotations in ``text``, marks included.

    Args:
        text: Any text; paragraphs separated by blank lines.

    Returns:
        Sorted, non-overlapping spans inside ``text``; empty for text without quotations.
        Unbalanced or nested marks never raise.
    """
    marks = [m.start() for m in _MARK.finditer(text)]
    if not marks:
        return ()
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    pairs: list[tuple[int, int]] = []
    for style in _STYLES:
        chars = style.openers + style.closers
        own = [i for i in marks if text[i] in chars]
        if own:
            pairs.extend(_pair_style(text, own, breaks, style))
    return _outermost(pairs)


def in_quotation(spans: Sequence[Span], span: Span) -> bool:
    """Return whether ``span`` lies wholly inside one of the sorted quotation ``spans``.

    Args:
        spans: Output of :func:`quotation_spans` (sorted, non-overlapping).
        span: The span to test, e.g. a term hit.
    """
    index = bisect_right(spans, span.start, key=lambda s: s.start)
    return index > 0 and spans[index - 1].contains(span)


def _pair_style(
    text: str, marks: list[int], breaks: list[int], style: _Style
) -> list[tuple[int, int]]:
    """Pair the marks of one style paragraph by paragraph; return (start, end) pairs."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    paragraph = 0
    for pos in marks:
        crossed = bisect_right(breaks, pos) - paragraph
        if crossed:
            paragraph += crossed
            carried = stack[:1] if crossed == 1 and _continues(text, pos, breaks, style) else []
            stack = carried
            if carried:
                continue  # the mark re-opening the paragraph belongs to the carried quote
        _step(text, pos, style, stack, pairs)
    return pairs


def _continues(text: str, pos: int, breaks: list[int], style: _Style) -> bool:
    """Whether the mark at ``pos`` opens its paragraph and continues an open quotation."""
    if text[pos] not in style.continuations:
        return False
    start = breaks[bisect_right(breaks, pos) - 1]
    return text[start:pos].isspace()


def _step(
    text: str, pos: int, style: _Style, stack: list[int], pairs: list[tuple[int, int]]
) -> None:
    """Apply one mark to the open-quotation stack of its style."""
    char = text[pos]
    if stack and char in style.closers and _closes(text, pos, style):
        opener = stack.pop()
        if not style.nests:
            stack.clear()
        pairs.append((opener, pos + 1))
    elif char in style.openers and _opens(text, pos, style):
        if not style.nests:
            stack.clear()  # a fresh opener while open: the earlier one was unbalanced
        stack.append(pos)


def _opens(text: str, pos: int, style: _Style) -> bool:
    """Whether the mark at ``pos`` can open a quotation: a word (or a space, «) follows."""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if not after or (after.isspace() and not style.spaced):
        return False
    if not style.apostrophes:
        return True
    before = text[pos - 1] if pos else " "
    # don't / Paris' / '90s / 'em: apostrophes, not openers.
    if before.isalnum() or after.isdigit():
        return False
    return _ELISION.match(text, pos + 1) is None


def _closes(text: str, pos: int, style: _Style) -> bool:
    """Whether the mark at ``pos`` can close a quotation: it follows a word (or a space, »)."""
    before = text[pos - 1] if pos else ""
    if not before or (before.isspace() and not style.spaced):
        return False
    if not style.apostrophes:
        return True
    after = text[pos + 1] if pos + 1 < len(text) else ""
    return not after.isalnum()


def _outermost(pairs: list[tuple[int, int]]) -> tuple[Span, ...]:
    """Keep the pairs not inside or crossing an earlier-starting kept pair."""
    pairs.sort(key=lambda p: (p[0], -p[1]))
    kept: list[Span] = []
    last_end = 0
    for start, end in pairs:
        if start >= last_end:
            kept.append(Span(start, end))
            last_end = end
    return tuple(kept)
