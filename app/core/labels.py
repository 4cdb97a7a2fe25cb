"""How facts of a case are named to people, in one place: the exhibit label (3 or 3-1), status words
(time-source words are capture.SOURCE_WORDS), China time, the default 案由. The GUI translates the Chinese words through Qt
(app/ui/labels.py); the CLI and the export use them as they are.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")   # times without a zone are China time (DESIGN §3)
DEFAULT_CAUSE = "网络购物合同纠纷"             # the 案由 of an online-shopping dispute

STATUS_ZH = {"ok": "正常", "unreadable": "无法读取", "encrypted": "已加密"}


def exhibit_label(row: dict) -> str:
    """The exhibit's number as printed: "3", or "3-1" for the first page of group 3."""
    return f"{row['number']}-{row['part']}" if row.get("part") else str(row["number"])


def parse_time(value: str | None) -> datetime | None:
    """A stored ISO time as an aware datetime (China time when it carries no zone); None when absent."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=CHINA)


def china_text(value: str | None, seconds: bool = False) -> str | None:
    """A stored time as China wall-clock text, "2025-03-05 14:30"; None when absent."""
    when = parse_time(value)
    if when is None:
        return None
    return when.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


_TYPED = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                    r"(?:\s*[T\s]\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})\s*(?:[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:[T\s]*(\d{2}):?(\d{2})(?::?(\d{2}))?)?\s*$")


def parse_typed_time(text: str) -> datetime | None:
    """A date and time as a person types it, read as China time: "2025-03-05 14:30", "2025/3/5 14:30:12",
    "2025年3月5日 14:30", "20250305 1430", or a date alone (00:00). Seconds only when typed.
    None for empty text; ValueError for text that is not a date."""
    if not text or not text.strip():
        return None
    m = _TYPED.match(text) or _COMPACT.match(text)
    if not m:
        raise ValueError(text)
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return datetime(y, mo, d, h, mi, s, tzinfo=CHINA)  # ValueError for 2025-02-30 or 25:00


def typed_text(value: str | None, seconds: bool = False) -> str:
    """A stored time as the text a time field shows (China time); "" when absent."""
    when = parse_time(value)
    if when is None:
        return ""
    when = when.astimezone(CHINA)
    return when.strftime("%Y-%m-%d %H:%M:%S" if seconds and when.second else "%Y-%m-%d %H:%M")
