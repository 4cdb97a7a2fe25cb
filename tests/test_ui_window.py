"""The window as a new user meets it: typed times, the detail panel's truth, previews, opening a case
from outside, the first look of an empty case, menus and shortcuts."""
import os
import subprocess
import sys

import pytest
from PIL import Image
from PySide6.QtGui import QKeySequence

from app.core.labels import parse_typed_time
from app.core.store import Case
from conftest import ROOT
from ui_support import WAIT, isolated_settings, open_case, sample_case, window  # noqa: F401


def select(qtbot, window, name_part):
    row = next(i for i in range(window.model.rowCount()) if name_part in window.model.row_dict(i)["name"])
    window.table.selectRow(row)
    qtbot.waitUntil(lambda: window.detail.row is not None and name_part in window.detail.row["name"], timeout=WAIT)
    return window.detail.row


@pytest.mark.parametrize("text,iso", [
    ("2025-03-05 14:30", "2025-03-05T14:30:00+08:00"), ("2025/3/5 14:30:12", "2025-03-05T14:30:12+08:00"),
    ("2025年3月5日 9:05", "2025-03-05T09:05:00+08:00"), ("20250305 1430", "2025-03-05T14:30:00+08:00"),
    ("2025-03-05", "2025-03-05T00:00:00+08:00")])
def test_typed_times_are_china_time(text, iso):
    assert parse_typed_time(text).isoformat() == iso


@pytest.mark.parametrize("text", ["下周", "2025-02-30", "2025-03-05 25:00", "14:30"])
def test_a_typed_time_that_is_not_one_is_refused(text):
    with pytest.raises(ValueError):
        parse_typed_time(text)


def test_event_typed_as_1430_is_saved_as_1430(qtbot, window, sample_case):
    from app.ui.dialogs import EventDialog

    dialog = EventDialog(parent=window)
    qtbot.addWidget(dialog)
    assert len(dialog.when.line.text()) == 16, "a new event starts at now, to the minute (no seconds)"
    dialog.when.line.setText("")
    qtbot.keyClicks(dialog.when.line, "2025-03-05 14:30")
    assert dialog.values()["occurred_at"] == "2025-03-05T14:30:00+08:00"
    dialog.when.line.setText("明天下午")
    dialog._accept()
    assert dialog.result() == 0 and "看不懂" in dialog.error.text()
    dialog.when.line.setText("")
    assert dialog.values()["occurred_at"] is None  # empty: 待定


def test_capture_time_typed_in_the_detail_panel(qtbot, window, sample_case):
    open_case(qtbot, window, sample_case, 12)
    row = select(qtbot, window, "微信支付")
    window.detail.when.line.setText("2025-03-05 15:10")
    window.detail.when.line.editingFinished.emit()
    qtbot.waitUntil(lambda: window.model.row_dict(window.model.row_of(row["id"]))["captured_at"]
                    == "2025-03-05T15:10:00+08:00", timeout=WAIT)
    with Case.open(sample_case, writable=False) as case:
        stored = next(r for r in case.exhibits() if r["id"] == row["id"])
    assert (stored["captured_at"], stored["captured_at_source"]) == ("2025-03-05T15:10:00+08:00", "manual")


def test_purpose_placeholder_does_not_leak_to_the_next_case(qtbot, window, sample_case, tmp_path):
    open_case(qtbot, window, sample_case, 12)
    select(qtbot, window, "京东退款申请")
    shown = window.detail.purpose.placeholderText()
    assert "证明" in shown and shown != "这份证据能证明什么，例如：证明商家拒绝退货"  # this exhibit's own proposal
    other = tmp_path / "library" / "empty"
    Case.create(other, "空案件").close()
    window.open_case(other)
    qtbot.waitUntil(lambda: window.session is not None and window.session.root == other, timeout=WAIT)
    assert window.detail.purpose.placeholderText() == "这份证据能证明什么，例如：证明商家拒绝退货"
    qtbot.waitUntil(lambda: window.case_page.guide.isVisible(), timeout=WAIT)  # an empty case says what to do
    assert "拖到这里" in window.case_page.guide.findChildren(type(window.message))[0].text()


