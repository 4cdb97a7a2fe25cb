"""The export dialog's channel packs, offscreen: preview, build, open folder; the redaction editor."""
import json

import pytest
from PySide6.QtCore import QRectF

from app.core.store import Case
from ui_support import isolated_settings, open_case, sample_case  # noqa: F401
from ui_support import window as bare_window  # noqa: F401

WAIT = 60000  # ms: packs render images; every wait has a timeout


@pytest.fixture
def window(qtbot, bare_window, sample_case):  # noqa: F811
    open_case(qtbot, bare_window, sample_case, 12)
    return bare_window


def _choose(dialog, profile):
    dialog.profile.setCurrentIndex(dialog.profile.findData(profile))


def test_platform_pack_from_the_export_dialog(qtbot, window):
    window.export()
    dialog = window.dialog
    _choose(dialog, "platform")
    assert dialog.pack_panel.isVisible() and not dialog.cause.isVisible()
    qtbot.waitUntil(lambda: dialog.pack_panel.last_preview is not None, timeout=WAIT)
    preview = dialog.pack_panel.last_preview
    assert preview.files == 5                       # JD's (default) limit of five images
    assert "不放入" in dialog.pack_panel.preview.text()
    dialog.pack_panel.platform.setCurrentIndex(dialog.pack_panel.platform.findData("pdd"))
    assert "拼多多" in dialog.out.text()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None or "失败" in dialog.status.text(), timeout=WAIT)
    assert dialog.result is not None, dialog.status.text()
    folder = dialog.result.folder
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["channel"] == "pdd" and len([f for f in manifest["files"] if f["role"] == "image"]) == 5
    assert "已生成" in dialog.status.text() and dialog.folder_button.isVisible()
    assert dialog.folder_button.text() == "打开文件夹"


def test_switching_back_to_court_restores_its_fields(qtbot, window):
    window.export()
    dialog = window.dialog
    _choose(dialog, "internet_court")
    qtbot.waitUntil(lambda: dialog.pack_panel.last_preview is not None, timeout=WAIT)
    assert dialog.pack_panel.court.isVisible() and not dialog.pack_panel.platform.isVisible()
    _choose(dialog, "court")
    assert dialog.cause.isVisible() and not dialog.pack_panel.isVisible()
    assert dialog.out.text().endswith(".pdf")


def test_redaction_editor_adds_and_removes_boxes_without_touching_the_original(qtbot, window, monkeypatch):
    from app.core.export import packs, redact
    from app.ui.packs import RedactionEditor

    # No OCR here (the round trip with the real engine is in test_public_pack): no lines on the picture.
    monkeypatch.setattr(packs.Redactor, "_lines", lambda self, row, im, page: ([], im.size))
    case = window.session.case
    row = next(r for r in case.exhibits() if r["kind"] == "screenshot")
    original = case.original_path(row["sha256"], row["ext"]).read_bytes()
    editor = RedactionEditor(window.session, [(row, 0)], window)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor._size is not None, timeout=WAIT)
    w, h = editor._size
    editor._add(QRectF(w * 0.1, h * 0.1, w * 0.3, h * 0.05))
    qtbot.waitUntil(lambda: editor._boxes and editor._boxes[0].area_id is not None, timeout=WAIT)

    def stored():
        with Case.open(window.session.root, writable=False) as c:
            return redact.stored(c, row["id"], 0)
    qtbot.waitUntil(lambda: len(stored()) == 1, timeout=WAIT)
    (area,) = stored()
    assert area.origin == "user" and abs(area.box[0] - 0.1) < 0.01 and abs(area.box[2] - 0.4) < 0.01
    editor._boxes[0].setSelected(True)
    editor._remove_selected()
    qtbot.waitUntil(lambda: stored() == [], timeout=WAIT)
    assert case.original_path(row["sha256"], row["ext"]).read_bytes() == original
