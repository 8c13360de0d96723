from __future__ import annotations

import json

import pytest

from analysis.errors import ProjectError
from analysis.framing.report import FramingReport
from analysis.framing.serialize import (
    distinctive_from_json,
    distinctive_to_json,
    framing_from_json,
    framing_to_json,
    readability_from_json,
    readability_to_json,
)
from analysis.model import Article
from analysis.readability import readability_of
from analysis.vocab import distinctive_terms


def roundtrip(data: object) -> object:
    return json.loads(json.dumps(data))


def test_framing_round_trips_through_json(sample_report: FramingReport) -> None:
    data = roundtrip(framing_to_json(sample_report))
    assert isinstance(data, dict)
    assert framing_from_json(data) == sample_report
    quote = data["articles"][0]["quotes"][0]
    assert set(quote["span"]) == {"start", "end"}
    assert "rough lexicon measure" in data["sentiment_method"]


def test_vocabulary_and_readability_round_trip(sample: tuple[Article, ...]) -> None:
    vocab = distinctive_terms(sample)
    assert distinctive_from_json(roundtrip(distinctive_to_json(vocab))) == vocab  # type: ignore[arg-type]
    scores = tuple(readability_of(a) for a in sample)
    assert readability_from_json(roundtrip(readability_to_json(scores))) == scores  # type: ignore[arg-type]


def test_malformed_sections_raise_a_project_error(sample_report: FramingReport) -> None:
    data = framing_to_json(sample_report)
    del data["articles"][0]["quotes"][0]["span"]
    with pytest.raises(ProjectError, match="framing section"):
        framing_from_json(data)
    with pytest.raises(ProjectError, match="readability"):
        readability_from_json([{"article": 3}])


def test_hand_written_encoders_match_the_generic_field_walk(sample: tuple[Article, ...]) -> None:
    # The fast encoders must write exactly what the reflective encoder (which the
    # decoder mirrors) writes, field for field, so a new field cannot be forgotten.
    from analysis.framing.codec import encode

    vocab = distinctive_terms(sample)
    assert any(v.log_odds for v in vocab.articles)
    assert json.dumps(distinctive_to_json(vocab)) == json.dumps(encode(vocab))
    scores = tuple(readability_of(a) for a in sample)
    assert readability_to_json(scores) == [encode(r) for r in scores]
