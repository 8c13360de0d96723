"""Datelines: the "PLACE, Region — " that opens a wire story's first paragraph.

A plain-text article whose first line is its lead paragraph (no headline line) starts with
one: "RIVERTON, Ont. — The council voted …". Taken as a headline, such a line makes the
headline check report words the body "never mentions" (the place name). The loaders use
:func:`starts_with_dateline` to keep such a line in the body, and the key findings to stay
silent about a headline that is really a lead.
"""

from __future__ import annotations

import re

__all__ = ["LEAD_WORDS", "is_dateline_lead", "looks_like_lead", "starts_with_dateline"]

# A place in capitals ("WASHINGTON", "WEST PALM BEACH", "ST. JOHN'S"), an optional region
# or country in any case ("Fla.", "Ont.", "England"), an optional agency in parentheses
# ("(Reuters)"), then a dash of any kind with spaces: the dateline's shape.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4}"  # the place, in capitals
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?"  # region or country
    r"(?:\s*\([A-Z][\w .&-]{1,30}\))?"  # news agency
    r"\s+(?:—|–|--|-)\s+\S"
)
#: A "headline" longer than this many words is a paragraph of body text.
LEAD_WORDS = 30
#: A dateline-led line shorter than this may be a headline ("NATO – what next").
_DATELINE_LEAD_WORDS = 15
#: Capitals that open headlines, not datelines.
_KICKERS = frozenset(("BREAKING", "EXCLUSIVE", "UPDATE", "UPDATED", "WATCH", "LIVE", "OPINION"))


def starts_with_dateline(line: str) -> bool:
    """Whether a line opens with a dateline ("CITY, Region — …", "CITY (Agency) - …").

    The place must be in capitals and at least three letters long, so that a headline
    opening with a short acronym ("US - China talks …") is not taken for one.
    """
    match = _DATELINE.match(line)
    if match is None:
        return False
    place = re.match(r"\s*([^,(—–-]+)", line)
    name = place.group(1).strip() if place else ""
    return sum(c.isalpha() for c in name) >= 3 and name not in _KICKERS


def is_dateline_lead(line: str) -> bool:
    """Whether a first line is a dateline-led lead paragraph, so body text, not a headline.

    Conservative: the line must open with a dateline and run to a paragraph's length
    (a short line such as "NATO – what next" stays a headline).
    """
    return starts_with_dateline(line) and len(line.split()) >= _DATELINE_LEAD_WORDS


def looks_like_lead(headline: str) -> bool:
    """Whether a "headline" is really the lead paragraph: dateline-led or paragraph-long."""
    return starts_with_dateline(headline) or len(headline.split()) > LEAD_WORDS
