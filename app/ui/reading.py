"""Reading in the GUI: the background reader, the search box, and the 读取结果 panel (issue 11).

- ReadingController: one thread per open case reads the exhibits not read yet, in number order. The
  OCR runs in the reading worker process (app/core/read/worker.py): this thread only waits for it, so
  the window keeps its memory and its GIL; closing the case gives up the file in hand at once. The
  row it needs and the save go through the case's database thread
  (session.db.call); the window learns what changed through session.note (one Delta per batch). It
  can be paused and resumed, wakes when new exhibits arrive, and stops when the case closes. The queue
  lives in the database (read_status NULL), so reading resumes after a restart.
- ReadingBar: the search box (filters the table and the grid, highlights the match in the preview),
  the progress "读取中 12/38" and 暂停/继续.
- ReadingPanel: what reading proposed, to accept or dismiss: case fields, timeline events, and the
  selected exhibit's name and purpose.
"""
from __future__ import annotations

import html
import json
import os
import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from ..core import edit
from ..core.read import reader, suggest
from ..core.read.search import matching_ids
from ..core.read.facts import FACT_KEYS
from .labels import exhibit_label, tr
from .tasks import disconnect, post

SEARCH_MS = 250
# QT_TRANSLATE_NOOP marks the words for lupdate; tr() translates them where they are shown
FACT_ZH = {"order_numbers": QT_TRANSLATE_NOOP("EvidenceBinder", "订单号"), "amounts": QT_TRANSLATE_NOOP("EvidenceBinder", "金额"),
           "merchants": QT_TRANSLATE_NOOP("EvidenceBinder", "店铺/商家"), "dates": QT_TRANSLATE_NOOP("EvidenceBinder", "日期"),
           "datetimes": QT_TRANSLATE_NOOP("EvidenceBinder", "时间"), "phones": QT_TRANSLATE_NOOP("EvidenceBinder", "电话"),
           "trade_numbers": QT_TRANSLATE_NOOP("EvidenceBinder", "交易单号"), "waybills": QT_TRANSLATE_NOOP("EvidenceBinder", "运单号"),
           "service_numbers": QT_TRANSLATE_NOOP("EvidenceBinder", "服务单号"), "complaint_numbers": QT_TRANSLATE_NOOP("EvidenceBinder", "投诉编号"),
           "refusal_reasons": QT_TRANSLATE_NOOP("EvidenceBinder", "拒绝理由")}
CASE_FIELD_ZH = {"platform": QT_TRANSLATE_NOOP("EvidenceBinder", "购物平台"), "shop": QT_TRANSLATE_NOOP("EvidenceBinder", "店铺"),
                 "merchant": QT_TRANSLATE_NOOP("EvidenceBinder", "商家全称"), "order_number": QT_TRANSLATE_NOOP("EvidenceBinder", "订单号"),
                 "amount_paid": QT_TRANSLATE_NOOP("EvidenceBinder", "实付金额"), "ordered_on": QT_TRANSLATE_NOOP("EvidenceBinder", "下单日期"),
                 "paid_on": QT_TRANSLATE_NOOP("EvidenceBinder", "付款日期"), "received_on": QT_TRANSLATE_NOOP("EvidenceBinder", "签收日期")}
PLATFORM_ZH = {"jd": QT_TRANSLATE_NOOP("EvidenceBinder", "京东"), "taobao": QT_TRANSLATE_NOOP("EvidenceBinder", "淘宝/天猫"),
               "pinduoduo": QT_TRANSLATE_NOOP("EvidenceBinder", "拼多多"), "douyin": QT_TRANSLATE_NOOP("EvidenceBinder", "抖音")}
# the proposed events' types and titles (suggest.EVENT_RULES, 12315投诉, 黑猫投诉)
EVENT_WORDS = (QT_TRANSLATE_NOOP("EvidenceBinder", "下单"), QT_TRANSLATE_NOOP("EvidenceBinder", "付款"), QT_TRANSLATE_NOOP("EvidenceBinder", "签收"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "申请售后"), QT_TRANSLATE_NOOP("EvidenceBinder", "商家拒绝"), QT_TRANSLATE_NOOP("EvidenceBinder", "申请平台介入"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "平台结果"), QT_TRANSLATE_NOOP("EvidenceBinder", "12315投诉"), QT_TRANSLATE_NOOP("EvidenceBinder", "黑猫投诉"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "其他"))


