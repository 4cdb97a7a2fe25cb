"""Watched folders: files flow in by themselves, once, complete, and the folder is never touched."""
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from PIL import Image

from app.core.watch import StabilityTracker, WatchedFolder, Watcher, load_folders, save_folder, wanted
from conftest import ROOT, make_image, noise_image, readline, tree_fingerprint


def wait_for(predicate, timeout=20.0, step=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def png_bytes(seed: int, size=(64, 64)) -> bytes:
    import io
    import random

    rng = random.Random(seed)
    buf = io.BytesIO()
    Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3)).save(buf, "PNG")
    return buf.getvalue()


class Running:
    def __init__(self, case, folder, **options):
        self.outcomes = []
        self.statuses = []
        watcher_opts = {k: options.pop(k) for k in list(options) if k in ("rescan_interval", "observer_factory",
                                                                           "health_interval")}
        self.folder = WatchedFolder(path=str(folder), quiet_window=options.pop("quiet", 0.3), **options)
        self.watcher = Watcher(case, [self.folder], on_outcome=self.outcomes.append,
                               on_status=lambda f, m, e: self.statuses.append((m, e)), durable=False, **watcher_opts)

    def __enter__(self):
        self.watcher.start()
        assert wait_for(lambda: self.statuses and self.statuses[-1][0] in ("native", "polling", "missing"))
        return self

    def __exit__(self, *exc):
        self.watcher.stop()

    def imported(self):
        return [o for o in self.outcomes if o.status == "imported"]


@pytest.fixture
def folder(tmp_path):
    f = tmp_path / "watched"
    f.mkdir()
    return f


# ----- the stability tracker alone, with a fake clock ---------------------------------------------

def test_tracker_waits_for_quiet_and_never_hands_out_twice():
    now = [0.0]
    sigs = {"a": (10, 1)}
    t = StabilityTracker(1.0, clock=lambda: now[0], signature=lambda p: sigs.get(p), can_open=lambda p: True)
    t.touch("a")
    now[0] = 0.5
    assert t.due() == []
    sigs["a"] = (20, 2)  # still growing: the clock restarts
    now[0] = 1.2
    assert t.due() == []
    now[0] = 2.1
    assert t.due() == []
    now[0] = 2.3
    assert t.due() == ["a"]
    t.touch("a")  # a stray event while it is imported
    now[0] = 5
    assert t.due() == []
    t.done("a")  # one more look afterwards, as the file may have changed
    now[0] = 6.5
    assert t.due() == ["a"]
    t.done("a")
    assert t.due() == [] and t.waiting == 0


def test_tracker_waits_while_the_file_cannot_be_opened_and_forgets_deleted_files():
    now = [0.0]
    openable = {"b": False}
    sigs = {"b": (5, 5), "c": (1, 1)}
    t = StabilityTracker(1.0, clock=lambda: now[0], signature=lambda p: sigs.get(p),
                         can_open=lambda p: openable.get(p, True))
    t.touch("b")
    t.touch("c")
    del sigs["c"]
    now[0] = 1.5
    assert t.due() == []
    openable["b"] = True
    now[0] = 2.0
    assert t.due() == []  # the clock restarted when it could not be opened
    now[0] = 2.6
    assert t.due() == ["b"]


@pytest.mark.parametrize("name, ok", [("Screenshot_1.png", True), ("x.jpg.part", False), ("a.pdf.crdownload", False),
                                      (".hidden.jpg", False), ("._IMG.jpg", False), ("~$a.docx", False),
                                      ("录音.m4a", True), ("notes.exe", False), ("IMG_1.HEIC", True)])
def test_what_the_watcher_takes(name, ok):
    assert wanted(name) is ok


# ----- real folders ---------------------------------------------------------------------------------

def test_slowly_written_file_is_imported_once_and_complete(case, folder):
    data = make_image(folder.parent / "src.jpg", size=(1080, 2400)).read_bytes()
    with Running(case, folder, quiet=1.0) as run:
        target = folder / "Screenshot_20250305-143105.jpg"
        with open(target, "wb") as fh:
            step = len(data) // 10 + 1
            for i in range(0, len(data), step):  # ten chunks over ~3 s
                fh.write(data[i:i + step])
                fh.flush()
                time.sleep(0.3)
        assert wait_for(lambda: run.imported(), timeout=10)
        time.sleep(1.5)
    [outcome] = run.outcomes
    assert outcome.sha256 == hashlib.sha256(data).hexdigest()
    assert case.exhibits()[0]["status"] == "ok"


def test_a_burst_of_1000_files(case, folder):
    with Running(case, folder) as run:
        for i in range(1000):
            (folder / f"IMG_{i:04d}.png").write_bytes(png_bytes(i, (16, 16)))
        assert wait_for(lambda: len(run.outcomes) >= 1000, timeout=120)
        time.sleep(1.0)
    assert len(run.imported()) == 1000 and len(run.outcomes) == 1000
    assert len({o.path for o in run.outcomes}) == 1000
    assert len(case.exhibits()) == 1000


