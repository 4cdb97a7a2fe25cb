"""The roads from background work back to the GUI thread (after Picard's run_task and Anki's taskman).

- run_task(func, on_done): func runs in the global thread pool (files, images, PDF rendering);
  on_done(result, error) runs on the GUI thread.
- DbWorker.run(func, on_done): func runs on the one serial thread that owns the case database; every
  read and write of a case goes through it, in order.
The GUI thread itself never touches files or the database.
"""
from __future__ import annotations

import concurrent.futures
import logging
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Bridge(QObject):
    finished = Signal(object, object, object)  # callback, result, error


_bridge: _Bridge | None = None


def _deliver(callback, result, error):
    if callback is not None:
        callback(result, error)


def bridge() -> _Bridge:
    global _bridge
    if _bridge is None:
        _bridge = _Bridge()
        _bridge.finished.connect(_deliver)
    return _bridge


class _Task(QRunnable):
    def __init__(self, func, on_done):
        super().__init__()
        self.func, self.on_done = func, on_done

    def run(self):
        try:
            result, error = self.func(), None
        except Exception as exc:  # handed to the GUI as a value and shown in plain words there
            log.debug("background task failed: %s", traceback.format_exc())
            result, error = None, exc
        _emit(self.on_done, result, error)


def _emit(callback, result, error) -> None:
    try:
        bridge().finished.emit(callback, result, error)
    except RuntimeError:  # the application is shutting down: nobody is left to tell
        pass


def disconnect(signal, slot) -> None:
    """Disconnect `slot` from `signal` if it is connected; a session already closed (its Qt object gone) or
    a slot never connected is not an error: a view following a new case just lets go of the old one."""
    try:
        signal.disconnect(slot)
    except (RuntimeError, TypeError):
        pass


def post(func, *args) -> None:
    """Run func(*args) on the GUI thread (from any thread)."""
    _emit(lambda *_: func(*args), None, None)


def run_task(func, on_done=None) -> None:
    bridge()  # created on the GUI thread
    QThreadPool.globalInstance().start(_Task(func, on_done))


class DbWorker:
    """One thread, in order, for everything that touches the open case's database."""

    def __init__(self):
        bridge()
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="case-db")

    def run(self, func, on_done=None) -> concurrent.futures.Future:
        def job():
            try:
                result, error = func(), None
            except Exception as exc:
                log.debug("database task failed: %s", traceback.format_exc())
                result, error = None, exc
            _emit(on_done, result, error)
            if error is not None:
                raise error
            return result

        try:
            return self._pool.submit(job)
        except RuntimeError:  # the case has closed: nothing is left to read or write
            log.debug("database task after close dropped")
            return None

    def call(self, func):
        """Run func on the database thread and wait for it (for threads other than the GUI thread)."""
        return self._pool.submit(func).result()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
