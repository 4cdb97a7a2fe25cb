"""verify: SQLite's integrity check, each row's recorded facts against the digest kept with it, and a
fresh SHA-256 of every original."""
from __future__ import annotations

from dataclasses import dataclass, field

import os

from .labels import exhibit_label
from .messages import CoreError, render
from .safefs import NotRegular, sha256_regular
from .store import FACT_FIELDS, Case, facts_intact, original_relpath


@dataclass
class Problem:
    code: str
    params: dict

    def message(self, lang: str | None = None) -> str:
        return render(self.code, lang, **self.params)


@dataclass
class VerifyReport:
    checked: int = 0
    bytes: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_case(case: Case, on_progress=None) -> VerifyReport:
    report = VerifyReport()
    rows = case.db.execute("PRAGMA integrity_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        report.problems.append(Problem("verify_integrity", {"detail": "; ".join(r[0] for r in rows[:5])}))
    fk = case.db.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        report.problems.append(Problem("verify_integrity", {"detail": f"{len(fk)} foreign key violations"}))
    columns = dict.fromkeys(("id", "number", "part", "name", "deleted_at", "pending_tmp", *FACT_FIELDS, "facts_digest"))
    exhibits = list(case.db.query(f"SELECT {', '.join(columns)} FROM exhibits "
                                  "ORDER BY deleted_at IS NOT NULL, number, part"))
    expected = set()
    for index, ex in enumerate(exhibits, 1):
        try:
            path = case.original_path(ex["sha256"], ex["ext"])
        except CoreError as exc:
            report.problems.append(Problem("verify_row_bad", {"number": ex["number"], **exc.params}))
            continue
        expected.add(path.name)
        rel = original_relpath(ex["sha256"], ex["ext"])
        label = exhibit_label(ex)
        who = {"number": ex["number"], "label": label,
               "name": ex["name"], "path": rel}
        if not facts_intact(ex):  # size, name or capture time edited behind the app's back
            report.problems.append(Problem("verify_facts_missing" if not ex["facts_digest"] else "verify_facts_changed",
                                           who))
        if ex["pending_tmp"]:
            report.problems.append(Problem("verify_pending", {"number": ex["number"], "label": label,
                                                              "name": ex["name"]}))
            continue
        try:
            sha, size = sha256_regular(path)
        except FileNotFoundError:
            report.problems.append(Problem("verify_missing", who))
        except NotRegular as exc:
            report.problems.append(Problem("verify_not_regular", {**who, "what": exc.what}))
        except OSError as exc:
            report.problems.append(Problem("verify_unreadable", {**who, "error": exc.strerror or str(exc)}))
        else:
            report.checked += 1
            report.bytes += size
            if sha != ex["sha256"]:
                report.problems.append(Problem("verify_mismatch", who))
            elif size != ex["size"] and facts_intact(ex):  # the bytes are right: it is the record that lies
                report.problems.append(Problem("verify_facts_changed", who))
        if on_progress:
            on_progress(index, len(exhibits))
    for name in sorted(os.listdir(case.originals)) if case.originals.is_dir() else []:
        if name not in expected:
            report.problems.append(Problem("verify_unreferenced", {"path": f"originals/{name}"}))
    return report
