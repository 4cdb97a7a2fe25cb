"""The one road from background work back to the GUI thread (after Picard's run_task).

run_task(func, on_done) runs func in the global thread pool; on_done(result, error) is called on
the GUI thread. The GUI thread itself never touches files or the database.
"""
from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Bridge(QObject):
    finished = Signal(object, object, object)  # callback, result, error


class _Task(QRunnable):
    def __init__(self, func, on_done, bridge: _Bridge):
        super().__init__()
        self.func, self.on_done, self.bridge = func, on_done, bridge

    def run(self):
        try:
            result, error = self.func(), None
        except Exception as exc:  # handed to the GUI as a value, shown in plain words there
            result, error = None, exc
            traceback.print_exc()
        self.bridge.finished.emit(self.on_done, result, error)


_bridge: _Bridge | None = None


def _deliver(callback, result, error):
    if callback is not None:
        callback(result, error)


def run_task(func, on_done=None) -> None:
    global _bridge
    if _bridge is None:
        _bridge = _Bridge()
        _bridge.finished.connect(_deliver)
    QThreadPool.globalInstance().start(_Task(func, on_done, _bridge))
