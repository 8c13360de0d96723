"""The built-in sample and its answer key agree (no loader needed: plain text checks).

``tests/data/sample_key.toml`` is the truth other tests assert against, so every text in it
must occur in the article it names, and together the key must cover every body sentence.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from analysis.resources import resource

KEY_PATH = Path(__file__).resolve().parent.parent / "data" / "sample_key.toml"
WIRE = "Meridian Wire"
# Same word definition as analysis.model.count_words, kept local so this check needs no loader.
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


def _parse(raw: str) -> tuple[dict[str, str], str, str]:
    """Split a sample file into front matter, headline and whitespace-collapsed body."""
    _, front, rest = raw.split("---\n", 2)
    meta = dict(line.split(": ", 1) for line in front.strip().splitlines())
    rest = re.sub(r"<!--.*?-->", "", rest, flags=re.S).strip()
    head, body = rest.split("\n", 1)
    assert head.startswith("# ")
    return meta, head[2:].strip(), " ".join(body.split())


@pytest.fixture(scope="module")
def key() -> dict:
    with KEY_PATH.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def articles(key: dict) -> dict[str, tuple[dict[str, str], str, str]]:
    folder = resource("samples", "event")
    out = {}
    for name, outlet in key["outlets"].items():
        out[outlet] = _parse(folder.joinpath(name).read_text(encoding="utf-8"))
    return out


def _texts_by_outlet(key: dict) -> dict[str, set[str]]:
    texts: dict[str, set[str]] = {outlet: set() for outlet in key["outlets"].values()}
    for passage in key["passage"]:
        texts[passage["source_outlet"]].add(passage["text"])
        for outlet, carried in passage["carried"].items():
            if carried["kind"] != "omitted":
                texts[outlet].add(carried["text"])
    for unique in key["unique"]:
        texts[unique["outlet"]].add(unique["text"])
    return texts


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text)).lower()


def test_sample_folder_holds_exactly_the_keyed_articles(key: dict) -> None:
    names = sorted(p.name for p in resource("samples", "event").iterdir() if p.name.endswith(".md"))
    assert names == sorted(key["outlets"])


def test_front_matter_headline_and_fiction_notice(key: dict, articles: dict) -> None:
    for outlet, (meta, headline, _) in articles.items():
        assert meta["outlet"] == outlet
        assert meta["notice"].startswith("FICTIONAL.")
        assert re.fullmatch(r"https://[a-z]+\.example/\S+", meta["url"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"])
        assert headline == key["headlines"][outlet]
    assert len(set(key["headlines"].values())) == 4


def test_each_article_is_400_to_700_words(articles: dict) -> None:
    for outlet, (_, _, body) in articles.items():
        assert 400 <= len(_WORD.findall(body)) <= 700, outlet


def test_every_key_text_occurs_in_its_article(key: dict, articles: dict) -> None:
    for outlet, texts in _texts_by_outlet(key).items():
        body = articles[outlet][2]
        missing = [t for t in texts if t not in body]
        assert not missing, (outlet, missing)


def test_key_covers_every_body_sentence(key: dict, articles: dict) -> None:
    for outlet, texts in _texts_by_outlet(key).items():
        rest = articles[outlet][2]
        for text in sorted(texts, key=len, reverse=True):
            rest = rest.replace(text, "")
        assert rest.strip() == "", (outlet, rest.strip())


def test_carried_kinds_match_the_texts(key: dict) -> None:
    for passage in key["passage"]:
        source = passage["text"]
        for outlet, carried in passage["carried"].items():
            kind = carried["kind"]
            if kind == "verbatim":
                assert carried["text"] == source, (passage["id"], outlet)
            elif kind == "edited":
                assert carried["text"] != source
                assert carried["changes"], (passage["id"], outlet)
                for old, new in carried["changes"]:
                    assert _words(old) in _words(source), (passage["id"], outlet, old)
                    assert _words(new) in _words(carried["text"]), (passage["id"], outlet, new)
            elif kind == "paraphrase":
                assert "changes" not in carried
                assert _words(carried["text"]) != _words(source)
            else:
                assert kind == "omitted" and "text" not in carried


def test_sample_has_every_kind_of_reuse_the_brief_asks_for(key: dict) -> None:
    kinds = [
        [c["kind"] for c in p["carried"].values()]
        for p in key["passage"]
        if p["source_outlet"] == WIRE
    ]
    assert sum(k.count("verbatim") >= 2 for k in kinds) >= 4
    assert sum(k.count("edited") for k in kinds) >= 6
    assert sum(k.count("paraphrase") for k in kinds) >= 2
    assert sum("omitted" in k for k in kinds) >= 3
    assert any(k.count("omitted") == 2 for k in kinds)  # carried by the wire and one other
    for outlet in set(key["outlets"].values()) - {WIRE}:
        assert sum(u["outlet"] == outlet for u in key["unique"]) >= 2, outlet


def _occurrences(term: str, text: str) -> list[int]:
    pattern = r"(?<!\w)" + re.escape(term) + r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, text, flags=re.I)]


def _inside_quote(pos: int, text: str) -> bool:
    return any(m.start() < pos < m.end() for m in _QUOTED.finditer(text))


def test_loaded_terms_occur_with_the_stated_quote_status(key: dict, articles: dict) -> None:
    for entry in key["loaded"]:
        _, headline, body = articles[entry["outlet"]]
        text = headline if entry.get("in_headline") else body
        hits = _occurrences(entry["term"], text)
        assert hits, entry
        statuses = {_inside_quote(pos, text) for pos in hits}
        assert entry["in_quote"] in statuses, entry


def test_quotes_and_their_speakers_occur(key: dict, articles: dict) -> None:
    for quote in key["quote"]:
        body = articles[quote["outlet"]][2]
        assert quote["speaker_as_written"] in body, quote
        pos = body.find(quote["text"])
        assert pos >= 0, quote
        assert _inside_quote(pos, body) == quote["direct"], quote


def test_sources_hedges_verbs_and_figures_occur(key: dict, articles: dict) -> None:
    for entry in key["anonymous_source"] + key["hedge"]:
        phrase = entry.get("phrase", entry.get("term"))
        assert _occurrences(phrase, articles[entry["outlet"]][2]), entry
    passages = {p["id"]: p for p in key["passage"]}
    for change in key["verb_change"]:
        passage = passages[change["passage"]]
        for outlet, verb in change["verbs"].items():
            text = passage["text"] if outlet == WIRE else passage["carried"][outlet]["text"]
            assert _occurrences(verb, text), (change["passage"], outlet, verb)
        assert len(set(change["verbs"].values())) >= 2
    for figure in key["figure"]:
        for outlet, value in figure["values"].items():
            _, headline, body = articles[outlet]
            assert value in body or value in headline, (figure["what"], outlet)
    for check in key["headline_check"]:
        assert check["best_body_sentence"] in articles[check["outlet"]][2]
