"""The window's promises as a case grows: no database or file work on the GUI thread, views updated from
what each operation changed (never a full reload), arrivals coalesced, close never waits, trash tells
the truth. Each test fails when its promise breaks (checked by breaking the code once)."""
import json
import threading
import time

import filetype
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.core import edit, filetypes
from app.core.ingest import Importer
from app.core.store import Case
from app.core.verify import verify_case
from app.ui.models import MIME_IDS
from conftest import make_image
from ui_support import WAIT, isolated_settings, open_case, sample_case, window  # noqa: F401


def drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))


def test_no_database_statement_and_no_copy_on_the_gui_thread(qtbot, window, sample_case, tmp_path, monkeypatch):
    open_case(qtbot, window, sample_case, 12)
    session = window.session
    statements: list[tuple[str, str]] = []
    session.db.call(lambda: session.case.db.conn.set_trace_callback(
        lambda sql: statements.append((threading.current_thread().name, sql))))
    copies: list[str] = []
    real_copy = Importer._copy

    def spy(self, *args):
        copies.append(threading.current_thread().name)
        return real_copy(self, *args)

    monkeypatch.setattr(Importer, "_copy", spy)
    make_image(tmp_path / "in" / "Screenshot_20250312-101010.png", size=(300, 600))
    drop(window, [tmp_path / "in"])
    qtbot.waitUntil(lambda: window.model.rowCount() == 13, timeout=WAIT)
    window.table.selectRow(2)
    qtbot.waitUntil(lambda: window.detail.row is not None, timeout=WAIT)
    window.detail.name.setText("改过的名称")
    window.detail.name.editingFinished.emit()
    window.trash_selected()
    qtbot.waitUntil(lambda: window.model.rowCount() == 12, timeout=WAIT)
    window.session.add_event({"type": "发现问题", "occurred_at": "2025-03-06T10:00:00+08:00"})
    qtbot.waitUntil(lambda: len(window.events) == 11, timeout=WAIT)
    assert statements, "the trace saw the statements"
    gui = threading.main_thread().name
    assert not [sql for name, sql in statements if name == gui], "a database statement ran on the GUI thread"
    assert copies and gui not in copies, "a file was copied on the GUI thread"
    assert not any(name.startswith("case-db") for name in copies), "copying held up the database thread"


def test_edits_and_arrivals_update_rows_without_a_reload(qtbot, window, sample_case, tmp_path):
    open_case(qtbot, window, sample_case, 12)
    resets, inserted, removed, layouts = [], [], [], []
    window.model.modelReset.connect(lambda: resets.append(1))
    window.model.rowsInserted.connect(lambda p, a, b: inserted.append((a, b)))
    window.model.rowsRemoved.connect(lambda p, a, b: removed.append((a, b)))
    window.model.layoutChanged.connect(lambda *a: layouts.append(1))
    first_id = window.model.row_dict(0)["id"]
    window.session.update_exhibit(first_id, {"name": "订单详情（改）"})
    qtbot.waitUntil(lambda: window.model.row_dict(0)["name"] == "订单详情（改）", timeout=WAIT)
    make_image(tmp_path / "in" / "Screenshot_20250313-101010.png", size=(300, 600))
    drop(window, [tmp_path / "in"])
    qtbot.waitUntil(lambda: window.model.rowCount() == 13, timeout=WAIT)
    assert inserted == [(12, 12)]
    window.table.selectRow(0)
    window.trash_selected()
    qtbot.waitUntil(lambda: window.model.rowCount() == 12, timeout=WAIT)
    assert removed == [(0, 0)]
    assert window.model.row_dict(0)["number"] == 1, "numbers follow the renumbering in the database"
    last = window.model.row_dict(11)["id"]
    window.session.move([last], window.model.row_dict(0)["id"])
    qtbot.waitUntil(lambda: window.model.row_dict(0)["id"] == last, timeout=WAIT)
    assert layouts, "a move is a layout change of the rows"
    assert resets == [], "an operation reloaded the whole model"
    with Case.open(sample_case, writable=False) as case:
        assert [r["id"] for r in case.exhibits()] == window.model.ids()


def test_watcher_arrivals_are_coalesced(qtbot, window, sample_case):
    open_case(qtbot, window, sample_case, 12)
    session = window.session
    deltas = []
    session.changed.connect(deltas.append)
    ids = window.model.ids()
    for exhibit_id in ids[:6]:  # six arrivals within one turn of the event loop
        session.note(edit.Changes(exhibits=True, exhibit_ids=(exhibit_id,)))
    qtbot.waitUntil(lambda: len(deltas) >= 1, timeout=WAIT)
    qtbot.wait(400)
    assert len(deltas) == 1 and sorted(r["id"] for r in deltas[0].rows) == sorted(ids[:6])
    deltas.clear()
    start = time.monotonic()
    for exhibit_id in ids[6:]:  # six more, 40 ms apart: at most one update per 250 ms
        session.note(edit.Changes(exhibits=True, exhibit_ids=(exhibit_id,)))
        qtbot.wait(40)
    qtbot.waitUntil(lambda: sum(len(d.rows) for d in deltas) >= 6, timeout=WAIT)
    elapsed = time.monotonic() - start
    assert len(deltas) <= int(elapsed / 0.25) + 2