def test_heic_previews_like_its_thumbnail(qtbot, window, tmp_path):
    import pillow_heif

    case_dir = tmp_path / "library" / "heic"
    heic = tmp_path / "IMG_4021.HEIC"
    pillow_heif.from_pillow(Image.new("RGB", (320, 240), (30, 120, 200))).save(str(heic))
    from app.core.ingest import Importer

    with Case.create(case_dir, "HEIC") as case:
        assert Importer(case, durable=False).import_file(heic).status == "imported"
    open_case(qtbot, window, case_dir, 1)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.preview.stack.currentWidget() is window.preview.scroll
                    or "无法显示" in window.preview.message.text(), timeout=WAIT)
    assert window.preview.stack.currentWidget() is window.preview.scroll, window.preview.message.text()
    assert window.preview._image.width() == 320


def test_pdf_preview_says_which_page(qtbot, window, sample_case):
    open_case(qtbot, window, sample_case, 12)
    row = select(qtbot, window, "检验检测报告")
    qtbot.waitUntil(lambda: window.preview.page_label.isVisible(), timeout=WAIT)
    assert window.preview.page_label.text() == f"第 1 / {row['pages']} 页"


def test_open_from_outside(qtbot, window, sample_case, tmp_path):
    plain = tmp_path / "Downloads"
    plain.mkdir()
    window.open_from_outside(plain)
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.notice.isVisible() and "不是证据夹的案件文件夹" in window.welcome.notice.text()
    window.open_from_outside(sample_case)
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() == 12, timeout=WAIT)
    assert not window.welcome.notice.isVisible()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only a Linux session can lack a display")
def test_cli_open_without_a_display_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for args in (["open", str(tmp_path)], [str(tmp_path)]):
        r = subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                           timeout=60, cwd=ROOT)
        assert r.returncode == 1 and "图形桌面" in r.stderr and "Traceback" not in r.stderr


def test_menus_carry_the_usual_shortcuts(qtbot, window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    shortcuts = {a.text(): a.shortcuts() for m in window.menuBar().actions() for a in m.menu().actions()}
    assert QKeySequence("Ctrl+Q") in shortcuts["退出"]
    assert QKeySequence("Ctrl+Z") in shortcuts["撤销移到回收站"]
    assert QKeySequence(QKeySequence.Delete) in shortcuts["移到回收站"]
    assert QKeySequence("Ctrl+I") in shortcuts["导入文件…"]
    assert all(not a.icon().isNull() for a in window.toolbar.actions() if not a.isSeparator())
    window.show_guide()
    assert "证据夹使用指南" in window.dialog.text.toPlainText()


def test_window_fits_a_laptop_screen(qtbot, window, sample_case):
    window.resize(1366, 768)
    open_case(qtbot, window, sample_case, 12)
    for i in range(3):
        window.tabs.setCurrentIndex(i)
        select(qtbot, window, "检验检测报告")
        qtbot.wait(200)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 740, (i, hint)
        assert window.width() <= 1366


def test_chronology_lists_case_dates_and_chips_select_exhibits(qtbot, window, sample_case):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from app.core import edit

    with Case.open(sample_case) as case:
        case.db["case_info"].update(1, {"received_on": "2025-03-03", "paid_on": "2025-03-02"})
        for event in edit.events(case):
            if event["type"] == "签收":
                edit.delete_event(case, event["id"])
    open_case(qtbot, window, sample_case, 12)
    window.tabs.setCurrentWidget(window.timeline)
    chronology = window.timeline.chronology
    qtbot.waitUntil(lambda: chronology.rowCount() >= 10, timeout=WAIT)
    kinds = [(e["type"], bool(e.get("from_case"))) for e in chronology.events]
    assert ("签收", True) in kinds, "the receipt date from the case facts is an event of the chronology"
    assert ("付款", True) not in kinds, "a fact that is already an event is not repeated"
    receipt = next(r for r in range(chronology.rowCount()) if chronology.events[r]["type"] == "签收")
    assert chronology.data(chronology.index(receipt, 0)) == "2025-03-03"
    assert chronology.data(chronology.index(receipt, 3)) == "案件信息"
    texts = [chronology.data(chronology.index(r, 0)) for r in range(chronology.rowCount())]
    assert texts[-1] == "待定", "undated events stay visible, last"
    row = next(r for r in range(chronology.rowCount()) if chronology.chips(r))
    exhibit_id, label = chronology.chips(row)[0]
    table = window.timeline.table
    table.scrollTo(chronology.index(row, 2))
    rect = table.visualRect(chronology.index(row, 2))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(rect.left() + 12, rect.center().y()))
    qtbot.waitUntil(lambda: window.detail.row is not None and window.detail.row["id"] == exhibit_id, timeout=WAIT)


