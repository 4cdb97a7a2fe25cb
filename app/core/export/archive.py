"""Move a whole case between computers: one zip out, the same case back in, proved by SHA-256.

`archive` writes a consistent snapshot of the database (SQLite's backup API, under the case's writer
lock so no import is half-way), every original, optionally `derived/`, and `archive.json` listing
each file with its size and SHA-256. The zip is written to a temporary name and renamed into place.

`unarchive` treats the zip as hostile until proved otherwise. Before anything is written it checks
every entry: a name that escapes the destination (`..`, an absolute path, a drive letter, a
backslash), a link, anything beside the case's own parts, an entry count, total size or compression
ratio beyond sane bounds (zip bombs), a manifest that disagrees with the entries, a case from a newer
version. Then it extracts into a temporary folder beside the destination, counting bytes as it goes
(a header that lies about a size is caught), checks every SHA-256 against the manifest and every
original against its own name, opens the case (migrating an older one), and only then renames the
folder to the destination. A refusal leaves nothing behind.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable

from ... import __version__
from ..messages import CoreError
from ..store import DB_NAME, Case, now_iso, schema_version

FORMAT = "evidence-binder-case-archive"
MANIFEST = "archive.json"
CHUNK = 1 << 20

# Bounds for an archive someone sent you. A real case: thousands of files, tens of GB at most;
# media is already compressed, so a ratio over 200 is a bomb, not evidence.
MAX_ENTRIES = 200_000
MAX_TOTAL_BYTES = 256 * 1024**3
MAX_RATIO = 200
RATIO_FLOOR = 1 << 20          # entries smaller than this may compress as they like

Progress = Callable[[int, int], None]


@dataclass
class ArchiveResult:
    path: Path
    files: int
    bytes: int
    sha256: str


@dataclass
class UnarchiveResult:
    case_dir: Path
    files: int
    bytes: int
    exhibits: int
    migrated_from: int
    notes: list[str] = field(default_factory=list)


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ----- archive ---------------------------------------------------------------------------------
def archive(case_dir: str | os.PathLike, out: str | os.PathLike, *, with_derived: bool = False,
            progress: Progress | None = None) -> ArchiveResult:
    out = Path(out)
    if out.exists():
        raise CoreError("archive_exists", path=str(out))
    if not out.parent.is_dir():
        raise CoreError("archive_out_dir_missing", path=str(out.parent))
    with Case.open(case_dir, writable=True) as case:   # the writer lock: no import runs meanwhile
        rows = list(case.db.query("SELECT sha256, ext, pending_tmp FROM exhibits"))
        files: list[tuple[str, Path]] = []
        for row in rows:
            src = case.original_path(row["sha256"], row["ext"])
            if not src.is_file():
                raise CoreError("archive_original_missing", path=src.name)
            files.append((f"originals/{src.name}", src))
        if with_derived:
            derived = case.root / "derived"
            for path in sorted(derived.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    files.append((path.relative_to(case.root).as_posix(), path))
        work = Path(tempfile.mkdtemp(prefix="archive-", dir=case.tmp))
        try:
            snapshot = work / DB_NAME
            dest = sqlite3.connect(snapshot)
            try:
                case.db.conn.backup(dest)
            finally:
                dest.close()
            version = sqlite3.connect(snapshot).execute("PRAGMA user_version").fetchone()[0]
            files.insert(0, (DB_NAME, snapshot))
            total = sum(path.stat().st_size for _, path in files)
            part = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
            manifest = {"format": FORMAT, "format_version": 1, "app_version": __version__,
                        "schema_version": version, "created_at": now_iso(),
                        "title": case.info().get("title", ""), "files": []}
            done = 0
            try:
                with zipfile.ZipFile(part, "w", allowZip64=True) as zf:
                    for name, path in files:
                        h = hashlib.sha256()
                        size = 0
                        compress = zipfile.ZIP_DEFLATED if name == DB_NAME else zipfile.ZIP_STORED
                        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                        info.compress_type = compress
                        info.external_attr = (stat.S_IFREG | 0o444) << 16
                        with open(path, "rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                            while chunk := src.read(CHUNK):
                                h.update(chunk)
                                dst.write(chunk)
                                size += len(chunk)
                                done += len(chunk)
                                if progress:
                                    progress(done, total)
                        manifest["files"].append({"path": name, "size": size, "sha256": h.hexdigest()})
                    zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
                with open(part, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(part, out)
                _fsync_dir(out.parent)
            except BaseException:
                part.unlink(missing_ok=True)
                raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return ArchiveResult(out, len(files), done, _sha256_file(out))


# ----- unarchive -------------------------------------------------------------------------------
def _safe_name(name: str) -> PurePosixPath | None:
    """The entry's path inside the case, or None when it could land anywhere else."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    path = PurePosixPath(name)
    if any(part in ("", ".", "..") for part in path.parts):
        return None
    return path


def _allowed(path: PurePosixPath) -> bool:
    top = path.parts[0]
    if len(path.parts) == 1:
        return top in (DB_NAME, MANIFEST)
    return top in ("originals", "derived") and not (top == "originals" and len(path.parts) != 2)


