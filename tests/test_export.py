"""The court export, checked on the PDF itself: bytes, fonts, page ranges, bookmarks, pages per kind."""
import hashlib
import json
import re
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from app.core.export import bundle_folder, export_court, verify_export
from app.core.ingest import Importer
from app.core.store import Case
from conftest import make_pdf, run_cli


@pytest.fixture(scope="module")
def exported(tmp_path_factory, samples_dir):
    base = tmp_path_factory.mktemp("export")
    extra = base / "extra"
    extra.mkdir()
    # a long phone screenshot (1080x6000), an RGB PNG, and a JPEG whose EXIF says "rotate 90° clockwise"
    long_shot = Image.new("RGB", (1080, 6000), (250, 250, 250))
    for y in range(0, 6000, 300):
        long_shot.paste((40, 40, 200), (60, y + 20, 1020, y + 120))
    long_shot.save(extra / "Screenshot_20250305-150000.png")
    rotated = Image.new("RGB", (400, 200))
    rotated.paste((255, 0, 0), (0, 0, 200, 200))      # stored left half red
    rotated.paste((0, 0, 255), (200, 0, 400, 200))    # stored right half blue
    exif = Image.Exif()
    exif[274] = 6
    rotated.save(extra / "IMG_20250304_201700.jpg", quality=95, exif=exif.tobytes())
    make_pdf(extra / "加密的检测报告.pdf", pages=2, encrypt="1234")
    case = Case.create(base / "case", "电饭煲涂层脱落退货纠纷", merchant="佛山市禾丰电器有限公司", claimant_name="张三")
    list(Importer(case, durable=False).import_paths([samples_dir, extra]))
    result = export_court(case, base / "out" / "证据清单.pdf")
    rows = case.exhibits()
    yield case, result, rows, PdfReader(str(result.pdf_path))
    case.close()


def page_texts(reader):
    return [page.extract_text() or "" for page in reader.pages]


def stamp_pages(reader, label):
    pattern = re.compile(rf"证据 {re.escape(label)}(?![-\d])")
    return [i + 1 for i, text in enumerate(page_texts(reader)) if pattern.search(text)]


def test_jpeg_originals_are_embedded_byte_for_byte(exported):
    case, result, rows, reader = exported
    embedded = set()
    for page in reader.pages:
        for name, xo in (page["/Resources"].get("/XObject") or {}).items():
            xo = xo.get_object()
            if xo.get("/Filter") == "/DCTDecode":
                embedded.add(hashlib.sha256(xo._data).hexdigest())
    jpegs = [r for r in rows if r["mime"] == "image/jpeg" and r["status"] == "ok"]
    assert len(jpegs) >= 5
    for r in jpegs:
        assert r["sha256"] in embedded, r["original_name"]


def test_png_data_goes_in_without_recompression(exported):
    case, result, rows, reader = exported
    row = next(r for r in rows if r["original_name"] == "Screenshot_20250305-143105.png")
    raw = case.original_path(row["sha256"], "png").read_bytes()
    idat = b"".join(m for m in _png_idat(raw))
    found = [xo.get_object() for p in reader.pages for xo in (p["/Resources"].get("/XObject") or {}).values()
             if xo.get_object().get("/Filter") == "/FlateDecode" and xo.get_object()._data == idat]
    assert found and found[0]["/DecodeParms"]["/Predictor"] == 15


def _png_idat(data):
    import struct

    pos = 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        if data[pos + 4:pos + 8] == b"IDAT":
            yield data[pos + 8:pos + 8 + length]
        pos += 12 + length


def test_every_font_on_our_pages_is_embedded(exported):
    case, result, rows, reader = exported
    pdf_exhibit_pages = {p for e in result.exhibits if e["file"].endswith(".pdf")
                         for p in range(e["first_page"], e["last_page"] + 1)}
    checked = 0
    for number, page in enumerate(reader.pages, 1):
        if number in pdf_exhibit_pages:
            continue  # an original PDF's own fonts are its own
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            assert desc is not None, font.get("/BaseFont")
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
            assert str(font["/BaseFont"])[7] == "+", "the font is subset"
            checked += 1
    assert checked > 0


def test_index_names_every_exhibit_and_its_page_range_matches_the_stamps(exported):
    case, result, rows, reader = exported
    texts = page_texts(reader)
    index_text = "".join(texts[1:3]).replace("\n", "")
    assert "证 据 目 录" in texts[1]
    for item in result.exhibits:
        assert item["name"].replace(" ", "")[:8] in index_text.replace(" ", ""), item["name"]
        pages = stamp_pages(reader, item["label"])
        assert pages == list(range(item["first_page"], item["last_page"] + 1)), (item, pages)
        pages_text = f"{item['first_page']}" if item["first_page"] == item["last_page"] else \
            f"{item['first_page']}-{item['last_page']}"
        assert pages_text in index_text
    assert f"共 {len(reader.pages)} 页" in texts[-1] and f"第 {len(reader.pages)} 页" in texts[-1]


