"""The case page: exhibits (table, thumbnail grid, timeline) on the left, the selected exhibit on the right.

Other panels hook in here with one line each:
    window.case_page.add_tab(widget, tr("…"))          # beside 证据列表 / 缩略图 / 时间线
    window.case_page.add_side_panel(widget, tr("…"))   # beside 证据详情 on the right
    window.case_page.add_header_widget(widget)         # a row above the tabs (a search box)
Every part scrolls or wraps, so the page fits a 1366x768 screen.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QSize, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QListView,
                               QScrollArea, QSplitter, QStackedWidget, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from .detail import DetailPanel, Preview
from .labels import error_text, language, tr
from .models import ExhibitModel
from .tasks import disconnect
from .timeline import TimelinePanel

# The evidence checklist's item names (app/core/dispute/checklist.py), marked so lupdate offers them.
_ITEM_NAMES = (QT_TRANSLATE_NOOP("EvidenceBinder", "订单凭证（订单号、商品、金额、下单时间）"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "付款凭证"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "签收记录（签收时间）"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "问题的照片或视频"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "问题的照片或视频（含生产日期和保质期）"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "与商家沟通的记录"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "商家拒绝的书面记录（书面拒赔说明）"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "交易快照（下单时的商品页面）"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "第三方检测报告"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "欺诈的证据（宣传与实物不符、虚假标注）"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "不符合食品安全标准的证据（标签、检测、监管通报）"))


def evidence_checklist(case) -> list:
    """On the database thread: the case's evidence checklist, the one 下一步 shows (the dispute engine's,
    for this case's product class, demand and platform)."""
    from ..core.dispute.checklist import checklist
    from ..core.dispute.known import load

    return checklist(load(case))


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


class GridModel(QSortFilterProxyModel):
    """The exhibits as the grid sees them, row for row (see CasePage); a tile's roles in one call."""

    def multiData(self, index, span):
        self.sourceModel().multiData(self.mapToSource(index), span)


class EmptyGuide(FileDropMixin, QFrame):
    """Shown in place of the empty exhibit list while a case has no exhibits: where to drop files and
    what to gather first (in the list's place, it has room for the checklist at 1366x768). What to gather
    is the case's evidence checklist (the same items 下一步 lists), so it follows the case's product
    class and demand: a food case asks for the label, a 三倍赔偿 claim for the transaction snapshot."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("emptyGuide")
        self.setAcceptDrops(True)
        self.setStyleSheet("#emptyGuide { border: 2px dashed #9bb3d6; border-radius: 10px; background: #f6f9fe }")
        title = QLabel(tr("把证据文件拖到这里开始"))
        title.setStyleSheet("font-size: 18px; font-weight: bold")
        body = QLabel(tr("也可以用「文件 → 导入文件…」（Ctrl+I），或在下方「监视文件夹」添加手机相册同步文件夹。"
                         "原文件只会被复制，不会被移动或修改。"))
        body.setWordWrap(True)
        self.checklist = QLabel()
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.RichText)
        inner = QWidget()
        inner.setObjectName("emptyGuideList")
        inner.setStyleSheet("#emptyGuideList { background: transparent }")
        iv = QVBoxLayout(inner)
        iv.setContentsMargins(0, 0, 0, 0)
        iv.addWidget(self.checklist)
        iv.addStretch()
        scroll = QScrollArea()  # a long checklist scrolls inside the box (1366x768)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea { background: transparent }")
        scroll.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addWidget(scroll, 1)
        self.session = None
        self.items: list | None = None
        self._generation = 0

    def attach(self, session) -> None:
        """Follow this case session (None: no case open)."""
        if self.session is not None:
            disconnect(self.session.changed, self._changed)
        self.session = session
        self.items = None
        self._generation += 1
        self.checklist.clear()
        if session is not None:
            session.changed.connect(self._changed)
            if self.isVisible():
                self.refresh()

    def _changed(self, delta) -> None:
        if delta.info is not None and self.isVisible():  # product class, demand, platform
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        session = self.session
        if session is None or session.closing:
            return
        self._generation += 1
        generation = self._generation

        def done(items, error):
            if session is not self.session or generation != self._generation:
                return
            if error is not None:
                self.checklist.setText(html.escape(error_text(error)))
                return
            self.show_items(items)

        session.db.run(lambda: evidence_checklist(session.case), done)

    def show_items(self, items: list) -> None:
        """The checklist's items still to gather: required ones first, then the optional ones."""
        self.items = items
        zh = language() == "zh"
        lines = []
        for item in sorted((i for i in items if not i.done), key=lambda i: not i.required):
            name = html.escape(tr(item.label))
            if item.required:
                how = f"<br/><small style='color:#555'>{html.escape(item.how)}</small>" if zh else ""
                lines.append(f"<li><b>{name}</b>{how}</li>")
            else:
                optional = tr("{name}（可选）").format(name=name)
                lines.append(f"<li style='color:#777'>{optional}</li>")
        self.checklist.setText(tr("先收集这些：") + "<ul style='margin-left:-16px'>" + "".join(lines) + "</ul>"
                               if lines else "")


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
        # The grid sees the exhibits through a pass-through proxy (no sorting, no filtering): icon mode
        # lays out every tile after each row-count change, asking the model for each tile's index, and
        # through our Python model that was two Python calls per tile (~45 ms of GUI time per arrival at
        # 10,000 exhibits with the grid showing); the proxy answers from its own row table. Its rows are
        # the model's rows, one for one; the selection is kept the same as the table's.
        self.grid_model = GridModel(self)
        self.grid_model.setDynamicSortFilter(False)
        self.grid_model.setSourceModel(self.model)
        self.grid.setModel(self.grid_model)
        self._link_selections()
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
        self.guide = EmptyGuide()
        self.list_page = QStackedWidget()  # the list, or the guide while the case has no exhibits
        self.list_page.addWidget(self.table)
        self.list_page.addWidget(self.guide)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.list_page, tr("证据列表"))
        self.tabs.addTab(self.grid, tr("缩略图"))
        self.tabs.addTab(self.timeline, tr("时间线"))
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(self.header)
        lv.addWidget(self.tabs, 1)
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

    def _link_selections(self) -> None:
        """The grid's selection follows the table's and the other way round (whole rows in the table)."""
        table, grid, proxy = self.table.selectionModel(), self.grid.selectionModel(), self.grid_model
        busy = []

        def to_grid(*_):
            if busy:
                return
            busy.append(1)
            try:
                grid.select(proxy.mapSelectionFromSource(table.selection()), QItemSelectionModel.ClearAndSelect)
                grid.setCurrentIndex(proxy.mapFromSource(table.currentIndex()), QItemSelectionModel.NoUpdate)
            finally:
                busy.clear()

        def to_table(*_):
            if busy:
                return
            busy.append(1)
            try:
                table.select(proxy.mapSelectionToSource(grid.selection()),
                             QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                table.setCurrentIndex(proxy.mapToSource(grid.currentIndex()), QItemSelectionModel.NoUpdate)
            finally:
                busy.clear()

        table.selectionChanged.connect(to_grid)
        table.currentChanged.connect(to_grid)
        grid.selectionChanged.connect(to_table)
        grid.currentChanged.connect(to_table)

    def _update_guide(self, *_):
        self.list_page.setCurrentWidget(self.guide if self.model.rowCount() == 0 else self.table)

    # ----- where other panels hook in ---------------------------------------------------------------
    def add_tab(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)

    def add_side_panel(self, widget: QWidget, title: str) -> int:
        return self.side.addTab(widget, title)

    def add_header_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.header.addWidget(widget, stretch)
