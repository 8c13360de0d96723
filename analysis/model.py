"""The values every part of Slant shares: :class:`Span` and :class:`Article`.

An article's ``text`` is its headline as the first paragraph, then the body paragraphs,
separated by blank lines, exactly as shown to users. Everything else (paragraphs,
sentences, and every finding of later analyses) refers to it by character offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from analysis.segment import split_sentences

__all__ = ["PARAGRAPH_SEPARATOR", "WORD_RE", "Article", "Span", "count_words"]

PARAGRAPH_SEPARATOR = "\n\n"
#: What Slant counts as a word everywhere (word counts, quotes, keywords in context).
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_WORD = WORD_RE


def count_words(text: str) -> int:
    """Count word tokens (letters/digits, with inner hyphens and apostrophes)."""
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into an article's ``text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Return whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Return whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def slice(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Article:
    """One outlet's article, immutable. Build it with :meth:`from_parts`.

    Attributes:
        id: Stable id derived from the SHA-256 of ``text`` (first 12 hex digits).
        outlet: Outlet name as shown (page metadata, URL table, or the user's choice).
        title: The headline.
        date: ISO date ``YYYY-MM-DD`` or None.
        url: Canonical URL or None.
        author: Byline if known.
        source: The path or URL as given, or ``"pasted"``.
        text: Headline paragraph, then body paragraphs, joined by blank lines.
        paragraphs: Paragraph spans into ``text``; ``paragraphs[0]`` is the headline.
        sentences: Sentence spans into ``text``, in order, never crossing a paragraph.
        word_count: Words in ``text`` (headline included).
        sha256: Hex SHA-256 of ``text`` encoded as UTF-8.
    """

    id: str
    outlet: str
    title: str
    date: str | None
    url: str | None
    author: str | None
    source: str
    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    word_count: int
    sha256: str

    @classmethod
    def from_parts(
        cls,
        *,
        title: str,
        paragraphs: Sequence[str],
        outlet: str,
        source: str,
        date: str | None = None,
        url: str | None = None,
        author: str | None = None,
    ) -> Article:
        """Assemble an article from its headline and body paragraphs.

        Args:
            title: The headline (whitespace is collapsed to single spaces).
            paragraphs: Body paragraphs; empty ones are dropped, inner whitespace collapsed.
            outlet: Outlet name.
            source: Where it came from (path, URL or ``"pasted"``).
            date: ISO date or None.
            url: URL or None.
            author: Byline or None.

        Returns:
            The article with paragraph and sentence spans computed.
        """
        clean_title = _collapse(title)
        body = [p for p in (_collapse(x) for x in paragraphs) if p]
        parts = [clean_title, *body] if clean_title else body
        text = PARAGRAPH_SEPARATOR.join(parts)
        para_spans = _paragraph_spans(parts)
        sentences = tuple(
            Span(p.start + s, p.start + e)
            for p in para_spans
            for s, e in split_sentences(p.slice(text))
        )
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(
            id=digest[:12],
            outlet=outlet.strip() or "Unknown outlet",
            title=clean_title,
            date=date,
            url=url,
            author=author,
            source=source,
            text=text,
            paragraphs=para_spans,
            sentences=sentences,
            word_count=count_words(text),
            sha256=digest,
        )

    @property
    def headline(self) -> Span:
        """The span of the headline paragraph (empty span when there is none)."""
        return self.paragraphs[0] if self.paragraphs and self.title else Span(0, 0)

    def with_outlet(self, outlet: str) -> Article:
        """Return a copy with the outlet renamed (the id stays: it derives from the text)."""
        return replace(self, outlet=outlet.strip() or self.outlet)

    def span_text(self, span: Span) -> str:
        """Return the text a span covers."""
        return self.text[span.start : span.end]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _paragraph_spans(parts: Sequence[str]) -> tuple[Span, ...]:
    spans: list[Span] = []
    offset = 0
    for part in parts:
        spans.append(Span(offset, offset + len(part)))
        offset += len(part) + len(PARAGRAPH_SEPARATOR)
    return tuple(spans)
