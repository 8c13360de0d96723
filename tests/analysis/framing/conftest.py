from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from analysis.framing.report import FramingReport, analyse_framing
from analysis.ingest import load_sample
from analysis.model import Article, Span
from analysis.terms import LexiconSet, TermSettings, load_lexicons
from tests.conftest import REPO


@dataclass(frozen=True)
class FakePassage:
    article: str
    start: int
    end: int


@dataclass(frozen=True)
class FakeMember:
    passage: FakePassage


@dataclass(frozen=True)
class FakeCluster:
    id: int
    members: tuple[FakeMember, ...]


@dataclass(frozen=True)
class FakeAlignment:
    clusters: tuple[FakeCluster, ...]


@pytest.fixture(scope="session")
def sample() -> tuple[Article, ...]:
    return load_sample()


@pytest.fixture(scope="session")
def key() -> dict[str, Any]:
    return tomllib.loads((REPO / "tests" / "data" / "sample_key.toml").read_text("utf-8"))


@pytest.fixture(scope="session")
def lexicons(tmp_path_factory: pytest.TempPathFactory) -> LexiconSet:
    empty = tmp_path_factory.mktemp("no-user-lexicons")
    return load_lexicons(TermSettings(user_lexicon_dir=str(empty)))


def by_outlet(articles: tuple[Article, ...], outlet: str) -> Article:
    return next(a for a in articles if a.outlet == outlet)


def locate(article: Article, text: str) -> Span:
    start = article.text.find(text)
    assert start >= 0, f"{text!r} not in {article.outlet}"
    return Span(start, start + len(text))


def key_alignment(sample: tuple[Article, ...], key: dict[str, Any]) -> FakeAlignment:
    """An alignment built from the answer key's passages (stands in for analysis.align)."""
    clusters = []
    for number, passage in enumerate(key["passage"]):
        texts = {passage["source_outlet"]: passage["text"]}
        for outlet, carried in passage.get("carried", {}).items():
            if "text" in carried:
                texts[outlet] = carried["text"]
        members = []
        for outlet, text in texts.items():
            article = by_outlet(sample, outlet)
            span = locate(article, text)
            members.append(FakeMember(FakePassage(article.id, span.start, span.end)))
        clusters.append(FakeCluster(number, tuple(members)))
    return FakeAlignment(tuple(clusters))


@pytest.fixture(scope="session")
def sample_report(
    sample: tuple[Article, ...], key: dict[str, Any], lexicons: LexiconSet
) -> FramingReport:
    return analyse_framing(sample, key_alignment(sample, key), lexicons)


@pytest.fixture(scope="session")
def aligned_report(sample: tuple[Article, ...], lexicons: LexiconSet) -> FramingReport:
    """Framing of the sample with Slant's real aligner (not the answer key's passages)."""
    from analysis.align import align_articles

    return analyse_framing(sample, align_articles(sample), lexicons)


def seed_article(path: Path) -> Article:
    """The seed file: 'date URL' line, blank line, title, blank line, body."""
    parts = path.read_text("utf-8").split("\n\n")
    return Article.from_parts(title=parts[1], paragraphs=parts[2:], outlet="Seed", source=str(path))
