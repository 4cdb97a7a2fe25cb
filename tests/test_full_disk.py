"""A full disk and a read-only folder, for real: a small tmpfs mounted for the test (root only; skipped with
the reason otherwise). Every command ends in a clear message and exit 1, the case as it was."""
import errno
import os
import shutil
import subprocess
import uuid

import pytest

from app.core import ingest
from app.core.ingest import Importer
from app.core.store import Case
from conftest import make_image, run_cli, tree_fingerprint


def cli(*args, code=None):
    r = run_cli(*args)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    if code is not None:
        assert r.returncode == code, (r.returncode, r.stdout, r.stderr)
    return r


@pytest.fixture
def small_disk(tmp_path):
    """A 100 MB file system of its own (import keeps a 64 MB margin)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (a real full disk); run as root or in a container")
    mount = tmp_path / "small"
    mount.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=100m", "tmpfs", str(mount)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder, leave=0):
    """Fill the file system, leaving about `leave` bytes free; returns the filler to remove later."""
    filler = folder / f"filler-{uuid.uuid4().hex[:6]}"
    with open(filler, "wb") as fh:
        block = b"\0" * 65536
        try:
            while shutil.disk_usage(folder).free > leave + len(block):
                fh.write(block)
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
                if shutil.disk_usage(folder).free <= leave:
                    break
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_new_on_a_full_disk_leaves_nothing_and_keeps_no_half_case(small_disk):
    filler = fill(small_disk)
    r = cli("new", str(small_disk / "case"), "--title", "满了", code=1)
    assert "disk is full" in r.stderr
    leftovers = [p.name for p in (small_disk / "case").iterdir()] if (small_disk / "case").exists() else []
    assert "case.sqlite" not in leftovers and not [n for n in leftovers if n.startswith(".case")], leftovers
    filler.unlink()
    cli("new", str(small_disk / "case"), "--title", "满了", code=0)
    assert cli("list", str(small_disk / "case"), code=0).stdout.startswith("满了")


def test_import_list_verify_export_on_a_full_disk(small_disk, tmp_path):
    case_dir = small_disk / "case"
    ev = tmp_path / "ev"
    make_image(ev / "Screenshot_20250301-120000.png", size=(300, 500))
    cli("new", str(case_dir), "--title", "t", code=0)
    cli("import", str(case_dir), str(ev), code=0)
    make_image(ev / "more" / "Screenshot_20250302-120000.png", size=(400, 600), color=(0, 90, 0))
    before = tree_fingerprint(case_dir / "originals")
    filler = fill(small_disk)
    r = cli("import", str(case_dir), str(ev / "more"))
    assert r.returncode == 1 and ("not enough disk space" in r.stdout or "disk is full" in r.stdout + r.stderr), r
    # the same bytes again need no room: recorded as a duplicate, never refused for space
    shutil.copy(ev / "Screenshot_20250301-120000.png", tmp_path / "copy.png")
    r = cli("import", str(case_dir), str(tmp_path / "copy.png"))
    assert "[duplicate]" in r.stdout or "disk is full" in r.stderr, (r.stdout, r.stderr)
    for command in (["list"], ["verify"]):
        r = cli(command[0], str(case_dir))
        assert r.returncode in (0, 1) and (r.returncode == 0 or "disk" in r.stderr), (r.stdout, r.stderr)
    out = small_disk / "out" / "x.pdf"
    r = cli("export", str(case_dir), "--out", str(out), code=1)
    assert "disk is full" in r.stderr
    assert not out.exists() and not [p for p in out.parent.iterdir() if p.name.startswith(".")] \
        if out.parent.exists() else True
    assert tree_fingerprint(case_dir / "originals") == before and not list((case_dir / "tmp").iterdir())
    filler.unlink()
    cli("verify", str(case_dir), code=0)
    cli("export", str(case_dir), "--out", str(out), code=0)


def test_a_disk_that_fills_during_the_copy_is_called_full(small_disk, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "FREE_SPACE_MARGIN", 0)
    big = tmp_path / "VID_20250301_120000.mp4"
    with open(big, "wb") as fh:  # a real-looking MP4 header, then more bytes than the disk holds
        fh.write(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
        fh.write(os.urandom(1024 * 1024) * 14)
    with Case.create(small_disk / "case", "t") as case:
        filler = fill(small_disk, leave=8 * 1024 * 1024)
        monkeypatch.setattr(ingest.shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(1, 0, 1 << 40))
        outcome = Importer(case, durable=False).import_file(big)
        assert outcome.status == "refused" and outcome.reason == "disk_full_import", outcome
        assert "case/tmp" not in outcome.message("en") and ".part" not in outcome.message("en")
        assert list(case.tmp.iterdir()) == [] and case.exhibits() == []
        filler.unlink()


def test_a_read_only_case_is_read_and_not_written(small_disk, tmp_path):
    case_dir = small_disk / "case"
    ev = tmp_path / "ev"
    make_image(ev / "Screenshot_20250301-120000.png", size=(300, 500))
    cli("new", str(case_dir), "--title", "只读", code=0)
    cli("import", str(case_dir), str(ev), code=0)
    r = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot remount read-only: {r.stderr.strip()}")
    try:
        make_image(ev / "b" / "Screenshot_20250302-120000.png", size=(300, 500))
        r = cli("import", str(case_dir), str(ev / "b"), code=1)
        assert "read-only" in r.stderr
        assert cli("list", str(case_dir), code=0).stdout.startswith("只读")
        cli("verify", str(case_dir), code=0)
        r = cli("export", str(case_dir), "--out", str(tmp_path / "x.pdf"), code=1)
        assert "read-only" in r.stderr
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=False)


def test_bytes_already_in_the_case_are_never_refused_for_space(tmp_path, monkeypatch):
    shot = make_image(tmp_path / "ev" / "Screenshot_20250301-120000.png", size=(300, 500))
    with Case.create(tmp_path / "case", "t") as case:
        imp = Importer(case, durable=False)
        assert imp.import_file(shot).status == "imported"
        shutil.copy(shot, tmp_path / "again.png")
        monkeypatch.setattr(ingest.shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(1 << 30, 1 << 30, 0))
        again = imp.import_file(tmp_path / "again.png")
        assert again.status == "duplicate" and again.reason == "duplicate"
        other = make_image(tmp_path / "ev" / "Screenshot_20250302-120000.png", size=(300, 500), color=(1, 2, 3))
        assert imp.import_file(other).reason == "no_space"
        assert len(case.exhibits()[0]["sources"]) == 2


def test_an_immutable_case_folder_is_read_and_not_written(tmp_path):
    """chattr +i on a real ext4 file system (a loop-mounted image; root only)."""
    if os.geteuid() != 0 or not shutil.which("mkfs.ext4") or not shutil.which("chattr"):
        pytest.skip("needs root, mkfs.ext4 and chattr for an immutable folder on ext4")
    image, mount = tmp_path / "ext4.img", tmp_path / "ext4"
    mount.mkdir()
    with open(image, "wb") as fh:
        fh.truncate(128 * 1024 * 1024)
    subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], check=True, capture_output=True)
    r = subprocess.run(["mount", "-o", "loop", str(image), str(mount)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot loop-mount an ext4 image here: {r.stderr.strip()}")
    case_dir = mount / "case"
    try:
        ev = tmp_path / "ev"
        make_image(ev / "Screenshot_20250301-120000.png", size=(300, 500))
        cli("new", str(case_dir), "--title", "不可改", code=0)
        cli("import", str(case_dir), str(ev), code=0)
        subprocess.run(["chattr", "+i", str(case_dir), str(case_dir / "case.sqlite")], check=True)
        before = tree_fingerprint(case_dir)
        make_image(ev / "b" / "Screenshot_20250302-120000.png", size=(300, 500))
        r = cli("import", str(case_dir), str(ev / "b"), code=1)
        assert "read-only" in r.stderr or "not writable" in r.stderr, r.stderr
        assert cli("list", str(case_dir), code=0).stdout.startswith("不可改")
        r = cli("export", str(case_dir), "--out", str(tmp_path / "x.pdf"), code=1)
        assert tree_fingerprint(case_dir) == before
    finally:
        subprocess.run(["chattr", "-i", str(case_dir), str(case_dir / "case.sqlite")], check=False)
        subprocess.run(["umount", "-l", str(mount)], check=False)
