"""Item models over the core. Rows are plain dicts loaded in the background."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

KIND_ZH = {"screenshot": "截图", "photo": "照片", "audio": "录音", "video": "视频", "pdf": "PDF", "document": "文档"}
STATUS_ZH = {"ok": "正常", "unreadable": "无法读取", "encrypted": "已加密"}
SOURCE_ZH = {"exif": "EXIF", "filename": "文件名", "container": "媒体信息", "pdf": "PDF信息", "mtime": "修改时间",
             "manual": "手动"}


def tr(text: str) -> str:
    return QCoreApplication.translate("ExhibitTableModel", text)


class ExhibitTableModel(QAbstractTableModel):
    COLUMNS = ("number", "name", "kind", "captured_at", "source", "original_name", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = [tr("序号"), tr("证据名称"), tr("类型"), tr("形成时间"), tr("时间来源"), tr("原文件名"),
                         tr("状态")]

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "number":
            return f"证据{row['number']}" + (f"-{row['part']}" if row.get("part") else "")
        if column == "kind":
            return tr(KIND_ZH.get(row["kind"], row["kind"]))
        if column == "captured_at":
            return (row["captured_at"] or tr("待定")).replace("T", " ")[:16] if row["captured_at"] else tr("待定")
        if column == "source":
            return tr(SOURCE_ZH.get(row["captured_at_source"] or "", "—"))
        if column == "status":
            return tr(STATUS_ZH.get(row["status"], row["status"]))
        return row.get(column)