def _check_entries(zf: zipfile.ZipFile) -> tuple[dict, dict[str, zipfile.ZipInfo]]:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise CoreError("unarchive_too_many", n=len(infos), limit=MAX_ENTRIES)
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        path = _safe_name(info.filename.rstrip("/") if info.is_dir() else info.filename)
        if path is None:
            raise CoreError("unarchive_escape", name=info.filename)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise CoreError("unarchive_link", name=info.filename)
        if info.is_dir():
            continue
        if not _allowed(path):
            raise CoreError("unarchive_foreign", name=info.filename)
        if str(path) in entries:
            raise CoreError("unarchive_duplicate", name=info.filename)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CoreError("unarchive_bomb", name=info.filename, ratio=info.file_size // max(info.compress_size, 1))
        total += info.file_size
        entries[str(path)] = info
    if total > MAX_TOTAL_BYTES:
        raise CoreError("unarchive_too_big", size=total, limit=MAX_TOTAL_BYTES)
    if MANIFEST not in entries or DB_NAME not in entries:
        raise CoreError("unarchive_not_case")
    if entries[MANIFEST].file_size > 64 * 1024 * 1024:
        raise CoreError("unarchive_manifest_bad", error="manifest over 64 MB")
    try:
        manifest = json.loads(zf.read(entries[MANIFEST]).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CoreError("unarchive_manifest_bad", error=str(exc)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), list):
        raise CoreError("unarchive_not_case")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise CoreError("unarchive_manifest_bad", error="schema_version")
    if version > schema_version():
        raise CoreError("case_newer", found=version, supported=schema_version())
    listed: dict[str, dict] = {}
    for item in manifest["files"]:
        if (not isinstance(item, dict) or not isinstance(item.get("path"), str)
                or not isinstance(item.get("size"), int) or not isinstance(item.get("sha256"), str)):
            raise CoreError("unarchive_manifest_bad", error=f"entry {item!r}")
        listed[item["path"]] = item
    payload = set(entries) - {MANIFEST}
    if set(listed) != payload:
        extra = sorted(payload - set(listed))
        missing = sorted(set(listed) - payload)
        raise CoreError("unarchive_mismatch", extra=", ".join(extra[:5]) or "-", missing=", ".join(missing[:5]) or "-")
    for name, item in listed.items():
        if entries[name].file_size != item["size"]:
            raise CoreError("unarchive_mismatch", extra=name, missing="-")
    return manifest, entries


def unarchive(zip_path: str | os.PathLike, dest: str | os.PathLike, *,
              progress: Progress | None = None) -> UnarchiveResult:
    zip_path, dest = Path(zip_path), Path(dest)
    if not zip_path.is_file():
        raise CoreError("not_found", path=str(zip_path))
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise CoreError("unarchive_dest_exists", path=str(dest))
    parent = dest.parent
    if not parent.is_dir():
        raise CoreError("archive_out_dir_missing", path=str(parent))
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CoreError("unarchive_bad_zip", error=str(exc) or type(exc).__name__) from None
    with zf:
        manifest, entries = _check_entries(zf)
        total = sum(item["size"] for item in manifest["files"])
        free = shutil.disk_usage(parent).free
        if total > free:
            from ..messages import human_size
            raise CoreError("no_space", need=human_size(total), free=human_size(free))
        work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".unpacking", dir=parent))
        try:
            done = 0
            for item in manifest["files"]:
                name = item["path"]
                target = work.joinpath(*PurePosixPath(name).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                h = hashlib.sha256()
                size = 0
                with zf.open(entries[name]) as src, open(target, "xb") as dst:
                    while chunk := src.read(CHUNK):
                        size += len(chunk)
                        if size > item["size"]:
                            raise CoreError("unarchive_bomb", name=name, ratio="?")
                        h.update(chunk)
                        dst.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
                    dst.flush()
                    os.fsync(dst.fileno())
                if size != item["size"] or h.hexdigest() != item["sha256"]:
                    raise CoreError("unarchive_hash", name=name)
                if name.startswith("originals/"):
                    stem = PurePosixPath(name).name.split(".", 1)[0]
                    if stem != item["sha256"]:
                        raise CoreError("unarchive_hash", name=name)
                    target.chmod(0o444)
            try:
                check = sqlite3.connect(f"file:{work / DB_NAME}?mode=ro", uri=True)
                try:
                    found = check.execute("PRAGMA user_version").fetchone()[0]
                    ok = check.execute("PRAGMA quick_check").fetchone()[0]
                    names = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                finally:
                    check.close()
            except sqlite3.DatabaseError as exc:
                raise CoreError("unarchive_db_bad", error=str(exc)) from None
            if ok != "ok" or not {"case_info", "exhibits"} <= names:
                raise CoreError("unarchive_db_bad", error=ok)
            if found > schema_version():
                raise CoreError("case_newer", found=found, supported=schema_version())
            with Case.open(work, writable=True) as case:      # migrates an older case
                exhibits = case.db.execute("SELECT COUNT(*) FROM exhibits").fetchone()[0]
                rows = list(case.db.query("SELECT sha256, ext FROM exhibits"))
                missing = [r["sha256"] for r in rows if not case.original_path(r["sha256"], r["ext"]).is_file()]
            if missing:
                raise CoreError("unarchive_hash", name=f"originals/{missing[0]}")
            _fsync_dir(work)
            if dest.exists():
                dest.rmdir()                                  # empty, checked above
            os.rename(work, dest)
            _fsync_dir(parent)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    return UnarchiveResult(dest, len(manifest["files"]), done, exhibits, found)
