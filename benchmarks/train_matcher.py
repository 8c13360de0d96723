"""Train the sentence matcher on MSRP and write resources/models/matcher.json.

Run by hand (needs ../shared):  .venv/bin/python benchmarks/train_matcher.py [--write]

Prints 10-fold cross-validated accuracy and F1 of the logistic regression over the
features in analysis/align/features.py, next to the baselines the issue names (always
"yes", one tuned threshold on rapidfuzz ratio, difflib's ratio with its best threshold).
With --write it fits on all pairs and writes the coefficients as JSON (no pickle): the
matcher applies them with numpy, without importing scikit-learn.
"""

from __future__ import annotations

import csv
import difflib
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from analysis.align.features import FEATURE_NAMES, UnitTable, pair_features
from analysis.align.matcher import decide
from analysis.align.normalize import tokenize
from analysis.align.settings import AlignmentSettings

REPO = Path(__file__).resolve().parent.parent
MSRP = REPO.parent / "shared" / "corpora" / "msrp" / "msr_paraphrase_train.txt"
OUT = REPO / "resources" / "models" / "matcher.json"


def load_msrp(path: Path = MSRP) -> tuple[list[str], list[str], np.ndarray]:
    a, b, y = [], [], []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            if len(row) == 5:
                y.append(int(row[0]))
                a.append(row[3])
                b.append(row[4])
    return a, b, np.array(y)


def msrp_features(a: list[str], b: list[str]) -> np.ndarray:
    table = UnitTable.build([tokenize(s) for s in a + b])
    ia = np.arange(len(a))
    return pair_features(table, ia, ia + len(a))


def best_threshold(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best = (0.0, 0.0)
    for t in np.unique(np.round(scores, 3)):
        acc = float(np.mean((scores >= t) == y))
        best = max(best, (acc, float(t)))
    return best


def cv_threshold(scores: np.ndarray, y: np.ndarray, folds: StratifiedKFold) -> float:
    """Accuracy of one threshold tuned on the training folds, applied to the held-out fold."""
    hits = 0
    for train, test in folds.split(scores.reshape(-1, 1), y):
        _, t = best_threshold(scores[train], y[train])
        hits += int(np.sum((scores[test] >= t) == y[test]))
    return hits / len(y)


def f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float(np.sum(pred & (y == 1)))
    return 2 * tp / (float(np.sum(pred)) + float(np.sum(y == 1)))


def main() -> None:
    a, b, y = load_msrp()
    t0 = time.perf_counter()
    x = msrp_features(a, b)
    t_feat = time.perf_counter() - t0
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    proba = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
    print(f"pairs: {len(y)}  positives: {y.mean():.3f}  features: {t_feat:.2f} s")
    print(f"always yes: accuracy {np.mean(y == 1):.4f}")
    ratio_acc = cv_threshold(x[:, 0], y, folds)
    print(f"rapidfuzz ratio, one threshold (10-fold CV): accuracy {ratio_acc:.4f}")
    t0 = time.perf_counter()
    dl = np.array([difflib.SequenceMatcher(None, p, q).ratio() for p, q in zip(a, b, strict=True)])
    t_dl = time.perf_counter() - t0
    acc, thr = best_threshold(dl, y)
    print(
        f"difflib ratio, best threshold {thr:.3f} (on all pairs): accuracy {acc:.4f} "
        f"F1 {f1(dl >= thr, y):.4f}  ({t_dl:.2f} s)"
    )
    print(f"difflib ratio, one threshold (10-fold CV): accuracy {cv_threshold(dl, y, folds):.4f}")
    for p in (0.4, 0.5, 0.6, 0.7):
        pred = proba >= p
        print(
            f"model p>={p:.1f} (10-fold CV): accuracy {np.mean(pred == y):.4f} "
            f"F1 {f1(pred, y):.4f} precision {np.sum(pred & (y == 1)) / np.sum(pred):.4f}"
        )
    # The whole decision of match_sentences (model + containment + short-pair rules), with
    # the cross-validated probabilities in place of the shipped model's.
    verbatim = np.array([tokenize(p).words == tokenize(q).words for p, q in zip(a, b, strict=True)])
    verdict = decide(x, verbatim, AlignmentSettings(), proba=proba)
    pred = verdict.matched
    print(f"match_sentences decision (10-fold CV): accuracy {np.mean(pred == y):.4f} "
          f"F1 {f1(pred, y):.4f}")  # fmt: skip
    if "--write" in sys.argv:
        model.fit(x, y)
        scaler, lr = model[0], model[1]
        data = {
            "about": "Logistic regression over sentence-pair features, trained on MSRP "
            "train by benchmarks/train_matcher.py. p = sigmoid(((x - mean) / scale) . coef + "
            "intercept).",
            "features": list(FEATURE_NAMES),
            "mean": scaler.mean_.round(6).tolist(),
            "scale": scaler.scale_.round(6).tolist(),
            "coef": lr.coef_[0].round(6).tolist(),
            "intercept": round(float(lr.intercept_[0]), 6),
        }
        OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
