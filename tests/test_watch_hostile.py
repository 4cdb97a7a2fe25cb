"""The watcher never hangs: a named pipe in a watched folder is skipped without being opened, the queue
goes on, SIGTERM stops it; a link leading outside the folder is skipped as import skips it."""
import json
import os
import signal
import subprocess
import sys
import threading
import time

from conftest import ROOT, make_image, run_cli


def test_pipes_and_outside_links_in_a_watched_folder(tmp_path):
    watched = tmp_path / "IN"
    watched.mkdir()
    secret = tmp_path / "secret" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    os.mkfifo(watched / "聊天.jpg")                       # there before the watch starts: found by the scan
    (watched / "passwd.txt").symlink_to(secret)            # a link out of the folder
    case_dir = tmp_path / "case"
    run_cli("new", str(case_dir), "--title", "w")
    proc = subprocess.Popen([sys.executable, "-m", "app", "watch", str(case_dir), str(watched), "--quiet-window",
                             "0.3", "--rescan", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "EVIDENCE_BINDER_LANG": "en"})
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while not any("watching" in line for line in lines) and time.monotonic() < deadline:
            time.sleep(0.1)
        os.mkfifo(watched / "录音.m4a")                     # arrives while watching: found by its event
        (watched / "again.txt").symlink_to(secret)
        make_image(watched / "Screenshot_20250305-143000.png", size=(200, 300))
        while time.monotonic() < deadline and not (
                sum("not a regular file" in line for line in lines) >= 2
                and sum("outside" in line for line in lines) >= 2 and any(line.startswith("[imported]") for line in lines)):
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)   # SIGTERM was ignored while a pipe was being opened
        except subprocess.TimeoutExpired:
            proc.kill()
            raise AssertionError("watch did not stop on SIGTERM:\n" + "".join(lines))
    err = proc.stderr.read()
    text = "".join(lines)
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert sum("not a regular file" in line for line in lines) >= 2, text
    assert sum("link points outside" in line for line in lines) >= 2, text
    assert "Screenshot_20250305-143000.png" in text and "stopped; 1 file(s) imported" in text, text
    rows = json.loads(run_cli("list", str(case_dir), "--json").stdout)
    assert [r["original_name"] for r in rows] == ["Screenshot_20250305-143000.png"]


def test_a_case_from_elsewhere_does_not_start_watching_folders_here(tmp_path):
    import shutil
    import sqlite3

    from app.core.store import Case
    from app.core.watch import WatchedFolder, load_folders, save_folder

    docs = tmp_path / "Documents"
    make_image(docs / "Screenshot_20250301-120000.png", size=(100, 200))
    with Case.create(tmp_path / "mine", "mine") as case:
        save_folder(case, WatchedFolder(path=str(docs)))
        assert [f.paused for f in load_folders(case)] == [False]
    shutil.copytree(tmp_path / "mine", tmp_path / "received")  # a case sent to you, or moved
    with sqlite3.connect(tmp_path / "received" / "case.sqlite") as conn:  # or crafted to name your folder
        conn.execute("INSERT INTO watched_folders (path, created_at) VALUES (?, 'x')", [str(tmp_path / "secret")])
    with Case.open(tmp_path / "received") as case:
        folders = load_folders(case)
        assert [f.paused for f in folders] == [True, True] and "paused" in (folders[0].last_error or "") or \
            "暂停" in (folders[0].last_error or "")
    r = run_cli("watch", str(tmp_path / "received"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert json.loads(run_cli("list", str(tmp_path / "received"), "--json").stdout) == []
    with Case.open(tmp_path / "received") as case:  # resumed here, it is this case's folder
        folder = load_folders(case)[0]
        folder.paused = False
        save_folder(case, folder)
        assert [f.paused for f in load_folders(case)] == [False, True]
