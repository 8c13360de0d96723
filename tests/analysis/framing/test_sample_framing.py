"""The quotes, sources, verb changes, hedges and headlines planted in the sample are found."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.framing.report import FramingReport
from analysis.framing.speakers import surname_key
from analysis.model import Article
from tests.analysis.framing.conftest import by_outlet, key_alignment, locate


def _norm(text: str) -> str:
    return " ".join(text.strip(" \"'“”‘’,.").split())


def test_every_key_quote_is_found_with_its_speaker(
    sample: tuple[Article, ...], key: dict[str, Any], sample_report: FramingReport
) -> None:
    for entry in key["quote"]:
        article = by_outlet(sample, entry["outlet"])
        quotes = sample_report.for_article(article.id).quotes
        wanted = _norm(entry["text"])
        found = [
            q
            for q in quotes
            if q.direct == entry["direct"]
            and (
                wanted in _norm(q.span.slice(article.text))
                or _norm(q.span.slice(article.text)) in wanted
            )
            and len(_norm(q.span.slice(article.text))) >= len(wanted) // 2
        ]
        assert found, f"{entry['outlet']}: quote not found: {wanted!r}"
        attr = found[0].attribution
        assert attr is not None, entry
        assert attr.verb == entry["verb"], entry
        speaker = entry["speaker"]
        if speaker[0].isupper() and speaker.split()[0] not in ("A", "Diplomats"):
            assert attr.key == surname_key(speaker), entry
        else:
            assert attr.kind == "anonymous", entry


def test_every_planted_anonymous_source_is_found(
    sample: tuple[Article, ...], key: dict[str, Any], sample_report: FramingReport
) -> None:
    for entry in key["anonymous_source"]:
        article = by_outlet(sample, entry["outlet"])
        where = locate(article, entry["phrase"])
        sources = sample_report.for_article(article.id).anonymous_sources
        assert any(s.span.overlaps(where) for s in sources), entry


def test_named_sources_are_not_counted_as_anonymous(
    sample: tuple[Article, ...], sample_report: FramingReport
) -> None:
    wire = sample_report.for_article(by_outlet(sample, "Meridian Wire").id)
    anonymous = {s.name.lower() for s in wire.anonymous_sources}
    assert anonymous == {"a senior karvenian official"}
    assert {"halden", "reyk", "stanek"} <= {s.key for s in wire.sources if not s.anonymous}


@pytest.mark.parametrize("index", range(8))
def test_verb_changes_across_outlets_are_found_per_aligned_passage(
    index: int, sample: tuple[Article, ...], key: dict[str, Any], sample_report: FramingReport
) -> None:
    change = key["verb_change"][index]
    number = next(i for i, p in enumerate(key["passage"]) if p["id"] == change["passage"])
    passage = sample_report.passages[number]
    used = {
        next(a.outlet for a in sample if a.id == m.article): m.verbs[0].verb
        for m in passage.members
        if m.verbs
    }
    assert used == change["verbs"]
    assert passage.verb_changes == (len(set(change["verbs"].values())) > 1)


@pytest.mark.parametrize("index", range(8))
def test_verb_changes_are_found_with_the_real_aligner(
    index: int, sample: tuple[Article, ...], key: dict[str, Any], aligned_report: FramingReport
) -> None:
    """The aligner may merge a statement with the next sentence: its verbs are then a list."""
    change = key["verb_change"][index]
    text = next(p["text"] for p in key["passage"] if p["id"] == change["passage"])
    wire = by_outlet(sample, "Meridian Wire")
    where = locate(wire, text)
    passage = next(
        p
        for p in aligned_report.passages
        if any(m.article == wire.id and m.span.contains(where) for m in p.members)
    )
    outlets = {a.id: a.outlet for a in sample}
    used = {outlets[m.article]: [u.verb for u in m.verbs] for m in passage.members}
    for outlet, verb in change["verbs"].items():
        assert verb in used.get(outlet, []), (outlet, verb, used)
    assert passage.verb_changes == (len(set(change["verbs"].values())) > 1)


@pytest.mark.parametrize("report", ["sample_report", "aligned_report"])
def test_planted_hedge_change_shows_per_aligned_passage(
    report: str, sample: tuple[Article, ...], key: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    """The wire's "could" is a certain "will" at the state broadcaster, on the same passage."""
    framing: FramingReport = request.getfixturevalue(report)
    for change in key["hedge_change"]:
        text = next(p["text"] for p in key["passage"] if p["id"] == change["passage"])
        wire = by_outlet(sample, "Meridian Wire")
        where = locate(wire, text)
        passage = next(
            p
            for p in framing.passages
            if any(m.article == wire.id and m.span.contains(where) for m in p.members)
        )
        members = {m.article: m for m in passage.members}
        for outlet, term in change["terms"].items():
            article = by_outlet(sample, outlet)
            member = members[article.id]
            hedged = [e.slice(article.text) for e in member.hedges.evidence]
            assert (term in hedged) == (outlet == "Meridian Wire"), (outlet, hedged)
            assert member.sentiment.sentences >= 1
        assert members[wire.id].hedges.hedge_rate > 0


