"""Reading the evidence (DESIGN §8): OCR and text, facts with their boxes, proposed names, purposes,
case fields and events, and search. Imports only point down (store, capture, classify, media).

    engine.py    the OCR engine (loaded once), tuned settings, tiles for long screenshots
    reader.py    text lines of each kind of file, the derived/ocr cache, the reading queue
    facts.py     facts from the lines: order numbers, amounts, shops, times, phones ... with boxes
    suggest.py   proposed exhibit names/purposes/categories, case fields and timeline events
    search.py    FTS5 trigram search with a short-query fallback
"""
from __future__ import annotations

import json

from ..messages import MESSAGES
from ..store import Case
from .facts import FACT_KEYS, flat
from .reader import Progress, counts, lines, read_case, read_one, save
from .search import search

MESSAGES.update({
    "read_no_text": ("没有读到文字", "no text found"),
    "read_too_small": ("图片太小（{width}×{height}），无法识别文字", "picture too small ({width}x{height}) to read text"),
    "read_too_big": ("图片尺寸过大（{width}×{height}），为安全起见未识别文字", "picture too large ({width}x{height}); not read, for safety"),
    "read_damaged": ("文件损坏或加密，无法读取文字", "the file is damaged or encrypted; its text cannot be read"),
    "read_no_text_kind": ("此类文件不含可识别的文字（录音、文档）", "this kind of file has no text to read (recording, document)"),
    "read_engine_error": ("文字识别引擎出错：{error}", "the OCR engine failed: {error}"),
    "read_error": ("读取文字时出错：{error}", "error while reading the text: {error}"),
    "read_engine_crashed": ("文字识别引擎在读取此文件时意外退出，已跳过；可稍后重新读取",
                            "the OCR engine stopped unexpectedly on this file; skipped, it can be read again later"),
    "read_timeout": ("读取此文件用时过长，已停止；可稍后重新读取", "reading this file took too long and was stopped; it can be read again later"),
})

__all__ = ["case_facts", "exhibit_facts", "FACT_KEYS", "flat", "Progress", "counts", "lines", "read_case",
           "read_one", "save", "search"]


def exhibit_facts(row: dict) -> dict:
    """The stored facts of one exhibit row (with boxes), {} when it has not been read."""
    try:
        return json.loads(row.get("facts_json") or "{}")
    except ValueError:
        return {}


def case_facts(case: Case) -> dict:
    """Every fact read from the case's exhibits (not in the trash), in exhibit order.

    {key: [{"value": str, "exhibit_id": int, "box": [x0, y0, x1, y1] | None}], ..., "platform": str | None}
    for the keys in FACT_KEYS; amounts have two decimals, dates are YYYY-MM-DD, datetimes ISO 8601 with
    offset. "platform" (jd, taobao, pdd, douyin) is the one most exhibits show.
    """
    out: dict = {k: [] for k in FACT_KEYS}
    seen = {k: set() for k in FACT_KEYS}
    votes: dict[str, int] = {}
    rows = case.db.query("SELECT id, facts_json FROM exhibits WHERE deleted_at IS NULL AND facts_json IS NOT NULL "
                         "ORDER BY number, COALESCE(part, 0), id")
    for row in rows:
        facts = exhibit_facts(row)
        for key in FACT_KEYS:
            for item in facts.get(key, []):
                mark = (item["value"], row["id"])
                if mark in seen[key]:
                    continue
                seen[key].add(mark)
                out[key].append({"value": item["value"], "exhibit_id": row["id"], "box": item.get("box")})
        if facts.get("platform"):
            votes[facts["platform"]] = votes.get(facts["platform"], 0) + 1
    out["platform"] = max(sorted(votes), key=lambda p: votes[p]) if votes else None
    return out
