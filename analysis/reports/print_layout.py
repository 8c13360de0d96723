"""Typesetting rules of the printed (PDF) report: column widths, headers, URLs, orientation.

Qt's rich-text tables share the width out by their own rules and break any word that does
not fit, so a narrow numeric column printed "Sentenc / es". Here each column gets a width
from its content, a header never breaks inside a word (each word is kept whole; lines break
only between words), long URLs leave the cells for a numbered list under the table, and a
report whose tables are wider than a portrait page can hold is laid out landscape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.reports.content import Cell, ReportContent, Table
from analysis.reports.escape import html_text

__all__ = [
    "LANDSCAPE_COLUMNS",
    "URL_CELL_CHARS",
    "column_widths",
    "header_html",
    "landscape",
    "move_urls",
]

LANDSCAPE_COLUMNS = 10  # a table with more columns than this does not fit portrait
URL_CELL_CHARS = 24  # a URL longer than this goes to the list under its table
_URL = re.compile(r"^(?:https?|ftp)://\S+$", re.IGNORECASE)
_MIN_SHARE = 4  # percent: the narrowest column
_CAP = 40  # characters: a column's text past this wraps anyway
_WORD = 12  # characters: a cell word up to this long is given room to stay whole


def header_html(text: str) -> str:
    """Return a header whose lines break only between words, never inside one.

    Words are joined by line breaks and each line is kept whole; a short token ("0)",
    "%") stays with the word before it.
    """
    words: list[str] = []
    for token in text.split():
        if words and (len(token) <= 2 or len(words[-1]) <= 2):
            words[-1] += " " + token
        else:
            words.append(token)
    # The cell is printed nowrap: its narrowest width is then its longest word's.
    return "<br/>".join(html_text(w) for w in words)


def column_widths(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[int]:
    """Return each column's width in percent, from its longest header word and its text.

    A column needs at least its longest header word; beyond that it gets a share of the
    width after the typical (upper-quartile) length of its cells, capped so that one long
    cell does not starve the others.
    """
    weights = []
    for i, name in enumerate(columns):
        texts = [row[i].text for row in rows if i < len(row)]
        # Whole words of the cells too ("unknown"), up to a length a column can spare.
        longest = max((len(w) for t in texts for w in t.split()), default=0)
        word = max(max((len(w) for w in name.split()), default=1), min(longest, _WORD))
        lengths = sorted(len(t) for t in texts) or [0]
        typical = lengths[(3 * (len(lengths) - 1)) // 4]
        # + 2: the cell's padding and border take about two characters' width.
        weights.append(max(word, min(typical, _CAP), 3) + 2)
    total = sum(weights)
    shares = [max(_MIN_SHARE, round(100 * w / total)) for w in weights]
    excess = sum(shares) - 100
    while excess > 0:  # take the rounding excess from the widest columns
        widest = shares.index(max(shares))
        shares[widest] -= 1
        excess -= 1
    return shares


def move_urls(table: Table, start: int = 1) -> tuple[Table, list[str]]:
    """Replace long URL cells by ``[n]`` and return the URLs in order (numbered from ``start``)."""
    urls: list[str] = []
    rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            text = cell.text.strip()
            if len(text) > URL_CELL_CHARS and _URL.match(text):
                urls.append(text)
                cells.append(Cell(f"[{start + len(urls) - 1}]", None, cell.href))
            else:
                cells.append(cell)
        rows.append(tuple(cells))
    if not urls:
        return table, []
    return Table(table.key, table.title, table.columns, tuple(rows), table.note), urls


def landscape(content: ReportContent, max_columns: int) -> bool:
    """Whether any printed table is wider than a portrait page holds."""
    return any(
        isinstance(block, Table)
        and not block.detail
        and min(len(block.columns), max_columns) > LANDSCAPE_COLUMNS
        for section in content.sections
        for block in section.blocks
    )
