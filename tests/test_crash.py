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
