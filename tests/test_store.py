"""The case folder, migrations, the writer lock, and crash recovery on open."""
import os
import sqlite3

import pytest

from app.core import store
from app.core.ingest import Importer
from app.core.messages import CoreError
from app.core.recovery import recover
from app.core.store import Case
from conftest import make_image


def test_new_case_layout_and_pragmas(tmp_path):
    with Case.create(tmp_path / "c", "标题") as case:
        for sub in ("originals", "derived", "exports", "tmp"):
            assert (case.root / sub).is_dir()
        conn = case.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.schema_version()
        assert {"case_info", "exhibits", "sources", "events", "event_exhibits", "exports"} <= set(
            case.db.table_names())
        assert case.info()["title"] == "标题"
    with pytest.raises(CoreError) as err:
        Case.create(tmp_path / "c", "again")
    assert err.value.code == "case_exists"


def test_open_something_that_is_not_a_case(tmp_path):
    with pytest.raises(CoreError) as err:
        Case.open(tmp_path)
    assert err.value.code == "not_a_case" and "case.sqlite" in err.value.message("zh")
    with pytest.raises(CoreError) as err:
        Case.open(tmp_path / "nowhere")
    assert err.value.code == "case_missing" and "找不到" in err.value.message("zh")


def test_one_writer_at_a_time(tmp_path):
    with Case.create(tmp_path / "c", "t"):
        with pytest.raises(CoreError) as err:
            Case.open(tmp_path / "c")
        assert err.value.code == "case_busy"
        with Case.open(tmp_path / "c", writable=False) as reader:  # readers are welcome
            assert reader.info()["title"] == "t"
    Case.open(tmp_path / "c").close()


def test_migrations_apply_in_order_and_are_recorded(tmp_path, monkeypatch):
    schema = tmp_path / "schema"
    schema.mkdir()
    real = store.schema_dir() / "0001_initial.sql"
    (schema / "0001_initial.sql").write_text(real.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(store, "schema_dir", lambda: schema)
    Case.create(tmp_path / "c", "t").close()
    (schema / "0002_more.sql").write_text("ALTER TABLE exhibits ADD COLUMN extra TEXT;\n"
                                          "CREATE TABLE later (id INTEGER PRIMARY KEY);\n", encoding="utf-8")
    with Case.open(tmp_path / "c") as case:
        assert case.db.conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert "extra" in case.db["exhibits"].columns_dict and "later" in case.db.table_names()
    # A failing migration leaves the database at the version before it, untouched.
    (schema / "0003_broken.sql").write_text("CREATE TABLE half (id INTEGER);\nTHIS IS NOT SQL;\n", encoding="utf-8")
    with pytest.raises(CoreError) as broken:  # told in words (a migration that fails is reported, not a traceback)
        Case.open(tmp_path / "c")
    assert broken.value.code == "case_io_error"
    with sqlite3.connect(tmp_path / "c" / "case.sqlite") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("SELECT name FROM sqlite_master WHERE name='half'").fetchone() is None
    (schema / "0003_broken.sql").unlink()
    # A case from a newer app is refused with a clear message, not damaged.
    with sqlite3.connect(tmp_path / "c" / "case.sqlite") as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(CoreError) as err:
        Case.open(tmp_path / "c")
    assert err.value.code == "case_newer"


def test_recovery_finishes_or_undoes_interrupted_imports(tmp_path):
    case = Case.create(tmp_path / "c", "t")
    imp = Importer(case, durable=False)
    a = make_image(tmp_path / "in" / "a.png", size=(50, 60))
    b = make_image(tmp_path / "in" / "b.png", size=(50, 70))
    c = make_image(tmp_path / "in" / "c.png", size=(50, 80))
    out_a, out_b, out_c = (imp.import_file(p) for p in (a, b, c))
    # a: crashed after its row was written, before the rename (tmp still there)
    ra = case.exhibit_by_sha(out_a.sha256)
    target_a = case.original_path(ra["sha256"], ra["ext"])
    os.chmod(target_a, 0o644)
    os.replace(target_a, case.tmp / ("a" * 32 + ".part"))
    case.db.execute("UPDATE exhibits SET pending_tmp = ? WHERE id = ?", ["a" * 32 + ".part", ra["id"]])
    # b: crashed after the row was written and the temp copy lost
    rb = case.exhibit_by_sha(out_b.sha256)
    target_b = case.original_path(rb["sha256"], rb["ext"])
    os.chmod(target_b, 0o644)
    target_b.unlink()
    case.db.execute("UPDATE exhibits SET pending_tmp = ? WHERE id = ?", ["b" * 32 + ".part", rb["id"]])
    # c: its row vanished (a file without a row); plus a half-written temp file of ours and one that is not ours
    rc = case.exhibit_by_sha(out_c.sha256)
    case.db.execute("DELETE FROM exhibits WHERE id = ?", [rc["id"]])
    (case.tmp / ("c" * 32 + ".part")).write_bytes(b"\x89PNG half")
    (case.tmp / "notes.txt").write_bytes(b"not ours")
    report = recover(case)
    assert report.finished == [ra["id"]] and report.rolled_back == [rb["sha256"]]
    assert "c" * 32 + ".part" in report.temp_removed and report.foreign_temp == ["notes.txt"]
    # the file without a row is reported, never made an exhibit silently
    c_name = case.original_path(rc["sha256"], rc["ext"]).name
    assert report.orphans == [c_name]
    assert sorted(p.name for p in case.tmp.iterdir()) == ["notes.txt"]
    shas = {r["sha256"]: r for r in case.exhibits()}
    assert set(shas) == {out_a.sha256}
    for r in shas.values():
        assert case.original_path(r["sha256"], r["ext"]).is_file() and r["pending_tmp"] is None
    # importing everything again completes b and c (c's original is already in place), a is a duplicate
    outcomes = [imp.import_file(p) for p in (a, b, c)]
    assert [o.status for o in outcomes] == ["duplicate", "imported", "imported"]
    assert recover(case).orphans == []
    case.close()
