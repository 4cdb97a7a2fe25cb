"""Formats a phone and a desktop produce, and every kind of bad input DESIGN §7 names."""
import os
import zipfile
from datetime import datetime, timezone

import pytest
from PIL import Image

from app.core import ingest
from app.core.ingest import Importer
from conftest import make_audio, make_image, make_pdf, make_video, tree_fingerprint


def one(importer, path):
    outcomes = list(importer.import_paths([path]))
    assert len(outcomes) == 1, outcomes
    return outcomes[0]


def row_of(case, outcome):
    return next(r for r in case.exhibits(include_deleted=True) if r["id"] == outcome.exhibit_id)


def test_jpeg_exif_time_offset_orientation_device(case, importer, tmp_path):
    p = make_image(tmp_path / "in" / "DSC_0001.jpg", size=(800, 600), when="2025:03:04 21:15:33",
                   offset="+09:00", make="HUAWEI", model="ALN-AL00", orientation=6, camera=True)
    r = row_of(case, one(importer, p))
    assert r["captured_at"] == "2025-03-04T21:15:33+09:00" and r["captured_at_source"] == "exif"
    assert (r["orientation"], r["device"], r["kind"]) == (6, "HUAWEI ALN-AL00", "photo")
    assert (r["width"], r["height"]) == (800, 600)


def test_heic_and_webp(case, importer, tmp_path):
    import pillow_heif

    heic = tmp_path / "in" / "IMG_4021.HEIC"
    heic.parent.mkdir(parents=True)
    im = Image.new("RGB", (640, 480), (10, 120, 200))
    pillow_heif.from_pillow(im).save(str(heic), exif=__import__("conftest").exif_bytes(
        when="2025:03:04 20:15:33", offset="+08:00", make="Apple", model="iPhone 15", camera=True))
    r = row_of(case, one(importer, heic))
    assert r["mime"] == "image/heic" and (r["width"], r["height"]) == (640, 480)
    assert r["captured_at"] == "2025-03-04T20:15:33+08:00" and r["device"] == "Apple iPhone 15"
    assert r["status"] == "ok"
    webp = make_image(tmp_path / "in" / "微信图片_20250305143012.webp", size=(720, 1600), fmt="WEBP")
    r = row_of(case, one(importer, webp))
    assert r["mime"] == "image/webp" and r["captured_at"] == "2025-03-05T14:30:12+08:00"
    assert r["kind"] == "screenshot"


def test_wechat_mmexport_name(case, importer, tmp_path):
    ms = int(datetime(2025, 3, 5, 6, 30, 12, tzinfo=timezone.utc).timestamp() * 1000)
    r = row_of(case, one(importer, make_image(tmp_path / f"mmexport{ms}.jpg", size=(1080, 2400))))
    assert r["captured_at"] == "2025-03-05T14:30:12+08:00" and r["captured_at_source"] == "filename"


def test_no_time_anywhere_falls_back_to_mtime_marked_so(case, importer, tmp_path):
    p = make_image(tmp_path / "photo.png", size=(300, 300))
    stamp = datetime(2025, 2, 1, 4, 0, 0, tzinfo=timezone.utc).timestamp()
    os.utime(p, (stamp, stamp))
    r = row_of(case, one(importer, p))
    assert r["captured_at"] == "2025-02-01T12:00:00+08:00" and r["captured_at_source"] == "mtime"


@pytest.mark.parametrize("name, codec, fmt", [
    ("录音_20250306102133.mp3", "libmp3lame", None),
    ("13800138000_20250306102133.amr", "libopencore_amrnb", "amr"),
    ("通话 2025-03-06 10-21-33.wav", "pcm_s16le", None),
    ("call_20250306102133.m4a", "aac", "ipod"),
])
def test_audio_formats(case, importer, tmp_path, name, codec, fmt):
    p = make_audio(tmp_path / name, codec, fmt=fmt, seconds=2.0)
    r = row_of(case, one(importer, p))
    assert r["kind"] == "audio" and r["category"] == "call" and r["status"] == "ok"
    assert r["duration_s"] == pytest.approx(2.0, abs=0.15)
    assert r["captured_at"] == "2025-03-06T10:21:33+08:00" and r["captured_at_source"] == "filename"


