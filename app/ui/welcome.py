"""The welcome page: start a case, open one, try the sample, or pick a recent case."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from .labels import tr


class WelcomePage(QWidget):
    def __init__(self, window):
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
            b.setMinimumSize(QSize(150, 56))
            b.setStyleSheet("font-size: 16px")
            b.setToolTip(tip)
        new.clicked.connect(window.new_case)
        open_.clicked.connect(window.choose_case)
        sample.clicked.connect(window.open_sample)
        self.notice = QLabel()  # e.g. a folder given from outside that is not a case
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b22222; font-size: 14px")
        self.notice.setVisible(False)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(lambda item: window.open_case(Path(item.data(Qt.UserRole))))
        buttons = QHBoxLayout()
        for b in (new, open_, sample):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 24)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.notice)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(QLabel(tr("最近的案件（双击打开）")))
        layout.addWidget(self.recent, 1)

    def set_cases(self, cases):
        self.recent.clear()
        for entry in cases:
            item = QListWidgetItem(f"{entry.title}    —    {datetime.fromtimestamp(entry.modified):%Y-%m-%d %H:%M}")
            item.setData(Qt.UserRole, str(entry.path))
            item.setToolTip(str(entry.path))
            self.recent.addItem(item)

    def show_notice(self, text: str | None):
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))