class ReadingController(QObject):
    """Reads a case's exhibits in a thread of its own; progress(done, total, state) on the GUI thread,
    state one of "reading", "paused", "done"."""

    progress = Signal(int, int, str)
    finished = Signal()          # the queue ran empty (more may come: it waits for them)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._paused = threading.Event()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    def attach(self, session) -> None:
        """Read this session's case (None: stop)."""
        self.shutdown()
        self.session = session
        if session is None:
            return
        session.changed.connect(self._changed)
        session.closed.connect(self.shutdown)
        self.start_thread(session)

    def start(self, case) -> None:
        """Without a window session (benchmarks, tests): read `case` directly in the thread."""
        self.shutdown()
        self._stop, self._wake = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(case, lambda f: f(), None), name="reading",
                                        daemon=True)
        self._thread.start()

    def start_thread(self, session) -> None:
        if os.environ.get("EVIDENCE_BINDER_READING", "1") == "0":
            return   # the GUI tests of other features run without background OCR
        self._stop, self._wake = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(session.case, session.db.call, session),
                                        name="reading", daemon=True)
        self._thread.start()

    def pause(self, on: bool) -> None:
        if on:
            self._paused.set()
        else:
            self._paused.clear()
        self._wake.set()

    def wake(self) -> None:
        self._wake.set()

    def shutdown(self) -> None:
        """Stop after the file in hand (the thread is not waited for: it never writes after a stop)."""
        if self.session is not None:
            disconnect(self.session.changed, self._changed)
            disconnect(self.session.closed, self.shutdown)
            self.session = None
        self._stop.set()
        self._wake.set()
        self._thread = None

    def _changed(self, delta) -> None:
        if any(r.get("read_status") is None for r in delta.rows):
            self._wake.set()

    def _loop(self, case, call, session) -> None:
        stop, wake = self._stop, self._wake
        announced_done = False
        while not stop.is_set():
            try:
                if self._paused.is_set():
                    done, total = call(lambda: reader.counts(case))
                    post(self._report, stop, done, total, "paused")
                    wake.wait()
                    wake.clear()
                    continue
                row = call(lambda: reader.next_pending(case))
                if row is None:
                    done, total = call(lambda: reader.counts(case))
                    if not announced_done:
                        post(self._report, stop, done, total, "done")
                        announced_done = True
                    wake.wait()
                    wake.clear()
                    continue
                announced_done = False
                done, total = call(lambda: reader.counts(case))
                post(self._report, stop, done, total, "reading")
                reading, facts = reader.analyse(case, row, stop)   # OCR in the reading worker process
                if stop.is_set():
                    return
                changed = call(lambda: reader.save(case, row["id"], reading, facts))
                if session is not None:
                    changes = edit.Changes(exhibits=True, exhibit_ids=tuple(changed["exhibits"]) or (row["id"],),
                                           events=bool(changed["events"]), case=bool(changed["case"]))
                    post(self._note, stop, session, changes)
            except Exception:   # the case closed under us (database thread gone) or the disk vanished
                return

    def _report(self, stop, done, total, state) -> None:
        if stop.is_set():
            return
        self.progress.emit(done, total, state)
        if state == "done":
            self.finished.emit()

    def _note(self, stop, session, changes) -> None:
        if not stop.is_set() and not session.closing:
            session.note(changes)


