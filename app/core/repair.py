"""repair: rebuild a damaged case into a NEW case, from its originals and whatever its database still holds.

The old case is only read (its database opened read-only and immutable: no -wal or -shm is made, nothing
is written into its folder). Every file in its originals/ whose name is its SHA-256 is imported into the
new case; where a row of the old database survives for those bytes, its number, name, purpose, capture
time and sources come along; the rest keep what import reads from the file and are marked as found
again. A file whose bytes do not match its name is left out and listed.
"""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import IMPORTED, DUPLICATE, Importer
from .messages import CoreError
from .safefs import NotRegular, sha256_regular
from .store import DB_NAME, Case, _uri_path, now_iso, update_exhibit_row

_ORIGINAL = re.compile(r"^([0-9a-f]{64})(?:\.([a-z0-9]{1,10}))?$")
USER_FIELDS = ("number", "part", "name", "source_desc", "purpose", "category", "kind", "captured_at",
               "captured_at_source", "original_name", "notes", "include_in_export", "deleted_at")
INFO_FIELDS = ("product", "platform", "shop", "merchant", "order_number", "amount_paid", "ordered_on", "paid_on",
               "received_on", "product_class", "claimant_name", "claimant_contact", "demand", "stage")


@dataclass
class RepairReport:
    new_root: Path
    with_data: list[str] = field(default_factory=list)       # sha256 restored with the old row's data
    without_data: list[str] = field(default_factory=list)    # sha256 whose row did not survive
    left_out: list[str] = field(default_factory=list)        # file names not imported (bytes differ from the name)
    rows_lost: int = 0                                       # surviving rows whose original is gone


def _read_old(root: Path) -> tuple[dict, dict[str, dict], dict[str, list[dict]]]:
    """What survives in the old database: case info, exhibit rows by sha256, sources by sha256."""
    path = root / DB_NAME
    if not path.is_file():
        return {}, {}, {}
    try:
        conn = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return {}, {}, {}
    conn.row_factory = sqlite3.Row
    info, rows, sources = {}, {}, {}
    try:
        try:
            found = conn.execute("SELECT * FROM case_info").fetchone()
            info = dict(found) if found else {}
        except sqlite3.Error:
            pass
        try:
            ids = [r[0] for r in conn.execute("SELECT id FROM exhibits")]
        except sqlite3.Error:
            ids = []
        for exhibit_id in ids:  # one by one: a damaged page loses its rows, not the others
            try:
                row = conn.execute("SELECT * FROM exhibits WHERE id = ?", [exhibit_id]).fetchone()
            except sqlite3.Error:
                continue
            if row is not None and isinstance(row["sha256"], str):
                rows[row["sha256"]] = dict(row)
                try:
                    sources[row["sha256"]] = [dict(s) for s in conn.execute(
                        "SELECT path, name, mtime, via, seen_at FROM sources WHERE exhibit_id = ?", [exhibit_id])]
                except sqlite3.Error:
                    pass
    finally:
        conn.close()
    return info, rows, sources


def repair(old_root: str | os.PathLike, new_root: str | os.PathLike, title: str | None = None) -> RepairReport:
    old_root, new_root = Path(os.path.abspath(old_root)), Path(os.path.abspath(new_root))
    if not (old_root / "originals").is_dir() or os.path.islink(old_root / "originals"):
        raise CoreError("repair_no_originals", path=str(old_root))
    if new_root == old_root or old_root in new_root.parents:
        raise CoreError("repair_same_place", path=str(new_root))
    info, rows, sources = _read_old(old_root)
    extra = {k: info[k] for k in INFO_FIELDS if isinstance(info.get(k), str)}
    report = RepairReport(new_root)
    with Case.create(new_root, title or info.get("title") or f"恢复的案件（{old_root.name}）", **extra) as case:
        importer = Importer(case, via="repair")
        columns = set(case.db["exhibits"].columns_dict)
        for entry in sorted(os.scandir(old_root / "originals"), key=lambda e: e.name):
            m = _ORIGINAL.match(entry.name)
            try:
                sha, _ = sha256_regular(entry.path) if m else (None, 0)
            except (NotRegular, OSError):
                sha = None
            if not m or sha != m.group(1):
                report.left_out.append(entry.name)
                continue
            outcome = importer.import_file(entry.path)
            if outcome.status not in (IMPORTED, DUPLICATE) or outcome.exhibit_id is None:
                report.left_out.append(entry.name)
                continue
            old = rows.get(sha)
            if old is None:
                case.db.execute("UPDATE exhibits SET name = ? WHERE id = ?",
                                [f"找回的原件 {outcome.name or ''}".strip(), outcome.exhibit_id])
                report.without_data.append(sha)
                continue
            fields = {k: old[k] for k in USER_FIELDS if k in old and k in columns}
            with case.db.atomic():
                update_exhibit_row(case.db, outcome.exhibit_id, fields)
                case.db.execute("DELETE FROM sources WHERE exhibit_id = ?", [outcome.exhibit_id])
                for src in sources.get(sha) or []:
                    case.db.execute("INSERT OR IGNORE INTO sources (exhibit_id, path, name, mtime, via, seen_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?)",
                                    [outcome.exhibit_id, src.get("path") or entry.path, src.get("name") or entry.name,
                                     src.get("mtime"), src.get("via") or "repair", src.get("seen_at") or now_iso()])
                case.db.execute("INSERT OR IGNORE INTO sources (exhibit_id, path, name, via, seen_at) "
                                "VALUES (?, ?, ?, 'repair', ?)", [outcome.exhibit_id, entry.path, entry.name, now_iso()])
            report.with_data.append(sha)
        present = set(report.with_data) | set(report.without_data)
        report.rows_lost = sum(1 for sha in rows if sha not in present)
    return report
