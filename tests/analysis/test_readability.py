from __future__ import annotations

import pytest

from analysis.model import Article
from analysis.readability import looks_english, other_language, readability_of


def art(*paragraphs: str) -> Article:
    return Article.from_parts(
        title="A plain headline", paragraphs=paragraphs, outlet="T", source="t"
    )


SIMPLE = "The cat sat on the mat. The dog ran to the park. We like the sun. It is warm."
HARD = (
    "Notwithstanding considerable institutional uncertainty, parliamentary representatives "
    "systematically reconsidered the controversial infrastructure appropriations, "
    "characterising the administration's justification as fundamentally unconvincing."
)


def test_simple_text_scores_easier_than_complex_text() -> None:
    easy, hard = readability_of(art(SIMPLE * 3)), readability_of(art(HARD))
    assert easy.available and hard.available
    assert easy.flesch_reading_ease is not None and hard.flesch_reading_ease is not None
    assert easy.flesch_reading_ease > hard.flesch_reading_ease
    for field in ("flesch_kincaid_grade", "gunning_fog", "dale_chall"):
        assert getattr(easy, field) < getattr(hard, field)


def test_sentences_come_from_the_article_not_textstat() -> None:
    article = art(SIMPLE)
    scores = readability_of(article)
    assert scores.sentences == len(article.sentences)
    assert scores.words_per_sentence == pytest.approx(
        scores.words / len(article.sentences), abs=0.01
    )


def test_smog_needs_three_sentences() -> None:
    one = Article.from_parts(
        title="", paragraphs=["Only one sentence here for the test."], outlet="T", source="t"
    )
    assert readability_of(one).smog is None
    assert readability_of(art(SIMPLE)).smog is not None


GERMAN = (
    "Die Regierung hat am Freitag beschlossen, den Hafen an eine ausländische Firma zu "
    "verpachten. Tausende Menschen protestierten gegen den Plan, und die Polizei setzte "
    "Tränengas ein. Die Gewerkschaft kündigte einen Streik an."
)
RUSSIAN = (
    "Правительство решило, что порт будет сдан в аренду, и это вызвало протесты. Тысячи "
    "людей вышли на улицы, но полиция не дала им пройти к порту. Профсоюз сказал, что он "
    "не согласен с этим решением и что забастовка начнётся в понедельник."
)
FINNISH = (
    "Hallitus päätti vuokrata sataman ulkomaiselle yritykselle. Tuhannet ihmiset osoittivat "
    "mieltään suunnitelmaa vastaan, ja poliisi käytti kyynelkaasua. Ammattiliitto ilmoitti "
    "lakosta huomenna."
)


def test_empty_and_unsupported_languages_are_unavailable_with_a_reason() -> None:
    empty = Article.from_parts(title="", paragraphs=[], outlet="T", source="t")
    assert readability_of(empty).available is False
    assert readability_of(empty).reason
    portuguese = (
        "O governo decidiu alugar o porto a uma empresa estrangeira. Milhares de pessoas "
        "protestaram contra o plano e a polícia usou gás. O sindicato anunciou uma greve "
        "para segunda-feira, e também disse que não vai aceitar a decisão."
    )
    for text in (FINNISH, portuguese):  # no textstat constants: not taken for Spanish
        scores = readability_of(art(text))
        assert not scores.available
        assert scores.reason is not None and "English" in scores.reason
        assert scores.flesch_reading_ease is None


@pytest.mark.parametrize(
    ("text", "lang", "name"), [(GERMAN, "de", "German"), (RUSSIAN, "ru", "Russian")]
)
def test_other_textstat_languages_get_flesch_reading_ease_only(
    text: str, lang: str, name: str
) -> None:
    from textstat.backend.counts import count_syllables
    from textstat.backend.selections import list_words
    from textstat.backend.utils.constants import LANG_CONFIGS

    article = art(text)
    assert not looks_english(article.text)
    assert other_language(article.text) == lang
    scores = readability_of(article)
    assert scores.available and scores.reason is not None and name in scores.reason
    assert (scores.flesch_kincaid_grade, scores.gunning_fog, scores.smog) == (None, None, None)
    assert scores.dale_chall is None
    words = len(list_words(article.text))
    per_word = count_syllables(article.text, lang) / words
    config = LANG_CONFIGS[lang]
    expected = (
        config["fre_base"]
        - config["fre_sentence_length"] * words / len(article.sentences)
        - config["fre_syll_per_word"] * per_word
    )
    assert scores.flesch_reading_ease == pytest.approx(expected, abs=0.01)


def test_language_guess() -> None:
    assert looks_english(SIMPLE * 3)
    assert not looks_english("Правительство решило сдать порт в аренду. " * 10)


def test_counts_equal_textstat_own_text_functions() -> None:
    # Slant tokenises once and looks each distinct word up once; the counts must be the
    # ones textstat's text-level functions give for the same text.
    import textstat

    from analysis.ingest import load_sample
    from analysis.readability import _counts

    texts = [a.text for a in load_sample()]
    texts.append(
        "Students' union leaders didn't say 'no' — they said it's the mayor’s fault. "
        "Re-election, co-operation and 1,200 well-known anti-government protesters! "
        "L'Hôpital café naïveté ÉCOLE; O'Neill's rock'n'roll (e.g. 3.5%)."
    )
    for text in texts:
        assert _counts(text) == (
            textstat.lexicon_count(text),
            textstat.syllable_count(text),
            textstat.polysyllabcount(text),
            textstat.difficult_words(text, syllable_threshold=0, unique=False),
        )
    assert _counts("— … !") is None
