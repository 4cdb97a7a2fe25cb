"""How facts of a case are named to people, in one place: the exhibit label (3 or 3-1), status words
(time-source words are capture.SOURCE_WORDS), China time, the default 案由. The GUI translates the Chinese words through Qt
(app/ui/labels.py); the CLI and the export use them as they are.
"""
from __future__ import annotations

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
