"""The learned loaded-wording model: shipped as data, applied with numpy, scored with intervals."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from analysis.framing.quotes import quotation_spans
from analysis.model import Span
from analysis.terms.learned import (
    ModelError,
    lemma,
    load_model,
    model_from_json,
    sentence_features,
    sentence_token_ids,
    tokens,
    with_categories,
    word_features,
)
from analysis.terms.lexicon import LexiconSet
from analysis.terms.matcher import find_terms
from analysis.terms.report import analyse_terms
from analysis.terms.scores import LEARNED, distinguishable, score_article
from analysis.terms.settings import TermSettings
from tests.analysis.terms.conftest import make_article
from tests.conftest import REPO

NEUTRAL = "The council met on Tuesday. It approved the budget for the next year."
LOADED = "The mayor slammed the radical hoax and its outrageous lies."


def _score(body: str, builtins: LexiconSet):  # type: ignore[no-untyped-def]
    art = make_article(body)
    quotes = quotation_spans(art.text)
    hits = find_terms(art, builtins, quotes)
    return art, *score_article(art, hits, quotes, load_model(), builtins.loaded_names)


def test_importing_analysis_and_the_cli_and_scoring_load_no_scikit_learn() -> None:
    code = (
        "import sys, analysis, analysis.cli\n"
        "assert 'sklearn' not in sys.modules and 'numpy' not in sys.modules, 'import'\n"
        "from analysis.model import Article\n"
        "from analysis.terms import analyse_terms\n"
        "a = Article.from_parts(title='T', paragraphs=['A reckless, shameful plan.'],"
        " outlet='O', source='t')\n"
        "r = analyse_terms([a])\n"
        "assert r.loaded_scores, 'no score'\n"
        "assert 'sklearn' not in sys.modules, 'scoring'\n"
        "assert 'safetensors' not in sys.modules, 'the token table was read'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_model_ranks_a_loaded_sentence_above_a_neutral_one() -> None:
    model = load_model()
    loaded = tokens(LOADED)
    neutral = tokens(NEUTRAL)
    p_loaded = model.sentence_probability(loaded, max(model.word_probabilities(loaded)))
    p_neutral = model.sentence_probability(neutral, max(model.word_probabilities(neutral)))
    assert p_loaded > 0.5 > p_neutral
    words = dict(zip((t.text for t in loaded), model.word_probabilities(loaded), strict=True))
    assert words["outrageous"] > model.word_threshold > words["mayor"]


def test_a_malformed_model_is_a_model_error() -> None:
    data = json.loads((REPO / "resources" / "models" / "loaded.json").read_text("utf-8"))
    data["word"]["coef"] = data["word"]["coef"][:-1]
    with pytest.raises(ModelError) as caught:
        model_from_json(data)
    assert caught.value.code == "analysis.model"


def test_quoted_loaded_words_are_flagged_but_kept_out_of_the_score(builtins: LexiconSet) -> None:
    art, own, own_hits = _score(LOADED, builtins)
    _, quoted, quoted_hits = _score(f'The mayor\'s rival said: "{LOADED}"', builtins)
    assert own.score >= 1 and quoted.score == 0
    assert {h.category for h in own_hits} == {LEARNED}
    assert quoted_hits and all(h.in_quote for h in quoted_hits)
    assert all(Span(h.start, h.end).slice(art.text).lower() == h.term for h in own_hits)
    said = [t for t in quoted.top if t.in_quote]
    assert len(said) == 1 and said[0].words


def test_interval_holds_the_score_and_decides_distinguishability(builtins: LexiconSet) -> None:
    body = " ".join([LOADED] * 6 + [NEUTRAL] * 3)
    _, high, _ = _score(body, builtins)
    _, low, _ = _score(" ".join([NEUTRAL] * 9), builtins)
    assert high.interval[0] <= high.score <= high.interval[1]
    assert high.interval[0] < high.interval[1]
    assert distinguishable(high, low)
    assert not distinguishable(high, high)
    assert _score(body, builtins)[1] == high  # fixed seed: same interval every time
    top = high.top[0]
    assert top.words and all(top.start <= w.start < w.end <= top.end for w in top.words)


def test_only_sentences_with_a_flagged_word_are_listed_as_most_loaded(
    builtins: LexiconSet,
) -> None:
    _, plain, plain_hits = _score(" ".join([NEUTRAL] * 4), builtins)
    assert not plain_hits and plain.top == ()  # nothing flagged, nothing listed
    _, mixed, _ = _score(" ".join([NEUTRAL, LOADED, NEUTRAL]), builtins)
    assert mixed.top and all(t.words for t in mixed.top)


def test_without_the_model_file_the_lexicons_carry_on_and_say_so(
    builtins: LexiconSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise ModelError("The loaded-language model could not be read (no file).")

    monkeypatch.setattr("analysis.terms.learned.load_model", missing)
    report = analyse_terms([make_article(LOADED)], lexicons=builtins)
    assert report.loaded_scores == ()
    assert LEARNED not in {h.category for h in report.hits}
    assert [e.code for e in report.errors] == ["analysis.model"]


def test_switching_the_learned_category_off_skips_the_model(builtins: LexiconSet) -> None:
    off = TermSettings(disabled_categories=(LEARNED,), use_user_lexicons=False)
    report = analyse_terms([make_article(LOADED)], off, lexicons=builtins)
    assert report.loaded_scores == () and LEARNED not in {c.name for c in report.categories}
    on = analyse_terms([make_article(LOADED)], lexicons=builtins)
    assert on.score_of(on.articles[0]) is not None


def test_the_fast_word_path_sums_exactly_the_training_features(builtins: LexiconSet) -> None:
    model = load_model()
    art = make_article('Critics slammed the "radical" plan. So-called experts Fumed on Monday.')
    hits = [(h.start, h.end, h.category) for h in find_terms(art, builtins)]
    words = with_categories(tokens(art.text), hits)
    assert any(w.categories for w in words)
    fast = model.word_probabilities(words)
    for i, prob in enumerate(fast):
        if lemma(words[i].text.lower()) in model.switched_off:  # "radical": probability 0
            assert prob < 1e-9
            continue
        logit = model.word.logit(dict.fromkeys(word_features(words, i), 1.0))
        assert prob == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-9)
    fast_sentence = model.sentence_logit(
        [w.text for w in words], [w.categories for w in words], max(fast)
    )
    assert model.token_scores is not None and model.tokens is not None
    ids = sentence_token_ids([w.text for w in words], model.tokens)
    slow = model.sentence.logit(sentence_features(words, max(fast)))
    slow += float(model.token_scores[ids].mean())  # the sentence vector's share
    assert fast_sentence == pytest.approx(slow, abs=1e-9)
    assert model.vector_part([w.text for w in words]) != 0.0


def test_lemma_strips_one_inflectional_ending() -> None:
    assert {lemma(w) for w in ("claims", "claimed", "claiming", "claim")} == {"claim"}
    assert lemma("insisted") == "insist" and lemma("sing") == "sing" and lemma("was") == "was"


def test_switched_off_words_are_never_flagged_nor_scored(builtins: LexiconSet) -> None:
    model = load_model()
    assert {"claim", "radical"} <= model.switched_off
    body = "Critics claimed the radical plan was a disgrace. She insisted it was fine."
    art, _, hits = _score(body, builtins)
    flagged = {Span(h.start, h.end).slice(art.text).lower() for h in hits}
    assert flagged and not flagged & {"claimed", "radical", "insisted"}
    data = json.loads((REPO / "resources" / "models" / "loaded.json").read_text("utf-8"))
    data["word"]["switched_off"] = []
    plain = model_from_json(data)
    words = with_categories(
        tokens(art.text), [(h.start, h.end, h.category) for h in find_terms(art, builtins)]
    )
    on = dict(zip((w.text for w in words), plain.word_probabilities(words), strict=True))
    assert on["radical"] > model.word_threshold  # it would be flagged but for the switch
    del data["word"]["switched_off"], data["word"]["score_floor"]
    older = model_from_json(data)  # a model file from before the switch still loads
    assert older.switched_off == frozenset() and older.score_floor == 0.0


def test_score_is_the_sum_of_own_voice_probabilities_above_the_floor(
    builtins: LexiconSet,
) -> None:
    model = load_model()
    art, score, hits = _score(f'{LOADED} A rival said: "{LOADED}"', builtins)
    first = next(x for x in art.sentences if x.slice(art.text) == LOADED)  # the only own one
    words = with_categories(
        tokens(art.text, first.start, first.end),
        [(h.start, h.end, h.category) for h in find_terms(art, builtins)],
    )
    probs, _ = model.score_sentence(words)
    expected = sum(p for p in probs if p >= model.score_floor)
    assert 0 < model.score_floor < model.word_threshold
    assert score.score == pytest.approx(round(expected, 1))
    assert score.score >= 1.0 and any(h.in_quote for h in hits)


def test_the_sentence_vector_weighs_emotive_wording_above_plain_reporting() -> None:
    model = load_model()
    plain = model.vector_part("The council met on Tuesday and approved the budget".split())
    emotive = model.vector_part("a disgraceful and shameful hoax full of outrageous lies".split())
    assert emotive > plain
    # a word's tokens are those of the word alone, lower-cased: capitals change nothing
    assert model.vector_part(["Outrageous", "LIES"]) == model.vector_part(["outrageous", "lies"])


def test_a_model_file_without_token_scores_loads_and_a_bad_one_is_a_model_error() -> None:
    data = json.loads((REPO / "resources" / "models" / "loaded.json").read_text("utf-8"))
    scores = data["sentence"].pop("token_scores")
    older = model_from_json(data)
    assert older.token_scores is None and older.vector_part(["outrageous"]) == 0.0
    data["sentence"]["token_scores"] = scores[:-1]
    with pytest.raises(ModelError) as caught:
        model_from_json(data)
    assert "token_scores" in caught.value.message


def test_a_missing_tokenizer_is_one_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.errors import AnalysisError

    def missing() -> None:
        raise AnalysisError("The word-vector model is not installed.", code="analysis.embedding")

    monkeypatch.setattr("analysis.text.embedding.load_tokenizer", missing)
    data = json.loads((REPO / "resources" / "models" / "loaded.json").read_text("utf-8"))
    with pytest.raises(ModelError) as caught:
        model_from_json(data)
    assert caught.value.code == "analysis.model"
    assert "tokenizer" in caught.value.message and "\n" not in caught.value.message
