"""The GUI's words for facts of a case, translated through Qt; built on app/core/labels.py.

One home for: the language choice, kind/category/status/time-source words, the 证据N-k label, times
shown in China time, and an error's text in the user's language.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings

from ..core.labels import CHINA, STATUS_ZH, china_text, exhibit_label, parse_time  # noqa: F401

# The Chinese words live in core; these marks let lupdate see them for the English translation.
_WORDS = (QT_TRANSLATE_NOOP("EvidenceBinder", "拍摄信息"), QT_TRANSLATE_NOOP("EvidenceBinder", "文件名"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "文档属性"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "媒体信息"), QT_TRANSLATE_NOOP("EvidenceBinder", "PDF信息"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "修改时间"), QT_TRANSLATE_NOOP("EvidenceBinder", "手动"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "证据内容"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "正常"), QT_TRANSLATE_NOOP("EvidenceBinder", "无法读取"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "已加密"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "截图"), QT_TRANSLATE_NOOP("EvidenceBinder", "照片"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "录音"), QT_TRANSLATE_NOOP("EvidenceBinder", "视频"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "PDF"), QT_TRANSLATE_NOOP("EvidenceBinder", "文档"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "订单"), QT_TRANSLATE_NOOP("EvidenceBinder", "支付记录"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "发票"), QT_TRANSLATE_NOOP("EvidenceBinder", "聊天记录"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "通话录音"), QT_TRANSLATE_NOOP("EvidenceBinder", "商品照片/视频"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "物流记录"), QT_TRANSLATE_NOOP("EvidenceBinder", "检测报告"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "商家拒绝"), QT_TRANSLATE_NOOP("EvidenceBinder", "投诉回执"),
          QT_TRANSLATE_NOOP("EvidenceBinder", "其他"))


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceBinder", text)


def settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "EvidenceBinder", "EvidenceBinder")


def language() -> str:
    """The interface language the user chose: "zh" (the default) or "en"."""
    return "en" if str(settings().value("language", "zh")) == "en" else "zh"


def error_text(error) -> str:
    from ..core.messages import CoreError

    if isinstance(error, CoreError):
        return error.message(language())
    return str(error)


def kind_text(kind: str) -> str:
    from ..core.classify import KIND_ZH

    return tr(KIND_ZH[kind]) if kind in KIND_ZH else kind


def category_text(category: str) -> str:
    from ..core.classify import CATEGORY_ZH

    return tr(CATEGORY_ZH[category]) if category in CATEGORY_ZH else category


def source_text(source: str | None) -> str:
    from ..core.capture import SOURCE_WORDS

    return tr(SOURCE_WORDS[source][0]) if source in SOURCE_WORDS else "—"


def status_text(status: str) -> str:
    return tr(STATUS_ZH[status]) if status in STATUS_ZH else status


def number_text(row: dict) -> str:
    """证据3 or 证据3-1."""
    return tr("证据{n}").format(n=exhibit_label(row))


def time_text(row: dict) -> str:
    """An exhibit's capture time in China time, or 待定."""
    return china_text(row.get("captured_at")) or tr("待定")


def event_time_text(event: dict) -> str:
    text = china_text(event.get("occurred_at"))
    if text is None:
        return tr("待定")
    if event.get("date_only"):
        text = text[:10]
    return text + (tr("（大约）") if event.get("approximate") else "")
