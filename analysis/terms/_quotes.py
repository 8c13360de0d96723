"""Provisional quotation finder, used until ``analysis.framing.quotes`` lands.

Only double quotes ("straight" and “curly”) within one paragraph; spans include the marks.
"""

from __future__ import annotations

import re

from analysis.model import Span

__all__ = ["quotation_spans"]

_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def quotation_spans(text: str) -> tuple[Span, ...]:
    """Return spans of double-quoted passages (marks included), never overlapping."""
    return tuple(Span(m.start(), m.end()) for m in _QUOTE.finditer(text))
