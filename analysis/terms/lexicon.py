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
:func:`load_lexicon_file`). User files live in ``settings.user_lexicon_dir`` or
``<user config>/slant/lexicons``; each malformed entry or file becomes a
:class:`LexiconFileError` in :attr:`LexiconSet.errors` naming file and line, and the rest
still loads.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import LexiconError
from analysis.resources import resource
from analysis.terms.settings import TermSettings

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
    "default_user_lexicon_dir",
    "load_lexicon_file",
    "load_lexicons",
    "parse_lexicon",
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

_NAME_RE = re.compile(r"^[A-Za-z0-9_-]+$")
_TOML_LINE_RE = re.compile(r"at line (\d+)")


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


def default_user_lexicon_dir() -> Path:
    """Return ``<user config dir>/slant/lexicons`` (platformdirs; may not exist)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("slant", appauthor=False)) / "lexicons"


def load_lexicons(settings: TermSettings | None = None) -> LexiconSet:
    """Load the built-in lexicons and the user's own, minus switched-off categories.

    Args:
        settings: Term settings; defaults when None.

    Returns:
        The lexicon set. Problems in user files are in ``errors``; they never stop the
        other files or categories from loading.

    Raises:
        LexiconError: Only when a built-in lexicon is broken (a bug in Slant).
    """
    settings = settings or TermSettings()
    cats: list[Category] = []
    files: list[LexiconFile] = []
    folder = resource("lexicons")
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml")):
        raw = folder.joinpath(name).read_bytes()
        found, errors = parse_lexicon(raw, name, builtin=True)
        if errors:
            raise errors[0]
        cats.extend(found)
        files.append(LexiconFile(name, hashlib.sha256(raw).hexdigest(), True))
    errs: list[LexiconFileError] = []
    if settings.use_user_lexicons:
        user_dir = (
            Path(settings.user_lexicon_dir)
            if settings.user_lexicon_dir
            else default_user_lexicon_dir()
        )
        _load_user_dir(user_dir, cats, files, errs)
    off = set(settings.disabled_categories)
    return LexiconSet(
        categories=tuple(c for c in cats if c.name not in off),
        files=tuple(files),
        errors=tuple(errs),
    )


def load_lexicon_file(path: Path, *, builtin: bool = False) -> tuple[LexiconSet, bytes]:
    """Read one lexicon file on its own (e.g. the framing frame seeds).

    Returns:
        The set (categories and errors of that file) and the raw bytes read.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        err = LexiconFileError(
            str(path), None, f"cannot be read ({exc.strerror}).", code="lexicon.unreadable"
        )
        return LexiconSet((), (), (err,)), b""
    cats, errors = parse_lexicon(raw, str(path), builtin=builtin)
    info = LexiconFile(str(path), hashlib.sha256(raw).hexdigest(), builtin)
    return LexiconSet(tuple(cats), (info,), tuple(errors)), raw


def _load_user_dir(
    folder: Path, cats: list[Category], files: list[LexiconFile], errs: list[LexiconFileError]
) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.toml")):
        single, _ = load_lexicon_file(path)
        errs.extend(single.errors)
        files.extend(single.files)
        taken = {c.name for c in cats}
        for cat in single.categories:
            if cat.name in taken:
                errs.append(
                    LexiconFileError(
                        str(path),
                        None,
                        f"category '{cat.name}' already exists; give it another name.",
                        code="lexicon.duplicate_category",
                    )
                )
                continue
            cats.append(cat)
            taken.add(cat.name)


def parse_lexicon(
    raw: bytes, source: str, *, builtin: bool = False
) -> tuple[list[Category], list[LexiconFileError]]:
    """Parse the bytes of one lexicon file.

    Args:
        raw: File content (UTF-8 TOML).
        source: File name or path, used in messages and provenance.
        builtin: Whether the file ships with Slant.

    Returns:
        The valid categories and one error per problem found.
    """
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        return [], [LexiconFileError(source, None, "is not UTF-8 text.", code="lexicon.encoding")]
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE_RE.search(str(exc))
        line = int(found.group(1)) if found else None
        problem = f"is not valid TOML ({str(exc).split(' (at')[0].lower()})."
        return [], [LexiconFileError(source, line, problem, code="lexicon.syntax")]
    parser = _Parser(source, text, hashlib.sha256(raw).hexdigest(), builtin)
    entries = data.get("category")
    if not isinstance(entries, list) or not entries:
        parser.fail(None, "has no [[category]] tables.", "lexicon.schema")
        return [], parser.errors
    cats = [c for c in (parser.category(e) for e in entries) if c is not None]
    return cats, parser.errors


