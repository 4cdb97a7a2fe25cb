"""Fault injection on real processes: exports killed at every step and at random moments leave nothing
behind that the next export does not remove, and never anything that passes for an export."""
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from PIL import Image

from app.core.export import verify_export
from conftest import ROOT, run_cli

TRACEBACKS = []  # every subprocess's stderr is checked; the figures go in the closing note


def cli(*args, env=None, code=None):
    r = run_cli(*args, env=env)
    if "Traceback" in r.stderr:
        TRACEBACKS.append((args, r.stderr))
    assert "Traceback" not in r.stderr, r.stderr
    return r


@pytest.fixture(scope="module")
def photo_case(tmp_path_factory):
    """A case of 24 noisy photos (~1 MB each), so an export takes a moment."""
    base = tmp_path_factory.mktemp("faults")
    rng = random.Random(14)
    ev = base / "photos"
    ev.mkdir()
    for i in range(24):
        Image.frombytes("RGB", (800, 1200), rng.randbytes(800 * 1200 * 3)).save(
            ev / f"IMG_202503{i % 28 + 1:02d}_1200{i:02d}.jpg", quality=90)
    cli("new", str(base / "case"), "--title", "fault")
    assert cli("import", str(base / "case"), str(ev)).returncode == 0
    return base / "case"


def visible_state(out_dir):
    """What a user sees in the output folder: the bundles that verify, and everything else."""
    names = sorted(os.listdir(out_dir)) if out_dir.exists() else []
    hidden = [n for n in names if n.startswith(".")]
    pdfs = [n for n in names if n.endswith(".pdf")]
    folders = [n for n in names if n.endswith("_原件")]
    return names, hidden, pdfs, folders


def assert_only_whole_bundles(out_dir):
    names, hidden, pdfs, folders = visible_state(out_dir)
    assert not hidden, f"temp work left beside the output: {hidden}"
    for pdf in pdfs:
        assert verify_export(out_dir / pdf).ok, f"{pdf} does not verify"
    for folder in folders:
        assert folder[:-len("_原件")] + ".pdf" in pdfs, f"{folder} has no PDF"
    return len(pdfs)


@pytest.mark.parametrize("step", ["export_copied:1", "export_copied:12", "export_pdf:1", "export_reserved:1",
                                  "export_linked:1"])
def test_export_killed_at_each_step(photo_case, tmp_path, step):
    out = tmp_path / "out" / "证据清单.pdf"
    r = cli("export", str(photo_case), "--out", str(out), env={"EVIDENCE_BINDER_CRASH_AT": step})
    assert r.returncode == 137
    names, hidden, pdfs, folders = visible_state(out.parent)
    assert not pdfs or step == "export_linked:1"
    for name in hidden:  # a leftover is never taken for an export
        check = verify_export(out.parent / name)
        assert not check.ok and check.problems[0][0] == "export_leftover"
    if step == "export_linked:1":
        # killed between the PDF's link and the one rename that makes the bundle: a PDF beside an empty
        # originals folder, which is called an unfinished export (not a bundle with files missing)
        assert pdfs == ["证据清单.pdf"] and folders == ["证据清单_原件"]
        assert not os.listdir(out.parent / folders[0])
        for target in (out, out.parent / folders[0]):
            check = verify_export(target)
            assert [c for c, _ in check.problems] == ["export_unfinished"]
        r = cli("verify-export", str(out))
        assert r.returncode == 1 and "did not finish" in r.stdout + r.stderr, (r.stdout, r.stderr)
    r = cli("export", str(photo_case), "--out", str(out))
    assert r.returncode == 0, r.stderr
    # the next export removed the unfinished one (the very same file as the dead export's PDF) and took the name
    assert assert_only_whole_bundles(out.parent) == 1
    assert visible_state(out.parent)[2] == ["证据清单.pdf"]


def test_a_pdf_of_the_users_beside_an_empty_folder_is_never_removed(photo_case, tmp_path):
    """Only the dead export's own PDF (the same inode) is cleaned up, never a file that looks like one."""
    out = tmp_path / "out" / "证据清单.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF-1.4 the user's own")
    (out.parent / "证据清单_原件").mkdir()
    r = cli("export", str(photo_case), "--out", str(out / ".." / "x.pdf"), env={"EVIDENCE_BINDER_CRASH_AT": "export_linked:1"})
    assert r.returncode == 137
    assert cli("export", str(photo_case), "--out", str(out)).returncode == 0
    assert out.read_bytes() == b"%PDF-1.4 the user's own" and (out.parent / "证据清单_原件").is_dir()
    assert not (out.parent / "x.pdf").exists() and not (out.parent / "x_原件").exists()


