"""The case store: a folder the user can copy as a whole (DESIGN §6).

    case.sqlite   SQLite (WAL, foreign keys), schema from the numbered files in schema/
    originals/    the user's files, named <sha256>.<ext>, read-only, never changed
    derived/      thumbnails, key frames, OCR: always rebuildable
    exports/      generated bundles
    tmp/          files being copied in; anything left here after a crash is removed on open

One writer at a time: a process that opens a case for writing holds `.lock` and, on open,
finishes or undoes whatever an interrupted import left behind.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import filelock
import sqlite_utils

from .messages import CoreError
from .paths import schema_dir

DB_NAME = "case.sqlite"
LOCK_NAME = ".lock"
SUBDIRS = ("originals", "derived", "exports", "tmp")
# Called with (case, RecoveryReport) when opening a case undid or found something the user should know.
recovery_listeners: list = []


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(schema_dir().glob("*.sql")):
        m = re.match(r"(\d+)_", path.name)
        if m:
            found.append((int(m.group(1)), path))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"schema/ migrations must be numbered 1..N without gaps, found {numbers}")
    return found


def schema_version() -> int:
    return len(migrations())


def _split_sql(script: str) -> list[str]:
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip() and not all(l.strip().startswith("--") or not l.strip() for l in buf.splitlines()):
        statements.append(buf.strip())
    return statements


_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_EXT = re.compile(r"^[a-z0-9]{1,10}$")


def original_relpath(sha256: str, ext: str | None) -> str:
    """Where a case keeps an original, relative to the case folder (the one home of this rule).

    A case is data someone may have crafted: a row whose hash or extension is not what we write (a path
    with `/` or `..`) names no file at all and is refused before anything is opened."""
    if not isinstance(sha256, str) or not _SHA256.match(sha256) or \
            (ext and (not isinstance(ext, str) or not _EXT.match(ext))):
        raise CoreError("case_row_bad", name=f"{str(sha256)[:70]}.{str(ext)[:20]}")
    return f"originals/{sha256}.{ext}" if ext else f"originals/{sha256}"


# ----- recorded facts --------------------------------------------------------------------------------
# What an exhibit row records about the evidence itself and must never change silently: the bytes (their
# hash, extension and size), the name the file had, when it was made and how that time was found, when it
# was imported. A digest of them is kept with the row (exhibits.facts_digest); every writer of these columns
# goes through insert_exhibit / update_exhibit_row below, and `verify` recomputes it for every row.
# It is not keyed: it catches an accidental or naive edit (sqlite3, a database browser), not someone who
# recomputes it; what a forger cannot redo is the SHA-256 list printed and embedded in an exported PDF.
FACT_FIELDS = ("sha256", "ext", "size", "original_name", "captured_at", "captured_at_source", "created_at")
_FACTS_PREFIX = "evidence-binder exhibit facts v1\n"


def facts_digest(row) -> str:
    """SHA-256 over a canonical JSON of the row's FACT_FIELDS (the one definition of the digest)."""
    facts = {key: row[key] if key in row.keys() else None for key in FACT_FIELDS}
    text = json.dumps(facts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((_FACTS_PREFIX + text).encode("utf-8")).hexdigest()


def facts_intact(row) -> bool:
    """True when the row's recorded facts match the digest kept with it."""
    digest = row["facts_digest"] if "facts_digest" in row.keys() else None
    return isinstance(digest, str) and digest == facts_digest(row)


def insert_exhibit(db: sqlite_utils.Database, row: dict) -> int:
    """Insert an exhibit row, sealed. Returns its id."""
    row["facts_digest"] = facts_digest(row)
    return db["exhibits"].insert(row).last_pk


def update_exhibit_row(db: sqlite_utils.Database, exhibit_id: int, values: dict) -> None:
    """Write columns of an exhibit row; the one road for its recorded facts (FACT_FIELDS). When `values`
    touch them, the digest is recomputed in the same transaction, but only if the row was intact before:
    a row edited behind the app's back keeps its old digest and stays reported by verify (an edit in the
    app never launders it)."""
    if not set(values) & set(FACT_FIELDS):
        db["exhibits"].update(exhibit_id, values)
        return
    with db.atomic():
        cursor = db.conn.execute(f"SELECT {', '.join(FACT_FIELDS)}, facts_digest FROM exhibits WHERE id = ?",
                                 [exhibit_id])
        found = cursor.fetchone()
        if found is None:
            return
        before = dict(zip([d[0] for d in cursor.description], found))
        values = dict(values)
        if facts_intact(before):
            values["facts_digest"] = facts_digest({**before, **values})
        db["exhibits"].update(exhibit_id, values)


def _seal_unsealed(conn: sqlite3.Connection) -> None:
    """Seal the rows that have no digest yet (the migration that adds it; rows as they stand then)."""
    cursor = conn.execute(f"SELECT id, {', '.join(FACT_FIELDS)} FROM exhibits WHERE facts_digest IS NULL")
    names = [d[0] for d in cursor.description]
    updates = [(facts_digest(dict(zip(names, r))), r[0]) for r in cursor.fetchall()]
    conn.executemany("UPDATE exhibits SET facts_digest = ? WHERE id = ?", updates)


# Python steps run right after a migration's SQL (by its file name), in the same transaction.
_AFTER_MIGRATION = {"0009_facts_digest.sql": _seal_unsealed}


def original_path(root: str | os.PathLike, row: dict) -> Path:
    """The stored original of an exhibit row, in the case folder `root`."""
    return Path(root) / original_relpath(row["sha256"], row.get("ext"))


def _connect(root: Path, mode: str) -> sqlite3.Connection:
    """Open case.sqlite without ever creating it (mode=rw), or read-only."""
    return sqlite3.connect(f"file:{_uri_path(root / DB_NAME)}?{mode}", uri=True, timeout=30,
                           isolation_level=None, check_same_thread=False)


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(Path(os.path.abspath(path)).as_posix()))


