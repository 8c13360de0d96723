"""Many articles from one file: CSV or JSON Lines with one article per row.

The shape Media Cloud and news APIs export. Columns are found by name (case and spacing
ignored; see :data:`DEFAULT_COLUMNS`) or given by a mapping such as
``{"text": "story_body", "outlet": "publisher"}``. Only the text is required. A row that
cannot become an article is skipped with one sentence naming its row number (the header is
row 1 of a CSV; the first line is row 1 of a JSONL file); the other rows still load.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from analysis.errors import LoadError
from analysis.ingest.assemble import iso_date
from analysis.ingest.encoding import decode_bytes, looks_binary
from analysis.ingest.errors import (
    BinaryContent,
    EmptySource,
    SourceNotFound,
    SourceTooLarge,
    UnreadableSource,
)
from analysis.ingest.plaintext import parse_plaintext
from analysis.model import Article

__all__ = [
    "DEFAULT_COLUMNS",
    "FIELDS",
    "MAX_TABLE_BYTES",
    "TABLE_SUFFIXES",
    "TableColumns",
    "TableLoad",
    "is_table",
    "load_table",
    "parse_columns",
    "table_columns",
]

MAX_TABLE_BYTES = 200_000_000
TABLE_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
FIELDS = ("text", "title", "outlet", "url", "date", "author")
#: Column names tried for each field, in order, when no mapping names one.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "story_text", "article", "full_text", "maintext"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "media_name", "publication", "publisher", "source", "media"),
    "url": ("url", "link", "guid"),
    "date": ("date", "publish_date", "published", "published_at", "pub_date", "date_publish"),
    "author": ("author", "authors", "byline"),
}


@dataclass(frozen=True, slots=True)
class TableLoad:
    """The articles of a table file and a sentence for each row skipped.

    Attributes:
        articles: One article per usable row, in file order (repeated texts once).
        problems: ``"row 4: no text in column 'text'."`` for each row skipped.
    """

    articles: tuple[Article, ...]
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableColumns:
    """The columns of a table file, for choosing which column holds what.

    Attributes:
        columns: Column names in file order (for JSONL, the keys of the first rows).
        found: The column found by name for each of :data:`FIELDS`, or None.
        example: The first row's value in each column (cut to 80 characters).
    """

    columns: tuple[str, ...]
    found: Mapping[str, str | None]
    example: Mapping[str, str]

    @property
    def needs_mapping(self) -> bool:
        """Whether no column is named like an article's text (the user must pick one)."""
        return self.found.get("text") is None


_PREVIEW_ROWS = 50


def table_columns(path: str) -> TableColumns:
    """Read a table file's column names and guess which holds what (as :func:`load_table`).

    Raises:
        LoadError: When the file cannot be read or has no header or rows.
    """
    data = _read(Path(path))
    suffix = Path(path).suffix.lower()
    text = decode_bytes(data)
    rows = _csv_rows(text, suffix) if TABLE_SUFFIXES[suffix] == "csv" else _jsonl_rows(text)
    names: dict[str, None] = {}
    example: dict[str, str] = {}
    first_problem = ""
    for number, row in itertools.islice(rows, _PREVIEW_ROWS):
        if isinstance(row, str):
            first_problem = first_problem or f" (row {number}: {row})"
            continue
        for key, value in row.items():
            names.setdefault(str(key))
            example.setdefault(str(key), " ".join(str(value).split())[:80])
    if not names:
        raise LoadError(f"no row of the table has named columns{first_problem}.", code="load.table")
    found = _pick_columns(names, {}, strict=False)
    return TableColumns(tuple(names), MappingProxyType(found), MappingProxyType(example))


def is_table(source: str) -> bool:
    """Whether ``source`` is a path whose extension names a table of articles."""
    return Path(source).suffix.lower() in TABLE_SUFFIXES and "://" not in source


def parse_columns(spec: str) -> dict[str, str]:
    """Parse ``text=body,outlet=media_name`` into a mapping of field to column.

    Raises:
        LoadError: For an unknown field or a part without ``=`` (code ``load.columns``).
    """
    mapping: dict[str, str] = {}
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        field, eq, column = part.partition("=")
        field = field.strip().lower()
        if not eq or field not in FIELDS or not column.strip():
            raise LoadError(
                f"'{part}' is not FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}.",
                code="load.columns",
            )
        mapping[field] = column.strip()
    return mapping


