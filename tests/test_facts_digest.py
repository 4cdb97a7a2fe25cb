"""Issue 14 item 5: each exhibit row's recorded facts (bytes' hash, extension and size, original name,
capture time and its source, import time) are sealed by a digest kept with the row. The app reseals it
where it changes those facts itself; `verify` reports a row edited behind its back, in words.

The digest is not keyed: it catches an accidental or naive edit, not someone who recomputes it."""
import re
import sqlite3
from pathlib import Path

import pytest

from app.core import edit
from app.core.export.archive import archive, unarchive
from app.core.ingest import Importer
from app.core.repair import repair
from app.core.store import FACT_FIELDS, Case, facts_digest
from app.core.verify import verify_case
from conftest import ROOT, make_image, run_cli


@pytest.fixture
def case_dir(tmp_path):
    ev = tmp_path / "ev"
    for i in range(3):
        make_image(ev / f"Screenshot_2025030{i + 1}-120000.png", size=(120, 200), color=(i * 80, 40, 40))
    root = tmp_path / "case"
    with Case.create(root, "记录校验") as case:
        list(Importer(case, durable=False).import_paths([ev]))
    return root


def codes(root):
    with Case.open(root, writable=False) as case:
        return [p.code for p in verify_case(case).problems]


def cli_verify(root, lang="en"):
    r = run_cli("verify", str(root), env={"EVIDENCE_BINDER_LANG": lang})
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    return r


def sqlite_edit(root, sql, params=()):
    """An edit behind the app's back: plain sqlite3, as a user with a database browser would."""
    conn = sqlite3.connect(root / "case.sqlite", isolation_level=None)
    try:
        conn.execute(sql, params)
    finally:
        conn.close()


def test_rows_are_sealed_and_a_fresh_case_verifies(case_dir):
    with Case.open(case_dir, writable=False) as case:
        rows = list(case.db.query("SELECT * FROM exhibits"))
    assert len(rows) == 3
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{64}", row["facts_digest"]) and row["facts_digest"] == facts_digest(row)
    assert codes(case_dir) == []


@pytest.mark.parametrize("sql, params", [
    ("UPDATE exhibits SET size = size + 1 WHERE number = 2", ()),
    ("UPDATE exhibits SET original_name = 'IMG_0001.png' WHERE number = 2", ()),
    ("UPDATE exhibits SET captured_at = '2024-01-01T08:00:00+08:00' WHERE number = 2", ()),
    ("UPDATE exhibits SET captured_at_source = 'manual' WHERE number = 2", ()),
    ("UPDATE exhibits SET facts_digest = NULL WHERE number = 2", ()),
])
def test_an_edit_behind_the_apps_back_is_a_finding(case_dir, sql, params):
    sqlite_edit(case_dir, sql, params)
    found = codes(case_dir)
    assert len(found) == 1 and found[0] in ("verify_facts_changed", "verify_facts_missing"), found
    r = cli_verify(case_dir, "en")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "exhibit 2 " in r.stdout and ("changed outside the app" in r.stdout or "has no digest" in r.stdout), r.stdout
    zh = cli_verify(case_dir, "zh")
    assert zh.returncode == 1 and "证据2「" in zh.stdout and ("的记录被改动" in zh.stdout or "缺少校验值" in zh.stdout)


