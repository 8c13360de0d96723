"""Bytes to text: BOMs, declared charsets, Windows-1252 and Latin-1 detection, binary refusal."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from analysis.errors import LoadError
from analysis.ingest import load_source
from analysis.ingest.encoding import decode_bytes, html_declared_charset, looks_binary

WESTERN = "The mayor’s “bold” plan will cost €5m, said José Müller — a café owner in the old town."
LATIN1 = "José Müller, a café owner, said the naïve plan would cost 5,000 crowns; 20°C at noon."


def test_windows_1252_file_keeps_curly_quotes_euro_and_accents(tmp_path: Path) -> None:
    path = tmp_path / "w1252.txt"
    path.write_bytes(f"Plan criticised\n\n{WESTERN}\n".encode("cp1252"))
    article = load_source(str(path))
    assert article.span_text(article.sentences[1]) == WESTERN
    assert article.title == "Plan criticised"


def test_latin1_file_keeps_accents(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(f"Café owners object\n\n{LATIN1}\n".encode("latin-1"))
    article = load_source(str(path))
    assert article.title == "Café owners object"
    assert LATIN1 in article.text


def test_cyrillic_single_byte_text_is_not_forced_into_windows_1252() -> None:
    text = "Переговоры о пароме возобновились в понедельник, сообщили чиновники города."
    decoded = decode_bytes(text.encode("cp1251"))
    # The detector may pick a sibling Cyrillic code page for the first capital; what
    # matters here is that Windows-1252 did not turn the text into Latin mojibake.
    assert "пароме возобновились в понедельник" in decoded


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks(codec: str) -> None:
    data = WESTERN.encode(codec)
    assert data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE))
    assert decode_bytes(data) == WESTERN


def test_declared_charset_beats_detection() -> None:
    data = "Ærø ferry".encode("iso8859_15") + b" " * 3
    assert decode_bytes(data, declared="iso8859_15").strip() == "Ærø ferry"
    assert decode_bytes("ΑΒΓ news".encode("iso8859_7"), declared="iso8859_7") == "ΑΒΓ news"


def test_meta_charset_is_read_from_the_page_head() -> None:
    page = b'<html><head><meta charset="windows-1252"><title>x</title>'
    assert html_declared_charset(page) == "windows-1252"
    old = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    assert html_declared_charset(old) == "ISO-8859-1"
    assert html_declared_charset(b"<html><body>no charset</body></html>") is None


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"\x7fELF\x02\x01\x01", "an executable program"),
        (b"MZ\x90\x00\x03", "an executable program"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive or office document"),
        (b"plain words\x00with a NUL", "binary data"),
    ],
)
def test_binary_formats_are_named(data: bytes, kind: str) -> None:
    assert looks_binary(data) == kind
    with pytest.raises(LoadError) as exc:
        decode_bytes(data)
    assert exc.value.code == "load.binary"
    assert kind in str(exc.value)


def test_control_character_soup_is_binary() -> None:
    data = bytes(range(1, 32)) * 20 + b"some words"
    with pytest.raises(LoadError) as exc:
        decode_bytes(data)
    assert exc.value.code == "load.binary"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_or_whitespace(data: bytes) -> None:
    with pytest.raises(LoadError) as exc:
        decode_bytes(data)
    assert exc.value.code == "load.empty"


def test_bom_followed_by_invalid_bytes_is_undecodable() -> None:
    with pytest.raises(LoadError) as exc:
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfa broken")
    assert exc.value.code == "load.encoding"


@pytest.mark.parametrize("text", ["Café", "Müller süß", "Noël à Zürich"])
def test_short_windows_1252_is_not_taken_for_utf16(text: str) -> None:
    # Even byte counts without a BOM let the detector guess UTF-16 and print CJK mojibake.
    assert decode_bytes(text.encode("cp1252")) == text


def test_bomless_bytes_no_code_page_fits_are_undecodable() -> None:
    # 0x81, 0x8d, 0x8f, 0x90 and 0x9d are undefined in Windows-1252; only a UTF-16 guess
    # would "decode" these, into a handful of unrelated CJK characters.
    with pytest.raises(LoadError) as exc:
        decode_bytes(b"\xfa\xfb\xfc\x81\x8d\x8f\x90\x9d\xfa\xfb")
    assert exc.value.code == "load.encoding"