def test_renamed_into_the_folder_and_macos_hidden_name(case, folder, tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(png_bytes(1))
    with Running(case, folder) as run:
        os.rename(outside, folder / "moved_in.png")
        hidden = folder / ".Screenshot 2025-03-05 at 14.30.12.png"
        hidden.write_bytes(png_bytes(2))
        os.rename(hidden, folder / "Screenshot 2025-03-05 at 14.30.12.png")
        assert wait_for(lambda: len(run.imported()) == 2)
    rows = {r["original_name"]: r for r in case.exhibits()}
    assert set(rows) == {"moved_in.png", "Screenshot 2025-03-05 at 14.30.12.png"}
    assert rows["Screenshot 2025-03-05 at 14.30.12.png"]["captured_at"] == "2025-03-05T14:30:12+08:00"


def test_temp_files_never_enter_until_renamed(case, folder):
    with Running(case, folder) as run:
        part = folder / "发票.pdf.crdownload"
        part.write_bytes(b"%PDF-1.4\n" + b"0" * 1000)
        (folder / "x.jpg.part").write_bytes(png_bytes(3))
        (folder / "~$report.docx").write_bytes(b"lock")
        time.sleep(1.5)
        assert run.outcomes == []
        (folder / "x.jpg.part").rename(folder / "x.jpg")
        assert wait_for(lambda: len(run.outcomes) == 1)
    assert run.outcomes[0].status == "imported" and run.outcomes[0].reason == "mislabelled"


def test_folder_removed_and_created_again(case, folder):
    with Running(case, folder, health_interval=0.2) as run:
        (folder / "a.png").write_bytes(png_bytes(4))
        assert wait_for(lambda: len(run.imported()) == 1)
        shutil.rmtree(folder)
        assert wait_for(lambda: ("missing", "folder not found") in run.statuses)
        folder.mkdir()
        (folder / "b.png").write_bytes(png_bytes(5))
        assert wait_for(lambda: len(run.imported()) == 2, timeout=15)


def test_restart_imports_nothing_again_but_catches_what_arrived_meanwhile(case, folder):
    for i in range(5):
        (folder / f"old{i}.png").write_bytes(png_bytes(10 + i))
    with Running(case, folder) as run:  # the scan at start takes what is already there
        assert wait_for(lambda: len(run.imported()) == 5)
    (folder / "while_stopped.png").write_bytes(png_bytes(20))
    with Running(case, folder) as run:
        assert wait_for(lambda: len(run.outcomes) >= 1)
        time.sleep(1.0)
    assert [os.path.basename(o.path) for o in run.outcomes] == ["while_stopped.png"]


def test_polling_mode_and_fallback_when_native_fails(case, folder):
    with Running(case, folder, polling_interval=0.2) as run:
        assert run.statuses[0] == ("polling", None)
        (folder / "p.png").write_bytes(png_bytes(6))
        assert wait_for(lambda: len(run.imported()) == 1)

    def broken_observer():
        raise OSError("inotify watch limit reached")

    with Running(case, folder, observer_factory=broken_observer) as run:
        mode, error = run.statuses[0]
        assert mode == "polling" and "inotify watch limit" in error
        (folder / "q.png").write_bytes(png_bytes(7))
        assert wait_for(lambda: len(run.imported()) == 1, timeout=15)


def test_a_dead_observer_is_restarted(case, folder):
    with Running(case, folder, health_interval=0.2) as run:
        watch = run.watcher.watches[0]
        dead = watch.observer
        dead.stop()
        dead.join(5)
        assert wait_for(lambda: (o := watch.observer) is not None and o is not dead and o.is_alive())
        (folder / "after.png").write_bytes(png_bytes(8))
        assert wait_for(lambda: len(run.imported()) == 1)


def test_rescan_catches_lost_events_and_subfolders_set_the_category(case, folder):
    with Running(case, folder, recursive=True, rescan_interval=0.5, observer_factory=_deaf_observer) as run:
        (folder / "聊天记录").mkdir()
        (folder / "聊天记录" / "Screenshot_20250305-143105.png").write_bytes(png_bytes(9))
        assert wait_for(lambda: len(run.imported()) == 1, timeout=10)
    assert case.exhibits()[0]["category"] == "chat"


def _deaf_observer():
    """An observer that starts but never reports anything (a network share, a lost buffer)."""
    from watchdog.observers.api import BaseObserver
    from watchdog.observers.polling import PollingEmitter

    class Deaf(BaseObserver):
        def __init__(self):
            super().__init__(emitter_class=PollingEmitter, timeout=1)

        def schedule(self, handler, path, recursive=False):
            return None

    return Deaf()


def test_the_watched_folder_is_never_touched(case, folder, samples_dir):
    for p in samples_dir.iterdir():
        if p.is_file():
            shutil.copy2(p, folder / p.name)
    before = tree_fingerprint(folder)
    with Running(case, folder) as run:
        assert wait_for(lambda: len(run.outcomes) >= 12, timeout=30)  # README.md, samples.json never enter
        time.sleep(0.5)
    assert len(run.imported()) == 12
    assert tree_fingerprint(folder) == before
    assert sorted(os.listdir(folder)) == sorted(before)


def test_folders_are_saved_in_the_case(case, folder):
    save_folder(case, WatchedFolder(path=str(folder), recursive=True, polling_interval=5.0, quiet_window=2.0))
    save_folder(case, WatchedFolder(path=str(folder), recursive=False, quiet_window=1.5))  # update, not duplicate
    [saved] = load_folders(case)
    assert (saved.path, saved.recursive, saved.polling_interval, saved.quiet_window) == (str(folder), False, None, 1.5)


def test_cli_watch_prints_lines_and_stops_cleanly_on_sigterm(tmp_path, folder):
    case_dir = tmp_path / "case"
    subprocess.run([sys.executable, "-m", "app", "new", str(case_dir), "--title", "w"], cwd=ROOT, check=True)
    proc = subprocess.Popen([sys.executable, "-m", "app", "--lang", "en", "watch", str(case_dir), str(folder),
                             "--quiet-window", "0.3"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert "watching" in readline(proc.stdout)
        (folder / "a.png").write_bytes(png_bytes(30))
        (folder / "empty.png").write_bytes(b"")
        lines = [readline(proc.stdout), readline(proc.stdout)]
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert any("[imported]" in l and "a.png" in l for l in lines)
    assert any("[refused]" in l and "empty file" in l for l in lines)
    assert "stopped; 1 file(s) imported" in out and "Traceback" not in err


# ----- partial files: a copy written in parts never stays an exhibit -----------------------------

def _jpeg_bytes(seed: int = 3) -> bytes:
    import io

    buf = io.BytesIO()
    noise_image((900, 1400), seed).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def test_a_file_written_in_two_parts_is_imported_once_whole(case, folder):
    data = _jpeg_bytes()
    target = folder / "IMG_20250304_201533.jpg"
    with Running(case, folder) as run:
        with open(target, "wb") as fh:
            fh.write(data[: len(data) // 2])
            fh.flush()
            time.sleep(2.0)  # much longer than the quiet window: the half file is still
            fh.write(data[len(data) // 2:])
        assert wait_for(lambda: run.imported(), timeout=20)
        time.sleep(1.0)
    [outcome] = run.outcomes
    assert outcome.status == "imported" and outcome.exhibit_status == "ok"
    [row] = case.exhibits(include_deleted=True)
    assert row["sha256"] == hashlib.sha256(data).hexdigest() and row["size"] == len(data)


def test_a_partial_that_waited_out_is_replaced_when_the_whole_file_arrives(case, folder):
    from app.core import edit

    data = _jpeg_bytes(5)
    make_image(folder / "Screenshot_20250305-143105.png", size=(100, 200))
    target = folder / "IMG_20250304_201612.jpg"
    with Running(case, folder) as run:
        run.watcher.partial_wait = 1.5
        assert wait_for(lambda: len(run.imported()) == 1)
        target.write_bytes(data[: len(data) // 3])
        assert wait_for(lambda: len(run.imported()) == 2, timeout=20)
        partial = run.imported()[1]
        assert partial.exhibit_status == "unreadable" and partial.number == 2
        event_id, _ = edit.add_event(case, "发现问题")
        edit.link(case, event_id, [partial.exhibit_id])
        make_image(folder / "Screenshot_20250305-150000.png", size=(100, 300))  # exhibit 3 meanwhile
        assert wait_for(lambda: len(run.imported()) == 3)
        with open(target, "ab") as fh:
            fh.write(data[len(data) // 3:])
        assert wait_for(lambda: len(run.imported()) == 4, timeout=20)
    whole = run.imported()[3]
    assert whole.exhibit_status == "ok" and whole.reason == "replaced_partial" and whole.number == 2
    assert "取代" in whole.message("zh")
    rows = {r["id"]: r for r in case.exhibits(include_deleted=True)}
    assert rows[whole.exhibit_id]["number"] == 2 and rows[whole.exhibit_id]["sha256"] == hashlib.sha256(data).hexdigest()
    old = rows[partial.exhibit_id]
    assert old["deleted_at"] and old["status"] == "unreadable"
    assert [r["number"] for r in case.exhibits()] == [1, 2, 3]
    assert case.original_path(old["sha256"], old["ext"]).is_file(), "the partial original is kept (trash)"
    assert [e["exhibit_ids"] for e in edit.events(case)] == [[whole.exhibit_id]], "the timeline link moved over"


def test_two_different_files_at_one_path_are_both_kept(case, folder):
    """A broken file later overwritten by an unrelated one is not a partial copy: nothing is replaced."""
    target = folder / "VID_20250304_201800.mp4"
    with Running(case, folder) as run:
        run.watcher.partial_wait = 1.0
        target.write_bytes(os.urandom(50_000))
        assert wait_for(lambda: len(run.imported()) == 1, timeout=20)
        from conftest import make_video
        make_video(folder / "tmp.mp4.part", seconds=1, fmt="mp4")
        os.replace(folder / "tmp.mp4.part", target)
        assert wait_for(lambda: len(run.imported()) == 2, timeout=20)
    assert run.imported()[1].reason != "replaced_partial"
    assert len(case.exhibits()) == 2
