"""Watched folders: new evidence flows into a case by itself, never twice, never half-written.

Observer threads (watchdog) only note paths; one worker thread does every stat, import and
database write. A file is imported once its size and mtime have been still for a quiet window and
it can be opened. A scan at start and a periodic rescan catch what the platform's events missed;
a dead or unstartable native observer is replaced (by polling if need be); a watched folder that
disappears is waited for and picked up again. Nothing in a watched folder is ever written,
moved or deleted.
"""
from __future__ import annotations

import os
import stat
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from . import capture, filetypes
from .ingest import DUPLICATE, IMPORTED, SKIPPED, Importer, Outcome
from .safefs import open_regular
from .store import Case, now_iso

# A subfolder with one of these names sets the category of what lands in it.
SUBFOLDER_CATEGORIES = {
    "聊天记录": "chat", "聊天": "chat", "客服": "chat", "订单": "order", "订单截图": "order",
    "录音": "call", "通话录音": "call", "发票": "invoice", "支付": "payment", "付款": "payment",
    "支付记录": "payment", "物流": "logistics", "快递": "logistics", "检测报告": "inspection",
    "检测": "inspection", "投诉": "complaint", "拒绝": "refusal", "商家拒绝": "refusal",
    "照片": "product", "视频": "product", "商品照片": "product",
}


def wanted(name: str) -> bool:
    """The one definition of evidence by name, shared with import (filetypes.EVIDENCE_EXTS)."""
    return filetypes.is_evidence_name(name)


def _not_importable(root: str, path: str) -> Outcome | None:
    """Why a path in a watched folder is skipped without being opened, as import skips it: a link that
    leads outside the folder (or nowhere, or to a folder), or something that is not a regular file."""
    shown = os.path.abspath(path)
    try:
        st = os.lstat(path)
    except OSError:
        return None  # gone: the import says so
    if stat.S_ISLNK(st.st_mode):
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return Outcome(shown, SKIPPED, "link_broken")
        if os.path.isdir(target):
            return Outcome(shown, SKIPPED, "link_dir")
        if not Path(target).is_relative_to(os.path.realpath(root)):
            return Outcome(shown, SKIPPED, "link_outside", {"target": target})
        st = os.stat(target)
    if not stat.S_ISREG(st.st_mode):
        return Outcome(shown, SKIPPED, "not_regular")
    return None


