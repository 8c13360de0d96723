from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import LexiconError
from analysis.terms.lexicon import (
    ATTRIBUTION_VERB_CATEGORIES,
    BOOSTERS,
    CONFLICT_METAPHOR,
    EMOTIVE,
    HEDGES,
    LABELS,
    MORAL,
    LexiconSet,
)
from analysis.terms.load import load_lexicons
from analysis.terms.parse import parse_lexicon
from analysis.terms.settings import TermSettings

GOOD = b"""
[[category]]
name = "mine"
description = "My words."
loaded = true
rationale = "Because."
terms = ["alpha", { text = "beta gamma", note = "a phrase", exclude = ["beta gamma ray"] }]
"""


def test_builtin_categories_present_with_rationale_and_30_terms(builtins: LexiconSet) -> None:
    expected = {LABELS, EMOTIVE, BOOSTERS, HEDGES, CONFLICT_METAPHOR, MORAL}
    expected |= set(ATTRIBUTION_VERB_CATEGORIES)
    assert expected <= set(builtins.names)
    for cat in builtins.categories:
        assert len(cat.rationale) > 100, cat.name
        assert cat.description, cat.name
        assert len(cat.terms) >= 30, cat.name
        assert len(cat.version) == 64
    for name in (LABELS, EMOTIVE, BOOSTERS, HEDGES, CONFLICT_METAPHOR, MORAL):
        assert len(builtins.category(name).terms) >= 30, name


def test_loaded_flags(builtins: LexiconSet) -> None:
    assert builtins.category(LABELS).loaded
    assert builtins.category("verbs_distancing").loaded
    assert not builtins.category(HEDGES).loaded
    assert not builtins.category("verbs_neutral").loaded
    assert HEDGES not in builtins.loaded_names


def test_builtin_files_recorded_with_hashes(builtins: LexiconSet) -> None:
    sources = {f.source for f in builtins.files}
    assert {c.source for c in builtins.categories} <= sources
    assert all(f.builtin and len(f.sha256) == 64 for f in builtins.files)
    assert builtins.errors == ()


def test_disabled_category_is_excluded() -> None:
    lex = load_lexicons(TermSettings(disabled_categories=(MORAL,), use_user_lexicons=False))
    assert MORAL not in lex.names
    with pytest.raises(KeyError):
        lex.category(MORAL)


def test_user_lexicon_is_added(user_dir: Path) -> None:
    (user_dir / "mine.toml").write_bytes(GOOD)
    lex = load_lexicons(TermSettings(user_lexicon_dir=str(user_dir)))
    mine = lex.category("mine")
    assert not mine.builtin
    assert [t.key for t in mine.terms] == ["alpha", "beta gamma"]
    assert mine.terms[1].exclude == ("beta gamma ray",)
    assert mine.terms[1].note == "a phrase"
    assert lex.errors == ()


def test_malformed_user_file_names_file_and_line_and_others_load(user_dir: Path) -> None:
    (user_dir / "a_broken.toml").write_text('[[category]]\nname = "x"\nterms = [\n  "unclosed\n]\n')
    (user_dir / "b_good.toml").write_bytes(GOOD)
    lex = load_lexicons(TermSettings(user_lexicon_dir=str(user_dir)))
    assert "mine" in lex.names
    assert LABELS in lex.names
    assert len(lex.errors) == 1
    err = lex.errors[0]
    assert isinstance(err, LexiconError)
    assert err.code == "lexicon.syntax"
    assert "a_broken.toml" in str(err)
    assert err.line == 4
    assert "line 4" in str(err)


def test_empty_and_duplicate_terms_reported_rest_kept() -> None:
    raw = b'[[category]]\nname = "d"\nterms = [\n  "one",\n  "",\n  "One",\n  "two",\n]\n'
    cats, errors = parse_lexicon(raw, "d.toml")
    assert [t.key for t in cats[0].terms] == ["one", "two"]
    codes = sorted(e.code for e in errors)
    assert codes == ["lexicon.duplicate_term", "lexicon.empty_term"]
    lines = {e.code: e.line for e in errors}
    assert lines["lexicon.empty_term"] == 5
    assert lines["lexicon.duplicate_term"] == 6


def test_user_category_clashing_with_builtin_is_an_error(user_dir: Path) -> None:
    (user_dir / "clash.toml").write_bytes(GOOD.replace(b'"mine"', b'"labels"'))
    lex = load_lexicons(TermSettings(user_lexicon_dir=str(user_dir)))
    assert [e.code for e in lex.errors] == ["lexicon.duplicate_category"]
    assert lex.category(LABELS).builtin


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"title = 'no categories'\n", "lexicon.schema"),
        (b"[[category]]\nterms = ['a']\n", "lexicon.schema"),
        (b"[[category]]\nname = 'x'\nloaded = 'yes'\nterms = ['a']\n", "lexicon.schema"),
        (b"[[category]]\nname = 'x'\nterms = 'a'\n", "lexicon.schema"),
        (b"\xff\xfe", "lexicon.encoding"),
    ],
)
def test_schema_problems_are_reported(raw: bytes, code: str) -> None:
    cats, errors = parse_lexicon(raw, "bad.toml")
    assert cats == []
    assert [e.code for e in errors] == [code]
    assert "bad.toml" in str(errors[0])


def test_user_lexicons_can_be_switched_off(user_dir: Path) -> None:
    (user_dir / "mine.toml").write_bytes(GOOD)
    lex = load_lexicons(TermSettings(user_lexicon_dir=str(user_dir), use_user_lexicons=False))
    assert "mine" not in lex.names


def test_missing_user_dir_is_fine(tmp_path: Path) -> None:
    lex = load_lexicons(TermSettings(user_lexicon_dir=str(tmp_path / "nope")))
    assert lex.errors == ()
    assert LABELS in lex.names
