"""Bring a case back to a consistent state after a crash (run when it is opened for writing).

Guarantees after recover(): no half-written original (our temp files in tmp/ are gone), no exhibit row
whose file is missing because an import was interrupted. Recovery only ever touches files it created:
a temp name read from the case is used only when it is one we write (`<32 hex>.part` inside tmp/),
only regular files are hashed, and whatever else lies in tmp/ is left alone and reported.

A file in originals/ without a row is never turned into an exhibit silently (a planted file, or rows
lost from a damaged database): it is reported, `verify` names it, and `verify --repair` rebuilds a
new case from the originals when the database is beyond use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .ingest import make_read_only, remove_file
from .messages import CoreError
from .safefs import NotRegular, remove_tree, sha256_regular
from .store import Case

_ORIGINAL_NAME = re.compile(r"^([0-9a-f]{64})(?:\.([a-z0-9]{1,10}))?$")
# What our own code leaves in tmp/: ingest's copies, packs and archives being built.
_OUR_TEMP = re.compile(r"^(?:[0-9a-f]{32}\.part|pack-[0-9a-f]{8}(?:\.zip\.part)?|archive-[A-Za-z0-9_]+)$")


@dataclass
class RecoveryReport:
    finished: list[int] = field(default_factory=list)      # pending rows completed
    rolled_back: list[str] = field(default_factory=list)   # pending rows removed (sha256)
    temp_removed: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)       # files in originals/ without a row (left alone)
    foreign_temp: list[str] = field(default_factory=list)  # entries in tmp/ we did not make (left alone)

    @property
    def anything(self) -> bool:
        return bool(self.finished or self.rolled_back or self.temp_removed)


def sha256_file(path) -> str:
    """SHA-256 of a regular file (never a link, a pipe or a device), read in chunks."""
    return sha256_regular(path)[0]


def _pending_temp(case: Case, name) -> object:
    """The temp copy a pending row names, when the name is one we write; None otherwise."""
    if isinstance(name, str) and re.fullmatch(r"[0-9a-f]{32}\.part", name):
        return case.tmp / name
    return None


def recover(case: Case) -> RecoveryReport:
    report = RecoveryReport()
    db = case.db
    for row in list(db.query("SELECT id, sha256, ext, pending_tmp FROM exhibits WHERE pending_tmp IS NOT NULL")):
        try:
            target = case.original_path(row["sha256"], row["ext"])
        except CoreError:
            continue  # a row we never wrote; verify reports it, nothing is touched
        tmp = _pending_temp(case, row["pending_tmp"])
        if tmp is not None and not target.exists():
            try:
                matches = sha256_file(tmp) == row["sha256"]
            except (NotRegular, OSError):
                matches = False
            if matches:
                make_read_only(tmp)
                tmp.replace(target)
        if target.exists():
            db.execute("UPDATE exhibits SET pending_tmp = NULL WHERE id = ?", [row["id"]])
            report.finished.append(row["id"])
        else:
            with db.atomic():
                db.execute("DELETE FROM exhibits WHERE id = ?", [row["id"]])
            report.rolled_back.append(row["sha256"])
    for leftover in sorted(case.tmp.iterdir()):
        if _OUR_TEMP.match(leftover.name):
            if leftover.is_dir() and not leftover.is_symlink():
                remove_tree(leftover)
            else:
                remove_file(leftover)
            report.temp_removed.append(leftover.name)
        else:
            report.foreign_temp.append(leftover.name)
    report.orphans = orphans(case)
    return report


def orphans(case: Case) -> list[str]:
    """Names in originals/ that no row accounts for."""
    known = set()
    for r in case.db.query("SELECT sha256, ext FROM exhibits"):
        known.add(f"{r['sha256']}.{r['ext']}" if r["ext"] else str(r["sha256"]))
    return sorted(p.name for p in case.originals.iterdir() if p.name not in known)
