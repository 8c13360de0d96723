"""Turn bytes into text: refuse binary data, then BOM, declared charset, UTF-8, detection.

Western single-byte code pages are easily confused by detectors (charset-normalizer
calls a short Windows-1252 file "cp1250", which turns "à" into "ŕ"). News in English
and Western European languages is far more common here, so when the detector picks a
Latin code page and Windows-1252 decodes the bytes into ordinary letters and
punctuation, Windows-1252 wins. Latin-1 text decodes identically under it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from analysis.ingest.errors import BinaryContent, EmptySource, UndecodableText

__all__ = ["decode_bytes", "html_declared_charset", "looks_binary"]

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "an executable program"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LATIN_PAGES = frozenset(
    "cp1250 cp1252 cp1254 cp1257 latin_1 iso8859_2 iso8859_9 iso8859_15 mac_roman "
    "mac_latin2 cp850 cp437 cp858".split()
)
_TYPOGRAPHY = frozenset("‘’‚“”„–—…€£¥°©®™·«»¿¡§×÷½¼¾•†‰ \u00a0")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_CONTROL_LIMIT = 0.01
_WIDE = ("utf_16", "utf_32")  # detector guesses that need a BOM to be believed
# An ASCII letter directly beside a letter outside the Latin blocks, as in "Mﮰller".
_MIXED_SCRIPT = re.compile(r"[A-Za-z](?=[^\W\d_\u0000-\u024f])|[^\W\d_\u0000-\u024f](?=[A-Za-z])")
# Control characters (category Cc) other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode a document's bytes into text.

    Args:
        data: The raw bytes.
        declared: A charset named by the HTTP header or the page's ``<meta>``, if any.

    Returns:
        The text (BOM removed, line endings untouched).

    Raises:
        EmptySource: When there are no bytes or only whitespace.
        BinaryContent: When the bytes are a known binary format or not text at all.
        UndecodableText: When no encoding fits.
    """
    text = _decode(data, declared)
    if not text.strip():
        raise EmptySource("the file is empty.")
    if _control_share(text) > _CONTROL_LIMIT:
        raise BinaryContent("the file holds binary data, not text.")
    return text


def looks_binary(data: bytes) -> str | None:
    """Name the binary format of ``data`` (``"a PDF document"``), or None if it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    return "binary data" if b"\x00" in data[:65536] else None


def html_declared_charset(data: bytes) -> str | None:
    """Return the charset a page's ``<meta>`` declares in its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _decode(data: bytes, declared: str | None) -> str:
    if not data.strip():
        raise EmptySource("the file is empty.")
    kind = looks_binary(data)
    if kind is not None:
        raise BinaryContent(f"the file is {kind}, not text.")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec) or _fail()  # a BOM, then bytes it cannot decode
    for name in (declared, "utf-8"):
        decoded = _strict(data, name) if name else None
        if decoded is not None:
            return decoded
    return _detect(data)


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = codecs.lookup(best.encoding).name.replace("-", "_") if best else None
    if guess is not None and guess.startswith(_WIDE):
        # Without a BOM these guesses are noise: wide text in Latin script has NUL bytes
        # (refused as binary before we get here), so "Café" would become "䍡曩".
        best = guess = None
    western = _strict(data, "cp1252")
    # Short texts fool the detector into exotic pages ("Müller" as Urdu "Mﮰller"):
    # Latin letters glued to another script's letters are that mojibake, not text.
    latin_guess = guess is None or guess in _LATIN_PAGES or _MIXED_SCRIPT.search(str(best))
    if western is not None and latin_guess and _plain(western):
        return western
    if best is None:
        return _fail()
    return str(best)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _plain(text: str) -> bool:
    """Whether every non-ASCII character is a letter or common typography."""
    return all(
        ch.isascii() or ch in _TYPOGRAPHY or unicodedata.category(ch).startswith("L") for ch in text
    )


def _control_share(text: str) -> float:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def _fail() -> str:
    raise UndecodableText("the text's encoding could not be recognised.")