def test_export_sigkilled_at_random_moments(photo_case, tmp_path):
    rng = random.Random(20261129)
    out = tmp_path / "out" / "证据清单.pdf"
    env = {**os.environ, "EVIDENCE_BINDER_LANG": "en"}
    started = time.monotonic()
    assert cli("export", str(photo_case), "--out", str(tmp_path / "timing.pdf")).returncode == 0
    duration = time.monotonic() - started
    kills = 0
    for _ in range(8):
        proc = subprocess.Popen([sys.executable, "-m", "app", "export", str(photo_case), "--out", str(out)], cwd=ROOT,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.3, duration))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=120)
        err = proc.stderr.read().decode()
        proc.stderr.close()
        assert "Traceback" not in err, err
        names, hidden, pdfs, folders = visible_state(out.parent)
        for pdf in pdfs:  # whatever is visible with a PDF is whole, or said to be unfinished (a kill just
            check = verify_export(out.parent / pdf)  # before the last rename), never a bundle with holes
            assert check.ok or [c for c, _ in check.problems] == ["export_unfinished"], check.problems
    assert kills >= 4, "the exports finished before they could be killed"
    assert cli("export", str(photo_case), "--out", str(out)).returncode == 0
    whole = assert_only_whole_bundles(out.parent)
    assert whole >= 1
    print(f"export kills: {kills}, whole bundles after: {whole}")


def test_verify_during_an_import_waits_or_says_busy_and_never_cries_tampering(tmp_path):
    rng = random.Random(7)
    ev = tmp_path / "photos"
    ev.mkdir()
    for i in range(40):
        Image.frombytes("RGB", (900, 700), rng.randbytes(900 * 700 * 3)).save(ev / f"IMG_20250301_1200{i:02d}.jpg",
                                                                              quality=92)
    case_dir = tmp_path / "case"
    cli("new", str(case_dir), "--title", "busy")
    env = {**os.environ, "EVIDENCE_BINDER_LANG": "en"}
    proc = subprocess.Popen([sys.executable, "-m", "app", "import", str(case_dir), str(ev)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    proc.stdout.readline()  # under way
    outcomes = []
    while proc.poll() is None or not outcomes:
        r = cli("verify", str(case_dir))
        outcomes.append(r.returncode)
        assert "without a record" not in r.stdout and "being imported" not in r.stdout, r.stdout
        assert r.returncode == 0 or "another program is writing" in r.stderr, (r.stdout, r.stderr)
    proc.stdout.read()
    proc.wait(timeout=120)
    assert cli("verify", str(case_dir)).returncode == 0
    # a watch holds the case for as long as it runs: verify says so after waiting, rather than guessing
    (tmp_path / "IN").mkdir()
    watch = subprocess.Popen([sys.executable, "-m", "app", "watch", str(case_dir), str(tmp_path / "IN")], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        watch.stdout.readline()
        r = cli("verify", str(case_dir), code=None)
        assert r.returncode == 1 and "another program is writing" in r.stderr
    finally:
        watch.send_signal(signal.SIGTERM)
        watch.wait(timeout=30)
        watch.stdout.close()


def test_recovery_killed_at_random_moments_still_ends_consistent(tmp_path):
    """Interrupted imports leave pending rows and temp copies; recovery (run by the next writer) is then
    killed again and again; the case always ends consistent and the import completes."""
    from test_crash import assert_consistent

    rng = random.Random(99)
    ev = tmp_path / "photos"
    ev.mkdir()
    for i in range(30):
        Image.frombytes("RGB", (600, 500), rng.randbytes(600 * 500 * 3)).save(ev / f"IMG_20250302_1300{i:02d}.jpg",
                                                                              quality=90)
    case_dir = tmp_path / "case"
    cli("new", str(case_dir), "--title", "recover")
    env = {**os.environ, "EVIDENCE_BINDER_LANG": "en"}
    kills = 0
    for step in ("row:9", "renamed:3", "copied:20"):
        r = cli("import", str(case_dir), str(ev), env={"EVIDENCE_BINDER_CRASH_AT": step})
        assert r.returncode == 137
        for _ in range(3):  # the next writer recovers; kill it while it does
            empty = tmp_path / "nothing"
            empty.mkdir(exist_ok=True)
            proc = subprocess.Popen([sys.executable, "-m", "app", "import", str(case_dir), str(empty)], cwd=ROOT,
                                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0.2, 0.9))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait(timeout=60)
            assert b"Traceback" not in proc.stderr.read()
            proc.stderr.close()
    assert_consistent(case_dir)
    assert cli("import", str(case_dir), str(ev)).returncode == 0
    assert assert_consistent(case_dir) == 30
    print(f"recovery kills: {kills}")
