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



def test_redaction_editor_shows_nothing_to_draw_on_while_the_next_picture_loads(qtbot, window, monkeypatch):
    """Picking the next exhibit left the last picture up for the seconds the next one took to load: a box drawn
    on it was saved on the next exhibit. Now the last picture goes at once and nothing can be drawn meanwhile."""
    import threading

    from app.core.export import packs, redact
    from app.ui.packs import RedactionEditor

    gate = threading.Event()

    def lines(self, row, im, page):
        if row["id"] == second["id"]:
            gate.wait(20)                       # the second picture is slow to read
        return [], im.size
    monkeypatch.setattr(packs.Redactor, "_lines", lines)
    case = window.session.case
    first, second = [r for r in case.exhibits() if r["kind"] == "screenshot"][:2]
    editor = RedactionEditor(window.session, [(first, 0), (second, 0)], window)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor._size is not None, timeout=WAIT)
    w, h = editor._size
    editor.list.setCurrentRow(1)
    assert editor._size is None and not editor.scene.items()     # the first picture is gone
    editor._add(QRectF(w * 0.1, h * 0.1, w * 0.3, h * 0.05))     # a drag meanwhile adds nothing
    gate.set()
    qtbot.waitUntil(lambda: editor._size is not None, timeout=WAIT)
    qtbot.wait(300)
    with Case.open(window.session.root, writable=False) as c:
        assert [a for a in redact.stored(c, second["id"], 0) if a.origin == "user"] == []


def _choices():
    from app.core.export.packs import Choice
    from app.core.messages import Said

    rows = [{"id": i, "number": i, "part": None, "name": f"证据名{i}", "category": cat}
            for i, cat in ((9, "refusal"), (6, "order"), (10, "call"))]
    return [Choice(rows[0], "9", 1, True, Said("pack_chosen_because", rank=1, why=Said("pack_why_refusal")), 1),
            Choice(rows[1], "6", 2, False, Said("pack_over_count", n=1, channel="京东", channel_en="JD")),
            Choice(rows[2], "10", 3, False, Said("pack_audio"))]


def test_choice_model_defaults_to_the_core_and_keeps_the_users_checks(qapp):
    from PySide6.QtCore import Qt

    from app.ui.packs import ChoiceModel

    model = ChoiceModel()
    changes = []
    model.selection_changed.connect(lambda: changes.append(model.selected()))
    model.set_choices(_choices())
    assert model.rowCount() == 3 and model.selected() == ["9"] and model.is_default()
    assert model.data(model.index(2, 0)) == "第3"                          # the order of importance shows
    assert model.data(model.index(0, 1)) == "证据9" and model.data(model.index(0, 2)) == "证据名9"
    assert model.data(model.index(0, 4)) == "默认放入：商家拒绝的记录，审核最先看"
    assert model.data(model.index(1, 4)).startswith("超出京东最多 1 张")
    assert model.data(model.index(1, 0), Qt.CheckStateRole) == Qt.Unchecked
    assert model.flags(model.index(1, 0)) & Qt.ItemIsUserCheckable
    model.setData(model.index(1, 0), Qt.Checked, Qt.CheckStateRole)
    model.setData(model.index(0, 0), Qt.Unchecked, Qt.CheckStateRole)
    assert model.selected() == ["6"] and changes[-1] == ["6"] and not model.is_default()
    assert model.data(model.index(1, 4)).endswith("（已改为放入）")
    # a new channel: new defaults, the user's checks kept where they still differ from them
    again = _choices()
    again[1].chosen = True
    model.set_choices(again)
    assert model.selected() == ["6"] and list(model.overrides) == ["9"]
    model.reset()
    assert model.selected() == ["9", "6"] and model.is_default()