def test_bookmarks_and_index_links(exported):
    case, result, rows, reader = exported
    titles = [o.title for o in reader.outline]
    assert titles[0] == "证据目录" and titles[-1] == "电子数据说明"
    assert len(titles) == len(result.exhibits) + 2
    for item, title in zip(result.exhibits, titles[1:-1]):
        assert title.startswith(f"证据{item['number']} ")
    for o, item in zip(reader.outline[1:-1], result.exhibits):
        assert reader.get_destination_page_number(o) + 1 == item["first_page"]
    links = [a.get_object() for p in reader.pages[1:3] for a in (p.get("/Annots") or [])
             if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) >= len(result.exhibits)


def test_long_screenshot_is_split_not_shrunk_and_embedded_once(exported):
    case, result, rows, reader = exported
    long_row = next(r for r in rows if r["original_name"] == "Screenshot_20250305-150000.png")
    item = next(e for e in result.exhibits if e["label"] == str(long_row["number"]))
    assert item["last_page"] - item["first_page"] + 1 >= 3
    refs = set()
    for n in range(item["first_page"], item["last_page"] + 1):
        for xo in (reader.pages[n - 1]["/Resources"].get("/XObject") or {}).values():
            if xo.get_object()["/Subtype"] == "/Image":
                refs.add(xo.idnum)
    assert len(refs) == 1, "the long image is one XObject shown through clipping"


def test_pdf_receipt_keeps_its_text_and_audio_video_pages_exist(exported):
    case, result, rows, reader = exported
    texts = page_texts(reader)
    invoice = next(e for e in result.exhibits if e["file"].endswith(".pdf") and "发票" in e["name"])
    original = PdfReader(str(case.original_path(next(r for r in rows if r["name"] == invoice["name"])["sha256"], "pdf")))
    words = [w for w in re.split(r"\s+", original.pages[0].extract_text()) if len(w) >= 4][:5]
    assert words and all(w in texts[invoice["first_page"] - 1] for w in words)
    audio = next(e for e in result.exhibits if e["file"].endswith(".m4a"))
    assert "录音波形" in texts[audio["first_page"] - 1] and "0:55" in texts[audio["first_page"] - 1]
    video = next(e for e in result.exhibits if e["file"].endswith(".mp4"))
    vtext = texts[video["first_page"] - 1]
    assert "视频关键帧" in vtext and "1920×1080" in vtext
    vpage = reader.pages[video["first_page"] - 1]
    images = [x for x in vpage["/Resources"]["/XObject"].values() if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 6  # six key frames


def test_unreadable_exhibit_still_exports_and_says_so(exported):
    case, result, rows, reader = exported
    broken = next(r for r in rows if r["original_name"] == "truncated.jpg")
    item = next(e for e in result.exhibits if e["label"] == str(broken["number"]))
    text = page_texts(reader)[item["first_page"] - 1]
    assert "已损坏或不完整" in text
    assert {"number": item["label"], "code": "export_notice_unreadable"} in result.notices


def test_encrypted_pdf_gets_a_page_that_says_so_and_metadata_is_set(exported):
    case, result, rows, reader = exported
    locked = next(r for r in rows if r["original_name"] == "加密的检测报告.pdf")
    item = next(e for e in result.exhibits if e["label"] == str(locked["number"]))
    assert item["first_page"] == item["last_page"]
    assert "受密码保护" in page_texts(reader)[item["first_page"] - 1]
    assert (result.folder_path / item["file"]).read_bytes() == case.original_path(locked["sha256"], "pdf").read_bytes()
    meta = reader.metadata
    from datetime import datetime, timedelta, timezone

    created = meta.creation_date
    assert created.utcoffset() == timedelta(hours=8)
    assert abs(datetime.now(timezone.utc) - created) < timedelta(minutes=30), "creation time is the real time"
    assert meta["/ModDate"] == meta["/CreationDate"]
    assert meta.title == "证据清单 — 电饭煲涂层脱落退货纠纷" and meta.author == "张三"
    assert meta.creator.startswith("证据夹 Evidence Binder 0.")
    cover = page_texts(reader)[0]
    assert "张三" in cover and "佛山市禾丰电器有限公司" in cover and "网络购物合同纠纷" in cover


def test_exif_orientation_is_honoured_without_reencoding(exported, tmp_path):
    case, result, rows, reader = exported
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm (poppler-utils) is needed to look at the pages")
    item = next(e for e in result.exhibits if e["file"].endswith(".jpg") and
                next(r for r in rows if r["name"] == e["name"])["original_name"] == "IMG_20250304_201700.jpg")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", str(item["first_page"]), "-l", str(item["first_page"]),
                    str(result.pdf_path), str(tmp_path / "p")], check=True)
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    # Find the image on the page: the red and blue areas. Rotated 90° clockwise, red is on top.
    red = [(x, y) for x in range(0, page.width, 2) for y in range(0, page.height, 2)
           if page.getpixel((x, y))[0] > 200 and page.getpixel((x, y))[2] < 60]
    blue = [(x, y) for x in range(0, page.width, 2) for y in range(0, page.height, 2)
            if page.getpixel((x, y))[2] > 200 and page.getpixel((x, y))[0] < 60 and page.getpixel((x, y))[1] < 60]
    assert red and blue
    mean = lambda pts, i: sum(p[i] for p in pts) / len(pts)  # noqa: E731
    assert mean(red, 1) < mean(blue, 1), "red should be above blue"
    assert abs(mean(red, 0) - mean(blue, 0)) < 5
    row = next(r for r in rows if r["original_name"] == "IMG_20250304_201700.jpg")
    assert any(xo.get_object()._data == case.original_path(row["sha256"], "jpg").read_bytes()
               for xo in reader.pages[item["first_page"] - 1]["/Resources"]["/XObject"].values())


