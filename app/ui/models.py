"""Item models over the core: one exhibit model serves the table and the thumbnail grid.

Rows are plain dicts loaded on the database thread; thumbnails are made lazily in the thread pool
(cached in the case's derived/thumbs/) and arrive through dataChanged.
"""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QMimeData, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

from .tasks import run_task

MIME_IDS = "application/x-evidence-binder-exhibits"
THUMB = 160


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


def kind_text(kind: str) -> str:
    return {"screenshot": tr("截图"), "photo": tr("照片"), "audio": tr("录音"), "video": tr("视频"),
            "pdf": tr("PDF"), "document": tr("文档")}.get(kind, kind)


def category_text(category: str) -> str:
    return {"order": tr("订单"), "payment": tr("支付记录"), "invoice": tr("发票"), "chat": tr("聊天记录"),
            "call": tr("通话录音"), "product": tr("商品照片/视频"), "logistics": tr("物流记录"),
            "inspection": tr("检测报告"), "refusal": tr("商家拒绝"), "complaint": tr("投诉回执"),
            "other": tr("其他")}.get(category, category)


def source_text(source: str | None) -> str:
    return {"exif": tr("拍摄信息"), "filename": tr("文件名"), "container": tr("媒体信息"), "pdf": tr("PDF信息"),
            "office": tr("文档属性"), "mtime": tr("修改时间"), "manual": tr("手动")}.get(source or "", "—")


def status_text(status: str) -> str:
    return {"ok": tr("正常"), "unreadable": tr("无法读取"), "encrypted": tr("已加密")}.get(status, status)


def number_text(row: dict) -> str:
    return tr("证据{n}").format(n=row["number"]) + (f"-{row['part']}" if row.get("part") else "")


def time_text(row: dict) -> str:
    return row["captured_at"].replace("T", " ")[:16] if row.get("captured_at") else tr("待定")


def make_thumbnail(original: Path, cache: Path, mime: str) -> QImage | None:
    """Background: a small upright JPEG of an image original, cached; None for other kinds."""
    if not mime.startswith("image/"):
        return None
    if not cache.exists():
        from PIL import Image, ImageOps

        cache.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(original) as im:
            im.draft("RGB", (THUMB * 2, THUMB * 2))
            im = ImageOps.exif_transpose(im)
            im.thumbnail((THUMB, THUMB))
            tmp = cache.with_suffix(".part")
            im.convert("RGB").save(tmp, "JPEG", quality=80)
            tmp.replace(cache)
    image = QImage(str(cache))
    return None if image.isNull() else image


_placeholders: dict[str, QIcon] = {}


def placeholder(row: dict) -> QIcon:
    """A plain tile naming the kind, for exhibits that have no picture (PDF, audio, video, damaged files)."""
    from PySide6.QtGui import QFont, QPainter

    key = row["kind"] if row["status"] == "ok" else "broken"
    if key not in _placeholders:
        color, text = {"pdf": ("#1a4d99", "PDF"), "audio": ("#2e8b57", tr("录音")), "video": ("#6a3d9a", tr("视频")),
                       "broken": ("#b22222", tr("无法读取"))}.get(key, ("#666666", tr("文档")))
        pix = QPixmap(THUMB, THUMB)
        pix.fill(Qt.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.Antialiasing)
        p.setBrush(QColor(color))
        p.setPen(Qt.NoPen)
        p.drawRoundedRect(20, 10, THUMB - 40, THUMB - 20, 10, 10)
        font = QFont()
        font.setPixelSize(22)
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(pix.rect(), Qt.AlignCenter, text)
        p.end()
        _placeholders[key] = QIcon(pix)
    return _placeholders[key]


