"""What the window tests share: settings of their own, the sample case, a shown window, and opening a case.
Imported by the test modules (`from ui_support import ...`), so pytest finds the fixtures there."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.core.sample import build_sample_case

WAIT = 20000  # ms: every wait has a timeout


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """The app's settings in the test's folder; afterwards every case closed and every pool job done."""
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield
    from PySide6.QtCore import QThreadPool

    from app.ui.session import wait_for_closing

    wait_for_closing(60)
    QThreadPool.globalInstance().waitForDone(20000)


@pytest.fixture
def sample_case(tmp_path):
    build_sample_case(tmp_path / "library" / "sample").close()
    return tmp_path / "library" / "sample"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The main window on a library in the test's folder; confirmations answered yes."""
    from app.ui.main import MainWindow

    w = MainWindow(library=tmp_path / "library")
    monkeypatch.setattr(w, "confirm", lambda *a: True)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def open_case(qtbot, window, path, rows):
    window.open_case(path)
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() == rows, timeout=WAIT)
