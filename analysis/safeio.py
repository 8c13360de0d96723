"""The one safe way Slant opens a file it was handed: articles and projects alike.

:func:`read_regular_file` opens without blocking (a FIFO named ``story.slant`` would
otherwise hang the open for ever), checks on the opened descriptor that it is a regular
file (so ``/dev/zero`` behind a symbolic link is refused before a byte is read), and reads
at most ``max_bytes + 1`` bytes (a file that grows meanwhile is cut off and refused).
Failures are one :class:`FileRefused` whose ``reason`` completes "the file …" sentences and
whose ``kind`` callers turn into their own error codes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["FileRefused", "read_regular_file"]

_CHUNK = 1 << 20


class FileRefused(Exception):
    """A file Slant will not read.

    Attributes:
        kind: ``not_found``, ``loop``, ``directory``, ``special``, ``too_large`` or
            ``unreadable``.
        reason: A sentence fragment for the user ("this is a folder, not a file.").
    """

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """Read a whole regular file of at most ``max_bytes`` bytes.

    Raises:
        FileRefused: When the path is missing, a loop of links, a folder, a device or pipe,
            larger than ``max_bytes``, or unreadable.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _refusal(exc) from exc
    except ValueError as exc:  # a NUL character: no file can have that name
        raise FileRefused("not_found", "no such file.") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused("directory", "this is a folder, not a file.")
        if not stat.S_ISREG(info.st_mode):  # devices and pipes would never end
            raise FileRefused("special", "this is a device or pipe, not a file.")
        if info.st_size > max_bytes:
            raise FileRefused("too_large", _too_large(max_bytes))
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as exc:
        raise _refusal(exc) from exc
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise FileRefused("too_large", _too_large(max_bytes))
    return data


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _too_large(max_bytes: int) -> str:
    return f"the file is larger than {max_bytes / 1_000_000:g} MB."


def _refusal(exc: OSError) -> FileRefused:
    if exc.errno == errno.ENOENT:
        return FileRefused("not_found", "no such file.")
    if exc.errno == errno.ELOOP:
        return FileRefused("loop", "the path is a loop of symbolic links.")
    if exc.errno == errno.EISDIR:
        return FileRefused("directory", "this is a folder, not a file.")
    if exc.errno == errno.ENXIO:  # a socket, or a FIFO with nothing behind it
        return FileRefused("special", "this is a device or pipe, not a file.")
    reason = (exc.strerror or "input/output error").lower()
    return FileRefused("unreadable", f"the file cannot be read ({reason}).")
