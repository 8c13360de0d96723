"""Loaded terms: lexicons, matching with offsets, frequencies, keyword in context.

Public API (names kept stable for the framing package and the GUI):

* :func:`load_lexicons` → :class:`LexiconSet` of :class:`Category` (built-in TOML files in
  ``resources/lexicons/`` plus the user's own); category-name constants such as
  :data:`VERBS_DISTANCING` and :data:`ATTRIBUTION_VERB_CATEGORIES`, :data:`HEDGES`,
  :data:`BOOSTERS`;
* :func:`find_terms` → :class:`TermHit` tuples with offsets and ``in_quote``;
* :func:`analyse_terms` → :class:`TermReport` (hits, rates per 1,000 words own voice vs
  quoted, per-term table, lexicon provenance, user-lexicon errors, language warnings);
* :func:`kwic` → :class:`KwicLine` tuples; :func:`terms_to_json` / :func:`terms_from_json`.
"""

from analysis.terms.kwic import KwicLine, kwic
from analysis.terms.language import language_warning
from analysis.terms.lexicon import (
    ATTRIBUTION_VERB_CATEGORIES,
    BOOSTERS,
    CONFLICT_METAPHOR,
    EMOTIVE,
    HEDGES,
    LABELS,
    MORAL,
    VERBS_DISTANCING,
    VERBS_EMOTIVE,
    VERBS_ENDORSING,
    VERBS_NEUTRAL,
    Category,
    LexiconFile,
    LexiconFileError,
    LexiconSet,
    Term,
)
from analysis.terms.load import default_user_lexicon_dir, load_lexicon_file, load_lexicons
from analysis.terms.matcher import TermHit, TermMatcher, find_terms
from analysis.terms.parse import parse_lexicon
from analysis.terms.rates import LOADED, ArticleRates, CategoryRate, TermRow
from analysis.terms.report import ArticleWarning, LexiconProblem, TermReport, analyse_terms
from analysis.terms.serialize import terms_from_json, terms_to_json
from analysis.terms.settings import TermSettings

__all__ = [
    "ATTRIBUTION_VERB_CATEGORIES",
    "BOOSTERS",
    "CONFLICT_METAPHOR",
    "EMOTIVE",
    "HEDGES",
    "LABELS",
    "LOADED",
    "MORAL",
    "VERBS_DISTANCING",
    "VERBS_EMOTIVE",
    "VERBS_ENDORSING",
    "VERBS_NEUTRAL",
    "ArticleRates",
    "ArticleWarning",
    "Category",
    "CategoryRate",
    "KwicLine",
    "LexiconFile",
    "LexiconFileError",
    "LexiconProblem",
    "LexiconSet",
    "Term",
    "TermHit",
    "TermMatcher",
    "TermReport",
    "TermRow",
    "TermSettings",
    "analyse_terms",
    "default_user_lexicon_dir",
    "find_terms",
    "kwic",
    "language_warning",
    "load_lexicon_file",
    "load_lexicons",
    "parse_lexicon",
    "terms_from_json",
    "terms_to_json",
]
