"""The 下一步 panel, offscreen on a real case: plan shown, deadlines move when the receipt date is edited,
stage set by the user, texts copied and exported in the background, nothing on the GUI thread's disk."""
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from app.core import edit
from app.core.store import Case
from ui_support import isolated_settings  # noqa: F401

WAIT = 20000


@pytest.fixture
def jd_case(tmp_path):
    received = date.today() - timedelta(days=2)
    root = tmp_path / "library" / "rice"
    with Case.create(root, "电饭煲内胆涂层脱落", product="电饭煲", platform="jd", shop="某某旗舰店",
                     order_number="312345678901", amount_paid="399.00", received_on=received.isoformat(),
                     product_class="durable", demand="退货退款") as case:
        edit.add_event(case, "商家拒绝", occurred_at=f"{received.isoformat()}T10:00:00+08:00")
    return root


@pytest.fixture
def window(qtbot, tmp_path):
    from app.ui.main import MainWindow

    w = MainWindow(library=tmp_path / "library")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def test_panel_shows_the_plan_and_follows_edits(qtbot, window, jd_case, tmp_path):
    panel = window.next_steps
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.open_case(jd_case)
    p = panel.result["plan"]
    assert p.stage == "negotiation"
    assert "七日无理由退货" in panel.deadlines.text()
    seven = next(cd.deadline for cd in p.deadlines if cd.deadline.rule.id == "no_reason_return")
    assert str(seven.due) in panel.deadlines.text()
    assert "010-12345" in panel.contacts.text() and "950618" in panel.contacts.text()
    assert "✗" in panel.checklist.text()
    assert "312345678901" in panel.editor.toPlainText()

    # the receipt date edited: the deadline moves
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.session.update_case({"received_on": "2025-09-28"})
    moved = next(cd.deadline for cd in panel.result["plan"].deadlines if cd.deadline.rule.id == "no_reason_return")
    assert str(moved.due) == "2025-10-09" and "2025-10-09" in panel.deadlines.text()
    assert "已过" in panel.deadlines.text()

    # no receipt date: the panel says what it cannot compute and offers the form
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.session.update_case({"received_on": None})
    assert panel.result["plan"].cannot and not panel.fill_date.isHidden()

    # the user sets the stage
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        panel.stage_box.setCurrentIndex(panel.stage_box.findData("lawsuit"))
        panel.stage_box.activated.emit(panel.stage_box.currentIndex())
    assert panel.result["plan"].stage == "lawsuit" and "您设定" in panel.stage_label.text()


def test_texts_copy_and_export_with_edits(qtbot, window, jd_case, tmp_path):
    panel = window.next_steps
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.open_case(jd_case)
    panel.kind.setCurrentIndex(panel.kind.findData("complaint_12315"))
    assert "12315" in panel.editor.toPlainText() and "500" in panel.text_notes.text()
    panel.copy_text()
    assert QGuiApplication.clipboard().text() == panel.editor.toPlainText()
    panel.editor.appendPlainText("我补充的一句话")
    out = tmp_path / "out" / "投诉.docx"
    with qtbot.waitSignal(panel.exported, timeout=WAIT) as sig:
        panel.export_to(out, "docx")
    from docx import Document
    text = "\n".join(p.text for p in Document(str(sig.args[0])).paragraphs)
    assert "我补充的一句话" in text and "312345678901" in text
    # an existing file is never overwritten: the panel says so
    panel.export_to(out, "docx")
    qtbot.waitUntil(lambda: "不会覆盖" in panel.status.text(), timeout=WAIT)
    # the edit survives a recompute, and 重新生成 discards it
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.session.update_case({"amount_paid": "299.00"})
    assert "我补充的一句话" in panel.editor.toPlainText()
    panel.regenerate.click()
    assert "我补充的一句话" not in panel.editor.toPlainText() and "299.00" in panel.editor.toPlainText()


def test_a_close_deadline_is_red_and_an_estimated_one_marked(qtbot):
    from app.core.dispute.known import CaseView
    from app.core.dispute.plan import plan
    from app.ui.nextsteps import RED, NextStepsPanel

    panel = NextStepsPanel()
    qtbot.addWidget(panel)
    panel._show(plan(CaseView({"title": "t", "platform": "jd", "received_on": "2025-09-28"}, today=date(2025, 10, 7))))
    first = panel.deadlines.text().split("</div>")[0]
    assert "2025-10-09" in first and RED in first and "还剩 2 天" in first
    panel._show(plan(CaseView({"title": "t", "received_on": "2026-12-20"}, today=date(2026, 12, 21))))
    assert "（估算）" in panel.deadlines.text()


def test_parties_dialog_checks_and_saves(qtbot, window, jd_case):
    from app.ui.nextsteps import PartiesDialog

    panel = window.next_steps
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.open_case(jd_case)
    dialog = PartiesDialog(panel.result["info"], panel)
    qtbot.addWidget(dialog)
    dialog.edits["merchant_credit_code"].setText("123")
    dialog._accept()
    assert "18" in dialog.error.text() and dialog.result() != QDialog.Accepted
    dialog.edits["merchant_credit_code"].setText("91110000MA01ABCD1X")
    dialog.edits["claimant_address"].setText("浙江省杭州市西湖区文三路 1 号")
    dialog._accept()
    assert dialog.result_values["claimant_address"].startswith("浙江省杭州市")
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.session.update_case(dialog.result_values)
    assert "杭州互联网法院" in panel.result["texts"]["lawsuit"].render()
    assert "91110000MA01ABCD1X" in panel.result["texts"]["complaint_12315"].render()


def test_arrivals_recompute_the_plan_only_when_the_panel_is_seen(qtbot, window, jd_case, tmp_path):
    """At 10,000 exhibits the plan is 100-300 ms of work per arrival: out of sight it waits; case edits
    still recompute at once."""
    from conftest import make_image

    panel = window.next_steps
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.open_case(jd_case)
    window.case_page.side.setCurrentIndex(0)     # 证据详情 in front, 下一步 hidden
    assert not panel.isVisible()
    runs = []
    panel.computed.connect(lambda: runs.append(1))
    shot = make_image(tmp_path / "in" / "订单详情.png", size=(300, 600))
    window.import_paths([str(shot)])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
    qtbot.wait(600)
    assert runs == [], "the hidden panel recomputed for an arrival"
    with qtbot.waitSignal(panel.computed, timeout=WAIT):
        window.case_page.side.setCurrentWidget(panel)
    assert "订单详情" in panel.checklist.text() or "证据1" in panel.checklist.text()
    window.case_page.side.setCurrentIndex(0)
    with qtbot.waitSignal(panel.computed, timeout=WAIT):   # a case field: recomputed while hidden
        window.session.update_case({"amount_paid": "299.00"})
