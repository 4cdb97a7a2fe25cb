"""The court PDF as a clerk reads it: a realistic phone folder (long and emoji names, a "- 副本" copy,
a portrait video, a name-less photo, a product page whose name says 拒绝退货) in the sample case."""
import os
import re
import shutil

import pytest
from pypdf import PdfReader

from app.core.export import ExportOptions, export_court
from app.core.ingest import Importer
from app.core.sample import build_sample_case
from conftest import REPO_SAMPLES, make_image, make_video

LONG = "2025年3月4日收到电饭煲后发现内胆涂层大面积脱落的特写照片（第二张，灯光下拍摄）"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    base = tmp_path_factory.mktemp("reading")
    phone = base / "tmp-elsewhere" / "手机相册"
    phone.mkdir(parents=True)
    shot = REPO_SAMPLES / "截屏2025-03-05 14.38.21.png"
    (phone / "Shot").mkdir()
    shutil.copy(shot, phone / "Shot" / "截屏2025-03-05 14.38.21 - 副本.png")  # the copy is found first
    shutil.copy(shot, phone / "截屏2025-03-05 14.38.21.png")
    make_image(phone / "京东发货清单.jpg", size=(900, 1200), fmt="JPEG")
    os.utime(phone / "京东发货清单.jpg", (1741785960, 1741785960))
    make_image(phone / f"{LONG}.jpg", size=(1200, 900), fmt="JPEG", when="2025:03:04 20:20:00", camera=True)
    make_image(phone / "退款被拒😡截图.png", size=(1080, 2400))
    os.utime(phone / "退款被拒😡截图.png", (1741785000, 1741785000))
    make_image(phone / "商品详情页_七天无理由退货规则（拒绝退货情形）.png", size=(1080, 2400), color=(240, 240, 240))
    os.utime(phone / "商品详情页_七天无理由退货规则（拒绝退货情形）.png", (1741700000, 1741700000))
    make_video(phone / "VID_20250306_101010.mp4", seconds=1, size=(320, 240), rotation=90, fmt="mp4")
    case = build_sample_case(base / "case")
    list(Importer(case, durable=False).import_paths([phone]))
    court = export_court(case, base / "out" / "证据清单.pdf", ExportOptions(claimant="张三"))
    bare = export_court(case, base / "out2" / "证据清单.pdf", ExportOptions(claimant="张三", include_paths=False))
    rows = {r["original_name"]: r for r in case.exhibits()}
    yield case, court, bare, rows, phone
    case.close()


def texts(path):
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def flat(text):
    return re.sub(r"\s+", "", text)


def test_cover_carries_the_case_form(bundle):
    _, court, _, _, _ = bundle
    cover = texts(court.pdf_path)[0]
    for field in ("购物平台", "京东", "禾丰小家电旗舰店", "禾丰 HF-40FB01 电饭煲 4L", "30802519476281035946",
                  "下单日期", "2025年03月02日", "签收日期", "2025年03月03日", "¥399.00", "退货退款", "138****8000"):
        assert field in cover, field


def test_signature_follows_the_index_and_the_appendix(bundle):
    _, court, _, rows, _ = bundle
    pages = texts(court.pdf_path)
    last_number = str(max(r["number"] for r in rows.values()))
    index_end = next(i for i, t in enumerate(pages) if "证据目录" in t or "证 据 目 录" in t)
    while not re.search(rf"(?m)^{last_number}\b", pages[index_end]) and index_end + 1 < len(pages):
        index_end += 1
    assert "提交人（签名）" in pages[index_end], "the signature line is on the page where the index ends"
    assert "提交人（签名）" in pages[-1]
    signed = [i for i, t in enumerate(pages) if "提交人（签名）" in t]
    assert len(signed) == 2
    for i in signed:  # never a page with the line and nothing of its table
        assert "序号" in pages[i]


def test_no_broken_dates_and_names_kept(bundle):
    _, court, _, rows, _ = bundle
    pages = texts(court.pdf_path)
    whole = "\n".join(pages)
    for row in rows.values():
        if row["captured_at"]:
            day = row["captured_at"][:10]
            assert day in whole, f"{day} is cut in two somewhere"
    assert rows["京东发货清单.jpg"]["name"] == "京东发货清单"
    assert rows[f"{LONG}.jpg"]["name"] == LONG
    assert flat(LONG) in flat(whole)
    page_row = rows["商品详情页_七天无理由退货规则（拒绝退货情形）.png"]
    assert page_row["category"] != "refusal", "a word in the name beat what the file is"


