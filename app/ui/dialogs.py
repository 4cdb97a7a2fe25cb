"""Dialogs: the case form, an event, the export, settings."""
from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from ..core import edit
from ..core.labels import CHINA, DEFAULT_CAUSE, parse_typed_time, typed_text
from .labels import error_text, language


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


# QT_TRANSLATE_NOOP marks texts for lupdate; tr() translates them where they are shown
PLATFORMS = [("jd", QT_TRANSLATE_NOOP("EvidenceBinder", "京东")), ("taobao", QT_TRANSLATE_NOOP("EvidenceBinder", "淘宝/天猫")), ("pinduoduo", QT_TRANSLATE_NOOP("EvidenceBinder", "拼多多")),
             ("douyin", QT_TRANSLATE_NOOP("EvidenceBinder", "抖音")), ("other", QT_TRANSLATE_NOOP("EvidenceBinder", "其他"))]
PRODUCT_CLASSES = [("ordinary", QT_TRANSLATE_NOOP("EvidenceBinder", "普通商品")),
                   ("durable", QT_TRANSLATE_NOOP("EvidenceBinder", "耐用商品（电脑、电视、冰箱、空调、洗衣机等）")),
                   ("food", QT_TRANSLATE_NOOP("EvidenceBinder", "食品")), ("custom", QT_TRANSLATE_NOOP("EvidenceBinder", "定制商品")),
                   ("perishable", QT_TRANSLATE_NOOP("EvidenceBinder", "鲜活易腐商品"))]
DEMANDS = [QT_TRANSLATE_NOOP("EvidenceBinder", "退货退款"), QT_TRANSLATE_NOOP("EvidenceBinder", "换货"), QT_TRANSLATE_NOOP("EvidenceBinder", "维修"), QT_TRANSLATE_NOOP("EvidenceBinder", "三倍赔偿"),
           QT_TRANSLATE_NOOP("EvidenceBinder", "十倍赔偿")]
EVENT_TYPE_TEXTS = [
    QT_TRANSLATE_NOOP("EvidenceBinder", "下单"), QT_TRANSLATE_NOOP("EvidenceBinder", "付款"), QT_TRANSLATE_NOOP("EvidenceBinder", "签收"), QT_TRANSLATE_NOOP("EvidenceBinder", "发现问题"), QT_TRANSLATE_NOOP("EvidenceBinder", "联系客服"),
    QT_TRANSLATE_NOOP("EvidenceBinder", "商家拒绝"), QT_TRANSLATE_NOOP("EvidenceBinder", "申请平台介入"), QT_TRANSLATE_NOOP("EvidenceBinder", "平台结果"), QT_TRANSLATE_NOOP("EvidenceBinder", "12315投诉"),
    QT_TRANSLATE_NOOP("EvidenceBinder", "12345"), QT_TRANSLATE_NOOP("EvidenceBinder", "消协调解"), QT_TRANSLATE_NOOP("EvidenceBinder", "起诉"), QT_TRANSLATE_NOOP("EvidenceBinder", "判决"), QT_TRANSLATE_NOOP("EvidenceBinder", "其他")]


def _combo(items, current=None) -> QComboBox:
    box = QComboBox()
    for key, text in items:
        box.addItem(tr(text), key)
    if current is not None:
        i = box.findData(current)
        if i >= 0:
            box.setCurrentIndex(i)
    return box


