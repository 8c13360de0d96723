"""The contextual shared-fact stage: which pairs it rescores, its model file, when it runs.

Every sentence below was written for these tests.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from analysis import align_articles
from analysis.align import fact_context
from analysis.align.fact_context import CONTEXT_FEATURES, ContextFactModel, context_model
from analysis.align.fact_frame import content_specific
from analysis.align.fact_links import specific
from analysis.align.facts import FACT_FEATURES, FactTable, fact_features
from analysis.align.normalize import tokenize
from analysis.align.settings import AlignmentSettings
from analysis.errors import AnalysisError, Cancelled
from analysis.model import Article
from analysis.text import context

# "lease" is in five sentences: common in this comparison, so it is no rare word.
SENTENCES = [
    "Brandt said the lease would bring ferries back to Ostrow.",  # 0
    "Kern said the lease ignored the dock workers entirely.",  # 1
    "The lease runs for ninety-nine years from next spring.",  # 2
    "Critics of the lease gathered outside the harbour office.",  # 3
    "Nobody has read the full lease yet, the paper reported.",  # 4
    "Two trawlers sank near the pier, according to witnesses.",  # 5
    "The crowd cheered the mayor loudly, according to witnesses.",  # 6
    "The harbour fee will rise to 45 crowns a tonne.",  # 7
    "Shippers expect to pay 45 crowns for each tonne landed.",  # 8
    "A marlinspike was found in the ferry captain's cabin.",  # 9
    "Police took the marlinspike away for tests on Monday.",  # 10
]


def _evidence(a: int, b: int) -> tuple[bool, bool]:
    tokens = [tokenize(s) for s in SENTENCES]
    article = np.arange(len(SENTENCES), dtype=np.intp)  # every sentence its own article
    table = FactTable.build(tokens, article, np.zeros(len(SENTENCES), dtype=bool))
    ia, ib = np.array([a], dtype=np.intp), np.array([b], dtype=np.intp)
    x = fact_features(table, ia, ib, article)
    return bool(specific(x)[0]), bool(content_specific(tokens, table, ia, ib)[0])


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (0, 1, (True, False)),  # only "said the lease", the words that say who speaks
        (5, 6, (True, False)),  # only "according to witnesses"
        (7, 8, (True, True)),  # a shared number
        (9, 10, (True, True)),  # a shared rare word, outside any attribution
    ],
)
def test_evidence_outside_the_attribution_frame(
    a: int, b: int, expected: tuple[bool, bool]
) -> None:
    assert _evidence(a, b) == expected


def test_the_shipped_model_fits_the_lexical_features() -> None:
    model = context_model()
    assert model.features[: len(FACT_FEATURES)] == FACT_FEATURES
    assert set(model.features[len(FACT_FEATURES) :]) <= set(CONTEXT_FEATURES)
    assert 0.5 < model.specific_share <= 1.0
    rows = np.zeros((2, len(FACT_FEATURES)))
    proba = model.probabilities(rows, np.array([[0.9, 0.9, 0.9], [0.1, 0.1, 0.1]]))
    assert proba.shape == (2,) and 0.0 < proba[1] < proba[0] < 1.0


def _model_json(**change: Any) -> str:
    n = len(FACT_FEATURES) + 1
    data: dict[str, Any] = {
        "features": [*FACT_FEATURES, "ctx_cos"],
        "mean": [0.0] * n,
        "scale": [1.0] * n,
        "coef": [0.1] * n,
        "intercept": 0.0,
        "specific_share": 0.8,
    }
    data.update(change)
    return json.dumps(data)


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "is damaged"),
        (_model_json(coef=[0.1]), "is damaged"),
        (_model_json(intercept="high"), "is damaged"),
        (_model_json(features=["w_shared", "ctx_cos"]), "does not fit"),
        (_model_json(features=[*FACT_FEATURES, "ctx_colour"]), "does not fit"),
    ],
)
def test_a_damaged_model_file_is_one_clear_error(text: str, message: str) -> None:
    with pytest.raises(AnalysisError, match=message) as raised:
        ContextFactModel.from_json(text)
    assert raised.value.code == "analysis.model"


def _articles(n: int, tag: str = "") -> list[Article]:
    """Articles of the sentences above; ``tag`` ends each one, so that the sentence model
    has read none of them before (it remembers what it has read)."""
    return [
        Article.from_parts(
            title=f"Ostrow harbour lease, report {k} {tag}",
            paragraphs=[f"{SENTENCES[(k + j) % len(SENTENCES)]} {tag}" for j in range(4)],
            outlet=f"Paper {k}",
            source="pasted",
        )
        for k in range(n)
    ]


@pytest.fixture
def model_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    load = context.load_context_model

    def counted() -> context.ContextModel:
        calls.append(1)
        return load()

    monkeypatch.setattr(context, "load_context_model", counted)
    return calls


def test_the_stage_runs_up_to_its_article_limit_only(model_loads: list[int]) -> None:
    align_articles(_articles(3), AlignmentSettings(fact_context_up_to=3))
    assert model_loads
    model_loads.clear()
    align_articles(_articles(3), AlignmentSettings(fact_context_up_to=2))
    align_articles(_articles(3), AlignmentSettings(fact_context_up_to=0))
    assert not model_loads


def test_the_stage_reports_progress_and_can_be_cancelled() -> None:
    labels: list[str] = []
    align_articles(_articles(3, "Alpha."), progress=lambda _f, label: labels.append(label))
    assert "Reading sentences in context" in labels
    labels.clear()
    align_articles(_articles(3, "Alpha."), progress=lambda _f, label: labels.append(label))
    assert "Reading sentences in context" not in labels  # read before: nothing to read
    stop: list[bool] = []

    def report(_fraction: float, label: str) -> None:
        if label == "Reading sentences in context":
            stop.append(True)

    with pytest.raises(Cancelled):
        align_articles(_articles(3, "Beta."), progress=report, is_cancelled=lambda: bool(stop))
    assert stop


def test_the_model_file_is_read_once() -> None:
    assert fact_context.context_model() is fact_context.context_model()
