"""Pipeline steps that read a partial result: framing, distinctive vocabulary, readability.

They live outside the packages they call so that those packages never import
:mod:`analysis.result`, which names their section types.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.framing.report import analyse_framing
from analysis.progress import CancelFn, ProgressFn, check_cancelled, sub_progress
from analysis.readability import readability_of
from analysis.result import ComparisonResult
from analysis.terms.lexicon import LexiconSet
from analysis.terms.load import load_lexicons
from analysis.terms.matcher import TermHit
from analysis.vocab.distinctive import distinctive_terms

__all__ = ["framing_step"]


def framing_step(
    result: ComparisonResult,
    *,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
) -> ComparisonResult:
    """Add the ``framing``, ``distinctive_terms`` and ``readability`` sections to ``result``.

    Uses the alignment and the lexicon categories already in ``result`` (loading the
    lexicons from the settings when the terms step did not run).

    Args:
        result: The result so far.
        progress: The step's own 0..1 progress.
        is_cancelled: Polled between articles.

    Raises:
        Cancelled: When ``is_cancelled()`` became true.
    """
    terms = result.terms
    lexicons = (
        LexiconSet(terms.categories) if terms is not None else load_lexicons(result.settings.terms)
    )
    arts = result.articles
    hits: dict[str, list[TermHit]] | None = None
    if terms is not None:
        hits = {a.id: [] for a in arts}
        for hit in terms.hits:
            hits.setdefault(hit.article, []).append(hit)
    framing = analyse_framing(
        arts,
        result.alignment,
        lexicons,
        hits=hits,
        progress=sub_progress(progress, 0.0, 0.7),
        is_cancelled=is_cancelled,
    )
    report = sub_progress(progress, 0.7, 1.0)
    report(0.0, "Distinctive vocabulary")
    vocab = distinctive_terms(arts, is_cancelled=is_cancelled)
    report(0.5, "Readability")
    check_cancelled(is_cancelled)
    scores = tuple(readability_of(a) for a in arts)
    report(1.0, "Framing, vocabulary and readability done")
    return replace(result, framing=framing, distinctive_terms=vocab, readability=scores)