class CaseForm(QDialog):
    """New case, or edit an existing one's facts."""

    def __init__(self, info: dict | None = None, parent=None):
        super().__init__(parent)
        info = info or {}
        self.setWindowTitle(tr("编辑案件信息") if info else tr("新建案件"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.title = QLineEdit(info.get("title", ""))
        self.title.setPlaceholderText(tr("例如：电饭煲内胆涂层脱落，商家拒绝退货"))
        self.product = QLineEdit(info.get("product") or "")
        # No platform until the user picks one: a preset 京东 would stand in the case (and hold back the
        # platform the evidence shows) for a user who skipped the field.
        self.platform = _combo([(None, QT_TRANSLATE_NOOP("EvidenceBinder", "未选择（读取证据后会建议）"))] + PLATFORMS,
                               info.get("platform"))
        self.shop = QLineEdit(info.get("shop") or "")
        self.merchant = QLineEdit(info.get("merchant") or "")
        self.merchant.setPlaceholderText(tr("营业执照上的公司名称，可在店铺资质页查看"))
        self.order_number = QLineEdit(info.get("order_number") or "")
        self.amount = QLineEdit(info.get("amount_paid") or "")
        self.amount.setPlaceholderText("399.00")
        self.ordered_on = TimeField(info.get("ordered_on"), date_only=True)
        self.received_on = TimeField(info.get("received_on"), date_only=True)
        self.product_class = _combo(PRODUCT_CLASSES, info.get("product_class") or "ordinary")
        self.demand = QComboBox()
        self.demand.setEditable(True)
        self.demand.addItems([tr(d) for d in DEMANDS])
        if info.get("demand"):
            self.demand.setCurrentText(info["demand"])
        self.claimant = QLineEdit(info.get("claimant_name") or "")
        self.contact = QLineEdit(info.get("claimant_contact") or "")
        self.contact.setPlaceholderText(tr("电话、地址或邮箱"))
        form.addRow(tr("案件名称*"), self.title)
        form.addRow(tr("商品"), self.product)
        form.addRow(tr("购物平台"), self.platform)
        form.addRow(tr("店铺名称"), self.shop)
        form.addRow(tr("商家（公司全称）"), self.merchant)
        form.addRow(tr("订单号"), self.order_number)
        form.addRow(tr("实付金额（元）"), self.amount)
        form.addRow(tr("下单日期"), self.ordered_on)
        form.addRow(tr("签收日期"), self.received_on)
        form.addRow(tr("商品类别"), self.product_class)
        form.addRow(tr("诉求"), self.demand)
        form.addRow(tr("您的姓名"), self.claimant)
        form.addRow(tr("联系方式"), self.contact)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b22222")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("保存") if info else tr("创建"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self):
        if not self.title.text().strip():
            self.error.setText(tr("请填写案件名称"))
            return
        for field in (self.ordered_on, self.received_on):
            try:
                field.value()
            except ValueError:
                self.error.setText(tr("日期请写成 2025-03-05 这样；不知道就空着"))
                return
        amount = self.amount.text().strip().replace("¥", "").replace(",", "")
        if amount:
            try:
                float(amount)
            except ValueError:
                self.error.setText(tr("金额应为数字，例如 399.00"))
                return
        self.accept()

    def values(self) -> dict:
        return {
            "title": self.title.text().strip(), "product": self.product.text().strip() or None,
            "platform": self.platform.currentData(), "shop": self.shop.text().strip() or None,
            "merchant": self.merchant.text().strip() or None,
            "order_number": self.order_number.text().strip() or None,
            "amount_paid": self.amount.text().strip().replace("¥", "").replace(",", "") or None,
            "ordered_on": self.ordered_on.value(),
            "received_on": self.received_on.value(),
            "product_class": self.product_class.currentData(), "demand": self.demand.currentText().strip() or None,
            "claimant_name": self.claimant.text().strip() or None,
            "claimant_contact": self.contact.text().strip() or None,
        }


def _row(*widgets) -> QWidget:
    w = QWidget()
    h = QHBoxLayout(w)
    h.setContentsMargins(0, 0, 0, 0)
    for x in widgets:
        h.addWidget(x)
    h.addStretch()
    return w


class TimeField(QWidget):
    """A date and time typed on the keyboard, in China time ("2025-03-05 14:30", "2025/3/5 14:30",
    "20250305 1430", a date alone); the calendar button picks a date with the mouse. Empty is 待定.
    Seconds are kept only when typed, so 14:30 stays 14:30."""

    editingFinished = Signal()

    def __init__(self, value: str | None = None, parent=None, date_only: bool = False):
        super().__init__(parent)
        from PySide6.QtWidgets import QCalendarWidget, QMenu, QToolButton, QWidgetAction

        self.date_only = date_only
        self.line = QLineEdit()
        self.line.setPlaceholderText(tr("例如 2025-03-05，不知道就空着") if date_only else
                                     tr("例如 2025-03-05 14:30（北京时间），空着表示待定"))
        self.line.editingFinished.connect(self.editingFinished.emit)
        self.line.textEdited.connect(lambda _: self._mark(True))
        pick = QToolButton()
        pick.setText("▾")
        pick.setToolTip(tr("从日历中选择日期"))
        pick.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(pick)
        self.calendar = QCalendarWidget()
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        pick.setMenu(menu)
        self.calendar.clicked.connect(lambda d: (self._pick(d), menu.close()))
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(2)
        h.addWidget(self.line, 1)
        h.addWidget(pick)
        self.setFocusProxy(self.line)
        self.set_value(value)

    def _pick(self, date: QDate):
        old = self.line.text().strip()
        time_part = "" if self.date_only else " " + (old.split()[1] if len(old.split()) > 1 else "00:00")
        self.line.setText(f"{date.toString('yyyy-MM-dd')}{time_part}")
        self._mark(True)
        self.editingFinished.emit()

    def _mark(self, ok: bool):
        self.line.setStyleSheet("" if ok else "background: #fde2e2")

    def set_value(self, value: str | None):
        self.line.setText((value or "")[:10] if self.date_only else typed_text(value, seconds=True))
        self._mark(True)

    def value(self) -> str | None:
        """The ISO time (+08:00) or None; ValueError (and the field marked) for text that is not a time."""
        try:
            when = parse_typed_time(self.line.text())
        except ValueError:
            self._mark(False)
            raise
        self._mark(True)
        if when is None:
            return None
        return when.date().isoformat() if self.date_only else when.isoformat()


def now_text() -> str:
    """Now in China time to the minute, as a time field shows it."""
    return datetime.now(CHINA).strftime("%Y-%m-%d %H:%M")


class EventDialog(QDialog):
    def __init__(self, event: dict | None = None, parent=None):
        super().__init__(parent)
        event = event or {}
        self.setWindowTitle(tr("编辑事件") if event else tr("添加事件"))
        self.type = QComboBox()
        for t in edit.EVENT_TYPES:  # the stored type stays Chinese; the shown text follows the language
            self.type.addItem(tr(t), t)
        self.type.setEditable(True)
        if event.get("type"):
            i = self.type.findData(event["type"])
            if i >= 0:
                self.type.setCurrentIndex(i)
            else:
                self.type.setCurrentText(event["type"])
        self.title = QLineEdit(event.get("title") or "")
        self.title.setPlaceholderText(tr("不填则用事件类型"))
        self.when = TimeField(event.get("occurred_at") if event else None)
        if not event:
            self.when.line.setText(now_text())  # a new event: now, to the minute
        self.approx = QCheckBox(tr("时间是大概的"))
        self.approx.setChecked(bool(event.get("approximate")))
        self.notes = QPlainTextEdit(event.get("notes") or "")
        self.notes.setMaximumHeight(80)
        form = QFormLayout(self)
        form.addRow(tr("类型"), self.type)
        form.addRow(tr("标题"), self.title)
        form.addRow(tr("时间（北京时间）"), self.when)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b22222")
        form.addRow("", self.approx)
        form.addRow(tr("备注"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(buttons)
        self.when.line.setFocus()

    def _accept(self):
        try:
            self.when.value()
        except ValueError:
            self.error.setText(tr("看不懂这个时间，请写成 2025-03-05 14:30 这样；不知道就空着（待定）"))
            return
        self.accept()

    def values(self) -> dict:
        shown = self.type.currentText().strip()
        kind = self.type.currentData() if self.type.currentIndex() >= 0 and \
            self.type.itemText(self.type.currentIndex()) == shown else shown
        return {"type": kind, "title": self.title.text().strip() or shown,
                "occurred_at": self.when.value(),
                "approximate": self.approx.isChecked(), "notes": self.notes.toPlainText().strip() or None}


class ExportDialog(QDialog):
    """Choose the profile and options, watch the progress (cancel), then open the file or its folder."""

    def __init__(self, session, info: dict, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(tr("导出证据清单"))
        self.setMinimumWidth(560)
        self.profile = QComboBox()
        self.profile.addItem(tr("法院 / 调解：证据目录 + 证据材料（PDF）"), "court")
        from .packs import PACK_PROFILES, PackPanel

        for profile, text in PACK_PROFILES:
            self.profile.addItem(tr(text), profile)
        self.pack_panel = PackPanel(session, info)
        self.pack_panel.setVisible(False)
        self.claimant = QLineEdit(info.get("claimant_name") or "")
        self.respondent = QLineEdit(info.get("merchant") or info.get("shop") or "")
        self.cause = QLineEdit(DEFAULT_CAUSE)
        default = Path(session.root) / "exports" / f"证据清单_{datetime.now():%Y%m%d}.pdf"
        self.out = QLineEdit(str(default))
        self.out.setMinimumWidth(380)
        browse = QPushButton(tr("选择…"))
        browse.clicked.connect(self._browse)
        form = QFormLayout()
        form.addRow(tr("用途"), self.profile)
        form.addRow(tr("提交人"), self.claimant)
        form.addRow(tr("对方当事人"), self.respondent)
        form.addRow(tr("案由"), self.cause)
        form.addRow(tr("保存到"), _row(self.out, browse))
        self.form = form
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.pack_panel.platform.currentIndexChanged.connect(self._pack_default)
        self.pack_panel.site.currentIndexChanged.connect(self._pack_default)
        self.pack_panel.court.currentIndexChanged.connect(self._pack_default)
        self.court_default = str(default)
        # Where each file was found (from the imported folder): courts ask; other channels need not see it.
        self.paths = QCheckBox(tr("在电子数据说明中写出每个文件的来源路径"))
        self.paths.setChecked(self.profile.currentData() == "court")
        self.profile.currentIndexChanged.connect(lambda _: self.paths.setChecked(self.profile.currentData() == "court"))
        form.addRow("", self.paths)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.start_button = QPushButton(tr("导出"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(tr("取消"))
        self.open_button = QPushButton(tr("打开文件"))
        self.folder_button = QPushButton(tr("在文件夹中显示"))
        for b in (self.open_button, self.folder_button):
            b.setVisible(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        self.open_button.clicked.connect(lambda: self._open(self.result_pdf))
        self.folder_button.clicked.connect(lambda: self._open(self.result_pdf.parent))
        self.notes = QPlainTextEdit()  # what the export wants the user to know (never clipped: it scrolls)
        self.notes.setReadOnly(True)
        self.notes.setVisible(False)
        self.notes.setMinimumHeight(90)
        buttons = _row(self.open_button, self.folder_button)
        buttons.layout().addWidget(self.start_button)
        buttons.layout().addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pack_panel)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self.cancel_event: threading.Event | None = None
        self.result_pdf: Path | None = None
        self.result = None

    def _profile_changed(self, *_):
        """A channel pack: its own options and preview in place of the court PDF's fields."""
        profile = self.profile.currentData()
        court = profile == "court"
        for widget in (self.claimant, self.respondent, self.cause):
            widget.setVisible(court)
            self.form.labelForField(widget).setVisible(court)
        self.pack_panel.setVisible(not court)
        if hasattr(self, "paths"):
            self.paths.setVisible(court)      # packs never print source paths
        if court:
            self.out.setText(self.court_default)
        else:
            self.pack_panel.set_profile(profile)
            self._pack_default()

    def _pack_default(self, *_):
        from ..core.channels import channel
        from .packs import default_folder

        if self.profile.currentData() != "court":
            self.out.setText(str(default_folder(self.session.root, self.profile.currentData(),
                                                channel(self.pack_panel.channel).name)))

    def _open(self, path: Path):
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.status.setText(tr("这台电脑上没有能打开它的程序。文件在：{path}").format(path=path))

    def _browse(self):
        if self.profile.currentData() != "court":
            path = QFileDialog.getExistingDirectory(self, tr("选择保存材料包的文件夹"), str(Path(self.out.text()).parent))
            if path:
                self.out.setText(str(Path(path) / Path(self.out.text()).name))
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("保存证据清单"), self.out.text(), "PDF (*.pdf)")
        if path:
            self.out.setText(path)

    def start(self):
        from ..core.export import ExportOptions

        if self.profile.currentData() != "court":
            from .packs import start_pack

            numbers = self.pack_panel.selected_numbers()
            if numbers == []:
                self.status.setText(tr("没有选择任何证据：请至少勾选一项。"))
                return
            self.cancel_event = threading.Event()
            self.start_button.setEnabled(False)
            self.progress.setVisible(True)
            self.progress.setRange(0, 0)
            self.status.setText(tr("正在生成材料包…"))
            start_pack(self.session, self.profile.currentData(), self.pack_panel.channel,
                       Path(self.out.text().strip()), self.cancel_event, self._progress, self._done, numbers)
            return

        out = Path(self.out.text().strip() or "证据清单.pdf")
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        options = ExportOptions(profile=self.profile.currentData(), claimant=self.claimant.text().strip() or None,
                                respondent=self.respondent.text().strip() or None,
                                cause=self.cause.text().strip() or DEFAULT_CAUSE,
                                include_paths=self.paths.isChecked())
        self.cancel_event = threading.Event()
        self.start_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(tr("正在生成 PDF…"))
        self.session.export(out, options, self.cancel_event, self._progress, self._done)

    def _progress(self, step, done, total):
        if step == "write" and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status.setText(tr("正在复制原件…"))
        elif step == "layout":
            self.status.setText(tr("正在排版…"))
        elif step in ("images", "files") and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status.setText(tr("正在制作材料（{done}/{total}）…").format(done=done, total=total))

    def _cancel(self):
        if self.cancel_event is not None and self.result is None:
            self.cancel_event.set()
            self.status.setText(tr("正在取消…"))
        else:
            self.reject()

    def _done(self, result, error):
        from ..core.export import ExportCancelled

        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.start_button.setEnabled(True)
        if isinstance(error, ExportCancelled):
            self.status.setText(tr("已取消，没有写入任何文件。"))
            self.cancel_event = None
            return
        if error is not None:
            self.status.setText(tr("导出失败：{error}").format(error=error_text(error)))
            return
        self.result = result
        if not hasattr(result, "pdf_path"):                  # a channel pack: a folder and a zip
            from .packs import describe_result

            self.result_pdf = result.zip_path
            self.pack_panel.setVisible(False)          # the result says it all now
            self.status.setText(describe_result(result))
            self.start_button.setVisible(False)
            self.cancel_button.setText(tr("关闭"))
            self.folder_button.setText(tr("打开文件夹"))
            self.folder_button.setVisible(True)
            self.adjustSize()
            return
        self.result_pdf = result.pdf_path
        text = tr("已导出 {pages} 页，{n} 项证据：{path}").format(pages=result.pages, n=len(result.exhibits),
                                                          path=result.pdf_path)
        if result.notices:
            from ..core.messages import render

            self.notes.setPlainText("\n".join("• " + render(n["code"], language(), number=n["number"])
                                               for n in result.notices))
            self.notes.setVisible(True)
        self.status.setText(text)
        self.start_button.setVisible(False)
        self.cancel_button.setText(tr("关闭"))
        self.open_button.setVisible(True)
        self.folder_button.setVisible(True)


class SettingsDialog(QDialog):
    def __init__(self, language: str, library: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("设置"))
        self.setMinimumWidth(560)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language == "zh" else 1)
        self.library = QLineEdit(library)
        browse = QPushButton(tr("选择…"))
        browse.clicked.connect(self._browse)
        form = QFormLayout(self)
        form.addRow(tr("界面语言"), self.language)
        form.addRow(tr("案件库位置"), _row(self.library, browse))
        form.addRow(QLabel(tr("更改语言后需重新启动程序。")))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self):
        folder = QFileDialog.getExistingDirectory(self, tr("选择案件库文件夹"), self.library.text())
        if folder:
            self.library.setText(folder)


def warn(parent, text: str):
    box = QMessageBox(QMessageBox.Warning, tr("证据夹"), text, QMessageBox.Ok, parent)
    box.open()
    return box
