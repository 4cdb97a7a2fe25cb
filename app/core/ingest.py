"""Ingest: files and folders into a case, each original copied and hashed in one pass.

Flow of one file (DESIGN §6): check the name and the size -> detect the real type from its
first bytes -> copy and hash into tmp/ in one streaming pass -> the same bytes already in the
case are a duplicate (only the new source is recorded) -> read facts from the copy -> one
transaction adds the exhibit (marked pending) and its source -> (group commit) the copies of a batch
are made durable with one file-system sync, made read-only and renamed into originals/, and their
pending marks cleared in one transaction. A crash between any two steps is finished or undone by
recovery.recover() the next time the case is opened for writing; originals/ only ever receives
files that are already on disk.
"""
from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import shutil
import sys
import stat
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import capture, classify, filetypes, media
from .messages import clean_name, human_size, render
from .safefs import NotRegular, open_regular
from .store import DB_NAME, Case, insert_exhibit, now_iso, update_exhibit_row

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024
TAIL = 64 * 1024
MAX_FILE_SIZE = 8 * 1024 ** 3          # a 4K phone video of half an hour fits
FREE_SPACE_MARGIN = 64 * 1024 ** 2

IMPORTED, DUPLICATE, SKIPPED, REFUSED = "imported", "duplicate", "skipped", "refused"

_crash_at = os.environ.get("EVIDENCE_BINDER_CRASH_AT")  # "step:n", for the crash-safety test
_crash_counts: dict[str, int] = {}


def _crash_point(step: str) -> None:
    if not _crash_at:
        return
    name, _, nth = _crash_at.partition(":")
    if name != step:
        return
    _crash_counts[step] = _crash_counts.get(step, 0) + 1
    if _crash_counts[step] >= int(nth or 1):
        os._exit(137)


def display_path(path: str | os.PathLike) -> str:
    """A path as text that SQLite and a terminal accept, whatever bytes the file system holds."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


@dataclass
class Outcome:
    path: str
    status: str                       # imported, duplicate, skipped, refused
    reason: str | None = None         # message code
    params: dict = field(default_factory=dict)
    exhibit_id: int | None = None
    number: int | None = None
    sha256: str | None = None
    name: str | None = None
    exhibit_status: str | None = None  # ok, unreadable, encrypted (imported and duplicate)

    def message(self, lang: str | None = None) -> str:
        return render(self.reason, lang, **self.params) if self.reason else ""

    def to_json(self, lang: str | None = None) -> dict:
        return {"path": self.path, "status": self.status, "reason": self.reason,
                "message": self.message(lang), "number": self.number, "exhibit_id": self.exhibit_id,
                "sha256": self.sha256, "name": self.name, "exhibit_status": self.exhibit_status}


def build_record(stored_file: Path, original_name: str, sha256: str, size: int, ft: filetypes.FileType,
                 mtime: float | None, tail: bytes, data: bytes | None = None, head: bytes | None = None) -> dict:
    """Read the facts of a copied original and make its exhibit row (without number and id)."""
    family = ft.family
    if ft.mime == filetypes.NOT_WHAT_NAME_SAYS:
        facts = media.Facts(family=family).fail("unreadable", "not_what_name_says", ext=ft.ext,
                                                **filetypes.describe_content(head or data or b""))
    elif family == filetypes.FAMILY_IMAGE:
        facts = media.read_image(stored_file, ft.mime, tail, data)
    elif family == filetypes.FAMILY_PDF:
        facts = media.read_pdf(stored_file)
    elif family in (filetypes.FAMILY_AUDIO, filetypes.FAMILY_VIDEO):
        facts = media.read_av(stored_file, family)
        family = facts.family or family
    elif ft.mime in filetypes.OFFICE_MIMES:
        facts = media.read_office(stored_file)
    else:
        facts = media.Facts(family=family)
    name_time = capture.time_from_filename(original_name, audio=family == filetypes.FAMILY_AUDIO)
    when, source = capture.choose(family, exif=facts.exif_time, filename=name_time,
                                  container=facts.container_time, pdf=facts.pdf_time, office=facts.office_time,
                                  mtime=capture.from_mtime(mtime) if mtime is not None else None)
    guess = classify.guess(family, original_name, facts, name_time, when)
    reason, params = facts.reason, dict(facts.reason_params)
    if params.get("error"):  # the library's own words (English): kept with the row and in the log
        log.info("%s: %s: %s", original_name, reason, params["error"])
    if reason is None and filetypes.is_mislabelled(ft, original_name):
        reason, params = "mislabelled", {"ext": filetypes.split_ext(original_name), "real": ft.ext.upper()}
    meta = dict(facts.meta)
    meta["mime"] = ft.mime
    if name_time:
        meta["filename_pattern"] = name_time.pattern
        if name_time.package:
            meta["app_package"] = name_time.package
    row = {
        "sha256": sha256, "ext": filetypes.stored_ext(ft, original_name), "size": size, "mime": ft.mime,
        "kind": guess.kind, "category": guess.category, "name": clean_name(guess.name), "source_desc": guess.source_desc,
        "purpose": None, "captured_at": capture.iso(when), "captured_at_source": source,
        "original_name": original_name, "width": facts.width, "height": facts.height,
        "duration_s": facts.duration_s, "pages": facts.pages, "orientation": facts.orientation,
        "device": facts.device, "media_json": json.dumps(meta, ensure_ascii=False, default=str),
        "status": facts.status, "reason": reason,
        "reason_params": json.dumps(params, ensure_ascii=False) if reason else None,
        "include_in_export": 1, "created_at": now_iso(),
    }
    return row


def _dead_link(path) -> str:
    """A link that leads nowhere: a loop (it leads back to itself) or a target that does not exist."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "link_loop"
    return "link_broken"


