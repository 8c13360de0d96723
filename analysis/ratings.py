"""Outlet ratings the user supplies: a CSV of ``domain, outlet, lean`` (none is bundled).

Slant ships no opinion on any outlet. A user who has one (their own, or a rating service's
they may use) writes it as CSV::

    domain,outlet,lean
    example-left.org,The Example Left,left
    ,Centre Daily,center
    right.example.com,,lean right

Either ``domain`` or ``outlet`` may be empty, not both. ``lean`` is one of :data:`LEANS`
(a few spellings are accepted: ``centre``, ``left-center``, ``-2`` … ``2``). A bad row is
skipped with one sentence in :attr:`Ratings.problems`; the good rows still count.

An article matches a rating by its URL's domain (``www.`` and sub-domains fold onto the
rated domain) or, failing that, by its outlet name (case and spacing ignored).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from analysis.errors import SlantError
from analysis.model import Article

__all__ = [
    "LEANS",
    "SIDES",
    "OutletRating",
    "Ratings",
    "RatingsError",
    "load_ratings",
    "parse_ratings",
    "side_of",
]

LEANS = ("left", "lean left", "center", "lean right", "right")
SIDES = ("left", "center", "right")
_MAX_BYTES = 5_000_000
_SPELLINGS = {
    "far left": "left",
    "-2": "left",
    "left center": "lean left",
    "center left": "lean left",
    "-1": "lean left",
    "centrist": "center",
    "0": "center",
    "right center": "lean right",
    "center right": "lean right",
    "1": "lean right",
    "+1": "lean right",
    "far right": "right",
    "2": "right",
    "+2": "right",
}
_DOMAIN = re.compile(r"^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$")


class RatingsError(SlantError):
    """The ratings file cannot be used at all (unreadable, not CSV, or no usable row)."""

    default_code = "ratings"


@dataclass(frozen=True, slots=True)
class OutletRating:
    """One row of the ratings file.

    Attributes:
        domain: Lower-case domain without ``www.``, or None.
        outlet: Outlet name as written, or None.
        lean: One of :data:`LEANS`.
    """

    domain: str | None
    outlet: str | None
    lean: str

    @property
    def side(self) -> str:
        """``left``, ``center`` or ``right`` (leaning counts as its side)."""
        return side_of(self.lean)


def side_of(lean: str) -> str:
    """Fold a lean of :data:`LEANS` onto a side of :data:`SIDES`."""
    return lean.removeprefix("lean ")


@dataclass(frozen=True, slots=True)
class Ratings:
    """The usable rows of a ratings file and a sentence for each row that was skipped.

    Attributes:
        entries: The usable rows, in file order.
        problems: One sentence for each row skipped.
        name: The file's name (reports say where the leans came from).
    """

    entries: tuple[OutletRating, ...]
    problems: tuple[str, ...] = ()
    name: str = "ratings"
    _by_domain: Mapping[str, OutletRating] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )
    _by_outlet: Mapping[str, OutletRating] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )

    @classmethod
    def build(
        cls, entries: Iterable[OutletRating], problems: Iterable[str] = (), name: str = "ratings"
    ) -> Ratings:
        """Assemble ratings with their domain and outlet-name lookups."""
        rows = tuple(entries)
        domains = {r.domain: r for r in rows if r.domain}
        outlets = {_outlet_key(r.outlet): r for r in rows if r.outlet}
        return cls(
            rows, tuple(problems), name, MappingProxyType(domains), MappingProxyType(outlets)
        )

    def rating_for(self, outlet: str | None, url: str | None = None) -> OutletRating | None:
        """The rating of an outlet, by URL domain first, then by outlet name; None if unrated."""
        host = _host(url)
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        if outlet:
            return self._by_outlet.get(_outlet_key(outlet))
        return None

    def lean_of(self, article: Article) -> str | None:
        """The lean of an article's outlet (by its URL, else its source URL, else its name)."""
        url = article.url or (article.source if "://" in article.source else None)
        rating = self.rating_for(article.outlet, url)
        return rating.lean if rating else None


def load_ratings(path: Path | str) -> Ratings:
    """Read a ratings CSV file.

    Args:
        path: The file (UTF-8, optional byte-order mark).

    Returns:
        The usable rows; skipped rows are described in ``problems``.

    Raises:
        RatingsError: When the file cannot be read, is too big, or has no usable row.
    """
    name = Path(path).name
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RatingsError(
            f"cannot read the ratings file {path} ({exc.strerror}).", code="ratings.read"
        ) from exc
    if len(data) > _MAX_BYTES:
        raise RatingsError(f"the ratings file {name} is over 5 MB.", code="ratings.size")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RatingsError(
            f"the ratings file {name} is not UTF-8 text.", code="ratings.encoding"
        ) from exc
    return parse_ratings(text, name=name)


def parse_ratings(text: str, *, name: str = "ratings") -> Ratings:
    """Parse ratings CSV text (see the module docstring for the format).

    Raises:
        RatingsError: When no row is usable.
    """
    if "\x00" in text:
        raise RatingsError(f"the ratings file {name} is not CSV text.", code="ratings.binary")
    entries: list[OutletRating] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#") or _is_header(cells, number):
            continue
        try:
            rating = _parse_row(cells)
        except ValueError as exc:
            problems.append(f"{name} line {number}: {exc}; row skipped.")
            continue
        key = rating.domain or "outlet:" + _outlet_key(rating.outlet or "")
        if key in seen:
            problems.append(
                f"{name} line {number}: {key.removeprefix('outlet:')} was already rated on "
                f"line {seen[key]}; row skipped."
            )
            continue
        seen[key] = number
        entries.append(rating)
    if not entries:
        detail = f" ({problems[0]})" if problems else ""
        raise RatingsError(
            f"the ratings file {name} has no usable row of domain, outlet, lean{detail}.",
            code="ratings.empty",
        )
    return Ratings.build(entries, problems, name)


def _is_header(cells: list[str], number: int) -> bool:
    return number == 1 and [c.lower() for c in cells[:3]] == ["domain", "outlet", "lean"]


def _parse_row(cells: list[str]) -> OutletRating:
    if len(cells) != 3:
        raise ValueError(f"expected 3 fields (domain, outlet, lean), found {len(cells)}")
    domain_text, outlet, lean_text = cells
    if not domain_text and not outlet:
        raise ValueError("give a domain or an outlet name")
    domain = _domain(domain_text) if domain_text else None
    lean = _lean(lean_text)
    return OutletRating(domain=domain, outlet=outlet or None, lean=lean)


def _domain(text: str) -> str:
    host = _host(text if "://" in text else "http://" + text)
    if host is None or not _DOMAIN.match(host):
        raise ValueError(f"'{text[:60]}' is not a domain such as example.com")
    return host


def _lean(text: str) -> str:
    raw = text.strip().lower()
    key = raw if re.fullmatch(r"[+-]?\d", raw) else " ".join(re.split(r"[\s_-]+", raw))
    key = key.replace("centre", "center")
    lean = key if key in LEANS else _SPELLINGS.get(key)
    if lean is None:
        choices = ", ".join(LEANS)
        raise ValueError(f"'{text[:40]}' is not a lean; use one of {choices}")
    return lean


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host.removeprefix("www.")


def _outlet_key(outlet: str) -> str:
    return " ".join(outlet.casefold().split())
