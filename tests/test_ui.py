"""The desktop app, offscreen, on real cases: models without a window, drops, edits, export, watcher status."""
import json

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.core import edit
from app.core.sample import build_sample_case
from app.core.store import Case
from app.ui.models import MIME_IDS, ExhibitModel
from conftest import make_image, tree_fingerprint
from ui_support import WAIT, isolated_settings, open_case, sample_case, window  # noqa: F401


def read_rows(path):
    with Case.open(path, writable=False) as case:
        return case.exhibits()


def test_model_without_a_window(qtbot, sample_case):
    with Case.open(sample_case) as case:
        ids = [r["id"] for r in case.exhibits()]
        edit.group(case, ids[1:3])
        rows = case.exhibits()
    model = ExhibitModel(sample_case)
    model.set_rows(rows)
    assert model.rowCount() == 12 and model.columnCount() == 8
    assert [model.data(model.index(r, 0)) for r in range(4)] == ["证据1", "证据2-1", "证据2-2", "证据3"]
    names = {model.data(model.index(r, 1)) for r in range(12)}
    assert "京东退款申请被驳回页面截图" in names
    assert model.data(model.index(0, 7), Qt.CheckStateRole) == Qt.Checked
    moves = []
    model.moveRequested.connect(lambda ids_, before: moves.append((ids_, before)))
    mime = model.mimeData([model.index(5, 0), model.index(5, 1)])
    assert json.loads(bytes(mime.data(MIME_IDS)).decode()) == [rows[5]["id"]]
    model.dropMimeData(mime, Qt.MoveAction, 0, 0, model.index(-1, -1))
    assert moves == [([rows[5]["id"]], rows[0]["id"])]
    # thumbnails arrive lazily from the pool
    model.data(model.index(4, 0), Qt.DecorationRole)
    qtbot.waitUntil(lambda: rows[4]["sha256"] in model._thumbs, timeout=WAIT)


def test_welcome_and_sample_case_button(qtbot, window):
    assert window.stack.currentWidget() is window.welcome
    window.open_sample()
    qtbot.waitUntil(lambda: window.model.rowCount() == 12, timeout=60000)
    assert "示例案件" in window.windowTitle()
    assert len(window.events) == 10


def test_dropping_files_imports_copies_and_lists_bad_ones(qtbot, window, sample_case, tmp_path):
    open_case(qtbot, window, sample_case, 12)
    drop = tmp_path / "drop"
    make_image(drop / "Screenshot_20250312-101010.png", size=(300, 600))
    (drop / "empty.png").write_bytes(b"")
    before = tree_fingerprint(drop)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(drop))])
    event = QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.model.rowCount() == 13, timeout=WAIT)
    qtbot.waitUntil(lambda: window.problems.count() == 1, timeout=WAIT)
    assert "空文件" in window.problems.item(0).text()
    assert tree_fingerprint(drop) == before, "a drop copies; the dropped files stay as they were"
    qtbot.waitUntil(lambda: "新增 1" in window.message.text(), timeout=WAIT)  # rows arrive before the summary


def test_editing_a_field_persists(qtbot, window, sample_case):
    open_case(qtbot, window, sample_case, 12)
    window.table.selectRow(3)
    qtbot.waitUntil(lambda: window.detail.row is not None, timeout=WAIT)
    exhibit_id = window.detail.row["id"]
    window.detail.name.setText("开箱视频：内胆涂层脱落")
    window.detail.name.editingFinished.emit()
    window.detail.category.setCurrentIndex(window.detail.category.findData("product"))
    window.detail.category.activated.emit(0)
    qtbot.waitUntil(lambda: next(r for r in read_rows(sample_case) if r["id"] == exhibit_id)["name"]
                    == "开箱视频：内胆涂层脱落", timeout=WAIT)
    qtbot.waitUntil(lambda: window.model.data(window.model.index(3, 1)) == "开箱视频：内胆涂层脱落", timeout=WAIT)


