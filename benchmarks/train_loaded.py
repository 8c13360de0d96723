"""Train the loaded-wording model on BABE and write ``resources/models/loaded.json``.

Run by hand (needs ../shared and scikit-learn):
    .venv/bin/python benchmarks/train_loaded.py [--shared PATH] [--out FILE] [--no-write]

Data: BABE (Spinde et al. 2021, AGPL-3.0), ``final_labels_SG2.csv`` (3,674 sentences,
expert majority labels) plus the few ``SG1`` sentences not in it; sentences without
agreement are dropped. Word labels: a word is loaded when it is among the sentence's
``biased_words``.

Two logistic regressions over the features of ``analysis.terms.learned`` (the same
functions the app uses): a word model, then a sentence model whose ``top_word`` feature is
the word model's out-of-fold probability (so the sentence model never sees a word model
that was trained on the same sentence). The sentence model is calibrated by Platt scaling
on its out-of-fold logits. Evaluation: 5-fold cross-validation grouped by source outlet
(every outlet's sentences are tested by a model that never saw that outlet).

The sentence model also reads the sentence's **vector** (``SENTENCE_VECTOR``): the mean of
its tokens' rows of WordLlama's token table, each dimension standardised over the table
(``analysis.terms.learned.sentence_token_ids`` says which tokens). It is linear in the rows,
so the model file stores its weights as one score per token (``token_scores``: the
standardised table times the weights), not the table.

The word threshold is chosen on the BASIL tune part (``eval_loaded.py``), not here.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.model import Article  # noqa: E402
from analysis.terms.learned import (  # noqa: E402
    Token,
    sentence_features,
    sentence_token_ids,
    tokens,
    with_categories,
    word_features,
)
from analysis.terms.load import load_lexicons  # noqa: E402
from analysis.terms.matcher import find_terms  # noqa: E402
from analysis.terms.settings import TermSettings  # noqa: E402
from analysis.text.embedding import load_embedder, load_tokenizer  # noqa: E402

WORD_THRESHOLD = 0.3  # chosen on the BASIL tune part (eval_loaded.py); see docs/lexicons.md
WORD_C = 0.2  # chosen on the BASIL tune part with the threshold (C 0.05–3 tried)
SENTENCE_C = 0.3
#: Scale of the sentence vector block (0: none). Chosen by BABE cross-validation by outlet
#: (``adapt_loaded_emb.py --sentence``: 0.3, 1, 2, 3 tried).
SENTENCE_VECTOR = 1.0
MIN_COUNT = 2
#: Lemmas switched off (probability 0): flagged >= 8 times over >= 3 events of BASIL's tune
#: part and never inside a ``lex`` span (``adapt_loaded_stop.py --fit``).
SWITCHED_OFF = ("claim", "dismiss", "insist", "radical")
#: Own-voice words below this probability add nothing to the score (chosen on the tune part).
SCORE_FLOOR = 0.15
#: Train the word model on biased sentences only (BABE marks words only there); a word is
#: then flagged on P(word | loaded sentence) x P(loaded sentence).
CONDITIONAL = False


@dataclass
class Sentence:
    words: list[Token]
    labels: list[int]  # per word: 1 when among the biased words
    biased: int
    outlet: str


def read_babe(shared: Path) -> list[tuple[str, str, int, set[str]]]:
    """(text, outlet, biased, biased words) of every sentence with a majority label."""
    rows: dict[str, tuple[str, str, int, set[str]]] = {}
    for name in ("final_labels_SG1.csv", "final_labels_SG2.csv"):  # SG2 wins where both
        path = shared / "corpora" / "babe" / name
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh, delimiter=";"):
                if row["label_bias"] not in ("Biased", "Non-biased"):
                    continue
                words = {
                    w.lower() for p in ast.literal_eval(row["biased_words"]) for w in p.split()
                }
                outlet = row["outlet"].lower().replace("-", " ")
                text = row["text"].strip()
                rows[text] = (text, outlet, int(row["label_bias"] == "Biased"), words)
    return list(rows.values())


def build(shared: Path) -> list[Sentence]:
    """Tokenize every sentence and attach Slant's lexicon categories to its words."""
    lex = load_lexicons(TermSettings(use_user_lexicons=False))
    out = []
    for text, outlet, biased, words in read_babe(shared):
        art = Article.from_parts(title="", paragraphs=[text], outlet=outlet, source="babe")
        hits = [(h.start, h.end, h.category) for h in find_terms(art, lex)]
        toks = with_categories(tokens(art.text), hits)
        labels = [int(t.text.lower() in words) for t in toks]
        out.append(Sentence(toks, labels, biased, outlet))
    return out


