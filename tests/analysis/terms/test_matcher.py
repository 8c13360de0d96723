from __future__ import annotations

from analysis.model import Span
from analysis.terms.lexicon import LexiconSet
from analysis.terms.matcher import find_terms
from analysis.terms.parse import parse_lexicon
from tests.analysis.terms.conftest import make_article


def _hits(body: str, lex: LexiconSet, quotes: tuple[Span, ...] = ()) -> list[tuple[str, str, str]]:
    art = make_article(body)
    return [(art.text[h.start : h.end], h.term, h.category) for h in find_terms(art, lex, quotes)]


def _lex(raw: str) -> LexiconSet:
    cats, errors = parse_lexicon(raw.encode(), "t.toml")
    assert errors == []
    return LexiconSet(tuple(cats))


def test_inflections_and_case(builtins: LexiconSet) -> None:
    found = _hits("He SLAMMED them. She slams it. They were slamming.", builtins)
    slams = [(s, t) for s, t, c in found if c == "emotive"]
    assert slams == [("SLAMMED", "slam"), ("slams", "slam"), ("slamming", "slam")]


def test_phrases_with_hyphen_or_space(builtins: LexiconSet) -> None:
    found = _hits("The so-called deal, the so called plan, a stab in the back.", builtins)
    assert ("so-called", "so-called", "labels") in found
    assert ("so called", "so-called", "labels") in found
    assert ("stab in the back", "stab in the back", "moral") in found


def test_phrase_does_not_cross_punctuation_or_paragraphs() -> None:
    lex = _lex('[[category]]\nname="c"\nterms=["tax cut"]\n')
    assert _hits("A tax. Cut it.\n\nNo tax\n\ncut here.", lex) == []


def test_longest_match_wins_no_double_count() -> None:
    lex = _lex('[[category]]\nname="c"\nterms=["war", "war of words", "words"]\n')
    found = _hits("A war of words began.", lex)
    assert found == [("war of words", "war of words", "c")]


def test_same_span_counted_once_per_category(builtins: LexiconSet) -> None:
    found = _hits("The minister lashed out at critics.", builtins)
    lash = [c for s, t, c in found if t == "lash out"]
    assert sorted(lash) == ["emotive", "verbs_emotive"]


def test_exclusions(builtins: LexiconSet) -> None:
    found = _hits(
        "The tax regime changed. The regime fell. Third in a row. A bitter row.", builtins
    )
    terms = [(s, t) for s, t, c in found if c in ("labels", "emotive") and t in ("regime", "row")]
    assert terms == [("regime", "regime"), ("row", "row")]
    # the kept regime is the second one
    art = make_article("The tax regime changed. The regime fell.")
    hit = next(h for h in find_terms(art, builtins) if h.term == "regime")
    assert art.text[hit.start - 4 : hit.end] == "The regime"


def test_case_sensitive_term(builtins: LexiconSet) -> None:
    found = _hits("In May, Theresa May said it may work.", builtins)
    mays = [s for s, t, c in found if t == "may"]
    assert mays == ["may"]


def test_irregular_forms(builtins: LexiconSet) -> None:
    found = _hits("She said it and told them.", builtins)
    assert ("said", "say", "verbs_neutral") in found
    assert ("told", "tell", "verbs_neutral") in found


def test_in_quote_flag(builtins: LexiconSet) -> None:
    art = make_article('Critics slammed it. "This regime is evil," he said.')
    start = art.text.index('"')
    end = art.text.index('"', start + 1) + 1
    hits = find_terms(art, builtins, [Span(start, end)])
    flags = {art.text[h.start : h.end]: h.in_quote for h in hits}
    assert flags["slammed"] is False
    assert flags["regime"] is True
    assert flags["evil"] is True
    assert flags["said"] is False


def test_offsets_point_into_text(builtins: LexiconSet) -> None:
    art = make_article("Fury as the regime's thugs attack.", title="Outrage grows")
    hits = find_terms(art, builtins)
    assert hits
    for h in hits:
        assert h.article == art.id
        assert art.text[h.start : h.end].lower().startswith(h.term[:3])


def test_empty_text(builtins: LexiconSet) -> None:
    art = make_article("", title="")
    assert art.text == ""
    assert find_terms(art, builtins) == ()


def test_literal_attacks_are_not_conflict_metaphors(builtins: LexiconSet) -> None:
    art = make_article(
        "Ten years after the 9/11 attacks the city remembered. Rebels attacked a convoy. "
        "The minister fought back tears. Both camps drew battle lines over the budget."
    )
    metaphors = [art.text[h.start : h.end] for h in find_terms(art, builtins)]
    assert metaphors == ["battle lines"]


def test_two_terms_on_one_span_resolve_the_same_in_every_process() -> None:
    """'family' (inflected) and 'families' both match "families": the written form wins.

    The tie used to follow set order, which changes with each process's string hashing,
    so a Dask worker and the local run could name different terms.
    """
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    code = (
        "from analysis import Article\n"
        "from analysis.framing.frames import frame_emphasis\n"
        "a = Article.from_parts(title='T', paragraphs=['Families and a family wait.'],"
        " outlet='O', source='s')\n"
        "print(sorted(h.term for h in frame_emphasis(a, ()).hits))\n"
    )
    seen = set()
    for seed in ("1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        seen.add(done.stdout.strip())
    assert seen == {"['families', 'family']"}
