"""Small hand-written articles for the alignment tests (fictional; written for them)."""

from __future__ import annotations

import pytest

from analysis.model import Article

WIRE = [
    "Officials said on Monday that the harbour bridge will stay closed for seven days "
    "after a storm damaged its cables.",
    "The mayor, Ana Ruiz, told reporters that engineers would inspect every cable before "
    "traffic returns. Ferries will run every twenty minutes instead.",
    "Local shops reported a sharp drop in customers. The port authority estimated the cost "
    "of repairs at 4 million euros.",
]
DAILY = [
    "Officials claimed on Monday that the harbour bridge will stay closed for seven days "
    "after a storm damaged its cables.",
    "The mayor, Ana Ruiz, told reporters that engineers would inspect every cable before "
    "traffic returns, and ferries will run every twenty minutes instead.",
    "Critics of the council blamed years of neglect for the damage. The port authority "
    "estimated the cost of repairs at 4 million euros.",
]
POST = [
    "The harbour bridge will stay closed for seven days after a storm damaged its cables, "
    "officials said.",
    "The port authority estimated the cost of repairs at 4 million euros.",
]


def make(title: str, paragraphs: list[str], outlet: str) -> Article:
    return Article.from_parts(title=title, paragraphs=paragraphs, outlet=outlet, source="pasted")


@pytest.fixture
def trio() -> tuple[Article, Article, Article]:
    return (
        make("Storm closes harbour bridge for a week", WIRE, "Wire"),
        make("Storm shuts harbour bridge for a week", DAILY, "Daily"),
        make("Bridge closed", POST, "Post"),
    )
