"""A real import process killed at any moment leaves a consistent case, and importing again completes."""
import hashlib
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from app.core.store import Case
from conftest import ROOT, make_image, readline, run_cli

N_FILES = 30


@pytest.fixture(scope="module")
def evidence(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evidence")
    for i in range(N_FILES):
        ext = "jpg" if i % 2 else "png"
        make_image(folder / f"Screenshot_202503{i % 28 + 1:02d}-1200{i % 60:02d}.{ext}", size=(720, 1600),
                   color=(i * 7 % 255, 90, 200 - i))
    return folder


def assert_consistent(case_dir):
    """Open for writing (which recovers), then check rows, files and temp space agree."""
    with Case.open(case_dir) as case:
        assert list(case.tmp.iterdir()) == [], "a half-written copy survived"
        rows = case.exhibits(include_deleted=True)
        files = {p.name for p in case.originals.iterdir()}
        names = {f"{r['sha256']}.{r['ext']}" for r in rows}
        assert names == files, "rows and files in originals/ differ"
        for r in rows:
            assert r["pending_tmp"] is None
            data = case.original_path(r["sha256"], r["ext"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == r["sha256"] and len(data) == r["size"]
            assert r["sources"], "an exhibit lost its source"
        numbers = [r["number"] for r in rows]
        assert len(numbers) == len(set(numbers)), "two exhibits share a number"
        assert case.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return len(rows)


def finish_and_check(case_dir, evidence):
    r = run_cli("import", str(case_dir), str(evidence))
    assert r.returncode == 0, r.stdout + r.stderr
    assert assert_consistent(case_dir) == N_FILES


@pytest.mark.parametrize("step", ["copied:1", "copied:7", "row:1", "row:12", "renamed:1", "renamed:20"])
def test_crash_at_each_step_of_an_import(tmp_path, evidence, step):
    case_dir = tmp_path / "case"
    run_cli("new", str(case_dir), "--title", "crash")
    r = run_cli("import", str(case_dir), str(evidence), env={"EVIDENCE_BINDER_CRASH_AT": step})
    assert r.returncode == 137, (r.returncode, r.stderr)
    assert_consistent(case_dir)  # recovery finished the interrupted batch or rolled back what it could not
    finish_and_check(case_dir, evidence)


def test_sigkill_at_random_moments(tmp_path):
    from PIL import Image

    rng = random.Random(20250305)
    evidence = tmp_path / "photos"
    evidence.mkdir()
    for i in range(80):  # noisy photos of ~1-2 MB so an import takes a while
        Image.frombytes("RGB", (1000, 800), rng.randbytes(1000 * 800 * 3)).save(
            evidence / f"IMG_202503{i % 28 + 1:02d}_1200{i:02d}.jpg", quality=90)
    case_dir = tmp_path / "case"
    run_cli("new", str(case_dir), "--title", "kill")
    env = {**os.environ, "EVIDENCE_BINDER_LANG": "en"}
    kills = 0
    for attempt in range(16):  # until four imports were killed in flight (a fast machine may finish some)
        if kills >= 4:
            break
        proc = subprocess.Popen([sys.executable, "-m", "app", "import", str(case_dir), str(evidence)], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        readline(proc.stdout)  # the first file is done: the import is under way
        time.sleep(rng.uniform(0.0, 0.08 if attempt < 8 else 0.02))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        proc.stdout.close()
        assert_consistent(case_dir)
    assert kills >= 3, "the import finished before it could be killed; make it longer"
    r = run_cli("import", str(case_dir), str(evidence))
    assert r.returncode == 0, r.stdout + r.stderr
    assert assert_consistent(case_dir) == 80


def test_flush_puts_things_on_disk_in_the_order_a_power_cut_needs(tmp_path, monkeypatch):
    """Record every sync, rename and commit of one durable import batch and check their order:
    copies' data, then the rows with their pending marks, then the renames, then originals/ itself,
    and only then the commit that clears the marks."""
    from app.core import ingest

    case = Case.create(tmp_path / "case", "t")
    for i in range(3):
        make_image(tmp_path / "in" / f"Screenshot_20250305-14300{i}.png", size=(60, 90 + i))
    calls = []
    real_sync_files, real_sync_database, real_sync_dir = ingest._sync_files, ingest._sync_database, ingest._sync_dir
    real_replace, real_fsync = os.replace, os.fsync
    monkeypatch.setattr(ingest, "_sync_files", lambda paths, folder: (calls.append("sync copies"),
                                                                       real_sync_files(paths, folder)))
    monkeypatch.setattr(ingest, "_sync_database", lambda c: (calls.append("sync database"), real_sync_database(c)))
    monkeypatch.setattr(ingest, "_sync_dir", lambda folder: (calls.append(f"sync {folder.name}/"),
                                                              real_sync_dir(folder)))

    def replace(src, dst):
        if str(dst).startswith(str(case.originals)):
            calls.append("rename")
        return real_replace(src, dst)

    monkeypatch.setattr(ingest.os, "replace", replace)

    def trace(sql):  # every statement SQLite runs, BEGIN and COMMIT included
        text = sql.strip().upper()
        if "PENDING_TMP = NULL" in text:
            calls.append("clear mark")
        elif text.startswith("COMMIT") and calls and calls[-1] == "clear mark":
            calls.append("commit")

    fsyncs = []
    monkeypatch.setattr(ingest.os, "fsync", lambda fd: (fsyncs.append(os.readlink(f"/proc/self/fd/{fd}")
                                                                       if os.path.exists("/proc/self/fd") else fd),
                                                         real_fsync(fd)))
    case.db.conn.set_trace_callback(trace)
    outcomes = list(ingest.Importer(case, durable=True).import_paths([tmp_path / "in"]))
    case.db.conn.set_trace_callback(None)
    assert [o.status for o in outcomes] == ["imported"] * 3
    assert calls == ["sync copies", "sync database", "rename", "rename", "rename", "sync originals/", "sync tmp/",
                     "clear mark", "clear mark", "clear mark", "commit"], calls
    if os.path.exists("/proc/self/fd"):  # the database sync really syncs the write-ahead log and the folder
        assert any(p.endswith("case.sqlite-wal") for p in fsyncs) and any(p.endswith("/originals") for p in fsyncs)
    assert all(r["pending_tmp"] is None for r in case.db.query("SELECT pending_tmp FROM exhibits"))
    case.close()
