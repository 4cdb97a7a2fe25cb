"""下一步: where the case stands and what to do next (issue 12), a side panel of the case page.

The plan (stage, deadlines, checklist, next steps, contacts) and the seven texts are computed on the
case's database thread (they read the case once) and shown here; exports are written in the thread
pool. The panel recomputes when an operation changes the case's fields, its events or its exhibits, so
a deadline moves as soon as the receipt date is edited.
"""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
                               QVBoxLayout, QWidget)

from ..core.dispute.plan import CLOSE_DAYS
from ..core.dispute.stages import STAGES
from ..core.dispute.texts import KIND_ZH, KINDS
from .labels import error_text, language, tr
from .tasks import disconnect, run_task

RECOMPUTE_MS = 300
# The names the core gives stages and texts, marked here so lupdate offers them for translation.
_NAMES = (QT_TRANSLATE_NOOP("EvidenceBinder", "固定证据"), QT_TRANSLATE_NOOP("EvidenceBinder", "协商（三明确）"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "平台介入"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "投诉（12315 / 12345 / 消协 / 黑猫投诉）"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "诉前调解 / 诉讼（小额诉讼、互联网法院）"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "三明确协商函"), QT_TRANSLATE_NOOP("EvidenceBinder", "书面拒绝说明请求"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "平台介入申诉说明"), QT_TRANSLATE_NOOP("EvidenceBinder", "12315 投诉"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "12345 通话稿"), QT_TRANSLATE_NOOP("EvidenceBinder", "黑猫投诉（公开投诉）"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "民事起诉状（要素式）"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "姓名"), QT_TRANSLATE_NOOP("EvidenceBinder", "联系电话"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "通讯地址（收货地址）"), QT_TRANSLATE_NOOP("EvidenceBinder", "身份证号"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "商家（公司全称）"), QT_TRANSLATE_NOOP("EvidenceBinder", "商家住所地"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "统一社会信用代码"))
RED, GREY, GREEN = "#c62828", "#888888", "#2e7d32"


def compute(case, today: date | None = None) -> dict:
    """On the database thread: the plan and every text, from one read of the case."""
    from ..core.dispute.known import load
    from ..core.dispute.plan import plan
    from ..core.dispute.texts import draft

    view = load(case, today)
    return {"plan": plan(view), "texts": {kind: draft(view, kind) for kind in KINDS}, "info": view.info}


class PartiesDialog(QDialog):
    """The parties' details the 12315 complaint and the 民事起诉状 ask for (each checked before saving)."""

    def __init__(self, info: dict, parent=None):
        super().__init__(parent)
        from ..core.dispute.fields import PARTY_FIELDS

        self.setWindowTitle(tr("当事人信息"))
        self.setMinimumWidth(480)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        hints = {"claimant_address": tr("收货地址：决定可以向哪个法院起诉"),
                 "merchant_address": tr("营业执照上的住所，可在店铺资质页查看"),
                 "merchant_credit_code": tr("18 位，见店铺资质页的营业执照")}
        for field, label in PARTY_FIELDS.items():
            edit_ = QLineEdit(info.get(field) or "")
            edit_.setPlaceholderText(hints.get(field, ""))
            form.addRow(tr(label), edit_)
            self.edits[field] = edit_
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {RED}")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(tr("投诉和起诉需要这些信息；不知道的可以先空着，文书中会留出“＿＿＿”。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.result_values: dict = {}

    def _accept(self):
        from ..core.dispute.errors import DisputeError
        from ..core.dispute.fields import check

        values = {}
        for field, edit_ in self.edits.items():
            try:
                values[field] = check(field, edit_.text())
            except DisputeError as exc:
                self.error.setText(exc.message(language()))
                edit_.setFocus()
                return
        self.result_values = values
        self.accept()


def _label(rich: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.RichText if rich else Qt.PlainText)
    label.setTextInteractionFlags(Qt.TextBrowserInteraction)
    label.setOpenExternalLinks(True)
    label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
    return label


