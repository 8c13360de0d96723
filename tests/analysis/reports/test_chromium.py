"""The HTML report of hostile articles, opened in a real browser: nothing runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import pytest

from analysis.model import Article
from analysis.reports import render_report
from analysis.result import ComparisonResult
from analysis.settings import CompareSettings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

PAYLOADS = (
    "<script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script>",
    "<img src=x onerror=\"document.title='pwned';document.body.setAttribute('data-pwned','1')\">",
    "<svg onload=\"document.title='pwned'\"></svg>",
    "<a href=\"javascript:document.title='pwned'\">click</a>",
    "<iframe src=\"javascript:parent.document.title='pwned'\"></iframe>",
    "</mark></p></td><script>document.title='pwned'</script>",
    '"><body onload="document.title=\'pwned\'">',
)


def _hostile() -> ComparisonResult:
    evil = Article.from_parts(
        title="Headline " + PAYLOADS[0],
        paragraphs=[f"Paragraph {i}: {p}" for i, p in enumerate(PAYLOADS)],
        outlet="Evil " + PAYLOADS[1],
        source=PAYLOADS[2],
        url="javascript:document.title='pwned'",
        author=PAYLOADS[6],
    )
    plain = Article.from_parts(
        title="A calm headline", paragraphs=["Nothing to see."], outlet="Calm", source="calm.txt"
    )
    return ComparisonResult((evil, plain), CompareSettings(), "2024-01-01T00:00:00+00:00")


def _dump_dom(path: Path) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=2000",
                "--dump-dom", path.as_uri(),
            ],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    if done.returncode != 0 or "<html" not in done.stdout:
        pytest.skip(f"chromium could not run here: {done.stderr.strip()[-300:]}")
    return done.stdout


def test_hostile_report_runs_nothing_in_chromium(tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    written = render_report(_hostile(), "html").decode("utf-8")
    path.write_text(written, encoding="utf-8")
    dom = _dump_dom(path)

    def title(html: str) -> str:
        found = re.search(r"<title>(.*?)</title>", html, re.S)
        assert found is not None
        return unescape(found.group(1))

    def tags(html: str) -> list[str]:
        return re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)\b", html.split("<body", 1)[1])

    # The title and the element tree the browser ends with are the ones written: no script
    # ran (it would have set the title and a data-pwned attribute) and no element was added.
    assert title(dom) == title(written)
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert tags(dom) == tags(written)
    assert not {"script", "iframe", "img"} & set(tags(dom))
    # Every payload is still there, as visible text.
    for payload in PAYLOADS:
        assert payload.split(">", 1)[0].replace("<", "&lt;") in dom
