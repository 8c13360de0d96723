"""Keyword-in-context lines for the Terms view, as values the KWIC item model adapts.

A lexicon term's lines come from its hits in ``result.terms`` (so they agree with the
counts, own voice and quoted included); a phrase the user types goes through
:func:`analysis.terms.kwic.kwic`, and its voice is decided by the quotation spans.
"""

from __future__ import annotations

from analysis.framing.quotes import in_quotation, quotation_spans
from analysis.model import Span
from analysis.result import ComparisonResult
from analysis.terms.kwic import KwicLine, kwic
from analysis.terms.kwic_sort import SORT_KEYS, sort_kwic

__all__ = ["SORT_CHOICES", "phrase_lines", "sort_keys", "sorted_lines", "term_lines"]

#: The KWIC sort choices: (label, first key), "" keeping the lines in text order.
SORT_CHOICES: tuple[tuple[str, str], ...] = (
    ("Text order", ""),
    ("1st word left (L1)", "L1"),
    ("2nd word left (L2)", "L2"),
    ("3rd word left (L3)", "L3"),
    ("1st word right (R1)", "R1"),
    ("2nd word right (R2)", "R2"),
    ("3rd word right (R3)", "R3"),
)


def sort_keys(first: str) -> tuple[str, ...]:
    """The keys for sorting by ``first``: it, then the farther words on its side (as AntConc).

    ``L1`` sorts by L1, then L2, then L3; ``R2`` by R2, then R3; ``""`` gives no keys.
    """
    if not first:
        return ()
    side, distance = first[0], int(first[1])
    return tuple(k for k in SORT_KEYS if k[0] == side and int(k[1]) >= distance)[
        :: -1 if side == "L" else 1
    ]


def sorted_lines(
    result: ComparisonResult | None,
    lines: tuple[KwicLine, ...],
    quoted: tuple[bool, ...],
    first: str,
) -> tuple[tuple[KwicLine, ...], tuple[bool, ...]]:
    """``lines`` (and their voice flags) sorted by the context words from ``first`` outwards."""
    keys = sort_keys(first)
    if result is None or not keys:
        return lines, quoted
    voice = {id(line): q for line, q in zip(lines, quoted, strict=True)}
    ordered = sort_kwic(lines, result.articles, keys)
    return ordered, tuple(voice[id(line)] for line in ordered)


def _width(result: ComparisonResult) -> int:
    return int(getattr(result.settings.terms, "kwic_width", 60))


def term_lines(
    result: ComparisonResult | None, term: str, category: str
) -> tuple[tuple[KwicLine, ...], tuple[bool, ...]]:
    """Lines of every hit of ``(term, category)``, in article order then by offset.

    Returns:
        The lines and, for each, whether it lies inside a direct quotation.
    """
    report = None if result is None else result.terms
    if result is None or report is None:
        return (), ()
    width = _width(result)
    texts = {a.id: a.text for a in result.articles}
    order = {a.id: i for i, a in enumerate(result.articles)}
    hits = sorted(
        (
            h
            for h in report.hits
            if h.term == term and h.category == category and h.article in texts
        ),
        key=lambda h: (order[h.article], h.start),
    )
    lines = tuple(_line(texts[h.article], h.article, h.start, h.end, width) for h in hits)
    return lines, tuple(bool(h.in_quote) for h in hits)


def phrase_lines(
    result: ComparisonResult | None, phrase: str
) -> tuple[tuple[KwicLine, ...], tuple[bool, ...]]:
    """Lines of a typed word or phrase across all articles (inflections included)."""
    if result is None or not phrase.strip():
        return (), ()
    lines = kwic(result.articles, phrase, _width(result))
    quotes = {a.id: quotation_spans(a.text) for a in result.articles}
    quoted = tuple(in_quotation(quotes[x.article], Span(x.start, x.end)) for x in lines)
    return lines, quoted


def _line(text: str, article: str, start: int, end: int, width: int) -> KwicLine:
    # context stays inside the hit's paragraph: a headline's line must not run on into
    # the body as if it were one sentence
    para_lo = text.rfind("\n\n", 0, start) + 2 if "\n\n" in text[:start] else 0
    para_hi = text.find("\n\n", end)
    para_hi = len(text) if para_hi < 0 else para_hi
    lo, hi = max(para_lo, start - width), min(para_hi, end + width)
    # widen to whole words so no context starts or ends mid-word
    while lo > para_lo and not text[lo - 1].isspace() and start - lo < width + 15:
        lo -= 1
    while hi < para_hi and not text[hi].isspace() and hi - end < width + 15:
        hi += 1
    return KwicLine(
        article=article,
        start=start,
        end=end,
        left=" ".join(text[lo:start].split()),
        match=text[start:end],
        right=" ".join(text[end:hi].split()),
    )
