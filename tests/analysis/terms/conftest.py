from __future__ import annotations

from pathlib import Path

import pytest

from analysis.model import Article
from analysis.terms.lexicon import LexiconSet
from analysis.terms.load import load_lexicons
from analysis.terms.settings import TermSettings


@pytest.fixture(scope="session")
def builtins() -> LexiconSet:
    """Built-in lexicons only (never the tester's own config folder)."""
    return load_lexicons(TermSettings(use_user_lexicons=False))


def make_article(body: str, title: str = "Headline", outlet: str = "Outlet") -> Article:
    return Article.from_parts(title=title, paragraphs=body.split("\n\n"), outlet=outlet, source="t")


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicons"
    folder.mkdir()
    return folder
