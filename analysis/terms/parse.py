"""Parsing lexicon TOML into :class:`~analysis.terms.lexicon.Category` values.

Each problem becomes a :class:`~analysis.terms.lexicon.LexiconFileError` naming the file and,
where it can be found, the line; valid categories and terms of the same file still load.
The format is described in :mod:`analysis.terms.lexicon` and ``docs/lexicons.md``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from typing import Any

from analysis.terms.lexicon import Category, LexiconFileError, Term

__all__ = ["parse_lexicon"]

_NAME_RE = re.compile(r"^[A-Za-z0-9_-]+$")
_TOML_LINE_RE = re.compile(r"at line (\d+)")


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