def test_mov_with_rotation_and_container_time(case, importer, tmp_path):
    p = make_video(tmp_path / "IMG_0456.MOV", fmt="mov", seconds=2, rotation=90,
                   metadata={"creation_time": "2025-03-04T12:18:00.000000Z"})
    r = row_of(case, one(importer, p))
    assert r["kind"] == "video" and r["mime"] == "video/quicktime" and r["ext"] == "mov"
    assert (r["width"], r["height"]) == (320, 240) and r["media"]["rotation"] == 270  # 90° counter-clockwise
    assert r["media"]["video_codec"] == "mpeg4" and r["duration_s"] == pytest.approx(2.0, abs=0.2)
    assert r["captured_at"] == "2025-03-04T20:18:00+08:00" and r["captured_at_source"] == "container"


def test_pdf_pages_date_and_password(case, importer, tmp_path):
    p = make_pdf(tmp_path / "购物小票.pdf", pages=3, title="小票", creation="D:20250303110245+08'00'")
    r = row_of(case, one(importer, p))
    assert (r["pages"], r["captured_at"], r["captured_at_source"]) == (3, "2025-03-03T11:02:45+08:00", "pdf")
    assert r["media"]["encrypted"] is False
    locked = one(importer, make_pdf(tmp_path / "加密报告.pdf", encrypt="1234"))
    assert locked.status == "imported" and locked.exhibit_status == "encrypted"
    assert "密码" in locked.message("zh")
    assert os.path.exists(case.original_path(locked.sha256, "pdf"))


def test_a_pdf_writers_placeholder_title_and_creator_give_way_to_the_file_name(case, importer, tmp_path):
    """reportlab and many invoice systems write Title "untitled", Creator "anonymous": "untitled" is no name for an
    exhibit in a court index, the file name (dzfp_<invoice number>_<seller>) is."""
    from pypdf import PdfReader, PdfWriter

    p = make_pdf(tmp_path / "dzfp_25442000000088776655_临沂优品家居用品有限公司.pdf", pages=1, title="untitled")
    writer = PdfWriter(clone_from=PdfReader(str(p)))
    writer.add_metadata({"/Title": "untitled", "/Creator": "anonymous", "/Author": "anonymous"})
    with open(p, "wb") as fh:
        writer.write(fh)
    r = row_of(case, one(importer, p))
    assert r["name"] == "dzfp_25442000000088776655_临沂优品家居用品有限公司"
    assert r["source_desc"] == "PDF文件"
    named = row_of(case, one(importer, make_pdf(tmp_path / "x.pdf", pages=2, title="检测报告 第2025-118号")))
    assert named["name"] == "检测报告 第2025-118号"


def test_mislabelled_file_is_stored_as_what_it_is(case, importer, tmp_path):
    p = tmp_path / "截图.jpg"
    make_image(tmp_path / "real.png", size=(200, 400)).rename(p)
    out = one(importer, p)
    r = row_of(case, out)
    assert r["mime"] == "image/png" and r["ext"] == "png" and out.reason == "mislabelled"
    assert ".jpg" in out.message("zh") and "PNG" in out.message("zh")


