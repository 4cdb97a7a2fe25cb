"""The detail panel of one exhibit (edit its fields) and its preview (image, audio/video, PDF)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QScrollArea, QSlider, QStackedWidget, QVBoxLayout,
                               QWidget)

from ..core.messages import visible
from ..core.classify import CATEGORIES
from .dialogs import TimeField
from .labels import category_text, number_text, parse_time, source_text, status_text
from .tasks import run_task


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


class DetailPanel(QWidget):
    """Edits go out as edited(exhibit_id, fields); the session writes them on the database thread."""

    edited = Signal(int, dict)
    unlinkRequested = Signal(int, int)   # event id, exhibit id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.row: dict | None = None
        self.suggestion: str | None = None
        self.heading = QLabel(tr("未选择证据"))
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold")
        self.heading.setWordWrap(True)
        self.name = QLineEdit()
        self.source = QLineEdit()
        self.source.setPlaceholderText(tr("例如：京东App订单详情页截图"))
        self.purpose = QPlainTextEdit()
        self.purpose.setPlaceholderText(tr("这份证据能证明什么，例如：证明商家拒绝退货"))
        self.purpose.setMaximumHeight(70)
        self.category = QComboBox()
        for c in CATEGORIES:
            self.category.addItem(category_text(c), c)
        self.when = TimeField()
        self.when_source = QLabel()
        self.when_source.setStyleSheet("color: #666")
        self.include = QCheckBox(tr("导出时包含"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.events = QLabel()
        self.events.setWordWrap(True)
        self.event_links = QComboBox()  # a linked event to take off this exhibit
        self.unlink_button = QPushButton(tr("取消关联"))
        self.unlink_button.clicked.connect(self._unlink)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.facts.setStyleSheet("color: #555; font-size: 11px")
        form = QFormLayout()
        form.addRow(tr("证据名称"), self.name)
        form.addRow(tr("证据来源"), self.source)
        form.addRow(tr("证明目的"), self.purpose)
        # A purpose the app proposes stays a suggestion (grey, 建议) until the user accepts or writes one.
        self.accept_purpose = QPushButton(tr("采用建议"))
        self.accept_purpose.setToolTip(tr("把建议的证明目的写入本证据；也可以直接改写"))
        self.accept_purpose.clicked.connect(self._accept_suggestion)
        form.addRow("", self.accept_purpose)
        form.addRow(tr("类别"), self.category)
        form.addRow(tr("形成时间"), self.when)
        form.addRow("", self.when_source)
        form.addRow("", self.include)
        form.addRow(tr("关联事件"), self.events)
        unlink_row = QWidget()
        unlink_layout = QHBoxLayout(unlink_row)
        unlink_layout.setContentsMargins(0, 0, 0, 0)
        unlink_layout.addWidget(self.event_links, 1)
        unlink_layout.addWidget(self.unlink_button)
        form.addRow("", unlink_row)
        self.unlink_row = unlink_row
        form.addRow(tr("备注"), self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.facts)
        self.name.editingFinished.connect(lambda: self._emit("name", self.name.text().strip()))
        self.source.editingFinished.connect(lambda: self._emit("source_desc", self.source.text().strip()))
        self.purpose.textChanged.connect(lambda: None)
        self.purpose.installEventFilter(self)
        self.notes.installEventFilter(self)
        self.category.activated.connect(lambda _: self._emit("category", self.category.currentData()))
        self.when.editingFinished.connect(self._time_edited)
        self.include.clicked.connect(lambda on: self._emit("include_in_export", bool(on)))
        self.setEnabled(False)

    def _accept_suggestion(self):
        if self.row is not None and self.suggestion:
            self.purpose.setPlainText(self.suggestion)
            self.accept_purpose.setVisible(False)
            self._emit("purpose", self.suggestion)

    def eventFilter(self, obj, event):
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.FocusOut:
            if obj is self.purpose:
                self._emit("purpose", self.purpose.toPlainText().strip() or None)
            elif obj is self.notes:
                self._emit("notes", self.notes.toPlainText().strip() or None)
        return super().eventFilter(obj, event)  # not a bare False: PySide6 mis-counts it at exit

    def refresh_heading(self, row: dict) -> None:
        """The exhibit's number moved (another was trashed or moved): only the heading changes."""
        if self.row is not None and row["id"] == self.row["id"]:
            self.row["number"], self.row["part"] = row["number"], row.get("part")
            self.heading.setText(f"{number_text(row)}  {row['name']}")

    def show_row(self, row: dict | None, events: list[dict], selected: int = 0):
        self.row = row
        self.setEnabled(row is not None)
        if row is None:
            self.suggestion = None
            self.accept_purpose.setVisible(False)
            self.purpose.setPlaceholderText(tr("这份证据能证明什么，例如：证明商家拒绝退货"))
            self.unlink_row.setVisible(False)
            self.heading.setText(tr("已选择 {n} 项证据").format(n=selected) if selected > 1 else tr("未选择证据"))
            self.when.set_value(None)
            self.category.setCurrentIndex(-1)
            for field in (self.name, self.source):
                field.clear()
            for field in (self.purpose, self.notes):
                field.clear()
            self.when_source.clear()
            self.events.clear()
            self.facts.clear()
            self.include.setChecked(False)
            return
        self.heading.setText(f"{number_text(row)}  {row['name']}")
        self.name.setText(row["name"])
        self.source.setText(row.get("source_desc") or "")
        self.purpose.setPlainText(row.get("purpose") or "")
        from ..core.export import default_purpose

        fallback = default_purpose(row)
        self.suggestion = fallback if not row.get("purpose") else None
        self.accept_purpose.setVisible(bool(self.suggestion))
        self.purpose.setPlaceholderText(tr("建议（未确认）：{text}").format(text=fallback) if fallback else
                                        tr("待填写：这份证据能证明什么，例如：证明商家拒绝退货"))
        self.category.setCurrentIndex(max(0, self.category.findData(row["category"])))
        self.when.set_value(row.get("captured_at"))
        self.when_source.setText(tr("时间来源：{source}").format(source=source_text(row.get("captured_at_source")))
                                 if row.get("captured_at") else tr("时间待定：请手动填写"))
        self.include.setChecked(bool(row["include_in_export"]))
        self.notes.setPlainText(row.get("notes") or "")
        linked = [e for e in events if row["id"] in e["exhibit_ids"]]
        self.event_links.clear()
        for e in linked:
            self.event_links.addItem(f"{(e['occurred_at'] or tr('待定'))[:10]} {e['title']}", e["id"])
        self.unlink_row.setVisible(bool(linked))
        self.events.setText("；".join(f"{(e['occurred_at'] or tr('待定'))[:10]} {e['title']}" for e in linked)
                            or tr("（无，可在时间线上把证据拖到事件上）"))
        # a zero-width space every 16 digits lets the hash wrap in a narrow panel (copying keeps it whole
        # in most editors; the CLI and the export print it plain)
        sha = "\u200b".join(row["sha256"][i:i + 16] for i in range(0, 64, 16))
        facts = [visible(row["original_name"]), f"SHA-256 {sha}", f"{row['size']:,} B"]
        if row.get("width"):
            facts.append(f"{row['width']}×{row['height']}")
        if row.get("duration_s"):
            facts.append(tr("时长 {s:.1f} 秒").format(s=row["duration_s"]))
        if row.get("pages"):
            facts.append(tr("{n} 页").format(n=row["pages"]))
        if row["status"] != "ok":
            from ..core.messages import render

            facts.append(f"{status_text(row['status'])}：" + render(row["reason"], "zh", **row["reason_params"]))
        self.facts.setText(" · ".join(facts))

    def _unlink(self):
        if self.row is not None and self.event_links.currentIndex() >= 0:
            self.unlinkRequested.emit(self.event_links.currentData(), self.row["id"])

    def _emit(self, field: str, value):
        if self.row is None:
            return
        if field == "name" and not value:
            self.name.setText(self.row["name"])  # a name cannot be empty
            return
        if self.row.get(field) == value or (field == "include_in_export" and bool(self.row[field]) == value):
            return
        self.row[field] = value
        self.edited.emit(self.row["id"], {field: value})

    def _time_edited(self):
        if self.row is None:
            return
        try:
            value = self.when.value()
        except ValueError:
            self.when_source.setText(tr("看不懂这个时间，请写成 2025-03-05 14:30 这样"))
            return
        if parse_time(value) != parse_time(self.row.get("captured_at")):
            self.row["captured_at"] = value
            self.row["captured_at_source"] = "manual" if value else None
            self.when_source.setText(tr("时间来源：{source}").format(source=source_text("manual")) if value
                                     else tr("时间待定：请手动填写"))
            self.edited.emit(self.row["id"], {"captured_at": value})


