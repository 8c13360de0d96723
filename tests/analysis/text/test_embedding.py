"""The offline word-vector model: it loads from the installed wheel and pools sensibly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from analysis.errors import AnalysisError, SlantError
from analysis.text.embedding import EMBEDDING_DIM, Embedder, load_embedder, load_tokenizer

REPO = Path(__file__).resolve().parents[3]


def test_vectors_have_unit_length_and_an_empty_text_is_zero() -> None:
    vectors = load_embedder().embed(["The council approved the budget.", "", "..."])
    assert vectors.shape == (3, EMBEDDING_DIM)
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any()


def test_related_sentences_are_closer_than_unrelated_ones() -> None:
    v = load_embedder().embed(
        [
            "The mayor of Dunmore opened the new bridge on Monday.",
            "Dunmore's mayor inaugurated the bridge at the start of the week.",
            "Rainfall in the hills was heavier than forecast.",
        ]
    )
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


def test_the_model_is_loaded_once() -> None:
    assert load_embedder() is load_embedder()


def test_missing_files_give_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError) as raised:
        Embedder.from_files(tmp_path / "w" / "x.safetensors", tmp_path / "t.json")
    assert isinstance(raised.value, SlantError)
    assert raised.value.code == "analysis.embedding"
    assert "could not be read" in str(raised.value)


def test_importing_analysis_loads_neither_the_model_nor_its_readers() -> None:
    code = (
        "import sys, analysis, analysis.cli, analysis.text.embedding\n"
        "bad = [m for m in ('tokenizers', 'safetensors', 'wordllama') if m in sys.modules]\n"
        "raise SystemExit(str(bad) if bad else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_tokenizer_alone_gives_the_embedders_token_ids() -> None:
    texts = ["Dunmore's mayor", "", "inaugurated", "Éclair"]
    index = load_tokenizer()
    assert index is load_tokenizer()
    assert index.token_ids(texts) == load_embedder().token_ids(texts)
    assert index.token_ids([""]) == [[]] and len(index.token_ids(["inaugurated"])[0]) >= 1
