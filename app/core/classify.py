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
    ("logistics", ("物流", "快递", "签收", "运单", "发货", "顺丰", "菜鸟", "logistic", "delivery")),
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
    category = _category(kind, low, (facts.meta.get("title") or "").lower())
    when = local(captured_at).strftime("%Y-%m-%d %H:%M") if captured_at else ""
    stem = _COPY_MARK.sub("", original_name.rsplit(".", 1)[0]).strip() or original_name.rsplit(".", 1)[0]
    own = stem if meaningful(stem) else None   # "京东发货清单": the user's own words name the exhibit

    if kind == "screenshot":
        label = f"{app['app']}截图" if app else "手机截图" if name_time and "screenshot" in name_time.pattern \
            and "windows" not in name_time.pattern and "macos" not in name_time.pattern else "截图"
        source = f"{app['app']}App截图" if app else ("电脑截图" if name_time and name_time.pattern in
                                                     ("windows_screenshot", "macos_screenshot") else "手机截图")
        name = own or f"{label} {when}".strip()
    elif kind == "photo":
        name = own or f"照片 {when}".strip()
        source = f"手机拍摄（{facts.device}）" if facts.device else "照片"
    elif kind == "audio":
        title = facts.meta.get("title")
        name = f"录音 {title} {when}".strip() if title else f"录音 {when}".strip()
        if own or (name_time is None and not title):
            name = stem
        source = "通话录音" if category == "call" else "录音"
    elif kind == "video":
        name = own or f"视频 {when}".strip()
        source = f"手机拍摄（{facts.device}）" if facts.device else "视频"
    elif kind == "pdf":
        title, creator = facts.meta.get("title"), facts.meta.get("creator")
        # PDF writers' placeholders ("untitled", "anonymous") say nothing: the file name says more
        name = title if title and not _placeholder(title) else stem
        creator = creator if creator and not _placeholder(creator) else None
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


# Words that say what a page is ("商品详情页"): they name the file's content, so they outrank words about
# its subject ("拒绝退货" in a product page's name is the shop's return rule, not a refusal).
_PAGE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("order", ("商品详情", "详情页", "商品页", "订单详情", "交易快照", "宝贝详情")),
    ("logistics", ("物流详情", "物流信息", "快递单", "运单")),
    ("payment", ("支付详情", "账单详情", "付款记录", "交易记录")),
]
# What a file of each kind can show: a camera's photo or video shows things (the product, a parcel, a
# paper invoice or report), so a name's word about a chat or a refusal does not make it one.
_KIND_CATEGORIES = {
    "photo": {"product", "logistics", "invoice", "inspection"},
    "video": {"product", "logistics", "inspection"},
    "audio": {"call", "complaint", "refusal"},
}

# Generic words phones and apps put in file names; what is left after them (and times, numbers, app
# packages) is the user's own naming.
_GENERIC = re.compile(
    r"(?i)(screenshot|screen ?shot|screen ?recording|mmexport|recording|record|voice|call|img|vid|pxl|dsc|photo|"
    r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+){2,}|屏幕截图|屏幕快照|屏幕录制|截屏|截图|截圖|微信图片|微信视频|微信截图|"
    r"通话录音|新录音|录音|照片|图片|视频|副本|拷贝)")


def meaningful(stem: str) -> bool:
    """True when a file name says something in the user's words (at least two Chinese characters that
    are not a phone's or an app's generic naming): "京东发货清单", "内胆涂层脱落特写"."""
    rest = _GENERIC.sub(" ", stem)
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 2


def _category(kind: str, name: str, title: str = "") -> str:
    allowed = _KIND_CATEGORIES.get(kind)
    for text, lists in ((title, (_PAGE_WORDS, _CATEGORY_WORDS)), (name, (_PAGE_WORDS, _CATEGORY_WORDS))):
        if not text:
            continue
        for words_list in lists:
            for category, words in words_list:
                if any(w in text for w in words) and (allowed is None or category in allowed):
                    return category
    if kind == "audio":
        return "call"
    if kind in ("photo", "video"):
        return "product"
    return "other"


_COPY_MARK = re.compile(r"(?:\s*[-_—]\s*(?:副本|拷贝|复制|copy)(?:\s*\(\d{1,2}\))?|\s*[(（]\d{1,2}[)）]|\s+copy(?:\s+\d+)?)"
                        r"(?=\.[^.]+$|$)", re.I)


def is_copy_name(name: str) -> bool:
    """A name the system gave a second copy: "x - 副本.png", "x - Copy.png", "x (1).png", "x copy 2.png"."""
    return bool(_COPY_MARK.search(name or ""))


def slug(text: str) -> str:
    """A file-name-safe form of an exhibit name (for exports)."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" ._")[:80] or "证据"


_PLACEHOLDERS = {"untitled", "anonymous", "unknown", "unspecified", "(unspecified)", "(anonymous)", "none", "null",
                 "无标题", "未命名", "microsoft word", "document", "文档"}


def _placeholder(value: str) -> bool:
    """A PDF title or creator that a writer fills in by default ("untitled", "Untitled document", "anonymous")."""
    v = " ".join(value.strip().lower().split())
    return not v or v in _PLACEHOLDERS or v in {"untitled document", "untitled-1", "untitled 1"}
