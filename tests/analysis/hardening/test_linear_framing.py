"""Issue 12, item 3: attribution scanning does linear work in the sentence length.

No timings here (those are in benchmarks/bench_hostile.py): the tests count how many
characters the attribution regexes and the tokeniser are given, which must grow with the
text, not with the text times the number of speech verbs.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

import analysis.framing.attribution as attribution
import analysis.framing.quoting as quoting
import analysis.framing.sentiment as sentiment
import analysis.framing.speakers as speakers
from analysis.framing.attribution import find_attributions
from analysis.framing.quoting import extract_quotes
from analysis.framing.speech import SPEECH_VERB_FORMS
from analysis.ingest import load_bytes
from analysis.model import Article

_WORDS = (
    "the minister said officials told reporters that Halden claimed he warned the Senate "
    "according to sources Borg added she insisted government denied saying calls a senior "
    "official with Sen Cruz announced they argued"
).split()


def _line(size: int, seed: int = 3) -> bytes:
    rng = random.Random(seed)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < size:
        words.append(rng.choice(_WORDS))
    return " ".join(words).encode()


class _Spy:
    """Wraps a compiled pattern and adds up the characters each call really scans.

    ``search`` scans its whole range when nothing matches; ``match`` is anchored and reads
    no further than its match; ``finditer`` reads as far as the caller consumes it.
    """

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self._pattern = pattern
        self._tally = tally

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> Any:
        found = self._pattern.search(text, pos, endpos)
        self._tally.append((found.end() if found else min(endpos, len(text))) - pos)
        return found

    def match(self, text: str, pos: int = 0, endpos: int = 2**62) -> Any:
        found = self._pattern.match(text, pos, endpos)
        self._tally.append(found.end() - pos if found else 1)
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Any:
        reached = pos
        try:
            for found in self._pattern.finditer(text, pos, endpos):
                reached = found.end()
                yield found
            reached = min(endpos, len(text))
        finally:
            self._tally.append(reached - pos)


def _scanned(monkeypatch: pytest.MonkeyPatch, article: Article) -> int:
    """Characters handed to every before-the-verb pattern while framing ``article``."""
    tally: list[int] = []
    for module in (attribution, speakers):
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, re.Pattern) and name not in ("_VERB_TOKEN", "_ACCORDING"):
                monkeypatch.setattr(module, name, _Spy(value, tally))
    find_attributions(article, SPEECH_VERB_FORMS, ())
    return sum(tally)


def test_attribution_work_grows_linearly_with_an_unpunctuated_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = load_bytes(_line(20_000), kind="text", source="s.txt")
    large = load_bytes(_line(80_000), kind="text", source="l.txt")
    assert len(small.sentences) == 1 and len(large.sentences) == 1
    per_char_small = _scanned(monkeypatch, small) / len(small.text)
    monkeypatch.undo()
    per_char_large = _scanned(monkeypatch, large) / len(large.text)
    # Quadratic scanning made this ratio about 4 (the text is 4 times longer); linear ~1.
    assert per_char_large < 1.5 * per_char_small
    assert per_char_large < 200  # characters scanned per character of text


def test_phrase_before_tokenises_only_the_words_before_the_verb() -> None:
    text = "word " * 50_000 + "Minister Anja Borg said"
    verb = text.index(" said") + 1
    tally: list[int] = []
    original = speakers._TOKEN
    speakers._TOKEN = _Spy(original, tally)  # type: ignore[assignment]
    try:
        phrase = speakers.phrase_before(text, 0, verb)
    finally:
        speakers._TOKEN = original
    assert phrase is not None and phrase.name == "Anja Borg"
    assert max(tally) <= 200


def test_reported_clauses_and_sentiment_pieces_are_bounded() -> None:
    article = load_bytes(_line(60_000), kind="text", source="l.txt")
    quotes = extract_quotes(article, find_attributions(article, SPEECH_VERB_FORMS, ()), ())
    assert quotes and max(len(q.span) for q in quotes) <= quoting._MAX_CLAUSE
    seen: list[int] = []
    analyser = sentiment._analyzer()
    real = analyser.polarity_scores
    analyser.polarity_scores = lambda text: (seen.append(len(text)), real(text))[1]
    try:
        sentiment.sentence_scores(article)
    finally:
        del analyser.polarity_scores
    assert max(seen) <= sentiment._PIECE