def test_closing_with_imports_queued_returns_at_once_and_leaves_a_consistent_case(qtbot, window, sample_case,
                                                                                  tmp_path):
    from PIL import Image

    import random

    rng = random.Random(5)
    src = tmp_path / "many"
    src.mkdir()
    for i in range(60):  # noisy photos of ~1 MB: an import takes seconds
        Image.frombytes("RGB", (700, 500), rng.randbytes(700 * 500 * 3)).save(
            src / f"IMG_202503{i % 28 + 1:02d}_1200{i:02d}.jpg", quality=92)
    open_case(qtbot, window, sample_case, 12)
    session = window.session
    drop(window, [src])
    qtbot.waitUntil(lambda: window.model.rowCount() > 12, timeout=WAIT)
    start = time.perf_counter()
    window.show_welcome()
    elapsed = time.perf_counter() - start
    assert window.stack.currentWidget() is window.welcome
    assert elapsed < 0.3, f"closing took {elapsed:.2f} s"
    qtbot.waitUntil(lambda: session.is_closed, timeout=60000)
    with Case.open(sample_case) as case:
        assert verify_case(case).ok
        assert len(case.exhibits()) < 72, "the import was cancelled, not finished"
    assert not list((sample_case / "tmp").iterdir())
    window.open_case(sample_case)  # the same case opens again at once
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() >= 12, timeout=WAIT)


def test_cancel_inside_the_copy_of_a_large_file(case, tmp_path):
    big = tmp_path / "big.png"
    with open(big, "wb") as fh:  # a PNG head, then 40 MB: the copy takes many chunks
        fh.write(b"\x89PNG\r\n\x1a\n" + b"\0" * 4096)
        fh.truncate(40 * 1024 * 1024)

    class CancelSoon:  # cancelled once the copy is under way (the second look)
        looks = 0

        def is_set(self):
            self.looks += 1
            return self.looks > 1

    importer = Importer(case, via="test", durable=False, cancel=CancelSoon())
    outcome = importer.import_file(big)
    assert (outcome.status, outcome.reason) == ("skipped", "cancelled")
    assert case.exhibits() == [] and not list(case.tmp.iterdir()) and not list(case.originals.iterdir())


def test_trash_clears_the_detail_and_can_be_undone(qtbot, window, sample_case):
    open_case(qtbot, window, sample_case, 12)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.row is not None, timeout=WAIT)
    trashed = window.detail.row["id"]
    second = window.model.row_dict(1)["id"]
    window.trash_selected()
    qtbot.waitUntil(lambda: window.model.rowCount() == 11, timeout=WAIT)
    assert window.detail.row is None and window.detail.name.text() == "" and not window.detail.isEnabled()
    assert window.model.row_dict(0)["id"] == second and window.model.row_dict(0)["number"] == 1
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 12 and trashed in window.model.ids(), timeout=WAIT)


def test_watched_and_imported_evidence_is_one_definition(case, tmp_path):
    """Every type import takes by content has its extensions in the watcher's list (a .csv was ignored)."""
    from app.core.watch import wanted

    ours = (filetypes._IMAGE_MIMES | filetypes._AUDIO_MIMES | filetypes._VIDEO_MIMES | filetypes._DOCUMENT_MIMES
            | {"application/pdf"})
    for kind in filetype.types:
        if kind.mime in ours:
            assert kind.extension in filetypes.EVIDENCE_EXTS, kind.extension
    for ext in filetypes.TEXT_EXTS:
        assert wanted(f"导出的聊天.{ext}")
    (tmp_path / "chat.csv").write_text("时间,内容\n2025-03-05 14:30,商家：不支持退货\n", encoding="utf-8")
    assert wanted("chat.csv")
    assert Importer(case, durable=False).import_file(tmp_path / "chat.csv").status == "imported"
    assert not wanted("chat.csv.crdownload") and not wanted("~$合同.docx")


def _many_rows(sample_case, n):
    with Case.open(sample_case, writable=False) as case:
        model_rows = case.exhibits()
    rows = []
    for i in range(n):
        row = dict(model_rows[i % len(model_rows)])
        row.update(id=1000 + i, number=i + 1, part=None, name=f"截图 {i + 1}")
        rows.append(row)
    return rows


