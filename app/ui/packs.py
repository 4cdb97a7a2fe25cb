"""The channel packs in the export dialog (issue 13): choose the channel, see what will be produced
(count, size, what had to be adjusted or left out), edit the redaction of a public pack, build it in
the background and open its folder. The work is core/export/packs.py; nothing here touches a file."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QRectF, Qt,
                            Signal)
from PySide6.QtGui import QBrush, QColor, QImage, QPen, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFormLayout, QGraphicsPixmapItem,
                               QGraphicsRectItem, QGraphicsScene, QGraphicsView, QHBoxLayout, QHeaderView, QLabel,
                               QFrame, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QTableView, QVBoxLayout,
                               QWidget)

from ..core.messages import human_size, in_language
from .labels import category_text, language


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


# QT_TRANSLATE_NOOP marks texts for lupdate; tr() translates them where they are shown
PACK_PROFILES = [("platform", QT_TRANSLATE_NOOP("EvidenceBinder", "平台申诉材料（平台介入：编号配字图片 + 申诉说明）")),
                 ("complaint_12315", QT_TRANSLATE_NOOP("EvidenceBinder", "12315 投诉材料（投诉内容 + 编号附件 + 证据目录，附 12345 通话稿）")),
                 ("public", QT_TRANSLATE_NOOP("EvidenceBinder", "公开投诉材料（黑猫投诉 / 聚投诉：个人信息打码）")),
                 ("internet_court", QT_TRANSLATE_NOOP("EvidenceBinder", "互联网法院网上立案（起诉状 + 证据目录 + 逐件证据文件）"))]
PLATFORMS = [("jd", QT_TRANSLATE_NOOP("EvidenceBinder", "京东")), ("taobao", QT_TRANSLATE_NOOP("EvidenceBinder", "淘宝 / 天猫")),
             ("pdd", QT_TRANSLATE_NOOP("EvidenceBinder", "拼多多")), ("douyin", QT_TRANSLATE_NOOP("EvidenceBinder", "抖音"))]
SITES = [("heimao", QT_TRANSLATE_NOOP("EvidenceBinder", "黑猫投诉")), ("jutousu", QT_TRANSLATE_NOOP("EvidenceBinder", "聚投诉"))]
COURTS = [("court_hangzhou", QT_TRANSLATE_NOOP("EvidenceBinder", "杭州互联网法院")), ("court_beijing", QT_TRANSLATE_NOOP("EvidenceBinder", "北京互联网法院")),
          ("court_guangzhou", QT_TRANSLATE_NOOP("EvidenceBinder", "广州互联网法院"))]


def channel_id(profile: str, platform: str, site: str, court: str) -> str:
    return {"platform": platform, "public": site, "complaint_12315": "12315", "internet_court": court}[profile]


class ChoiceModel(QAbstractTableModel):
    """The exhibits a pack can hold, most important first: a check box for each (the core's default
    choice until the user changes it), its number, name, category and the reason for the default.
    The user's changes are kept by exhibit while the channel changes; `reset` returns to the default."""

    selection_changed = Signal()
    HEADERS = (QT_TRANSLATE_NOOP("EvidenceBinder", "放入 · 顺序"), QT_TRANSLATE_NOOP("EvidenceBinder", "证据"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "名称"), QT_TRANSLATE_NOOP("EvidenceBinder", "类别"),
               QT_TRANSLATE_NOOP("EvidenceBinder", "默认的理由"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.choices: list = []
        self.overrides: dict[str, bool] = {}        # label -> the user's check, where it differs

    # the data
    def set_choices(self, choices: list) -> None:
        self.beginResetModel()
        self.choices = list(choices)
        known = {c.label: c.chosen for c in self.choices}
        self.overrides = {k: v for k, v in self.overrides.items() if k in known and known[k] != v}
        self.endResetModel()

    def checked(self, choice) -> bool:
        return self.overrides.get(choice.label, choice.chosen)

    def selected(self) -> list[str]:
        """The labels to put in the pack, most important first."""
        return [c.label for c in self.choices if self.checked(c)]

    def is_default(self) -> bool:
        return not self.overrides

    def set_checked(self, label: str, on: bool) -> None:
        for row, c in enumerate(self.choices):
            if c.label == label:
                if on == c.chosen:
                    self.overrides.pop(label, None)
                else:
                    self.overrides[label] = on
                top = self.index(row, 0)
                self.dataChanged.emit(top, self.index(row, self.columnCount() - 1))
                self.selection_changed.emit()
                return

    def reset(self) -> None:
        if self.overrides:
            self.beginResetModel()
            self.overrides = {}
            self.endResetModel()
            self.selection_changed.emit()

    # the Qt model
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.choices)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c = self.choices[index.row()]
        col = index.column()
        if role == Qt.CheckStateRole and col == 0:
            return Qt.Checked if self.checked(c) else Qt.Unchecked
        if role == Qt.DisplayRole:
            if col == 0:
                return tr("第{rank}").format(rank=c.rank)
            if col == 1:
                return tr("证据{number}").format(number=c.label)
            if col == 2:
                return c.row["name"]
            if col == 3:
                return category_text(c.row["category"])
            if col == 4:
                text = in_language(c.reason, language())
                return text + (tr("（已改为不放入）") if c.chosen else tr("（已改为放入）")) \
                    if c.label in self.overrides else text
        if role == Qt.ToolTipRole:
            return in_language(c.reason, language())
        if role == Qt.ForegroundRole and not self.checked(c):
            return QBrush(QColor(130, 130, 130))
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.CheckStateRole or index.column() != 0:
            return False
        on = value in (Qt.Checked, Qt.Checked.value, 2, True)
        self.set_checked(self.choices[index.row()].label, on)
        return True


class PackPanel(QWidget):
    """Channel choice, the exhibits to put in (ChoiceModel) and a live preview for one pack profile;
    `redact` opens the redaction editor. `ready_changed`: a preview (or an empty choice) arrived."""

    ready_changed = Signal()

    def __init__(self, session, info: dict, parent=None):
        super().__init__(parent)
        self.session = session
        self.profile = "platform"
        self.platform = QComboBox()
        for cid, name in PLATFORMS:
            self.platform.addItem(tr(name), cid)
        from ..core.channels import platform_id

        guessed = platform_id(info.get("platform"))
        if guessed:
            self.platform.setCurrentIndex(max(0, self.platform.findData(guessed)))
        self.site = QComboBox()
        for cid, name in SITES:
            self.site.addItem(tr(name), cid)
        self.court = QComboBox()
        for cid, name in COURTS:
            self.court.addItem(tr(name), cid)
        self.preview = QLabel(tr("正在计算材料包的内容…"))
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.redact_button = QPushButton(tr("检查和编辑打码…"))
        self.redact_button.clicked.connect(self._open_editor)
        self.choices = ChoiceModel(self)
        self.choices.selection_changed.connect(self._selection_changed)
        self.table = QTableView()
        self.table.setModel(self.choices)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)      # the order of importance is in the first column
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(2, 220)
        self.choice_label = QLabel(tr("放入哪些证据（按重要性排列，超出上限时先放前面的；默认按渠道上限挑选，可勾选更改）："))
        self.choice_label.setWordWrap(True)
        self.reset_button = QPushButton(tr("恢复默认选择"))
        self.reset_button.clicked.connect(self.choices.reset)
        self.reset_button.setEnabled(False)
        self.form = QFormLayout()
        self.form.addRow(tr("平台"), self.platform)
        self.form.addRow(tr("投诉网站"), self.site)
        self.form.addRow(tr("法院"), self.court)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.choice_label)
        layout.addWidget(self.table, 1)
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.reset_button)
        layout.addLayout(reset_row)
        # what the pack will hold can run to ten lines (adjustments, notes): it scrolls in its own area
        # rather than being cut off at the dialog's bottom on a 768-pixel screen
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setFrameShape(QFrame.NoFrame)
        self.preview_area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.preview.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.preview_area.setWidget(self.preview)
        self.preview_area.setMinimumHeight(self.preview.fontMetrics().lineSpacing() * 5)
        layout.addWidget(self.preview_area, 1)
        layout.addWidget(self.redact_button)
        for combo in (self.platform, self.site, self.court):
            combo.currentIndexChanged.connect(self.refresh)
        self._generation = 0
        self.last_preview = None
        self.choices_ready = False

    def set_profile(self, profile: str) -> None:
        self.profile = profile
        for widget, shown in ((self.platform, profile == "platform"), (self.site, profile == "public"),
                              (self.court, profile == "internet_court")):
            widget.setVisible(shown)
            self.form.labelForField(widget).setVisible(shown)
        self.redact_button.setVisible(profile == "public")
        self.refresh()

    @property
    def channel(self) -> str:
        return channel_id(self.profile, self.platform.currentData(), self.site.currentData(), self.court.currentData())

    def selected_numbers(self) -> list[str] | None:
        """The exhibits (labels) the user has chosen for the pack; None until the choices are known."""
        return self.choices.selected() if self.choices.choices else None

    def refresh(self, *_):
        """The channel changed: its default choice and the preview, in the background; a stale answer
        (the choice changed meanwhile) is dropped. The user's own checks are kept."""
        from ..core.channels import channel
        from ..core.export.packs import pack_choices, preview_pack

        self._generation += 1
        self.last_preview = None
        self.choices_ready = False
        generation, profile, ch = self._generation, self.profile, channel(self.channel)
        overrides = dict(self.choices.overrides)
        self.preview.setText(tr("正在计算材料包的内容…"))

        def job(case):
            choices = pack_choices(case, profile, ch)
            numbers = [c.label for c in choices if overrides.get(c.label, c.chosen)]
            return choices, (preview_pack(case, profile, ch, numbers) if numbers else None)

        def done(result, error):
            if generation != self._generation:
                return
            if error is not None:
                self.preview.setText(tr("无法预览：{error}").format(error=error))
                return
            choices, preview = result
            self.choices.set_choices(choices)            # a reset: the view redraws; no selection_changed
            self.choices_ready = True
            self.reset_button.setEnabled(not self.choices.is_default())
            self._show_preview(preview, ch)

        self.session.pack_job(job, done)

    def _selection_changed(self):
        """The user checked or unchecked an exhibit: the preview of that selection, in the background."""
        from ..core.channels import channel
        from ..core.export.packs import preview_pack

        self.reset_button.setEnabled(not self.choices.is_default())
        self._generation += 1
        self.last_preview = None
        generation, profile, ch = self._generation, self.profile, channel(self.channel)
        numbers = self.choices.selected()
        if not numbers:
            self._show_preview(None, ch)
            return
        self.preview.setText(tr("正在计算材料包的内容…"))

        def done(result, error):
            if generation != self._generation:
                return
            if error is not None:
                self.preview.setText(tr("无法预览：{error}").format(error=error))
                return
            self._show_preview(result, ch)

        self.session.pack_job(lambda case: preview_pack(case, profile, ch, numbers), done)

    def _show_preview(self, preview, ch):
        self.last_preview = preview
        if preview is None:
            self.preview.setText(tr("没有选择任何证据：请至少勾选一项。"))
        else:
            self.preview.setText(self._describe(preview, ch))
        self.ready_changed.emit()

    def _describe(self, p, ch) -> str:
        lines = [tr("将生成 {files} 个证据文件（{exhibits} 项证据），约 {size}；另附文字材料和清单。").format(
            files=p.files, exhibits=p.exhibits, size=human_size(p.approx_bytes))]
        limit = ch.limit("image_count")
        if limit is not None:
            lines.append(tr("{name}上限：{n} 张图片、每张 {size}{default}").format(
                name=ch.name if language() == "zh" else ch.name_en, n=limit.value, size=human_size(ch.value("image_bytes") or 0),
                default=tr("（未公布，保守默认值）") if limit.default else ""))
        lang = language()
        out = sum(1 for c in self.choices.choices if not self.choices.checked(c))
        if out:
            lines.append(tr("{n} 项证据不放入（理由见上表）").format(n=out))
        lines += [tr("调整：") + in_language(a, lang) for a in p.adjustments[:8]]
        if len(p.adjustments) > 8:
            lines.append(tr("……另有 {n} 项调整").format(n=len(p.adjustments) - 8))
        lines += [tr("不放入：证据{number} {name}：{reason}").format(number=i["exhibit"], name=i["name"],
                                                              reason=in_language(i["reason"], lang))
                  for i in p.left_out[:8]]
        if len(p.left_out) > 8:
            lines.append(tr("……另有 {n} 项未放入").format(n=len(p.left_out) - 8))
        if self.profile == "public":
            lines.append(tr("公开前会遮盖手机号、地址、身份证号、银行卡号和真实姓名（订单号遮一半）；请点“检查和编辑打码”逐张核对。"))
        return "\n".join(lines)

    def _open_editor(self):
        if self.last_preview is None:
            return
        RedactionEditor(self.session, self.last_preview.redact, self.window()).exec()


