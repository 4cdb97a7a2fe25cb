"""The timeline: events above a time axis, exhibits below it, zoomable; undated items apart as 待定.

Drop exhibits (dragged from the table or the grid) on an event to link them.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPolygonItem, QGraphicsScene, QGraphicsView, QHBoxLayout,
                               QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget)

from .models import MIME_IDS, number_text


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


AXIS_Y = 0.0


class EventMarker(QGraphicsPolygonItem):
    def __init__(self, event: dict, x: float, lane: int):
        size = 9
        super().__init__(QPolygonF([QPointF(0, -size), QPointF(size, 0), QPointF(0, size), QPointF(-size, 0)]))
        self.event = event
        self.setPos(x, AXIS_Y - 40 - lane * 46)
        self.setBrush(QBrush(QColor("#b22222" if event["type"] in ("商家拒绝", "平台结果") else "#1a4d99")))
        self.setPen(QPen(Qt.NoPen))
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        self.setToolTip(f"{event['title']}\n{(event['occurred_at'] or '')[:16].replace('T', ' ')}\n"
                        + tr("关联证据 {n} 项").format(n=len(event["exhibit_ids"])))
        self.setAcceptDrops(True)
        self.setCursor(Qt.PointingHandCursor)


class TimelineView(QGraphicsView):
    linkRequested = Signal(int, list)      # event id, exhibit ids
    eventActivated = Signal(dict)          # double-click on an event
    exhibitActivated = Signal(int)         # double-click on an exhibit's dot
    exhibitClicked = Signal(int)           # click on an exhibit's dot

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setAcceptDrops(True)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.px_per_day = 120.0
        self.user_zoomed = False
        self.events: list[dict] = []
        self.exhibits: list[dict] = []
        self.markers: list[EventMarker] = []

    def set_data(self, events: list[dict], exhibits: list[dict]):
        self.events, self.exhibits = events, exhibits
        if not self.user_zoomed:
            self.fit()
        self.redraw()

    def fit(self):
        """Zoom so the whole case fits the view's width."""
        stamps = self._times()
        if len(stamps) >= 2:
            days = max(1.0, (max(stamps) - min(stamps)).total_seconds() / 86400 + 1)
            self.px_per_day = max(2.0, min(5000.0, (max(400, self.viewport().width()) - 160) / days))

    def _times(self):
        stamps = [datetime.fromisoformat(e["occurred_at"]) for e in self.events if e["occurred_at"]]
        stamps += [datetime.fromisoformat(x["captured_at"]) for x in self.exhibits if x["captured_at"]]
        return stamps

    def x_of(self, when: datetime) -> float:
        return (when - self.start).total_seconds() / 86400 * self.px_per_day

    def redraw(self):
        scene = self.scene()
        scene.clear()
        self.markers = []
        stamps = self._times()
        if not stamps:
            text = scene.addText(tr("还没有带日期的事件或证据"))
            text.setDefaultTextColor(QColor("#888"))
            return
        china = stamps[0].tzinfo
        first = min(stamps).astimezone(china)
        last = max(stamps).astimezone(china)
        self.start = first.replace(hour=0, minute=0, second=0, microsecond=0)
        end = last.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        width = self.x_of(end)
        scene.addLine(0, AXIS_Y, width, AXIS_Y, QPen(QColor("#333"), 1.5))
        day = self.start
        small = QFont()
        small.setPointSize(8)
        step = 1 if self.px_per_day >= 40 else 7 if self.px_per_day >= 8 else 30
        while day <= end:
            x = self.x_of(day)
            scene.addLine(x, AXIS_Y - 4, x, AXIS_Y + 4, QPen(QColor("#333")))
            if (day - self.start).days % step == 0:
                label = scene.addText(day.strftime("%m-%d"), small)
                label.setPos(x - 16, AXIS_Y + 4)
            day += timedelta(days=1)
        lane_ends: list[float] = []  # where the last label of each lane ends
        dated = sorted((e for e in self.events if e["occurred_at"]), key=lambda e: datetime.fromisoformat(e["occurred_at"]))
        for event in dated:
            x = self.x_of(datetime.fromisoformat(event["occurred_at"]))
            label_end = x + 24 + 12 * len(event["title"])
            lane = next((i for i, end in enumerate(lane_ends) if end < x - 6), len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(label_end)
            else:
                lane_ends[lane] = label_end
            marker = EventMarker(event, x, lane)
            scene.addItem(marker)
            self.markers.append(marker)
            scene.addLine(x, AXIS_Y, x, marker.y(), QPen(QColor("#bbb"), 0.8, Qt.DashLine))
            label = scene.addText(event["title"], small)
            label.setPos(x + 10, marker.y() - 12)
            label.setToolTip(marker.toolTip())
        counts: dict[int, int] = {}
        for row in self.exhibits:
            if not row["captured_at"]:
                continue
            x = self.x_of(datetime.fromisoformat(row["captured_at"]))
            bucket = int(x // 14)
            stack = counts.get(bucket, 0)
            counts[bucket] = stack + 1
            dot = scene.addEllipse(QRectF(x - 5, AXIS_Y + 24 + stack * 13, 10, 10), QPen(Qt.NoPen),
                                   QBrush(QColor("#2e8b57" if row["status"] == "ok" else "#b22222")))
            dot.setToolTip(f"{number_text(row)} {row['name']}\n{row['captured_at'][:16].replace('T', ' ')}")
            dot.setData(0, row["id"])
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-40, -40, 40, 40))

    # zoom ---------------------------------------------------------------------------------------
    def zoom(self, factor: float):
        self.user_zoomed = True
        self.px_per_day = max(2.0, min(5000.0, self.px_per_day * factor))
        self.redraw()

    def wheelEvent(self, event):  # the wheel zooms the time axis; drag to pan
        self.zoom(1.2 if event.angleDelta().y() > 0 else 1 / 1.2)
        event.accept()

    def mousePressEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if item is not None and not isinstance(item, EventMarker) and item.data(0) is not None:
            self.exhibitClicked.emit(int(item.data(0)))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, EventMarker):
            self.eventActivated.emit(item.event)
        elif item is not None and item.data(0) is not None:
            self.exhibitActivated.emit(int(item.data(0)))
        super().mouseDoubleClickEvent(event)

    # linking by drag ----------------------------------------------------------------------------
    def _marker_at(self, pos) -> EventMarker | None:
        for item in self.items(pos):
            if isinstance(item, EventMarker):
                return item
        return None

    def dragEnterEvent(self, event):
        if event.mimeData().hasFormat(MIME_IDS):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        if event.mimeData().hasFormat(MIME_IDS) and self._marker_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        marker = self._marker_at(event.position().toPoint())
        if marker is None or not event.mimeData().hasFormat(MIME_IDS):
            event.ignore()
            return
        ids = json.loads(bytes(event.mimeData().data(MIME_IDS)).decode())
        self.linkRequested.emit(marker.event["id"], ids)
        event.acceptProposedAction()


