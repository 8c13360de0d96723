"""The loaded terms and hedges planted in the built-in sample are all found."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from analysis.ingest import load_sample
from analysis.model import Article
from analysis.terms.lexicon import HEDGES
from analysis.terms.report import TermReport, analyse_terms
from analysis.terms.settings import TermSettings

KEY = Path(__file__).resolve().parents[2] / "data" / "sample_key.toml"


@pytest.fixture(scope="module")
def key() -> dict[str, Any]:
    return tomllib.loads(KEY.read_text("utf-8"))


@pytest.fixture(scope="module")
def sample() -> tuple[tuple[Article, ...], TermReport]:
    arts = load_sample()
    return arts, analyse_terms(arts, TermSettings(use_user_lexicons=False))


def _found(
    sample: tuple[tuple[Article, ...], TermReport], outlet: str, term: str, category: str
) -> list[tuple[str, bool]]:
    """Surface text and in_quote of the hits of ``category`` that cover ``term`` in ``outlet``."""
    arts, report = sample
    art = next(a for a in arts if a.outlet == outlet)
    out = []
    for hit in report.hits_in(art.id):
        surface = art.text[hit.start : hit.end].lower()
        if hit.category == category and (term.lower() in surface or surface in term.lower()):
            out.append((surface, hit.in_quote))
    return out


def test_every_planted_loaded_term_is_found_with_quote_flag(
    key: dict[str, Any], sample: tuple[tuple[Article, ...], TermReport]
) -> None:
    missing = []
    for entry in key["loaded"]:
        found = _found(sample, entry["outlet"], entry["term"], entry["category"])
        if entry["in_quote"] not in [q for _, q in found]:
            missing.append((entry["outlet"], entry["term"], entry["category"], entry["in_quote"]))
    assert missing == []


def test_every_planted_hedge_is_found(
    key: dict[str, Any], sample: tuple[tuple[Article, ...], TermReport]
) -> None:
    missing = [
        (h["outlet"], h["term"])
        for h in key["hedge"]
        if not _found(sample, h["outlet"], h["term"], HEDGES)
    ]
    assert missing == []


def test_tabloid_has_highest_own_voice_loaded_rate(
    key: dict[str, Any], sample: tuple[tuple[Article, ...], TermReport]
) -> None:
    arts, report = sample
    rates = {a.outlet: report.rates_of(a.id).loaded.own for a in arts}
    assert max(rates, key=rates.__getitem__) == "The Daily Blaze"
    assert rates["Meridian Wire"] == min(rates.values())
