"""The case page: exhibits (table, thumbnail grid, timeline) on the left, the selected exhibit on the right.

Other panels hook in here with one line each:
    window.case_page.add_tab(widget, tr("…"))          # beside 证据列表 / 缩略图 / 时间线
    window.case_page.add_side_panel(widget, tr("…"))   # beside 证据详情 on the right
    window.case_page.add_header_widget(widget)         # a row above the tabs (a search box)
Every part scrolls or wraps, so the page fits a 1366x768 screen.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QListView,
                               QScrollArea, QSplitter, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from .detail import DetailPanel, Preview
from .labels import tr
from .models import ExhibitModel
from .timeline import TimelinePanel

# What to gather first (DESIGN §1, §9: the seeds of 固定证据).
FIRST_EVIDENCE = ("订单详情页截图（订单号、金额、下单时间）", "付款记录或发票", "签收记录（物流页面）",
                  "问题的照片或开箱视频", "与客服的聊天记录、通话录音", "商家拒绝的页面或回复", "平台的交易快照")


class FileDropMixin:
    """Views that reorder exhibits by drag also take files dropped from outside (copied, never moved)."""

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        if event.mimeData().hasUrls():
            self.window().import_urls(event.mimeData().urls())
            event.setDropAction(Qt.CopyAction)
            event.accept()
        else:
            super().dropEvent(event)


class ExhibitTable(FileDropMixin, QTableView):
    """The exhibit list. A row appended after the last one (an import, a watched-folder arrival) paints
    only itself: Qt lays out and repaints the whole viewport after any row-count change, which was
    most of an arrival's GUI time at 10,000 exhibits (issue 10), though the rows above did not move."""

    def __init__(self):
        super().__init__()
        self._appended_from: int | None = None   # first row appended since the last layout
        self._moved = False                      # rows removed, moved or reset since then

    def setModel(self, model):
        super().setModel(model)
        model.rowsInserted.connect(self._rows_inserted)
        for signal in (model.rowsRemoved, model.rowsMoved, model.layoutChanged, model.modelReset,
                       model.columnsInserted, model.columnsRemoved, model.columnsMoved):
            signal.connect(self._rows_moved)

    def _rows_inserted(self, parent, first, last):
        if last == self.model().rowCount() - 1:  # after every existing row: nothing above moves
            self._appended_from = first if self._appended_from is None else min(first, self._appended_from)
        else:
            self._moved = True

    def _rows_moved(self, *_):
        self._moved = True

    def doItemsLayout(self):
        first, moved = self._appended_from, self._moved
        self._appended_from, self._moved = None, False
        if first is None or moved:
            super().doItemsLayout()
            return
        self.updateGeometries()  # the scroll bar's range; the visible rows stay as they are
        viewport = self.viewport()
        y = self.rowViewportPosition(first)
        if 0 <= y < viewport.height():  # the new rows are in view (scrolled to the end)
            viewport.update(0, y, viewport.width(), viewport.height() - y)


class ExhibitGrid(FileDropMixin, QListView):
    pass


class EmptyGuide(QFrame):
    """Shown while a case has no exhibits: where to drop files and what to gather first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("emptyGuide")
        self.setStyleSheet("#emptyGuide { border: 2px dashed #9bb3d6; border-radius: 10px; background: #f6f9fe }")
        title = QLabel(tr("把证据文件拖到这里开始"))
        title.setStyleSheet("font-size: 18px; font-weight: bold")
        body = QLabel(tr("也可以用「文件 → 导入文件…」（Ctrl+I），或在下方「监视文件夹」添加手机相册同步文件夹。"
                         "原文件只会被复制，不会被移动或修改。"))
        body.setWordWrap(True)
        self.checklist = QLabel(tr("先收集这些：") + "<ul>" + "".join(f"<li>{tr(x)}</li>" for x in FIRST_EVIDENCE)
                                + "</ul>")
        self.checklist.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addWidget(self.checklist)
        layout.addStretch()


class CasePage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.model = ExhibitModel()
        self.table = ExhibitTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDrop)
        self.table.setDefaultDropAction(Qt.MoveAction)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((76, 220, 84, 50, 120, 66, 56, 40)):
            self.table.setColumnWidth(col, width)
        # The thumbnail grid. Icon mode with static movement: scrolling paints only the visible tiles
        # (list mode with wrapping walked every item on each scroll step: 100+ ms at 10,000 exhibits).
        # Tiles still drag out (onto timeline events, or to reorder through the model).
        self.grid = ExhibitGrid()
        self.grid.setModel(self.model)
        self.grid.setSelectionModel(self.table.selectionModel())
        self.grid.setViewMode(QListView.IconMode)
        self.grid.setMovement(QListView.Static)
        self.grid.setIconSize(QSize(140, 140))
        self.grid.setGridSize(QSize(176, 196))
        self.grid.setWordWrap(True)
        self.grid.setResizeMode(QListView.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setLayoutMode(QListView.Batched)
        self.grid.setBatchSize(1000)
        self.grid.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.grid.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.grid.setDragEnabled(True)
        self.grid.setAcceptDrops(True)
        self.grid.setDragDropMode(QAbstractItemView.DragDrop)
        self.grid.setDefaultDropAction(Qt.MoveAction)
        self.grid.setDropIndicatorShown(True)
        self.timeline = TimelinePanel()
        self.timeline.set_model(self.model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, tr("证据列表"))
        self.tabs.addTab(self.grid, tr("缩略图"))
        self.tabs.addTab(self.timeline, tr("时间线"))
        self.guide = EmptyGuide()
        self.guide.setVisible(False)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(self.header)
        lv.addWidget(self.guide, 1)
        lv.addWidget(self.tabs, 3)
        self.detail = DetailPanel()
        detail_scroll = QScrollArea()  # the form scrolls instead of demanding height or width
        detail_scroll.setWidget(self.detail)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        detail_scroll.setFrameShape(QFrame.NoFrame)
        self.preview = Preview()
        right = QSplitter(Qt.Vertical)
        right.addWidget(detail_scroll)
        right.addWidget(self.preview)
        right.setSizes([330, 400])
        right.setChildrenCollapsible(False)
        self.side = QTabWidget()
        self.side.addTab(right, tr("证据详情"))
        self.side.setMinimumWidth(280)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 440])
        split.setChildrenCollapsible(False)
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(split)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_guide)

    def _update_guide(self, *_):
        self.guide.setVisible(self.model.rowCount() == 0)

    # ----- where other panels hook in ---------------------------------------------------------------
    def add_tab(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)

    def add_side_panel(self, widget: QWidget, title: str) -> int:
        return self.side.addTab(widget, title)

    def add_header_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.header.addWidget(widget, stretch)