PREVIEW_PIXELS = 24_000_000   # a larger picture is reduced while it is decoded (about 100 MB as shown)


def _load_image(path: Path) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # EXIF orientation
    reader.setAllocationLimit(256)  # MB: a decompression bomb is refused, not decoded
    size = reader.size()
    if size.isValid() and size.width() * size.height() > PREVIEW_PIXELS:
        return _load_with_pillow(path)  # reduced while decoding, not decoded whole and then scaled
    image = reader.read()
    if image.isNull():  # a format Qt has no plugin for (HEIC): Pillow reads it, as the thumbnail does
        image = _load_with_pillow(path)
    return image


def _load_with_pillow(path: Path) -> QImage:
    from ..core.imagedecode import TooLarge, open_bounded

    try:
        im = open_bounded(path, budget=PREVIEW_PIXELS).upright().convert("RGBA")
    except TooLarge:
        return QImage()
    data = im.tobytes("raw", "RGBA")
    return QImage(data, im.width, im.height, im.width * 4, QImage.Format_RGBA8888).copy()


def _render_pdf(path: Path, width: int = 900, max_pages: int = 20) -> tuple[list[QImage], int]:
    """The first pages as images, and the page count of the whole document."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    pages = []
    total = doc.pageCount()
    for i in range(min(total, max_pages)):
        size = doc.pagePointSize(i)
        scale = width / max(1.0, size.width())
        pages.append(doc.render(i, QSize(int(size.width() * scale), int(size.height() * scale))))
    doc.close()
    return pages, total


def _first_frame(path: Path, rotation: int = 0) -> QImage | None:
    """A video's first frame, upright (worker thread; PyAV, not Qt's player)."""
    import av

    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            image = frame.to_image()
            break
        else:
            return None
    if rotation:
        image = image.rotate(-rotation, expand=True)
    image = image.convert("RGB")
    return QImage(image.tobytes(), image.width, image.height, image.width * 3, QImage.Format_RGB888).copy()


def clock(ms: int) -> str:
    """Milliseconds as m:ss (or h:mm:ss)."""
    seconds = max(0, int(ms // 1000))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Preview(QWidget):
    """Shows any exhibit: images with zoom, audio and video playback, PDF pages. Loading happens off the GUI thread."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.message = QLabel(tr("选择一项证据查看"))
        self.message.setAlignment(Qt.AlignCenter)
        self.message.setWordWrap(True)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image_label)
        self.scroll.setAlignment(Qt.AlignCenter)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_scroll = QScrollArea()
        self.pages_scroll.setWidget(self.pages)
        self.pages_scroll.setWidgetResizable(True)
        self.media = None
        self.media_box = QWidget()
        self.media_layout = QVBoxLayout(self.media_box)
        for w in (self.message, self.scroll, self.pages_scroll, self.media_box):
            self.stack.addWidget(w)
        self.zoom_in = QPushButton("+")
        self.zoom_out = QPushButton("−")
        self.zoom_fit = QPushButton(tr("适应"))
        for b in (self.zoom_in, self.zoom_out, self.zoom_fit):
            b.setFixedWidth(48)
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.zoom_fit.clicked.connect(self._fit)
        self.page_label = QLabel()
        self.page_label.setVisible(False)
        self.pages_scroll.verticalScrollBar().valueChanged.connect(self._update_page)
        bar = QHBoxLayout()
        bar.addWidget(self.page_label)
        bar.addStretch()
        for b in (self.zoom_out, self.zoom_fit, self.zoom_in):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        layout.addLayout(bar)
        self._image: QImage | None = None
        self._scale = 1.0
        self._highlights = None   # boxes of search matches (issue 11), for the exhibit in self._row_id
        self._row_id = None
        self._token = 0
        self._show_zoom(False)

    def _show_zoom(self, on: bool):
        for b in (self.zoom_in, self.zoom_out, self.zoom_fit):
            b.setVisible(on)

    def show_exhibit(self, row: dict | None, path: Path | None):
        self._token += 1
        token = self._token
        self._stop_media()
        self._highlights, self._row_id = None, (row or {}).get("id")
        self._show_zoom(False)
        self.page_label.setVisible(False)
        self._page_labels = []
        if row is None or path is None:
            self.message.setText(tr("选择一项证据查看"))
            self.stack.setCurrentWidget(self.message)
            return
        if row["status"] != "ok":
            self.message.setText(tr("此文件无法预览（{status}）。原件已保存，导出时会原样附上。").format(
                status=status_text(row["status"])))
            self.stack.setCurrentWidget(self.message)
            return
        mime = row.get("mime") or ""
        self.message.setText(tr("正在载入…"))
        self.stack.setCurrentWidget(self.message)
        if mime.startswith("image/"):
            run_task(lambda: _load_image(path), lambda image, err: self._image_ready(token, image, err))
        elif mime == "application/pdf":
            run_task(lambda: _render_pdf(path), lambda pages, err: self._pdf_ready(token, pages, err))
        elif row["kind"] in ("audio", "video"):
            self._play(path, row["kind"] == "video", row["original_name"], token,
                       int((row.get("media") or {}).get("rotation") or 0), row.get("duration_s"))
        else:
            self.message.setText(tr("文档无法预览：{name}").format(name=row["original_name"]))

    def _image_ready(self, token, image, error):
        if token != self._token:
            return  # another exhibit was chosen meanwhile
        if error is not None or image is None or image.isNull():
            self.message.setText(tr("图片无法显示"))
            return
        self._image = image
        self.stack.setCurrentWidget(self.scroll)
        self._show_zoom(True)
        self._fit()

    def _fit(self):
        if self._image is None:
            return
        area = self.scroll.viewport().size()
        self._scale = min(area.width() / max(1, self._image.width()), area.height() / max(1, self._image.height()), 1.0)
        self._apply()

    def _zoom(self, factor: float):
        self._scale = max(0.05, min(8.0, self._scale * factor))
        self._apply()

    def set_highlights(self, boxes, exhibit_id=None):
        """Outline these boxes (pixels of the upright picture) on the exhibit shown; None clears."""
        if exhibit_id is not None and exhibit_id != self._row_id:
            return
        self._highlights = boxes or None
        if self._image is not None and self.stack.currentWidget() is self.scroll:
            self._apply()

    def _apply(self):
        size = self._image.size() * self._scale
        image = self._image
        if self._highlights:
            from .reading import paint_highlights
            image = paint_highlights(image, self._highlights)
        self.image_label.setPixmap(QPixmap.fromImage(image).scaled(size, Qt.KeepAspectRatio,
                                                                     Qt.SmoothTransformation))
        self.image_label.resize(size)

    def wheelEvent(self, event):
        if event.modifiers() & Qt.ControlModifier and self._image is not None:
            self._zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
        else:
            super().wheelEvent(event)

    def _pdf_ready(self, token, result, error):
        if token != self._token:
            return
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        pages, total = result if result else ([], 0)
        if error is not None or not pages:
            self.message.setText(tr("PDF 无法显示"))
            return
        width = max(200, self.stack.width() - 40)  # the visible width, whichever page the stack shows
        self._page_labels = []
        for image in pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image).scaledToWidth(min(width, image.width()), Qt.SmoothTransformation))
            self.pages_layout.addWidget(label)
            self._page_labels.append(label)
        if total > len(pages):
            more = QLabel(tr("（预览前 {n} 页，全文共 {total} 页；导出时全部收入）").format(n=len(pages), total=total))
            more.setAlignment(Qt.AlignCenter)
            self.pages_layout.addWidget(more)
        self._page_total = total
        self.page_label.setText(tr("第 {x} / {y} 页").format(x=1, y=total))
        self.page_label.setVisible(True)
        self.stack.setCurrentWidget(self.pages_scroll)

    def _update_page(self, *_):
        labels = getattr(self, "_page_labels", [])
        if not labels:
            return
        middle = self.pages_scroll.verticalScrollBar().value() + 40  # the page at the top of the view
        current = 1
        for i, label in enumerate(labels, 1):
            if i == 1 or 0 < label.y() <= middle:  # (pages not laid out yet all sit at 0)
                current = i
        self.page_label.setText(tr("第 {x} / {y} 页").format(x=current, y=self._page_total))

    def _play(self, path: Path, video: bool, title: str, token: int = 0, rotation: int = 0,
              duration_s: float | None = None):
        """The controls, and for a video its first frame (decoded in the pool). The media player itself
        is made only when 播放 is pressed: Qt's FFmpeg threads then never run for an exhibit that is
        only looked at, and cannot race the window's teardown (a PySide object destroyed on an FFmpeg
        thread needs the GIL the closing GUI thread holds)."""
        try:
            from PySide6.QtMultimedia import QMediaPlayer  # noqa: F401  (is playback possible here?)
        except ImportError as exc:  # a system library for sound is missing on this computer
            self.message.setText(tr("这台电脑缺少播放组件（{error}），无法在此播放；原件已保存，可用其他播放器打开。")
                                 .format(error=exc))
            return

        while self.media_layout.count():
            item = self.media_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        poster = QLabel(tr("录音：{name}").format(name=title) if not video else tr("正在载入视频画面…"))
        poster.setAlignment(Qt.AlignCenter)
        poster.setWordWrap(True)
        self.media_layout.addWidget(poster, 1)
        if video:
            def shown(image, error):
                if token == self._token and self.media is None and image is not None and not image.isNull():
                    width = max(200, self.stack.width() - 40)
                    poster.setPixmap(QPixmap.fromImage(image).scaled(width, max(200, self.stack.height() - 80),
                                                                     Qt.KeepAspectRatio, Qt.SmoothTransformation))
                elif token == self._token and self.media is None:
                    poster.setText(tr("视频：{name}").format(name=title))
            run_task(lambda: _first_frame(path, rotation), shown)
        play = QPushButton(tr("播放"))
        slider = QSlider(Qt.Horizontal)  # the seek bar: drag or click to jump
        slider.setToolTip(tr("拖动以跳到录音或视频的任意位置"))
        slider.setEnabled(False)
        total = clock(int((duration_s or 0) * 1000)) if duration_s else "?"
        times = QLabel(f"0:00 / {total}")
        controls = QWidget()
        h = QHBoxLayout(controls)
        h.addWidget(play)
        h.addWidget(slider, 1)
        h.addWidget(times)
        self.media_times = times
        self.media_layout.addWidget(controls)
        play.clicked.connect(lambda: self._start_or_toggle(path, video, poster, play, slider, times))
        self.stack.setCurrentWidget(self.media_box)

    def _start_or_toggle(self, path: Path, video: bool, poster: QLabel, play: QPushButton, slider: QSlider,
                         times: QLabel):
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        if self.media is not None:
            player = self.media[0]
            player.pause() if player.playbackState() == QMediaPlayer.PlayingState else player.play()
            return
        player = QMediaPlayer(self)
        audio = QAudioOutput(self)
        player.setAudioOutput(audio)
        if video:
            from PySide6.QtMultimediaWidgets import QVideoWidget

            view = QVideoWidget()
            player.setVideoOutput(view)
            index = self.media_layout.indexOf(poster)
            poster.hide()
            self.media_layout.insertWidget(index, view, 1)
        player.playbackStateChanged.connect(
            lambda s: play.setText(tr("暂停") if s == QMediaPlayer.PlayingState else tr("播放")))

        def show_time(*_):
            times.setText(f"{clock(player.position())} / {clock(player.duration())}")

        player.durationChanged.connect(lambda d: (slider.setRange(0, d), slider.setEnabled(True), show_time()))
        player.positionChanged.connect(lambda p: (slider.blockSignals(True), slider.setValue(p),
                                                  slider.blockSignals(False), show_time()))
        slider.valueChanged.connect(lambda v: player.setPosition(v) if abs(v - player.position()) > 300 else None)
        player.setSource(QUrl.fromLocalFile(str(path)))
        self.media = (player, audio)
        player.play()

    def _stop_media(self):
        if self.media is not None:
            player, audio = self.media
            player.stop()
            player.setSource(QUrl())      # the FFmpeg engine ends now, not during a later teardown
            player.deleteLater()
            audio.deleteLater()
            self.media = None