def test_corrupt_files_are_kept_as_unreadable(case, importer, tmp_path):
    pdf = make_pdf(tmp_path / "whole.pdf")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(pdf.read_bytes()[:200])
    out = one(importer, broken)
    assert out.status == "imported" and out.exhibit_status == "unreadable" and out.reason == "corrupt_pdf"
    png = make_image(tmp_path / "whole.png", size=(600, 900))
    cut = tmp_path / "cut.png"
    cut.write_bytes(png.read_bytes()[: png.stat().st_size // 2])
    out = one(importer, cut)
    assert out.exhibit_status == "unreadable" and out.reason == "truncated_image"
    video = make_video(tmp_path / "whole.mp4", seconds=1)
    mangled = tmp_path / "VID_20250304_201800.mp4"
    mangled.write_bytes(video.read_bytes()[:64] + b"\x00" * 500)
    out = one(importer, mangled)
    assert out.exhibit_status == "unreadable" and out.reason == "corrupt_media"
    assert row_of(case, out)["captured_at_source"] == "filename"


def test_decompression_bomb_is_never_decoded(case, importer, tmp_path, monkeypatch):
    # A 30000x30000 PNG of zeros is 900 MP but only ~1 MB on disk.
    import struct
    import zlib

    width = height = 30000
    row = b"\x00" + b"\x00" * width
    comp = zlib.compressobj(9)
    data = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    loads = []
    monkeypatch.setattr(Image.Image, "load", lambda self, *a: loads.append(1))
    out = one(importer, bomb)
    assert out.status == "imported" and out.exhibit_status == "unreadable" and out.reason == "image_bomb"
    assert loads == [], "the bomb was decoded"


def test_refused_and_skipped_by_rule(case, importer, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "x.jpg.part").write_bytes(b"\xff\xd8partial")
    (folder / "发票.pdf.crdownload").write_bytes(b"%PDF-1.7 partial")
    (folder / "~$报告.docx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "._IMG_1.jpg").write_bytes(b"\x00\x05\x16\x07")
    (folder / ".hidden.png").write_bytes(b"x")
    (folder / "notes.bin").write_bytes(os.urandom(300))
    with zipfile.ZipFile(folder / "聊天记录.zip", "w") as zf:
        zf.writestr("../../escape.txt", "evil")
    (folder / ".thumbnails").mkdir()
    (folder / ".thumbnails" / "t.jpg").write_bytes(b"\xff\xd8")
    before = tree_fingerprint(folder)
    outcomes = {os.path.basename(o.path): o for o in importer.import_paths([folder])}
    assert tree_fingerprint(folder) == before
    expect = {
        "empty.jpg": ("refused", "empty_file"), "x.jpg.part": ("skipped", "temp_file"),
        "发票.pdf.crdownload": ("skipped", "temp_file"), "~$报告.docx": ("skipped", "temp_file"),
        ".DS_Store": ("skipped", "system_file"), "Thumbs.db": ("skipped", "system_file"),
        "._IMG_1.jpg": ("skipped", "system_file"), ".hidden.png": ("skipped", "hidden_file"),
        "notes.bin": ("skipped", "unsupported_type"), "聊天记录.zip": ("refused", "archive"),
        ".thumbnails": ("skipped", "hidden_dir"),
    }
    assert {k: (o.status, o.reason) for k, o in outcomes.items()} == expect
    for outcome in outcomes.values():
        assert outcome.message("zh") and outcome.message("en")
    assert case.exhibits() == []
    assert not (tmp_path / "escape.txt").exists()
    assert list(case.tmp.iterdir()) == []


def test_links_outside_the_folder_are_not_followed(case, importer, tmp_path):
    secret = make_image(tmp_path / "elsewhere" / "secret.png", size=(100, 100))
    inside = make_image(tmp_path / "in" / "a.png", size=(100, 120))
    (tmp_path / "in" / "link_out.png").symlink_to(secret)
    (tmp_path / "in" / "link_in.png").symlink_to(inside)
    (tmp_path / "in" / "dir_link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "in" / "dangling.png").symlink_to(tmp_path / "nowhere.png")
    outcomes = {os.path.basename(o.path): o for o in importer.import_paths([tmp_path / "in"])}
    assert (outcomes["link_out.png"].status, outcomes["link_out.png"].reason) == ("skipped", "link_outside")
    assert (outcomes["dir_link"].status, outcomes["dir_link"].reason) == ("skipped", "link_dir")
    assert outcomes["dangling.png"].reason == "link_broken"
    assert outcomes["a.png"].status == "imported"
    assert outcomes["link_in.png"].status == "duplicate"  # same bytes, second source recorded
    [row] = case.exhibits()
    assert len(row["sources"]) == 2


def test_same_bytes_twice_is_one_exhibit_with_both_sources(case, importer, tmp_path):
    a = make_image(tmp_path / "phone" / "Screenshot_20250305-143105.png", size=(300, 600))
    b = tmp_path / "wechat" / "微信图片_20250305150000.png"
    b.parent.mkdir()
    b.write_bytes(a.read_bytes())
    first, second = one(importer, a), one(importer, b)
    assert first.status == "imported" and second.status == "duplicate" and second.number == first.number
    [row] = case.exhibits()
    assert {s["path"] for s in row["sources"]} == {str(a), str(b)}
    assert row["original_name"] == a.name  # the first name stays


def test_empty_folder_and_importing_the_same_file_twice_say_so(case, importer, tmp_path):
    (tmp_path / "empty").mkdir()
    out = one(importer, tmp_path / "empty")
    assert (out.status, out.reason) == ("skipped", "empty_folder") and "空" in out.message("zh")
    p = make_image(tmp_path / "a.png", size=(40, 40))
    first, again = one(importer, p), one(importer, p)
    assert first.status == "imported"
    assert (again.status, again.reason, again.number) == ("duplicate", "already_imported", first.number)
    assert "已在案件中" in again.message("zh")


def test_names_in_any_script_and_length(case, importer, tmp_path):
    long_name = ("退款被拒截图" * 40)[:80] + ".png"  # 244 bytes: near the 255-byte limit
    odd = tmp_path / "in"
    odd.mkdir()
    make_image(odd / long_name, size=(100, 200))
    make_image(odd / "Скриншот 😀 عربى.png", size=(100, 201))
    raw = os.fsencode(str(odd)) + b"/bad-\xff\xfe-name.png"
    os.rename(make_image(tmp_path / "tmp.png", size=(100, 202)), raw)
    outcomes = list(importer.import_paths([odd]))
    assert [o.status for o in outcomes] == ["imported"] * 3
    names = {r["original_name"] for r in case.exhibits()}
    assert long_name in names and "Скриншот 😀 عربى.png" in names
    assert any("\\xff\\xfe" in n for n in names)


def test_not_found_and_unreadable_source(case, importer, tmp_path):
    out = one(importer, tmp_path / "missing.png")
    assert out.status == "refused" and out.reason == "not_found"
    if os.geteuid() != 0:  # root reads anything
        p = make_image(tmp_path / "locked.png", size=(10, 10))
        p.chmod(0)
        assert one(importer, p).reason == "no_permission"


def test_too_large_and_no_space_are_refused(case, importer, tmp_path, monkeypatch):
    p = make_image(tmp_path / "big.png", size=(300, 300))
    monkeypatch.setattr(ingest, "MAX_FILE_SIZE", 100)
    out = one(importer, p)
    assert (out.status, out.reason) == ("refused", "too_large") and "上限" in out.message("zh")
    monkeypatch.setattr(ingest, "MAX_FILE_SIZE", 10 ** 12)
    monkeypatch.setattr(ingest.shutil, "disk_usage", lambda _: os.statvfs_result((0,) * 10) and
                        type("U", (), {"free": 1000})())
    out = one(importer, p)
    assert (out.status, out.reason) == ("refused", "no_space")
    assert case.exhibits() == [] and list(case.tmp.iterdir()) == []


def test_cancel_stops_between_and_inside_files(case, tmp_path):
    for i in range(5):
        make_image(tmp_path / "in" / f"IMG_2025030{i + 1}_120000.jpg", size=(400, 400 + i))
    seen = []
    importer = Importer(case, durable=False)

    def progress(done, total, outcome):
        seen.append((done, total, outcome.status))
        if done == 2:
            importer.cancel.set()

    importer.on_progress = progress
    outcomes = list(importer.import_paths([tmp_path / "in"]))
    assert [o.status for o in outcomes] == ["imported", "imported", "skipped", "skipped", "skipped"]
    assert all(o.reason == "cancelled" for o in outcomes[2:])
    assert seen[-1][:2] == (5, 5)
    assert len(case.exhibits()) == 2 and list(case.tmp.iterdir()) == []
