"""Facts of any link kind: a partial link is compared on its shared words only."""

from __future__ import annotations

from analysis.align.matcher import MatchKind
from analysis.align.settings import AlignmentSettings
from analysis.align.values import Alignment, Link, Passage
from analysis.disagree.compare import compare_numbers, facts_of
from analysis.model import Article, Span


def _article(text: str, outlet: str) -> Article:
    return Article.from_parts(title="", paragraphs=[text], outlet=outlet, source="pasted")


def test_partial_link_is_a_fact_read_on_its_shared_words() -> None:
    a = _article("Nine people died in the fire, and 30 homes burned.", "A")
    b = _article("At least 12 people died in the fire.", "B")
    shared_a = Span(0, a.text.index(", and"))
    shared_b = Span(0, len(b.text) - 1)
    link = Link(
        Passage(a.id, 0, len(a.text)), Passage(b.id, 0, len(b.text)), 60.0, MatchKind.PARTIAL,
        shared_a=(shared_a,), shared_b=(shared_b,),
    )  # fmt: skip
    alignment = Alignment.build((a.id, b.id), AlignmentSettings(), (link,), (), (), ())
    (fact,) = facts_of(alignment)
    assert fact.link == 0 and fact.cluster is None and fact.link_list == "shared_facts"
    assert fact.spans == ((a.id, 0, shared_a.end), (b.id, 0, shared_b.end))
    (found,), _ = compare_numbers(fact, {a.id: a, b.id: b})
    assert found.contradiction
    assert {a.text[m.start : m.end] for m in found.members if m.article == a.id} == {"Nine"}
