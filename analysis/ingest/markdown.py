"""Markdown: optional ``---`` front matter, HTML comments dropped, markup stripped.

The title is the front matter's ``title`` or else the first heading. Later headings stay
as paragraphs of their own (subheadings are part of how an article frames a story).
"""

from __future__ import annotations

import re
from typing import Any

from analysis.ingest.assemble import assemble
from analysis.model import Article

__all__ = ["parse_markdown", "split_front_matter"]

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_BLOCK_OPEN = {"paragraph_open", "heading_open"}


def parse_markdown(
    text: str, *, source: str, outlet: str | None = None, fallback_outlet: str = "Pasted"
) -> Article:
    """Parse a Markdown document into an article.

    Args:
        text: The decoded Markdown.
        source: The path or ``"pasted"``.
        outlet: The user's outlet name, if given (beats the front matter).
        fallback_outlet: Outlet name when nothing else gives one.

    Returns:
        The article.

    Raises:
        NoArticleText: When the document has no body text.
    """
    meta, body = split_front_matter(text)
    blocks = _blocks(_COMMENT.sub("", body))
    title = meta.get("title")
    if title is None:
        first = next((i for i, (kind, _) in enumerate(blocks) if kind == "heading"), None)
        if first is not None:
            title = blocks.pop(first)[1]
    return assemble(
        title=title or "",
        paragraphs=[t for _, t in blocks],
        source=source,
        outlet=outlet,
        fallback_outlet=fallback_outlet,
        date=meta.get("date"),
        url=meta.get("url"),
        author=meta.get("author"),
        page_outlet=meta.get("outlet"),
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return the ``key: value`` pairs of a leading ``---`` block, and the rest of the text."""
    match = _FRONT.match(text)
    if match is None:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        kv = _KEY.match(line)
        if kv and kv.group(2):
            meta[kv.group(1).lower()] = _unquote(kv.group(2))
    return meta, text[match.end() :]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """Return ``(kind, plain text)`` for every heading and paragraph, in order."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    out: list[tuple[str, str]] = []
    kind = ""
    for token in tokens:
        if token.type in _BLOCK_OPEN:
            kind = "heading" if token.type == "heading_open" else "paragraph"
        elif token.type == "inline" and kind:
            text = " ".join(_inline_text(token.children or []).split())
            if text:
                out.append((kind, text))
            kind = ""
    return out


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append("")  # images carry no article text
    return "".join(parts)
