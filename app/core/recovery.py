"""Bring a case back to a consistent state after a crash (run when it is opened for writing).

Guarantees after recover(): no half-written original (tmp/ is empty), no exhibit row whose file
is missing because an import was interrupted, no file in originals/ without its row.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from . import filetypes
from .ingest import build_record, make_read_only, remove_file
from .store import Case, now_iso

_ORIGINAL_NAME = re.compile(r"^([0-9a-f]{64})(?:\.([a-z0-9]{1,8}))?$")


@dataclass
class RecoveryReport:
    finished: list[int] = field(default_factory=list)      # pending rows completed
    rolled_back: list[str] = field(default_factory=list)   # pending rows removed (sha256)
    temp_removed: list[str] = field(default_factory=list)
    adopted: list[str] = field(default_factory=list)       # orphan originals given a row

    @property
    def anything(self) -> bool:
        return bool(self.finished or self.rolled_back or self.temp_removed or self.adopted)


def sha256_file(path) -> str:
    hasher = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            hasher.update(chunk)
    return hasher.hexdigest()


def recover(case: Case) -> RecoveryReport:
    report = RecoveryReport()
    db = case.db
    pending_tmps = set()
    for row in list(db.query("SELECT id, sha256, ext, pending_tmp FROM exhibits WHERE pending_tmp IS NOT NULL")):
        target = case.original_path(row["sha256"], row["ext"])
        tmp = case.tmp / row["pending_tmp"]
        if not target.exists() and tmp.exists() and sha256_file(tmp) == row["sha256"]:
            make_read_only(tmp)
            tmp.replace(target)
        if target.exists():
            db.execute("UPDATE exhibits SET pending_tmp = NULL WHERE id = ?", [row["id"]])
            report.finished.append(row["id"])
        else:
            with db.atomic():
                db.execute("DELETE FROM exhibits WHERE id = ?", [row["id"]])
            report.rolled_back.append(row["sha256"])
        pending_tmps.add(row["pending_tmp"])
    for leftover in case.tmp.iterdir():
        remove_file(leftover)
        report.temp_removed.append(leftover.name)
    known = {(r["sha256"], r["ext"]) for r in db.query("SELECT sha256, ext FROM exhibits")}
    for path in sorted(case.originals.iterdir()):
        m = _ORIGINAL_NAME.match(path.name)
        if not m or (m.group(1), m.group(2) or "") in known:
            continue
        _adopt(case, path, m.group(1), report)
    return report


def _adopt(case: Case, path, sha: str, report: RecoveryReport) -> None:
    """Give an original that lost its row (copied by hand, or a damaged database) a row again."""
    if sha256_file(path) != sha:
        return  # not ours to vouch for; verify reports it
    with open(path, "rb") as fh:
        head = fh.read(filetypes.HEAD_SIZE)
        fh.seek(max(0, path.stat().st_size - 65536))
        tail = fh.read()
    ft = filetypes.detect(head, path.name) or filetypes.by_name_only(path.name)
    if ft is None:
        return
    row = build_record(path, path.name, sha, path.stat().st_size, ft, None, tail)
    row["ext"] = path.suffix[1:]
    row["name"] = "找回的原件 " + row["name"]
    if row["reason"] is None:
        row["reason"] = "recovered_original"
        row["reason_params"] = "{}"
    with case.db.atomic():
        row["number"] = case.next_number()
        exhibit_id = case.db["exhibits"].insert(row).last_pk
        case.db.execute("INSERT INTO sources (exhibit_id, path, name, via, seen_at) VALUES (?, ?, ?, 'recovered', ?)",
                        [exhibit_id, str(path), path.name, now_iso()])
    make_read_only(path)
    report.adopted.append(sha)
