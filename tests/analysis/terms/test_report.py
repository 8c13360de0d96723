from __future__ import annotations

import json

import pytest

from analysis.errors import Cancelled, ProjectError
from analysis.model import Article
from analysis.terms.kwic import kwic
from analysis.terms.language import english_share, language_warning
from analysis.terms.lexicon import LexiconSet
from analysis.terms.rates import LOADED
from analysis.terms.report import analyse_terms
from analysis.terms.serialize import terms_from_json, terms_to_json
from analysis.terms.settings import TermSettings
from tests.analysis.terms.conftest import make_article

OWN = "The regime and its thugs spread propaganda, officials noted on Monday evening."
QUOTED = '"Those thugs are evil," the mayor told reporters outside.'


def _articles() -> tuple[Article, Article]:
    return (
        make_article(f"{OWN} {QUOTED}", outlet="A"),
        make_article("The government said talks went on calmly all week.", outlet="B"),
    )


def test_rates_split_own_voice_and_quotes(builtins: LexiconSet) -> None:
    a, b = _articles()
    report = analyse_terms((a, b), lexicons=builtins)
    rates = report.rates_of(a.id)
    assert rates.quoted_words == 4  # Those thugs are evil
    assert rates.own_words == a.word_count - 4
    labels = rates.rate("labels")
    assert (labels.own_count, labels.quoted_count) == (3, 1)  # regime, thugs, propaganda | thugs
    assert labels.own == pytest.approx(1000 * 3 / rates.own_words, abs=1e-3)
    assert labels.quoted == pytest.approx(1000 * 1 / 4, abs=1e-3)
    moral = rates.rate("moral")
    assert (moral.own_count, moral.quoted_count) == (0, 1)
    assert rates.loaded.quoted_count == 2
    assert report.rates_of(b.id).rate("labels").own_count == 0
    assert report.rates_of(b.id).quoted_words == 0
    assert report.rates_of(b.id).rate("labels").quoted == 0.0


def test_loaded_aggregate_counts_a_span_once(builtins: LexiconSet) -> None:
    art = make_article("Critics slammed the plan.")
    rates = analyse_terms((art,), lexicons=builtins).rates_of(art.id)
    assert rates.rate("emotive").own_count == 1
    assert rates.rate("verbs_emotive").own_count == 1
    assert rates.rate(LOADED).own_count == 1


def test_term_table_counts_per_article(builtins: LexiconSet) -> None:
    a, b = _articles()
    report = analyse_terms((a, b), lexicons=builtins)
    row = next(r for r in report.table if r.term == "thug")
    assert row.own == (1, 0)
    assert row.quoted == (1, 0)
    assert row.total == 2
    assert report.table[0].total >= report.table[-1].total


def test_kwic_finds_inflections_with_offsets() -> None:
    a = make_article("Critics slammed the deal. Then he slams it again and again.", outlet="A")
    b = make_article("Nobody slamming anything here, really, at all.", outlet="B")
    lines = kwic((a, b), "slam", width=10)
    assert [ln.match for ln in lines] == ["slammed", "slams", "slamming"]
    assert [ln.article for ln in lines] == [a.id, a.id, b.id]
    first = lines[0]
    assert a.text[first.start : first.end] == "slammed"
    assert first.left == "Critics"  # context is cut at 10 characters, whitespace collapsed
    assert len(first.right) <= 10
    assert kwic((a,), "  ") == ()
    assert kwic((a,), "the deal")[0].match == "the deal"


def test_language_warning() -> None:
    english = "The minister said that the talks would go on for as long as it takes. " * 3
    french = (
        "Le ministre a déclaré que les négociations se poursuivront aussi longtemps que possible. "
        * 3
    )
    assert english_share(english) > 0.3
    assert language_warning(english) is None
    warning = language_warning(french)
    assert warning is not None and "English" in warning
    assert language_warning("Kurz.") is None


def test_non_english_article_gets_warning_in_report(builtins: LexiconSet) -> None:
    text = "Der Minister sagte, die Gespräche würden fortgesetzt, solange es nötig sei. " * 4
    art = make_article(text)
    report = analyse_terms((art,), lexicons=builtins)
    assert [w.code for w in report.warnings] == ["language_warning"]
    assert report.warnings[0].article == art.id


def test_progress_and_cancel(builtins: LexiconSet) -> None:
    arts = _articles()
    seen: list[float] = []
    analyse_terms(arts, lexicons=builtins, progress=lambda f, _: seen.append(f))
    assert seen == [0.5, 1.0]
    with pytest.raises(Cancelled):
        analyse_terms(arts, lexicons=builtins, is_cancelled=lambda: True)


def test_json_round_trip(builtins: LexiconSet) -> None:
    report = analyse_terms(_articles(), lexicons=builtins)
    data = json.loads(json.dumps(terms_to_json(report)))
    assert set(data) >= {"categories", "hits", "rates"}
    assert data["categories"]["labels"]["loaded"] is True
    hit = data["hits"][0]
    assert set(hit) == {"article", "start", "end", "term", "category", "in_quote"}
    assert terms_from_json(data) == report


def test_json_malformed_is_project_error() -> None:
    with pytest.raises(ProjectError):
        terms_from_json({"categories": {"x": {}}})


def test_user_lexicon_errors_reach_report(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "bad.toml").write_text("[[category]\n")
    report = analyse_terms(_articles(), TermSettings(user_lexicon_dir=str(folder)))
    assert [e.code for e in report.errors] == ["lexicon.syntax"]
    assert report.errors[0].line == 1
    assert "bad.toml" in report.errors[0].message
    assert report.hits  # built-ins still work