class TimelinePanel(QWidget):
    """The view with its buttons and the 待定 list."""

    addRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = TimelineView()
        self.undated = QListWidget()
        self.undated.setMaximumWidth(200)
        add = QPushButton(tr("添加事件"))
        add.clicked.connect(self.addRequested.emit)
        zin = QPushButton(tr("放大"))
        zout = QPushButton(tr("缩小"))
        fit = QPushButton(tr("全部"))
        fit.clicked.connect(self._fit_all)
        zin.clicked.connect(lambda: self.view.zoom(1.5))
        zout.clicked.connect(lambda: self.view.zoom(1 / 1.5))
        hint = QLabel(tr("把左侧的证据拖到事件（◆）上即可关联；双击事件可编辑，点圆点可查看证据。"))
        hint.setStyleSheet("color: #666")
        bar = QHBoxLayout()
        for w in (add, zin, zout, fit):
            bar.addWidget(w)
        bar.addWidget(hint, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(tr("待定（没有日期）")))
        rl.addWidget(self.undated)
        from PySide6.QtWidgets import QAbstractItemView, QListView

        self.exhibit_list = QListView()  # the case's exhibits, to drag onto events
        self.exhibit_list.setDragEnabled(True)
        self.exhibit_list.setDragDropMode(QAbstractItemView.DragOnly)
        self.exhibit_list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.exhibit_list.setMaximumWidth(220)
        split = QSplitter()
        split.addWidget(self.exhibit_list)
        split.addWidget(self.view)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def _fit_all(self):
        self.view.user_zoomed = False
        self.view.fit()
        self.view.redraw()

    def set_model(self, model) -> None:
        self.exhibit_list.setModel(model)
        self.exhibit_list.setModelColumn(1)  # names

    def set_data(self, events: list[dict], exhibits: list[dict]):
        self._pending = (events, exhibits)
        if self.isVisible():  # drawn when shown: a big case opens without waiting for its timeline
            self._draw()

    def showEvent(self, event):
        super().showEvent(event)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._draw)  # after the layout has given the view its real width

    def _draw(self):
        if getattr(self, "_pending", None) is None:
            return
        events, exhibits = self._pending
        self._pending = None
        self.view.set_data(events, exhibits)
        self.undated.clear()
        for e in events:
            if not e["occurred_at"]:
                item = QListWidgetItem(tr("事件：{title}").format(title=e["title"]))
                item.setData(Qt.UserRole, ("event", e))
                self.undated.addItem(item)
        for x in exhibits:
            if not x["captured_at"]:
                item = QListWidgetItem(f"{number_text(x)} {x['name']}")
                item.setData(Qt.UserRole, ("exhibit", x["id"]))
                self.undated.addItem(item)
