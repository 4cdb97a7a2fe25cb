"""帮助 → 使用指南: a short guide in plain Chinese, English through the translation.

Each section is one message for lupdate (QT_TRANSLATE_NOOP of the whole HTML block), so a translator
sees a short piece with its markup, and the guide shows in the language the user chose.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from .labels import tr

SECTIONS = (
    QT_TRANSLATE_NOOP("EvidenceBinder", """<h2>证据夹使用指南</h2>
<p>退款、退货、保修被拒时，证据夹帮您把证据收好、排好、交出去。原文件只会被复制进案件，永远不会被修改或删除。</p>"""),
    QT_TRANSLATE_NOOP("EvidenceBinder", """<h3>1. 建一个案件</h3>
<p>「文件 → 新建案件」（Ctrl+N），填上商品、平台、店铺、订单号、金额和下单、签收日期。以后可在「案件信息」里补充。</p>"""),
    QT_TRANSLATE_NOOP("EvidenceBinder", """<h3>2. 收集证据</h3>
<ul>
<li>把截图、照片、录音、视频、发票 PDF 直接<b>拖进窗口</b>，或用「导入文件」（Ctrl+I）。</li>
<li>在下方「监视文件夹」添加手机相册的同步文件夹，新截图会自动进入案件。</li>
<li>先收集什么，看右侧「下一步」的证据清单（空案件里也列在拖放框中）。</li>
</ul>"""),
    QT_TRANSLATE_NOOP("EvidenceBinder", """<h3>3. 整理</h3>
<ul>
<li>在右侧「证据详情」里写好<b>证据名称、证据来源、证明目的</b>：法院的证据目录就用这些。</li>
<li>拖动列表里的行可以调整顺序；同一段聊天的几张截图选中后「分组」（Ctrl+G），编为 证据3-1、3-2…</li>
<li>「按时间重新编号」（Ctrl+R）按形成时间排好全部证据。</li>
<li>不要的证据「移到回收站」（Delete），可以撤销（Ctrl+Z），原件不会删除。</li>
</ul>"""),
    QT_TRANSLATE_NOOP("EvidenceBinder", """<h3>4. 时间线</h3>
<p>「时间线」（Ctrl+3）把事件和证据按时间排开：添加事件（Ctrl+E），把证据拖到事件 ◆ 上关联。下方的大事记表格列出每个事件的时间、关联证据（点“证据N”可查看）和备注。没有日期的放在「待定」。</p>"""),
    QT_TRANSLATE_NOOP("EvidenceBinder", """<h3>5. 导出</h3>
<p>「导出 PDF」（Ctrl+P）生成证据目录和证据材料，旁边的文件夹里是全部原件和校验清单，可以直接交给法院、调解组织或 12315。</p>"""),
    QT_TRANSLATE_NOOP("EvidenceBinder", """<h3>快捷键</h3>
<p>Ctrl+N 新建 · Ctrl+O 打开 · Ctrl+I 导入 · Ctrl+P 导出 · Ctrl+E 添加事件 · Ctrl+G 分组 · Delete 移到回收站 · Ctrl+Z 撤销 ·
Ctrl+1/2/3 列表/缩略图/时间线 · F1 本指南 · Ctrl+Q 退出</p>"""),
)

GUIDE = "\n".join(SECTIONS)  # the Chinese guide, as written


def guide_html() -> str:
    """The guide in the interface language (sections the translation lacks stay in Chinese)."""
    return "\n".join(tr(section) for section in SECTIONS)


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("使用指南"))
        self.text = QTextBrowser()
        self.text.setHtml(guide_html())
        self.text.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 560)