class Vectorizer:
    """Feature names → columns, keeping features seen at least ``MIN_COUNT`` times."""

    def __init__(self, rows: Sequence[dict[str, float]]) -> None:
        counts = Counter(f for r in rows for f in r)
        self.names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
        self.index = {f: i for i, f in enumerate(self.names)}

    def matrix(
        self, rows: Sequence[dict[str, float]], block: np.ndarray | None = None
    ) -> sparse.csr_matrix:
        """The rows as a sparse matrix, with the dense ``block`` (one row each) appended."""
        data, ind, ptr = [], [], [0]
        for r in rows:
            for f, v in r.items():
                if f in self.index:
                    ind.append(self.index[f])
                    data.append(v)
            ptr.append(len(ind))
        x = sparse.csr_matrix((data, ind, ptr), shape=(len(rows), len(self.names)))
        if block is None or not block.size:
            return x
        return sparse.hstack([x, sparse.csr_matrix(block)], format="csr")


def standard_table() -> np.ndarray:
    """WordLlama's token table, each dimension standardised over its 32,000 rows."""
    table = load_embedder().table.astype(np.float64)
    return (table - table.mean(axis=0)) / table.std(axis=0)


def sentence_block(sents: Sequence[Sentence], scale: float = SENTENCE_VECTOR) -> np.ndarray:
    """One row per sentence: the mean standardised row of its tokens, times ``scale``."""
    if not scale:
        return np.zeros((len(sents), 0))
    table, index = standard_table(), load_tokenizer()
    out = np.zeros((len(sents), table.shape[1]))
    for n, s in enumerate(sents):
        ids = sentence_token_ids([w.text for w in s.words], index)
        if ids:
            out[n] = table[ids].mean(axis=0)
    return out * scale


def token_scores(clf: Any, n_sparse: int, scale: float = SENTENCE_VECTOR) -> list[float]:
    """The vector block's weights as one score per token of the table."""
    weights = clf.coef_[0][n_sparse:]
    return [round(float(v), 5) for v in standard_table() @ weights * scale]


def word_rows(
    sents: Sequence[Sentence], biased_only: bool = False
) -> tuple[list[dict[str, float]], list[int], list[int]]:
    rows, labels, owner = [], [], []
    for n, s in enumerate(sents):
        if biased_only and not s.biased:
            continue
        for i in range(len(s.words)):
            rows.append(dict.fromkeys(word_features(s.words, i), 1.0))
            labels.append(s.labels[i])
            owner.append(n)
    return rows, labels, owner


def fit(
    rows: list[dict[str, float]],
    y: Sequence[int],
    c: float,
    weights: np.ndarray | None = None,
    block: np.ndarray | None = None,
) -> tuple[Vectorizer, Any]:
    vec = Vectorizer(rows)
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(vec.matrix(rows, block), np.asarray(y), sample_weight=weights)
    return vec, clf


def folds(sents: Sequence[Sentence]) -> list[tuple[np.ndarray, np.ndarray]]:
    groups = np.asarray([s.outlet for s in sents])
    return list(GroupKFold(n_splits=5).split(np.zeros(len(sents)), groups=groups))


def top_words(sents: Sequence[Sentence], probs: np.ndarray, owner: Sequence[int]) -> list[float]:
    top = [0.0] * len(sents)
    for p, n in zip(probs, owner, strict=True):
        top[n] = max(top[n], float(p))
    return top


