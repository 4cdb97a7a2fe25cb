"""Opening files we are told about (by a case, a manifest, a watched folder) without trusting the telling.

Only regular files are ever opened, never by following a link unless asked, never blocking on a pipe
or a device; a name read from a case or a manifest is a plain name inside its folder, checked before
anything touches it.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

CHUNK = 1024 * 1024
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)


class NotRegular(OSError):
    """The path is a link, a pipe, a device, a socket or a folder: we do not open it."""

    def __init__(self, path, what: str):
        super().__init__(f"{what}: {path}")
        self.what = what  # link, pipe, device, socket, folder, other


def kind_of(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "folder"
    return "other"


def open_regular(path: str | os.PathLike, follow_links: bool = False):
    """A binary file object for `path` if it is a regular file; NotRegular otherwise (without blocking:
    a named pipe with no writer would hang a plain open() for ever)."""
    flags = os.O_RDONLY | _O_NONBLOCK | _O_BINARY | (0 if follow_links else _O_NOFOLLOW)
    st = os.stat(path, follow_symlinks=follow_links)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(path, kind_of(st.st_mode))
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if _O_NOFOLLOW and not follow_links and os.path.islink(path):
            raise NotRegular(path, "link") from exc
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped between the check and the open
            raise NotRegular(path, kind_of(st.st_mode))
        if _O_NONBLOCK and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def sha256_regular(path: str | os.PathLike, follow_links: bool = False) -> tuple[str, int]:
    """SHA-256 and size of a regular file, read in chunks (memory stays flat for any size)."""
    hasher = hashlib.sha256()
    size = 0
    with open_regular(path, follow_links) as fh:
        while chunk := fh.read(CHUNK):
            hasher.update(chunk)
            size += len(chunk)
    return hasher.hexdigest(), size


def plain_name(name) -> bool:
    """A single file name: no folder part, no `..`, not absolute, no NUL; what a manifest or a case
    row may name inside its own folder."""
    if not isinstance(name, str) or not name or name in (".", "..") or "\x00" in name:
        return False
    if "/" in name or "\\" in name or os.sep in name or (os.altsep and os.altsep in name):
        return False
    return not os.path.isabs(name) and not Path(name).drive


def child(folder: Path, name) -> Path | None:
    """`folder / name` when name is a plain name (see plain_name), else None."""
    return folder / name if plain_name(name) else None


def remove_tree(path: str | os.PathLike) -> None:
    """Delete a file or a folder of our own, never following a link out of it (read-only files too)."""
    import shutil

    def retry(func, p, _exc):
        try:
            if not os.path.islink(p):
                os.chmod(p, stat.S_IWRITE | stat.S_IREAD | stat.S_IEXEC)
            func(p)
        except OSError:
            pass
    try:
        if os.path.islink(path) or not os.path.isdir(path):
            os.remove(path)
        else:
            shutil.rmtree(path, onerror=retry)
    except FileNotFoundError:
        pass
    except OSError:
        try:
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
            os.remove(path)
        except OSError:
            pass  # left for the next clean-up


# ----- caches of our own (derived/: thumbnails, painted pictures) -------------------------------------
# derived/ is rebuildable, so anything found there that we would not have written (a link, a pipe, a
# folder where a file goes) is removed and made again; it is never followed, read through or written through.

def own_folder(path: Path) -> Path:
    """A folder of our own: made when missing; a link or a file in its place is removed, never followed."""
    path = Path(path)
    if os.path.islink(path) or (os.path.lexists(path) and not os.path.isdir(path)):
        remove_tree(path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def read_own(path: Path) -> bytes | None:
    """The bytes of a cached file of ours, or None when there is none to trust: missing, or not a regular
    file (a link, a pipe, a folder: removed, to be made again). Never blocks, never follows a link."""
    try:
        with open_regular(path) as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except NotRegular:
        remove_tree(path)
        return None


def write_own(path: Path, write) -> None:
    """Write a cached file of ours atomically: `write(fh)` fills a fresh temp file beside it (a new name,
    created exclusively: never through a link someone left), then it replaces `path` (a rename replaces a
    link itself, never its target)."""
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        if os.path.isdir(path) and not os.path.islink(path):
            remove_tree(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
