"""The ways loading can fail, each a :class:`~analysis.errors.LoadError` with a stable code.

Messages are one plain sentence each; the CLI prints ``slant: <source>: <message>``.
"""

from __future__ import annotations

from analysis.errors import LoadError

__all__ = [
    "BinaryContent",
    "EmptySource",
    "FetchError",
    "InvalidArticleJson",
    "NoArticleText",
    "SourceNotFound",
    "SourceTooLarge",
    "UndecodableText",
    "UnreadableSource",
    "UnsupportedSource",
]


class EmptySource(LoadError):
    """The source holds no text (empty or whitespace only)."""

    default_code = "load.empty"


class BinaryContent(LoadError):
    """The source is binary data (an image, PDF, executable, NUL bytes …), not text."""

    default_code = "load.binary"


class UndecodableText(LoadError):
    """No text encoding fits the bytes."""

    default_code = "load.encoding"


class SourceTooLarge(LoadError):
    """The file or download is over the size limit."""

    default_code = "load.too_large"


class NoArticleText(LoadError):
    """The page or document parsed, but holds no article text."""

    default_code = "load.no_text"


class UnsupportedSource(LoadError):
    """The file type or URL scheme is not one Slant reads."""

    default_code = "load.unsupported"


class SourceNotFound(LoadError):
    """The path does not exist."""

    default_code = "load.not_found"


class UnreadableSource(LoadError):
    """The path exists but cannot be read (permissions, a directory, an I/O error)."""

    default_code = "load.unreadable"


class InvalidArticleJson(LoadError):
    """A ``.json`` file is not an article Slant wrote."""

    default_code = "load.json"


class FetchError(LoadError):
    """Downloading a URL failed; ``code`` tells how (``load.url.dns``, ``load.url.timeout`` …)."""

    default_code = "load.url"