class _Parser:
    """Validates category tables of one file, collecting errors with line numbers."""

    def __init__(self, source: str, text: str, digest: str, builtin: bool) -> None:
        self.source = source
        self.lines = text.splitlines()
        self.digest = digest
        self.builtin = builtin
        self.errors: list[LexiconFileError] = []
        self.names: set[str] = set()

    def fail(self, line: int | None, problem: str, code: str) -> None:
        self.errors.append(LexiconFileError(self.source, line, problem, code=code))

    def line_of(self, needle: str, after: int = 0) -> int | None:
        """1-based number of the first line at or after ``after`` containing ``needle``."""
        for number, line in enumerate(self.lines[after:], start=after + 1):
            if needle in line:
                return number
        return None

    def category(self, entry: Any) -> Category | None:
        if not isinstance(entry, Mapping):
            self.fail(None, "a [[category]] entry is not a table.", "lexicon.schema")
            return None
        name = entry.get("name")
        if not isinstance(name, str) or not _NAME_RE.match(name):
            line = self.line_of("[[category]]")
            self.fail(line, "a category needs a name of letters, digits, _ or -.", "lexicon.schema")
            return None
        line = self.line_of(f'"{name}"') or 0
        if name in self.names:
            self.fail(line, f"category '{name}' is defined twice.", "lexicon.duplicate_category")
            return None
        self.names.add(name)
        loaded = entry.get("loaded", False)
        if not isinstance(loaded, bool):
            self.fail(line, f"'loaded' of '{name}' must be true or false.", "lexicon.schema")
            return None
        inflect = entry.get("inflect", True) is not False
        terms = self.terms(name, entry.get("terms"), line, inflect)
        if terms is None:
            return None
        return Category(
            name=name,
            description=str(entry.get("description", "")).strip(),
            loaded=loaded,
            rationale=" ".join(str(entry.get("rationale", "")).split()),
            terms=terms,
            source=self.source,
            version=self.digest,
            builtin=self.builtin,
        )

    def terms(self, name: str, raw: Any, line: int, inflect: bool) -> tuple[Term, ...] | None:
        if not isinstance(raw, list):
            self.fail(line or None, f"category '{name}' needs a 'terms' list.", "lexicon.schema")
            return None
        seen: set[str] = set()
        out: list[Term] = []
        cursor = line  # terms are searched in file order, so each finds its own line
        for item in raw:
            text = item.get("text") if isinstance(item, Mapping) else item
            if isinstance(text, str):
                cursor = self.line_of(f'"{text}"', cursor) or cursor
            term = self.term(item, cursor, inflect)
            if term is None:
                continue
            if term.key in seen:
                self.fail(cursor, f"term '{term.text}' is listed twice.", "lexicon.duplicate_term")
                continue
            seen.add(term.key)
            out.append(term)
        return tuple(out)

    def term(self, item: Any, line: int, inflect: bool) -> Term | None:
        if isinstance(item, Mapping):
            text, note = item.get("text"), item.get("note", "")
            exclude, forms = item.get("exclude", []), item.get("forms", [])
            own_inflect = item.get("inflect", inflect)
            cased = item.get("case_sensitive", False) is True
        else:
            text, note, exclude, forms, own_inflect, cased = item, "", [], [], inflect, False
        if not isinstance(text, str) or not any(ch.isalnum() for ch in text):
            self.fail(line or None, "an empty or wordless term was skipped.", "lexicon.empty_term")
            return None
        if not _strings(exclude) or not _strings(forms):
            self.fail(
                line or None,
                f"'exclude' and 'forms' of '{text}' must be lists of text.",
                "lexicon.schema",
            )
            return None
        return Term(
            text=" ".join(text.split()),
            note=str(note),
            exclude=tuple(exclude),
            forms=tuple(forms),
            inflect=own_inflect is not False and not cased,
            case_sensitive=cased,
        )


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