def test_case_fact_dates_become_chronology_events():
    from app.ui.timeline import case_fact_events

    info = {"ordered_on": "2025-03-01", "paid_on": "2025-03-01", "received_on": "2025-03-03"}
    facts = case_fact_events(info, [{"type": "签收", "occurred_at": "2025-03-03T18:00:00+08:00"}])
    assert [(e["type"], e["occurred_at"][:10]) for e in facts] == [("下单", "2025-03-01"), ("付款", "2025-03-01")]
    assert all(e["from_case"] and e["id"] is None for e in facts)


def test_an_empty_case_asks_for_what_its_checklist_asks(qtbot, window, tmp_path):
    """The empty case's drop box lists the dispute engine's checklist (the items 下一步 shows), so it
    follows the case: a food case claiming ten times the price asks for the label and the snapshot."""
    from app.core.dispute.checklist import checklist
    from app.core.dispute.known import load

    root = tmp_path / "library" / "food"
    Case.create(root, "过期零食", platform="jd", product_class="food", demand="十倍赔偿").close()
    window.open_case(root)
    guide = window.case_page.guide
    qtbot.waitUntil(lambda: guide.isVisible() and guide.items is not None, timeout=WAIT)
    text = guide.checklist.text()
    with Case.open(root, writable=False) as case:
        wanted = [i.label for i in checklist(load(case)) if not i.done]
    assert wanted and all(label in text for label in wanted)
    assert "问题的照片或视频（含生产日期和保质期）" in text and "不符合食品安全标准的证据" in text
    assert "交易快照" in text and "订单详情页" in text  # how to get a required item, in words
    window.resize(1366, 768)
    qtbot.wait(100)
    assert window.minimumSizeHint().height() <= 740, window.minimumSizeHint()  # fits a laptop screen
    window.session.update_case({"product_class": "durable", "demand": "退货退款"})
    qtbot.waitUntil(lambda: "不符合食品安全标准" not in guide.checklist.text() and bool(guide.checklist.text()),
                    timeout=WAIT)
    assert "付款凭证" in guide.checklist.text()


def test_the_guide_and_the_empty_case_in_english(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QApplication

    from app.ui.guide import SECTIONS, GuideDialog
    from app.ui.labels import settings, tr
    from app.ui.main import install_translator

    app = QApplication.instance()
    translator = install_translator(app, "en")
    settings().setValue("language", "en")
    try:
        untranslated = [s[:30] for s in SECTIONS if tr(s) == s]
        assert not untranslated, f"guide sections without English: {untranslated}"
        dialog = GuideDialog()
        qtbot.addWidget(dialog)
        shown = dialog.text.toPlainText()
        assert "Evidence Binder guide" in shown and "Shortcuts" in shown and "使用指南" not in shown
        root = tmp_path / "library" / "en"
        Case.create(root, "empty", platform="jd").close()
        window.open_case(root)
        guide = window.case_page.guide
        qtbot.waitUntil(lambda: guide.isVisible() and guide.items is not None, timeout=WAIT)
        shown = guide.checklist.text()
        assert "Proof of payment" in shown and "(optional)" in shown and "付款凭证" not in shown and "可选" not in shown
    finally:
        app.removeTranslator(translator)
        settings().setValue("language", "zh")
