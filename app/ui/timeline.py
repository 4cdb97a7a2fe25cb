"""The timeline: a chronology table beside a visual time axis, both over the same data.

- The axis: events above it (◆, labels in lanes, never clipped), exhibits below it as stacked dots
  drawn by one item (ExhibitStrip) that paints only what is exposed, so 10,000 exhibits cost one item.
- The chronology table (ChronologyModel): date and time, event, linked exhibits as 证据N chips, source,
  notes. The case's order, payment and receipt dates appear as events taken from the case facts.
- Undated events and exhibits stay visible in 待定.

Exhibits come from the shared ExhibitModel: the panel follows its row signals (inserts, changes,
removals, moves) and updates only the dots concerned. Drop exhibits on an event (◆) to link them.
"""
from __future__ import annotations

import bisect
import json
from datetime import datetime, timedelta

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPointF, QRect, QRectF,
                            QSize, Qt, QTimer, Signal)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QAbstractItemView, QGraphicsItem, QGraphicsPolygonItem, QGraphicsScene,
                               QGraphicsView, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QStyledItemDelegate, QTableView,
                               QVBoxLayout, QWidget)

from .labels import CHINA, event_time_text, number_text, parse_time

AXIS_Y = 0.0
CASE_FACT_EVENTS = (("ordered_on", "下单"), ("paid_on", "付款"), ("received_on", "签收"))


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


def case_fact_events(info: dict, events: list[dict]) -> list[dict]:
    """The case's order, payment and receipt dates as events, unless an event of that type exists."""
    have = {e["type"] for e in events}
    found = []
    for field, kind in CASE_FACT_EVENTS:
        value = info.get(field)
        if value and kind not in have:
            found.append({"id": None, "type": kind, "title": tr(kind), "occurred_at": f"{value}T00:00:00+08:00",
                          "approximate": 0, "notes": None, "exhibit_ids": [], "from_case": True,
                          "date_only": True})
    return found


def all_events(info: dict, events: list[dict]) -> list[dict]:
    merged = list(events) + case_fact_events(info, events)
    return sorted(merged, key=lambda e: (e["occurred_at"] is None, parse_time(e["occurred_at"]) or datetime.max.replace(
        tzinfo=CHINA), e["id"] or 0))


# ----- the axis --------------------------------------------------------------------------------------

class EventMarker(QGraphicsPolygonItem):
    def __init__(self, event: dict, x: float, lane: int):
        size = 9
        super().__init__(QPolygonF([QPointF(0, -size), QPointF(size, 0), QPointF(0, size), QPointF(-size, 0)]))
        self.event = event
        self.setPos(x, AXIS_Y - 40 - lane * 46)
        color = "#888888" if event.get("from_case") else "#b22222" if event["type"] in ("商家拒绝", "平台结果") \
            else "#1a4d99"
        self.setBrush(QBrush(QColor(color)))
        self.setPen(QPen(Qt.NoPen))
        self.setToolTip(f"{event_title(event)}\n{event_time_text(event)}\n"
                        + tr("关联证据 {n} 项").format(n=len(event["exhibit_ids"])))
        self.setAcceptDrops(True)
        self.setCursor(Qt.PointingHandCursor)


