"""Capture time from file names (every pattern in DESIGN §3), EXIF, PDF dates, and the order of sources."""
from datetime import datetime, timedelta, timezone

import pytest

from app.core import capture
from app.core.capture import CHINA, choose, time_from_filename

T = lambda *a: datetime(*a, tzinfo=CHINA)  # noqa: E731


@pytest.mark.parametrize("name, expected, pattern, package", [
    ("Screenshot_20250305-143012.png", T(2025, 3, 5, 14, 30, 12), "android_screenshot", None),
    ("Screenshot_2025-03-05-14-30-12-123_com.jingdong.app.mall.jpg", T(2025, 3, 5, 14, 30, 12),
     "miui_screenshot", "com.jingdong.app.mall"),
    ("Screenshot_20250305_143012_com.tencent.mm.jpg", T(2025, 3, 5, 14, 30, 12), "huawei_screenshot",
     "com.tencent.mm"),
    ("IMG_20250304_201533.jpg", T(2025, 3, 4, 20, 15, 33), "camera", None),
    ("VID_20250304_201800.mp4", T(2025, 3, 4, 20, 18, 0), "camera", None),
    ("微信图片_20250305143012.jpg", T(2025, 3, 5, 14, 30, 12), "wechat_image", None),
    ("屏幕截图 2025-03-05 143012.png", T(2025, 3, 5, 14, 30, 12), "windows_screenshot", None),
    ("截屏2025-03-05 14.30.12.png", T(2025, 3, 5, 14, 30, 12), "macos_screenshot", None),
    ("Screenshot 2025-03-05 at 14.30.12.png", T(2025, 3, 5, 14, 30, 12), "macos_screenshot", None),
    ("Screen Shot 2020-03-05 at 2.30.12 PM.png", T(2020, 3, 5, 14, 30, 12), "macos_screenshot", None),
    ("屏幕快照 2019-03-05 下午2.30.12.png", T(2019, 3, 5, 14, 30, 12), "macos_screenshot", None),
])
def test_filename_patterns(name, expected, pattern, package):
    found = time_from_filename(name)
    assert found is not None, name
    assert found.when == expected
    assert found.pattern == pattern
    assert found.package == package


def test_wechat_mmexport_is_epoch_milliseconds_shown_in_china_time():
    ms = int(datetime(2025, 3, 5, 6, 30, 12, tzinfo=timezone.utc).timestamp() * 1000) + 345
    found = time_from_filename(f"mmexport{ms}.jpg")
    assert found.pattern == "wechat_mmexport"
    assert found.when.replace(microsecond=0) == T(2025, 3, 5, 14, 30, 12)
    assert found.when.utcoffset() == timedelta(hours=8)


def test_call_recorder_names_only_for_audio():
    assert time_from_filename("13800138000_20250306102133.m4a", audio=True).when == T(2025, 3, 6, 10, 21, 33)
    assert time_from_filename("通话录音 京东客服 2025-03-06 10-21-33.m4a", audio=True).when == T(2025, 3, 6, 10, 21, 33)
    # An e-invoice name carries a 14-digit stamp too; it is not a call recording.
    assert time_from_filename("dzfp_25442000000039876543_佛山市禾丰电器有限公司_20250303110245.pdf") is None


@pytest.mark.parametrize("name", [
    "订单30802519476281035946.png",          # an order number is not a date
    "IMG_20251345_999999.jpg",               # impossible month and time
    "photo.jpg",
    "mmexport123.jpg",
])
def test_names_without_a_time(name):
    assert time_from_filename(name) is None


def test_exif_offset_and_default_china_time():
    assert capture.parse_exif_datetime("2025:03:04 20:15:33", "+08:00") == T(2025, 3, 4, 20, 15, 33)
    tokyo = capture.parse_exif_datetime("2025:03:04 21:15:33", "+09:00")
    assert tokyo.utcoffset() == timedelta(hours=9) and tokyo == T(2025, 3, 4, 20, 15, 33)
    assert capture.parse_exif_datetime("2025:03:04 20:15:33", None).utcoffset() == timedelta(hours=8)
    assert capture.parse_exif_datetime("0000:00:00 00:00:00", None) is None
    assert capture.parse_exif_datetime("garbage", None) is None


def test_pdf_and_container_dates():
    assert capture.parse_pdf_date("D:20250303110245+08'00'") == T(2025, 3, 3, 11, 2, 45)
    assert capture.parse_pdf_date("D:20250303030245Z") == T(2025, 3, 3, 11, 2, 45)
    assert capture.parse_pdf_date("D:20250303110245").utcoffset() == timedelta(hours=8)
    assert capture.parse_iso("2025-03-04T12:18:00.000000Z") == T(2025, 3, 4, 20, 18, 0)
    assert capture.parse_iso("1904-01-01T00:00:00.000000Z") is None  # QuickTime's zero date
    assert capture.iso(capture.parse_iso("2025-03-04T12:18:00Z")) == "2025-03-04T20:18:00+08:00"


def test_order_of_sources_per_family():
    exif, name_t, cont, pdf, mtime = (T(2025, 1, d) for d in range(1, 6))
    nt = capture.NameTime(name_t, "camera")
    assert choose("image", exif=exif, filename=nt, mtime=mtime) == (exif, "exif")
    assert choose("image", filename=nt, mtime=mtime) == (name_t, "filename")
    assert choose("image", mtime=mtime) == (mtime, "mtime")
    assert choose("video", filename=nt, container=cont, mtime=mtime) == (cont, "container")
    assert choose("audio", filename=nt, container=cont, mtime=mtime) == (name_t, "filename")
    assert choose("audio", container=cont, mtime=mtime) == (cont, "container")
    assert choose("pdf", pdf=pdf, mtime=mtime) == (pdf, "pdf")
    assert choose("document") == (None, None)
