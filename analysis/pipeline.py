"""One comparison, end to end: :func:`compare` runs every analysis step in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from analysis.align.aligner import align_articles
from analysis.disagree.step import disagree_step
from analysis.errors import AnalysisError
from analysis.leans import with_leans
from analysis.model import Article
from analysis.progress import CancelFn, ProgressFn, check_cancelled, sub_progress
from analysis.ratings import Ratings
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings
from analysis.settings_schema import validate_settings
from analysis.steps import framing_step
from analysis.terms.report import analyse_terms

__all__ = ["compare"]


def compare(
    articles: Sequence[Article],
    settings: CompareSettings | None = None,
    *,
    progress: ProgressFn | None = None,
    is_cancelled: CancelFn | None = None,
    ratings: Ratings | None = None,
) -> ComparisonResult:
    """Compare articles: align passages, find loaded terms, framing, vocabulary, readability.

    Args:
        articles: Two or more articles (duplicates by id are an error).
        settings: Comparison settings; defaults when None.
        progress: Called with ``(fraction, label)`` as work proceeds.
        is_cancelled: Polled at safe points; when true the work stops.
        ratings: The user's outlet ratings; each outlet's lean is then in ``result.leans``.

    Returns:
        The frozen result.

    Raises:
        AnalysisError: With fewer than two articles, or two with the same text.
        SettingsError: When a setting has the wrong type or lies outside its range.
        Cancelled: When ``is_cancelled()`` became true.
    """
    settings = settings or CompareSettings()
    validate_settings(settings)  # a unit size of 0 would never finish aligning
    arts = tuple(articles)
    if len(arts) < 2:
        raise AnalysisError("Comparing needs at least two articles.", code="analysis.too_few")
    if len({a.id for a in arts}) != len(arts):
        raise AnalysisError("Two of the articles have identical text.", code="analysis.duplicate")
    check_cancelled(is_cancelled)
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    result = ComparisonResult(articles=arts, settings=settings, created=created)
    # --- steps: each package wires its step here, with its share of the progress bar ---
    alignment = align_articles(
        arts,
        settings.alignment,
        progress=sub_progress(progress, 0.0, 0.5),
        is_cancelled=is_cancelled,
    )
    result = replace(result, alignment=alignment)
    terms = analyse_terms(
        arts, settings.terms, progress=sub_progress(progress, 0.5, 0.7), is_cancelled=is_cancelled
    )
    result = replace(result, terms=terms)
    result = framing_step(
        result, progress=sub_progress(progress, 0.7, 0.97), is_cancelled=is_cancelled
    )
    result = disagree_step(
        result, progress=sub_progress(progress, 0.97, 1.0), is_cancelled=is_cancelled
    )
    result = with_leans(result, ratings)
    check_cancelled(is_cancelled)
    if progress is not None:
        progress(1.0, "Done")
    return result
