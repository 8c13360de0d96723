"""The time frame a figure is stated for, read from its sentence.

A tax rate "for 2014" and the average rate "from 2007 through 2014" are two figures, not
one figure the outlets disagree on; so are the cuts "last year" and "this year". Each
figure's sentence is searched for a period: a span of years ("from 2007 through 2014",
"2007-2014", "since 2007", "over eight years", an "average" or "annual" figure), one
year ("in 2014"), or a relative year ("last year"). Two figures whose periods are known
and differ count different things (:func:`different_periods`).
"""

from __future__ import annotations

import re

__all__ = ["different_periods", "period_of"]

_YEAR = r"(?:1[89]|20)\d\d"
_SPAN = re.compile(
    rf"\b(?:from|between)\s+(?:the\s+)?(?P<a>{_YEAR})\s+(?:to|and|through|until|till)\s+"
    rf"(?P<b>{_YEAR})\b|\b(?P<c>{_YEAR})\s?[-–]\s?(?P<d>{_YEAR})\b"
    rf"|\b(?:since|from)\s+(?P<since>{_YEAR})\b",
    re.IGNORECASE,
)
_SPAN_WORDS = re.compile(
    r"\b(?:average[ds]?|annual(?:ly)?|per\s+year|a\s+year|each\s+year|every\s+year|"
    r"(?:over|during|in|for)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|next\s+)?"
    r"(?:\w+|\d+)[-\s]years?\b|\w+-year\s+(?:period|span|total))",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?P<rel>last|this|next|previous)\s+year\b", re.IGNORECASE)
_ONE_YEAR = re.compile(rf"(?<![\w$£€.,-])(?P<y>{_YEAR})(?![\w%-]|\.\d|,\d)")
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-Z\"“])")


def period_of(text: str, start: int, end: int) -> str:
    """Return the period of the figure ``text[start:end]``, or "" when none is stated.

    The period is read in the figure's sentence (the figure itself left out):
    ``span:2007-2014``, ``span:2007-`` ("since 2007"), ``span`` (an average, annual or
    multi-year figure without years), ``year:2014`` or ``rel:last``.
    """
    left = _SENTENCE_END.split(text[max(0, start - 200) : start])[-1]
    right = _SENTENCE_END.split(text[end : end + 200])[0]
    sentence = f"{left} {right}"
    span = _SPAN.search(sentence)
    if span is not None:
        if span["since"]:
            return f"span:{span['since']}-"
        return f"span:{span['a'] or span['c']}-{span['b'] or span['d']}"
    if _SPAN_WORDS.search(sentence):
        return "span"
    years = set(_ONE_YEAR.findall(sentence))
    if len(years) == 1:
        return f"year:{years.pop()}"
    relative = _RELATIVE.search(sentence)
    if relative is not None and not years:
        return f"rel:{relative['rel'].lower().replace('previous', 'last')}"
    return ""


def different_periods(a: str, b: str) -> bool:
    """Whether two periods (from :func:`period_of`) are known and not the same.

    A span and one year differ; two years, two relative years or two spans with their
    years differ when they are not equal. A relative year against a calendar year is
    unknown (it depends on the article's date), so is a span without years against a span.
    """
    if not a or not b or a == b:
        return False
    kind_a, kind_b = a.split(":")[0], b.split(":")[0]
    if "span" in (kind_a, kind_b):
        if kind_a == kind_b:
            return a != "span" and b != "span"  # two spans with different years
        return True  # an average over years vs one year's figure
    return kind_a == kind_b  # two calendar years or two relative years, not equal
