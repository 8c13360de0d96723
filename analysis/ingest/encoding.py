"""Turn bytes into text: refuse binary data, then BOM, declared charset, UTF-8, detection.

Western single-byte code pages are easily confused by detectors (charset-normalizer
calls a short Windows-1252 file "cp1250", which turns "à" into "ŕ"). News in English
and Western European languages is far more common here, so when the detector picks a
Latin code page and Windows-1252 decodes the bytes into ordinary letters and
punctuation, Windows-1252 wins. Latin-1 text decodes identically under it.

Two cases are told apart from those guesses:
- UTF-16 without a byte-order mark (as some Windows tools save): English text in it has a
  NUL byte in every other position, which used to be refused as "binary data". That
  pattern on one side of each byte pair, with none on the other, is read as UTF-16.
- Damaged UTF-8: bytes that hold valid multi-byte UTF-8 characters and also bytes that are
  not UTF-8. Guessing a code page there turns every accented letter and curly quote into
  two wrong characters ("CafÃ©") without a word; replacing the bad bytes would silently
  change quotations. A careful reader wants neither, so the file is refused with one
  sentence saying how many bytes are bad and where the first one is. A file with no valid
  multi-byte UTF-8 at all is a legacy code page and is decoded as above.
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
_SAMPLE = 65536
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that surrogateescape could not decode
# One well-formed UTF-8 character of two to four bytes (RFC 3629's table).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


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
    if any(data.startswith(bom) for bom, _ in _BOMS) or _utf16_order(data):
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
    wide = _utf16_order(data)
    if wide is not None:
        return _strict(data, wide) or _fail(f"the text looks like {wide.upper()} but is not.")
    for name in (declared, "utf-8"):
        decoded = _strict(data, name) if name else None
        if decoded is not None:
            return decoded
    _refuse_damaged_utf8(data)
    return _detect(data)


def _utf16_order(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the bytes look like BOM-less UTF-16, else None.

    Text in a Latin script saved as UTF-16 has a NUL high byte in most byte pairs: at odd
    offsets (little-endian) or even ones (big-endian), and almost never on the other side.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for order, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= 0.3 * pairs and low <= 0.01 * pairs:
            return order
    return None


def _refuse_damaged_utf8(data: bytes) -> None:
    """Raise when ``data`` is UTF-8 with some bytes that are not (see the module notes)."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if not valid:
        return
    text = data.decode("utf-8", "surrogateescape")
    bad = [m.start() for m in _ESCAPED.finditer(text)]
    if valid < len(bad):
        return  # a code page whose bytes happen to pair up now and then
    line = text.count("\n", 0, bad[0]) + 1
    byte = ord(text[bad[0]]) - 0xDC00
    what = "1 byte that is not" if len(bad) == 1 else f"{len(bad):,} bytes that are not"
    raise UndecodableText(
        f"the file is UTF-8 except for {what} (the first, 0x{byte:02X}, on line {line}); "
        "re-save it as UTF-8."
    )


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


def _fail(message: str = "the text's encoding could not be recognised.") -> str:
    raise UndecodableText(message)
