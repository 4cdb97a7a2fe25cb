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

import json
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import filelock
import sqlite_utils

from .messages import CoreError
from .paths import schema_dir

DB_NAME = "case.sqlite"
LOCK_NAME = ".lock"
SUBDIRS = ("originals", "derived", "exports", "tmp")


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


def original_relpath(sha256: str, ext: str | None) -> str:
    """Where a case keeps an original, relative to the case folder (the one home of this rule)."""
    return f"originals/{sha256}.{ext}" if ext else f"originals/{sha256}"


def original_path(root: str | os.PathLike, row: dict) -> Path:
    """The stored original of an exhibit row, in the case folder `root`."""
    return Path(root) / original_relpath(row["sha256"], row.get("ext"))


class Case:
    """An open case. Use Case.create() or Case.open(); close() when done (or use `with`)."""

    def __init__(self, root: Path, db: sqlite_utils.Database, lock: filelock.BaseFileLock | None):
        self.root = root
        self.db = db
        self._lock = lock

    # ----- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, root: str | os.PathLike, title: str, **info) -> "Case":
        root = Path(root)
        if (root / DB_NAME).exists():
            raise CoreError("case_exists", path=str(root))
        root.mkdir(parents=True, exist_ok=True)
        case = cls._open(root, writable=True)
        stamp = now_iso()
        with case.db.atomic():
            case.db["case_info"].insert({"id": 1, "title": title, "created_at": stamp, "updated_at": stamp,
                                         **info})
        return case

    @classmethod
    def open(cls, root: str | os.PathLike, writable: bool = True) -> "Case":
        root = Path(root)
        if not root.exists():
            raise CoreError("case_missing", path=str(root))
        if not (root / DB_NAME).is_file():
            raise CoreError("not_a_case", path=str(root))
        case = cls._open(root, writable)
        if writable:
            from .recovery import recover
            recover(case)
        return case

    @classmethod
    def _open(cls, root: Path, writable: bool) -> "Case":
        lock = None
        if writable:
            lock = filelock.FileLock(str(root / LOCK_NAME))
            try:
                lock.acquire(timeout=0)
            except filelock.Timeout:
                raise CoreError("case_busy", path=str(root)) from None
        try:
            for sub in SUBDIRS:
                (root / sub).mkdir(exist_ok=True)
            conn = sqlite3.connect(str(root / DB_NAME), timeout=30, isolation_level=None,
                                   check_same_thread=False)
            db = sqlite_utils.Database(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            case = cls(root, db, lock)
            case._migrate()
            return case
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def _migrate(self) -> None:
        conn = self.db.conn
        steps = migrations()
        found = conn.execute("PRAGMA user_version").fetchone()[0]
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
