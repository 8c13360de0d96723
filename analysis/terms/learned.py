"""The learned model of loaded wording, applied with numpy (no scikit-learn at run time).

Two linear models trained on BABE (``benchmarks/train_loaded.py``; see ``docs/lexicons.md``
for the data, the figures and the licence):

* **word**: the probability that one word carries loaded wording, from the word itself,
  its ending, its neighbours, its shape and the curated lexicon categories it belongs to;
* **sentence**: a calibrated probability that a sentence uses loaded wording, from its
  words, its lexicon hits, the word model's strongest word and its **vector**: the mean of
  its tokens' rows of WordLlama's static token table (``analysis.text.embedding``; each word
  lower-cased and tokenized alone). That part is linear in the token rows, so it ships as
  one score per token (the table times the weights) and only the tokenizer is read at run
  time, not the 16 MB table.

The model ships as JSON in ``resources/models/loaded.json`` (feature names, coefficients,
thresholds: no pickles) and is read once, on first use. The same feature functions
(:mod:`analysis.terms.learned_features`, re-exported here) serve training and use, so the
two cannot drift apart.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from analysis.errors import AnalysisError
from analysis.resources import resource
from analysis.terms.learned_features import (
    Token,
    lemma,
    sentence_features,
    sentence_token_ids,
    tokens,
    with_categories,
    word_features,
    word_spans,
)

if TYPE_CHECKING:
    from analysis.text.embedding import TokenIndex

__all__ = [
    "LearnedModel",
    "ModelError",
    "Token",
    "lemma",
    "load_model",
    "model_from_json",
    "sentence_features",
    "sentence_token_ids",
    "tokens",
    "with_categories",
    "word_features",
    "word_spans",
]

MODEL_FILE = ("models", "loaded.json")


class ModelError(AnalysisError):
    """The shipped model file is missing or malformed."""

    default_code = "analysis.model"


Vector = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class _Linear:
    weights: Mapping[str, float]
    intercept: float

    def logit(self, features: Mapping[str, float]) -> float:
        get = self.weights.get
        return self.intercept + sum(get(f, 0.0) * v for f, v in features.items())

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> _Linear:
        names = [str(n) for n in data["features"]]
        coef: Vector = np.asarray(data["coef"], dtype=np.float64)
        if coef.shape != (len(names),) or not np.isfinite(coef).all():
            raise ValueError("features and coefficients differ in length or are not finite")
        return cls(dict(zip(names, coef.tolist(), strict=True)), float(data["intercept"]))


#: Logit of a switched-off word: its probability is 0 after the sigmoid's clipping.
_OFF = -1e3


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


@dataclass(frozen=True, slots=True)
class LearnedModel:
    """The word and sentence models with their thresholds.

    Attributes:
        word: Linear word model (probability = sigmoid of its logit).
        sentence: Linear sentence model, before calibration.
        calibration: ``(a, b)``: calibrated probability = sigmoid(a * logit + b).
        word_threshold: A word whose probability reaches it is flagged.
        name: What the model is, as shown with its hits.
        conditional: The word model gives P(word loaded | sentence loaded); a word's
            probability is then that times the sentence's.
        switched_off: Lemmas (see :func:`lemma`) whose words get probability 0: words the
            BABE model flags often but BASIL's annotators never marked (chosen on BASIL's
            tune part by ``benchmarks/adapt_loaded_stop.py``).
        score_floor: Words below this probability add nothing to an article's score.
        token_scores: The sentence vector's weights as one score per token of WordLlama's
            table (the sentence's share is the mean over its tokens); None without it.
        tokens: The tokenizer that indexes ``token_scores``.
    """

    word: _Linear
    sentence: _Linear
    calibration: tuple[float, float]
    word_threshold: float
    name: str
    conditional: bool = False
    switched_off: frozenset[str] = frozenset()
    score_floor: float = 0.0
    token_scores: Vector | None = field(default=None, compare=False, repr=False)
    tokens: TokenIndex | None = field(default=None, compare=False, repr=False)
    cache: dict[str, tuple[float, float, float]] = field(
        default_factory=dict, compare=False, repr=False
    )
    token_cache: dict[str, tuple[float, int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def word_logits(
        self, texts: Sequence[str], categories: Sequence[frozenset[str]]
    ) -> list[float]:
        """Logits of the words of one sentence (surface forms, their lexicon categories).

        Sums the same weights as ``word_features`` would select, but caches, per word form,
        everything that depends on the form alone (identity, ending, length, and its weight
        as a neighbour on either side), so a long article costs about one dictionary
        look-up per word.
        """
        get = self.word.weights.get
        parts = [self._parts(t.lower()) for t in texts]
        before, after = get("p=<s>", 0.0), get("n=</s>", 0.0)
        cap = get("cap", 0.0)
        last = len(texts) - 1
        out = []
        for i, (static, _, _) in enumerate(parts):
            value = self.word.intercept + static
            value += parts[i - 1][1] if i else before
            value += parts[i + 1][2] if i < last else after
            if i and texts[i][0].isupper():
                value += cap
            for cat in categories[i]:
                value += get("lex=" + cat, 0.0)
            out.append(value)
        return out

    def _parts(self, low: str) -> tuple[float, float, float]:
        """The word form's own weight, its weight as left neighbour, as right neighbour."""
        cached = self.cache.get(low)
        if cached is None:
            get = self.word.weights.get
            static = get(f"w={low}", 0.0) + get(f"l={min(len(low), 12) // 3}", 0.0)
            if len(low) >= 5:
                static += get(f"s3={low[-3:]}", 0.0) + get(f"s4={low[-4:]}", 0.0)
            if self.switched_off and lemma(low) in self.switched_off:
                static = _OFF
            cached = (static, get(f"p={low}", 0.0), get(f"n={low}", 0.0))
            self.cache[low] = cached
        return cached

    def sentence_logit(
        self, texts: Sequence[str], categories: Sequence[frozenset[str]], top_word: float
    ) -> float:
        """The sentence model's logit, before calibration (see ``sentence_features``)."""
        get = self.sentence.weights.get
        value = self.sentence.intercept + get("top_word", 0.0) * top_word + self.vector_part(texts)
        value += sum(get("u=" + w, 0.0) for w in {t.lower() for t in texts})
        for cats in categories:
            for cat in cats:
                value += get("lex=" + cat, 0.0)
        return value

    def vector_part(self, texts: Sequence[str]) -> float:
        """The sentence vector's share of the sentence logit: its tokens' mean score.

        Sums per word form (cached) the scores of its tokens and their number, tokenizing
        all new forms in one batch.
        """
        if self.token_scores is None or self.tokens is None or not texts:
            return 0.0
        forms = [t.lower() for t in texts]
        new = sorted({f for f in forms if f not in self.token_cache})
        if new:
            scores = self.token_scores
            for form, ids in zip(new, self.tokens.token_ids(new), strict=True):
                self.token_cache[form] = (float(scores[ids].sum()) if ids else 0.0, len(ids))
        total, count = 0.0, 0
        for form in forms:
            value, n = self.token_cache[form]
            total += value
            count += n
        return total / count if count else 0.0

    def score_sentences(
        self, sentences: Sequence[tuple[Sequence[str], Sequence[frozenset[str]]]]
    ) -> tuple[list[list[float]], list[float]]:
        """Score many sentences at once: each word's probability, and each sentence's.

        Args:
            sentences: Per sentence, its words' surface forms and lexicon categories.

        Returns:
            Per sentence, its words' probabilities; and the calibrated sentence
            probabilities. The sigmoids run in two numpy passes over the whole batch.
        """
        logits = [self.word_logits(texts, cats) for texts, cats in sentences]
        flat = _sigmoids([x for row in logits for x in row])
        probs, at = [], 0
        for row in logits:
            probs.append(flat[at : at + len(row)])
            at += len(row)
        a, b = self.calibration
        raw = [
            a * self.sentence_logit(texts, cats, max(p, default=0.0)) + b
            for (texts, cats), p in zip(sentences, probs, strict=True)
        ]
        sentence = _sigmoids(raw)
        if self.conditional:
            probs = [[p * s for p in row] for row, s in zip(probs, sentence, strict=True)]
        return probs, sentence

    def word_probabilities(self, words: Sequence[Token]) -> list[float]:
        """The probability of each word of one sentence that it carries loaded wording."""
        return _sigmoids(self.word_logits([w.text for w in words], [w.categories for w in words]))

    def sentence_probability(self, words: Sequence[Token], top_word: float) -> float:
        """The calibrated probability that the sentence uses loaded wording."""
        a, b = self.calibration
        logit = self.sentence.logit(sentence_features(words, top_word))
        return _sigmoid(a * (logit + self.vector_part([w.text for w in words])) + b)

    def score_sentence(self, words: Sequence[Token]) -> tuple[list[float], float]:
        """Each word's probability of carrying loaded wording, and the sentence's."""
        probs, sentence = self.score_sentences(
            [([w.text for w in words], [w.categories for w in words])]
        )
        return probs[0], sentence[0]


def _sigmoids(values: Sequence[float]) -> list[float]:
    """Logistic function over many values in one numpy pass."""
    arr = np.clip(np.asarray(values, dtype=np.float64), -30.0, 30.0)
    out: list[float] = (1.0 / (1.0 + np.exp(-arr))).tolist()
    return out


def model_from_json(data: Mapping[str, Any]) -> LearnedModel:
    """Build the model from its JSON form.

    Raises:
        ModelError: When a part is missing or malformed.
    """
    try:
        a, b = (float(x) for x in data["sentence"]["calibration"])
        scores = _token_scores(data["sentence"])
        return LearnedModel(
            word=_Linear.from_json(data["word"]),
            sentence=_Linear.from_json(data["sentence"]),
            calibration=(a, b),
            word_threshold=float(data["word"]["threshold"]),
            name=str(data.get("name", "learned model")),
            conditional=bool(data["word"].get("conditional", False)),
            switched_off=frozenset(str(w) for w in data["word"].get("switched_off", ())),
            score_floor=float(data["word"].get("score_floor", 0.0)),
            token_scores=scores,
            tokens=None if scores is None else _tokenizer(),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"The loaded-language model file is malformed ({exc}).") from exc


def _token_scores(sentence: Mapping[str, Any]) -> Vector | None:
    """The sentence vector's per-token scores, checked against the table's size."""
    if "token_scores" not in sentence:
        return None
    from analysis.text.embedding import VOCABULARY

    scores: Vector = np.asarray(sentence["token_scores"], dtype=np.float64)
    if scores.shape != (VOCABULARY,) or not np.isfinite(scores).all():
        raise ValueError(f"token_scores must be {VOCABULARY} finite numbers")
    return scores


def _tokenizer() -> TokenIndex:
    """The word-vector tokenizer, or a model error naming what is missing."""
    from analysis.text.embedding import load_tokenizer

    try:
        return load_tokenizer()
    except AnalysisError as exc:
        raise ModelError(
            f"The loaded-language model could not read its tokenizer ({exc.message})."
        ) from exc


@lru_cache(maxsize=1)
def load_model() -> LearnedModel:
    """Read the shipped model once (cached for the process).

    Raises:
        ModelError: When the file is missing or malformed.
    """
    node = resource(*MODEL_FILE)
    try:
        data = json.loads(node.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"The loaded-language model could not be read ({exc}).") from exc
    return model_from_json(data)
