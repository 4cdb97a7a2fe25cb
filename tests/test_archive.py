"""archive / unarchive: a case moves whole, proved by SHA-256; a hostile zip writes nothing."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
import zipfile
from pathlib import Path

import pytest

from app.core.export import archive as arc
from app.core.messages import CoreError
from app.core.store import Case, schema_version
from tests.conftest import make_image, make_pdf, run_cli


@pytest.fixture
def full_case(tmp_path, importer, case):
    src = tmp_path / "src"
    src.mkdir()
    make_image(src / "Screenshot_20250305-143012.png", size=(300, 600))
    make_image(src / "IMG_20250304_201533.jpg", size=(400, 300), color=(10, 120, 40))
    make_pdf(src / "发票.pdf", pages=2)
    list(importer.import_paths([str(src)]))
    (case.root / "derived" / "thumb.png").write_bytes(b"thumb")
    case.db["case_info"].update(1, {"order_number": "312345678905946"})
    return case


def _listing(case_dir: Path) -> list[tuple]:
    with Case.open(case_dir, writable=False) as c:
        return [(r["number"], r["name"], r["sha256"], r["captured_at"]) for r in c.exhibits(include_deleted=True)]


def test_round_trip_keeps_every_exhibit_and_original(full_case, tmp_path):
    before = _listing(full_case.root)
    full_case.close()
    out = tmp_path / "case.zip"
    result = arc.archive(full_case.root, out)
    assert out.is_file() and result.files == len(before) + 1
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())

    dest = tmp_path / "elsewhere" / "case"
    dest.parent.mkdir()
    back = arc.unarchive(out, dest)
    assert back.exhibits == len(before)
    assert _listing(dest) == before
    with Case.open(dest, writable=False) as c:
        assert c.info()["order_number"] == "312345678905946"
        for row in c.exhibits():
            original = c.original_path(row["sha256"], row["ext"])
            assert hashlib.sha256(original.read_bytes()).hexdigest() == row["sha256"]
            assert not original.stat().st_mode & stat.S_IWUSR
    assert not (dest / "derived" / "thumb.png").exists()      # derived is optional, off by default
    assert run_cli("verify", str(dest)).returncode == 0


def test_derived_travels_when_asked(full_case, tmp_path):
    full_case.close()
    out = tmp_path / "with.zip"
    arc.archive(full_case.root, out, with_derived=True)
    arc.unarchive(out, tmp_path / "dest")
    assert (tmp_path / "dest" / "derived" / "thumb.png").read_bytes() == b"thumb"


def test_archive_never_overwrites_and_needs_the_lock(full_case, tmp_path):
    out = tmp_path / "case.zip"
    with pytest.raises(CoreError) as busy:            # the fixture still holds the case open for writing
        arc.archive(full_case.root, out)
    assert busy.value.code == "case_busy"
    full_case.close()
    out.write_bytes(b"earlier")
    with pytest.raises(CoreError) as exists:
        arc.archive(full_case.root, out)
    assert exists.value.code == "archive_exists" and out.read_bytes() == b"earlier"


def test_archive_reports_a_missing_original(full_case, tmp_path):
    row = full_case.exhibits()[0]
    path = full_case.original_path(row["sha256"], row["ext"])
    full_case.close()
    path.chmod(0o644)
    path.unlink()
    with pytest.raises(CoreError) as info:
        arc.archive(full_case.root, tmp_path / "x.zip")
    assert info.value.code == "archive_original_missing"
    assert not (tmp_path / "x.zip").exists()


# ----- hostile archives: each refused with its own message, nothing written ----------------------
@pytest.fixture
def good_zip(full_case, tmp_path) -> Path:
    full_case.close()
    out = tmp_path / "good.zip"
    arc.archive(full_case.root, out)
    return out


def _rewrite(src: Path, dst: Path, *, manifest=None, extra: list[tuple] = (), drop: str | None = None,
             replace: dict | None = None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename == drop:
                continue
            data = zin.read(info)
            if info.filename == arc.MANIFEST and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
            if replace and info.filename in replace:
                data = replace[info.filename]
            zout.writestr(info, data)
        for item in extra:
            if isinstance(item[0], zipfile.ZipInfo):
                zout.writestr(item[0], item[1])
            else:
                zout.writestr(*item)
    return dst


def _refused(zip_path: Path, dest: Path, code: str):
    parent_before = sorted(p.name for p in dest.parent.iterdir())
    with pytest.raises(CoreError) as info:
        arc.unarchive(zip_path, dest)
    assert info.value.code == code, info.value
    assert not dest.exists()
    assert sorted(p.name for p in dest.parent.iterdir()) == parent_before   # no temp folder left
    return info.value


def test_entry_escaping_the_destination(good_zip, tmp_path):
    for i, name in enumerate(["../evil.txt", "/etc/evil", "originals/../../evil", "C:/evil", "originals\\..\\evil"]):
        bad = _rewrite(good_zip, tmp_path / f"escape{i}.zip", extra=[(name, b"x")])
        _refused(bad, tmp_path / f"dest{i}", "unarchive_escape")
    assert not (tmp_path / "evil.txt").exists()


def test_link_entry(good_zip, tmp_path):
    link = zipfile.ZipInfo("originals/link")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = _rewrite(good_zip, tmp_path / "link.zip", extra=[(link, b"/etc/passwd")])
    _refused(bad, tmp_path / "dest", "unarchive_link")


def test_foreign_entry(good_zip, tmp_path):
    bad = _rewrite(good_zip, tmp_path / "foreign.zip", extra=[("autorun.sh", b"rm -rf ~")])
    _refused(bad, tmp_path / "dest", "unarchive_foreign")


def test_zip_bomb(good_zip, tmp_path):
    bad = tmp_path / "bomb.zip"
    with zipfile.ZipFile(good_zip) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr(zipfile.ZipInfo("derived/zeros.bin"), b"\0" * (64 * 1024 * 1024),
                      compress_type=zipfile.ZIP_DEFLATED)
    err = _refused(bad, tmp_path / "dest", "unarchive_bomb")
    assert "zeros.bin" in err.message("en")


def test_tampered_original(good_zip, tmp_path):
    with zipfile.ZipFile(good_zip) as z:
        name = next(n for n in z.namelist() if n.startswith("originals/"))
        size = z.getinfo(name).file_size
    bad = _rewrite(good_zip, tmp_path / "tampered.zip", replace={name: b"\x00" * size})
    _refused(bad, tmp_path / "dest", "unarchive_hash")


def test_manifest_disagrees_with_entries(good_zip, tmp_path):
    with zipfile.ZipFile(good_zip) as z:
        name = next(n for n in z.namelist() if n.startswith("originals/"))
    _refused(_rewrite(good_zip, tmp_path / "missing.zip", drop=name), tmp_path / "d1", "unarchive_mismatch")
    _refused(_rewrite(good_zip, tmp_path / "extra.zip", extra=[("derived/x.png", b"x")]), tmp_path / "d2",
             "unarchive_mismatch")


def test_newer_case_is_refused(good_zip, tmp_path):
    def newer(m):
        m["schema_version"] = schema_version() + 1
        return m
    err = _refused(_rewrite(good_zip, tmp_path / "newer.zip", manifest=newer), tmp_path / "dest", "case_newer")
    assert str(schema_version() + 1) in err.message("zh")


def test_newer_database_behind_an_honest_looking_manifest(good_zip, tmp_path):
    with zipfile.ZipFile(good_zip) as z:
        db = z.read("case.sqlite")
    staged = tmp_path / "staged.sqlite"
    staged.write_bytes(db)
    con = sqlite3.connect(staged)
    con.execute(f"PRAGMA user_version = {schema_version() + 5}")
    con.commit()
    con.close()
    data = staged.read_bytes()

    def fix(m):
        for f in m["files"]:
            if f["path"] == "case.sqlite":
                f["size"], f["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        return m
    bad = _rewrite(good_zip, tmp_path / "newerdb.zip", manifest=fix, replace={"case.sqlite": data})
    _refused(bad, tmp_path / "dest", "case_newer")


def test_not_a_zip_and_not_a_case(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really")
    _refused(junk, tmp_path / "dest", "unarchive_bad_zip")
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("case.sqlite", b"x")
    _refused(other, tmp_path / "dest", "unarchive_not_case")


def test_existing_destination_is_never_overwritten(good_zip, tmp_path):
    dest = tmp_path / "taken"
    dest.mkdir()
    (dest / "mine.txt").write_text("keep")
    with pytest.raises(CoreError) as info:
        arc.unarchive(good_zip, dest)
    assert info.value.code == "unarchive_dest_exists"
    assert [p.name for p in dest.iterdir()] == ["mine.txt"]


def test_cli_round_trip_and_refusal_in_chinese(full_case, tmp_path):
    full_case.close()
    out = tmp_path / "cli.zip"
    done = run_cli("archive", str(full_case.root), "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["archive"] == str(out)
    back = run_cli("--lang", "zh", "unarchive", str(out), str(tmp_path / "moved"))
    assert back.returncode == 0, back.stderr
    assert "已解包到" in back.stdout
    again = run_cli("--lang", "zh", "unarchive", str(out), str(tmp_path / "moved"))
    assert again.returncode == 1 and "不会覆盖" in again.stderr and "Traceback" not in again.stderr


def test_help_in_chinese_for_archive_and_pack_options():
    zh = run_cli("--lang", "zh", "archive", "--help").stdout
    assert "要写入的 zip" in zh and "the zip to write" not in zh
    pack = run_cli("--lang", "zh", "export", "--help").stdout
    assert "平台申诉材料：哪个平台" in pack and "which platform" not in pack
    assert "which platform" in run_cli("--lang", "en", "export", "--help").stdout