ZERO_CHECK_SIZE = 4 * 1024 * 1024


def _all_zero(src, head: bytes, size: int) -> bool:
    """Are the head, the middle and the end of the file nothing but zero bytes? Reads 3 MB at most and
    leaves `src` where it was."""
    if head.count(0) != len(head):
        return False
    pos = src.tell()
    try:
        for where in (size // 2, max(0, size - CHUNK)):
            src.seek(where)
            block = src.read(CHUNK)
            if block.count(0) != len(block):
                return False
        return True
    finally:
        src.seek(pos)


def remove_file(path: Path) -> None:
    """Delete one of our own files (temp copies are made read-only before the rename); a link is
    removed itself, its target's permissions never touched."""
    try:
        if not os.path.islink(path):
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
    except OSError:
        pass
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def make_read_only(path: Path) -> None:
    os.chmod(path, stat.S_IREAD | stat.S_IRGRP | stat.S_IROTH)


class Cancelled(Exception):
    pass


class Importer:
    """Imports into one case opened for writing. Not thread-safe: one importer per writer thread."""

    def __init__(self, case: Case, via: str = "cli", durable: bool = True,
                 cancel: threading.Event | None = None,
                 on_progress: Callable[[int, int, Outcome], None] | None = None,
                 run_db: Callable | None = None):
        """`run_db(fn)` runs fn where the case's database may be used and returns its result. The
        importer itself copies, hashes and reads facts on the thread that calls it; only its short
        transactions go through run_db (the GUI passes its serial database worker; the CLI runs them
        in place)."""
        if not case.writable:
            raise ValueError("the case must be opened for writing")
        self.case = case
        self.run_db = run_db or (lambda fn: fn())
        self.via = via
        self.durable = durable
        self.cancel = cancel or threading.Event()
        self.on_progress = on_progress
        # group commit: copies waiting for one sync and their rename into originals/
        self._batch: list[tuple[int, Path, Path]] = []
        self._batch_bytes = 0
        self._batch_since = 0.0
        self._roots: dict[str, str] = {}   # shown path -> the folder the user gave (sources.root)

    # ----- walking ---------------------------------------------------------------------------
    def plan(self, paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Outcome]]:
        """The files to import under the given paths, and the outcomes already decided by rule."""
        files: list[Path] = []
        decided: list[Outcome] = []
        for given in paths:
            path = Path(given)
            if not os.path.lexists(path):
                decided.append(Outcome(display_path(path), REFUSED, "not_found", {"path": display_path(path)}))
            elif path.is_dir():
                before = len(files) + len(decided)
                first = len(files)
                self._walk(path, Path(os.path.realpath(path)), files, decided)
                root = display_path(os.path.abspath(path))
                for found in files[first:]:
                    self._roots[display_path(os.path.abspath(found))] = root
                if len(files) + len(decided) == before:
                    decided.append(Outcome(display_path(path), SKIPPED, "empty_folder", {"path": display_path(path)}))
            elif path.is_symlink() and not path.exists():
                decided.append(Outcome(display_path(path), SKIPPED, _dead_link(path)))
            else:
                rule = filetypes.skip_reason(path.name)
                if rule:
                    decided.append(Outcome(display_path(path), SKIPPED, rule, {"name": display_path(path.name)}))
                else:
                    files.append(path)
                    self._roots[display_path(os.path.abspath(path))] = display_path(os.path.abspath(path.parent))
        return files, decided

    def _walk(self, folder: Path, root_real: Path, files: list[Path], decided: list[Outcome]) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except PermissionError:
            decided.append(Outcome(display_path(folder), REFUSED, "no_permission", {"path": display_path(folder)}))
            return
        except OSError as exc:
            decided.append(Outcome(display_path(folder), REFUSED, "read_error", {"error": str(exc)}))
            return
        for entry in entries:
            path = Path(entry.path)
            shown = display_path(path)
            if entry.is_symlink():
                target = Path(os.path.realpath(path))
                if not target.exists():
                    decided.append(Outcome(shown, SKIPPED, _dead_link(path)))
                elif target.is_dir():
                    decided.append(Outcome(shown, SKIPPED, "link_dir"))
                elif not target.is_relative_to(root_real):
                    decided.append(Outcome(shown, SKIPPED, "link_outside", {"target": display_path(target)}))
                elif (rule := filetypes.skip_reason(entry.name)):
                    decided.append(Outcome(shown, SKIPPED, rule, {"name": display_path(entry.name)}))
                else:
                    files.append(path)
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name.startswith("."):
                    decided.append(Outcome(shown, SKIPPED, "hidden_dir", {"name": display_path(entry.name)}))
                else:
                    self._walk(path, root_real, files, decided)
                continue
            rule = filetypes.skip_reason(entry.name)
            if rule:
                decided.append(Outcome(shown, SKIPPED, rule, {"name": display_path(entry.name)}))
            else:
                files.append(path)

    def import_paths(self, paths: Iterable[str | os.PathLike]) -> Iterator[Outcome]:
        files, decided = self.plan(paths)
        total = len(files) + len(decided)
        done = 0
        for outcome in decided:
            done += 1
            self._progress(done, total, outcome)
            yield outcome
        try:
            for path in files:
                if self.cancel.is_set():
                    outcome = Outcome(display_path(path), SKIPPED, "cancelled")
                else:
                    outcome = self._import_one(Path(path), None)
                    self._maybe_flush()
                done += 1
                self._progress(done, total, outcome)
                yield outcome
        finally:
            self.flush()

    def _progress(self, done: int, total: int, outcome: Outcome) -> None:
        if self.on_progress:
            self.on_progress(done, total, outcome)

    # ----- one file ----------------------------------------------------------------------------
    def import_file(self, path: str | os.PathLike, category: str | None = None, root: str | None = None) -> Outcome:
        """Import one file, durably, now. `category` overrides the guess (a watched subfolder named 聊天记录);
        `root` is the folder it was found under (a watched folder; default: its own folder)."""
        self._roots[display_path(os.path.abspath(path))] = display_path(os.path.abspath(root or Path(path).parent))
        try:
            return self._import_one(Path(path), category)
        finally:
            self.flush()

    # Group commit: one sync for up to this many files, bytes or seconds.
    BATCH_FILES = 64
    BATCH_BYTES = 256 * 1024 * 1024
    BATCH_SECONDS = 2.0

    def _maybe_flush(self) -> None:
        if self._batch and (len(self._batch) >= self.BATCH_FILES or self._batch_bytes >= self.BATCH_BYTES
                            or time.monotonic() - self._batch_since >= self.BATCH_SECONDS):
            self.flush()

    def flush(self) -> None:
        """Make the batch's copies durable, move them into originals/ and clear their pending marks."""
        if not self._batch:
            return
        batch, self._batch, self._batch_bytes = self._batch, [], 0
        # The order that survives a power cut at any moment: (1) the copies' bytes on disk, (2) their
        # rows (with pending marks) on disk, (3) the renames, (4) originals/ itself on disk so the renames
        # are, and only then (5) the marks cleared. A cut before (4) leaves marked rows recovery finishes or
        # rolls back; never a row whose file is lost.
        if self.durable:
            _sync_files([tmp for _, tmp, _ in batch], self.case.tmp)
            _sync_database(self.case)
        for _, tmp, target in batch:
            make_read_only(tmp)
            if target.exists():
                remove_file(tmp)  # same name is the same content
            else:
                os.replace(tmp, target)
            _crash_point("renamed")
        if self.durable:
            _sync_dir(self.case.originals)
            _sync_dir(self.case.tmp)

        def unmark():
            with self.case.db.atomic():
                for exhibit_id, _, _ in batch:
                    self.case.db.execute("UPDATE exhibits SET pending_tmp = NULL WHERE id = ?", [exhibit_id])

        self.run_db(unmark)

    def _import_one(self, path: Path, category: str | None) -> Outcome:
        shown = display_path(os.path.abspath(path))
        name = display_path(path.name)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return Outcome(shown, REFUSED, "not_found", {"path": shown})
        except PermissionError:
            return Outcome(shown, REFUSED, "no_permission", {"path": shown})
        except OSError as exc:
            return Outcome(shown, REFUSED, "read_error", {"error": str(exc)})
        if not stat.S_ISREG(st.st_mode):
            return Outcome(shown, SKIPPED, "not_regular")
        if st.st_size == 0:
            return Outcome(shown, REFUSED, "empty_file")
        if st.st_size > MAX_FILE_SIZE:
            return Outcome(shown, REFUSED, "too_large",
                           {"size": human_size(st.st_size), "limit": human_size(MAX_FILE_SIZE)})
        free = shutil.disk_usage(self.case.root).free
        if free < st.st_size + FREE_SPACE_MARGIN:
            known = self._known_without_copy(path, shown, name, st)  # bytes already in the case need no room
            return known or Outcome(shown, REFUSED, "no_space",
                                    {"need": human_size(st.st_size + FREE_SPACE_MARGIN), "free": human_size(free)})
        tmp = self.case.tmp / f"{uuid.uuid4().hex}.part"
        try:
            try:
                src = open_regular(path, follow_links=True)  # never blocks on a pipe swapped in after the stat
            except NotRegular:
                return Outcome(shown, SKIPPED, "not_regular")
            except PermissionError:
                return Outcome(shown, REFUSED, "no_permission", {"path": shown})
            with src:
                head = src.read(CHUNK)
                ft = filetypes.detect(head[:filetypes.HEAD_SIZE], name)
                if ft is None:
                    # Evidence by its name but not by its content (a broken video, a web page saved as
                    # .png): kept as unreadable with the reason. Neither by name nor content: skipped.
                    ft = filetypes.by_name_only(name)
                    if ft is not None and st.st_size > ZERO_CHECK_SIZE and _all_zero(src, head, st.st_size):
                        # gigabytes of nothing (a sparse or never-written file): said before any copy
                        return Outcome(shown, REFUSED, "zero_content", {"size": human_size(st.st_size)})
                if ft is None:
                    what = "." + filetypes.split_ext(name) if filetypes.split_ext(name) else "未知"
                    return Outcome(shown, SKIPPED, "unsupported_type", {"what": what})
                if ft.family == filetypes.FAMILY_ARCHIVE:
                    return Outcome(shown, REFUSED, "archive", {"what": ft.ext})
                sha, size, tail = self._copy(src, head, tmp)
            after = os.stat(path)
            if size != st.st_size or after.st_size != st.st_size or after.st_mtime_ns != st.st_mtime_ns:
                remove_file(tmp)
                return Outcome(shown, REFUSED, "changed_while_reading")
            _crash_point("copied")
            whole = head if size == len(head) else None  # a small file is in memory already
            return self._commit(tmp, shown, name, sha, size, ft, st.st_mtime, tail, category, whole,
                                head[:filetypes.HEAD_SIZE])
        except Cancelled:
            remove_file(tmp)
            return Outcome(shown, SKIPPED, "cancelled")
        except OSError as exc:
            remove_file(tmp)
            if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                return Outcome(shown, REFUSED, "disk_full_import", {"path": display_path(self.case.root)})
            # strerror, not str(exc): the message never shows our internal tmp/….part path
            return Outcome(shown, REFUSED, "read_error", {"error": exc.strerror or type(exc).__name__})
        except BaseException:
            remove_file(tmp)
            raise

    def _known_without_copy(self, path: Path, shown: str, name: str, st: os.stat_result) -> Outcome | None:
        """When the disk has no room for a copy: hash the file where it is, and if the case holds those
        bytes already, record the new source (a duplicate is never refused for lack of space)."""
        try:
            with open(path, "rb") as src:
                hasher = hashlib.sha256()
                while chunk := src.read(CHUNK):
                    hasher.update(chunk)
                    if self.cancel.is_set():
                        return None
        except OSError:
            return None
        sha = hasher.hexdigest()
        existing = self.run_db(lambda: self.case.exhibit_by_sha(sha))
        if existing is None or not self.case.original_path(sha, existing["ext"]).is_file():
            return None

        def add_source() -> bool:
            with self.case.db.atomic():
                return self._add_source(existing["id"], shown, name, st.st_mtime)
        new_source = self.run_db(add_source)
        code = "duplicate_trashed" if existing["deleted_at"] else "duplicate" if new_source else "already_imported"
        return Outcome(shown, DUPLICATE, code, {"number": existing["number"]}, existing["id"], existing["number"],
                       sha, existing["name"], existing["status"])

    def _restore(self, tmp: Path, existing: dict) -> bool:
        """Put back an exhibit's original that went missing from originals/, from a re-import of the same
        bytes (the copy in tmp/ is already hashed: it is the original)."""
        target = self.case.original_path(existing["sha256"], existing["ext"])
        if existing.get("pending_tmp") or os.path.lexists(target):
            return False
        if self.durable:
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
        make_read_only(tmp)
        os.replace(tmp, target)
        return True

    def _copy(self, src, head: bytes, tmp: Path) -> tuple[str, int, bytes]:
        hasher = hashlib.sha256()
        size = 0
        last = b""
        with open(tmp, "xb") as dst:
            chunk = head
            while chunk:
                hasher.update(chunk)
                dst.write(chunk)
                size += len(chunk)
                last = chunk if len(chunk) >= TAIL else (last + chunk)[-TAIL:]
                if self.cancel.is_set():
                    raise Cancelled()
                chunk = src.read(CHUNK)
        return hasher.hexdigest(), size, last[-TAIL:]

    def _commit(self, tmp: Path, shown: str, name: str, sha: str, size: int, ft: filetypes.FileType,
                mtime: float, tail: bytes, category: str | None = None, whole: bytes | None = None,
                head: bytes | None = None) -> Outcome:
        case = self.case
        existing = self.run_db(lambda: case.exhibit_by_sha(sha))
        if existing is None:
            row = build_record(tmp, name, sha, size, ft, mtime, tail, whole, head)  # facts: off the db
            if category:
                row["category"] = category
            row["pending_tmp"] = tmp.name

            def insert() -> int:
                with case.db.atomic():
                    row["number"] = case.next_number()
                    new_id = insert_exhibit(case.db, row)
                    self._add_source(new_id, shown, name, mtime)
                return new_id

            try:
                exhibit_id = self.run_db(insert)
            except Exception as exc:
                if "UNIQUE" not in str(exc):
                    raise
                existing = self.run_db(lambda: case.exhibit_by_sha(sha))
        if existing is not None:
            def add_source() -> bool:
                with case.db.atomic():
                    if classify.is_copy_name(existing["original_name"]) and not classify.is_copy_name(name):
                        # "x - 副本.png" came first: the exhibit cites the original's name from now on
                        update_exhibit_row(case.db, existing["id"], {"original_name": name})
                    return self._add_source(existing["id"], shown, name, mtime)

            new_source = self.run_db(add_source)
            if self._restore(tmp, existing):
                return Outcome(shown, DUPLICATE, "original_restored", {"number": existing["number"]}, existing["id"],
                               existing["number"], sha, existing["name"], existing["status"])
            remove_file(tmp)
            code = "duplicate_trashed" if existing["deleted_at"] else "duplicate" if new_source else "already_imported"
            return Outcome(shown, DUPLICATE, code, {"number": existing["number"]}, existing["id"],
                           existing["number"], sha, existing["name"], existing["status"])
        _crash_point("row")
        if not self._batch:
            self._batch_since = time.monotonic()
        self._batch.append((exhibit_id, tmp, case.original_path(sha, row["ext"])))
        self._batch_bytes += size
        return Outcome(shown, IMPORTED, row["reason"], json.loads(row["reason_params"] or "{}"), exhibit_id,
                       row["number"], sha, row["name"], row["status"])

    def _add_source(self, exhibit_id: int, shown: str, name: str, mtime: float | None) -> bool:
        """Record where the content was found; False when that path was recorded already."""
        cursor = self.case.db.execute(
            "INSERT OR IGNORE INTO sources (exhibit_id, path, name, mtime, via, seen_at, root) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [exhibit_id, shown, name, capture.iso(capture.from_mtime(mtime)) if mtime is not None else None,
             self.via, now_iso(), self._roots.get(shown)])
        return cursor.rowcount > 0


def _sync_files(paths: list[Path], folder: Path) -> None:
    """Put the files' data on disk: one syncfs() of their file system on Linux, else fsync each."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            fd = os.open(folder, os.O_RDONLY)
            try:
                if libc.syncfs(fd) == 0:
                    return
            finally:
                os.close(fd)
        except (OSError, AttributeError):
            pass
    for path in paths:
        with open(path, "r+b") as fh:
            os.fsync(fh.fileno())


def _sync_dir(folder: Path) -> None:
    """Put a folder's entries (the renames into it) on disk. Windows cannot open a folder; NTFS journals
    its metadata, so there is nothing to do there."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sync_database(case: Case) -> None:
    """Put every committed transaction on disk. In WAL mode with synchronous=NORMAL a commit reaches the
    log file but not the disk; one fsync of the log makes all of them durable, in order."""
    for name in (DB_NAME + "-wal", DB_NAME):
        path = case.root / name
        try:
            fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except OSError:
            continue
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def summarize(outcomes: list[Outcome]) -> dict[str, int]:
    counts = {IMPORTED: 0, DUPLICATE: 0, SKIPPED: 0, REFUSED: 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
    return counts
