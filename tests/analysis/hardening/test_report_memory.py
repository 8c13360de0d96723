"""Issue 12, item 13: the report's speed-ups give the same output as the plain definitions.

Each fast path here is checked against the simple computation it replaces: the chunked
JSON encoder against ``json.dumps``, the sweep that cuts text into fragments and the
sorted mark lookup against a scan of every mark, and the distinctive terms' shared count
tuples against the counts themselves.
"""

from __future__ import annotations

import gc
import json
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.ingest import load_sample
from analysis.model import Article, Span
from analysis.pipeline import compare
from analysis.reports import json_chunks, paused_gc, render_report
from analysis.reports.content import Fragment
from analysis.reports.evidence import EvidenceIndex, Mark, anchor_id, fragments
from analysis.vocab import distinctive_terms

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=150)
        | st.dictionaries(st.text(max_size=4) | st.integers(), inner, max_size=5)
    ),
    max_leaves=400,
)


@settings(max_examples=150, deadline=None)
@given(_VALUES)
def test_json_chunks_join_to_json_dumps(value: object) -> None:
    assert "".join(json_chunks(value)) == json.dumps(value, ensure_ascii=False)


def test_json_chunks_cut_long_lists_into_pieces() -> None:
    value = {"links": [{"a": i, "b": "ü"} for i in range(1000)]}
    pieces = list(json_chunks(value))
    assert len(pieces) > 10 and max(len(p) for p in pieces) < len(json.dumps(value)) / 10


_TEXT = "The minister said officials told reporters on Friday that the port would open."


def _scan_fragments(article: Article, span: Span, marks: list[Mark]) -> tuple[Fragment, ...]:
    """The definition: each run's marks are those covering all of it, in their order."""
    clipped = [
        Mark(max(m.start, span.start), min(m.end, span.end), m.kind, m.label)
        for m in marks
        if m.start < span.end and span.start < m.end
    ]
    starts = {m.start for m in clipped}
    cuts = sorted({span.start, span.end, *starts, *(m.end for m in clipped)})
    out = []
    for lo, hi in pairwise(cuts):
        active = [m for m in clipped if m.start <= lo and hi <= m.end]
        kinds = tuple(sorted({m.kind for m in active}))
        label = "; ".join(dict.fromkeys(m.label for m in active if m.label))
        anchor = anchor_id(article.id, lo) if lo in starts else None
        out.append(Fragment(article.text[lo:hi], kinds, anchor, label))
    return tuple(out)


_MARKS = st.lists(
    st.tuples(
        st.integers(0, len(_TEXT)),
        st.integers(0, 30),
        st.sampled_from(("loaded", "edited", "fact")),
        st.sampled_from(("", "a", "b")),
    ).map(lambda t: Mark(t[0], min(len(_TEXT), t[0] + t[1]), t[2], t[3])),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(_MARKS, st.integers(0, 40), st.integers(41, len(_TEXT)))
def test_fragments_match_the_scan_of_every_mark(marks: list[Mark], lo: int, hi: int) -> None:
    article = Article.from_parts(title="", paragraphs=[_TEXT], outlet="X", source="x")
    span = Span(lo, hi)
    assert fragments(article, span, marks) == _scan_fragments(article, span, marks)


@settings(max_examples=100, deadline=None)
@given(_MARKS, _MARKS, st.integers(0, 40), st.integers(41, len(_TEXT)))
def test_marks_in_finds_overlapping_marks_in_order_as_marks_are_added(
    first: list[Mark], later: list[Mark], lo: int, hi: int
) -> None:
    article = Article.from_parts(title="", paragraphs=[_TEXT], outlet="X", source="x")
    index = EvidenceIndex.for_articles([article])
    span = Span(lo, hi)
    for batch in (first, later):  # a lookup between additions must see the later marks
        for m in batch:
            index.add(article.id, m.start, m.end, m.kind, m.label)
        every = index.marks.get(article.id, [])
        assert index.marks_in(article.id, span) == [
            m for m in every if m.start < span.end and span.start < m.end
        ]


def test_a_word_in_many_top_lists_keeps_one_counts_tuple() -> None:
    articles = [
        Article.from_parts(
            title=f"Story {i}",
            paragraphs=[f"Harbour harbour strike number {i}. Dockers dockers walked out."],
            outlet=f"Outlet {i}",
            source=f"s{i}",
        )
        for i in range(6)
    ] + [Article.from_parts(title="Other", paragraphs=["Weather mild."], outlet="O", source="o")]
    report = distinctive_terms(articles)
    seen: dict[str, list[tuple[tuple[str, int], ...]]] = {}
    for entry in report.articles:
        for term in (*entry.log_odds, *entry.tfidf):
            seen.setdefault(term.term, []).append(term.counts)
    shared = {word: tuples for word, tuples in seen.items() if len(tuples) > 1}
    assert "harbour" in shared
    for word, tuples in shared.items():
        assert all(t is tuples[0] for t in tuples)  # one tuple, not a copy per article
        assert dict(tuples[0]) == {
            a.id: a.text.lower().count(word) for a in articles if word in a.text.lower()
        }


def test_rendering_turns_the_cycle_collector_back_on_only_if_it_was_on() -> None:
    result = compare(load_sample())
    assert gc.isenabled()
    render_report(result, "md")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        render_report(result, "md")
        assert not gc.isenabled()
    finally:
        gc.enable()
