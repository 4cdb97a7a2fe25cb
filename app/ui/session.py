"""An open case in the GUI: the case, its database worker, its watcher, and signals for views.

How the window learns about change (after Anki's operations): every edit returns an edit.Changes
naming what it changed; on the database thread, in the same job, the session reads back just those
rows and hands the views a Delta. Imports and watched-folder arrivals are noted as they come and
coalesced into at most one Delta per COALESCE_MS.

Where work runs: copying, hashing, reading facts and rendering run in the thread pool; the database
worker only runs short transactions (the importer reaches it through run_db). Long operations
(imports, exports) are counted like Picard's task counter, and close() cancels them and returns at
once: a thread of its own lets the file in hand finish, stops the watcher and closes the database.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..core import edit
from ..core.ingest import DUPLICATE, IMPORTED, Importer
from ..core.store import Case, original_path
from ..core.watch import WatchedFolder, Watcher, load_folders, remove_folder, save_folder
from .tasks import DbWorker, post, run_task

COALESCE_MS = 250

# Case folders whose session is still closing: a new session on the same folder waits for it.
_closing: dict[Path, threading.Event] = {}
_closing_lock = threading.Lock()


def wait_for_closing(timeout: float = 60.0) -> None:
    """Wait (at application exit) until every closing case has closed its database."""
    with _closing_lock:
        events = list(_closing.values())
    end = time.monotonic() + timeout
    for ev in events:
        ev.wait(max(0.0, end - time.monotonic()))


def _key(root: Path) -> Path:
    try:
        return Path(root).resolve()
    except OSError:
        return Path(root).absolute()


@dataclass
class Delta:
    """What one operation (or one coalesced batch of arrivals) changed, read back for the views."""
    changes: edit.Changes
    rows: list = field(default_factory=list)   # current rows of changes.exhibit_ids (trashed ones absent)
    order: list | None = None                 # (id, number, part) of every listed exhibit, when numbers moved
    events: list | None = None                # all events (a case has tens), when events or links changed
    info: dict | None = None
    trash: list | None = None
    folders: list | None = None
    origin: object = None                     # the view that started the change (it is up to date)


class CaseSession(QObject):
    """Every method takes an on_done(result, error) callback, called on the GUI thread."""

    changed = Signal(object)                 # Delta
    outcome = Signal(object)                 # ingest.Outcome, from imports and the watcher
    watch_status = Signal(str, str, object)  # folder path, mode, error
    tasks_changed = Signal(int)              # long operations in flight
    closed = Signal()

    def __init__(self, root: Path):
        super().__init__()
        self.root = Path(root)
        self.db = DbWorker()
        self.case: Case | None = None
        self.watcher: Watcher | None = None
        self.import_cancel = threading.Event()
        self.closing = False
        self.is_closed = False
        self._cancels: set[threading.Event] = set()
        self._exports: set[threading.Event] = set()
        self._inflight = 0
        self._idle = threading.Condition()
        self._pending: edit.Changes | None = None
        self._last_flush = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    # ----- life cycle ------------------------------------------------------------------------
    def open(self, on_done, create_title: str | None = None, info: dict | None = None):
        key = _key(self.root)

        def job():
            with _closing_lock:
                previous = _closing.get(key)
            if previous is not None:
                previous.wait(60)  # the same case, still closing in another session
            if create_title is not None:
                self.case = Case.create(self.root, create_title, **(info or {}))
            else:
                self.case = Case.open(self.root)
            return self.case.info()

        self.db.run(job, on_done)

    @property
    def busy(self) -> int:
        """Long operations (imports, exports) in flight."""
        with self._idle:
            return self._inflight

    @property
    def exporting(self) -> bool:
        return bool(self._exports)

    def _begin(self, cancel: threading.Event | None = None) -> None:
        with self._idle:
            self._inflight += 1
            count = self._inflight
        if cancel is not None:
            self._cancels.add(cancel)
        self.tasks_changed.emit(count)

    def _end(self) -> None:
        """Called on the worker thread as the operation ends, before its result goes to the GUI."""
        with self._idle:
            self._inflight -= 1
            count = self._inflight
            self._idle.notify_all()
        post(self._tasks_report, count)

    def _tasks_report(self, count: int) -> None:
        if not self.closing:
            self.tasks_changed.emit(count)

    def _run_long(self, func, on_done, cancel: threading.Event):
        """A long operation in the thread pool: counted, cancelled by close()."""
        self._begin(cancel)

        def job():
            try:
                return func()
            finally:
                self._end()

        def done(result, error):
            self._cancels.discard(cancel)
            on_done(result, error)

        run_task(job, done)

    def close(self):
        """Never blocks. Cancels imports and exports; a thread of its own lets the file in hand finish,
        stops the watcher, then closes the database. `closed` is emitted when the case is closed."""
        if self.closing:
            return
        self.closing = True
        self._timer.stop()
        self.import_cancel.set()
        for cancel in list(self._cancels):
            cancel.set()
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            watcher.request_stop()  # it stops after (or by cancelling) the file in hand
        key = _key(self.root)
        done = threading.Event()
        with _closing_lock:
            _closing[key] = done

        def finish():
            try:
                with self._idle:
                    self._idle.wait_for(lambda: self._inflight == 0, timeout=120)
                if watcher is not None:
                    watcher.stop()
                case = self.case
                if case is not None:
                    self.db.run(case.close)
                self.db.shutdown()
            finally:
                with _closing_lock:
                    if _closing.get(key) is done:
                        del _closing[key]
                done.set()
                self.is_closed = True
                post(self.closed.emit)

        threading.Thread(target=finish, name="case-close").start()

    # ----- change, read back for the views ----------------------------------------------------
    def _gather(self, changes: edit.Changes, origin=None) -> Delta:
        """On the database thread: the rows an operation changed (not the whole case)."""
        case = self.case
        delta = Delta(changes, origin=origin)
        if changes.exhibit_ids:
            delta.rows = case.exhibits(ids=changes.exhibit_ids)
        if changes.order:
            delta.order = edit.order(case)
            delta.trash = edit.trashed(case)
        if changes.events:
            delta.events = edit.events(case)
        if changes.case:
            delta.info = case.info()
        if changes.folders:
            delta.folders = load_folders(case)
        return delta

    def _deliver(self, delta: Delta) -> None:
        if not self.closing:
            self.changed.emit(delta)

    def _edit(self, func, on_done=None, origin=None):
        def job():
            result = func(self.case)
            changes = result[1] if isinstance(result, tuple) else result
            return result, self._gather(changes, origin)

        def done(value, error):
            if error is None:
                result, delta = value
                self._deliver(delta)
            else:
                result = None
            if on_done:
                on_done(result, error)

        self.db.run(job, done)

    def note(self, changes: edit.Changes) -> None:
        """Arrivals (imports, the watcher): one Delta per COALESCE_MS at most."""
        if self.closing:
            return
        self._pending = changes if self._pending is None else self._pending.merge(changes)
        if self._timer.isActive():
            return
        wait = COALESCE_MS / 1000 - (time.monotonic() - self._last_flush)
        self._timer.start(max(0, int(wait * 1000)))

    def _flush(self):
        changes, self._pending = self._pending, None
        if changes is None or self.closing:
            return
        self._last_flush = time.monotonic()
        self.db.run(lambda: self._gather(changes), lambda d, e: e is None and self._deliver(d))

    def _arrived(self, outcome, from_watcher: bool) -> None:
        if self.closing:
            return
        self.outcome.emit(outcome)
        if outcome.status in (IMPORTED, DUPLICATE) and outcome.exhibit_id is not None:
            self.note(edit.Changes(exhibits=True, exhibit_ids=(outcome.exhibit_id,), folders=from_watcher))

    # ----- reads -----------------------------------------------------------------------------
    def load(self, on_done):
        """Everything, once, when the case opens."""
        self.db.run(lambda: {"info": self.case.info(), "exhibits": self.case.exhibits(),
                             "events": edit.events(self.case), "trash": edit.trashed(self.case),
                             "folders": load_folders(self.case)}, on_done)

    def load_folders(self, on_done):
        self.db.run(lambda: load_folders(self.case), on_done)

    def original_path(self, row: dict) -> Path:
        return original_path(self.root, row)

    # ----- edits -----------------------------------------------------------------------------
    def update_case(self, fields: dict, on_done=None):
        self._edit(lambda c: edit.update_case_info(c, **fields), on_done)

    def update_exhibit(self, exhibit_id: int, fields: dict, on_done=None, origin=None):
        self._edit(lambda c: edit.update_exhibit(c, exhibit_id, **fields), on_done, origin)

    def move(self, ids, before_id, on_done=None):
        self._edit(lambda c: edit.move(c, ids, before_id), on_done)

    def group(self, ids, on_done=None):
        self._edit(lambda c: edit.group(c, ids), on_done)

    def ungroup(self, ids, on_done=None):
        self._edit(lambda c: edit.ungroup(c, ids), on_done)

    def renumber_by_time(self, on_done=None):
        self._edit(edit.renumber_by_time, on_done)

    def trash(self, ids, on_done=None):
        self._edit(lambda c: edit.trash(c, ids), on_done)

    def restore(self, ids, on_done=None):
        self._edit(lambda c: edit.restore(c, ids), on_done)

    def add_event(self, fields: dict, on_done=None):
        self._edit(lambda c: edit.add_event(c, **fields), on_done)

    def update_event(self, event_id, fields: dict, on_done=None):
        self._edit(lambda c: edit.update_event(c, event_id, **fields), on_done)

    def delete_event(self, event_id, on_done=None):
        self._edit(lambda c: edit.delete_event(c, event_id), on_done)

    def link(self, event_id, ids, on_done=None):
        self._edit(lambda c: edit.link(c, event_id, ids), on_done)

    def unlink(self, event_id, ids, on_done=None):
        self._edit(lambda c: edit.unlink(c, event_id, ids), on_done)

    # ----- import ----------------------------------------------------------------------------
    def import_paths(self, paths, on_progress, on_done):
        """Import files and folders (copies only), in the thread pool; each file's transaction on the
        database thread. on_progress(done, total, outcome) on the GUI thread."""
        cancel = threading.Event()
        self.import_cancel = cancel
        case, db = self.case, self.db

        def progress(done, total, outcome):
            self._arrived(outcome, False)
            on_progress(done, total, outcome)

        def job():
            importer = Importer(case, via="drop", cancel=cancel, run_db=db.call,
                                on_progress=lambda d, t, o: post(progress, d, t, o))
            return list(importer.import_paths(paths))

        self._run_long(job, on_done, cancel)

    # ----- watched folders ---------------------------------------------------------------------
    def _folders_changed(self, on_done):
        def done(result, error):
            self.restart_watching()
            if on_done:
                on_done(result, error)
        return done

    def add_folder(self, path: str, recursive: bool, on_done=None):
        self._edit(lambda c: (save_folder(c, WatchedFolder(path=path, recursive=recursive)),
                              edit.Changes(folders=True)), self._folders_changed(on_done))

    def set_paused(self, path: str, paused: bool, on_done=None):
        def job(case):
            folder = next(f for f in load_folders(case) if f.path == path)
            folder.paused = paused
            return save_folder(case, folder), edit.Changes(folders=True)

        self._edit(job, self._folders_changed(on_done))

    def remove_folder(self, path: str, on_done=None):
        self._edit(lambda c: (remove_folder(c, path), edit.Changes(folders=True)), self._folders_changed(on_done))

    def restart_watching(self):
        if self.closing:
            return
        self.stop_watching()
        self.db.run(lambda: load_folders(self.case), self._start_watching)

    def _start_watching(self, folders, error):
        if error is not None or not folders or self.case is None or self.closing:
            return

        def on_outcome(outcome):
            post(self._arrived, outcome, True)

        def on_status(folder, mode, err):
            post(lambda: None if self.closing else self.watch_status.emit(folder.path, mode, err))

        self.watcher = Watcher(self.case, folders, on_outcome=on_outcome, on_status=on_status,
                               run_db=self.db.call)
        self.watcher.start()

    def stop_watching(self):
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            # It cancels the file in hand and stops; the GUI does not wait for that.
            threading.Thread(target=watcher.stop, name="watch-stop", daemon=True).start()

    # ----- channel packs (issue 13) --------------------------------------------------------------
    def pack_job(self, func, on_done, cancel: threading.Event | None = None, export: bool = False):
        """func(case) in the thread pool on a connection of its own (previews, packs, redaction pages);
        a pack counts as an export, so closing the window asks first and cancels it."""
        root = self.root
        cancel = cancel or threading.Event()
        if export:
            self._exports.add(cancel)

        def job():
            with Case.open(root, writable=False) as case:
                return func(case)

        def done(result, error):
            self._exports.discard(cancel)
            on_done(result, error)

        self._run_long(job, done, cancel)

    # ----- export ----------------------------------------------------------------------------
    def export(self, out: Path, options, cancel: threading.Event, on_progress, on_done):
        """Render in the thread pool on a connection of its own: the database thread stays free."""
        from ..core.export import export_court

        root = self.root
        self._exports.add(cancel)

        def job():
            with Case.open(root, writable=False) as case:
                return export_court(case, out, options, cancel=cancel,
                                    on_progress=lambda step, d, t: post(on_progress, step, d, t))

        def done(result, error):
            self._exports.discard(cancel)
            on_done(result, error)

        self._run_long(job, done, cancel)
