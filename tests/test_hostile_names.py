"""Hostile names and sizes: one line per file in the CLI whatever a name holds, no spoofed extension,
gigabytes of zeros refused before copying, a link loop named as one, library warnings kept off the terminal,
a name too long for the file system still exports."""
import json
import os
import sqlite3
import time

from PIL import Image

from conftest import make_image, run_cli


def cli(*args, code=None):
    r = run_cli(*args)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    if code is not None:
        assert r.returncode == code, (r.returncode, r.stdout, r.stderr)
    return r


def test_newlines_and_direction_overrides_are_shown_escaped(tmp_path):
    ev = tmp_path / "ev"
    make_image(ev / "聊天\n[imported] fake.png", size=(100, 200))
    make_image(ev / "invoice\u202egnp.exe.png", size=(100, 200), color=(0, 0, 200))
    case = tmp_path / "case"
    cli("new", str(case), "--title", "名字", code=0)
    r = cli("import", str(case), str(ev), code=0)
    lines = r.stdout.splitlines()
    assert len(lines) == 3, lines  # two files, one summary: a newline in a name cannot fake a line
    assert any("聊天\\n[imported] fake.png" in line for line in lines)
    assert any("invoice\\u202egnp.exe.png" in line for line in lines) and "\u202e" not in r.stdout
    listing = cli("list", str(case), code=0).stdout
    assert "\u202e" not in listing and len(listing.splitlines()) == 4
    for row in json.loads(cli("list", str(case), "--json", code=0).stdout):
        assert "\n" not in row["name"] and "\u202e" not in row["name"]


def test_gigabytes_of_zeros_are_refused_before_any_copy(tmp_path):
    big = tmp_path / "ev" / "VID_20250301_120000.mp4"
    big.parent.mkdir()
    with open(big, "wb") as fh:
        fh.truncate(2 * 1024 ** 3)  # sparse: 2 GiB that is not a video
    case = tmp_path / "case"
    cli("new", str(case), "--title", "z", code=0)
    started = time.monotonic()
    r = cli("import", str(case), str(big), code=1)
    assert time.monotonic() - started < 30
    assert "nothing but zero bytes" in r.stdout and ".part" not in r.stdout
    assert list((case / "tmp").iterdir()) == [] and list((case / "originals").iterdir()) == []


def test_a_link_loop_is_named_as_a_loop(tmp_path):
    ev = tmp_path / "ev"
    ev.mkdir()
    os.symlink(ev / "b.jpg", ev / "a.jpg")
    os.symlink(ev / "a.jpg", ev / "b.jpg")
    case = tmp_path / "case"
    cli("new", str(case), "--title", "l", code=0)
    r = cli("import", str(case), str(ev))
    assert r.stdout.count("link loop") == 2, r.stdout
    r = cli("import", str(case), str(ev / "a.jpg"))
    assert "link loop" in r.stdout


def test_library_warnings_stay_off_the_terminal(tmp_path):
    path = tmp_path / "ev" / "IMG_20250301_120000.jpg"
    path.parent.mkdir()
    Image.new("RGB", (64, 64), (9, 9, 9)).save(path, exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x05\x01\x0f")
    case = tmp_path / "case"
    cli("new", str(case), "--title", "w", code=0)
    r = cli("import", str(case), str(path))
    assert "Warning" not in r.stderr and "EXIF" not in r.stderr, r.stderr


def test_a_name_longer_than_the_file_system_allows_still_exports(tmp_path):
    ev = tmp_path / "ev"
    make_image(ev / "Screenshot_20250301-120000.png", size=(100, 200))
    case = tmp_path / "case"
    cli("new", str(case), "--title", "e", code=0)
    cli("import", str(case), str(ev), code=0)
    with sqlite3.connect(case / "case.sqlite") as conn:
        conn.execute("UPDATE exhibits SET name = ?", ["😡" * 70 + "商家拒绝退款"])
    out = tmp_path / "out" / "x.pdf"
    cli("export", str(case), "--out", str(out), code=0)
    [original] = (tmp_path / "out" / "x_原件").glob("证据*")
    assert len(original.name.encode("utf-8")) <= 255
    assert cli("verify-export", str(out), code=0)