class ExhibitStrip(QGraphicsItem):
    """Every dated exhibit as a dot under the axis, stacked per 14-px bucket (at most MAX_STACK shown,
    then "+N"). One item: adding an exhibit updates one bucket, painting covers the exposed part only."""

    BUCKET, DOT, STEP, MAX_STACK = 14, 10, 13, 8

    def __init__(self, row_for):
        super().__init__()
        self.row_for = row_for                  # exhibit id -> its current row (number, name) or None
        self.times: dict[int, tuple[float, bool]] = {}   # id -> (timestamp, ok)
        self.buckets: dict[int, list[int]] = {}
        self.keys: list[int] = []
        self.x_of = lambda ts: 0.0
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)
        self.setAcceptHoverEvents(True)

    def layout(self, x_of) -> None:
        self.prepareGeometryChange()
        self.x_of = x_of
        self.buckets = {}
        for exhibit_id, (ts, _) in self.times.items():
            self.buckets.setdefault(int(x_of(ts) // self.BUCKET), []).append(exhibit_id)
        self.keys = sorted(self.buckets)
        self._bound()

    def _bound(self):
        if self.keys:
            left, right = self.keys[0] * self.BUCKET, (self.keys[-1] + 1) * self.BUCKET
        else:
            left = right = 0
        self._rect = QRectF(left - 4, AXIS_Y + 20, right - left + 8 + 40, self.MAX_STACK * self.STEP + 30)

    def add(self, exhibit_id: int, ts: float, ok: bool) -> None:
        self.remove(exhibit_id)
        self.times[exhibit_id] = (ts, ok)
        key = int(self.x_of(ts) // self.BUCKET)
        if key not in self.buckets:
            self.prepareGeometryChange()
            self.buckets[key] = []
            bisect.insort(self.keys, key)
            self._bound()
        self.buckets[key].append(exhibit_id)
        self.update(self._bucket_rect(key))

    def remove(self, exhibit_id: int) -> None:
        old = self.times.pop(exhibit_id, None)
        if old is None:
            return
        key = int(self.x_of(old[0]) // self.BUCKET)
        ids = self.buckets.get(key)
        if ids and exhibit_id in ids:
            ids.remove(exhibit_id)
            if not ids:
                del self.buckets[key]
                self.keys.remove(key)
            self.update(self._bucket_rect(key))

    def _bucket_rect(self, key: int) -> QRectF:
        return QRectF(key * self.BUCKET - 2, AXIS_Y + 20, self.BUCKET + 44, self.MAX_STACK * self.STEP + 30)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        exposed = option.exposedRect
        lo = bisect.bisect_left(self.keys, int(exposed.left() // self.BUCKET) - 4)
        hi = bisect.bisect_right(self.keys, int(exposed.right() // self.BUCKET) + 1)
        painter.setPen(Qt.NoPen)
        ok_brush, bad_brush = QBrush(QColor("#2e8b57")), QBrush(QColor("#b22222"))
        small = QFont()
        small.setPointSize(7)
        for key in self.keys[lo:hi]:
            ids = self.buckets[key]
            x = key * self.BUCKET + 2
            for k, exhibit_id in enumerate(ids[:self.MAX_STACK]):
                painter.setBrush(ok_brush if self.times[exhibit_id][1] else bad_brush)
                painter.drawEllipse(QRectF(x, AXIS_Y + 24 + k * self.STEP, self.DOT, self.DOT))
            if len(ids) > self.MAX_STACK:
                painter.setPen(QColor("#444"))
                painter.setFont(small)
                painter.drawText(QPointF(x - 2, AXIS_Y + 24 + self.MAX_STACK * self.STEP + 10),
                                 f"+{len(ids) - self.MAX_STACK}")
                painter.setPen(Qt.NoPen)

    def dot_at(self, pos: QPointF) -> int | None:
        key = int((pos.x() - 2) // self.BUCKET)
        k = int((pos.y() - (AXIS_Y + 24)) // self.STEP)
        ids = self.buckets.get(key)
        if ids and 0 <= k < min(len(ids), self.MAX_STACK):
            return ids[k]
        return None

    def hoverMoveEvent(self, event):
        exhibit_id = self.dot_at(event.pos())
        row = self.row_for(exhibit_id) if exhibit_id is not None else None
        self.setToolTip(f"{number_text(row)} {row['name']}\n{(row['captured_at'] or '')[:16].replace('T', ' ')}"
                        if row else "")
        super().hoverMoveEvent(event)


class TimelineView(QGraphicsView):
    linkRequested = Signal(int, list)      # event id, exhibit ids
    eventActivated = Signal(dict)          # double-click on an event
    exhibitActivated = Signal(int)         # double-click on an exhibit's dot
    exhibitClicked = Signal(int)           # click on an exhibit's dot

    def __init__(self, row_for, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setAcceptDrops(True)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setMinimumHeight(160)
        self.px_per_day = 120.0
        self.user_zoomed = False
        self.events: list[dict] = []
        self.markers: list[EventMarker] = []
        self.strip = ExhibitStrip(row_for)
        self.start: datetime | None = None
        self.end: datetime | None = None

    # data ---------------------------------------------------------------------------------------
    def set_events(self, events: list[dict]) -> None:
        self.events = events
        self.relayout()

    def set_exhibit(self, exhibit_id: int, captured_at: str | None, ok: bool) -> None:
        """One exhibit added or changed: one bucket repainted, unless the axis must grow."""
        when = parse_time(captured_at)
        if when is None:
            self.strip.remove(exhibit_id)
            return
        if self.start is None or not (self.start <= when < self.end):
            self.strip.times[exhibit_id] = (when.timestamp(), ok)
            self.relayout()
            return
        self.strip.add(exhibit_id, when.timestamp(), ok)

    def remove_exhibit(self, exhibit_id: int) -> None:
        self.strip.remove(exhibit_id)

    def set_exhibits(self, rows) -> None:
        self.strip.times = {}
        for row in rows:
            when = parse_time(row["captured_at"])
            if when is not None:
                self.strip.times[row["id"]] = (when.timestamp(), row["status"] == "ok")
        self.relayout()

    # layout -------------------------------------------------------------------------------------
    def _range(self):
        stamps = [parse_time(e["occurred_at"]) for e in self.events if e["occurred_at"]]
        stamps = [s.timestamp() for s in stamps if s is not None]
        if self.strip.times:
            ts = [t for t, _ in self.strip.times.values()]
            stamps += [min(ts), max(ts)]
        return (min(stamps), max(stamps)) if stamps else None

    def fit(self):
        """Zoom so the whole case fits the view's width."""
        span = self._range()
        if span is not None:
            days = max(1.0, (span[1] - span[0]) / 86400 + 1)
            self.px_per_day = max(2.0, min(5000.0, (max(400, self.viewport().width()) - 160) / days))

    def x_of(self, when: datetime) -> float:
        return (when - self.start).total_seconds() / 86400 * self.px_per_day

    def relayout(self):
        if not self.user_zoomed:
            self.fit()
        self.redraw()

    def redraw(self):
        scene = self.scene()
        if self.strip.scene() is scene:
            scene.removeItem(self.strip)
        scene.clear()
        self.markers = []
        span = self._range()
        if span is None:
            self.start = self.end = None
            text = scene.addText(tr("还没有带日期的事件或证据"))
            text.setDefaultTextColor(QColor("#888"))
            return
        first = datetime.fromtimestamp(span[0], CHINA)
        last = datetime.fromtimestamp(span[1], CHINA)
        self.start = first.replace(hour=0, minute=0, second=0, microsecond=0)
        self.end = last.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        width = self.x_of(self.end)
        scene.addLine(0, AXIS_Y, width, AXIS_Y, QPen(QColor("#333"), 1.5))
        small = QFont()
        small.setPointSize(8)
        days = (self.end - self.start).days
        step = next(s for s in (1, 2, 7, 14, 30, 61, 91, 182, 365, 100000) if s * self.px_per_day >= 48 or s >= 100000)
        tick_every = 1 if self.px_per_day >= 4 else step
        for d in range(0, days + 1, tick_every):
            day = self.start + timedelta(days=d)
            x = self.x_of(day)
            scene.addLine(x, AXIS_Y - 4, x, AXIS_Y + 4, QPen(QColor("#333")))
            if d % step == 0:
                label = scene.addText(day.strftime("%m-%d"), small)
                label.setPos(x - 16, AXIS_Y + 4)
                if d == 0 or (day.month == 1 and day.day <= step):
                    year = scene.addText(day.strftime("%Y"), small)
                    year.setDefaultTextColor(QColor("#666"))
                    year.setPos(x - 16, AXIS_Y + 18 + self.strip.MAX_STACK * self.strip.STEP + 24)
        metrics = QFontMetrics(small)
        lane_ends: list[float] = []  # where the last label of each lane ends
        dated = [e for e in self.events if e["occurred_at"]]
        dated.sort(key=lambda e: parse_time(e["occurred_at"]))
        for event in dated:
            x = self.x_of(parse_time(event["occurred_at"]))
            label_end = x + 24 + metrics.horizontalAdvance(event_title(event)) + 8
            lane = next((i for i, end in enumerate(lane_ends) if end < x - 6), len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(label_end)
            else:
                lane_ends[lane] = label_end
            marker = EventMarker(event, x, lane)
            scene.addItem(marker)
            self.markers.append(marker)
            scene.addLine(x, AXIS_Y, x, marker.y(), QPen(QColor("#bbb"), 0.8, Qt.DashLine))
            label = scene.addText(event_title(event), small)
            label.setPos(x + 10, marker.y() - 12)
            label.setToolTip(marker.toolTip())
        start_ts = self.start.timestamp()
        scale = self.px_per_day / 86400
        self.strip.layout(lambda ts: (ts - start_ts) * scale)
        scene.addItem(self.strip)
        rect = scene.itemsBoundingRect().adjusted(-40, -40, 40, 40)
        scene.setSceneRect(rect)

    # zoom ---------------------------------------------------------------------------------------
    def zoom(self, factor: float):
        self.user_zoomed = True
        self.px_per_day = max(2.0, min(5000.0, self.px_per_day * factor))
        self.redraw()

    def wheelEvent(self, event):  # the wheel zooms the time axis; drag to pan
        self.zoom(1.2 if event.angleDelta().y() > 0 else 1 / 1.2)
        event.accept()

    def _exhibit_at(self, view_pos) -> int | None:
        return self.strip.dot_at(self.strip.mapFromScene(self.mapToScene(view_pos))) \
            if self.strip.scene() is not None else None

    def mousePressEvent(self, event):
        exhibit_id = self._exhibit_at(event.position().toPoint())
        if exhibit_id is not None:
            self.exhibitClicked.emit(exhibit_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        exhibit_id = self._exhibit_at(event.position().toPoint())
        if isinstance(item, EventMarker):
            self.eventActivated.emit(item.event)
        elif exhibit_id is not None:
            self.exhibitActivated.emit(exhibit_id)
        super().mouseDoubleClickEvent(event)

    # linking by drag ----------------------------------------------------------------------------
    def _marker_at(self, pos) -> EventMarker | None:
        for item in self.items(pos):
            if isinstance(item, EventMarker) and item.event.get("id") is not None:
                return item
        return None

    def dragEnterEvent(self, event):
        from .models import MIME_IDS

        if event.mimeData().hasFormat(MIME_IDS):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        from .models import MIME_IDS

        if event.mimeData().hasFormat(MIME_IDS) and self._marker_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        from .models import MIME_IDS

        marker = self._marker_at(event.position().toPoint())
        if marker is None or not event.mimeData().hasFormat(MIME_IDS):
            event.ignore()
            return
        ids = json.loads(bytes(event.mimeData().data(MIME_IDS)).decode())
        self.linkRequested.emit(marker.event["id"], ids)
        event.acceptProposedAction()


# ----- the chronology table ----------------------------------------------------------------------------

class ChronologyModel(QAbstractTableModel):
    """One row per event, in time order (undated last): 时间, 事件, 关联证据, 来源, 备注."""

    COLUMNS = ("time", "event", "exhibits", "source", "notes")

    def __init__(self, row_for, parent=None):
        super().__init__(parent)
        self.row_for = row_for
        self.events: list[dict] = []
        self._headers = [tr("日期时间"), tr("事件"), tr("关联证据"), tr("来源"), tr("备注")]

    def set_events(self, events: list[dict]) -> None:
        self.beginResetModel()  # a case has tens of events: the whole table is one cheap reset
        self.events = events
        self.endResetModel()

    def chips(self, row: int) -> list[tuple[int, str]]:
        found = []
        for exhibit_id in self.events[row]["exhibit_ids"]:
            exhibit = self.row_for(exhibit_id)
            if exhibit is not None:
                found.append((exhibit_id, number_text(exhibit)))
        return found

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        event = self.events[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if column == "time":
                return event_time_text(event)
            if column == "event":
                return event_title(event) if event["title"] in (event["type"], tr(event["type"])) \
                    or event.get("from_case") else f"{event['title']}（{tr(event['type'])}）"
            if column == "exhibits":
                return "  ".join(text for _, text in self.chips(index.row())) if role == Qt.ToolTipRole else None
            if column == "source":
                return event_source_text(event)
            if column == "notes":
                return event.get("notes") or ""
        if role == Qt.ForegroundRole and (event.get("from_case") or not event["occurred_at"]
                                          or event.get("status") == "proposed"):
            return QColor("#777777")
        if role == Qt.UserRole:
            return event
        return None


def event_title(event: dict) -> str:
    """An event's title as shown: one left as its type (下单, 商家拒绝: all the reader and the form write) in the
    interface's language; a title the user wrote as written."""
    title = event.get("title") or ""
    return tr(event["type"]) if not title or title == event.get("type") else title


def event_source_text(event: dict) -> str:
    """Where an event came from: the case form, the evidence (proposed, or confirmed by the user), or the user."""
    if event.get("from_case"):
        return tr("案件信息")
    if event.get("status") == "proposed":
        return tr("读取建议（待确认）")
    if event.get("proposal_key"):
        return tr("从证据读取")
    return tr("手动添加")


class ChipDelegate(QStyledItemDelegate):
    """Linked exhibits as 证据N chips; a click on a chip selects the exhibit."""

    chipClicked = Signal(int)

    def _rects(self, option, chips):
        metrics = QFontMetrics(option.font)
        x = option.rect.left() + 4
        rects = []
        for exhibit_id, text in chips:
            w = metrics.horizontalAdvance(text) + 14
            rects.append((QRect(x, option.rect.top() + 3, w, option.rect.height() - 6), exhibit_id, text))
            x += w + 4
        return rects

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        for rect, _, text in self._rects(option, index.model().chips(index.row())):
            painter.setBrush(QColor("#e3ecf9"))
            painter.setPen(QColor("#1a4d99"))
            painter.drawRoundedRect(rect, 8, 8)
            painter.drawText(rect, Qt.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option, index):
        rects = self._rects(option, index.model().chips(index.row()))
        width = (rects[-1][0].right() - option.rect.left() + 8) if rects else 40
        return QSize(width, 26)

    def editorEvent(self, event, model, option, index):
        if event.type() == QEvent.MouseButtonRelease:
            for rect, exhibit_id, _ in self._rects(option, model.chips(index.row())):
                if rect.contains(event.position().toPoint()):
                    self.chipClicked.emit(exhibit_id)
                    return True
        return super().editorEvent(event, model, option, index)


class TimelinePanel(QWidget):
    """The axis, the chronology table, the exhibits to drag from and the 待定 list."""

    addRequested = Signal()
    caseInfoRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = None
        self.info: dict = {}
        self.raw_events: list[dict] = []
        self.view = TimelineView(self._row_for)
        self.chronology = ChronologyModel(self._row_for, self)
        self.table = QTableView()
        self.table.setModel(self.chronology)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.chips = ChipDelegate(self.table)
        self.table.setItemDelegateForColumn(2, self.chips)
        self.chips.chipClicked.connect(self.view.exhibitClicked.emit)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((118, 140, 150, 64)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._table_activated)
        self.undated = QListWidget()
        self.undated.itemDoubleClicked.connect(self._undated_activated)
        add = QPushButton(tr("添加事件"))
        add.setToolTip(tr("添加事件（Ctrl+E）"))
        add.clicked.connect(self.addRequested.emit)
        zin = QPushButton(tr("放大"))
        zout = QPushButton(tr("缩小"))
        fit = QPushButton(tr("全部"))
        fit.clicked.connect(self._fit_all)
        zin.clicked.connect(lambda: self.view.zoom(1.5))
        zout.clicked.connect(lambda: self.view.zoom(1 / 1.5))
        hint = QLabel(tr("把左下方的证据拖到事件（◆）上即可关联；双击事件可编辑，点证据N或圆点可查看证据。"))
        hint.setStyleSheet("color: #666")
        hint.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (add, zin, zout, fit):
            bar.addWidget(w)
        bar.addWidget(hint, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(tr("待定（没有日期）")))
        rl.addWidget(self.undated)
        # The case's exhibits (number and name), to drag onto events. A table, not a QListView: a list
        # lays out every item again on each insert, which at 10,000 exhibits is felt per arrival.
        self.exhibit_list = QTableView()
        self.exhibit_list.setDragEnabled(True)
        self.exhibit_list.setDragDropMode(QAbstractItemView.DragOnly)
        self.exhibit_list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.exhibit_list.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.exhibit_list.verticalHeader().setVisible(False)
        self.exhibit_list.verticalHeader().setDefaultSectionSize(24)
        self.exhibit_list.horizontalHeader().setVisible(False)
        self.exhibit_list.horizontalHeader().setStretchLastSection(True)
        self.exhibit_list.setShowGrid(False)
        self.exhibit_list.setWordWrap(False)
        # The axis across the whole width; under it the exhibits to drag from, the chronology and 待定.
        left = QSplitter(Qt.Vertical)
        left.addWidget(self.exhibit_list)
        left.addWidget(right)
        left.setSizes([300, 120])
        bottom = QSplitter()
        bottom.addWidget(left)
        bottom.addWidget(self.table)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([180, 700])
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.view)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._dirty_all = True
        self._dirty_ids: set[int] = set()
        self._removed: set[int] = set()
        self._undated_dirty = True
        self._undated_ids: set[int] = set()
        self._order_moved = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._sync)

    # ----- data ------------------------------------------------------------------------------------
    def _row_for(self, exhibit_id):
        if self.model is None or exhibit_id is None:
            return None
        i = self.model.row_of(exhibit_id)
        return self.model.row_dict(i) if i is not None else None

    def set_model(self, model) -> None:
        """Follow the shared exhibit model: its row signals say which dots to update."""
        self.model = model
        self.exhibit_list.setModel(model)
        for col in range(model.columnCount()):
            self.exhibit_list.setColumnHidden(col, col not in (0, 1))  # 证据N and the name
        self.exhibit_list.setColumnWidth(0, 64)
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(lambda parent, first, last: self._rows_changed(first, last))
        model.dataChanged.connect(lambda a, b, roles=(): self._rows_changed(a.row(), b.row(), roles))
        model.rowsAboutToBeRemoved.connect(self._rows_removed)
        model.layoutChanged.connect(lambda *_: self._touch_undated())

    def _reset(self):
        self._dirty_all = True
        self._undated_dirty = True
        self._schedule()

    def _rows_changed(self, first: int, last: int, roles=()):
        if roles and Qt.DisplayRole not in roles and Qt.EditRole not in roles:
            return  # a thumbnail arrived
        if last - first > 200:
            self._dirty_all = True
        else:
            for i in range(first, last + 1):
                self._dirty_ids.add(self.model.row_dict(i)["id"])
        self._undated_dirty = True
        self._schedule()

    def _rows_removed(self, parent, first: int, last: int):
        for i in range(first, last + 1):
            exhibit_id = self.model.row_dict(i)["id"]
            self._removed.add(exhibit_id)
            self._dirty_ids.discard(exhibit_id)
        self._undated_dirty = True
        self._schedule()

    def _touch_undated(self):
        self._undated_dirty = True
        self._order_moved = True
        self.view.strip.update()
        self.table.viewport().update()  # chips show numbers
        self._schedule()

    def set_events(self, events: list[dict], info: dict | None = None) -> None:
        self.raw_events = events
        if info is not None:
            self.info = info
        self._events_dirty = True
        self._undated_dirty = True
        self._schedule()

    def set_info(self, info: dict) -> None:
        self.set_events(self.raw_events, info)

    def _schedule(self):
        if self.isVisible() and not self._timer.isActive():
            self._timer.start(0)

    def showEvent(self, event):
        super().showEvent(event)
        self._timer.start(0)  # after the layout has given the view its real width

    def _sync(self):
        """Bring the axis, the table and 待定 up to date with what changed since the last look."""
        if self.model is None:
            return
        events_dirty = getattr(self, "_events_dirty", True)
        if events_dirty:
            self._events_dirty = False
            merged = all_events(self.info, self.raw_events)
            self.chronology.set_events(merged)
            self.table.resizeColumnToContents(2)
            self.table.setColumnWidth(2, max(90, min(280, self.table.columnWidth(2))))
            self.table.resizeRowsToContents()
            self.view.events = merged
        if self._dirty_all:
            self._dirty_all = False
            self._dirty_ids.clear()
            self._removed.clear()
            self.view.set_exhibits(self.model.row_dict(i) for i in range(self.model.rowCount()))
            self._undated_dirty = False
            self._fill_undated(scan_all=True)
        else:
            removed, self._removed = self._removed, set()
            for exhibit_id in removed:
                self.view.remove_exhibit(exhibit_id)
            dirty, self._dirty_ids = self._dirty_ids, set()
            for exhibit_id in dirty:
                row = self._row_for(exhibit_id)
                if row is not None:
                    self.view.set_exhibit(exhibit_id, row["captured_at"], row["status"] == "ok")
            if events_dirty:
                self.view.relayout()
            if self._note_undated(dirty, removed) or self._undated_dirty and (events_dirty or self._order_moved):
                self._fill_undated(scan_all=False)
            self._undated_dirty = False
            self._order_moved = False

    def _fill_undated(self, scan_all: bool):
        """待定: undated events and exhibits. Only a reset scans every exhibit; otherwise the ids that
        changed decide whether the list changes at all."""
        if scan_all:
            self._undated_ids = {self.model.row_dict(i)["id"] for i in range(self.model.rowCount())
                                 if not self.model.row_dict(i)["captured_at"]}
        self.undated.clear()
        for e in self.raw_events:
            if not e["occurred_at"]:
                item = QListWidgetItem(tr("事件：{title}").format(title=event_title(e)))
                item.setData(Qt.UserRole, ("event", e))
                self.undated.addItem(item)
        rows = [self._row_for(i) for i in self._undated_ids]
        for x in sorted((r for r in rows if r is not None), key=lambda r: (r["number"], r.get("part") or 0)):
            item = QListWidgetItem(f"{number_text(x)} {x['name']}")
            item.setData(Qt.UserRole, ("exhibit", x["id"]))
            self.undated.addItem(item)

    def _note_undated(self, ids, removed=()) -> bool:
        """Whether the changed exhibits alter 待定."""
        changed = False
        for exhibit_id in removed:
            if exhibit_id in self._undated_ids:
                self._undated_ids.discard(exhibit_id)
                changed = True
        for exhibit_id in ids:
            row = self._row_for(exhibit_id)
            undated = row is not None and not row["captured_at"]
            if undated != (exhibit_id in self._undated_ids):
                (self._undated_ids.add if undated else self._undated_ids.discard)(exhibit_id)
                changed = True
            elif undated:
                changed = True  # its name or number may have changed
        return changed

    def _fit_all(self):
        self.view.user_zoomed = False
        self.view.relayout()

    def _table_activated(self, index):
        event = self.chronology.events[index.row()]
        if event.get("from_case"):
            self.caseInfoRequested.emit()
        elif index.column() != 2:
            self.view.eventActivated.emit(event)

    def _undated_activated(self, item):
        kind, value = item.data(Qt.UserRole)
        if kind == "event":
            self.view.eventActivated.emit(value)
        else:
            self.view.exhibitActivated.emit(value)