def _word_mask(sents: Sequence[Sentence], owner: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Word rows of the sentences in ``keep`` (only biased ones for a conditional model)."""
    mask = np.isin(owner, keep)
    if CONDITIONAL:
        mask &= np.asarray([s.biased for s in sents], dtype=bool)[owner]
    return mask


def cross_validate(sents: list[Sentence]) -> tuple[list[float], list[float], dict[str, float]]:
    """Out-of-fold word probabilities (top per sentence), sentence logits, and the figures."""
    rows, labels, owner = word_rows(sents)
    owner_arr = np.asarray(owner)
    word_prob = np.zeros(len(rows))
    for train, test in folds(sents):
        tr = _word_mask(sents, owner_arr, train)
        vec, clf = fit(
            [r for r, t in zip(rows, tr, strict=True) if t], np.asarray(labels)[tr], WORD_C
        )
        te = np.isin(owner_arr, test)
        word_prob[te] = clf.predict_proba(
            vec.matrix([r for r, t in zip(rows, te, strict=True) if t])
        )[:, 1]
    top = top_words(sents, word_prob, owner)
    srows = [sentence_features(s.words, t) for s, t in zip(sents, top, strict=True)]
    y = np.asarray([s.biased for s in sents])
    block = sentence_block(sents)
    logits = np.zeros(len(sents))
    for train, test in folds(sents):
        vec, clf = fit([srows[i] for i in train], y[train], SENTENCE_C, block=block[train])
        logits[test] = clf.decision_function(vec.matrix([srows[i] for i in test], block[test]))
    a, b = platt(list(logits), list(y))
    sent_prob = 1 / (1 + np.exp(-(a * logits + b)))
    flag_prob = word_prob * sent_prob[owner_arr] if CONDITIONAL else word_prob
    figures = _figures(y, logits, np.asarray(labels), flag_prob)
    return top, list(logits), figures


def _figures(y: np.ndarray, logits: np.ndarray, wy: np.ndarray, wp: np.ndarray) -> dict[str, float]:
    pred = (logits > 0).astype(int)
    p, r, f, _ = precision_recall_fscore_support(y, pred, average="binary")
    out = {
        "sentence_precision": p,
        "sentence_recall": r,
        "sentence_f1": f,
        "sentence_macro_f1": f1_score(y, pred, average="macro"),
        "sentence_accuracy": float((pred == y).mean()),
    }
    for t in (0.2, 0.3, 0.35, 0.4, 0.5):
        wp_, wr_, wf_, _ = precision_recall_fscore_support(
            wy, (wp >= t).astype(int), average="binary"
        )
        out[f"word_f1@{t}"] = wf_
        out[f"word_precision@{t}"] = wp_
        out[f"word_recall@{t}"] = wr_
    return {k: round(float(v), 3) for k, v in out.items()}


def platt(logits: Sequence[float], y: Sequence[int]) -> tuple[float, float]:
    clf = LogisticRegression(C=1e6, solver="lbfgs").fit(np.asarray(logits).reshape(-1, 1), y)
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


def export(vec: Vectorizer, clf: Any, **extra: Any) -> dict[str, Any]:
    coef = clf.coef_[0][: len(vec.names)]  # the sparse features (a dense block follows)
    keep = [i for i, c in enumerate(coef) if abs(c) >= 1e-4]  # zero weights change nothing
    return {
        "features": [vec.names[i] for i in keep],
        "coef": [round(float(coef[i]), 4) for i in keep],
        "intercept": round(float(clf.intercept_[0]), 4),
        **extra,
    }


def train(sents: list[Sentence]) -> dict[str, Any]:
    """Cross-validate, then fit both models on every sentence; return the JSON model."""
    top_oof, logits_oof, figures = cross_validate(sents)
    rows, labels, _ = word_rows(sents, biased_only=CONDITIONAL)
    wvec, wclf = fit(rows, labels, WORD_C)
    srows = [sentence_features(s.words, t) for s, t in zip(sents, top_oof, strict=True)]
    y = [s.biased for s in sents]
    svec, sclf = fit(srows, y, SENTENCE_C, block=sentence_block(sents))
    a, b = platt(logits_oof, y)
    vector = {"token_scores": token_scores(sclf, len(svec.names))} if SENTENCE_VECTOR else {}
    return {
        "name": "Slant loaded-wording model (trained on BABE)",
        "data": "BABE, Spinde et al. 2021 (AGPL-3.0): final_labels_SG2 + SG1",
        "vectors": "sentence token_scores: WordLlama l2_supercat_256 token table (MIT), "
        "standardised, times the sentence model's vector weights",
        "sentences": len(sents),
        "cross_validation": figures,
        "word": export(
            wvec,
            wclf,
            threshold=WORD_THRESHOLD,
            C=WORD_C,
            conditional=CONDITIONAL,
            switched_off=list(SWITCHED_OFF),
            score_floor=SCORE_FLOOR,
        ),
        "sentence": export(
            svec,
            sclf,
            calibration=[round(a, 4), round(b, 4)],
            C=SENTENCE_C,
            vector_scale=SENTENCE_VECTOR,
            **vector,
        ),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "models" / "loaded.json")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    sents = build(args.shared)
    print(f"BABE: {len(sents)} sentences, {sum(s.biased for s in sents)} biased")
    model = train(sents)
    print(json.dumps(model["cross_validation"], indent=1))
    if not args.no_write:
        args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
