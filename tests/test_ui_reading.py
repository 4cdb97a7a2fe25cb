"""Reading in the window: background OCR with progress, pause/resume, search filtering, proposals panel."""
import time

import pytest
from PySide6.QtCore import QSettings

from app.core.ingest import Importer
from app.core.store import Case
from bench import screens

WAIT = 120000  # ms: OCR on a shared 2-core machine


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("EVIDENCE_BINDER_READING", "1")
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(20000)


@pytest.fixture
def window(qtbot, tmp_path):
    from app.ui.main import MainWindow

    w = MainWindow(library=tmp_path / "library")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def make_case(tmp_path, names):
    folder = tmp_path / "phone"
    folder.mkdir()
    items = screens.test_set()
    for name in names:
        screens.save(items[name], folder / name)
    root = tmp_path / "library" / "case"
    with Case.create(root, "读取") as case:
        list(Importer(case, via="cli").import_paths([str(folder)]))
    return root


def visible_rows(window):
    return [window.model.row_dict(r)["name"] for r in range(window.model.rowCount()) if not window.table.isRowHidden(r)]


def test_background_reading_names_exhibits_and_search_filters(qtbot, window, tmp_path):
    jd, chat, photo = ("Screenshot_20250302-101600_com.jingdong.app.mall.png", "Screenshot_20250415-103100.png",
                       "IMG_20250413_190211.jpg")
    root = make_case(tmp_path, [jd, chat, photo])
    window.open_case(root)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=20000)
    seen = []
    window.reading.controller.progress.connect(lambda d, t, s: seen.append((d, t, s)))
    qtbot.waitUntil(lambda: window.reading.status.text() == "读取完成", timeout=WAIT)
    assert any(s == "reading" and t == 3 for _, t, s in seen)      # 读取中 n/3 was shown on the way
    names = [window.model.row_dict(r)["name"] for r in range(3)]
    assert "京东订单详情截图（订单号…5946）" in names                  # the row updated in place
    window.reading.search.setText("不予退货")
    qtbot.waitUntil(lambda: len(visible_rows(window)) == 1, timeout=20000)
    assert "拒绝" in visible_rows(window)[0] and window.reading.found.text() == "找到 1 项"
    assert all(window.grid.isRowHidden(r) == window.table.isRowHidden(r) for r in range(3))
    window.reading.search.setText("")
    qtbot.waitUntil(lambda: len(visible_rows(window)) == 3, timeout=20000)
    # proposals: the panel lists the proposed events and case fields; its buttons, clicked, are stored
    panel = window.reading_panel
    qtbot.waitUntil(lambda: any(e["status"] == "proposed" for e in panel.events), timeout=20000)
    event = next(e for e in panel.events if e["status"] == "proposed")
    when = event["occurred_at"][:16].replace("T", " ")
    button(panel, f"{when} {event.get('title') or event['type']}", "确认").click()
    qtbot.waitUntil(lambda: any(e["id"] == event["id"] and e["status"] == "confirmed" for e in panel.events),
                    timeout=20000)
    qtbot.waitUntil(lambda: button(panel, "订单号：30802519476281035946", "采用") is not None, timeout=20000)
    button(panel, "订单号：30802519476281035946", "采用").click()
    qtbot.waitUntil(lambda: panel.info.get("order_number") == "30802519476281035946", timeout=20000)
    button(panel, "店铺：", "忽略").click()
    qtbot.waitUntil(lambda: button(panel, "店铺：", "忽略") is None, timeout=20000)
    with Case.open(root, writable=False) as case:
        assert case.info()["order_number"] == "30802519476281035946" and not case.info().get("shop")


def button(panel, label_start, caption):
    """The visible button `caption` on the panel's row whose text starts with `label_start`, as a user finds it."""
    from PySide6.QtWidgets import QLabel, QPushButton

    for label in panel.body.findChildren(QLabel):
        if label.text().startswith(label_start) and label.parent() is not panel.body:
            for b in label.parent().findChildren(QPushButton):
                if b.text() == caption:
                    return b
    return None


def test_pause_and_resume(qtbot, window, tmp_path, monkeypatch):
    from app.core.read import engine

    def slow(self, image, page=0):
        time.sleep(0.4)
        return []
    monkeypatch.setenv("EVIDENCE_BINDER_OCR_PROCESS", "0")   # a fake engine: read in this process
    monkeypatch.setattr(engine.Engine, "read_image", slow)
    root = make_case(tmp_path, ["Screenshot_20250302-101600_com.jingdong.app.mall.png",
                                "Screenshot_20250415-103100.png", "IMG_20250413_190211.jpg",
                                "Screenshot_20250412-160200.png"])
    window.open_case(root)
    qtbot.waitUntil(lambda: window.reading.pause_button.isVisible(), timeout=20000)
    window.reading.pause_button.click()
    qtbot.waitUntil(lambda: window.reading.status.text().startswith("已暂停"), timeout=20000)
    text = window.reading.status.text()
    qtbot.wait(1500)
    assert window.reading.status.text() == text and not text.endswith("4/4")    # nothing read while paused
    window.reading.pause_button.click()
    qtbot.waitUntil(lambda: window.reading.status.text() == "读取完成", timeout=20000)
    with Case.open(root, writable=False) as case:
        assert all(r["read_status"] for r in case.exhibits())
