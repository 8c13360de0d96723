r"""The one sanitiser for text that Slant echoes to a terminal or into a one-line message.

File names, URLs, server status lines and page metadata come from outside: an ``ESC``
could recolour or clear the user's terminal, a newline could forge a second
``slant: …`` line, a bidirectional override could reorder what is shown. :func:`printable`
replaces every such character with a visible escape (``\x1b``, ``\n``, ``\u202e``) and
shortens very long text, so an echoed value is always one honest line.
"""

from __future__ import annotations

import re
from pathlib import PurePath

__all__ = ["display_path", "printable"]

# C0 and C1 controls, DEL, line/paragraph separators, bidi controls and zero-width marks,
# lone surrogates and non-characters: never echoed as they are.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\ud800-\udfff\ufffe\uffff]"
)
_MAX = 300


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, limit: int = _MAX) -> str:
    """Return ``text`` as one safe line: controls escaped, at most ``limit`` characters.

    Args:
        text: Untrusted text (a file name, a server's reason phrase, an outlet name).
        limit: Longest result; longer text is cut and ends in ``…``.
    """
    clean = _UNSAFE.sub(_escape, text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def display_path(path: str | PurePath) -> str:
    """A path or URL made safe to print (see :func:`printable`)."""
    return printable(str(path))
