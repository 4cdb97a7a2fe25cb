"""The desktop app: welcome screen, case library, exhibits (table, grid, timeline), detail, import, export."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSettings, QSize, Qt, QTranslator
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QDockWidget, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QListView, QListWidget, QListWidgetItem, QMainWindow,
                               QPushButton, QProgressBar, QSplitter, QStackedWidget, QTableView, QTabWidget,
                               QToolBar, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from .. import __version__
from ..core.messages import CoreError
from ..core.paths import library_dir, resource_path
from .detail import DetailPanel, Preview
from .dialogs import CaseForm, EventDialog, ExportDialog, SettingsDialog, warn
from .models import ExhibitModel
from .session import CaseSession
from .tasks import run_task
from .timeline import TimelinePanel


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


def settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "EvidenceBinder", "EvidenceBinder")


def error_text(error) -> str:
    if isinstance(error, CoreError):
        return error.message("zh" if settings().value("language", "zh") == "zh" else "en")
    return str(error)


def dot(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setBrush(QColor(color))
    p.setPen(Qt.NoPen)
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pix)


def scan_library(folder: Path) -> list[tuple[Path, str, float]]:
    """Background: the cases under the library folder, newest first."""
    import sqlite3

    found = []
    if not folder.is_dir():
        return found
    for sub in folder.iterdir():
        db = sub / "case.sqlite"
        if db.is_file():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=2) as conn:
                    title = conn.execute("SELECT title FROM case_info").fetchone()[0]
            except sqlite3.Error:
                title = sub.name
            found.append((sub, title, db.stat().st_mtime))
    return sorted(found, key=lambda x: -x[2])


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
    pass


class ExhibitGrid(FileDropMixin, QListView):
    pass


class WelcomePage(QWidget):
    def __init__(self, window: "MainWindow"):
        super().__init__()
        title = QLabel(tr("证据夹"))
        title.setStyleSheet("font-size: 34px; font-weight: bold")
        subtitle = QLabel(tr("退款、退货、保修被拒？把截图、录音、发票收进一个案件，原件永不改动，一键生成编号证据清单。"))
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("font-size: 15px; color: #444")
        new = QPushButton(tr("新建案件"))
        open_ = QPushButton(tr("打开案件"))
        sample = QPushButton(tr("示例案件"))
        for b, tip in ((new, tr("从一个新案件开始")), (open_, tr("打开已有的案件文件夹")),
                       (sample, tr("用一套真实样例看看证据夹能做什么")),):
            b.setMinimumSize(QSize(180, 64))
            b.setStyleSheet("font-size: 16px")
            b.setToolTip(tip)
        new.clicked.connect(window.new_case)
        open_.clicked.connect(window.choose_case)
        sample.clicked.connect(window.open_sample)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(lambda item: window.open_case(Path(item.data(Qt.UserRole))))
        buttons = QHBoxLayout()
        for b in (new, open_, sample):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 50, 60, 40)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(20)
        layout.addLayout(buttons)
        layout.addSpacing(24)
        layout.addWidget(QLabel(tr("最近的案件（双击打开）")))
        layout.addWidget(self.recent, 1)

    def set_cases(self, cases):
        self.recent.clear()
        for path, title, mtime in cases:
            item = QListWidgetItem(f"{title}    —    {datetime.fromtimestamp(mtime):%Y-%m-%d %H:%M}")
            item.setData(Qt.UserRole, str(path))
            self.recent.addItem(item)


class MainWindow(QMainWindow):
    def __init__(self, library: Path | None = None):
        super().__init__()
        self.setWindowTitle(tr("证据夹 Evidence Binder"))
        self.resize(1360, 860)
        self.setAcceptDrops(True)
        self.library = Path(library or settings().value("library", str(library_dir())))
        self.session: CaseSession | None = None
        self.opening: CaseSession | None = None
        self.info: dict = {}
        self.events: list[dict] = []
        self.rows: list[dict] = []
        self.folder_status: dict[str, tuple[str, str | None]] = {}
        self.dialog = None

        self.stack = QStackedWidget()
        self.welcome = WelcomePage(self)
        self.stack.addWidget(self.welcome)
        self.case_page = self._build_case_page()
        self.stack.addWidget(self.case_page)
        self.setCentralWidget(self.stack)
        self._build_toolbar()
        self._build_docks()
        self._build_status()
        self.show_welcome()

    # ----- building ----------------------------------------------------------------------------
    def _build_case_page(self) -> QWidget:
        self.model = ExhibitModel()
        self.model.moveRequested.connect(lambda ids, before: self.session and self.session.move(ids, before,
                                                                                                 self._after_edit))
        self.table = ExhibitTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
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
        for col, width in enumerate((84, 230, 96, 52, 126, 70, 64, 40)):
            self.table.setColumnWidth(col, width)
        self.grid = ExhibitGrid()
        self.grid.setModel(self.model)
        self.grid.setSelectionModel(self.table.selectionModel())
        self.grid.setViewMode(QListView.IconMode)
        self.grid.setIconSize(QSize(140, 140))
        self.grid.setGridSize(QSize(176, 196))
        self.grid.setWordWrap(True)
        self.grid.setResizeMode(QListView.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.grid.setDragDropMode(QAbstractItemView.DragDrop)
        self.grid.setMovement(QListView.Snap)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.timeline = TimelinePanel()
        self.timeline.addRequested.connect(self.add_event)
        self.timeline.view.linkRequested.connect(lambda ev, ids: self.session.link(ev, ids, self._after_edit))
        self.timeline.view.eventActivated.connect(self.edit_event)
        self.timeline.view.exhibitActivated.connect(self.select_exhibit)
        self.timeline.view.exhibitClicked.connect(lambda i: self.select_exhibit(i, switch=False))
        self.timeline.set_model(self.model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, tr("证据列表"))
        self.tabs.addTab(self.grid, tr("缩略图"))
        self.tabs.addTab(self.timeline, tr("时间线"))
        self.detail = DetailPanel()
        self.detail.edited.connect(lambda i, f: self.session.update_exhibit(i, f, self._after_edit))
        self.detail.unlinkRequested.connect(lambda ev, ex: self.session.unlink(ev, [ex], self._after_edit))
        self.preview = Preview()
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.detail)
        right.addWidget(self.preview)
        right.setSizes([380, 460])
        split = QSplitter()
        split.addWidget(self.tabs)
        split.addWidget(right)
        split.setSizes([860, 480])
        return split

    def _build_toolbar(self):
        bar = QToolBar(tr("工具栏"))
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.addToolBar(bar)

        def action(text, slot, case_only=True):
            a = QAction(text, self)
            a.triggered.connect(slot)
            bar.addAction(a)
            if case_only:
                self.case_actions.append(a)
            return a

        self.case_actions: list[QAction] = []
        action(tr("首页"), self.show_welcome, False)
        action(tr("新建案件"), self.new_case, False)
        action(tr("打开案件"), self.choose_case, False)
        bar.addSeparator()
        action(tr("导入文件…"), self.import_files)
        action(tr("导入文件夹…"), self.import_folder)
        self.export_action = action(tr("导出 PDF…"), self.export)
        bar.addSeparator()
        action(tr("分组"), lambda: self._on_selected(self.session.group))
        action(tr("取消分组"), lambda: self._on_selected(self.session.ungroup))
        action(tr("按时间重新编号"), lambda: self.session.renumber_by_time(self._after_edit))
        action(tr("移到回收站"), lambda: self._on_selected(self.session.trash))
        action(tr("回收站…"), self.show_trash)
        bar.addSeparator()
        action(tr("案件信息…"), self.edit_case)
        action(tr("设置…"), self.open_settings, False)

    def _build_docks(self):
        self.folders = QTreeWidget()
        self.folders.setHeaderLabels([tr("监视的文件夹"), tr("状态"), tr("最近导入")])
        self.folders.setColumnWidth(0, 420)
        self.folders.setColumnWidth(1, 160)
        add = QPushButton(tr("添加文件夹…"))
        pause = QPushButton(tr("暂停 / 继续"))
        remove = QPushButton(tr("移除"))
        add.clicked.connect(self.add_folder)
        pause.clicked.connect(self.toggle_folder)
        remove.clicked.connect(self.remove_folder)
        box = QWidget()
        v = QVBoxLayout(box)
        h = QHBoxLayout()
        for b in (add, pause, remove):
            h.addWidget(b)
        h.addStretch()
        v.addLayout(h)
        v.addWidget(self.folders)
        self.problems = QListWidget()
        tabs = QTabWidget()
        tabs.addTab(box, tr("监视文件夹"))
        tabs.addTab(self.problems, tr("跳过和拒绝的文件"))
        self.bottom_tabs = tabs
        dock = QDockWidget(tr("导入"), self)
        dock.setObjectName("imports")
        dock.setWidget(tabs)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [170], Qt.Vertical)
        self.imports_dock = dock
        # the case library, to switch cases without going back to the welcome screen
        self.case_list = QListWidget()
        self.case_list.setMinimumWidth(170)
        self.case_list.setWordWrap(True)
        self.case_list.itemActivated.connect(lambda item: self.open_case(Path(item.data(Qt.UserRole))))
        cases = QDockWidget(tr("案件"), self)
        cases.setObjectName("cases")
        cases.setWidget(self.case_list)
        cases.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.LeftDockWidgetArea, cases)
        self.resizeDocks([cases], [190], Qt.Horizontal)
        self.cases_dock = cases

    def _build_status(self):
        self.message = QLabel()
        self.counts = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    # ----- pages -------------------------------------------------------------------------------
    def show_welcome(self):
        self.stack.setCurrentWidget(self.welcome)
        self.imports_dock.setVisible(False)
        self.cases_dock.setVisible(False)
        for a in self.case_actions:
            a.setEnabled(False)
        self.refresh_library()

    def refresh_library(self):
        library = self.library

        def listed(cases, error):
            cases = cases or []
            self.welcome.set_cases(cases)
            self.case_list.clear()
            current = self.session.root.resolve() if self.session is not None else None
            for path, title, _ in cases:
                item = QListWidgetItem(title)
                item.setToolTip(str(path))
                item.setData(Qt.UserRole, str(path))
                if current is not None and path.resolve() == current:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.case_list.addItem(item)

        run_task(lambda: scan_library(library), listed)

    def _show_case(self):
        self.stack.setCurrentWidget(self.case_page)
        self.imports_dock.setVisible(True)
        self.cases_dock.setVisible(True)
        self.refresh_library()
        for a in self.case_actions:
            a.setEnabled(True)

    # ----- cases -------------------------------------------------------------------------------
    def new_case(self):
        form = CaseForm(parent=self)
        if form.exec() != QDialog.Accepted:
            return
        values = form.values()
        title = values.pop("title")
        folder = self.library / f"{datetime.now():%Y%m%d-%H%M%S} {title[:40]}".replace("/", "_").replace("\\", "_")
        self._start_session(folder, create=(title, {k: v for k, v in values.items() if v is not None}))

    def choose_case(self):
        folder = QFileDialog.getExistingDirectory(self, tr("选择案件文件夹"), str(self.library))
        if folder:
            self.open_case(Path(folder))

    def open_sample(self):
        from ..core.sample import build_sample_case

        target = self.library / "示例案件 电饭煲"
        if (target / "case.sqlite").exists():
            self.open_case(target)
            return
        self.message.setText(tr("正在建立示例案件…"))

        def build():
            build_sample_case(target).close()
            return target

        run_task(build, lambda path, err: self.open_case(path) if err is None else
                 self._fail(tr("示例案件建立失败：{e}").format(e=error_text(err))))

    def open_case(self, path: Path):
        self._start_session(Path(path))

    def _start_session(self, path: Path, create=None):
        if create is None and self.session is not None and Path(path).resolve() == self.session.root.resolve():
            self.table.clearSelection()  # the case is open already: show it afresh
            self.detail.show_row(None, [])
            self.preview.show_exhibit(None, None)
            self._show_case()
            self.reload()
            return
        session = CaseSession(path)
        self.opening = session
        self.message.setText(tr("正在打开…"))

        def opened(info, error):
            if session is not self.opening:
                session.close()
                return
            self.opening = None
            if error is not None:  # the case already open (if any) stays open
                session.close()
                self._fail(error_text(error))
                return
            if self.session is not None:
                self.session.close()
            self.session = session
            session.changed.connect(lambda changes: self.reload())
            session.outcome.connect(self._outcome)
            session.watch_status.connect(self._watch_status)
            self.model.case_root = path
            self.model.set_rows([])
            self.detail.show_row(None, [])
            self.preview.show_exhibit(None, None)
            self.problems.clear()
            self.folder_status.clear()
            self.info = info
            settings().setValue("last_case", str(path))
            self._show_case()
            self.reload()
            session.restart_watching()

        if create:
            session.open(opened, create_title=create[0], info=create[1])
        else:
            session.open(opened)

    def reload(self):
        if self.session is None:
            return
        session = self.session
        selected = self.selected_ids()

        def loaded(data, error):
            if session is not self.session or error is not None:
                return
            self.info = data["info"]
            self.events = data["events"]
            self.rows = data["exhibits"]
            self.trash_rows = data["trash"]
            self.setWindowTitle(f"{self.info.get('title', '')} — {tr('证据夹')}")
            self.model.set_rows(self.rows)
            self.timeline.set_data(self.events, self.rows)
            self._fill_folders(data["folders"])
            self.counts.setText(tr("共 {n} 项证据，{e} 个事件").format(n=len(self.rows), e=len(self.events)))
            if self.message.text() == tr("正在打开…"):
                self.message.clear()
            self._reselect(selected)

        session.load(loaded)

    def _reselect(self, ids):
        sel = self.table.selectionModel()
        for exhibit_id in ids:
            row = self.model.row_of(exhibit_id)
            if row is not None:
                sel.select(self.model.index(row, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
        if not ids:
            self.detail.show_row(None, [])

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_dict(r)["id"] for r in rows if r < self.model.rowCount()]

    def select_exhibit(self, exhibit_id: int, switch: bool = True):
        row = self.model.row_of(exhibit_id)
        if row is not None:
            if switch:
                self.tabs.setCurrentWidget(self.table)
            self.table.selectRow(row)

    def _selection_changed(self, *_):
        ids = self.selected_ids()
        if len(ids) != 1:
            self.detail.show_row(None, self.events, len(ids))
            self.preview.show_exhibit(None, None)
            return
        row = dict(self.model.row_dict(self.model.row_of(ids[0])))
        self.detail.show_row(row, self.events)
        self.preview.show_exhibit(row, self.session.original_path(row))

    def _after_edit(self, result, error):
        if error is not None:
            self._fail(error_text(error))

    def _on_selected(self, func):
        ids = self.selected_ids()
        if not ids:
            self.message.setText(tr("请先在列表中选择证据"))
            return
        func(ids, self._after_edit)

    def _fail(self, text: str):
        self.message.setText(text)
        self.dialog = warn(self, text)

    def edit_case(self):
        form = CaseForm(self.info, self)
        if form.exec() == QDialog.Accepted:
            self.session.update_case(form.values(), self._after_edit)

    def add_event(self):
        dialog = EventDialog(parent=self)
        if dialog.exec() == QDialog.Accepted:
            self.session.add_event(dialog.values(), self._after_edit)

    def edit_event(self, event: dict):
        dialog = EventDialog(event, self)
        if dialog.exec() == QDialog.Accepted:
            self.session.update_event(event["id"], dialog.values(), self._after_edit)

    def show_trash(self):
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("回收站"))
        items = QListWidget()
        items.setSelectionMode(QAbstractItemView.ExtendedSelection)
        for row in getattr(self, "trash_rows", []):
            item = QListWidgetItem(f"{row['name']}  ({row['original_name']})")
            item.setData(Qt.UserRole, row["id"])
            items.addItem(item)
        restore = QPushButton(tr("恢复所选"))
        restore.clicked.connect(lambda: (self.session.restore([i.data(Qt.UserRole) for i in items.selectedItems()],
                                                              self._after_edit), dialog.accept()))
        note = QLabel(tr("回收站中的证据不会导出；原件始终保存在案件文件夹中，不会被删除。"))
        note.setWordWrap(True)
        v = QVBoxLayout(dialog)
        v.addWidget(note)
        v.addWidget(items)
        v.addWidget(restore)
        dialog.resize(520, 380)
        dialog.exec()

    # ----- import ------------------------------------------------------------------------------
    def dragEnterEvent(self, event):
        if self.session is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        self.import_urls(event.mimeData().urls())
        event.setDropAction(Qt.CopyAction)
        event.accept()

    def import_urls(self, urls):
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        if paths:
            self.import_paths(paths)

    def import_files(self):
        files, _ = QFileDialog.getOpenFileNames(self, tr("选择要导入的证据文件"))
        if files:
            self.import_paths(files)

    def import_folder(self):
        folder = QFileDialog.getExistingDirectory(self, tr("选择要导入的文件夹"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths):
        if self.session is None:
            self._fail(tr("请先新建或打开一个案件"))
            return
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(True)
        self.message.setText(tr("正在导入（只复制，原文件不会被移动或修改）…"))
        self.session.import_paths(paths, self._import_progress, self._import_done)

    def _import_progress(self, done, total, outcome):
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def cancel_import(self):
        if self.session is not None:
            self.session.import_cancel.set()

    def _import_done(self, outcomes, error):
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        if error is not None:
            self._fail(tr("导入失败：{e}").format(e=error_text(error)))
            return
        counts = {}
        for o in outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
        self.message.setText(tr("导入完成：新增 {i}，重复 {d}，跳过 {s}，拒绝 {r}").format(
            i=counts.get("imported", 0), d=counts.get("duplicate", 0), s=counts.get("skipped", 0),
            r=counts.get("refused", 0)))
        if counts.get("skipped") or counts.get("refused"):
            self.bottom_tabs.setCurrentWidget(self.problems)

    def _outcome(self, outcome):
        if outcome.status in ("skipped", "refused"):
            lang = "zh" if settings().value("language", "zh") == "zh" else "en"
            word = {"skipped": tr("跳过"), "refused": tr("拒绝")}[outcome.status]
            item = QListWidgetItem(f"[{word}] {Path(outcome.path).name} — {outcome.message(lang)}")
            item.setToolTip(outcome.path)
            self.problems.insertItem(0, item)

    # ----- watched folders ----------------------------------------------------------------------
    def _fill_folders(self, folders):
        self.folders.clear()
        for f in folders:
            mode, error = self.folder_status.get(f.path, ("paused" if f.paused else "starting", None))
            if f.paused:
                mode = "paused"
            text = {"native": tr("监视中"), "polling": tr("监视中（轮询）"), "missing": tr("文件夹不存在，等待中"),
                    "stopped": tr("无法监视"), "paused": tr("已暂停"), "starting": tr("启动中")}.get(mode, mode)
            color = {"native": "#2e8b57", "polling": "#2e8b57", "missing": "#d4a017", "paused": "#999999",
                     "starting": "#d4a017"}.get(mode, "#b22222")
            item = QTreeWidgetItem([f.path, text, (f.last_import_at or "—").replace("T", " ")[:19]])
            item.setIcon(0, dot(color))
            item.setData(0, Qt.UserRole, (f.path, f.paused))
            if error:
                item.setToolTip(1, error)
            self.folders.addTopLevelItem(item)

    def _watch_status(self, path, mode, error):
        self.folder_status[path] = (mode, error)
        self.reload()

    def add_folder(self):
        folder = QFileDialog.getExistingDirectory(self, tr("选择要监视的文件夹（例如手机相册同步文件夹）"))
        if folder:
            self.session.add_folder(folder, True, lambda r, e: self._after_edit(r, e) or self.reload())

    def _selected_folder(self):
        item = self.folders.currentItem()
        return item.data(0, Qt.UserRole) if item else None

    def toggle_folder(self):
        chosen = self._selected_folder()
        if chosen:
            self.session.set_paused(chosen[0], not chosen[1], lambda r, e: self.reload())

    def remove_folder(self):
        chosen = self._selected_folder()
        if chosen:
            self.session.remove_folder(chosen[0], lambda r, e: self.reload())

    # ----- export and settings -------------------------------------------------------------------
    def export(self):
        if not self.rows:
            self._fail(tr("案件中还没有证据，请先导入"))
            return
        self.dialog = ExportDialog(self.session, self.info, self)
        self.dialog.open()

    def open_settings(self):
        dialog = SettingsDialog(settings().value("language", "zh"), str(self.library), self)
        if dialog.exec() == QDialog.Accepted:
            settings().setValue("language", dialog.language.currentData())
            settings().setValue("library", dialog.library.text())
            self.library = Path(dialog.library.text())
            self.message.setText(tr("设置已保存"))

    def closeEvent(self, event):
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)


def install_qt_translations(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own texts (file dialogs, OK/Cancel) in the app's language; Qt ships them as qtbase_*.qm."""
    from PySide6.QtCore import QLibraryInfo

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    if translator.load(f"qtbase_{'zh_CN' if language == 'zh' else 'en'}", folder):
        app.installTranslator(translator)
        return translator
    return None


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    if language != "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", "evidence_binder_en.qm"))):
        app.installTranslator(translator)
        return translator
    return None


def run_gui(argv: list[str] | None = None) -> int:
    # The first argument names the app to the window system (taskbar, window class).
    app = QApplication.instance() or QApplication(argv or ["EvidenceBinder"])
    app.setDesktopFileName("evidence-binder")
    app.setApplicationName("Evidence Binder")
    app.setApplicationDisplayName("证据夹")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("EvidenceBinder")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    from PySide6.QtGui import QFontDatabase

    # The bundled CJK font, so Chinese renders even where the system has none.
    QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    language = str(settings().value("language", "zh"))
    app._translator = install_translator(app, language)
    app._qt_translator = install_qt_translations(app, language)
    window = MainWindow()
    window.show()
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)  # background jobs finish before Python tears down
    return code