def test_emoji_is_dropped_not_boxed(bundle):
    _, court, _, rows, _ = bundle
    whole = "\n".join(texts(court.pdf_path))
    assert "😡" not in whole and "退款被拒截图" in flat(whole)


def test_the_original_is_cited_not_the_copy(bundle):
    _, court, _, rows, phone = bundle
    assert "截屏2025-03-05 14.38.21 - 副本.png" not in rows
    row = rows["截屏2025-03-05 14.38.21.png"]
    assert len(row["sources"]) >= 2
    appendix = flat("\n".join(texts(court.pdf_path)[-3:]))
    assert flat("截屏2025-03-05 14.38.21.png") in appendix


def test_portrait_video_is_described_upright(bundle):
    _, court, _, rows, _ = bundle
    whole = "\n".join(texts(court.pdf_path))
    assert "240×320" in whole and "320×240" not in whole


def test_source_paths_start_at_the_imported_folder_or_are_left_out(bundle):
    _, court, bare, rows, phone = bundle
    appendix = flat("\n".join(texts(court.pdf_path)[-3:]))
    assert "手机相册/京东发货清单.jpg" in appendix and "tmp-elsewhere" not in appendix
    assert str(phone.parent) not in appendix and "/tmp/" not in appendix
    bare_appendix = flat("\n".join(texts(bare.pdf_path)[-3:]))
    assert "手机相册/" not in bare_appendix and "来源路径按提交人的选择未列出" in bare_appendix
    assert ExportOptions().include_paths is True and ExportOptions(profile="platform").include_paths is False


def test_suggested_purposes_are_reported(bundle):
    _, court, _, rows, _ = bundle
    notice = next(n for n in court.notices if n["code"] == "export_purpose_suggested")
    photo = rows[f"{LONG}.jpg"]
    assert str(photo["number"]) in notice["number"].split("、")
    confirmed = rows["IMG_0123.PNG"]  # the sample case wrote this one's purpose
    assert str(confirmed["number"]) not in notice["number"].split("、")


def test_cli_export_can_leave_paths_out(tmp_path):
    from conftest import run_cli

    case = tmp_path / "c"
    run_cli("new", str(case), "--title", "t")
    make_image(tmp_path / "我的相册" / "京东发货清单.png", size=(300, 500))
    run_cli("import", str(case), str(tmp_path / "我的相册"))
    assert run_cli("export", str(case), "--out", str(tmp_path / "a.pdf")).returncode == 0
    assert run_cli("export", str(case), "--out", str(tmp_path / "b.pdf"), "--no-paths").returncode == 0
    assert "我的相册/京东发货清单.png" in flat(texts(tmp_path / "a.pdf")[-1])
    assert "我的相册/" not in flat(texts(tmp_path / "b.pdf")[-1])


@pytest.mark.parametrize("platform, shown", [("pinduoduo", "拼多多"), ("douyin", "抖音"), ("taobao", "淘宝/天猫"),
                                             ("拼多多", "拼多多"), ("other", None)])
def test_cover_names_the_platform_as_a_clerk_reads_it(tmp_path, platform, shown):
    """The form stores ids: the cover said '购物平台 pinduoduo'."""
    from app.core.store import Case

    make_image(tmp_path / "in" / "Screenshot_20250512-140500.png", size=(300, 600))
    with Case.create(tmp_path / "case", "收纳柜门板开裂", platform=platform) as case:
        list(Importer(case, durable=False).import_paths([tmp_path / "in"]))
        court = export_court(case, tmp_path / "out" / "证据清单.pdf", ExportOptions(claimant="王小梅"))
    cover = texts(court.pdf_path)[0]
    assert platform not in cover or platform == shown
    if shown:
        assert re.search(rf"购物平台[:：]?\s*{re.escape(shown)}", cover), cover
    else:
        assert "购物平台" not in cover