def test_edits_through_the_app_keep_verify_clean(case_dir, tmp_path):
    with Case.open(case_dir) as case:
        ids = [r["id"] for r in case.exhibits()]
        edit.update_exhibit(case, ids[0], captured_at="2025-02-28T09:30:00+08:00", name="订单截图", purpose="证明下单")
        edit.update_exhibit(case, ids[1], captured_at=None)
        edit.update_exhibit(case, ids[2], notes="备注", category="chat", include_in_export=False)
        edit.move(case, [ids[2]], ids[0])
        edit.group(case, ids[:2])
        edit.trash(case, [ids[1]])
        edit.restore(case, [ids[1]])
        edit.renumber_by_time(case)
        row = case.db.execute("SELECT captured_at, captured_at_source FROM exhibits WHERE id = ?", [ids[0]]).fetchone()
        assert tuple(row) == ("2025-02-28T09:30:00+08:00", "manual")
    assert codes(case_dir) == []
    # a copy's name first, then the original's: the exhibit cites the original name from now on (resealed)
    ev2 = tmp_path / "ev2"
    make_image(ev2 / "receipt - 副本.png", size=(90, 90), color=(1, 2, 3))
    with Case.open(case_dir) as case:
        list(Importer(case, durable=False).import_paths([ev2 / "receipt - 副本.png"]))
        (ev2 / "receipt.png").write_bytes((ev2 / "receipt - 副本.png").read_bytes())
        list(Importer(case, durable=False).import_paths([ev2 / "receipt.png"]))
        assert case.db.execute("SELECT COUNT(*) FROM exhibits WHERE original_name = 'receipt.png'").fetchone()[0] == 1
    assert codes(case_dir) == []
    # archive and unarchive carry the rows as they are; repair rebuilds sealed rows
    zip_path = tmp_path / "case.zip"
    archive(case_dir, zip_path)
    unarchive(zip_path, tmp_path / "moved")
    assert codes(tmp_path / "moved") == []
    repair(case_dir, tmp_path / "repaired")
    assert codes(tmp_path / "repaired") == []
    r = cli_verify(case_dir)
    assert r.returncode == 0 and r.stdout.startswith("OK"), r.stdout


def test_an_app_edit_never_launders_a_tampered_row(case_dir):
    sqlite_edit(case_dir, "UPDATE exhibits SET size = 1 WHERE number = 1")
    with Case.open(case_dir) as case:
        exhibit_id = case.db.execute("SELECT id FROM exhibits WHERE number = 1").fetchone()[0]
        edit.update_exhibit(case, exhibit_id, captured_at="2025-03-01T10:00:00+08:00")
    assert codes(case_dir) == ["verify_facts_changed"]


def test_the_migration_seals_existing_rows(case_dir):
    """A case made before the digest existed (schema 8): opening it seals its rows in the migration's
    transaction, and verify is clean."""
    conn = sqlite3.connect(case_dir / "case.sqlite", isolation_level=None)
    conn.execute("ALTER TABLE exhibits DROP COLUMN facts_digest")
    conn.execute("PRAGMA user_version = 8")
    conn.close()
    with Case.open(case_dir) as case:
        assert case.db.execute("PRAGMA user_version").fetchone()[0] == 9
        rows = list(case.db.query("SELECT * FROM exhibits"))
        assert rows and all(r["facts_digest"] == facts_digest(r) for r in rows)
    assert codes(case_dir) == []


def test_the_digest_covers_exactly_the_recorded_facts():
    row = {"sha256": "a" * 64, "ext": "png", "size": 10, "original_name": "x.png",
           "captured_at": "2025-03-01T10:00:00+08:00", "captured_at_source": "exif",
           "created_at": "2025-03-02T10:00:00+08:00", "name": "截图", "notes": None}
    base = facts_digest(row)
    for key in FACT_FIELDS:
        assert facts_digest({**row, key: "changed"}) != base, key
    assert facts_digest({**row, "name": "订单截图", "notes": "x"}) == base  # user fields are not facts


# Columns written only through store.insert_exhibit / store.update_exhibit_row.
_FACT_WRITE = re.compile(r"UPDATE\s+exhibits\s+SET[^\"']*\b(" + "|".join(FACT_FIELDS) + r")\s*=|"
                         r"INSERT\s+(OR\s+\w+\s+)?INTO\s+exhibits\b|\[\s*[\"']exhibits[\"']\s*\]\s*\.\s*"
                         r"(insert|insert_all|upsert|upsert_all)\s*\(", re.I)


def test_no_other_writer_of_the_recorded_facts():
    """Every writer of those columns goes through the one place that seals them (store.py)."""
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")) + sorted((ROOT / "bench").rglob("*.py")):
        if path == ROOT / "app" / "core" / "store.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _FACT_WRITE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
