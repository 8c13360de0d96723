"""The one way Slant writes a file the user named: atomically, and never over a special file.

* A regular file (or a new name) gets a temporary file in the same folder, fsynced, then
  :func:`os.replace`, then the folder is fsynced so the rename itself survives a crash. A
  crash therefore leaves the old file or the new one, never half of one.
* A symbolic link is written *through*: the file it points to is replaced atomically and
  the link stays a link.
* A FIFO, a terminal or another device (``-o /dev/stdout``) is written into directly, as a
  shell redirection would; a FIFO nobody reads from is refused at once instead of hanging.
* A replaced file keeps its permissions; a new one gets the usual ``0666 & ~umask``.
* Temporary files that an earlier, killed save left behind (``.<name>.*.tmp`` older than
  a minute) are removed, and this save's own is removed on any failure.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from pathlib import Path

__all__ = ["atomic_write"]

_ORPHAN_AGE = 60.0  # seconds: younger temporary files may belong to a save still running


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (see the module docstring for what happens when).

    Raises:
        OSError: When the folder is missing or not writable, ``path`` is a folder, or it is
            a FIFO with no reader; ``strerror`` is a short reason for the user.
    """
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None  # a new file, or a link to one still to be made
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OSError(errno.EISDIR, "it is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_into(path, data)
        return
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    _replace(target, data, None if info is None else stat.S_IMODE(info.st_mode))


def _write_into(path: Path, data: bytes) -> None:
    """Write into a FIFO or device as it is (O_NONBLOCK only so a readerless FIFO fails)."""
    nonblock = getattr(os, "O_NONBLOCK", 0)  # absent on Windows, where FIFOs are not files
    try:
        fd = os.open(path, os.O_WRONLY | nonblock | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "it is a pipe that nothing reads from") from exc
        raise
    try:
        if nonblock:
            os.set_blocking(fd, True)  # then block like any write
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    folder = path.parent
    _remove_orphans(folder, path.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # never leave a half-written temporary file behind
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; some systems cannot open or fsync a folder (ignored)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_orphans(folder: Path, name: str) -> None:
    now = time.time()
    try:
        candidates = list(folder.glob(f".{_glob_escape(name)}.*.tmp"))
    except OSError:
        return
    for old in candidates:
        with contextlib.suppress(OSError):
            info = old.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > _ORPHAN_AGE:
                old.unlink()


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def _umask() -> int:
    # os.umask can only be read by setting it; done once per save, in one thread at a time
    # is not guaranteed, so read it from /proc where Linux offers it.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current
