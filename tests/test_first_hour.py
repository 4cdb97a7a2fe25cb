"""What a new user's realistic phone folder holds: every recorder's name, Office files, broken evidence.

Each case is a real file made here (PyAV, Pillow, zipfile), imported as the user would."""
import os
import zipfile

import pytest
from PIL import Image

from conftest import make_audio, make_image

T = "2025-03-06T10:21:33+08:00"


def one(importer, path):
    [outcome] = list(importer.import_paths([path]))
    return outcome


def row_of(case, outcome):
    return next(r for r in case.exhibits(include_deleted=True) if r["id"] == outcome.exhibit_id)


# name as the recorder writes it, codec, container, the time in the name
RECORDERS = [
    ("Recording_20250309_111502.wav", "pcm_s16le", None, "2025-03-09T11:15:02+08:00"),    # generic recorder app
    ("record_20250308_094501.amr", "libopencore_amrnb", "amr", "2025-03-08T09:45:01+08:00"),
    ("录音_20250306_102133.mp3", "libmp3lame", None, T),                                   # Xiaomi sound recorder
    ("张三 13800138000_20250306102133.amr", "libopencore_amrnb", "amr", T),                # Huawei / Honor calls
    ("通话录音@张三(13800138000)_20250306102133.m4a", "aac", "ipod", T),                   # OPPO / vivo calls
    ("13800138000_20250306102133.m4a", "aac", "ipod", T),                                  # calls, number only
    ("Call recording 张三_250306_102133.m4a", "aac", "ipod", T),                           # Samsung calls
    ("20250306 102133-1A2B3C4D.m4a", "aac", "ipod", T),                                    # iPhone voice memos
    ("通话 京东客服 2025-03-06 10-21-33.wav", "pcm_s16le", None, T),                        # YYYY-MM-DD HH-MM-SS
    ("Voice 20250306-102133.m4a", "aac", "ipod", T),
]


@pytest.mark.parametrize("name, codec, fmt, when", RECORDERS)
def test_recorder_names_give_the_capture_time(case, importer, tmp_path, name, codec, fmt, when):
    path = make_audio(tmp_path / name, codec, fmt=fmt, seconds=1.0)
    os.utime(path, (1_700_000_000, 1_700_000_000))  # an mtime that is not the answer
    row = row_of(case, one(importer, path))
    assert row["kind"] == "audio" and row["status"] == "ok", row["reason"]
    assert (row["captured_at"], row["captured_at_source"]) == (when, "filename")


def test_amr_duration_is_the_decoded_length_not_a_bitrate_estimate(case, importer, tmp_path):
    """A call with silence: AMR's DTX writes small frames there, so a bitrate estimate comes out short."""
    import av
    import numpy as np

    path = tmp_path / "record_20250308_094501.amr"
    rate, seconds = 8000, 29.3
    total = int(rate * seconds)
    voice = (np.sin(2 * np.pi * 440 * np.arange(total) / rate) * 8000).astype(np.int16)
    voice[total // 4: 3 * total // 4] = 0
    with av.open(str(path), "w", format="amr") as out:
        stream = out.add_stream("libopencore_amrnb", rate=rate, options={"dtx": "1"})
        stream.layout = "mono"
        for start in range(0, total, 160):
            chunk = np.pad(voice[start:start + 160], (0, max(0, start + 160 - total)))
            frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate, frame.pts = rate, start
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    with av.open(str(path)) as probe:
        assert abs(probe.duration / 1e6 - seconds) > 1, "the fixture must fool a bitrate estimate"
    row = row_of(case, one(importer, path))
    assert row["duration_s"] == pytest.approx(seconds, abs=0.05)


def make_office(path, created, member="docProps/core.xml", extra=None):
    ns = ('xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
    core = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties {ns}>'
            f'<dc:title>退货申请</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>')
    kind = {"docx": "word", "xlsx": "xl", "pptx": "ppt"}[path.suffix[1:]]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"/>')
        zf.writestr(f"{kind}/document.xml", "<x/>")
        zf.writestr(member, core)
        for name, body in (extra or {}).items():
            zf.writestr(name, body)
    return path


@pytest.mark.parametrize("ext", ["docx", "xlsx", "pptx"])
def test_office_files_take_their_time_from_core_xml(case, importer, tmp_path, ext):
    path = make_office(tmp_path / f"退货申请书.{ext}", "2025-03-07T02:30:00Z",
                       extra={"../../escape.txt": "evil", "/abs/escape.txt": "evil"})
    out = one(importer, path)
    row = row_of(case, out)
    assert row["kind"] == "document" and row["status"] == "ok"
    assert (row["captured_at"], row["captured_at_source"]) == ("2025-03-07T10:30:00+08:00", "office")
    assert not (tmp_path.parent / "escape.txt").exists() and not os.path.exists("/abs/escape.txt")
    # The core.xml path in a hostile zip is never trusted: a member named like it elsewhere is not read.
    other = make_office(tmp_path / f"其他.{ext}", "2025-03-07T02:30:00Z", member="x/../docProps/core.xml")
    os.utime(other, (1_700_000_000, 1_700_000_000))
    assert row_of(case, one(importer, other))["captured_at_source"] == "mtime"


def test_broken_evidence_stays_visible_as_unreadable(case, importer, tmp_path):
    folder = tmp_path / "手机"
    folder.mkdir()
    (folder / "VID_20250304_201800.mp4").write_bytes(os.urandom(3 * 1024 * 1024))   # random bytes
    (folder / "订单详情.png").write_text("<!DOCTYPE html><html><head><title>京东</title></head></html>",
                                      encoding="utf-8")                          # a web page saved as .png
    (folder / "notes.bin").write_bytes(os.urandom(300))                          # not evidence by name or content
    make_image(folder / "unnamed", size=(50, 80), fmt="PNG")                     # evidence by content only
    outcomes = {os.path.basename(o.path): o for o in importer.import_paths([folder])}
    video, page = outcomes["VID_20250304_201800.mp4"], outcomes["订单详情.png"]
    for outcome in (video, page):
        assert outcome.status == "imported" and outcome.exhibit_status == "unreadable", outcome
        assert outcome.reason == "not_what_name_says"
        assert os.path.exists(case.original_path(outcome.sha256, row_of(case, outcome)["ext"]))
    assert "网页" in page.message("zh") and ".png" in page.message("zh") and "不是证据文件类型" not in page.message("zh")
    assert "随机" in video.message("zh") and "web page" in page.message("en")
    assert row_of(case, video)["captured_at_source"] == "filename" and row_of(case, video)["kind"] == "video"
    assert (outcomes["notes.bin"].status, outcomes["notes.bin"].reason) == ("skipped", "unsupported_type")
    assert outcomes["unnamed"].status == "imported" and outcomes["unnamed"].exhibit_status == "ok"


def test_bomb_message_shows_the_real_width_and_height(case, importer, tmp_path):
    import struct
    import zlib

    width, height = 30000, 20000
    comp = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    data = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    out = one(importer, bomb)
    assert out.reason == "image_bomb" and "30000×20000" in out.message("zh") and "30000x20000" in out.message("en")


def test_library_errors_are_not_shown_in_chinese(case, importer, tmp_path):
    whole = make_image(tmp_path / "a.jpg", size=(800, 1200))
    cut = tmp_path / "IMG_20250304_201540.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    out = one(importer, cut)
    assert out.exhibit_status == "unreadable"
    zh = out.message("zh")
    assert zh and not any(c.isascii() and c.isalpha() for c in zh), zh
    assert row_of(case, out)["reason_params"].get("error"), "the library's detail is kept with the row"
    Image.open(whole).close()