def _is_failed_new(root: Path) -> bool:
    """A 0-byte case.sqlite beside no originals: what an interrupted `new` of an earlier version left."""
    try:
        empty = (root / DB_NAME).stat().st_size == 0
        originals = root / "originals"
        return empty and (not originals.is_dir() or not any(originals.iterdir()))
    except OSError:
        return False


def _check_header(path: Path, root: Path) -> None:
    """case.sqlite must be an SQLite file (random bytes or an empty file are not a case we can open)."""
    with open(path, "rb") as fh:
        head = fh.read(16)
    if not head:
        raise CoreError("case_db_empty", path=str(root))
    if head != b"SQLite format 3\x00":
        raise CoreError("case_damaged", path=str(root), detail="not an SQLite database")


def _precheck(root: Path) -> None:
    """Refuse a file that is not one of our cases without writing anything (read-only, immutable)."""
    try:
        _check_header(root / DB_NAME, root)
        conn = _connect(root, "mode=ro&immutable=1")
        try:
            _check_ours(conn, root)
        finally:
            conn.close()
    except CoreError as exc:
        # an empty schema with a -wal beside it may be a case whose tables are still in the WAL
        if exc.code != "case_db_empty" or not (root / f"{DB_NAME}-wal").exists() or \
                (root / DB_NAME).stat().st_size == 0:
            raise
    except sqlite3.DatabaseError as exc:
        raise db_error(exc, root) from None
    except OSError as exc:
        raise os_error(exc, root, "case_io_error") from None