class _Box(QGraphicsRectItem):
    """A redaction box the user can move; its area id and page come along."""

    def __init__(self, rect: QRectF, area_id: int | None, origin: str):
        super().__init__(rect)
        self.area_id = area_id
        self.setBrush(QBrush(QColor(0, 0, 0, 170)))
        self.setPen(QPen(QColor(220, 0, 0) if origin == "auto" else QColor(0, 120, 220), 2))
        self.setFlags(QGraphicsRectItem.ItemIsMovable | QGraphicsRectItem.ItemIsSelectable)


class _View(QGraphicsView):
    drawn = Signal(QRectF)

    def __init__(self, scene):
        super().__init__(scene)
        self._start = None
        self._rubber = None

    def mousePressEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        if event.button() == Qt.LeftButton and (item is None or isinstance(item, QGraphicsPixmapItem)):
            self._start = self.mapToScene(event.position().toPoint())
            self._rubber = self.scene().addRect(QRectF(self._start, self._start), QPen(QColor(0, 120, 220), 2))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self._rubber is not None:
            self._rubber.setRect(QRectF(self._start, self.mapToScene(event.position().toPoint())).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if self._rubber is not None:
            rect = self._rubber.rect()
            self.scene().removeItem(self._rubber)
            self._rubber = None
            if rect.width() > 4 and rect.height() > 4:
                self.drawn.emit(rect)
            return
        super().mouseReleaseEvent(event)


class RedactionEditor(QDialog):
    """Each picture the public pack will hold, with its boxes: red = found by the app, blue = yours.
    Drag on the picture to add a box, drag a box to move it, Delete removes the selected ones. Every
    change is saved at once; the original is never touched."""

    def __init__(self, session, targets: list[tuple[dict, int]], parent=None):
        super().__init__(parent)
        self.session = session
        self.targets = targets
        self.setWindowTitle(tr("检查和编辑打码"))
        self.resize(980, 720)
        self.list = QListWidget()
        self.list.setMaximumWidth(260)
        for row, page in targets:
            suffix = tr("（第{page}页）").format(page=page) if page else ""
            item = QListWidgetItem(tr("证据{number} {name}").format(
                number=row["number"] if not row.get("part") else f"{row['number']}-{row['part']}",
                name=row["name"]) + suffix)
            self.list.addItem(item)
        self.scene = QGraphicsScene(self)
        self.view = _View(self.scene)
        self.view.drawn.connect(self._add)
        self.status = QLabel(tr("在图片上拖动可添加遮盖框；拖动框可移动；选中后按 Delete 删除。"))
        self.status.setWordWrap(True)
        remove = QPushButton(tr("删除选中的框"))
        remove.clicked.connect(self._remove_selected)
        close = QPushButton(tr("完成"))
        close.clicked.connect(self.accept)
        right = QVBoxLayout()
        right.addWidget(self.view, 1)
        right.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.list.currentRowChanged.connect(self._show)
        self.scene.changed.connect(self._maybe_moved)
        self._size = None
        self._current = -1
        self._boxes: list[_Box] = []
        self._positions: dict[int, QRectF] = {}
        if targets:
            self.list.setCurrentRow(0)
        else:
            self.status.setText(tr("这个材料包里没有需要打码的图片。"))

    # loading a picture and its areas happens in the pool (OCR may run the first time)
    def _show(self, index: int):
        if index < 0:
            return
        self._current = index
        row, page = self.targets[index]
        self.status.setText(tr("正在识别个人信息…"))
        # the last picture goes at once: a box drawn on it while this one loads would be saved on this one
        self.scene.clear()
        self._boxes, self._size = [], None

        def job(case):
            from ..core.export import redact
            from ..core.export.packs import Redactor, page_image

            image = page_image(case, row, page)
            redactor = Redactor(case)
            if not case.db.execute("SELECT COUNT(*) FROM redactions WHERE exhibit_id = ? AND page = ? AND "
                                   "origin = 'auto'", [row["id"], page]).fetchone()[0]:
                lines, (w, h) = redactor._lines(row, image, page)
                redact.propose(case, row["id"], redact.find(lines, w, h, redactor.names, page=page, image=image,
                                                       numbers=redactor.numbers), page)
            qimage = QImage(image.tobytes("raw", "RGB"), image.width, image.height, image.width * 3,
                            QImage.Format_RGB888).copy()
            return qimage, redact.stored(case, row["id"], page)

        def done(result, error):
            if index != self._current:
                return                       # the user moved on meanwhile
            if error is not None:
                self.status.setText(tr("无法打开这张图片：{error}").format(error=error))
                return
            qimage, areas = result
            self._draw(qimage, areas)

        self.session.pack_job(job, done)

    def _draw(self, qimage: QImage, areas):
        self.scene.clear()
        self._boxes = []
        self.scene.addPixmap(QPixmap.fromImage(qimage))
        self._size = (qimage.width(), qimage.height())
        w, h = self._size
        for a in areas:
            x0, y0, x1, y1 = a.box
            box = _Box(QRectF(0, 0, (x1 - x0) * w, (y1 - y0) * h), a.id, a.origin)
            box.setPos(x0 * w, y0 * h)
            self.scene.addItem(box)
            self._boxes.append(box)
            self._positions[a.id] = QRectF(box.pos(), box.rect().size())
        self.scene.setSceneRect(0, 0, w, h)
        self.view.fitInView(self.scene.sceneRect(), Qt.KeepAspectRatio)
        self.status.setText(tr("{n} 个遮盖框（红：自动找到，蓝：您添加的）。在图片上拖动可添加；拖动框可移动；Delete 删除。")
                            .format(n=len(areas)))

    def _fraction(self, rect: QRectF) -> tuple[float, float, float, float]:
        w, h = self._size
        return rect.left() / w, rect.top() / h, rect.right() / w, rect.bottom() / h

    def _add(self, rect: QRectF):
        if self._size is None:
            return
        row, page = self.targets[self._current]
        box = self._fraction(rect)
        item = _Box(QRectF(0, 0, rect.width(), rect.height()), None, "user")
        item.setPos(rect.topLeft())
        self.scene.addItem(item)
        self._boxes.append(item)

        def job():
            from ..core.export import redact
            return redact.add(self.session.case, row["id"], box, page)

        def done(area_id, error):
            if error is None:
                item.area_id = area_id
                self._positions[area_id] = QRectF(item.pos(), item.rect().size())
        self.session.db.run(job, done)

    def _maybe_moved(self, *_):
        """Save the boxes the user has moved, once the mouse is let go."""
        from PySide6.QtWidgets import QApplication

        if QApplication.mouseButtons() != Qt.NoButton or self._size is None:
            return
        for item in self._boxes:
            if item.area_id is None or item.scene() is None:
                continue
            rect = QRectF(item.pos(), item.rect().size())
            if self._positions.get(item.area_id) == rect:
                continue
            self._positions[item.area_id] = rect
            area_id, box = item.area_id, self._fraction(rect)

            def job(area_id=area_id, box=box):
                from ..core.export import redact
                redact.move(self.session.case, area_id, box)
            self.session.db.run(job, None)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
            self._remove_selected()
            return
        super().keyPressEvent(event)

    def _remove_selected(self):
        for item in [b for b in self._boxes if b.isSelected()]:
            self.scene.removeItem(item)
            self._boxes.remove(item)
            if item.area_id is not None:
                area_id = item.area_id

                def job(area_id=area_id):
                    from ..core.export import redact
                    redact.remove(self.session.case, area_id)
                self.session.db.run(job, None)

    def done(self, result):
        self._maybe_moved()
        super().done(result)


def describe_result(result) -> str:
    """What a finished pack holds, for the dialog."""
    lines = [tr("已生成：{folder}").format(folder=result.folder),
             tr("压缩包：{zip}（{n} 个文件，{size}）").format(zip=result.zip_path, n=len(result.files),
                                                         size=human_size(sum(f.size for f in result.files)))]
    redacted = sum(1 for f in result.files if f.redacted)
    if redacted:
        lines.append(tr("{n} 张图片已打码（原件未改动）").format(n=redacted))
    from ..core.export.packs import over_limit

    lang = language()
    lines += [tr("调整：") + in_language(a, lang) for a in result.adjustments[:4]]
    if len(result.adjustments) > 4:
        lines.append(tr("……另有 {n} 项调整").format(n=len(result.adjustments) - 4))
    over = [i for i in result.left_out if over_limit(i)]
    other = [i for i in result.left_out if not over_limit(i)]
    if over:
        lines.append(tr("因数量或大小上限未放入 {n} 项：{numbers}").format(
            n=len(over), numbers="、".join("证据" + i["exhibit"] for i in over)))
    lines += [tr("不放入：证据{number} {name}：{reason}").format(number=i["exhibit"], name=i["name"],
                                                          reason=in_language(i["reason"], lang)) for i in other[:4]]
    lines += [tr("注意：") + in_language(n, lang) for n in result.notes[:3]]
    lines.append(tr("完整的清单和每项调整见文件夹中的 manifest.csv。"))
    return "\n".join(lines)


def default_folder(root: Path, profile: str, channel_name: str) -> Path:
    from datetime import datetime

    from ..core.export.packs import PROFILE_ZH

    return Path(root) / "exports" / f"{PROFILE_ZH[profile]}_{channel_name.replace('/', '_')}_{datetime.now():%Y%m%d}"


def start_pack(session, profile: str, cid: str, out: Path, cancel: threading.Event, on_progress, on_done,
               numbers: list[str] | None = None):
    """Build the pack in the background; `numbers`: the exhibits chosen (labels), None for the default."""
    from ..core.channels import channel
    from ..core.export.packs import build_pack
    from .tasks import post

    ch = channel(cid)
    session.pack_job(lambda case: build_pack(case, out, profile, ch, numbers=numbers, cancel=cancel,
                                             progress=lambda step, d, t: post(on_progress, step, d, t)),
                     on_done, cancel, export=True)
