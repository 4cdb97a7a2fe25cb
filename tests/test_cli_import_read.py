"""`import` reads what it imported (as the window does), unless --no-read or EVIDENCE_BINDER_READING=0."""
from __future__ import annotations

import json

import pytest

from app.cli import main
from app.core.store import Case
from bench import screens

JD = "Screenshot_20250302-101600_com.jingdong.app.mall.png"


@pytest.fixture
def phone(tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    items = screens.test_set()
    screens.save(items[JD], folder / JD)
    screens.save(screens.photo(), folder / "IMG_20250413_190211.jpg")
    return folder


@pytest.fixture
def case_dir(tmp_path):
    root = tmp_path / "case"
    Case.create(root, "导入即读取").close()
    return root


def test_import_reads_what_it_imported(phone, case_dir, capsys, monkeypatch):
    monkeypatch.setenv("EVIDENCE_BINDER_READING", "1")
    assert main(["--lang", "zh", "import", str(case_dir), str(phone)]) == 0
    out = capsys.readouterr().out
    assert "导入 2，重复 0" in out
    assert "[读取 2/2]" in out and "读取完成：2/2" in out
    assert "京东订单详情截图（订单号…5946）" in out
    assert "订单号 1" in out and "金额 1" in out          # the summary of what was found
    assert "个事件" in out
    assert main(["list", str(case_dir), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    jd = next(r for r in rows if r["original_name"] == JD)
    assert jd["read_status"] == "done" and jd["facts"]["order_numbers"] == ["30802519476281035946"]
    # importing the same files again reads nothing (already read)
    assert main(["--lang", "en", "import", str(case_dir), str(phone)]) == 0
    again = capsys.readouterr().out
    assert "duplicates 2" in again and "[read" not in again


def test_import_json_keeps_one_line_per_file_and_reads_on_stderr(phone, case_dir, capsys, monkeypatch):
    monkeypatch.setenv("EVIDENCE_BINDER_READING", "1")
    assert main(["--lang", "en", "import", str(case_dir), str(phone), "--json"]) == 0
    captured = capsys.readouterr()
    lines = [json.loads(l) for l in captured.out.splitlines()]
    assert len(lines) == 2 and all(l["status"] == "imported" for l in lines)
    assert "reading done: 2/2" in captured.err and "found: order numbers 1" in captured.err


@pytest.mark.parametrize("how", ["flag", "env"])
def test_import_without_reading(phone, case_dir, capsys, monkeypatch, how):
    monkeypatch.setenv("EVIDENCE_BINDER_READING", "0" if how == "env" else "1")
    args = ["--lang", "en", "import", str(case_dir), str(phone)] + (["--no-read"] if how == "flag" else [])
    assert main(args) == 0
    assert "[read" not in capsys.readouterr().out
    with Case.open(case_dir, writable=False) as case:
        assert all(r["read_status"] is None for r in case.exhibits())


def test_import_help_says_it_reads(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "import", "--help"])
    out = capsys.readouterr().out
    assert "--no-read" in out and "EVIDENCE_BINDER_READING=0" in out and "then read" in out


def test_ctrl_c_stops_the_reading_not_the_import(phone, case_dir, capsys, monkeypatch):
    from app.core.read import reader

    monkeypatch.setenv("EVIDENCE_BINDER_READING", "1")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(reader, "read_one", interrupted)
    assert main(["--lang", "zh", "import", str(case_dir), str(phone)]) == 130
    assert "读取已中断：0/2" in capsys.readouterr().out
    with Case.open(case_dir, writable=False) as case:
        assert len(case.exhibits()) == 2          # imported and kept; `read` goes on later


def test_watch_reads_what_arrives(tmp_path, case_dir):
    import os
    import signal
    import subprocess
    import sys

    from conftest import ROOT, readline

    folder = tmp_path / "gallery"
    folder.mkdir()
    env = {**os.environ, "EVIDENCE_BINDER_READING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "app", "--lang", "en", "watch", str(case_dir), str(folder),
                             "--quiet-window", "0.3"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        assert "watching" in readline(proc.stdout)
        screens.save(screens.test_set()[JD], folder / JD)
        lines = [readline(proc.stdout, timeout=120) for _ in range(2)]
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "[imported]" in lines[0]
    assert lines[1].startswith("[read] #1 京东订单详情截图（订单号…5946）"), lines
    assert "Traceback" not in err
    with Case.open(case_dir, writable=False) as case:
        [row] = case.exhibits()
        assert row["read_status"] == "done" and "30802519476281035946" in row["ocr_text"]


def test_watch_without_reading(tmp_path, case_dir, capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "watch", "--help"])
    assert "--no-read" in capsys.readouterr().out