def test_bundle_folder_manifest_and_never_overwriting(exported):
    case, result, rows, reader = exported
    folder = result.folder_path
    assert folder == bundle_folder(result.pdf_path)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pdf_sha256"] == hashlib.sha256(result.pdf_path.read_bytes()).hexdigest() == result.sha256
    for item in manifest["exhibits"]:
        assert hashlib.sha256((folder / item["file"]).read_bytes()).hexdigest() == item["sha256"]
        assert re.match(r"证据\d\d(-\d+)?_", item["file"])
    csv_text = (folder / "manifest.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("序号,证据名称") and len(csv_text.splitlines()) == len(rows) + 1
    assert verify_export(result.pdf_path).ok and verify_export(folder).ok
    [export_row] = case.db.query("SELECT * FROM exports")
    assert export_row["sha256"] == result.sha256 and export_row["profile"] == "court"
    again = export_court(case, result.pdf_path)
    assert again.pdf_path != result.pdf_path and again.pdf_path.name == "证据清单 (2).pdf"
    assert result.pdf_path.read_bytes() and hashlib.sha256(result.pdf_path.read_bytes()).hexdigest() == result.sha256
    assert not list(result.pdf_path.parent.glob(".*part"))


def test_verify_export_catches_tampering(exported, tmp_path):
    case, result, rows, reader = exported
    copy = tmp_path / "copy"
    shutil.copytree(result.pdf_path.parent, copy)
    pdf = copy / result.pdf_path.name
    files = sorted((copy / result.folder_path.name).glob("证据*"))
    files[0].chmod(0o644)
    files[0].write_bytes(files[0].read_bytes() + b"x")
    files[1].chmod(0o644)
    files[1].unlink()
    r = run_cli("verify-export", str(pdf))
    assert r.returncode == 1
    assert "SHA-256 mismatch" in r.stdout and "original missing" in r.stdout


def test_cli_export(tmp_path, samples_dir):
    case_dir = tmp_path / "c"
    run_cli("new", str(case_dir), "--title", "t")
    r = run_cli("export", str(case_dir))
    assert r.returncode == 1 and "no exhibits" in r.stderr
    run_cli("import", str(case_dir), str(samples_dir / "IMG_0123.PNG"))
    r = run_cli("export", str(case_dir), "--out", str(tmp_path / "x.pdf"), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["pages"] == 4 and (tmp_path / "x.pdf").is_file() and (tmp_path / "x_原件" / "manifest.json").is_file()
    assert run_cli("verify-export", str(tmp_path / "x.pdf")).returncode == 0


def test_unfilled_purposes_and_damaged_files_are_called_out(exported):
    case, result, rows, reader = exported
    broken = next(r for r in rows if r["original_name"] == "truncated.jpg")
    assert broken["name"].startswith("（文件损坏）")
    missing = next(n for n in result.notices if n["code"] == "export_purpose_missing")
    screenshot = next(r for r in rows if r["original_name"] == "Screenshot_20250305-143105.png")
    assert str(screenshot["number"]) in missing["number"].split("、")
    assert str(broken["number"]) in missing["number"].split("、")
    index = "".join(page_texts(reader)[1:3])
    assert "（文件损坏）" in index and "（待填写）" in index


def test_verify_export_of_a_missing_target(tmp_path):
    check = verify_export(tmp_path / "nothing.pdf")
    assert not check.ok and "找不到这份导出" in check.lines("zh")[0]


def test_wide_screenshots_get_a_landscape_page(exported):
    case, result, rows, reader = exported
    desktop = next(r for r in rows if r["original_name"] == "屏幕截图 2025-03-11 093015.png")  # 1920x1080
    phone = next(r for r in rows if r["original_name"] == "Screenshot_20250305-143105.png")   # 1080x2400
    pages = {e["label"]: e for e in result.exhibits}
    wide_page = reader.pages[pages[str(desktop["number"])]["first_page"] - 1]
    tall_page = reader.pages[pages[str(phone["number"])]["first_page"] - 1]
    assert wide_page.mediabox.width > wide_page.mediabox.height
    assert tall_page.mediabox.width < tall_page.mediabox.height
    text = wide_page.extract_text()
    assert f"证据 {desktop['number']}" in text and "第 " in text and " 页" in text