def test_reorder_by_drop_and_link_on_the_timeline(qtbot, window, sample_case):
    open_case(qtbot, window, sample_case, 12)
    last = window.model.row_dict(11)["id"]
    first = window.model.row_dict(0)["id"]
    mime = window.model.mimeData([window.model.index(11, 0)])
    window.model.dropMimeData(mime, Qt.MoveAction, 0, 0, window.model.index(-1, -1))
    qtbot.waitUntil(lambda: window.model.rowCount() == 12 and window.model.row_dict(0)["id"] == last, timeout=WAIT)
    assert window.model.row_dict(1)["id"] == first
    window.tabs.setCurrentWidget(window.timeline)
    view = window.timeline.view
    qtbot.waitUntil(lambda: bool(view.markers), timeout=WAIT)
    marker = view.markers[0]
    pos = view.mapFromScene(marker.scenePos())
    drag = QMimeData()
    drag.setData(MIME_IDS, json.dumps([first]).encode())
    view.dropEvent(QDropEvent(QPointF(pos), Qt.CopyAction, drag, Qt.LeftButton, Qt.NoModifier))
    event_id = marker.event["id"]
    qtbot.waitUntil(lambda: any(e["id"] == event_id and first in e["exhibit_ids"] for e in window.events),
                    timeout=WAIT)


def test_export_dialog_produces_a_pdf(qtbot, window, sample_case):
    open_case(qtbot, window, sample_case, 12)
    window.export()
    dialog = window.dialog
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None or "失败" in dialog.status.text(), timeout=60000)
    assert dialog.result is not None, dialog.status.text()
    pdf = dialog.result.pdf_path
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    assert "已导出" in dialog.status.text()


def test_watched_folder_status_and_arrival(qtbot, window, sample_case, tmp_path):
    open_case(qtbot, window, sample_case, 12)
    watched = tmp_path / "DCIM"
    watched.mkdir()
    window.session.add_folder(str(watched), False)

    def status():
        item = window.folders.topLevelItem(0)
        return item.text(1) if item else ""

    qtbot.waitUntil(lambda: status() == "监视中", timeout=WAIT)
    make_image(watched / "Screenshot_20250312-111111.png", size=(200, 400))
    qtbot.waitUntil(lambda: window.model.rowCount() == 13, timeout=WAIT)
    qtbot.waitUntil(lambda: window.folders.topLevelItem(0).text(2) != "—", timeout=WAIT)


def test_english_translation_loads(qtbot):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from app.ui.main import install_translator

    app = QApplication.instance()
    translator = install_translator(app, "en")
    try:
        assert translator is not None
        assert QCoreApplication.translate("EvidenceBinder", "新建案件") == "New case"
        assert QCoreApplication.translate("EvidenceBinder", "证据名称") == "Exhibit name"
    finally:
        app.removeTranslator(translator)


def test_opening_a_folder_that_is_not_a_case_keeps_the_open_case(qtbot, window, sample_case, tmp_path):
    open_case(qtbot, window, sample_case, 12)
    window.table.selectRow(2)
    qtbot.waitUntil(lambda: window.detail.row is not None, timeout=WAIT)
    (tmp_path / "not_a_case").mkdir()
    window.open_case(tmp_path / "not_a_case")
    qtbot.waitUntil(lambda: "不是证据夹的案件文件夹" in window.message.text(), timeout=WAIT)
    assert window.session is not None and window.session.root == sample_case
    assert window.stack.currentWidget() is window.case_page and window.model.rowCount() == 12
    # reopening clears the detail panel instead of showing the old exhibit
    window.open_case(sample_case)
    qtbot.waitUntil(lambda: window.detail.row is None and window.detail.name.text() == "", timeout=WAIT)