def test_a_row_appended_below_the_view_repaints_no_visible_row(qtbot, sample_case, monkeypatch):
    """An arrival at 10,000 exhibits repainted every visible row (Qt relays out the whole view after a
    row-count change): most of its GUI time. Rows above an appended one do not move, so nothing of them
    is asked again; when the end is in view, the new row is painted."""
    from types import SimpleNamespace

    from app.ui.casepage import ExhibitTable
    from app.ui.models import ExhibitModel

    rows = _many_rows(sample_case, 301)
    model = ExhibitModel()
    model.set_rows(rows[:299])
    table = ExhibitTable()
    table.setModel(model)
    table.resize(700, 300)
    table.show()
    qtbot.waitExposed(table)
    qtbot.wait(50)
    asked = []
    real_value = model._value
    monkeypatch.setattr(model, "_value", lambda row, col, role: (asked.append(row["number"]), real_value(row, col, role))[1])
    bar = table.verticalScrollBar()
    maximum = bar.maximum()

    def arrive(row):
        asked.clear()
        model.apply(SimpleNamespace(changes=edit.Changes(exhibit_ids=(row["id"],)), rows=[row], order=None))
        qtbot.wait(60)  # the view's delayed layout and the paint
        qtbot.waitUntil(lambda: bar.maximum() > maximum, timeout=WAIT)

    arrive(rows[299])
    assert model.rowCount() == 300
    assert not asked, f"visible rows were asked again after a row was added below them: {sorted(set(asked))[:10]}"
    table.scrollToBottom()
    qtbot.wait(60)
    maximum = bar.maximum()
    arrive(rows[300])
    assert 301 in asked, "the new row, in view, was painted"
    assert not [n for n in asked if n < 295], "rows above the new one were painted again"
    last = table.visualRect(model.index(300, 1))
    assert table.viewport().rect().intersects(last)


def test_cells_answer_every_role_in_one_call(qtbot, sample_case):
    """The delegates ask all roles of a cell through multiData: the same answers as data()."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from app.ui.casepage import ExhibitTable
    from app.ui.models import ExhibitModel

    rows = _many_rows(sample_case, 12)
    model = ExhibitModel()
    model.set_rows(rows)
    table = ExhibitTable()
    table.setModel(model)
    calls = []
    real = model.data
    model.data = lambda *a: (calls.append(a), real(*a))[1]
    for col in range(model.columnCount()):
        option = QStyleOptionViewItem()
        index = model.index(0, col)
        table.itemDelegate().initStyleOption(option, index)
        assert option.text == (real(index) or "")
        if col == 7:
            assert option.checkState == Qt.Checked
    assert calls == [], "the delegate asked role by role"


def test_the_grid_lays_out_an_arrival_without_asking_the_model_per_tile(qtbot, window, sample_case, tmp_path):
    """Icon mode lays out every tile after a row-count change; through the Python model that was two
    Python calls per tile (~45 ms per arrival at 10,000 exhibits with the grid showing)."""
    import sys

    open_case(qtbot, window, sample_case, 12)
    window.tabs.setCurrentWidget(window.grid)
    qtbot.wait(200)
    make_image(tmp_path / "in" / "Screenshot_20250314-101010.png", size=(300, 600))
    drop(window, [tmp_path / "in"])
    qtbot.waitUntil(lambda: window.model.rowCount() == 13, timeout=WAIT)
    calls = []

    def count(frame, event, arg):
        if event == "call" and frame.f_code.co_name in ("rowCount", "columnCount", "index") \
                and frame.f_code.co_filename.endswith("models.py"):
            calls.append(frame.f_code.co_name)

    sys.setprofile(count)
    try:
        window.grid.doItemsLayout()  # what an arrival, a renumbering or a resize costs the grid
    finally:
        sys.setprofile(None)
    assert len(calls) < 12, f"{len(calls)} calls into the model for a layout of 13 tiles"
    assert window.grid.visualRect(window.grid.model().index(12, 0)).isValid()


def test_grid_and_table_select_the_same_exhibits(qtbot, window, sample_case):
    open_case(qtbot, window, sample_case, 12)
    window.tabs.setCurrentWidget(window.grid)
    grid = window.grid
    qtbot.wait(100)
    tile = grid.visualRect(grid.model().index(3, 0)).center()
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=tile)  # the tile's exhibit fills the detail panel
    qtbot.waitUntil(lambda: window.detail.row is not None, timeout=WAIT)
    assert window.selected_ids() == [window.model.row_dict(3)["id"]]
    assert window.detail.row["id"] == window.model.row_dict(3)["id"]
    window.select_exhibit(window.model.row_dict(5)["id"], switch=False)
    assert [i.row() for i in grid.selectionModel().selectedIndexes() if i.column() == 0] == [5]
    assert grid.currentIndex().row() == 5
    dragged = grid.model().mimeData([grid.model().index(2, 0)])  # a tile dragged onto an event or a row
    assert json.loads(bytes(dragged.data(MIME_IDS)).decode()) == [window.model.row_dict(2)["id"]]