def load_table(
    path: str, *, columns: Mapping[str, str] | None = None, outlet: str | None = None
) -> TableLoad:
    """Load every row of a CSV, TSV or JSONL file as an article.

    Args:
        path: The file.
        columns: Field → column name for fields whose column is not found by name.
        outlet: Outlet for every row, overriding the outlet column.

    Raises:
        LoadError: When the file cannot be read at all, has no text column, or no row loads.
    """
    data = _read(Path(path))
    kind = TABLE_SUFFIXES[Path(path).suffix.lower()]
    text = decode_bytes(data)
    rows = _csv_rows(text, Path(path).suffix.lower()) if kind == "csv" else _jsonl_rows(text)
    articles: list[Article] = []
    problems: list[str] = []
    seen: set[str] = set()
    fallback = Path(path).stem or "Table"
    picks: dict[frozenset[str], dict[str, str | None]] = {}  # JSONL rows differ in keys
    for number, row in rows:
        if isinstance(row, str):  # a line that could not be read as a row
            problems.append(f"row {number}: {row}")
            continue
        keys = frozenset(str(k) for k in row)
        if keys not in picks:
            picks[keys] = _pick_columns(keys, columns or {}, strict=kind == "csv")
        try:
            article = _article(row, picks[keys], f"{path}#row{number}", outlet, fallback)
        except LoadError as exc:
            problems.append(f"row {number}: {exc}")
            continue
        if article.id not in seen:
            seen.add(article.id)
            articles.append(article)
    if not articles:
        reason = problems[0] if problems else "it holds no rows"
        raise LoadError(f"no article could be read from the table ({reason}).", code="load.table")
    return TableLoad(tuple(articles), tuple(problems))


def _read(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise SourceNotFound("no such file.")
        if path.stat().st_size > MAX_TABLE_BYTES:
            raise SourceTooLarge(f"the table is larger than {MAX_TABLE_BYTES // 1_000_000} MB.")
        data = path.read_bytes()
    except OSError as exc:
        reason = (exc.strerror or "input/output error").lower()
        raise UnreadableSource(f"the file cannot be read ({reason}).") from exc
    if not data.strip():
        raise EmptySource("the file is empty.")
    if kind := looks_binary(data[:4096]):
        raise BinaryContent(f"this is {kind}, not a table of articles.")
    return data


def _csv_rows(text: str, suffix: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    delimiter = "\t" if suffix == ".tsv" else ","
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_TABLE_BYTES)  # an article's text is longer than the 128 KB default
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise LoadError("the table has no header row.", code="load.table")
        names = [h.strip() for h in header]
        for row in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                yield number, f"{len(row)} cells where the header has {len(names)}."
                continue
            yield number, dict(zip(names, row, strict=True))
    except csv.Error as exc:
        raise LoadError(f"the CSV cannot be read ({exc}).", code="load.table") from exc
    finally:
        csv.field_size_limit(limit)


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            yield number, "not valid JSON."
            continue
        if not isinstance(value, dict):
            yield number, "not a JSON object with named fields."
            continue
        yield number, value


def _pick_columns(names: Any, given: Mapping[str, str], *, strict: bool) -> dict[str, str | None]:
    """Map each field to a column; ``strict`` (CSV) refuses a missing column outright."""
    by_key = {_key(n): str(n) for n in sorted(names)}
    picked: dict[str, str | None] = {}
    for field in FIELDS:
        if field in given:
            column = by_key.get(_key(given[field]))
            if column is None and strict:
                known = ", ".join(by_key.values())
                raise LoadError(
                    f"the table has no column '{given[field]}' (columns: {known}).",
                    code="load.columns",
                )
            picked[field] = column
        else:
            picked[field] = next((by_key[k] for k in DEFAULT_COLUMNS[field] if k in by_key), None)
    if picked["text"] is None and strict:
        raise LoadError(
            "the table has no text column; name it with a column mapping such as text=body "
            f"(columns: {', '.join(by_key.values())}).",
            code="load.columns",
        )
    return picked


def _key(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def _article(
    row: Mapping[str, Any],
    picked: Mapping[str, str | None],
    source: str,
    outlet: str | None,
    fallback: str,
) -> Article:
    def value(field: str) -> str | None:
        column = picked.get(field)
        raw = row.get(column) if column else None
        if isinstance(raw, list):  # JSON author lists
            raw = ", ".join(str(x) for x in raw)
        return str(raw).strip() if raw not in (None, "") else None

    text = value("text")
    if not text:
        where = f"in column '{picked['text']}'" if picked["text"] else "column"
        raise LoadError(f"no text {where}.", code="load.row_empty")
    article = parse_plaintext(
        text.replace("\r\n", "\n"),
        source=source,
        outlet=outlet or value("outlet"),
        title=value("title"),  # None: the text's first line is the headline
        url=value("url"),
        fallback_outlet=fallback,
    )
    date, author = iso_date(value("date")), value("author")
    return replace(article, date=date or article.date, author=author or article.author)