def test_case_list_and_unlinking_an_event(qtbot, window, sample_case, tmp_path):
    build_sample_case(tmp_path / "library" / "second").close()
    open_case(qtbot, window, sample_case, 12)
    qtbot.waitUntil(lambda: window.case_list.count() == 2, timeout=WAIT)
    window.table.selectRow(8)  # the refusal screenshot, linked to 商家拒绝 in the sample
    qtbot.waitUntil(lambda: window.detail.row is not None and window.detail.event_links.count() == 1, timeout=WAIT)
    exhibit_id = window.detail.row["id"]
    window.detail.unlink_button.click()
    qtbot.waitUntil(lambda: not any(exhibit_id in e["exhibit_ids"] for e in window.events), timeout=WAIT)
    # switch to the other case from the list
    item = next(window.case_list.item(i) for i in range(2)
                if window.case_list.item(i).data(Qt.UserRole).endswith("second"))
    window.case_list.itemActivated.emit(item)
    qtbot.waitUntil(lambda: window.session is not None and window.session.root.name == "second", timeout=WAIT)


def test_case_form_leaves_the_platform_unset_until_chosen(qtbot):
    """A user who skips 购物平台 gets no platform (the evidence proposes one), never a preset 京东; editing a case
    without one keeps it unset, and a chosen one is kept."""
    from app.ui.dialogs import CaseForm

    new = CaseForm()
    qtbot.addWidget(new)
    new.title.setText("拼多多收纳柜退款被拒")
    assert new.values()["platform"] is None
    assert new.platform.currentText().startswith("未选择")
    edit_form = CaseForm({"title": "收纳柜", "platform": None})
    qtbot.addWidget(edit_form)
    assert edit_form.values()["platform"] is None
    chosen = CaseForm({"title": "收纳柜", "platform": "pinduoduo"})
    qtbot.addWidget(chosen)
    assert chosen.values()["platform"] == "pinduoduo" and chosen.platform.currentText() == "拼多多"
    new.platform.setCurrentIndex(new.platform.findData("douyin"))
    assert new.values()["platform"] == "douyin"


def test_chronology_says_which_events_the_evidence_proposed(qtbot):
    """An event read from the evidence and not yet confirmed is not '手动添加' (the user added nothing)."""
    from app.ui.timeline import ChronologyModel

    model = ChronologyModel(lambda i: None)
    base = {"type": "付款", "title": "付款", "occurred_at": "2025-05-12T14:02:55+08:00", "exhibit_ids": [],
            "notes": None}
    model.set_events([{**base, "id": 1, "status": "proposed", "proposal_key": "k1"},
                      {**base, "id": 2, "status": "confirmed", "proposal_key": "k2"},
                      {**base, "id": 3, "status": "confirmed", "proposal_key": None},
                      {**base, "id": 4, "status": "confirmed", "from_case": True}])
    source = ChronologyModel.COLUMNS.index("source")
    assert [model.data(model.index(r, source)) for r in range(4)] == ["读取建议（待确认）", "从证据读取", "手动添加",
                                                                     "案件信息"]
    assert model.data(model.index(0, 0), Qt.ForegroundRole) is not None
    assert model.data(model.index(2, 0), Qt.ForegroundRole) is None


def test_chronology_titles_follow_the_language(qtbot, qapp):
    """An event titled as its type (what the reader and the form write) reads in English in the English interface,
    not '下单（Order placed）'; a title the user wrote stays as written, with its type."""
    from app.ui.app import install_translator
    from app.ui.timeline import ChronologyModel

    events = [{"id": 1, "type": "下单", "title": "下单", "occurred_at": "2025-05-12T14:02:33+08:00", "exhibit_ids": [],
               "status": "confirmed"},
              {"id": 2, "type": "发现问题", "title": "开箱发现门板开裂", "occurred_at": "2025-05-15T18:40:00+08:00",
               "exhibit_ids": [], "status": "confirmed"}]
    model = ChronologyModel(lambda i: None)
    model.set_events(events)
    column = ChronologyModel.COLUMNS.index("event")
    assert [model.data(model.index(r, column)) for r in range(2)] == ["下单", "开箱发现门板开裂（发现问题）"]
    translator = install_translator(qapp, "en")
    try:
        assert [model.data(model.index(r, column)) for r in range(2)] == ["Order placed",
                                                                         "开箱发现门板开裂（Problem found）"]
    finally:
        qapp.removeTranslator(translator)
