"""The sample evidence (resources/samples plus bad files made in conftest), imported as a new user would."""
import hashlib
import os

import pytest

from app.core.ingest import summarize
from app.core.verify import verify_case
from conftest import tree_fingerprint

KIND = {"screenshot": "screenshot", "photo": "photo", "recording_audio": "audio", "recording_video": "video",
        "receipt_pdf": "pdf", "document": "pdf"}
SOURCE = {"exif": "exif", "filename": "filename", "container_metadata": "container", "pdf_metadata": "pdf"}


@pytest.fixture
def imported(case, importer, samples_dir):
    before = tree_fingerprint(samples_dir)
    outcomes = list(importer.import_paths([samples_dir]))
    assert tree_fingerprint(samples_dir) == before, "the import changed a source file"
    return outcomes


def test_every_sample_lands_with_its_kind_time_and_hash(case, imported, samples_truth):
    by_name = {row["original_name"]: row for row in case.exhibits()}
    for truth in samples_truth["files"]:
        name = os.path.basename(truth["path"])
        if truth["expected"] != "import":
            continue
        row = by_name[name]
        assert row["kind"] == KIND[truth["kind"]], name
        assert row["captured_at"] == truth["capture_time"], name
        assert row["captured_at_source"] == SOURCE[truth["time_source"]], name
        assert row["sha256"] == truth["sha256"] and row["size"] == truth["size"], name
        assert row["status"] == "ok", (name, row["reason"])
        stored = case.original_path(row["sha256"], row["ext"])
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == truth["sha256"]
        assert not os.access(stored, os.W_OK) or os.geteuid() == 0
        assert stored.stat().st_mode & 0o222 == 0, "originals are read-only"


def test_bad_samples_each_get_their_treatment(case, imported, samples_truth):
    by_path = {o.path.split("samples/")[-1]: o for o in imported}
    empty = by_path["bad/empty.png"]
    assert empty.status == "refused" and empty.reason == "empty_file"
    assert "空文件" in empty.message("zh")
    partial = by_path["bad/禾丰电饭煲检测报告(1).pdf.crdownload"]
    assert partial.status == "skipped" and partial.reason == "temp_file"
    truncated = by_path["bad/truncated.jpg"]
    assert truncated.status == "imported" and truncated.exhibit_status == "unreadable"
    assert truncated.reason == "truncated_image"
    row = case.exhibit_by_sha(next(f for f in samples_truth["files"] if f["path"] == "bad/truncated.jpg")["sha256"])
    # The EXIF header survived the truncation, so the capture time is still known.
    assert row["captured_at"] == "2025-03-04T20:15:40+08:00" and row["captured_at_source"] == "exif"
    # README.md and samples.json are not evidence: skipped with a reason, not silently.
    assert by_path["README.md"].reason == "unsupported_type"
    counts = summarize(imported)
    assert counts == {"imported": 13, "duplicate": 0, "skipped": 3, "refused": 1}


def test_guesses_for_names_and_categories(case, imported):
    rows = {row["original_name"]: row for row in case.exhibits()}
    jd = rows["Screenshot_2025-03-05-14-30-12-123_com.jingdong.app.mall.jpg"]
    assert jd["name"].startswith("京东截图") and jd["source_desc"] == "京东App截图"
    assert rows["Screenshot_20250305_150233_com.tencent.mm.jpg"]["name"].startswith("微信截图")
    invoice = rows["dzfp_25442000000039876543_佛山市禾丰电器有限公司_20250303110245.pdf"]
    assert invoice["category"] == "invoice" and invoice["pages"] == 1
    report = rows["检验检测报告_WT2025-03-0156.pdf"]
    assert report["category"] == "inspection" and report["pages"] == 2
    call = rows["通话录音 京东客服 2025-03-06 10-21-33.m4a"]
    assert call["category"] == "call" and call["duration_s"] == pytest.approx(54.8, abs=0.1)
    video = rows["VID_20250304_201800.mp4"]
    assert (video["width"], video["height"]) == (1920, 1080) and video["duration_s"] == pytest.approx(12, abs=0.1)
    photo = rows["IMG_20250304_201612.jpg"]
    assert photo["orientation"] == 6 and photo["device"] == "Xiaomi 23113RKC6C" and photo["category"] == "product"
    assert rows["IMG_0123.PNG"]["kind"] == "screenshot"  # an iPhone screenshot, told by its EXIF
    numbers = sorted(r["number"] for r in rows.values())
    assert numbers == list(range(1, len(rows) + 1))


def test_import_again_is_all_duplicates_and_verify_passes(case, importer, imported, samples_dir):
    again = list(importer.import_paths([samples_dir]))
    counts = summarize(again)
    assert counts["imported"] == 0 and counts["duplicate"] == 13
    assert len(case.exhibits()) == 13
    report = verify_case(case)
    assert report.ok, [p.message("en") for p in report.problems]
    assert report.checked == 13
