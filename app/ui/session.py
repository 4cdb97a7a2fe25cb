"""An open case in the GUI: the case, its database worker, its watcher, and signals for views."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..core import edit
from ..core.ingest import Importer
from ..core.store import Case
from ..core.watch import WatchedFolder, Watcher, load_folders, remove_folder, save_folder
from .tasks import DbWorker, post


class CaseSession(QObject):
    """Every method takes an on_done(result, error) callback, called on the GUI thread."""

    changed = Signal(object)                 # edit.Changes
    outcome = Signal(object)                 # ingest.Outcome, from imports and the watcher
    watch_status = Signal(str, str, object)  # folder path, mode, error
    closed = Signal()

    def __init__(self, root: Path):
        super().__init__()
        self.root = Path(root)
        self.db = DbWorker()
        self.case: Case | None = None
        self.watcher: Watcher | None = None
        self.import_cancel = threading.Event()

    # ----- life cycle ------------------------------------------------------------------------
    def open(self, on_done, create_title: str | None = None, info: dict | None = None):
        def job():
            if create_title is not None:
                self.case = Case.create(self.root, create_title, **(info or {}))
            else:
                self.case = Case.open(self.root)
            return self.case.info()

        self.db.run(job, on_done)

    def close(self):
        if getattr(self, "_closed", False):
            return
        self._closed = True
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            watcher.stop()  # closing: let the file in hand finish before the database goes
        if self.case is not None:
            case, self.case = self.case, None
            self.db.run(case.close)
        self.db.shutdown()
        self.closed.emit()

    def _edit(self, func, on_done=None):
        def job():
            return func(self.case)

        def done(result, error):
            if error is None:
                changes = result[1] if isinstance(result, tuple) else result
                self.changed.emit(changes)
            if on_done:
                on_done(result, error)

        self.db.run(job, done)

    # ----- reads -----------------------------------------------------------------------------
    def load(self, on_done):
        self.db.run(lambda: {"info": self.case.info(), "exhibits": self.case.exhibits(),
                             "events": edit.events(self.case), "trash": edit.trashed(self.case),
                             "folders": load_folders(self.case)}, on_done)

    def load_exhibits(self, on_done):
        self.db.run(lambda: self.case.exhibits(), on_done)

    def original_path(self, row: dict) -> Path:
        return self.root / "originals" / (f"{row['sha256']}.{row['ext']}" if row["ext"] else row["sha256"])

    # ----- edits -----------------------------------------------------------------------------
    def update_case(self, fields: dict, on_done=None):
        self._edit(lambda c: edit.update_case_info(c, **fields), on_done)

    def update_exhibit(self, exhibit_id: int, fields: dict, on_done=None):
        self._edit(lambda c: edit.update_exhibit(c, exhibit_id, **fields), on_done)

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
        """Import files and folders (copies only). on_progress(done, total, outcome) on the GUI thread."""
        self.import_cancel = threading.Event()
        cancel = self.import_cancel

        def job():
            importer = Importer(self.case, via="drop", cancel=cancel,
                                on_progress=lambda d, t, o: post(on_progress, d, t, o))
            outcomes = []
            for outcome in importer.import_paths(paths):
                outcomes.append(outcome)
            return outcomes

        def done(result, error):
            if error is None:
                self.changed.emit(edit.Changes(exhibits=True))
                for o in result:
                    self.outcome.emit(o)
            on_done(result, error)

        self.db.run(job, done)

    # ----- watched folders ---------------------------------------------------------------------
    def add_folder(self, path: str, recursive: bool, on_done=None):
        self.db.run(lambda: save_folder(self.case, WatchedFolder(path=path, recursive=recursive)),
                    lambda r, e: (self.restart_watching(), on_done and on_done(r, e)))

    def set_paused(self, path: str, paused: bool, on_done=None):
        def job():
            folder = next(f for f in load_folders(self.case) if f.path == path)
            folder.paused = paused
            return save_folder(self.case, folder)

        self.db.run(job, lambda r, e: (self.restart_watching(), on_done and on_done(r, e)))

    def remove_folder(self, path: str, on_done=None):
        self.db.run(lambda: remove_folder(self.case, path),
                    lambda r, e: (self.restart_watching(), on_done and on_done(r, e)))

    def restart_watching(self):
        self.stop_watching()
        self.db.run(lambda: load_folders(self.case), self._start_watching)

    def _start_watching(self, folders, error):
        if error is not None or not folders or self.case is None:
            return

        def arrived(outcome):
            self.outcome.emit(outcome)
            self.changed.emit(edit.Changes(exhibits=True))

        def on_outcome(outcome):
            post(arrived, outcome)

        def on_status(folder, mode, err):
            post(self.watch_status.emit, folder.path, mode, err)

        self.watcher = Watcher(self.case, folders, on_outcome=on_outcome, on_status=on_status,
                               run_db=self.db.call)
        self.watcher.start()

    def stop_watching(self):
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            # It finishes the file in hand, then stops; the GUI does not wait for that.
            threading.Thread(target=watcher.stop, name="watch-stop", daemon=True).start()

    # ----- export ----------------------------------------------------------------------------
    def export(self, out: Path, options, cancel: threading.Event, on_progress, on_done):
        from ..core.export import export_court

        def job():
            return export_court(self.case, out, options, cancel=cancel,
                                on_progress=lambda step, d, t: post(on_progress, step, d, t))

        self.db.run(job, on_done)
