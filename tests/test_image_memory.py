"""Issue 14 item 8: a huge picture is decoded with bounded memory (imagedecode), never whole.

A 16000x16000 PNG with transparency took 4.7 GB to export; JPEG and plain PNG go into the court PDF
as they are; the rest is reduced while decoding (JPEG by DCT scaling, PNG in strips of rows), and
what cannot be reduced while decoding and is too big is refused in words."""
import io
import json
import subprocess
import sys
import zlib

import pytest
from PIL import Image

from app.core import imagedecode, pdfimages
from app.core.export import export_court
from app.core.export.imaging import open_upright
from app.core.ingest import Importer
from app.core.store import Case
from conftest import ROOT, noise_image


def _chunk(kind: bytes, body: bytes) -> bytes:
    return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")


def write_big_png(path, side: int) -> None:
    """A side x side RGBA screenshot-like PNG written row by row (never held as a picture), some rows
    with the Up filter so that a strip's first row depends on the strip before."""
    white = b"\xff" * (4 * side)
    text = bytes(x % 251 for x in range(4 * side))
    rows = {"w": white, "t": text}
    up = {(a, b): b"\x02" + bytes((x - y) & 0xFF for x, y in zip(rows[a], rows[b])) for a in rows for b in rows}
    comp = zlib.compressobj(1)
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", side.to_bytes(4, "big") * 2 + bytes([8, 6, 0, 0, 0])))
        prev = None
        for y in range(side):
            name = "t" if y % 40 < 14 else "w"
            raw = up[(name, prev)] if prev and y % 3 == 0 else b"\x00" + rows[name]
            prev = name
            data = comp.compress(raw)
            if data:
                fh.write(_chunk(b"IDAT", data))
        fh.write(_chunk(b"IDAT", comp.flush()) + _chunk(b"IEND", b""))


