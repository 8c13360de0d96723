"""The Framing view's tables, built without Qt: what is planted in the sample shows."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from analysis import ComparisonResult, compare
from analysis.ingest import load_sample
from analysis.present import framing_more as more
from analysis.present import framing_tables as tables
from analysis.present.tables import Table

KEY = tomllib.loads(
    (Path(__file__).resolve().parents[2] / "data" / "sample_key.toml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def result() -> ComparisonResult:
    """The sample compared (the pipeline fills in framing, vocabulary and readability)."""
    res = compare(load_sample())
    assert res.framing and res.distinctive_terms is not None and res.readability
    return res


def _column(table: Table, outlet: str) -> int:
    return table.headers.index(outlet)


def test_planted_anonymous_sources_are_listed(result: ComparisonResult) -> None:
    table = tables.sources_table(result)
    for planted in KEY["anonymous_source"]:
        col = _column(table, planted["outlet"])
        phrase = planted["phrase"].lower()
        rows = [
            r for r in table.rows
            if r[1].text == "anonymous" and r[col].text and r[0].text.lower() in phrase
        ]  # fmt: skip
        assert rows, planted


def test_named_sources_are_named(result: ComparisonResult) -> None:
    table = tables.sources_table(result)
    kinds = {r[0].text: r[1].text for r in table.rows}
    assert kinds.get("Mira Halden") == "named"
    assert kinds.get("Tomas Reyk") == "named"


def test_planted_verb_changes_show_per_outlet(result: ComparisonResult) -> None:
    """The verb each outlet used for the same statement (said/claimed/insisted/admitted …)."""
    table = tables.verb_changes_table(result)
    passages = {p["id"]: p["text"] for p in KEY["passage"]}
    found = 0
    for change in KEY["verb_change"]:
        text = passages[change["passage"]]
        # the aligner may merge consecutive sentences into one passage: look inside
        rows = [r for r in table.rows if text in r[0].tooltip or r[0].tooltip.strip() in text]
        for outlet, verb in change["verbs"].items():
            cells = [r[_column(table, outlet)].text for r in rows]
            if any(verb in c.split(" / ") for c in cells):
                found += 1
        if len(set(change["verbs"].values())) > 1 and rows:
            assert any(r[0].strong for r in rows), change["passage"]
    planted = sum(len(c["verbs"]) for c in KEY["verb_change"])
    assert found >= 0.8 * planted, (found, planted)
    shown = {v for r in table.rows for c in r[1:] for v in c.text.split(" / ")}
    for verb in ("claimed", "insisted", "revealed", "blasted", "slammed", "sneered", "ranted"):
        assert verb in shown, verb


def test_headline_support_matches_the_key(result: ComparisonResult) -> None:
    table = more.headlines_table(result)
    verdicts = {r[0].text: r[4].text for r in table.rows}
    for check in KEY["headline_check"]:
        assert verdicts[check["outlet"]].startswith("yes" if check["supported"] else "no")
    blaze = next(r for r in table.rows if r[0].text == "The Daily Blaze")
    assert "mob" in blaze[2].text  # loaded term in its headline


def test_sentiment_is_labelled_rough(result: ComparisonResult) -> None:
    table = more.sentiment_table(result)
    assert "rough lexicon measure" in table.note.lower()
    assert len(table.rows) == len(result.articles)


def test_distinctive_vocabulary_and_readability(result: ComparisonResult) -> None:
    vocab = more.vocabulary_table(result)
    blaze = {c.sort for c in vocab.column("The Daily Blaze")}
    assert "rioters" in blaze
    read = more.readability_table(result)
    ease = read.column("Flesch reading ease")
    assert len(ease) == len(result.articles)
    assert all(isinstance(c.sort, float) and c.sort > 0 for c in ease)


def test_evidence_cells_point_at_their_words(result: ComparisonResult) -> None:
    table = tables.sources_table(result)
    for row in table.rows:
        for cell in row[2:]:
            if cell.evidence:
                aid, start, end = cell.evidence
                assert result.article(aid).text[start:end] in cell.tooltip


def test_a_headline_word_in_two_categories_is_listed_once(result: ComparisonResult) -> None:
    assert result.framing is not None
    checks = {c.article: c for c in result.framing.headlines}
    table = more.headlines_table(result)
    shared = 0
    for article, row in zip(result.articles, table.rows, strict=True):
        check = checks[article.id]
        spans = {(h.start, h.end) for h in check.loaded}
        shared += len(check.loaded) - len(spans)
        listed = row[2].text.split(", ") if spans else []
        assert len(listed) == len(spans), (row[2].text, spans)
    assert shared  # the sample's "mob" is a label and a learned loaded word


def test_verb_words_name_the_verbs_behind_each_stance_count(result: ComparisonResult) -> None:
    """Media without tooltips (the reports) still say which verbs each outlet used."""
    counts = tables.verb_profile_table(result)
    words = tables.verb_words_table(result)
    assert words.headers == counts.headers
    assert framing_verbs_seen(words) == framing_verbs_used(result)
    for count_row, word_row in zip(counts.rows, words.rows, strict=True):
        for count, said in zip(count_row[1:], word_row[1:], strict=True):
            total = sum(
                int(part.rsplit("×", 1)[1]) for part in said.text.split(", ") if "×" in part
            )
            assert total == count.sort  # the words add up to the stance's count
            assert (said.evidence is None) == (total == 0)


def framing_verbs_seen(table: Table) -> set[tuple[str, str]]:
    return {
        (table.headers[col], part.rsplit(" ×", 1)[0])
        for row in table.rows
        for col, cell in enumerate(row[1:], 1)
        for part in cell.text.split(", ")
        if "×" in part
    }


def framing_verbs_used(result: ComparisonResult) -> set[tuple[str, str]]:
    from analysis.present.labels import outlet_labels

    assert result.framing is not None
    labels = outlet_labels(result.articles)
    return {(labels[p.article], u.verb) for p in result.framing.verbs for u in p.uses}