class NextStepsPanel(QScrollArea):
    caseInfoRequested = Signal()          # the user wants to fill in a missing date
    computed = Signal()                   # a plan was shown (tests wait for it)
    exported = Signal(object)             # the path of a text written to disk

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.result: dict | None = None
        self.generation = 0
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        top = QHBoxLayout()
        self.stage_label = QLabel()
        self.stage_label.setWordWrap(True)
        self.stage_label.setStyleSheet("font-weight: bold; font-size: 14px")
        self.stage_box = QComboBox()
        self.stage_box.addItem(tr("按时间线"), None)
        for s in STAGES:
            self.stage_box.addItem(tr(s.name), s.id)
        self.stage_box.setToolTip(tr("阶段随时间线前进；也可以在这里设定"))
        self.stage_box.activated.connect(self._stage_chosen)
        top.addWidget(self.stage_label, 1)
        top.addWidget(self.stage_box)
        layout.addLayout(top)

        box = QGroupBox(tr("期限"))
        v = QVBoxLayout(box)
        self.deadlines = _label()
        self.fill_date = QPushButton(tr("填写签收日期…"))
        self.fill_date.clicked.connect(self.caseInfoRequested)
        self.fill_date.setVisible(False)
        v.addWidget(self.deadlines)
        v.addWidget(self.fill_date)
        layout.addWidget(box)

        box = QGroupBox(tr("下一步"))
        self.steps = _label()
        QVBoxLayout(box).addWidget(self.steps)
        layout.addWidget(box)

        box = QGroupBox(tr("证据清单"))
        self.checklist = _label()
        QVBoxLayout(box).addWidget(self.checklist)
        layout.addWidget(box)

        box = QGroupBox(tr("联系"))
        self.contacts = _label()
        QVBoxLayout(box).addWidget(self.contacts)
        layout.addWidget(box)

        box = QGroupBox(tr("文书"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(tr(KIND_ZH[kind]), kind)
        self.kind.currentIndexChanged.connect(self._show_text)
        self.regenerate = QPushButton(tr("重新生成"))
        self.regenerate.setToolTip(tr("按案件当前的信息重新填写（放弃对这份文书的修改）"))
        self.regenerate.clicked.connect(lambda: self._show_text(force=True))
        row.addWidget(self.kind, 1)
        row.addWidget(self.regenerate)
        v.addLayout(row)
        self.editor = QPlainTextEdit()
        self.editor.setMinimumHeight(260)
        v.addWidget(self.editor)
        self.text_notes = _label()
        v.addWidget(self.text_notes)
        row = QHBoxLayout()
        self.copy_button = QPushButton(tr("复制"))
        self.copy_button.clicked.connect(self.copy_text)
        self.txt_button = QPushButton(tr("导出 TXT…"))
        self.txt_button.clicked.connect(lambda: self._export_dialog("txt"))
        self.docx_button = QPushButton(tr("导出 Word…"))
        self.docx_button.clicked.connect(lambda: self._export_dialog("docx"))
        for b in (self.copy_button, self.txt_button, self.docx_button):
            row.addWidget(b)
        v.addLayout(row)
        self.parties_button = QPushButton(tr("补充当事人信息…"))
        self.parties_button.setToolTip(tr("地址、身份证号、商家住所地和统一社会信用代码：12315 投诉和起诉状需要"))
        self.parties_button.clicked.connect(self.edit_parties)
        v.addWidget(self.parties_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        layout.addWidget(box)

        self.notes = _label()
        layout.addWidget(self.notes)
        layout.addStretch(1)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._shown_kind: str | None = None
        self._stale = False                   # exhibits changed while the panel was out of sight
        self._edited: dict[str, str] = {}     # texts the user changed, kept until 重新生成
        self._clear()

    # ----- the case ----------------------------------------------------------------------------
    def attach(self, session) -> None:
        """Follow this case session (None: no case open)."""
        if self.session is not None:
            disconnect(self.session.changed, self._changed)
        self.session = session
        self.result = None
        self._stale = False
        self._edited.clear()
        self._clear()
        if session is not None:
            session.changed.connect(self._changed)
            self.refresh()

    def _changed(self, delta) -> None:
        ch = delta.changes
        if delta.info is not None or delta.events is not None:
            self._timer.start(RECOMPUTE_MS)
        elif delta.rows or getattr(ch, "removed", None) or delta.order is not None:
            # Exhibits only (imports, watched-folder arrivals): recomputed when the panel is seen. At
            # 10,000 exhibits the plan takes 100-300 ms of Python on the database thread, which the GUI
            # thread waited behind (the GIL) on every arrival while the panel was out of sight.
            if self.isVisible():
                self._timer.start(RECOMPUTE_MS)
            else:
                self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._timer.start(0)

    def refresh(self) -> None:
        session = self.session
        if session is None or session.closing:
            return
        self.generation += 1
        generation = self.generation

        def done(result, error):
            if session is not self.session or generation != self.generation:
                return  # a later case or a later change: this result is stale
            if error is not None:
                self.stage_label.setText(tr("无法计算下一步：{e}").format(e=self._error(error)))
                return
            self.result = result
            self._show(result["plan"])
            self._show_text()
            self.computed.emit()

        session.db.run(lambda: compute(session.case), done)

    # ----- showing -----------------------------------------------------------------------------
    def _clear(self) -> None:
        self.stage_label.setText(tr("打开案件后显示"))
        for w in (self.deadlines, self.steps, self.checklist, self.contacts, self.notes, self.text_notes):
            w.clear()
        self.editor.clear()
        self.fill_date.setVisible(False)
        self.status.clear()

    def _show(self, p) -> None:
        self.stage_label.setText(tr("当前阶段：{s}").format(s=tr(p.stage_name))
                                 + ("" if p.stage_source == "events" else tr("（您设定）")))
        i = self.stage_box.findData(p.stage if p.stage_source == "user" else None)
        self.stage_box.setCurrentIndex(max(0, i))
        rows = []
        for cd in p.deadlines:
            d = cd.deadline
            left = d.days_left(p.today)
            if left < 0:
                color, when = GREY, tr("已过 {n} 天").format(n=-left)
            elif left <= CLOSE_DAYS:
                color, when = RED, (tr("今天截止") if left == 0 else tr("还剩 {n} 天").format(n=left))
            else:
                color, when = "", tr("还剩 {n} 天").format(n=left)
            marks = (" " + tr("（估算）") if d.estimated else "") + \
                    (" " + tr("（起算日据证据识读，请核对）") if cd.start_source in ("proposed", "evidence") else "")
            style = f' style="color:{color}"' if color else ""
            platform = ""
            if d.platform_until:
                platform = "<br/>&nbsp;&nbsp;" + html.escape(tr("平台按签收后 7×24 小时计：至 {t}").format(
                    t=d.platform_until.strftime("%Y-%m-%d %H:%M")))
            rows.append(f"<div{style} title=\"{html.escape(d.rule.note)}\"><b>{d.due}</b> {html.escape(tr(d.rule.name))}"
                        f" — {when}{html.escape(marks)}<br/><small>{html.escape(tr('自 {s} 起 {n}').format(s=d.start, n=d.rule.length_zh))}"
                        f"　{html.escape(d.rule.basis)}</small>{platform}</div>")
        for c in p.cannot:
            rows.append(f'<div style="color:{RED}">' + html.escape(tr("无法计算“{n}”：需要{w}").format(n=c["name"], w=c["needs"]))
                        + "</div>")
        self.deadlines.setText("".join(rows) or tr("暂无期限"))
        self.fill_date.setVisible(any(c["rule"] in ("no_reason_return", "quality_return", "quality_exchange",
                                                     "burden_of_proof") for c in p.cannot))
        self.steps.setText("<ol style='margin-left:-20px'>" + "".join(
            f"<li>{html.escape(s['action'])}" + (f" <b>{html.escape(tr('截止 {d}').format(d=s['by']))}</b>" if s.get("by") else "")
            + (f" <i>→ {html.escape(tr(KIND_ZH[s['text']]))}</i>" if s.get("text") else "") + "</li>"
            for s in p.next_steps) + "</ol>")
        items = []
        for item in p.checklist:
            if item.done:
                items.append(f'<div style="color:{GREEN}">✓ {html.escape(item.label)}'
                             f' <small>（{html.escape("、".join(item.by))}）</small></div>')
            elif item.required:
                items.append(f'<div style="color:{RED}">✗ {html.escape(item.label)}</div>'
                             f'<div style="margin-left:14px"><small>{html.escape(item.how)}</small></div>')
            else:
                items.append(f'<div style="color:{GREY}">○ {html.escape(item.label)}（{html.escape(tr("可选"))}）'
                             f'<br/><small>{html.escape(item.note or item.how)}</small></div>')
        self.checklist.setText("".join(items))
        people = []
        for c in p.contacts:
            reach = " ".join(x for x in (f"<b>{html.escape(c.phone)}</b>" if c.phone else "",
                                         f'<a href="{html.escape(c.url)}">{html.escape(c.url)}</a>' if c.url else "") if x)
            people.append(f"<div title=\"{html.escape(tr('来源：{s}；核对日期：{d}').format(s=c.source, d=c.checked))}\">"
                          f"{html.escape(c.name)} {reach}<br/><small>{html.escape(c.what)}</small></div>")
        self.contacts.setText("".join(people))
        self.notes.setText("".join(f"<p><small>• {html.escape(n)}</small></p>" for n in p.notes))

    def _show_text(self, *_, force: bool = False) -> None:
        if self.result is None:
            return
        if self._shown_kind is not None and self.editor.document().isModified():
            self._edited[self._shown_kind] = self.editor.toPlainText()
        kind = self.kind.currentData()
        if force:
            self._edited.pop(kind, None)
        text = self.result["texts"][kind]
        self.editor.setPlainText(self._edited.get(kind, text.render()))
        self.editor.document().setModified(kind in self._edited)
        self._shown_kind = kind
        notes = list(text.notes)
        if kind in self._edited:
            notes.insert(0, tr("这份文书您修改过；案件信息更新后点“重新生成”可重新填写"))
        self.text_notes.setText("".join(f"<div><small>• {html.escape(n)}</small></div>" for n in notes))
        self.status.clear()

    # ----- actions -----------------------------------------------------------------------------
    def _stage_chosen(self, index: int) -> None:
        if self.session is not None:
            self.session.update_case({"stage": self.stage_box.itemData(index)})

    def edit_parties(self) -> None:
        if self.result is None or self.session is None:
            return
        dialog = PartiesDialog(self.result["info"], self)
        if dialog.exec() == QDialog.Accepted:
            self.session.update_case(dialog.result_values)

    def current_text(self):
        """The text shown, with the user's edits (a Text for the writers)."""
        from ..core.dispute.texts import Section, Text

        kind = self.kind.currentData()
        original = self.result["texts"][kind]
        shown = self.editor.toPlainText()
        if shown == original.render():
            return original
        lines = shown.splitlines()
        title = lines[0] if lines else original.title
        return Text(kind, title, original.channel, [Section(paras=lines[1:])])

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
        self.status.setText(tr("已复制，可以粘贴到聊天窗口或表单中"))

    def _export_dialog(self, fmt: str) -> None:
        if self.result is None or self.session is None:
            return
        kind = self.kind.currentData()
        suggested = self.session.root / "exports" / f"文书_{KIND_ZH[kind].replace(' ', '')}_{date.today():%Y%m%d}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, tr("导出文书"), str(suggested),
                                              "Word (*.docx)" if fmt == "docx" else tr("文本文件 (*.txt)"),
                                              options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the shown text in the thread pool; never over an existing file."""
        from ..core.dispute.output import save

        text = self.current_text()
        self.status.setText(tr("正在导出…"))

        def done(result, error):
            if error is not None:
                self.status.setText(tr("导出失败：{e}").format(e=self._error(error)))
                return
            self.status.setText(tr("已导出：{p}").format(p=result))
            self.exported.emit(result)

        run_task(lambda: save(text, path, fmt), done)

    @staticmethod
    def _error(error) -> str:
        from ..core.dispute.errors import DisputeError

        if isinstance(error, DisputeError):
            return error.message(language())
        return error_text(error)
