"""Framing per passage takes "shares a fact" sentences in, with their kind recorded."""

from __future__ import annotations

from analysis.framing.report import analyse_framing
from analysis.framing.serialize import framing_from_json, framing_to_json
from analysis.terms.lexicon import LexiconSet
from tests.partial_fixture import LEDGER_FUEL, make_partial_result


def test_a_sentence_sharing_a_fact_is_compared_on_its_attribution_verb(
    lexicons: LexiconSet,
) -> None:
    result = make_partial_result()
    ledger, voice, coast = result.articles
    report = analyse_framing(result.articles, result.alignment, lexicons)
    lead = next(p for p in report.passages if p.cluster == 0)
    kinds = {m.article: m.kind for m in lead.members}
    assert kinds == {ledger.id: "edited", voice.id: "partial", coast.id: "edited"}
    verbs = {m.article: [u.verb for u in m.verbs] for m in lead.members}
    assert verbs[ledger.id] == ["said"] and verbs[voice.id] == ["announced"]
    assert lead.verb_changes  # "said" against "announced": a difference only the partial link shows
    fuel = next(p for p in report.passages if p.cluster is None)
    assert LEDGER_FUEL in ledger.text[fuel.members[0].span.start : fuel.members[0].span.end]
    assert {m.kind for m in fuel.members} == {"partial"}
    # the kind survives a save and a reload
    again = framing_from_json(framing_to_json(report))
    assert again.passages == report.passages


def test_headlines_name_the_outlets_linked_to_them_with_the_kind(lexicons: LexiconSet) -> None:
    """Two headlines telling one fact in other words: each names the other, "shares a fact"."""
    from dataclasses import replace

    from analysis.align.matcher import MatchKind
    from analysis.align.values import Alignment, Link, Passage
    from analysis.reports.build import build_content
    from tests.partial_fixture import shared

    result = make_partial_result()
    ledger, voice, coast = result.articles
    al = result.alignment
    assert al is not None
    heads = Link(
        Passage(ledger.id, *_span(ledger.headline)),
        Passage(coast.id, *_span(coast.headline)),
        58.0,
        MatchKind.PARTIAL,
        shared_a=(shared(ledger, "ends winter crossings"),),
        shared_b=(shared(coast, "halts winter service"),),
    )
    linked = Alignment.build(
        al.articles, al.settings, (*al.links, heads), al.clusters, al.coverage, al.pairs
    )
    result = replace(result, alignment=linked)
    report = analyse_framing(result.articles, linked, lexicons)
    by_article = {h.article: h.shared_with for h in report.headlines}
    assert by_article == {
        ledger.id: ((coast.id, "partial"),),
        voice.id: (),
        coast.id: ((ledger.id, "partial"),),
    }
    content = build_content(replace(result, framing=report))
    framing = next(s for s in content.sections if s.key == "framing")
    table = next(b for b in framing.blocks if getattr(b, "key", "") == "framing-headlines")
    assert table.columns[-1] == "Linked to the headline in"  # type: ignore[union-attr]
    cells = {r[0].text: r[-1].text for r in table.rows}  # type: ignore[union-attr]
    assert cells["Northgate <b>Ledger</b>"] == "Coastline Daily (shares a fact)"
    assert cells["Harbour Voice"] == ""


def _span(span: object) -> tuple[int, int]:
    return span.start, span.end  # type: ignore[attr-defined]
