"""Search across names, purposes, notes, OCR text and facts.

SQLite FTS5 with the trigram tokenizer finds any substring of three characters or more, which suits
Chinese (no word boundaries). One- and two-character queries (退货, 驳回, 京) are below the trigram's
reach: they scan the same columns with instr(), which at 10,000 exhibits is still a few milliseconds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..store import Case

COLUMNS = ("name", "purpose", "notes", "ocr_text", "facts")


@dataclass
class Hit:
    exhibit_id: int
    number: int
    part: int | None
    name: str
    snippet: str
    column: str


def _snippet(text: str, query: str, width: int = 24) -> str:
    flat = re.sub(r"\s+", " ", text or "")
    at = flat.lower().find(query.lower())
    if at < 0:
        return flat[:2 * width]
    start, end = max(0, at - width), min(len(flat), at + len(query) + width)
    return ("…" if start else "") + flat[start:at] + "【" + flat[at:at + len(query)] + "】" + \
        flat[at + len(query):end] + ("…" if end < len(flat) else "")


def search(case: Case, query: str, limit: int = 500) -> list[Hit]:
    """Exhibits (not in the trash) whose text holds every word of `query`, in number order."""
    words = [w for w in re.split(r"\s+", (query or "").strip()) if w]
    if not words:
        return []
    where, params = [], []
    for word in words:
        if len(word) >= 3:
            where.append("e.id IN (SELECT rowid FROM exhibit_search WHERE exhibit_search MATCH ?)")
            params.append('"' + word.replace('"', '""') + '"')
        else:
            where.append("(" + " OR ".join(f"instr(lower(COALESCE(s.{c}, '')), lower(?)) > 0" for c in COLUMNS) + ")")
            params.extend([word] * len(COLUMNS))
    sql = (f"SELECT e.id, e.number, e.part, e.name, s.name AS sname, s.purpose, s.notes, s.ocr_text, s.facts "
           f"FROM exhibits e JOIN exhibit_search s ON s.rowid = e.id "
           f"WHERE e.deleted_at IS NULL AND {' AND '.join(where)} ORDER BY e.number, COALESCE(e.part, 0), e.id "
           f"LIMIT {int(limit)}")
    hits = []
    first = words[0]
    for row in case.db.execute(sql, params):
        values = dict(zip(("name", "purpose", "notes", "ocr_text", "facts"), row[4:]))
        column = next((c for c in ("name", "ocr_text", "purpose", "notes", "facts")
                       if first.lower() in (values[c] or "").lower()), "ocr_text")
        hits.append(Hit(row[0], row[1], row[2], row[3], _snippet(values[column], first), column))
    return hits


def matching_ids(case: Case, query: str) -> set[int]:
    return {h.exhibit_id for h in search(case, query, limit=1_000_000)}