class ExhibitModel(QAbstractTableModel):
    COLUMNS = ("number", "name", "category", "kind", "captured_at", "source", "status", "include")
    moveRequested = Signal(list, object)   # exhibit ids, before id (None: to the end)

    def __init__(self, case_root: Path | None = None, parent=None):
        super().__init__(parent)
        self.case_root = case_root
        self._rows: list[dict] = []
        self._by_id: dict[int, int] = {}
        self._thumbs: dict[str, QIcon] = {}
        self._pending: set[str] = set()
        self._headers = [tr("序号"), tr("证据名称"), tr("类别"), tr("类型"), tr("形成时间"), tr("时间来源"),
                         tr("状态"), tr("导出")]

    # ----- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._by_id = {r["id"]: i for i, r in enumerate(rows)}
        self.endResetModel()

    def row_dict(self, row: int) -> dict:
        return self._rows[row]

    def row_of(self, exhibit_id: int) -> int | None:
        return self._by_id.get(exhibit_id)

    def ids(self) -> list[int]:
        return [r["id"] for r in self._rows]

    # ----- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.UserRole:
            return row["id"]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if column == "number":
                if role == Qt.ToolTipRole:  # the grid shows only the number under each tile
                    return f"{number_text(row)}  {row['name']}\n{time_text(row)}"
                return number_text(row)
            if column == "name":
                return row["name"] if role == Qt.DisplayRole else f"{row['name']}\n{row['original_name']}"
            if column == "category":
                return category_text(row["category"])
            if column == "kind":
                return kind_text(row["kind"])
            if column == "captured_at":
                return time_text(row)
            if column == "source":
                return source_text(row["captured_at_source"])
            if column == "status":
                return status_text(row["status"])
            if column == "include":
                return None
        if role == Qt.CheckStateRole and column == "include":
            return Qt.Checked if row["include_in_export"] else Qt.Unchecked
        if role == Qt.ForegroundRole and column == "status" and row["status"] != "ok":
            return QColor("#b22222")
        if role == Qt.ForegroundRole and column == "captured_at" and row.get("captured_at_source") == "mtime":
            return QColor("#a0522d")
        if role == Qt.DecorationRole and column == "number":
            return self._thumbnail(row)
        if role == Qt.SizeHintRole and column == "number":
            return QSize(THUMB + 16, THUMB + 36)  # one size for every tile of the grid
        return None

    def flags(self, index):
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemIsDropEnabled
        base |= Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled
        if self.COLUMNS[index.column()] == "include":
            base |= Qt.ItemIsUserCheckable
        return base

    # ----- thumbnails --------------------------------------------------------------------------------
    def _thumbnail(self, row: dict):
        sha = row["sha256"]
        if sha in self._thumbs:
            return self._thumbs[sha]
        if row["status"] != "ok" or not (row.get("mime") or "").startswith("image/"):
            return placeholder(row)
        if self.case_root is None or sha in self._pending:
            return None
        self._pending.add(sha)
        original = self.case_root / "originals" / f"{sha}.{row['ext']}"
        cache = self.case_root / "derived" / "thumbs" / f"{sha}.jpg"
        run_task(lambda: make_thumbnail(original, cache, row.get("mime") or ""),
                 lambda image, error: self._thumb_ready(sha, image))
        return None

    def _thumb_ready(self, sha: str, image):
        if image is None:
            return  # not an image, or it could not be read: no picture, no retry
        self._thumbs[sha] = QIcon(QPixmap.fromImage(image))
        for i, r in enumerate(self._rows):  # the row may have moved or gone meanwhile
            if r["sha256"] == sha:
                idx = self.index(i, 0)
                self.dataChanged.emit(idx, idx, [Qt.DecorationRole])

    # ----- drag and drop (reorder) -----------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.MoveAction | Qt.CopyAction

    def mimeTypes(self):
        return [MIME_IDS, "text/uri-list"]

    def mimeData(self, indexes):
        ids = []
        for idx in indexes:
            exhibit_id = self._rows[idx.row()]["id"]
            if exhibit_id not in ids:
                ids.append(exhibit_id)
        mime = QMimeData()
        mime.setData(MIME_IDS, json.dumps(ids).encode())
        return mime

    def dropMimeData(self, data, action, row, column, parent):
        if not data.hasFormat(MIME_IDS):
            return False  # files are handled by the window
        ids = json.loads(bytes(data.data(MIME_IDS)).decode())
        target = parent.row() if parent.isValid() else row
        before = self._rows[target]["id"] if 0 <= target < len(self._rows) else None
        if before in ids:
            return False
        self.moveRequested.emit(ids, before)
        return False  # the database reorders; the view reloads from it