def _check_ours(conn: sqlite3.Connection, root: Path) -> None:
    """Refuse, before writing anything, an SQLite file that is not one of our cases."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == 0:
        if names:
            raise CoreError("case_foreign", path=str(root))
        raise CoreError("case_db_empty", path=str(root))
    if not {"case_info", "exhibits", "sources"} <= names:
        raise CoreError("case_foreign", path=str(root))


def db_error(exc: sqlite3.DatabaseError, root: Path) -> CoreError:
    """An SQLite error in words: damaged, a full or failing disk, a read-only folder."""
    text = str(exc).lower()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return CoreError("case_damaged", path=str(root), detail=str(exc))
    if "full" in text or ("disk i/o error" in text and _nearly_full(root)):
        return CoreError("disk_full", path=str(root))  # SQLite says "disk I/O error" when it cannot make its -shm
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return CoreError("case_readonly", path=str(root))
    if "locked" in text or "busy" in text:
        return CoreError("case_busy", path=str(root))
    return CoreError("case_io_error", path=str(root), detail=str(exc))


def _nearly_full(root: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(root).free < 1024 * 1024
    except OSError:
        return False


def os_error(exc: OSError, path: Path, fallback: str) -> CoreError:
    """An OS error in words: a full disk, no permission, a read-only file system, a file in the way."""
    import errno

    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return CoreError("disk_full", path=str(path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return CoreError("case_readonly", path=str(path))
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return CoreError("case_parent_bad", path=str(path), detail="a file is in the way")
    return CoreError(fallback, path=str(path), detail=exc.strerror or str(exc))


@contextmanager
def writers_paused(root: str | os.PathLike, wait: float = 10.0):
    """Hold the case's writer lock for a read that must see a still case (verify): an import or a watch
    in progress is waited for up to `wait` seconds, then the case is said to be busy. Work in progress is
    never reported as tampering. On read-only media (no lock can be made) nobody is writing."""
    lock = filelock.FileLock(str(Path(root) / LOCK_NAME))
    try:
        lock.acquire(timeout=wait)
    except filelock.Timeout:
        raise CoreError("case_busy_verify", path=str(root)) from None
    except OSError:
        yield
        return
    try:
        yield
    finally:
        lock.release()


class Case:
    """An open case. Use Case.create() or Case.open(); close() when done (or use `with`)."""

    def __init__(self, root: Path, db: sqlite_utils.Database, lock: filelock.BaseFileLock | None):
        self.root = root
        self.db = db
        self._lock = lock

    # ----- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, root: str | os.PathLike, title: str, **info) -> "Case":
        """A new case, atomically: the database is made whole beside its final name and renamed into
        place, so a full disk or a kill leaves no half-made case.sqlite (and the title is never lost)."""
        root = Path(root)
        db_path = root / DB_NAME
        if os.path.lexists(db_path) and not _is_failed_new(root):
            raise CoreError("case_exists", path=str(root))
        try:
            root.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise CoreError("case_parent_bad", path=str(root), detail="not a folder") from None
        except OSError as exc:
            raise os_error(exc, root, "case_parent_bad") from None
        tmp = root / f".{DB_NAME}.{os.getpid()}.new"
        try:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
                if leftover.exists():
                    leftover.unlink()
            conn = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                stamp = now_iso()
                staged = cls(root, sqlite_utils.Database(conn), None)
                staged._migrate(creating=True)
                with staged.db.atomic():
                    staged.db["case_info"].insert({"id": 1, "title": title, "created_at": stamp, "updated_at": stamp,
                                                   **info})
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            if os.path.lexists(db_path):  # the empty file a failed `new` of an earlier version left
                os.remove(db_path)
            os.link(tmp, db_path) if hasattr(os, "link") else os.rename(tmp, db_path)
        except FileExistsError:
            raise CoreError("case_exists", path=str(root)) from None
        except sqlite3.DatabaseError as exc:
            raise db_error(exc, root) from None
        except OSError as exc:
            raise os_error(exc, root, "case_parent_bad") from None
        finally:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                try:
                    leftover.unlink()
                except OSError:
                    pass
        return cls._open(root, writable=True)

    @classmethod
    def open(cls, root: str | os.PathLike, writable: bool = True) -> "Case":
        root = Path(root)
        if not root.exists():
            raise CoreError("case_missing", path=str(root))
        if not root.is_dir() or not (root / DB_NAME).is_file():
            raise CoreError("not_a_case", path=str(root))
        case = cls._open(root, writable)
        if writable:
            from .recovery import recover
            try:
                case.recovery = report = recover(case)
            except BaseException:
                case.close()
                raise
            if report.rolled_back or report.orphans or report.foreign_temp:
                for listener in list(recovery_listeners):  # the CLI and the GUI say it out loud
                    listener(case, report)
        return case

    recovery = None  # what recover() did when the case was opened for writing (a RecoveryReport)

    @classmethod
    def _open(cls, root: Path, writable: bool) -> "Case":
        for sub in SUBDIRS:  # a crafted case could point tmp/ or originals/ at the user's own files
            path = root / sub
            if os.path.islink(path) or (os.path.lexists(path) and not path.is_dir()):
                raise CoreError("case_folder_bad", name=sub, path=str(root))
        _precheck(root)  # before the lock file or any folder is made: a foreign file is never written beside
        lock = None
        if writable:
            lock = filelock.FileLock(str(root / LOCK_NAME))
            try:
                lock.acquire(timeout=0)
            except filelock.Timeout:
                raise CoreError("case_busy", path=str(root)) from None
            except OSError as exc:
                raise os_error(exc, root, "case_io_error") from None
        conn = None
        try:
            _check_header(root / DB_NAME, root)
            if writable:
                for sub in SUBDIRS:
                    (root / sub).mkdir(exist_ok=True)
            conn = _connect(root, "mode=rw")
            try:
                _check_ours(conn, root)
            except sqlite3.OperationalError as exc:
                if writable or not ("readonly" in str(exc) or "unable to open" in str(exc)):
                    raise
                conn.close()  # a case on read-only media: read it as it is, without a -shm file
                conn = _connect(root, "mode=ro&immutable=1")
                _check_ours(conn, root)
            db = sqlite_utils.Database(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            case = cls(root, db, lock)
            case._migrate()
            return case
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
            if isinstance(exc, sqlite3.DatabaseError):
                raise db_error(exc, root) from None
            if isinstance(exc, OSError):
                raise os_error(exc, root, "case_io_error") from None
            raise

    def _migrate(self, creating: bool = False) -> None:
        conn = self.db.conn
        steps = migrations()
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found == 0 and not creating:
            raise CoreError("case_db_empty", path=str(self.root))
        if found > len(steps):
            raise CoreError("case_newer", found=found, supported=len(steps))
        if found == len(steps):
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, path in steps:
                if number <= current:
                    continue
                for statement in _split_sql(path.read_text(encoding="utf-8")):
                    conn.execute(statement)
                if path.name in _AFTER_MIGRATION:
                    _AFTER_MIGRATION[path.name](conn)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        try:
            self.db.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> "Case":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def writable(self) -> bool:
        return self._lock is not None

    # ----- places --------------------------------------------------------------------------
    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    def original_path(self, sha256: str, ext: str) -> Path:
        return self.root / original_relpath(sha256, ext)

    # ----- reading -------------------------------------------------------------------------
    def info(self) -> dict:
        rows = list(self.db["case_info"].rows)
        return rows[0] if rows else {}

    def exhibit_by_sha(self, sha256: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM exhibits WHERE sha256 = ?", [sha256]))
        return rows[0] if rows else None

    def exhibits(self, include_deleted: bool = False, ids=None) -> list[dict]:
        """The exhibits in order; with `ids`, only those (what an operation changed)."""
        where = [] if include_deleted else ["deleted_at IS NULL"]
        params: list = []
        if ids is not None:
            ids = list(ids)
            where.append(f"id IN ({','.join('?' * len(ids))})")
            params = ids
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = list(self.db.query(f"SELECT * FROM exhibits {clause} ORDER BY number, part, id", params))
        sources: dict[int, list[dict]] = {}
        source_where = f"WHERE exhibit_id IN ({','.join('?' * len(ids))})" if ids is not None else ""
        for src in self.db.query(f"SELECT * FROM sources {source_where} ORDER BY id", params):
            sources.setdefault(src["exhibit_id"], []).append(src)
        for row in rows:
            row["sources"] = sources.get(row["id"], [])
            row["media"] = json.loads(row.pop("media_json") or "{}")
            row["reason_params"] = json.loads(row["reason_params"] or "{}")
        return rows

    def next_number(self) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(number), 0) FROM exhibits WHERE deleted_at IS NULL").fetchone()
        return row[0] + 1