class ReadingBar(QWidget):
    """Search box, reading progress and pause, in a row above the exhibit views."""

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.session = None
        self.controller = ReadingController(self)
        self.controller.progress.connect(self._progress)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索证据中的文字、名称、备注（如：不予退货、订单号）"))
        self.search.setClearButtonEnabled(True)
        self.found = QLabel()
        self.status = QLabel()
        # a width that holds "读取中 10000/10000": each progress update then repaints the label only,
        # instead of laying out the bar, the case page and the window again
        self.status.setMinimumWidth(self.status.fontMetrics().horizontalAdvance(tr("读取中 {done}/{total}").format(
            done=88888, total=88888)) + 8)
        self.pause_button = QPushButton(tr("暂停读取"))
        self.pause_button.setVisible(False)
        self.pause_button.clicked.connect(self._toggle_pause)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.found)
        layout.addWidget(self.status)
        layout.addWidget(self.pause_button)
        self.query = ""
        self.matches: set[int] | None = None
        self._filtered = False          # some rows are hidden by a search
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _: self._timer.start(SEARCH_MS))
        model = page.model
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged, model.rowsMoved):
            signal.connect(lambda *_: self._apply_filter())

    def attach(self, session) -> None:
        if self.session is not None:
            disconnect(self.session.changed, self._changed)
        self.session = session
        self.search.clear()
        self.status.clear()
        self.pause_button.setVisible(False)
        self.controller.attach(session)
        if session is not None:
            session.changed.connect(self._changed)

    def _toggle_pause(self):
        paused = not self.controller.paused
        self.controller.pause(paused)
        self.pause_button.setText(tr("继续读取") if paused else tr("暂停读取"))

    def _progress(self, done: int, total: int, state: str) -> None:
        if state == "done":
            self.status.setText(tr("读取完成") if total else "")
            self.pause_button.setVisible(False)
        elif state == "paused":
            self.status.setText(tr("已暂停 {done}/{total}").format(done=done, total=total))
            self.pause_button.setVisible(True)
        else:
            self.status.setText(tr("读取中 {done}/{total}").format(done=done, total=total))
            self.pause_button.setVisible(True)

    # ----- search -------------------------------------------------------------------------------
    def _changed(self, delta) -> None:
        if self.query and delta.rows:
            self._timer.start(SEARCH_MS)     # text read or edited: the matches may have changed

    def _run_search(self) -> None:
        query = self.search.text().strip()
        self.query = query
        self._generation += 1
        generation = self._generation
        session = self.session
        if not query or session is None:
            self.matches = None
            self.found.clear()
            self._apply_filter()
            self.page.preview.set_highlights(None)
            return
        session.db.run(lambda: matching_ids(session.case, query),
                       lambda ids, err: self._searched(generation, ids, err))

    def _searched(self, generation, ids, error) -> None:
        if generation != self._generation or error is not None:
            return
        self.matches = ids
        self.found.setText(tr("找到 {n} 项").format(n=len(ids)))
        self._apply_filter()

    def _apply_filter(self) -> None:
        if self.matches is None and not self._filtered:
            return        # nothing hidden and nothing to hide: an arrival costs nothing at 10,000 rows
        self._filtered = self.matches is not None
        model, table, grid = self.page.model, self.page.table, self.page.grid
        for r in range(model.rowCount()):
            hidden = self.matches is not None and model.row_dict(r)["id"] not in self.matches
            if table.isRowHidden(r) != hidden:
                table.setRowHidden(r, hidden)
            if grid.isRowHidden(r) != hidden:
                grid.setRowHidden(r, hidden)

    def highlight(self, row: dict | None) -> None:
        """Mark where the search words stand in the exhibit shown in the preview."""
        preview = self.page.preview
        session, query = self.session, self.query
        if not query or row is None or session is None or row.get("kind") not in ("screenshot", "photo"):
            preview.set_highlights(None)
            return

        def find():
            return [l.box for l in reader.lines(session.case, row["id"])
                    if l.box and l.page == 0 and query.lower() in l.text.lower()]
        session.db.run(find, lambda boxes, err: preview.set_highlights(boxes if err is None else None,
                                                                         row["id"]))