def test_verb_stances_come_from_the_lexicon(
    sample: tuple[Article, ...], sample_report: FramingReport
) -> None:
    blaze = next(v for v in sample_report.verbs if v.outlet == "The Daily Blaze")
    wire = next(v for v in sample_report.verbs if v.outlet == "Meridian Wire")
    stance = {u.verb: u.stance for u in blaze.uses}
    assert stance["sneered"] == "verbs_emotive"
    assert stance["claimed"] == "verbs_distancing"
    assert stance["said"] == "verbs_neutral"
    assert {u.verb: u.stance for u in wire.uses}["criticised"] == "verbs_neutral"
    assert blaze.share("verbs_emotive") > wire.share("verbs_emotive")


def test_planted_hedges_are_counted(
    sample: tuple[Article, ...], key: dict[str, Any], sample_report: FramingReport
) -> None:
    for entry in key["hedge"]:
        if "term" not in entry:
            continue
        article = by_outlet(sample, entry["outlet"])
        profile = next(h for h in sample_report.hedges if h.article == article.id)
        words = {s.slice(article.text).lower() for s in profile.evidence}
        assert entry["term"].lower() in words, entry


def test_headline_checks_match_the_key(
    sample: tuple[Article, ...], key: dict[str, Any], sample_report: FramingReport
) -> None:
    for entry in key["headline_check"]:
        article = by_outlet(sample, entry["outlet"])
        check = next(h for h in sample_report.headlines if h.article == article.id)
        assert check.headline.slice(article.text) == key["headlines"][entry["outlet"]]
        assert check.supported == entry["supported"], entry
        assert check.best_sentence is not None
        assert check.best_sentence.slice(article.text) == entry["best_body_sentence"]
        if not entry["supported"]:
            assert entry["claim"] in [s.slice(article.text) for s in check.unsupported]


def test_headlines_show_loaded_terms_side_by_side(
    sample: tuple[Article, ...], sample_report: FramingReport
) -> None:
    loaded = {
        h.outlet: {hit.span.slice(by_outlet(sample, h.outlet).text).lower() for hit in h.loaded}
        for h in sample_report.headlines
    }
    assert loaded["Meridian Wire"] == set()
    assert "mob" in loaded["The Daily Blaze"]
    assert "regime" in loaded["Voice of Dravia"]


def test_who_is_quoted_by_which_outlet(
    sample: tuple[Article, ...], sample_report: FramingReport
) -> None:
    rows = {r.key: r for r in sample_report.speakers}
    halden = dict(rows["halden"].counts)
    assert rows["halden"].name == "Mira Halden"
    assert set(halden) == {a.id for a in sample}
    olt = dict(rows["olt"].counts)
    assert set(olt) == {by_outlet(sample, "Voice of Dravia").id}


def test_quote_share_and_sentiment_are_reported(
    sample: tuple[Article, ...], sample_report: FramingReport
) -> None:
    for framing in sample_report.articles:
        assert 0 < framing.quote_share < 0.5
        assert framing.quoted_words == sum(
            len(s.slice(by_outlet(sample, framing.outlet).text).split())
            for s in framing.quotation_spans
        )
        assert "rough lexicon measure" in framing.sentiment.method
        assert -1.0 <= framing.sentiment.compound <= 1.0


def test_frames_differ_between_outlets(sample_report: FramingReport) -> None:
    shares = {f.outlet: f.share("external_regulation") for f in sample_report.frames}
    assert shares["Voice of Dravia"] > shares["Meridian Wire"]
    for frames in sample_report.frames:
        assert all(h.category == name for h in frames.hits for name in [h.category])
        assert sum(o + q for _, o, q in frames.counts) == len(frames.hits)


def test_key_alignment_helper_covers_the_verb_change_passages(
    sample: tuple[Article, ...], key: dict[str, Any]
) -> None:
    alignment = key_alignment(sample, key)
    assert len(alignment.clusters) == len(key["passage"])
