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
