"""Lexicon files: categories of terms in TOML, built-in and the user's own.

A lexicon file holds one or more categories::

    [[category]]
    name = "labels"                 # unique across all files; letters, digits, _ and -
    description = "Pejorative labels for people, groups and governments."
    loaded = true                   # true: slanted wording; false: neutral marker
    rationale = "Why these words slant a story."
    inflect = true                  # optional, default true: slam → slams/slammed/slamming
    # A term may set: note, exclude, forms, inflect, case_sensitive (exact case only).
    terms = [
        "thug",                                      # a word or a phrase
        "stab in the back",
        { text = "regime", exclude = ["tax regime"], note = "not for technical senses" },
        { text = "say", forms = ["said"], inflect = false },
    ]

``exclude`` lists phrases (containing the term) in which it is not counted; ``forms``
adds irregular forms counted as the same term. Built-in files live in
``resources/lexicons/*.toml`` (sub-folders are not read: the framing frame seeds in
``resources/lexicons/frames/`` use the same format but load through
``load_lexicon_file`` in :mod:`analysis.terms.load`). User files live in
``settings.user_lexicon_dir`` or
``<user config>/slant/lexicons``; each malformed entry or file becomes a
:class:`LexiconFileError` in :attr:`LexiconSet.errors` naming file and line, and the rest
still loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis.errors import LexiconError

__all__ = [
    "ATTRIBUTION_VERB_CATEGORIES",
    "BOOSTERS",
    "CONFLICT_METAPHOR",
    "EMOTIVE",
    "HEDGES",
    "LABELS",
    "MORAL",
    "VERBS_DISTANCING",
    "VERBS_EMOTIVE",
    "VERBS_ENDORSING",
    "VERBS_NEUTRAL",
    "Category",
    "LexiconFile",
    "LexiconFileError",
    "LexiconSet",
    "Term",
]

# Built-in category names other packages may rely on (framing reads verbs and hedges).
LABELS = "labels"
EMOTIVE = "emotive"
BOOSTERS = "intensifiers"
HEDGES = "hedges"
CONFLICT_METAPHOR = "conflict_metaphor"
MORAL = "moral"
VERBS_NEUTRAL = "verbs_neutral"
VERBS_DISTANCING = "verbs_distancing"
VERBS_ENDORSING = "verbs_endorsing"
VERBS_EMOTIVE = "verbs_emotive"
#: Attribution verbs by stance, in display order.
ATTRIBUTION_VERB_CATEGORIES = (VERBS_NEUTRAL, VERBS_DISTANCING, VERBS_ENDORSING, VERBS_EMOTIVE)


class LexiconFileError(LexiconError):
    """A problem in one lexicon file, naming the file and (where known) the line.

    Attributes:
        path: The file as given.
        line: 1-based line number, or None when the problem concerns the whole file.
    """

    def __init__(self, path: str, line: int | None, problem: str, *, code: str) -> None:
        where = f"{Path(path).name}, line {line}" if line else Path(path).name
        super().__init__(f"Lexicon {where}: {problem}", code=code)
        self.path = path
        self.line = line


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: a word or phrase, matched case-insensitively.

    Attributes:
        text: The entry as written (its lower-cased form names the term in hits).
        note: Optional remark shown to users.
        exclude: Phrases containing the term in which it is not counted.
        forms: Extra (irregular) surface forms counted as this term.
        inflect: Whether regular inflections are matched too.
        case_sensitive: Match only the exact case written (the modal "may", not "May").
    """

    text: str
    note: str = ""
    exclude: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    inflect: bool = True
    case_sensitive: bool = False

    @property
    def key(self) -> str:
        """The normalised name of the term (lower case, single spaces)."""
        return " ".join(self.text.lower().split())


@dataclass(frozen=True, slots=True)
class Category:
    """A named list of terms with its purpose.

    Attributes:
        name: Unique name (``labels``, ``hedges``, ``verbs_distancing``, …).
        description: One line for users.
        loaded: True when the category marks slanted wording, False for neutral markers.
        rationale: Why these terms belong together and what counting them shows.
        terms: The entries.
        source: File name (built-in) or path (user file) the category came from.
        version: SHA-256 of that file, for provenance.
        builtin: Whether the category ships with Slant.
    """

    name: str
    description: str
    loaded: bool
    rationale: str
    terms: tuple[Term, ...]
    source: str
    version: str
    builtin: bool = True


@dataclass(frozen=True, slots=True)
class LexiconFile:
    """Provenance of one lexicon file that was read."""

    source: str
    sha256: str
    builtin: bool


@dataclass(frozen=True, slots=True)
class LexiconSet:
    """The categories in force for one analysis, with the problems met loading them."""

    categories: tuple[Category, ...]
    files: tuple[LexiconFile, ...] = ()
    errors: tuple[LexiconFileError, ...] = ()

    def category(self, name: str) -> Category:
        """Return the category called ``name``.

        Raises:
            KeyError: If there is no such category (or it is switched off).
        """
        for cat in self.categories:
            if cat.name == name:
                return cat
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        """Category names in load order."""
        return tuple(c.name for c in self.categories)

    @property
    def loaded_names(self) -> frozenset[str]:
        """Names of the categories flagged ``loaded``."""
        return frozenset(c.name for c in self.categories if c.loaded)
