"""The main window: menus and toolbar, the welcome page or the case page, the import and case-list docks.

The window learns what changed from the operation that changed it (session.Delta) and updates only
that part; see session.py. The pages live in welcome.py and casepage.py; the app start in app.py.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDockWidget, QFileDialog, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QPushButton, QProgressBar,
                               QStackedWidget, QStyle, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ..core.library import is_case_folder, scan_library
from ..core.paths import library_dir
from .app import install_translator, run_gui  # noqa: F401  (the app start, kept importable from here)
from .casepage import CasePage
from .dialogs import CaseForm, EventDialog, ExportDialog, SettingsDialog, warn
from .labels import error_text, language, number_text, settings, tr
from .session import CaseSession
from .tasks import run_task
from .welcome import WelcomePage


_dots: dict[str, QIcon] = {}


def dot(color: str) -> QIcon:
    if color in _dots:
        return _dots[color]
    pix = QPixmap(12, 12)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setBrush(QColor(color))
    p.setPen(Qt.NoPen)
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    _dots[color] = QIcon(pix)
    return _dots[color]


class MainWindow(QMainWindow):
    def __init__(self, library: Path | None = None):
        super().__init__()
        self.setWindowTitle(tr("证据夹 Evidence Binder"))
        self.setAcceptDrops(True)
        self.library = Path(library or settings().value("library", str(library_dir())))
        self.session: CaseSession | None = None
        self.opening: CaseSession | None = None
        self.closing: list[CaseSession] = []
        self.info: dict = {}
        self.events: list[dict] = []
        self.trash_rows: list[dict] = []
        self.folder_status: dict[str, tuple[str, str | None]] = {}
        self.dialog = None
        self.last_trashed: list[int] = []

        self.stack = QStackedWidget()
        self.welcome = WelcomePage(self)
        self.stack.addWidget(self.welcome)
        self.case_page = CasePage(self)
        self.stack.addWidget(self.case_page)
        self.setCentralWidget(self.stack)
        # the case page's parts, by their old names
        page = self.case_page
        self.model, self.table, self.grid, self.timeline = page.model, page.table, page.grid, page.timeline
        self.tabs, self.detail, self.preview = page.tabs, page.detail, page.preview
        self._wire_case_page()
        from .nextsteps import NextStepsPanel  # 下一步 (issue 12)
        self.next_steps = NextStepsPanel()
        page.add_side_panel(self.next_steps, tr("下一步"))
        self.next_steps.caseInfoRequested.connect(self.edit_case)
        from .reading import ReadingBar, ReadingPanel  # reading: search, progress, proposals (issue 11)
        self.reading = ReadingBar(page)
        page.add_header_widget(self.reading, 1)
        self.reading_panel = ReadingPanel()
        page.add_side_panel(self.reading_panel, tr("读取结果"))
        self._build_actions()
        self._build_docks()
        self._build_status()
        self._fit_screen()
        self.show_welcome()

    def _fit_screen(self):
        """A size that fits the screen (a 1366x768 laptop included), never more."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            self.resize(1280, 760)
            return
        self.resize(min(1360, screen.width() - 40), min(860, screen.height() - 40))

    # ----- building ----------------------------------------------------------------------------
    def _wire_case_page(self):
        self.model.moveRequested.connect(lambda ids, before: self.session and self.session.move(ids, before,
                                                                                                 self._after_edit))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.timeline.addRequested.connect(self.add_event)
        self.timeline.caseInfoRequested.connect(self.edit_case)
        self.timeline.view.linkRequested.connect(lambda ev, ids: self.session.link(ev, ids, self._after_edit))
        self.timeline.view.eventActivated.connect(self.edit_event)
        self.timeline.view.exhibitActivated.connect(self.select_exhibit)
        self.timeline.view.exhibitClicked.connect(lambda i: self.select_exhibit(i, switch=False))
        self.detail.edited.connect(lambda i, f: self.session.update_exhibit(i, f, self._after_edit, self.detail))
        self.detail.unlinkRequested.connect(lambda ev, ex: self.session.unlink(ev, [ex], self._after_edit))

    def _build_actions(self):
        style = self.style()
        bar = self.addToolBar(tr("工具栏"))
        bar.setObjectName("toolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toolbar = bar
        self.case_actions: list[QAction] = []

        def action(text, slot, shortcut=None, icon=None, case_only=True, toolbar=False, tip=None):
            a = QAction(text, self)
            if icon is not None:
                a.setIcon(style.standardIcon(icon))
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.setToolTip(f"{tip or text}" + (f" ({QKeySequence(shortcut).toString(QKeySequence.NativeText)})"
                                             if shortcut else ""))
            a.triggered.connect(slot)
            if case_only:
                self.case_actions.append(a)
            if toolbar:
                bar.addAction(a)
            return a

        menus = self.menuBar()
        m = menus.addMenu(tr("文件(&F)"))
        m.addAction(action(tr("首页"), self.show_welcome, "Ctrl+Shift+H", QStyle.SP_DirHomeIcon, False, True))
        m.addAction(action(tr("新建案件…"), self.new_case, QKeySequence.New, QStyle.SP_FileDialogNewFolder, False,
                           True))
        m.addAction(action(tr("打开案件…"), self.choose_case, QKeySequence.Open, QStyle.SP_DialogOpenButton,
                           False, True))
        m.addSeparator()
        bar.addSeparator()
        m.addAction(action(tr("导入文件…"), self.import_files, "Ctrl+I", QStyle.SP_FileIcon, toolbar=True))
        m.addAction(action(tr("导入文件夹…"), self.import_folder, "Ctrl+Shift+I", QStyle.SP_DirIcon))
        self.export_action = action(tr("导出 PDF…"), self.export, "Ctrl+P", QStyle.SP_DialogSaveButton,
                                    toolbar=True)
        m.addAction(self.export_action)
        m.addAction(action(tr("验证导出包…"), self.verify_export, None, QStyle.SP_DialogApplyButton, False))
        m.addSeparator()
        m.addAction(action(tr("案件信息…"), self.edit_case, "Ctrl+Shift+C", QStyle.SP_FileDialogDetailedView,
                           toolbar=True))
        m.addAction(action(tr("设置…"), self.open_settings, QKeySequence.Preferences, None, False))
        m.addSeparator()
        quit_ = action(tr("退出"), self.close, QKeySequence.Quit, QStyle.SP_DialogCloseButton, False)
        quit_.setShortcuts([QKeySequence("Ctrl+Q"), QKeySequence(QKeySequence.Quit)])
        m.addAction(quit_)
        self.quit_action = quit_

        m = menus.addMenu(tr("编辑(&E)"))
        bar.addSeparator()
        self.undo_action = action(tr("撤销移到回收站"), self.undo_trash, QKeySequence.Undo, QStyle.SP_ArrowBack)
        self.undo_action.setEnabled(False)
        m.addAction(self.undo_action)
        m.addSeparator()
        m.addAction(action(tr("添加事件…"), self.add_event, "Ctrl+E", QStyle.SP_FileDialogStart, toolbar=True))
        m.addAction(action(tr("分组"), lambda: self._on_selected(self.session.group), "Ctrl+G"))
        m.addAction(action(tr("取消分组"), lambda: self._on_selected(self.session.ungroup), "Ctrl+Shift+G"))
        m.addAction(action(tr("按时间重新编号…"), self.renumber_by_time, "Ctrl+R", QStyle.SP_BrowserReload))
        m.addSeparator()
        self.trash_action = action(tr("移到回收站"), self.trash_selected, QKeySequence.Delete, QStyle.SP_TrashIcon,
                                   toolbar=True)
        m.addAction(self.trash_action)
        m.addAction(action(tr("回收站…"), self.show_trash, None, QStyle.SP_DirClosedIcon))

        m = menus.addMenu(tr("视图(&V)"))
        for i, name in enumerate((tr("证据列表"), tr("缩略图"), tr("时间线"))):
            m.addAction(action(name, lambda checked=False, i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}"))
        m.addSeparator()
        self.view_menu = m

        m = menus.addMenu(tr("帮助(&H)"))
        m.addAction(action(tr("使用指南"), self.show_guide, QKeySequence.HelpContents, QStyle.SP_DialogHelpButton,
                           False))
        m.addAction(action(tr("关于证据夹"), self.show_about, None, QStyle.SP_MessageBoxInformation, False))

    def _build_docks(self):
        self.folders = QTreeWidget()
        self.folders.setMinimumHeight(48)
        self.folders.setHeaderLabels([tr("监视的文件夹"), tr("状态"), tr("最近导入")])
        self.folders.setColumnWidth(0, 360)
        self.folders.setColumnWidth(1, 140)
        add = QPushButton(tr("添加文件夹…"))
        pause = QPushButton(tr("暂停 / 继续"))
        remove = QPushButton(tr("移除"))
        add.clicked.connect(self.add_folder)
        pause.clicked.connect(self.toggle_folder)
        remove.clicked.connect(self.remove_folder)
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(4, 4, 4, 4)
        h = QHBoxLayout()
        for b in (add, pause, remove):
            h.addWidget(b)
        h.addStretch()
        v.addLayout(h)
        v.addWidget(self.folders)
        self.problems = QListWidget()
        self.problems.setMinimumHeight(48)
        tabs = QTabWidget()
        tabs.addTab(box, tr("监视文件夹"))
        tabs.addTab(self.problems, tr("跳过和拒绝的文件"))
        self.bottom_tabs = tabs
        dock = QDockWidget(tr("导入"), self)
        dock.setObjectName("imports")
        dock.setWidget(tabs)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(Qt.BottomDockWidgetArea, dock)
        self.imports_dock = dock
        # the case library, to switch cases without going back to the welcome screen
        self.case_list = QListWidget()
        self.case_list.setWordWrap(True)
        self.case_list.itemActivated.connect(lambda item: self.open_case(Path(item.data(Qt.UserRole))))
        cases = QDockWidget(tr("案件"), self)
        cases.setObjectName("cases")
        cases.setWidget(self.case_list)
        cases.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                          | QDockWidget.DockWidgetClosable)
        self.addDockWidget(Qt.LeftDockWidgetArea, cases)
        self.cases_dock = cases
        for d in (dock, cases):
            self.view_menu.addAction(d.toggleViewAction())

    def _build_status(self):
        self.message = QLabel()
        self.message.setMinimumWidth(100)
        self.counts = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.undo_button = QPushButton(tr("撤销"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_trash)
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addWidget(self.undo_button)
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    # ----- pages -------------------------------------------------------------------------------
    def show_welcome(self):
        """Back to the welcome page; the open case closes without making anyone wait."""
        if self.session is not None:
            self._close_session()
        self.stack.setCurrentWidget(self.welcome)
        self.imports_dock.setVisible(False)
        self.cases_dock.setVisible(False)
        self.setWindowTitle(tr("证据夹 Evidence Binder"))
        for a in self.case_actions:
            a.setEnabled(False)
        self.refresh_library()

    def _close_session(self):
        session, self.session = self.session, None
        if session is None:
            return
        self.reading.attach(None)
        self.reading_panel.attach(None)
        self.closing.append(session)
        # The window may be gone by the time the case has closed (the app quitting): then nobody listens.
        session.closed.connect(lambda s=session, w=self: shiboken6.isValid(w) and w._session_closed(s))
        session.close()
        if session.busy or session.exporting:
            self.message.setText(tr("正在结束上一个案件：完成手头的文件…"))
        self.model.set_rows([])
        self.timeline.set_events([], {})
        self.detail.show_row(None, [])
        self.preview.show_exhibit(None, None)
        self.next_steps.attach(None)
        self.case_page.guide.attach(None)

    def _session_closed(self, session):
        if session in self.closing:
            self.closing.remove(session)
        if not self.closing and self.message.text() == tr("正在结束上一个案件：完成手头的文件…"):
            self.message.clear()

    def refresh_library(self):
        library = self.library

        def listed(cases, error):
            cases = cases or []
            self.welcome.set_cases(cases)
            self.case_list.clear()
            current = self.session.root.resolve() if self.session is not None else None
            for entry in cases:
                item = QListWidgetItem(entry.title)
                item.setToolTip(str(entry.path))
                item.setData(Qt.UserRole, str(entry.path))
                if current is not None and entry.path.resolve() == current:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.case_list.addItem(item)

        run_task(lambda: scan_library(library), listed)

    def _show_case(self):
        self.welcome.show_notice(None)
        self.stack.setCurrentWidget(self.case_page)
        self.imports_dock.setVisible(True)
        self.cases_dock.setVisible(True)
        if not getattr(self, "_docks_sized", False):  # once, when the docks first show: keep them small
            self._docks_sized = True
            QTimer.singleShot(0, lambda: (
                self.resizeDocks([self.imports_dock], [max(96, self.height() // 7)], Qt.Vertical),
                self.resizeDocks([self.cases_dock], [150], Qt.Horizontal)))
        self.refresh_library()
        for a in self.case_actions:
            a.setEnabled(True)
        self.undo_action.setEnabled(bool(self.last_trashed))

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
        if is_case_folder(target):
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

    def open_from_outside(self, path: Path):
        """A folder given on the command line or by the file manager: open it, or say why not."""
        path = Path(path)
        if not is_case_folder(path):
            self.show_welcome()
            self.welcome.show_notice(tr("“{path}”不是证据夹的案件文件夹（里面没有 case.sqlite）。"
                                        "可以新建一个案件，再把这个文件夹里的文件导入进去。").format(path=path))
            return
        self.open_case(path)

    def _start_session(self, path: Path, create=None):
        if create is None and self.session is not None and Path(path).resolve() == self.session.root.resolve():
            self.table.clearSelection()  # the case is open already: show it afresh
            self.detail.show_row(None, [])
            self.preview.show_exhibit(None, None)
            self._show_case()
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
            self._close_session()
            self.session = session
            self.last_trashed = []
            session.changed.connect(self._apply)
            session.outcome.connect(self._outcome)
            session.watch_status.connect(self._watch_status)
            session.tasks_changed.connect(self._tasks_changed)
            self.model.case_root = path
            self.problems.clear()
            self.folder_status.clear()
            self.info = info
            settings().setValue("last_case", str(path))
            self._show_case()
            self._load()
            from .verify_export import recovery_notice

            notice = recovery_notice(getattr(session.case, "recovery", None), path)
            if notice:  # interrupted imports undone, files without a record: never silent
                self._fail(notice)
            session.restart_watching()
            self.next_steps.attach(session)
            self.case_page.guide.attach(session)
            self.reading.attach(session)
            self.reading_panel.attach(session)

        if create:
            session.open(opened, create_title=create[0], info=create[1])
        else:
            session.open(opened)

    def _load(self):
        """The whole case, once, when it opens; after that only what operations say changed."""
        session = self.session

        def loaded(data, error):
            if session is not self.session or error is not None:
                return
            self.info = data["info"]
            self.events = data["events"]
            self.trash_rows = data["trash"]
            self._title()
            self.model.set_rows(data["exhibits"])
            self.timeline.set_events(self.events, self.info)
            self._fill_folders(data["folders"])
            self._counts()
            if self.message.text() == tr("正在打开…"):
                self.message.clear()

        session.load(loaded)

    def _title(self):
        self.setWindowTitle(f"{self.info.get('title', '')} — {tr('证据夹')}")

    def _counts(self):
        self.counts.setText(tr("共 {n} 项证据，{e} 个事件").format(n=self.model.rowCount(), e=len(self.events)))

    def _apply(self, delta):
        """One operation's changes: each part of the window updates only what it shows."""
        if delta.info is not None:
            self.info = delta.info
            self._title()
            self.timeline.set_info(self.info)
        if delta.events is not None:
            self.events = delta.events
            self.timeline.set_events(self.events, None)
        if delta.trash is not None:
            self.trash_rows = delta.trash
        self.model.apply(delta)
        if delta.folders is not None:
            self._fill_folders(delta.folders)
        shown = self.detail.row
        if shown is not None:
            if shown["id"] in delta.changes.removed:
                self.table.clearSelection()
                self.detail.show_row(None, [])
                self.preview.show_exhibit(None, None)
            elif delta.origin is not self.detail and (
                    shown["id"] in delta.changes.exhibit_ids or delta.order is not None or delta.events is not None):
                i = self.model.row_of(shown["id"])
                if i is not None:
                    self.detail.show_row(dict(self.model.row_dict(i)), self.events)
            elif delta.origin is self.detail and delta.order is not None:
                self.detail.refresh_heading(self.model.row_dict(self.model.row_of(shown["id"])))
        if delta.rows or delta.changes.removed or delta.events is not None:
            self._counts()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_dict(r)["id"] for r in rows if r < self.model.rowCount()]

    def select_exhibit(self, exhibit_id: int, switch: bool = True):
        row = self.model.row_of(exhibit_id)
        if row is not None:
            if switch:
                self.tabs.setCurrentIndex(0)  # the list
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, *_):
        ids = self.selected_ids()
        if len(ids) != 1:
            self.detail.show_row(None, self.events, len(ids))
            self.preview.show_exhibit(None, None)
            return
        row = dict(self.model.row_dict(self.model.row_of(ids[0])))
        self.detail.show_row(row, self.events)
        self.preview.show_exhibit(row, self.session.original_path(row))
        self.reading.highlight(row)
        self.reading_panel.show_row(row)

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

    def confirm(self, title: str, text: str, yes: str) -> bool:
        """Ask before a change that touches many exhibits; Enter keeps the safe answer (cancel)."""
        box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, self)
        ok = box.addButton(yes, QMessageBox.AcceptRole)
        cancel = box.addButton(tr("取消"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def renumber_by_time(self):
        if self.confirm(tr("按时间重新编号"), tr("所有证据将按形成时间重新排序并编号（分组保持在一起）。"
                                            "已经写进材料里的编号会改变。继续吗？"), tr("重新编号")):
            self.session.renumber_by_time(self._after_edit)

    def trash_selected(self):
        ids = self.selected_ids()
        if not ids:
            self.message.setText(tr("请先在列表中选择证据"))
            return
        names = [number_text(self.model.row_dict(self.model.row_of(i))) for i in ids]

        def done(result, error):
            if error is not None:
                self._fail(error_text(error))
                return
            self.last_trashed = ids
            self.undo_action.setEnabled(True)
            self.undo_button.setVisible(True)
            self.message.setText(tr("已移到回收站：{names}（其余证据已重新编号）").format(names="、".join(names[:5]) + (
                "…" if len(names) > 5 else "")))

        self.session.trash(ids, done)

    def undo_trash(self):
        ids, self.last_trashed = self.last_trashed, []
        self.undo_action.setEnabled(False)
        self.undo_button.setVisible(False)
        if ids and self.session is not None:
            self.session.restore(ids, self._after_edit)
            self.message.setText(tr("已从回收站恢复 {n} 项证据").format(n=len(ids)))

    def edit_case(self):
        form = CaseForm(self.info, self)
        if form.exec() == QDialog.Accepted:
            self.session.update_case(form.values(), self._after_edit)

    def add_event(self):
        dialog = EventDialog(parent=self)
        if dialog.exec() == QDialog.Accepted:
            self.session.add_event(dialog.values(), self._after_edit)

    def edit_event(self, event: dict):
        if event.get("id") is None:  # from the case facts: edited in the case form
            self.edit_case()
            return
        dialog = EventDialog(event, self)
        if dialog.exec() == QDialog.Accepted:
            self.session.update_event(event["id"], dialog.values(), self._after_edit)

    def show_trash(self):
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("回收站"))
        items = QListWidget()
        items.setSelectionMode(QAbstractItemView.ExtendedSelection)
        for row in self.trash_rows:
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

    def show_guide(self):
        from .guide import GuideDialog

        self.dialog = GuideDialog(self)
        self.dialog.show()

    def show_about(self):
        from .. import __version__

        QMessageBox.about(self, tr("关于证据夹"), tr("证据夹 {v}\n把退款、退货、保修纠纷的证据收进一个案件，"
                                                   "原件永不改动，生成编号证据清单。").format(v=__version__))

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
        session = self.session
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(True)
        self.message.setText(tr("正在导入（只复制，原文件不会被移动或修改）…"))
        session.import_paths(paths, lambda d, t, o: session is self.session and self._import_progress(d, t, o),
                             lambda r, e: session is self.session and self._import_done(r, e))

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
            word = {"skipped": tr("跳过"), "refused": tr("拒绝")}[outcome.status]
            item = QListWidgetItem(f"[{word}] {Path(outcome.path).name} — {outcome.message(language())}")
            item.setToolTip(outcome.path)
            self.problems.insertItem(0, item)

    def _tasks_changed(self, count):
        pass  # the import progress bar and the export dialog show their own progress

    # ----- watched folders ----------------------------------------------------------------------
    def _fill_folders(self, folders):
        """The watched folders; rows are updated in place (a watched-folder arrival changes one
        'last import' time: clearing and refilling the list repainted it and its header each time)."""
        rows = []
        for f in folders:
            mode, error = self.folder_status.get(f.path, ("paused" if f.paused else "starting", None))
            if f.paused:
                mode = "paused"
            text = {"native": tr("监视中"), "polling": tr("监视中（轮询）"), "missing": tr("文件夹不存在，等待中"),
                    "stopped": tr("无法监视"), "paused": tr("已暂停"), "starting": tr("启动中")}.get(mode, mode)
            color = {"native": "#2e8b57", "polling": "#2e8b57", "missing": "#d4a017", "paused": "#999999",
                     "starting": "#d4a017"}.get(mode, "#b22222")
            rows.append(((f.path, text, (f.last_import_at or "—").replace("T", " ")[:19]), color,
                         (f.path, f.paused), error or ""))
        tree = self.folders
        if tree.topLevelItemCount() != len(rows) or any(
                tree.topLevelItem(i).text(0) != r[0][0] for i, r in enumerate(rows)):
            tree.clear()
            for _ in rows:
                tree.addTopLevelItem(QTreeWidgetItem())
        for i, (texts, color, data, error) in enumerate(rows):
            item = tree.topLevelItem(i)
            if (tuple(item.text(c) for c in range(3)), item.data(0, Qt.UserRole + 1), item.toolTip(1)) == (
                    texts, color, error) and item.data(0, Qt.UserRole) == data:
                continue
            for c, t in enumerate(texts):
                item.setText(c, t)
            item.setIcon(0, dot(color))
            item.setData(0, Qt.UserRole, data)
            item.setData(0, Qt.UserRole + 1, color)
            item.setToolTip(1, error)

    def _watch_status(self, path, mode, error):
        self.folder_status[path] = (mode, error)
        session = self.session
        if session is not None:
            session.load_folders(lambda folders, e: session is self.session and e is None
                                 and self._fill_folders(folders))

    def add_folder(self):
        folder = QFileDialog.getExistingDirectory(self, tr("选择要监视的文件夹（例如手机相册同步文件夹）"))
        if folder:
            self.session.add_folder(folder, True, self._after_edit)

    def _selected_folder(self):
        item = self.folders.currentItem()
        return item.data(0, Qt.UserRole) if item else None

    def toggle_folder(self):
        chosen = self._selected_folder()
        if chosen:
            self.session.set_paused(chosen[0], not chosen[1], self._after_edit)

    def remove_folder(self):
        chosen = self._selected_folder()
        if chosen:
            self.session.remove_folder(chosen[0], self._after_edit)

    # ----- export and settings -------------------------------------------------------------------
    def export(self):
        if self.model.rowCount() == 0:
            self._fail(tr("案件中还没有证据，请先导入"))
            return
        self.dialog = ExportDialog(self.session, self.info, self)
        self.dialog.open()

    def verify_export(self):
        from .verify_export import VerifyExportDialog

        self.verify_dialog = VerifyExportDialog(self, str(self.library))
        self.verify_dialog.open()

    def open_settings(self):
        dialog = SettingsDialog(language(), str(self.library), self)
        if dialog.exec() == QDialog.Accepted:
            settings().setValue("language", dialog.language.currentData())
            settings().setValue("library", dialog.library.text())
            self.library = Path(dialog.library.text())
            self.message.setText(tr("设置已保存"))

    def closeEvent(self, event):
        """Never blocks: an export in flight is stopped only if the user says so; the open case
        closes in the background (the file in hand finishes, then the database closes)."""
        if self.session is not None and self.session.exporting:
            if not self.confirm(tr("导出尚未完成"), tr("证据清单还在生成。现在退出会停止导出（不会留下不完整的文件）。"),
                                tr("停止导出并退出")):
                event.ignore()
                return
        self._close_session()
        super().closeEvent(event)