class ReadingPanel(QScrollArea):
    """读取结果: proposals to accept or dismiss, for the case and the selected exhibit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.row: dict | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.body = QWidget()
        self.layout_ = QVBoxLayout(self.body)
        self.setWidget(self.body)
        self.info: dict = {}
        self.events: list[dict] = []
        self._render()

    def attach(self, session) -> None:
        if self.session is not None:
            disconnect(self.session.changed, self._changed)
        self.session, self.row, self.info, self.events = session, None, {}, []
        if session is not None:
            session.changed.connect(self._changed)
            session.db.run(lambda: (session.case.info(), edit.events(session.case)), self._loaded)
        self._render()

    def _loaded(self, value, error) -> None:
        if error is None and value is not None:
            self.info, self.events = value
            self._render()

    def _changed(self, delta) -> None:
        dirty = False
        if delta.info is not None:
            self.info, dirty = delta.info, True
        if delta.events is not None:
            self.events, dirty = delta.events, True
        if self.row is not None:
            for r in delta.rows:
                if r["id"] == self.row["id"]:
                    self.row, dirty = r, True
        if dirty:
            self._render()

    def show_row(self, row: dict | None) -> None:
        self.row = row
        self._render()

    # ----- actions (each an edit on the database thread, read back by the session) -----------------
    def _edit(self, func, changes: edit.Changes) -> None:
        session = self.session
        if session is None:
            return

        def job(case):
            func(case)
            return changes
        session._edit(job)

    def _accept_field(self, field):
        self._edit(lambda c: suggest.accept_case_field(c, field), edit.Changes(case=True))

    def _dismiss_field(self, field):
        self._edit(lambda c: suggest.dismiss_case_field(c, field), edit.Changes(case=True))

    def _accept_event(self, event_id):
        self._edit(lambda c: suggest.accept_event(c, event_id), edit.Changes(events=True, event_ids=(event_id,)))

    def _dismiss_event(self, event_id):
        self._edit(lambda c: suggest.dismiss_event(c, event_id), edit.Changes(events=True, event_ids=(event_id,)))

    def _accept_exhibit(self, exhibit_id):
        self._edit(lambda c: suggest.accept_exhibit(c, exhibit_id),
                   edit.Changes(exhibits=True, exhibit_ids=(exhibit_id,)))

    # ----- drawing --------------------------------------------------------------------------------
    def _render(self) -> None:
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        add = self.layout_.addWidget
        if self.session is None:
            add(QLabel(tr("打开案件后，这里显示从证据中读到的信息")))
            self.layout_.addStretch()
            return
        add(_heading(tr("案件信息（读取建议）")))
        proposals = _case_proposals(self.info)
        if not proposals:
            add(_note(tr("暂无建议：导入订单、付款、物流截图后会自动读取")))
        for field, value in proposals.items():
            add(_row(tr("{field}：{value}").format(field=tr(CASE_FIELD_ZH.get(field, field)), value=value),
                     [(tr("采用"), lambda f=field: self._accept_field(f)),
                      (tr("忽略"), lambda f=field: self._dismiss_field(f))]))
        add(_heading(tr("时间线（建议的事件）")))
        proposed = [e for e in self.events if e.get("status") == "proposed"]
        if not proposed:
            add(_note(tr("暂无待确认的事件")))
        for e in proposed:
            when = (e.get("occurred_at") or "")[:16].replace("T", " ")
            add(_row(f"{when} {tr(e.get('title') or e['type'])}", [(tr("确认"), lambda i=e["id"]: self._accept_event(i)),
                                             (tr("忽略"), lambda i=e["id"]: self._dismiss_event(i))]))
        row = self.row
        if row is not None:
            add(_heading(tr("所选证据：{label}").format(label=exhibit_label(row))))
            fields = [f for f in ("name", "purpose", "category") if suggest.is_suggested(row, f)]
            if fields:
                add(_row(tr("名称、证明目的为读取建议，尚未确认"),
                         [(tr("确认建议"), lambda i=row["id"]: self._accept_exhibit(i))]))
            add(_note(_facts_text(row)))
        self.layout_.addStretch()


def _case_proposals(info: dict) -> dict:
    try:
        suggested = json.loads(info.get("suggested_json") or "{}")
    except ValueError:
        return {}
    return {f: tr(PLATFORM_ZH.get(s["value"], s["value"])) if f == "platform" else s["value"]
            for f, s in suggested.items() if s.get("status") == "proposed" and not info.get(f)}


def _facts_text(row: dict) -> str:
    status = row.get("read_status")
    if status is None:
        return tr("尚未读取")
    try:
        facts = json.loads(row.get("facts_json") or "{}")
    except ValueError:
        facts = {}
    parts = []
    for key in FACT_KEYS:
        values = [i["value"] for i in facts.get(key, [])][:4]
        if values:
            parts.append(tr("{field}：{value}").format(field=tr(FACT_ZH[key]), value=tr("、").join(values)))
    if not parts:
        return tr("没有读到文字") if status != "failed" else tr("读取出错")
    return "\n".join(parts)


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{html.escape(text)}</b>")
    label.setContentsMargins(0, 8, 0, 2)
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setStyleSheet("color: #555")
    return label


def _row(text: str, buttons) -> QWidget:
    w = QWidget()
    layout = QHBoxLayout(w)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text)
    label.setWordWrap(True)
    layout.addWidget(label, 1)
    for caption, slot in buttons:
        b = QPushButton(caption)
        # clicked(bool) would hand its `checked` to the slot's first default argument (the field, the event id)
        b.clicked.connect(lambda _checked=False, slot=slot: slot())
        layout.addWidget(b)
    return w


def paint_highlights(image, boxes) -> object:
    """A copy of `image` with the boxes outlined (search matches in the preview)."""
    if not boxes:
        return image
    out = image.copy()
    painter = QPainter(out)
    pen = QPen(QColor(255, 140, 0))
    pen.setWidth(max(3, out.width() // 300))
    painter.setPen(pen)
    painter.setBrush(QColor(255, 200, 0, 70))
    for x0, y0, x1, y1 in boxes:
        painter.drawRect(x0 - 4, y0 - 4, x1 - x0 + 8, y1 - y0 + 8)
    painter.end()
    return out
