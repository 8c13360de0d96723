"""Escaping for every output format: nothing from an article can act as markup or a formula.

Article text, outlet names, URLs and headlines come from the web and are hostile until
proven otherwise: in HTML they are always escaped text, links only keep ``http(s)`` URLs,
Markdown cells cannot break the table or inject raw HTML, and CSV cells cannot be read as
spreadsheet formulas.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

__all__ = ["csv_cell", "html_attr", "html_text", "md_text", "safe_url", "slug"]

# Spreadsheet formula triggers (OWASP "CSV injection"): =, +, -, @, and tab/CR which some
# spreadsheet programs strip before looking at the next character.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#<>~!])")
_SLUG = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def html_text(text: str) -> str:
    """Escape text for an HTML element body (``<``, ``>``, ``&`` and both quotes)."""
    return html.escape(text, quote=True)


def html_attr(text: str) -> str:
    """Escape text for a double-quoted HTML attribute value."""
    return html.escape(text, quote=True).replace("\n", "&#10;")


def safe_url(url: str | None) -> str | None:
    """Return the URL when it is a plain ``http``/``https`` link, else None.

    ``javascript:``, ``data:``, ``vbscript:`` and anything else that could run code or
    read local files when clicked are refused; the report then shows the URL as text.
    """
    if not url:
        return None
    cleaned = url.strip()
    if any(ord(ch) < 32 or ch.isspace() for ch in cleaned):
        return None
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return cleaned


def md_text(text: str) -> str:
    """Escape text for a Markdown table cell or paragraph (no markup, no raw HTML)."""
    flat = _SPACES.sub(" ", text)  # keep edge spaces: fragments are joined back together
    return _MD_SPECIAL.sub(r"\\\1", flat)


def csv_cell(value: object) -> object:
    """Return a CSV-safe cell: numbers stay numbers, formula-like text gets a leading ``'``.

    A string that is just a number (``"-3"``, ``"+1.5"``) is left alone: a spreadsheet
    reads it as that number, which is what it says. Anything else starting with a formula
    trigger is prefixed with an apostrophe, which spreadsheets show as text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def slug(text: str) -> str:
    """Return a lowercase ``a-z0-9-`` form of ``text`` for file names and ids."""
    return _SLUG.sub("-", text.lower()).strip("-") or "x"