def _signature(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def looks_partial(path: str) -> bool:
    """True when a file reads as cut short (a truncated image, a PDF or video without its end): the
    writer may not be done. Reads the source through the same readers import uses; writes nothing."""
    from . import media

    try:
        with open(path, "rb") as fh:
            head = fh.read(filetypes.HEAD_SIZE)
            fh.seek(max(0, os.fstat(fh.fileno()).st_size - 64 * 1024))
            tail = fh.read()
    except OSError:
        return False
    if not head:
        return False  # an empty file is refused at once (no exhibit); if it grows, it is looked at again
    name = os.path.basename(path)
    ft = filetypes.detect(head, name)
    if ft is None:
        return filetypes.by_name_only(name) is not None  # evidence by name, nothing recognisable yet
    if ft.family == filetypes.FAMILY_IMAGE:
        facts = media.read_image(Path(path), ft.mime, tail)
    elif ft.family == filetypes.FAMILY_PDF:
        facts = media.read_pdf(Path(path))
    elif ft.family in (filetypes.FAMILY_AUDIO, filetypes.FAMILY_VIDEO):
        facts = media.read_av(Path(path), ft.family)
    else:
        return False
    return facts.status == "unreadable" and facts.reason != "image_bomb"


# Reasons an exhibit from a watched folder may be a partial copy, replaced when the whole file arrives.
PARTIAL_REASONS = {"truncated_image", "corrupt_image", "corrupt_pdf", "corrupt_media", "not_what_name_says"}


def replace_partial(case: Case, path: str, new_id: int) -> int | None:
    """When `path` (a watched file) was imported before as an unreadable partial copy and has now grown
    into a complete file whose bytes begin with the partial's, the new exhibit takes the partial's place
    (its number, part and timeline links) and the partial goes to the case's trash; its
    original stays in originals/. Returns the partial exhibit's id, or None."""
    import hashlib

    from . import edit

    new = case.db.execute("SELECT sha256, ext, size, status FROM exhibits WHERE id = ?", [new_id]).fetchone()
    if new is None or new[3] != "ok":
        return None
    rows = case.db.execute(
        "SELECT e.id, e.sha256, e.ext, e.size, e.reason FROM exhibits e JOIN sources s ON s.exhibit_id = e.id "
        "WHERE s.path = ? AND e.id != ? AND e.deleted_at IS NULL AND e.status = 'unreadable' ORDER BY e.id DESC",
        [path, new_id]).fetchall()
    for old_id, old_sha, old_ext, old_size, reason in rows:
        if reason not in PARTIAL_REASONS or old_size >= new[2]:
            continue
        hasher = hashlib.sha256()
        with open(case.original_path(new[0], new[1]), "rb") as fh:
            left = old_size
            while left:
                chunk = fh.read(min(left, 1024 * 1024))
                if not chunk:
                    break
                hasher.update(chunk)
                left -= len(chunk)
        if hasher.hexdigest() != old_sha:
            continue  # not the same file grown: two different files, both kept
        with case.db.atomic():
            old = case.db.execute("SELECT number, part FROM exhibits WHERE id = ?", [old_id]).fetchone()
            case.db.execute("UPDATE exhibits SET number = ?, part = ? WHERE id = ?", [old[0], old[1], new_id])
            case.db.execute("UPDATE OR IGNORE event_exhibits SET exhibit_id = ? WHERE exhibit_id = ?",
                            [new_id, old_id])
            case.db.execute("UPDATE exhibits SET deleted_at = ?, include_in_export = 0, notes = "
                            "COALESCE(notes || char(10), '') || ? WHERE id = ?",
                            [now_iso(), "未写完的文件，已由完整文件取代", old_id])
            edit._renumber(case, edit.units(case))
        return old_id
    return None


def _can_open(path: str) -> bool:
    """Can the file be read now? Never blocks: a pipe, a device or a socket is handed on at once, to be
    reported and skipped without being opened (opening a named pipe waits for a writer for ever)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True
        with open_regular(path, follow_links=True):
            return True
    except OSError:
        return False


class StabilityTracker:
    """Hands a path on only when its size and mtime stayed the same for `quiet` seconds.

    Every event restarts the path's clock; a path being imported is in flight and is not handed
    on again until done() (an event during the import schedules one more look afterwards).
    """

    def __init__(self, quiet: float = 1.0, clock: Callable[[], float] = time.monotonic,
                 signature: Callable[[str], tuple | None] = _signature, can_open: Callable[[str], bool] = _can_open):
        self.quiet = quiet
        self.clock = clock
        self.signature = signature
        self.can_open = can_open
        self._pending: dict[str, tuple[tuple | None, float]] = {}
        self._in_flight: set[str] = set()
        self._again: set[str] = set()
        self._lock = threading.Lock()

    def touch(self, path: str) -> None:
        sig = self.signature(path)
        with self._lock:
            if path in self._in_flight:
                self._again.add(path)
            elif sig is not None:
                self._pending[path] = (sig, self.clock())

    def forget(self, path: str) -> None:
        with self._lock:
            self._pending.pop(path, None)

    def due(self) -> list[str]:
        now = self.clock()
        with self._lock:
            items = list(self._pending.items())
        ready = []
        for path, (sig, since) in items:
            current = self.signature(path)
            with self._lock:
                if path not in self._pending or self._pending[path][1] != since:
                    continue  # touched again meanwhile
                if current is None:
                    del self._pending[path]  # gone (renamed away or deleted)
                elif current != sig:
                    self._pending[path] = (current, now)
                elif now - since >= self.quiet:
                    if self.can_open(path):
                        del self._pending[path]
                        self._in_flight.add(path)
                        ready.append(path)
                    else:
                        self._pending[path] = (current, now)
        return sorted(ready)

    def done(self, path: str) -> None:
        with self._lock:
            self._in_flight.discard(path)
            again = path in self._again
            self._again.discard(path)
        if again:
            self.touch(path)

    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._pending) + len(self._in_flight)


# ----- the case's list of watched folders ------------------------------------------------------

@dataclass
class WatchedFolder:
    path: str
    recursive: bool = False
    polling_interval: float | None = None
    quiet_window: float = 1.0
    paused: bool = False
    id: int | None = None
    last_import_at: str | None = None
    last_error: str | None = None


def save_folder(case: Case, folder: WatchedFolder) -> WatchedFolder:
    folder.path = os.path.abspath(folder.path)
    with case.db.atomic():
        case.db.execute(
            "INSERT INTO watched_folders (path, recursive, polling_interval, quiet_window, paused, created_at, "
            "case_root) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET recursive = excluded.recursive, "
            "polling_interval = excluded.polling_interval, quiet_window = excluded.quiet_window, "
            "paused = excluded.paused, case_root = excluded.case_root",
            [folder.path, int(folder.recursive), folder.polling_interval, folder.quiet_window, int(folder.paused),
             now_iso(), _owner(case)])
    folder.id = case.db.execute("SELECT id FROM watched_folders WHERE path = ?", [folder.path]).fetchone()[0]
    return folder


def _owner(case: Case) -> str:
    return os.path.realpath(case.root)


def load_folders(case: Case) -> list[WatchedFolder]:
    """The case's watched folders. One saved by this case folder is watched as saved; one that came with a
    case copied, moved or sent from elsewhere is paused until the user resumes it here: a case is data,
    it never starts reading folders on this computer by itself."""
    from .messages import current_lang, render

    folders = []
    for r in case.db.query("SELECT * FROM watched_folders ORDER BY id"):
        foreign = r.get("case_root") != _owner(case)
        folders.append(WatchedFolder(
            path=r["path"], recursive=bool(r["recursive"]), polling_interval=r["polling_interval"],
            quiet_window=r["quiet_window"], paused=bool(r["paused"]) or foreign, id=r["id"],
            last_import_at=r["last_import_at"],
            last_error=render("watch_folder_from_elsewhere", current_lang()) if foreign and not r["paused"]
            else r["last_error"]))
    return folders


def remove_folder(case: Case, path: str) -> None:
    with case.db.atomic():
        case.db.execute("DELETE FROM watched_folders WHERE path = ?", [os.path.abspath(path)])


# ----- the watcher ------------------------------------------------------------------------------

class _Handler(FileSystemEventHandler):
    def __init__(self, watch: "_FolderWatch"):
        self.watch = watch

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        if kind in ("opened", "closed_no_write"):
            return
        paths = [os.fsdecode(event.dest_path)] if kind == "moved" else [os.fsdecode(event.src_path)]
        for path in paths:
            if event.is_directory:
                if kind in ("created", "moved") and self.watch.folder.recursive:
                    self.watch.scan_requests.add(path)  # files moved in with a folder get no events
            elif kind == "deleted":
                self.watch.tracker.forget(path)
            elif self.watch.accepts(path):
                self.watch.tracker.touch(path)


@dataclass
class _FolderWatch:
    folder: WatchedFolder
    tracker: StabilityTracker
    observer: object = None
    mode: str = "stopped"            # native, polling, missing, stopped
    error: str | None = None
    identity: tuple | None = None    # (st_dev, st_ino) of the folder being watched
    scan_requests: set = field(default_factory=set)

    def accepts(self, path: str) -> bool:
        root = self.folder.path
        rel = os.path.relpath(path, root)
        if rel.startswith(".."):
            return False
        parts = Path(rel).parts
        if not self.folder.recursive and len(parts) != 1:
            return False
        if any(p.startswith(".") for p in parts[:-1]):
            return False
        return wanted(parts[-1])

    def category_for(self, path: str) -> str | None:
        rel = Path(os.path.relpath(path, self.folder.path))
        for part in reversed(rel.parts[:-1]):
            if part in SUBFOLDER_CATEGORIES:
                return SUBFOLDER_CATEGORIES[part]
        return None


class Watcher:
    """Watches folders for one case opened for writing; every import happens on its own thread."""

    def __init__(self, case: Case, folders: list[WatchedFolder], on_outcome: Callable[[Outcome], None] | None = None,
                 on_status: Callable[[WatchedFolder, str, str | None], None] | None = None,
                 rescan_interval: float = 60.0, tick: float = 0.1, health_interval: float = 1.0,
                 durable: bool = True, observer_factory=None, run_db: Callable | None = None,
                 partial_wait: float = 60.0):
        """`run_db(fn)` runs fn where the case's database may be used and returns its result; the GUI
        passes its serial database worker, the CLI runs it in place."""
        self.case = case
        self.run_db = run_db or (lambda fn: fn())
        self.on_outcome = on_outcome
        self.on_status = on_status
        self.rescan_interval = rescan_interval
        self.tick = tick
        self.health_interval = health_interval
        self._stop = threading.Event()
        # Copy, hash and read facts on the watcher's thread; only transactions go to run_db. Stopping
        # cancels the file in hand (it stays in the watched folder and is picked up next time).
        self.importer = Importer(case, via="watch", durable=durable, cancel=self._stop, run_db=self.run_db)
        self.observer_factory = observer_factory or Observer
        self.watches = [_FolderWatch(f, StabilityTracker(f.quiet_window)) for f in folders if not f.paused]
        self._thread: threading.Thread | None = None
        self._reported: dict[str, tuple] = {}   # path -> signature of a file that was skipped or refused
        # A file that reads as cut short waits for more bytes, up to `partial_wait` seconds:
        # path -> [first seen partial, signature then, waited out]
        self.partial_wait = partial_wait
        self._partial: dict[str, list] = {}
        self.imported_count = 0

    # ----- life cycle -----------------------------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="evidence-watch", daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the watcher to stop (cancelling the file in hand) without waiting for it."""
        self._stop.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        for watch in self.watches:
            self._stop_observer(watch)

    def run_until(self, stop_event: threading.Event) -> None:
        self.start()
        try:
            while not stop_event.wait(0.2):
                pass
        finally:
            self.stop()

    # ----- the worker thread ------------------------------------------------------------------------
    def _run(self) -> None:
        for watch in self.watches:
            self._ensure(watch)
        last_rescan = last_health = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic()
            if now - last_health >= self.health_interval:
                last_health = now
                for watch in self.watches:
                    self._ensure(watch)
            if now - last_rescan >= self.rescan_interval:
                last_rescan = now
                for watch in self.watches:
                    if watch.mode in ("native", "polling"):
                        self._scan(watch, watch.folder.path)
            self._recheck_partials(now)
            for watch in self.watches:
                while watch.scan_requests:
                    self._scan(watch, watch.scan_requests.pop())
                for path in watch.tracker.due():
                    if self._stop.is_set():
                        watch.tracker.done(path)
                        break
                    try:
                        self._import(watch, path)
                    finally:
                        watch.tracker.done(path)
            self._stop.wait(self.tick)

    def _recheck_partials(self, now: float) -> None:
        """Look again at a waiting partial file when it changed (an event may be missed) or waited out."""
        for path, entry in list(self._partial.items()):
            first, sig, expired = entry
            current = _signature(path)
            if current is None:
                del self._partial[path]
            elif current != sig:
                entry[1] = current
                self._tracker_for(path).touch(path)
            elif not expired and now - first >= self.partial_wait:
                entry[2] = True
                self._tracker_for(path).touch(path)

    def _tracker_for(self, path: str) -> StabilityTracker:
        return next((w.tracker for w in self.watches if w.accepts(path)), self.watches[0].tracker)

    def _import(self, watch: _FolderWatch, path: str) -> None:
        sig = _signature(path)
        if sig is not None and self._reported.get(path) == sig:
            return
        refusal = _not_importable(watch.folder.path, path)
        if refusal is not None:  # a link out of the folder, a pipe or a device: said once, never opened
            self._reported[path] = sig
            if self.on_outcome:
                self.on_outcome(refusal)
            return
        waiting = self._partial.get(path)
        if not (waiting and waiting[2]) and looks_partial(path):
            if waiting is None:
                self._partial[path] = [time.monotonic(), sig, False]
            return  # more bytes may come: _recheck_partials looks again
        self._partial.pop(path, None)
        outcome = self.importer.import_file(path, category=watch.category_for(path), root=watch.folder.path)
        if outcome.status == IMPORTED and outcome.exhibit_status == "ok":
            shown = os.path.abspath(path)
            if self.run_db(lambda: replace_partial(self.case, shown, outcome.exhibit_id)) is not None:
                outcome.number = self.run_db(lambda: self.case.db.execute(
                    "SELECT number FROM exhibits WHERE id = ?", [outcome.exhibit_id]).fetchone()[0])
                outcome.reason, outcome.params = "replaced_partial", {"number": outcome.number}
        if outcome.status == IMPORTED:
            self.imported_count += 1
            stamp = now_iso()
            watch.folder.last_import_at = stamp
            self.run_db(lambda: self.case.db.execute("UPDATE watched_folders SET last_import_at = ? WHERE path = ?",
                                                     [stamp, watch.folder.path]))
        elif outcome.status != DUPLICATE and outcome.reason != "cancelled":
            self._reported[path] = sig
        if self.on_outcome:
            self.on_outcome(outcome)

    def _known(self) -> dict[str, str]:
        return self.run_db(lambda: {r[0]: r[1] for r in self.case.db.execute("SELECT path, mtime FROM sources")})

    def _scan(self, watch: _FolderWatch, top: str) -> None:
        """Note every file under `top` that is not yet in the case (by path and mtime)."""
        known = self._known()
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if watch.folder.recursive and not entry.name.startswith("."):
                            stack.append(entry.path)
                        continue
                    if not watch.accepts(entry.path):
                        continue
                    # links and pipes are noted too: _import says why they are skipped, without opening them
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                shown = os.path.abspath(entry.path)
                if known.get(shown) == capture.iso(capture.from_mtime(st.st_mtime)):
                    continue
                if self._reported.get(shown) == (st.st_size, st.st_mtime_ns):
                    continue
                watch.tracker.touch(shown)

    # ----- observers ------------------------------------------------------------------------------
    def _ensure(self, watch: _FolderWatch) -> None:
        """Keep the folder's observer running: start, restart, fall back to polling, wait for the folder."""
        path = watch.folder.path
        try:
            st = os.stat(path)
            identity = (st.st_dev, st.st_ino) if os.path.isdir(path) else None
        except OSError:
            identity = None
        if identity is None:
            if watch.mode != "missing":
                self._stop_observer(watch)
                self._set_mode(watch, "missing", "folder not found")
            return
        alive = watch.observer is not None and watch.observer.is_alive()
        if alive and watch.mode in ("native", "polling") and identity == watch.identity:
            return
        watch.identity = identity  # a folder deleted and made again is a new folder to watch
        self._stop_observer(watch)
        want_polling = watch.folder.polling_interval is not None
        error = None
        if not want_polling:
            try:
                observer = self.observer_factory()
                observer.schedule(_Handler(watch), path, recursive=watch.folder.recursive)
                observer.start()
                watch.observer = observer
                self._set_mode(watch, "native", None)
            except Exception as exc:  # inotify limits, unsupported file systems, network shares
                error = f"native watching failed ({exc}); polling instead"
                want_polling = True
        if want_polling:
            observer = PollingObserver(timeout=watch.folder.polling_interval or 2.0)
            try:
                observer.schedule(_Handler(watch), path, recursive=watch.folder.recursive)
                observer.start()
            except Exception as exc:
                self._set_mode(watch, "stopped", str(exc))
                return
            watch.observer = observer
            self._set_mode(watch, "polling", error)
        self._scan(watch, path)  # whatever arrived while nobody watched

    def _stop_observer(self, watch: _FolderWatch) -> None:
        observer, watch.observer = watch.observer, None
        if observer is None:
            return
        try:
            observer.stop()
            observer.join(5)
        except Exception:
            pass

    def _set_mode(self, watch: _FolderWatch, mode: str, error: str | None) -> None:
        watch.mode, watch.error = mode, error
        watch.folder.last_error = error
        self.run_db(lambda: self.case.db.execute("UPDATE watched_folders SET last_error = ? WHERE path = ?",
                                                 [error, watch.folder.path]))
        if self.on_status:
            self.on_status(watch.folder, mode, error)

    def status(self) -> list[tuple[str, str, str | None]]:
        return [(w.folder.path, w.mode, w.error) for w in self.watches]
