"""The command line as a script would use it: output, JSON fields and exit codes."""
import json
import os
import sys

import pytest

from conftest import make_image, run_cli

FIELDS = {"number", "name", "kind", "category", "captured_at", "captured_at_source", "sha256", "size",
          "original_name", "sources", "status", "message", "width", "height", "duration_s", "pages"}


def test_new_import_list_verify_on_the_samples(tmp_path, samples_dir, samples_truth):
    case = tmp_path / "我的案件"
    r = run_cli("new", str(case), "--title", "电饭煲涂层脱落")
    assert r.returncode == 0, r.stderr
    r = run_cli("import", str(case), str(samples_dir))
    assert r.returncode == 1  # the empty file was refused: a problem found
    assert "imported 13, duplicates 0, skipped 3, refused 1" in r.stdout
    assert "empty file (0 bytes)" in r.stdout and "temporary file or unfinished download" in r.stdout
    r = run_cli("list", str(case), "--json")
    assert r.returncode == 0
    rows = json.loads(r.stdout)
    assert len(rows) == 13 and all(FIELDS <= set(row) for row in rows)
    truth = {os.path.basename(f["path"]): f for f in samples_truth["files"]}
    for row in rows:
        t = truth[row["original_name"]]
        assert row["sha256"] == t["sha256"] and row["captured_at"] == t["capture_time"]
        assert row["sources"] and all(os.path.isabs(s) or s.startswith("..") or "/" in s for s in row["sources"])
    truncated = next(row for row in rows if row["original_name"] == "truncated.jpg")
    assert truncated["status"] == "unreadable" and "truncated" in truncated["message"]
    r = run_cli("verify", str(case))
    assert r.returncode == 0 and "OK" in r.stdout and "13 originals" in r.stdout


def test_import_json_lines_and_chinese_messages(tmp_path):
    case = tmp_path / "c"
    run_cli("new", str(case), "--title", "t")
    make_image(tmp_path / "in" / "Screenshot_20250305-143105.png", size=(100, 200))
    (tmp_path / "in" / "empty.png").write_bytes(b"")
    r = run_cli("--lang", "zh", "import", str(case), str(tmp_path / "in"), "--json")
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["status"], x["reason"]) for x in lines] == [("imported", None), ("refused", "empty_file")]
    assert lines[1]["message"].startswith("空文件") and lines[0]["number"] == 1


def test_verify_finds_a_changed_and_a_missing_original(tmp_path):
    case = tmp_path / "c"
    run_cli("new", str(case), "--title", "t")
    make_image(tmp_path / "in" / "a.png", size=(100, 200))
    make_image(tmp_path / "in" / "b.png", size=(100, 300))
    run_cli("import", str(case), str(tmp_path / "in"))
    a, b = sorted((case / "originals").iterdir())
    os.chmod(a, 0o644)
    a.write_bytes(a.read_bytes() + b"tampered")
    os.chmod(b, 0o644)
    b.unlink()
    r = run_cli("verify", str(case))
    assert r.returncode == 1
    assert "SHA-256 mismatch" in r.stdout and "original missing" in r.stdout and "2 problem(s)" in r.stdout
    r = run_cli("verify", str(case), "--json")
    assert {p["code"] for p in json.loads(r.stdout)["problems"]} == {"verify_mismatch", "verify_missing"}


def test_renumber_and_chinese_listing(tmp_path, samples_dir):
    case = tmp_path / "c"
    run_cli("new", str(case), "--title", "t")
    run_cli("import", str(case), str(samples_dir))
    r = run_cli("renumber", str(case))
    assert r.returncode == 0 and "renumbered 13 exhibits" in r.stdout
    rows = json.loads(run_cli("list", str(case), "--json").stdout)
    times = [row["captured_at"] for row in rows]
    assert times == sorted(times) and rows[0]["original_name"].startswith("dzfp_")
    r = run_cli("--lang", "zh", "list", str(case))
    assert "证据1" in r.stdout and "发票" in r.stdout and "PDF信息" in r.stdout and " screenshot " not in r.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only a Linux session can lack a display")
def test_no_display_gives_a_plain_message(tmp_path):
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "app"], capture_output=True, text=True, env=env, timeout=60,
                       cwd=str(tmp_path.parent))
    assert r.returncode == 1 and "图形桌面" in r.stderr and "Traceback" not in r.stderr


def test_bad_usage_exits_2_and_problems_exit_1(tmp_path):
    assert run_cli("import").returncode == 2
    assert run_cli("frobnicate").returncode == 2
    r = run_cli("--lang", "zh", "list")
    assert r.returncode == 2 and "命令用法不对" in r.stderr
    assert run_cli("new", str(tmp_path / "x")).returncode == 2  # --title missing
    r = run_cli("list", str(tmp_path))
    assert r.returncode == 1 and "not an Evidence Binder case folder" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("verify", str(tmp_path / "nope"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
