"""The desktop window. Today: open a case folder and see its exhibits (the full app is issue 5)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QApplication, QFileDialog, QHeaderView, QLabel, QMainWindow, QMessageBox,
                               QTableView, QToolBar)

from .. import __version__
from ..core.messages import CoreError
from .models import ExhibitTableModel
from .tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def load_case(path: Path) -> tuple[str, list[dict]]:
    """Background: read a case's title and exhibits."""
    from ..core.store import Case

    with Case.open(path, writable=False) as case:
        return case.info().get("title", ""), case.exhibits()


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle(tr("证据夹 Evidence Binder"))
        self.resize(1100, 700)
        self.model = ExhibitTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.table)
        bar = QToolBar()
        bar.addAction(tr("打开案件…"), self.choose_case)
        self.addToolBar(bar)
        self.status = QLabel(tr("打开一个案件文件夹，查看其中的证据"))
        self.statusBar().addWidget(self.status)
        self.case_path: Path | None = None

    def choose_case(self):
        folder = QFileDialog.getExistingDirectory(self, tr("选择案件文件夹"))
        if folder:
            self.open_case(Path(folder))

    def open_case(self, path: Path):
        self.case_path = path
        self.status.setText(tr("正在读取…"))
        run_task(lambda: load_case(path), lambda result, error: self._loaded(path, result, error))

    def _loaded(self, path: Path, result, error):
        if path != self.case_path:
            return  # another case was opened meanwhile
        if error is not None:
            text = error.message() if isinstance(error, CoreError) else str(error)
            self.status.setText(text)
            box = QMessageBox(QMessageBox.Warning, tr("无法打开案件"), text, QMessageBox.Ok, self)
            box.open()  # not exec(): the window stays responsive
            self.error_box = box
            return
        title, rows = result
        self.model.set_rows(rows)
        self.setWindowTitle(f"{title} — {tr('证据夹')}")
        self.status.setText(tr("共 {n} 件证据").format(n=len(rows)))


def run_gui(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Evidence Binder")
    app.setApplicationVersion(__version__)
    window = MainWindow()
    window.show()
    return app.exec()
