"""Do word vectors help the shared-fact model?  Base and candidates in one leave-one-event-out run.

Run by hand (needs ../shared):
    .venv/bin/python benchmarks/cv_fact_vectors.py [--splits train [train2]] [--boot 2000]
    .venv/bin/python benchmarks/cv_fact_vectors.py --speed 100 1000

Reads dev or dev2 only with ``--heldout`` (after the decision, to report it; never to
choose). For each configuration below, every event of the chosen splits is
aligned by :func:`analysis.align_articles` with a shared-fact model fitted on the *other*
events (as ``cv_facts.py`` does), and scored strict as ``eval_align_gold.py`` scores. Printed
per configuration: P, R, F1, recall per label, the paired bootstrap interval (events
resampled) of its F1 minus the base's, and how many checks of the sample's answer key fail
with the model fitted on all events (``tests/analysis/align/test_sample_key.py``, run here
on an alignment made with that model). Also: how many gold pairs the fact candidates and
the "more than names" gate let through.

Configurations are (label, word-vector features added, mode, threshold, specific share):
mode ``one`` is one model over the lexical and vector features; ``two`` scores pairs with
specific evidence (``fact_links.specific``) with that model and all other pairs with the
base model, so that the pairs the answer key keeps apart (none has specific evidence) keep
the base model's probabilities.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from basil_gold import Event, events, load
from eval_align_gold import _line, predicted_pairs, score
from fact_vectors import VECTOR_FEATURES, VectorTable, vector_features, vectors_in_aligner
from train_facts import Rows, collect, model

from analysis import align_articles
from analysis.align import aligner, fact_links, facts
from analysis.align.facts import FACT_FEATURES
from analysis.align.settings import AlignmentSettings

N_BASE = len(FACT_FEATURES)
ALL = (*FACT_FEATURES, *VECTOR_FEATURES)
CONFIGS = [
    ("base (shipped rule)", "base", "one", 0.45, 0.82),
    ("sentence cosine", "emb_cos", "one", 0.45, 0.82),
    ("sentence cosine", "emb_cos", "one", 0.5, 0.82),
    ("sentence cosine, key-safe", "emb_cos", "one", 0.65, 0.82),
    ("soft overlap", "emb_soft", "one", 0.45, 0.82),
    ("soft overlap, key-safe", "emb_soft", "one", 0.5, 0.82),
    ("rest cosine", "emb_rest", "one", 0.45, 0.82),
    ("rest cosine, key-safe", "emb_rest", "one", 0.55, 0.82),
    ("synonym", "emb_synonym", "one", 0.45, 0.82),
    ("cosine + soft + rest", "emb_cos,emb_soft,emb_rest", "one", 0.45, 0.82),
    ("cosine + soft + rest", "emb_cos,emb_soft,emb_rest", "one", 0.5, 0.82),
    ("rest + synonym", "emb_rest,emb_synonym", "one", 0.45, 0.82),
    ("rest + synonym, key-safe", "emb_rest,emb_synonym", "one", 0.5, 0.82),
    ("all nine", ",".join(ALL[N_BASE:]), "one", 0.45, 0.82),
    ("all nine", ",".join(ALL[N_BASE:]), "one", 0.5, 0.82),
    ("rest + synonym, specific pairs only", "emb_rest,emb_synonym", "two", 0.45, 0.82),
    ("cosine + soft + rest, specific pairs only", "emb_cos,emb_soft,emb_rest", "two", 0.45, 0.87),
]

Params = tuple[object, ...]  # as analysis.align.facts._model: mean, scale, coef, intercept


def feature_set(spec: str) -> tuple[str, ...]:
    """The model's feature names: the lexical ones, then the listed vector ones."""
    extra = () if spec == "base" else tuple(spec.split(","))
    return (*FACT_FEATURES, *sorted(extra, key=VECTOR_FEATURES.index))


def fit(rows: Rows, names: tuple[str, ...], keep: np.ndarray) -> Params:
    """A model over ``names`` fitted on the rows ``keep`` selects (borderline rows left out)."""
    cols = [ALL.index(n) for n in names]
    keep = keep & (rows.y >= 0)
    m = model()
    m.fit(rows.x[keep][:, cols], rows.y[keep])  # type: ignore[attr-defined]
    scaler, lr = m[0], m[1]  # type: ignore[index]
    return (scaler.mean_, scaler.scale_, lr.coef_[0], float(lr.intercept_[0]))


def fold_models(rows: Rows, names: tuple[str, ...]) -> list[Params]:
    """One model per event, fitted without that event."""
    return [fit(rows, names, rows.group != g) for g in range(int(rows.group.max()) + 1)]


