"""Plain text: an optional ``date YYYY-MM-DD URL`` header, the title line, then the body.

Paragraphs are separated by blank lines. A body without blank lines whose lines are
long (one paragraph a line, as many scrapers write) takes each line as a paragraph;
short hard-wrapped lines are joined. A first line that opens with a dateline and runs to
a paragraph ("RIVERTON, Ont. — The council …") is the lead, not a headline. A teaser
blurb that scrapers copy from the page top ("… 05.10.2021, Sputnik International") is
not article text and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.dateline import is_dateline_lead
from analysis.ingest.assemble import assemble
from analysis.model import Article

__all__ = ["parse_plaintext", "split_blocks"]

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(\S+))?\s*$", re.I)
_TEASER = re.compile(r"(?:\.\.\.|…)\s*\d{1,2}\.\d{1,2}\.\d{4},\s*[^.!?]{2,60}$")
_BLANK = re.compile(r"\n[ \t\f\v]*\n")
_ONE_PER_LINE = 100  # mean line length above which lines are paragraphs


def parse_plaintext(
    text: str,
    *,
    source: str,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    fallback_outlet: str = "Pasted",
) -> Article:
    """Parse plain text into an article.

    Args:
        text: The decoded text.
        source: The path, URL or ``"pasted"``.
        outlet: The user's outlet name, if given.
        title: The user's title; then the whole text (after any header) is the body.
        url: Where the text was downloaded from (a header's URL wins).
        fallback_outlet: Outlet name when neither the user nor a URL gives one.

    Returns:
        The article.

    Raises:
        NoArticleText: When no text remains.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    date = None
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and (match := _HEADER.match(lines[first])):
        date, url = match.group(1), match.group(2) or url
        lines = lines[first + 1 :]
    blocks = split_blocks("\n".join(lines))
    if title is None and blocks and is_dateline_lead(blocks[0]):
        title = ""  # "CITY, Region — The …": the text opens with its lead, no headline
    if title is None and blocks:
        head, _, rest = blocks[0].partition("\n")
        title, blocks = head, ([rest] if rest.strip() else []) + blocks[1:]
        if not blocks:
            title, blocks = "", [head]  # a single line is body text, not a headline
    paragraphs = _drop_teaser(_paragraphs(blocks))
    return assemble(
        title=title or "",
        paragraphs=paragraphs,
        source=source,
        outlet=outlet,
        fallback_outlet=fallback_outlet,
        date=date,
        url=url,
    )


def split_blocks(text: str) -> list[str]:
    """Split text on blank lines into stripped, non-empty blocks."""
    return [b.strip() for b in _BLANK.split(text) if b.strip()]


def _paragraphs(blocks: Sequence[str]) -> list[str]:
    if len(blocks) != 1 or "\n" not in blocks[0]:
        return list(blocks)
    lines = [line.strip() for line in blocks[0].split("\n") if line.strip()]
    mean = sum(len(line) for line in lines) / len(lines)
    return lines if mean > _ONE_PER_LINE else [" ".join(lines)]


def _drop_teaser(paragraphs: list[str]) -> list[str]:
    for i, para in enumerate(paragraphs[:2]):
        if _TEASER.search(" ".join(para.split())) and len(paragraphs) > 1:
            return paragraphs[:i] + paragraphs[i + 1 :]
    return paragraphs
