"""First guesses for a new exhibit: its kind, category, name and source (证据来源).

Guesses only: the user corrects them, and OCR (later) refines the category of screenshots.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from .capture import NameTime, local
from .media import Facts
from .paths import resource_path

KINDS = ("screenshot", "photo", "audio", "video", "pdf", "document")
KIND_ZH = {"screenshot": "截图", "photo": "照片", "audio": "录音", "video": "视频", "pdf": "PDF", "document": "文档"}
CATEGORY_ZH = {"order": "订单", "payment": "支付记录", "invoice": "发票", "chat": "聊天记录", "call": "通话录音",
               "product": "商品照片/视频", "logistics": "物流记录", "inspection": "检测报告", "refusal": "商家拒绝",
               "complaint": "投诉回执", "other": "其他"}
CATEGORIES = ("order", "payment", "invoice", "chat", "call", "product", "logistics", "inspection",
              "refusal", "complaint", "other")

# Words in a file name or a PDF title that tell the category (checked in this order).
_CATEGORY_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("invoice", ("发票", "dzfp", "invoice", "fapiao")),
    ("inspection", ("检验", "检测", "鉴定", "质检", "inspection", "test report")),
    ("refusal", ("拒绝", "驳回", "不予", "refus", "reject")),
    ("complaint", ("投诉", "12315", "12345", "消协", "黑猫", "complaint")),
    ("logistics", ("物流", "快递", "签收", "运单", "顺丰", "菜鸟", "logistic", "delivery")),
    ("payment", ("支付", "付款", "账单", "收款", "转账", "payment", "receipt")),
    ("call", ("录音", "通话", "call")),
    ("chat", ("聊天", "客服", "对话", "chat")),
    ("order", ("订单", "快照", "order")),
]

# Screen widths of phones (portrait) and the screens of common laptops.
_SCREEN_WIDTHS = {640, 720, 750, 828, 1080, 1125, 1170, 1179, 1220, 1236, 1240, 1242, 1260, 1264, 1272,
                  1280, 1284, 1290, 1320, 1344, 1440, 1920, 2560, 2880, 3024, 3840}
_SCREENSHOT_WORDS = ("screenshot", "截屏", "截图", "屏幕截图", "screen shot", "屏幕快照", "snipaste", "qq截图")


@lru_cache(maxsize=1)
def app_packages() -> dict:
    with open(resource_path("data", "apps.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    data.pop("_comment", None)
    return data


@dataclass
class Guess:
    kind: str
    category: str
    name: str
    source_desc: str


def guess(family: str, original_name: str, facts: Facts, name_time: NameTime | None,
          captured_at: datetime | None) -> Guess:
    low = original_name.lower()
    app = app_packages().get(name_time.package) if name_time and name_time.package else None
    kind = _kind(family, low, facts, name_time)
    category = _category(kind, low + " " + (facts.meta.get("title") or "").lower())
    when = local(captured_at).strftime("%Y-%m-%d %H:%M") if captured_at else ""
    stem = original_name.rsplit(".", 1)[0]

    if kind == "screenshot":
        label = f"{app['app']}截图" if app else "手机截图" if name_time and "screenshot" in name_time.pattern \
            and "windows" not in name_time.pattern and "macos" not in name_time.pattern else "截图"
        source = f"{app['app']}App截图" if app else ("电脑截图" if name_time and name_time.pattern in
                                                     ("windows_screenshot", "macos_screenshot") else "手机截图")
        name = f"{label} {when}".strip()
    elif kind == "photo":
        name = f"照片 {when}".strip()
        source = f"手机拍摄（{facts.device}）" if facts.device else "照片"
    elif kind == "audio":
        title = facts.meta.get("title")
        name = f"录音 {title} {when}".strip() if title else f"录音 {when}".strip()
        if name_time is None and not title:
            name = stem
        source = "通话录音" if category == "call" else "录音"
    elif kind == "video":
        name = f"视频 {when}".strip()
        source = f"手机拍摄（{facts.device}）" if facts.device else "视频"
    elif kind == "pdf":
        name = facts.meta.get("title") or stem
        creator = facts.meta.get("creator")
        source = f"PDF文件（{creator}）" if creator else "PDF文件"
    else:
        name = stem
        source = "文档"
    if facts.status == "unreadable":
        name = f"（文件损坏）{name}"
    elif facts.status == "encrypted":
        name = f"（已加密）{name}"
    return Guess(kind, category, name[:200], source[:200])


def _kind(family: str, low: str, facts: Facts, name_time: NameTime | None) -> str:
    if family == "image":
        if any(w in low for w in _SCREENSHOT_WORDS) or (name_time and "screenshot" in name_time.pattern):
            return "screenshot"
        if "screenshot" in (facts.meta.get("user_comment") or "").lower():
            return "screenshot"
        if facts.meta.get("camera_exposure") or (name_time and name_time.pattern == "camera"):
            return "photo"
        w, h = facts.width or 0, facts.height or 0
        if facts.meta.get("format") == "PNG" or (w in _SCREEN_WIDTHS and h >= 1.6 * w):
            return "screenshot"
        return "photo"
    if family in ("audio", "video", "pdf"):
        return family
    return "document"


def _category(kind: str, text: str) -> str:
    for category, words in _CATEGORY_WORDS:
        if any(w in text for w in words):
            return category
    if kind == "audio":
        return "call"
    if kind in ("photo", "video"):
        return "product"
    return "other"


def slug(text: str) -> str:
    """A file-name-safe form of an exhibit name (for exports)."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" ._")[:80] or "证据"