def _prob(params: Params, x: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept = params
    z = ((x - mean) / scale) @ coef + intercept  # type: ignore[operator]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))  # type: ignore[no-any-return]


def study_settings(threshold: float) -> AlignmentSettings:
    """The aligner's settings in a study run: the shipped contextual stage stays off (since
    session 7 it runs by default up to 12 articles), since the study installs its own models."""
    return AlignmentSettings(fact_min_probability=threshold, fact_context_up_to=0)


def install(mode: str, base: Params, cand: Params, share: float) -> None:
    """Put a candidate model in place of the shipped one (restored by :func:`restore`)."""
    facts._model = lambda: cand  # type: ignore[assignment,misc]
    fact_links.SPECIFIC_SHARE = share  # type: ignore[misc]

    def two(xm: np.ndarray) -> np.ndarray:
        spec = fact_links.specific(xm[:, :N_BASE])
        return np.where(spec, _prob(cand, xm), _prob(base, xm[:, :N_BASE]))

    fact_links.fact_probabilities = two if mode == "two" else facts.fact_probabilities  # type: ignore[assignment]


SHIPPED = (facts._model, fact_links.SPECIFIC_SHARE, fact_links.fact_probabilities)


def restore() -> None:
    """Put the shipped model and rule back."""
    facts._model, fact_links.SPECIFIC_SHARE, fact_links.fact_probabilities = SHIPPED  # type: ignore[misc,assignment]


def key_failures(threshold: float) -> list[str]:
    """The sample answer-key checks that fail with the installed model at ``threshold``."""
    import tests.analysis.align.test_sample_key as key
    from analysis.ingest import load_sample

    arts = {a.outlet: a for a in load_sample()}
    al = align_articles(list(arts.values()), study_settings(threshold))
    checks: list[tuple[str, Callable[[], None]]] = []
    for p in key.CASES:
        passage, outlet, carried = p.values
        if (passage["id"], outlet) not in key.HARD:
            checks.append(
                (
                    f"{passage['id']}/{outlet}",
                    lambda a=passage, b=outlet, c=carried: (
                        key.test_passage_is_carried_as_the_key_says(a, b, c)
                    ),
                )
            )
    for u in key.KEY["unique"]:
        checks.append(
            (
                f"unique: {u['text'][:24]}",
                lambda u=u: key.test_unique_sentence_is_reported_as_unique(u["outlet"], u["text"]),
            )
        )
    checks.append(("merged", key.test_merged_sentence_is_one_passage_with_both_halves))
    saved = key._aligned
    key._aligned = lambda: (arts, al)  # type: ignore[assignment]
    failed = []
    try:
        for name, check in checks:
            try:
                check()
            except (AssertionError, ValueError):
                failed.append(name)
    finally:
        key._aligned = saved
    return failed


def counts(items: list[tuple[Event, dict]]) -> np.ndarray:  # type: ignore[type-arg]
    """Per event (tp, fp, fn), strict."""
    out = []
    for ev, pred in items:
        s = score([(ev, pred)], borderline=False)
        tp = round(s["recall"] * s["gold"])
        out.append((tp, s["predicted"] - tp, s["gold"] - tp))
    return np.array(out, dtype=float)


def _f1(c: np.ndarray) -> np.ndarray:
    tp, fp, fn = c[..., 0], c[..., 1], c[..., 2]
    return np.divide(2 * tp, 2 * tp + fp + fn, out=np.zeros_like(tp), where=tp > 0)


def boot_delta(a: np.ndarray, b: np.ndarray, n: int, seed: int = 0) -> tuple[float, float]:
    """95 % interval of F1(b) - F1(a) with events resampled (paired)."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(a), size=(n, len(a)))
    d = _f1(b[idx].sum(axis=1)) - _f1(a[idx].sum(axis=1))
    lo, hi = np.percentile(d, [2.5, 97.5])
    return float(lo), float(hi)


def coverage(rows: Rows) -> str:
    """Gold pairs among the candidates and past the gate."""
    covered = set().union(*rows.gold_keys)
    gate = fact_links.asserts_something(rows.x[:, :N_BASE])
    passed = set().union(*(rows.gold_keys[i] for i in np.flatnonzero(gate)))
    return (
        f"gold pairs {rows.gold_total}: among the fact candidates {len(covered)} "
        f"({len(covered) / rows.gold_total:.3f}), past the 'more than names' gate {len(passed)} "
        f"({len(passed) / rows.gold_total:.3f})"
    )


def speed(n: int) -> None:
    """What the vector features would cost on ``bench_align.py``'s n-article corpus.

    Times, in one process: the whole aligner as shipped; then, on the fact candidates that
    aligner scores (as ``fact_links`` picks them), loading the word vectors (first use),
    building the vector table and computing all nine vector features.
    """
    import time

    from bench_align import corpus

    from analysis.align.facts import fact_candidates
    from analysis.text.embedding import load_embedder

    arts = corpus(n)
    settings = AlignmentSettings()
    clock = (time.perf_counter, time.process_time)
    start = [c() for c in clock]
    align_articles(arts, settings)
    whole = [c() - s for c, s in zip(clock, start, strict=True)]
    units = aligner.build_units(arts, settings.max_unit_chars)
    table = aligner.fact_table(units)
    complete = n <= settings.complete_up_to
    per_unit = settings.fact_candidates if complete else settings.fact_max_links
    floor = settings.fact_min_cosine if complete else max(settings.fact_min_cosine, 0.1)
    ia, ib = fact_candidates(table, units.article, per_unit, floor)
    start = [c() for c in clock]
    load_embedder()
    loaded = [c() - s for c, s in zip(clock, start, strict=True)]
    vt = VectorTable.build(units.tokens, table)
    built = [c() - s for c, s in zip(clock, start, strict=True)]
    vector_features(vt, table, ia, ib)
    extra = [c() - s for c, s in zip(clock, start, strict=True)]
    print(
        f"{n} articles, {len(units)} sentences, {len(ia)} fact candidates: aligner "
        f"{whole[0]:.2f} s wall / {whole[1]:.2f} s CPU; word vectors {extra[0]:.2f} s wall / "
        f"{extra[1]:.2f} s CPU (loading {loaded[0]:.2f} s, vector table up to "
        f"{built[0]:.2f} s; sentence and word vectors alone: {built[1] / whole[1]:.2f} of "
        f"the aligner's CPU) = "
        f"{extra[0] / whole[0]:.2f} / {extra[1] / whole[1]:.2f} of the aligner"
    )


# Looked at on held-out events only after the decision (docs/alignment.md), to see whether
# it holds there; never used to choose. The first row is the shipped model.
HELDOUT = [CONFIGS[0], CONFIGS[8], CONFIGS[15], CONFIGS[9]]


def heldout(split: str) -> None:
    """The shipped model and the candidates of :data:`HELDOUT`, fitted on train, on ``split``."""
    rows = collect(40, 0.01, vectors=True, splits=("train",))
    every = np.ones(len(rows.y), dtype=bool)
    base = fit(rows, feature_set("base"), every)
    names = [n for n in events(split) if load(n) is not None]
    try:
        for label, spec, mode, t, share in HELDOUT:
            feats = feature_set(spec)
            with vectors_in_aligner(feats[N_BASE:]):
                install(mode, base, fit(rows, feats, every), share)
                items = []
                for name in names:
                    ev = load(name)
                    assert ev is not None
                    arts = [ev.articles[1], ev.articles[2], ev.articles[3]]
                    al = align_articles(arts, study_settings(t))
                    items.append((ev, predicted_pairs(ev, al)))
            print(
                f"{split} [{label}] {spec} ({mode}) {t:.2f} / {t * share:.3f}, {len(items)} events"
            )
            print(_line("strict", score(items, borderline=False)))
            print(_line("with borderline", score(items, borderline=True)))
            restore()
    finally:
        restore()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", nargs="+", default=["train"], choices=["train", "train2"])
    parser.add_argument("--boot", type=int, default=2000)
    parser.add_argument("--speed", nargs="*", type=int, help="article counts; no CV")
    parser.add_argument("--heldout", choices=["dev", "dev2"], help="after the decision only")
    args = parser.parse_args()
    if args.heldout:
        heldout(args.heldout)
        return
    if args.speed:
        for n in args.speed:
            speed(n)
        return
    splits = tuple(args.splits)
    loaded = [e for s in splits for e in (load(n) for n in events(s)) if e is not None]
    rows = collect(40, 0.01, vectors=True, splits=splits)
    print(f"{'+'.join(splits)}: {len(loaded)} events, leave-one-event-out; {coverage(rows)}")
    every_row = np.ones(len(rows.y), dtype=bool)
    base_names = feature_set("base")
    base_folds, base_all = fold_models(rows, base_names), fit(rows, base_names, every_row)
    base_counts = None
    try:
        for label, spec, mode, t, share in CONFIGS:
            names = feature_set(spec)
            folds, every = fold_models(rows, names), fit(rows, names, every_row)
            items = []
            with vectors_in_aligner(names[N_BASE:]):
                for ev, bf, cf in zip(loaded, base_folds, folds, strict=True):
                    install(mode, bf, cf, share)
                    al = align_articles(
                        [ev.articles[1], ev.articles[2], ev.articles[3]],
                        study_settings(t),
                    )
                    items.append((ev, predicted_pairs(ev, al)))
                install(mode, base_all, every, share)
                failed = key_failures(t)
            c = counts(items)
            base_counts = c if base_counts is None else base_counts
            lo, hi = boot_delta(base_counts, c, args.boot)
            print(
                f"[{label}] {spec} ({mode}) {t:.2f} / {t * share:.3f}: "
                f"dF1 vs base 95% [{lo:+.3f}, {hi:+.3f}]; key failures {len(failed)} {failed}"
            )
            print(_line("strict", score(items, borderline=False)))
            restore()
    finally:
        restore()


if __name__ == "__main__":
    main()