def pillow_reference(path, factor):
    with Image.open(path) as im:
        im.load()
        flat = imagedecode.flatten(im)
    return flat.reduce(factor) if factor > 1 else flat


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "LA", "P", "P_transparent", "RGB_trns"])
def test_png_strips_decode_exactly_what_pillow_decodes(tmp_path, monkeypatch, mode):
    """Strips of a few rows (so every strip boundary is crossed by the row filters an optimising
    encoder chose), each reduced: the same pixels as decoding whole and reducing."""
    base = noise_image((301, 203), seed=5)
    if mode == "RGBA" or mode == "LA":
        im = base.convert(mode)
        im.putalpha(Image.linear_gradient("L").resize(base.size))
        if mode == "LA":
            im = im.convert("LA")
    elif mode.startswith("P"):
        im = base.quantize(64)
        if mode == "P_transparent":
            im.info["transparency"] = 3
    elif mode == "RGB_trns":
        im = base.copy()
        im.info["transparency"] = base.getpixel((0, 0))
    else:
        im = base.convert(mode)
    path = tmp_path / f"{mode}.png"
    im.save(path, optimize=True, **({"transparency": im.info["transparency"]} if "transparency" in im.info else {}))
    monkeypatch.setattr(imagedecode, "STRIP_BYTES", 7 * 301)   # a handful of rows per strip
    for factor, budget in ((1, None), (3, 301 * 203 // 8)):
        decoded = imagedecode.open_bounded(path, budget=budget)
        assert decoded.method == "strips" and round(decoded.factor) == factor
        ref = pillow_reference(path, factor)
        assert decoded.image.mode == ref.mode and decoded.image.size == ref.size
        assert decoded.image.tobytes() == ref.tobytes()


def test_a_16000_px_png_with_alpha_is_decoded_in_strips_within_a_few_hundred_mb(tmp_path):
    """The picture of the issue, in a process of its own: the court PDF's image is reduced while it is
    decoded (the decoded size says the bounded path was taken) and the process's peak stays small."""
    path = tmp_path / "huge.png"
    write_big_png(path, 16000)
    code = f"""
import json, sys
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from app.core import pdfimages
from app.core.export.imaging import open_upright
def peak():
    return int(next(l for l in Path('/proc/self/status').read_text().splitlines() if l.startswith('VmHWM')).split()[1]) // 1024
base = peak()
xo, orientation = pdfimages.make_xobject({str(path)!r})
court = peak()
Path('/proc/self/clear_refs').write_text('5')
packed = open_upright({str(path)!r}, 1, target_side=4096)
print(json.dumps({{"base": base, "court": court, "pack": peak(), "xo": [xo.width, xo.height, xo.method],
                  "packed": list(packed.size)}}))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout.strip().splitlines()[-1])
    width, height, method = got["xo"]
    assert method == "flate" and width * height <= imagedecode.OUTPUT_PIXELS and width >= 4000, got
    assert got["packed"][0] >= 4096 and got["packed"][0] * got["packed"][1] <= imagedecode.OUTPUT_PIXELS, got
    # whole, this picture is 1 GB decoded (and 4.7 GB went by in the export before)
    assert got["court"] - got["base"] < 500 and got["pack"] < 600, got


def test_jpeg_is_scaled_by_its_decoder(tmp_path, monkeypatch):
    path = tmp_path / "photo.jpg"
    noise_image((4000, 3000), seed=2).save(path, quality=80)
    decoded = imagedecode.open_bounded(path, budget=1_000_000)
    assert decoded.method == "draft" and decoded.image.width * decoded.image.height <= 1_000_000
    assert decoded.image.size == (1000, 750)                  # 1/4 by DCT scaling, nothing decoded larger
    assert imagedecode.open_bounded(path, max_side=1500).image.size == (2000, 1500)  # 1/2 keeps 1500
    xo, _ = pdfimages.make_xobject(path)
    assert xo.passthrough and xo.method == "jpeg"             # the court PDF still takes the bytes as they are
    monkeypatch.setattr(pdfimages, "PASSTHROUGH_BYTES", 1000)  # a file too big to hold: decoded, reduced, JPEG
    monkeypatch.setattr(imagedecode, "OUTPUT_PIXELS", 1_000_000)
    xo, _ = pdfimages.make_xobject(path)
    assert not xo.passthrough and xo.method == "jpeg-reencoded" and (xo.width, xo.height) == (1000, 750)


def test_a_huge_picture_that_cannot_be_reduced_while_decoding_is_refused_in_words(tmp_path, monkeypatch):
    """A WebP (or TIFF, HEIC ...) beyond WHOLE_PIXELS is not decoded: the court PDF says so on the
    exhibit's page, the pack gives the reason; the original travels unchanged."""
    src = tmp_path / "ev" / "IMG_20250305_120000.webp"
    src.parent.mkdir()
    noise_image((640, 480), seed=9).save(src, "WEBP", quality=70)
    monkeypatch.setattr(imagedecode, "WHOLE_PIXELS", 100_000)
    monkeypatch.setattr(imagedecode, "OUTPUT_PIXELS", 100_000)
    with pytest.raises(imagedecode.TooLarge):
        imagedecode.open_bounded(src)
    with pytest.raises(imagedecode.TooLarge):
        open_upright(src, 1, target_side=4096)
    with Case.create(tmp_path / "case", "大图") as case:
        list(Importer(case, durable=False).import_paths([src]))
        result = export_court(case, tmp_path / "out" / "证据清单.pdf")
        from app.core.channels import channel
        from app.core.export.packs import exhibit_units

        units, reason = exhibit_units(case, case.exhibits()[0], channel("jd"))
    assert units is None and "尺寸过大（640×480 像素）" in reason and "too large (640x480 pixels)" in reason.render("en")
    from pypdf import PdfReader

    text = "".join(page.extract_text() or "" for page in PdfReader(str(result.pdf_path)).pages)
    assert "此图片尺寸过大（640×480 像素" in text.replace("\n", "")
    assert [n["code"] for n in result.notices if n["number"] == "1"][:1] == ["export_notice_too_large"]
