"""Arbitrary bytes and strings into every loader: only LoadError may escape."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import LoadError
from analysis.ingest import load_bytes, load_pasted, load_source
from analysis.ingest.dispatch import _load_stream
from analysis.model import Article

KINDS = ("text", "markdown", "html", "json")
SUFFIXES = (".txt", ".md", ".html", ".json", "")
# Bytes with a bias towards text-like and markup-like content, where parsers have most paths.
TEXTISH = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(["<html>", "<p>", "</p>", "---\n", "# ", "\n\n", "date 2024-01-01 ",
                         '{"text": ', "é", "\x00", "\ufeff", "Word. ", "“", "http://x.example"]),
        max_size=60,
    ).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
)  # fmt: skip
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(result: Article) -> None:
    assert result.text == result.text.strip()
    for span in (*result.paragraphs, *result.sentences):
        assert 0 <= span.start < span.end <= len(result.text)


@pytest.mark.parametrize("kind", KINDS)
@FUZZ
@given(data=TEXTISH)
def test_load_bytes(kind: str, data: bytes) -> None:
    try:
        _check(load_bytes(data, kind=kind, source=f"fuzz.{kind}"))
    except LoadError as exc:
        assert exc.code.startswith("load") and str(exc)


@FUZZ
@given(text=st.text(max_size=400), title=st.one_of(st.none(), st.text(max_size=40)))
def test_load_pasted(text: str, title: str | None) -> None:
    try:
        _check(load_pasted(text, title=title))
    except LoadError as exc:
        assert exc.code.startswith("load") and str(exc)


@FUZZ
@given(data=TEXTISH, suffix=st.sampled_from(SUFFIXES))
def test_load_source_files(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            _check(load_source(str(path)))
        except LoadError as exc:
            assert exc.code.startswith("load") and str(exc)


@FUZZ
@given(source=st.text(max_size=80))
def test_load_source_arbitrary_strings(source: str) -> None:
    if source == "-":
        return  # standard input is covered by its own test
    if source.lower().startswith(("http://", "https://")):
        source = "gopher" + source[source.index(":") :]  # no traffic from a fuzz test
    try:
        load_source(source)
    except LoadError as exc:
        assert exc.code.startswith("load") and str(exc)


@FUZZ
@given(data=TEXTISH)
def test_standard_input(data: bytes) -> None:
    try:
        _check(_load_stream(io.BytesIO(data), outlet=None))
    except LoadError as exc:
        assert exc.code.startswith("load") and str(exc)
