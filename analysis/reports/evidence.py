"""Evidence marks: spans of article text that report numbers point at.

Section builders :meth:`EvidenceIndex.add` every span they count; the index hands back the
anchor id (``a-<article id>-<start>``) a number links to, and later cuts each article's text
into :class:`Fragment` runs so that every registered start carries exactly that id.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from analysis.model import Article, Span
from analysis.reports.content import Fragment, TextView

__all__ = ["EvidenceIndex", "Mark", "anchor_id", "fragments"]


def anchor_id(article_id: str, start: int) -> str:
    """Return the element id of the evidence that starts at ``start`` in an article."""
    return f"a-{article_id}-{start}"


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of one article's text."""

    start: int
    end: int
    kind: str
    label: str = ""


@dataclass(slots=True)
class EvidenceIndex:
    """Collects marks per article while a report's content is built."""

    articles: dict[str, Article]
    marks: dict[str, list[Mark]] = field(default_factory=dict)
    _seen: set[tuple[str, Mark]] = field(default_factory=set)
    _sorted: dict[str, _ByStart] = field(default_factory=dict)

    @classmethod
    def for_articles(cls, articles: Iterable[Article]) -> EvidenceIndex:
        """Return an empty index over the given articles."""
        return cls({a.id: a for a in articles})

    def add(self, article_id: str, start: int, end: int, kind: str, label: str = "") -> str | None:
        """Register a span as evidence and return its anchor id.

        Returns:
            The anchor id, or None when the article is unknown or the span is empty or
            outside its text (such a span cannot be shown, so nothing links to it).
        """
        shown = self._visible(article_id, start, end)
        if shown is None:
            return None
        mark = Mark(shown, end, kind, label)
        # One passage is linked to many others: keep each mark once.
        if (article_id, mark) not in self._seen:
            self._seen.add((article_id, mark))
            self.marks.setdefault(article_id, []).append(mark)
        return anchor_id(article_id, shown)

    def anchor(self, article_id: str, start: int, end: int) -> str | None:
        """Return the anchor id of a span already :meth:`add`-ed, without marking it again."""
        start_at = self._visible(article_id, start, end)
        return None if start_at is None else anchor_id(article_id, start_at)

    def _visible(self, article_id: str, start: int, end: int) -> int | None:
        """The span's first visible offset, or None when the span cannot be shown."""
        article = self.articles.get(article_id)
        if article is None or not 0 <= start < end <= len(article.text):
            return None
        # Start on a visible character: the anchor must land inside a shown paragraph.
        while start < end and article.text[start].isspace():
            start += 1
        return None if start == end else start

    def marks_in(self, article_id: str, span: Span) -> list[Mark]:
        """Return the marks of an article that overlap ``span``, in the order they were added."""
        marks = self.marks.get(article_id)
        if not marks:
            return []
        index = self._sorted.get(article_id)
        if index is None or index.size != len(marks):  # marks were added since: re-sort
            index = self._sorted[article_id] = _ByStart(marks)
        return index.overlapping(span)

    def text_view(self, article: Article) -> TextView:
        """Cut an article's paragraphs into fragments carrying the evidence anchors."""
        paragraphs = tuple(
            fragments(article, para, self.marks_in(article.id, para)) for para in article.paragraphs
        )
        return TextView(article, paragraphs)


class _ByStart:
    """One article's marks sorted by start, to find those overlapping a span by bisection.

    Marks are only appended, so the list's length tells whether the index is current.
    """

    def __init__(self, marks: list[Mark]) -> None:
        self.size = len(marks)
        order = sorted(range(self.size), key=lambda i: marks[i].start)
        self.marks = [(i, marks[i]) for i in order]
        self.starts = [m.start for _, m in self.marks]
        self.longest = max(m.end - m.start for m in marks)

    def overlapping(self, span: Span) -> list[Mark]:
        """The marks overlapping ``span``, in the order they were added."""
        lo = bisect_left(self.starts, span.start - self.longest + 1)
        hi = bisect_left(self.starts, span.end)
        found = [(i, m) for i, m in self.marks[lo:hi] if span.start < m.end]
        found.sort()
        return [m for _, m in found]


def fragments(
    article: Article, span: Span, marks: Iterable[Mark], *, anchors: bool = True
) -> tuple[Fragment, ...]:
    """Cut ``span`` of an article's text into runs of constant highlighting.

    Args:
        article: The article whose text is cut.
        span: The part to cut (a paragraph, a passage).
        marks: Highlights; parts outside ``span`` are ignored.
        anchors: Give the run at each mark's start the mark's anchor id (only in the
            article-text section, so that every id is unique in a document).

    Returns:
        Consecutive fragments that together are exactly ``span`` of the text.
    """
    clipped = [
        Mark(max(m.start, span.start), min(m.end, span.end), m.kind, m.label)
        for m in marks
        if m.start < span.end and span.start < m.end
    ]
    starts = {m.start for m in clipped}
    cuts = sorted({span.start, span.end, *starts, *(m.end for m in clipped)})
    # Every start and end is a cut, so a mark covers a run exactly from the cut at its
    # start to the cut at its end: sweep the cuts, opening and closing marks there.
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, m in enumerate(clipped):
        if m.start < m.end:  # an empty mark covers no run
            opens.setdefault(m.start, []).append(i)
            closes.setdefault(m.end, []).append(i)
    active: set[int] = set()
    out: list[Fragment] = []
    for lo, hi in pairwise(cuts):
        active.update(opens.get(lo, ()))
        active.difference_update(closes.get(lo, ()))
        covering = [clipped[i] for i in sorted(active)]  # in the marks' own order
        kinds = tuple(sorted({m.kind for m in covering}))
        label = "; ".join(dict.fromkeys(m.label for m in covering if m.label))
        anchor = anchor_id(article.id, lo) if anchors and lo in starts else None
        out.append(Fragment(article.text[lo:hi], kinds, anchor, label))
    return tuple(out)
