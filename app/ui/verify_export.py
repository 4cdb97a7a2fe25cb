"""验证导出包…: check a bundle someone sent you (a PDF with its folder of originals), off the GUI thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QPushButton,
                               QVBoxLayout)

from .tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


def ui_lang() -> str:
    return "zh" if tr("证据夹") == "证据夹" else "en"


class VerifyExportDialog(QDialog):
    """Pick the PDF or its 原件 folder; the check runs in the background and lists every finding."""

    def __init__(self, parent=None, start_folder: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("验证导出包"))
        self.setMinimumWidth(620)
        self.start_folder = start_folder
        intro = QLabel(tr("选择导出的 PDF 或随附的“原件”文件夹。将核对每个原件、清单和 PDF 中内嵌的清单及附录里的 "
                          "SHA-256 是否相互一致。"))
        intro.setWordWrap(True)
        pick_pdf = QPushButton(tr("选择 PDF…"))
        pick_folder = QPushButton(tr("选择文件夹…"))
        pick_pdf.clicked.connect(self._pick_pdf)
        pick_folder.clicked.connect(self._pick_folder)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(pick_pdf)
        row.addWidget(pick_folder)
        row.addStretch()
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        self.buttons = (pick_pdf, pick_folder)
        self.check = None

    def _pick_pdf(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("选择导出的 PDF"), self.start_folder, "PDF (*.pdf)")
        if path:
            self.verify(path)

    def _pick_folder(self):
        path = QFileDialog.getExistingDirectory(self, tr("选择随附的原件文件夹"), self.start_folder)
        if path:
            self.verify(path)

    def verify(self, target: str) -> None:
        from ..core.export import verify_export

        self.check = None
        for b in self.buttons:
            b.setEnabled(False)
        self.progress.setVisible(True)
        self.details.setVisible(False)
        self.summary.setText(tr("正在核对：{path}").format(path=target))
        run_task(lambda: verify_export(target), self._done)

    def _done(self, check, error):
        for b in self.buttons:
            b.setEnabled(True)
        self.progress.setVisible(False)
        if error is not None:
            self.summary.setText(tr("无法完成核对：{error}").format(error=error))
            return
        self.check = check
        lines = check.lines(ui_lang())
        if check.ok:
            self.summary.setStyleSheet("color: #1b7a2e; font-weight: bold")
            self.summary.setText("✓ " + lines[0])
            self.details.setVisible(False)
        else:
            self.summary.setStyleSheet("color: #b22222; font-weight: bold")
            self.summary.setText("✗ " + tr("此导出包未通过验证：发现 {n} 个问题").format(n=len(lines)))
            self.details.setPlainText("\n".join(lines))
            self.details.setVisible(True)
        if check.pdf or check.folder:
            self.start_folder = str(Path(check.pdf or check.folder).parent)


def recovery_notice(report, root) -> str | None:
    """What opening the case undid or found (interrupted imports, files without a record), said out loud."""
    from ..core.messages import render

    if report is None:
        return None
    lang = ui_lang()
    lines = []
    if report.rolled_back:
        lines.append(render("recovery_rolled_back", lang, n=len(report.rolled_back)))
    if report.orphans:
        lines.append(render("recovery_orphans", lang, n=len(report.orphans), path=str(root)))
    if report.foreign_temp:
        lines.append(render("recovery_foreign_temp", lang, n=len(report.foreign_temp)))
    return "\n".join(lines) or None
