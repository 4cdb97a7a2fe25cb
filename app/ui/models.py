"""Item models over the core: one exhibit model serves the table and the thumbnail grid.

Rows are plain dicts loaded on the database thread; thumbnails are made lazily in the thread pool
(cached in the case's derived/thumbs/) and arrive through dataChanged.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

from ..core.messages import CoreError, visible
from ..core.store import original_path
from .labels import category_text, kind_text, number_text, source_text, status_text, time_text, tr
from .tasks import run_task

MIME_IDS = "application/x-evidence-binder-exhibits"
THUMB = 160


def make_thumbnail(original: Path, cache: Path, mime: str) -> QImage | None:
    """Background: a small upright JPEG of an image original, cached; None for other kinds.

    derived/thumbs/ is ours and rebuildable: a link (or a pipe, a folder) found there, or in place of the
    folder itself, is never followed; it is removed and the thumbnail made again."""
    if not mime.startswith("image/"):
        return None
    import io

    from ..core.safefs import own_folder, read_own, write_own

    own_folder(cache.parent)
    data = read_own(cache)
    if data is None:
        from ..core.imagedecode import open_bounded

        # reduced while decoding (a 16000x16000 PNG in strips), never the whole picture in memory
        im = open_bounded(original, max_side=THUMB * 2).upright()
        im.thumbnail((THUMB, THUMB))
        buf = io.BytesIO()
        im.convert("RGB").save(buf, "JPEG", quality=80)
        data = buf.getvalue()
        write_own(cache, lambda fh: fh.write(data))
    image = QImage.fromData(data)
    return None if image.isNull() else image


def thumb_icon(image: QImage) -> QIcon:
    """The grid's tile and the table's small icon, each drawn once: painting a row then scales nothing."""
    pix = QPixmap.fromImage(image)
    icon = QIcon(pix)
    for side in (16, 24, 32):
        icon.addPixmap(pix.scaled(side, side, Qt.KeepAspectRatio, Qt.SmoothTransformation))
    return icon


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
        _placeholders[key] = thumb_icon(pix.toImage())
    return _placeholders[key]


_DISPLAY, _DECORATION, _SIZE_HINT, _USER, _TOOLTIP, _CHECK, _FOREGROUND = (
    int(Qt.DisplayRole), int(Qt.DecorationRole), int(Qt.SizeHintRole), int(Qt.UserRole), int(Qt.ToolTipRole),
    int(Qt.CheckStateRole), int(Qt.ForegroundRole))
_ITEM_FLAGS = Qt.ItemIsSelectable | Qt.ItemIsEnabled | Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled
_CHECK_FLAGS = _ITEM_FLAGS | Qt.ItemIsUserCheckable
_ROOT_FLAGS = Qt.ItemIsDropEnabled
_TILE = QSize(THUMB + 16, THUMB + 36)
_RED, _BROWN = QColor("#b22222"), QColor("#a0522d")
_CAPTURED, _STATUS, _INCLUDE = 4, 6, 7   # columns, as in ExhibitModel.COLUMNS


class ExhibitModel(QAbstractTableModel):
    COLUMNS = ("number", "name", "category", "kind", "captured_at", "source", "status", "include")
    moveRequested = Signal(list, object)   # exhibit ids, before id (None: to the end)

    def __init__(self, case_root: Path | None = None, parent=None):
        super().__init__(parent)
        self.case_root = case_root
        self._rows: list[dict] = []
        self._by_id: dict[int, int] = {}
        self._thumbs: OrderedDict[str, QIcon] = OrderedDict()
        self._queue: list[tuple] = []
        self._making = False
        self._failed: set[str] = set()
        self._display: dict[int, tuple] = {}
        self._pending: set[str] = set()
        self._headers = [tr("序号"), tr("证据名称"), tr("类别"), tr("类型"), tr("形成时间"), tr("时间来源"),
                         tr("状态"), tr("导出")]

    # ----- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._display = {}
        self._rows = rows
        self._by_id = {r["id"]: i for i, r in enumerate(rows)}
        self.endResetModel()

    def apply(self, delta) -> None:
        """Update only what an operation changed: removed rows, changed rows, new rows, new numbers."""
        for exhibit_id in delta.changes.removed:
            i = self._by_id.get(exhibit_id)
            if i is not None:
                self._remove_at(i)
        for row in delta.rows:
            i = self._by_id.get(row["id"])
            self._display.pop(row["id"], None)
            if i is not None:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
            else:
                at = self._insert_position(row)
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, row)
                self._reindex(at)
                self.endInsertRows()
        if delta.order is not None:
            self._reorder(delta.order)

    @staticmethod
    def _key(row) -> tuple:
        return (row["number"], row.get("part") or 0, row["id"])

    def _insert_position(self, row: dict) -> int:
        """New exhibits take the next number, so this is the end; bisect in case it is not."""
        key = self._key(row)
        if not self._rows or self._key(self._rows[-1]) <= key:
            return len(self._rows)
        lo, hi = 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(self._rows[mid]) <= key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _remove_at(self, i: int) -> None:
        self.beginRemoveRows(QModelIndex(), i, i)
        self._by_id.pop(self._rows[i]["id"], None)
        del self._rows[i]
        self._reindex(i)
        self.endRemoveRows()

    def _reindex(self, start: int = 0) -> None:
        if start == 0:
            self._by_id = {}
        for i in range(start, len(self._rows)):
            self._by_id[self._rows[i]["id"]] = i

    def _reorder(self, order: list) -> None:
        """New numbers for every row; rows that moved are moved with their selection (layoutChanged)."""
        numbers = {exhibit_id: (number, part) for exhibit_id, number, part in order}
        self._display = {}
        for i in range(len(self._rows) - 1, -1, -1):  # rows no longer listed (trashed elsewhere)
            if self._rows[i]["id"] not in numbers:
                self._remove_at(i)
        for r in self._rows:
            if r["id"] in numbers:
                r["number"], r["part"] = numbers[r["id"]]
        wanted = [exhibit_id for exhibit_id, _, _ in order if exhibit_id in self._by_id]
        if wanted != [r["id"] for r in self._rows]:
            self.layoutAboutToBeChanged.emit()
            old_ids = [r["id"] for r in self._rows]
            by_id = {r["id"]: r for r in self._rows}
            self._rows = [by_id[i] for i in wanted]
            self._reindex()
            old_index = self.persistentIndexList()
            new_index = []
            for idx in old_index:
                moved = self._by_id.get(old_ids[idx.row()]) if 0 <= idx.row() < len(old_ids) else None
                new_index.append(self.index(moved, idx.column()) if moved is not None else QModelIndex())
            self.changePersistentIndexList(old_index, new_index)
            self.layoutChanged.emit()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0), [Qt.DisplayRole])

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

    def _texts(self, row: dict) -> tuple:
        """The row's shown texts, made once per row version (views ask for them many times a second)."""
        texts = self._display.get(row["id"])
        if texts is None:
            texts = (number_text(row), row["name"], category_text(row["category"]), kind_text(row["kind"]),
                     time_text(row), source_text(row["captured_at_source"]), status_text(row["status"]), None)
            self._display[row["id"]] = texts
        return texts

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        return self._value(self._rows[index.row()], index.column(), int(role))

    def multiData(self, index, span):
        """Every role a view asks of one cell in one call: the table's and the grid's delegates ask
        seven roles per cell per paint, which were seven calls into Python each (issue 10)."""
        if not index.isValid():
            for role_data in span:
                role_data.clearData()
            return
        row = self._rows[index.row()]
        col = index.column()
        for role_data in span:  # every role answered or cleared: the span may hold the last cell's data
            value = self._value(row, col, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _value(self, row: dict, col: int, role: int):
        if role == _DISPLAY:
            return self._texts(row)[col]
        if role == _DECORATION:
            return self._thumbnail(row) if col == 0 else None
        if role == _FOREGROUND:
            if col == _STATUS and row["status"] != "ok":
                return _RED
            if col == _CAPTURED and row.get("captured_at_source") == "mtime":
                return _BROWN
            return None
        if role == _CHECK:
            if col == _INCLUDE:
                return Qt.Checked if row["include_in_export"] else Qt.Unchecked
            return None
        if role == _SIZE_HINT:
            return _TILE if col == 0 else None  # one size for every tile of the grid
        if role == _USER:
            return row["id"]
        if role == _TOOLTIP:
            if col == 0:  # the grid shows only the number under each tile
                return f"{number_text(row)}  {row['name']}\n{time_text(row)}"
            if col == 1:
                return f"{row['name']}\n{visible(row['original_name'])}"
            return self._texts(row)[col]
        return None

    def flags(self, index):
        if not index.isValid():
            return _ROOT_FLAGS
        return _CHECK_FLAGS if index.column() == _INCLUDE else _ITEM_FLAGS

    # ----- thumbnails --------------------------------------------------------------------------------
    # Made one at a time in the pool, newest request first; requests for tiles scrolled past are
    # dropped (they are asked for again if they come back into view), and at most THUMBS_KEPT stay in
    # memory (the JPEGs in derived/thumbs/ make a second look cheap).
    THUMBS_KEPT = 400
    QUEUE_KEPT = 48

    def _thumbnail(self, row: dict):
        sha = row["sha256"]
        icon = self._thumbs.get(sha)
        if icon is not None:
            self._thumbs.move_to_end(sha)
            return icon
        if row["status"] != "ok" or not (row.get("mime") or "").startswith("image/"):
            return placeholder(row)
        if self.case_root is None or sha in self._pending or sha in self._failed:
            return None
        try:
            original = original_path(self.case_root, row)  # refuses a crafted row (a path, not a hash)
        except CoreError:
            return placeholder(row)
        self._pending.add(sha)
        self._queue.append((sha, row["id"], original,
                            self.case_root / "derived" / "thumbs" / f"{sha}.jpg", row.get("mime") or ""))
        while len(self._queue) > self.QUEUE_KEPT:
            self._pending.discard(self._queue.pop(0)[0])
        self._pump()
        return None

    def _pump(self):
        if self._making or not self._queue:
            return
        sha, exhibit_id, original, cache, mime = self._queue.pop()
        self._making = True
        run_task(lambda: make_thumbnail(original, cache, mime),
                 lambda image, error: self._thumb_ready(sha, exhibit_id, image, error))

    def _thumb_ready(self, sha: str, exhibit_id: int, image, error=None):
        self._making = False
        self._pending.discard(sha)
        try:
            if error is not None and not isinstance(error, FileNotFoundError):
                self._failed.add(sha)  # the picture cannot be read: no picture, no retry
                return
            if image is None:
                if error is None:
                    self._failed.add(sha)  # not a picture
                return  # (FileNotFoundError: a new original still on its way into originals/; asked again later)
            self._thumbs[sha] = thumb_icon(image)
            while len(self._thumbs) > self.THUMBS_KEPT:
                self._thumbs.popitem(last=False)
            i = self._by_id.get(exhibit_id)  # the row may have moved or gone meanwhile
            if i is not None and self._rows[i]["sha256"] == sha:
                idx = self.index(i, 0)
                self.dataChanged.emit(idx, idx, [Qt.DecorationRole])
        finally:
            self._pump()

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