def test_choice_model_speaks_english_in_the_english_ui(qapp):
    from PySide6.QtCore import Qt

    from app.ui.labels import settings
    from app.ui.packs import ChoiceModel, describe_result

    settings().setValue("language", "en")
    model = ChoiceModel()
    model.set_choices(_choices())
    assert model.data(model.index(0, 4)) == "in by default: the merchant's refusal, what a reviewer reads first"
    assert model.data(model.index(2, 4), Qt.ToolTipRole).startswith("a recording cannot be uploaded")
    from pathlib import Path

    from app.core.export.packs import PackResult
    from app.core.messages import Said

    result = PackResult("platform", "jd", Path("/x/p"), Path("/x/p.zip"), [],
                        [{"exhibit": "6", "name": "订单", "reason": Said("pack_over_count", n=1, channel="京东",
                                                                        channel_en="JD")},
                         {"exhibit": "10", "name": "录音", "reason": Said("pack_audio")}],
                        [Said("pack_exhibit_note", number="9", note=Said("pack_split", n=3))],
                        [Said("pack_default_limits", n=5, mb=3, channel="京东", channel_en="JD")])
    text = describe_result(result)
    assert "exhibit 9: long screenshot split between lines of text into 3 images" in text
    assert "a recording cannot be uploaded" in text and "JD publishes no upload limits" in text
    assert "长截图" not in text and "录音无法" not in text


def test_export_dialog_packs_the_exhibits_chosen_in_its_list(qtbot, window):
    from PySide6.QtCore import Qt

    window.export()
    dialog = window.dialog
    _choose(dialog, "platform")
    panel = dialog.pack_panel
    qtbot.waitUntil(lambda: panel.choices_ready and panel.last_preview is not None, timeout=WAIT)
    model = panel.choices
    assert panel.table.isVisible() and model.rowCount() == 12
    assert model.choices[0].row["category"] == "refusal"              # most important first
    assert len(model.selected()) == 5                                 # the core's choice: JD's five images
    assert "不放入" in panel.preview.text()
    # leave out the second-ranked exhibit and put in the first the core left out
    out_label = model.choices[1].label
    in_label = next(c.label for c in model.choices if not c.chosen and c.row["kind"] in ("photo", "screenshot"))
    panel.last_preview = None
    model.setData(model.index(1, 0), Qt.Unchecked, Qt.CheckStateRole)
    row = next(i for i, c in enumerate(model.choices) if c.label == in_label)
    model.setData(model.index(row, 0), Qt.Checked, Qt.CheckStateRole)
    qtbot.waitUntil(lambda: panel.last_preview is not None, timeout=WAIT)
    assert panel.reset_button.isEnabled() and panel.last_preview.exhibits == 5
    wanted = set(model.selected())
    assert in_label in wanted and out_label not in wanted
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None or "失败" in dialog.status.text(), timeout=WAIT)
    assert dialog.result is not None, dialog.status.text()
    manifest = json.loads((dialog.result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert {f["exhibit"] for f in manifest["files"] if f["role"] == "image"} == wanted


def test_export_dialog_refuses_an_empty_choice(qtbot, window):
    from PySide6.QtCore import Qt

    window.export()
    dialog = window.dialog
    _choose(dialog, "internet_court")
    panel = dialog.pack_panel
    qtbot.waitUntil(lambda: panel.choices_ready, timeout=WAIT)
    for i in range(panel.choices.rowCount()):
        panel.choices.setData(panel.choices.index(i, 0), Qt.Unchecked, Qt.CheckStateRole)
    assert panel.selected_numbers() == [] and "至少勾选一项" in panel.preview.text()
    dialog.start()
    assert dialog.cancel_event is None and "至少勾选一项" in dialog.status.text()


def test_the_pack_summary_is_never_cut_off_on_a_small_screen(qtbot, window):
    """A pack's summary can run to a dozen lines (limits, adjustments, notes); in a dialog as short as a
    1366x768 laptop leaves room for, every line is still there to read (it scrolls in its own area)
    instead of being clipped at the bottom, and the dialog does not grow past the screen."""
    window.export()
    dialog = window.dialog
    _choose(dialog, "public")
    panel = dialog.pack_panel
    qtbot.waitUntil(lambda: panel.last_preview is not None, timeout=WAIT)
    label = panel.preview
    label.setText("\n".join(f"调整：证据{i}：受黑猫投诉张数上限所限，本应分成 3 张，改为 3 段并排放在一张图里" for i in range(14)))
    qtbot.wait(100)
    # what the dialog needs at least must fit a 768-pixel screen with its title bar and a task bar
    assert dialog.minimumSizeHint().height() <= 640, dialog.minimumSizeHint()
    dialog.resize(560, 560)
    qtbot.wait(300)
    assert label.height() >= label.heightForWidth(label.width()), "the summary's last lines are cut off"
