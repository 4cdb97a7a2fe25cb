"""The command line in the user's language, and one shape for its JSON."""
import csv
import json
import os
import subprocess
import sys

from app import selftest
from conftest import ROOT, make_image, run_cli


def cli(*args, lang_env=None, **env):
    """Run the CLI with the locale we say and no EVIDENCE_BINDER_LANG (as a user's shell has)."""
    full = {k: v for k, v in os.environ.items() if k not in ("EVIDENCE_BINDER_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    full.update(env)
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=ROOT,
                          env=full, timeout=300)


def ascii_words(text):
    import re

    return [w for w in re.findall(r"[A-Za-z]{4,}", text)
            if w not in {"COMMAND", "CASE", "FOLDER", "PATH", "FILE", "SECONDS", "TEXT", "NAME", "court", "json",
                         "lang", "help", "version", "title", "recursive", "polling", "quiet", "window", "rescan",
                         "profile", "claimant", "respondent", "cause", "self", "test", "evidence", "binder",
                         "import", "list", "watch", "export", "renumber", "verify", "python", "EVIDENCE",
                         "BINDER", "LANG", "exports", "Ctrl", "DATE", "JSON", "archive", "unarchive",
                         "deadline", "compensation", "read", "READING"}]  # commands, options, variables as typed


def test_help_is_chinese_from_a_chinese_locale_and_says_how_to_choose():
    zh = cli("--help", LANG="zh_CN.UTF-8")
    assert zh.returncode == 0 and "用法：" in zh.stdout and "选项" in zh.stdout and "--lang zh" in zh.stdout
    commands = zh.stdout[zh.stdout.index("\n命令"):zh.stdout.index("\n语言：")]
    for command in ("new", "import", "list", "watch", "export", "renumber", "verify-export", "verify",
                    "archive", "unarchive", "deadline", "compensation"):
        line = commands[commands.index(f"    {command} "):].split("\n")[0] if f"    {command} " in commands \
            else commands[commands.index(f"    {command}\n"):].split("\n")[1]
        assert not ascii_words(line.replace(command, "", 1)), line
    assert not ascii_words(zh.stdout[:zh.stdout.index("命令")]), ascii_words(zh.stdout[:zh.stdout.index("命令")])
    sub = cli("import", "--help", LANG="zh_CN.UTF-8")
    assert "要导入的文件或文件夹" in sub.stdout and not ascii_words(sub.stdout), ascii_words(sub.stdout)
    en = cli("--help", LANG="C.UTF-8")
    assert "usage:" in en.stdout and "--lang zh" in en.stdout and "zh_*" in en.stdout
    assert "用法：" in cli("--lang", "zh", "--help", LANG="C.UTF-8").stdout


def test_usage_errors_follow_the_language():
    r = cli("--lang", "zh", "new", "/tmp/x")
    assert r.returncode == 2 and "缺少必填参数：--title" in r.stderr and "required" not in r.stderr.split("\n", 1)[1]
    r = cli("new", "/tmp/x", LANG="zh_CN.UTF-8")
    assert r.returncode == 2 and "缺少必填参数" in r.stderr
    r = cli("--lang", "zh", "watch", "/tmp/x", "--rescan", "abc")
    assert r.returncode == 2 and "不是有效的数字" in r.stderr
    r = cli("--lang", "en", "new", "/tmp/x")
    assert r.returncode == 2 and "the following arguments are required: --title" in r.stderr


def test_import_tags_list_and_verify_in_chinese(tmp_path):
    case = tmp_path / "c"
    run_cli("new", str(case), "--title", "t")
    whole = make_image(tmp_path / "a.jpg", size=(300, 500), fmt="JPEG")
    cut = tmp_path / "in" / "IMG_20250304_201540.jpg"
    cut.parent.mkdir()
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    make_image(tmp_path / "in" / "Screenshot_20250305-143105.png", size=(100, 200))
    make_image(tmp_path / "in" / "photo.jpg", size=(120, 90), fmt="JPEG", when="2025:03:04 20:15:33", camera=True)
    r = run_cli("--lang", "zh", "import", str(case), str(tmp_path / "in"))
    line = next(l for l in r.stdout.splitlines() if "IMG_20250304_201540" in l)
    assert "（无法读取）" in line and "(unreadable)" not in line and "truncated" not in line
    listing = run_cli("--lang", "zh", "list", str(case)).stdout
    assert "共 3 项证据" in listing and "拍摄信息" in listing and "文件名" in listing
    assert "exif" not in listing and "filename" not in listing
    # verify names the exhibit by number and name
    rows = json.loads(run_cli("list", str(case), "--json").stdout)
    broken = next(r for r in rows if r["original_name"] == "IMG_20250304_201540.jpg")
    stored = case / broken["stored_as"]
    stored.chmod(0o644)
    stored.unlink()
    r = run_cli("--lang", "zh", "verify", str(case))
    assert r.returncode == 1 and f"证据{broken['label']}「{broken['name']}」的原件缺失" in r.stdout
    problems = json.loads(run_cli("verify", str(case), "--json").stdout)["problems"]
    assert [(p["number"], p["name"]) for p in problems] == [(broken["number"], broken["name"])]


def test_json_numbers_are_integers_with_a_label_for_grouped_pages(tmp_path):
    from app.core import edit
    from app.core.store import Case

    case_dir = tmp_path / "c"
    run_cli("new", str(case_dir), "--title", "t")
    for i in range(3):
        make_image(tmp_path / "in" / f"Screenshot_20250305-14300{i}.png", size=(100, 200 + i))
    run_cli("import", str(case_dir), str(tmp_path / "in"))
    with Case.open(case_dir) as case:
        ids = [r["id"] for r in case.exhibits()]
        edit.group(case, ids[1:])
    rows = json.loads(run_cli("list", str(case_dir), "--json").stdout)
    assert [(r["number"], r["part"], r["label"]) for r in rows] == [(1, None, "1"), (2, 1, "2-1"), (2, 2, "2-2")]
    assert all(type(r["number"]) is int for r in rows)
    out = json.loads(run_cli("export", str(case_dir), "--out", str(tmp_path / "x.pdf"), "--json").stdout)
    assert [(e["number"], e["part"], e["label"]) for e in out["exhibits"]] == \
        [(1, None, "1"), (2, 1, "2-1"), (2, 2, "2-2")]
    with open(tmp_path / "x_原件" / "manifest.csv", encoding="utf-8-sig") as fh:
        table = list(csv.DictReader(fh))
    assert [t["序号"] for t in table] == ["1", "2-1", "2-2"] and {t["时间来源"] for t in table} == {"文件名"}


def test_self_test_speaks_chinese(capsys):
    def fine():
        return "好"

    def broken():
        raise RuntimeError("缺少字体")

    assert selftest.run("zh", checks=[(("内置字体", "bundled fonts"), fine), (("界面翻译", "translations"), broken)]) == 1
    out = capsys.readouterr().out
    assert "自检" in out and "通过  内置字体：好" in out and "失败  界面翻译：缺少字体" in out
    assert "自检失败：1 项检查未通过" in out and "self-test" not in out and "FAIL" not in out
    r = cli("--lang", "zh", "--help")
    assert "--self-test" in r.stdout and "检查本安装是否完整" in r.stdout
