"""Many articles from one CSV or JSONL file; .docx and .pdf articles (real files built here)."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from analysis.errors import LoadError
from analysis.ingest import load_source
from analysis.ingest.table import load_table, parse_columns

ROWS = [
    {
        "title": "Council backs ferry plan",
        "text": "The council voted on Monday to fund the ferry.\n\nResidents cheered.",
        "media_name": "Harbour Times",
        "publish_date": "2025-05-17 09:30:00",
        "url": "https://harbour.example/ferry",
    },
    {
        "headline": "Ferry plan passes",
        "text": "Councillors approved the ferry plan after a long debate.",
        "media_name": "Ferry Post",
    },
    {
        "text": "Tolls to rise\nThe new ferry will charge a toll, the council said.",
        "media_name": "Bay News",
    },
]


def test_three_row_jsonl_loads_three_articles(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    loaded = load_table(str(path))
    assert loaded.problems == ()
    first, second, third = loaded.articles
    assert (first.outlet, first.title, first.date) == (
        "Harbour Times",
        "Council backs ferry plan",
        "2025-05-17",
    )
    assert first.url == "https://harbour.example/ferry"
    assert first.text.endswith("Residents cheered.") and len(first.paragraphs) == 3
    assert (second.outlet, second.title) == ("Ferry Post", "Ferry plan passes")
    assert (third.outlet, third.title) == ("Bay News", "Tolls to rise")  # first line of the text
    assert first.source == f"{path}#row1" and third.source == f"{path}#row3"


def test_csv_with_a_column_mapping_and_clear_errors_per_row(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "story,paper,when\n"
        '"Ferry vote passes\n\nThe council voted on Monday.",Harbour Times,2025-05-17\n'
        ",Empty Daily,2025-05-18\n"
        "one cell only\n"
        '"Ferry row\n\nCouncillors argued late into the night.",Bay News,\n',
        encoding="utf-8",
    )
    loaded = load_table(str(path), columns=parse_columns("text=story, outlet=paper, date=when"))
    assert [a.outlet for a in loaded.articles] == ["Harbour Times", "Bay News"]
    assert loaded.articles[0].date == "2025-05-17"
    assert loaded.problems == (
        "row 5: no text in column 'story'.",
        "row 6: 1 cells where the header has 3.",
    )
    with pytest.raises(LoadError) as err:
        load_table(str(path))  # no column is called text, body, content, …
    assert err.value.code == "load.columns" and "text=body" in str(err.value)
    with pytest.raises(LoadError) as err:
        parse_columns("words=story")
    assert err.value.code == "load.columns"


def test_a_table_with_no_usable_row_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": ""}\n[1, 2]\nnot json\n', encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_table(str(path))
    assert err.value.code == "load.table" and "row 1: no text" in str(err.value)


def test_docx_loads_as_an_article(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.author = "Petra Linde"
    document.add_heading("Ferry vote passes", level=1)
    document.add_paragraph("The council voted on Monday to fund the new ferry.")
    document.add_paragraph("Residents cheered the result outside the hall.")
    path = tmp_path / "harbour-times.docx"
    document.save(str(path))
    article = load_source(str(path), outlet="Harbour Times")
    assert (article.title, article.outlet, article.author) == (
        "Ferry vote passes",
        "Harbour Times",
        "Petra Linde",
    )
    assert len(article.paragraphs) == 3
    assert article.text.endswith("Residents cheered the result outside the hall.")


def test_damaged_docx_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(LoadError) as err:
        load_source(str(path))
    assert err.value.code == "load.docx" and str(err.value).count(".") <= 3


def _pdf(pages: list[bytes]) -> bytes:
    """A minimal PDF written by hand: one page per content stream, Helvetica text."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, content in enumerate(pages):
        stream = zlib.compress(content)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _text_page(lines: list[str]) -> bytes:
    ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
    ops += [b"(" + line.encode("latin-1") + b") Tj T*" for line in lines]
    return b" ".join(ops) + b" ET"


def test_pdf_text_layer_loads_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "bay-news.pdf"
    path.write_bytes(
        _pdf(
            [
                _text_page(
                    [
                        "Ferry vote passes",
                        "",
                        "The council voted on Monday to fund the new ferry service across the",
                        "bay, after a debate that lasted most of the afternoon.",
                        "",
                        "Residents cheered.",
                    ]
                )
            ]
        )
    )
    article = load_source(str(path))
    assert article.title == "Ferry vote passes"
    assert article.outlet == "bay-news"
    body = [article.text[p.start : p.end] for p in article.paragraphs[1:]]
    assert body[0].startswith("The council voted on Monday") and body[0].endswith("afternoon.")
    assert body[-1] == "Residents cheered."


def test_scanned_pdf_without_text_is_one_clear_sentence(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf([b"0 0 0 rg 72 72 468 648 re f"]))  # a filled box: no text at all
    with pytest.raises(LoadError) as err:
        load_source(str(path))
    assert err.value.code == "load.pdf_no_text"
    assert "no text layer" in str(err.value) and "\n" not in str(err.value)
