"""Loading lexicons: the built-in files and the user's own folder.

Built-in files are ``resources/lexicons/*.toml`` (found with
:func:`analysis.resources.resource`; sub-folders such as ``frames/`` are not read here).
User files are ``*.toml`` in ``TermSettings.user_lexicon_dir`` or, when that is unset,
``<user config dir>/slant/lexicons`` (platformdirs).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis.resources import resource
from analysis.safeio import FileRefused, read_regular_file
from analysis.terms.lexicon import Category, LexiconFile, LexiconFileError, LexiconSet
from analysis.terms.parse import parse_lexicon
from analysis.terms.settings import TermSettings

__all__ = ["default_user_lexicon_dir", "load_lexicon_file", "load_lexicons"]


_MAX_LEXICON_BYTES = 5_000_000


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
    try:  # a FIFO or /dev/zero named *.toml must neither hang nor fill memory
        raw = read_regular_file(path, _MAX_LEXICON_BYTES)
    except FileRefused as exc:
        reason = exc.reason.rstrip(".")
        err = LexiconFileError(
            str(path), None, f"cannot be read: {reason}.", code="lexicon.unreadable"
        )
        return LexiconSet((), (), (err,)), b""
    cats, errors = parse_lexicon(raw, str(path), builtin=builtin)
    info = LexiconFile(str(path), hashlib.sha256(raw).hexdigest(), builtin)
    return LexiconSet(tuple(cats), (info,), tuple(errors)), raw


def _load_user_dir(
    folder: Path, cats: list[Category], files: list[LexiconFile], errs: list[LexiconFileError]
) -> None:
    try:
        if not folder.is_dir():
            return
        paths = sorted(folder.glob("*.toml"))
    except OSError as exc:  # e.g. a folder without read permission
        reason = (exc.strerror or "input/output error").lower()
        errs.append(
            LexiconFileError(
                str(folder), None, f"the folder cannot be read ({reason}).", code="lexicon.folder"
            )
        )
        return
    for path in paths:
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
