"""The public complaint pack (黑猫投诉): every phone number, address, ID number and name painted out,
proved by reading the pack's images again with the OCR engine; metadata stripped; original untouched."""
from __future__ import annotations

import hashlib
import json
import re

import pytest
from PIL import Image, ImageDraw

from app.core import channels
from app.core.export import packs, redact
from app.core.export.imaging import font

SECRETS = {
    "mobile": "13812345678",
    "name": "王小明",
    "address": "文三路123号",
    "id_card": "110101199003071234",
    "landline": "0571-88886666",
}
KEEP = ["399.00", "已拆封影响二次销售"]          # the point of the complaint must stay readable
ORDER = "312345678905946"


def render_order_page(path):
    """An order-detail screen as a phone shows it, with the buyer's personal data on it."""
    im = Image.new("RGB", (1080, 2000), (245, 245, 245))
    d = ImageDraw.Draw(im)
    f, small = font(44), font(36)
    d.rectangle((0, 0, 1080, 120), fill=(226, 35, 26))
    d.text((40, 35), "订单详情", fill="white", font=f)
    lines = [
        (f"收货人：{SECRETS['name']} {SECRETS['mobile']}", f),
        ("收货地址：浙江省杭州市西湖区" + SECRETS["address"], small),
        (f"订单编号：{ORDER}", small),
        ("实付款：¥399.00", f),
        (f"身份证号：{SECRETS['id_card']}", small),
        (f"联系电话：{SECRETS['landline']}", small),
        ("客服：商品已拆封影响二次销售，不予退货", small),
    ]
    y = 200
    for text, fnt in lines:
        d.rectangle((20, y - 20, 1060, y + 90), fill="white")
        d.text((50, y), text, fill=(30, 30, 30), font=fnt)
        y += 160
    exif = Image.Exif()
    exif[0x010F] = "Xiaomi"
    exif[0x0110] = "Redmi K70"
    im.save(path, "JPEG", quality=92, exif=exif.tobytes())
    return path


@pytest.fixture(scope="module")
def ocr():
    from app.core.read import engine

    return engine.engine()


def test_public_pack_hides_personal_data_and_ocr_proves_it(tmp_path, case, importer, ocr):
    src = tmp_path / "src"
    src.mkdir()
    render_order_page(src / "Screenshot_20250305-143012.jpg")
    list(importer.import_paths([str(src)]))
    case.db["case_info"].update(1, {"claimant_name": SECRETS["name"]})
    row = case.exhibits()[0]
    original = case.original_path(row["sha256"], row["ext"])
    before = hashlib.sha256(original.read_bytes()).hexdigest()

    result = packs.build_pack(case, tmp_path / "public", "public", channels.channel("heimao"))
    images = [f for f in result.files if f.role == "image"]
    assert images and all(f.redacted for f in images)
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before == row["sha256"]

    for f in images:
        path = result.folder / f.file
        im = Image.open(path)
        assert not im.getexif() and "xmp" not in im.info and "icc_profile" not in im.info
        text = re.sub(r"\s+", "", "".join(line.text for line in ocr.read_image(im.convert("RGB"))))
        for kind, secret in SECRETS.items():
            assert secret not in text, f"{kind} {secret} still readable in {f.file}: {text}"
        assert ORDER not in text                       # half-masked
        for keep in KEEP:
            assert keep in text, f"{keep} was painted out too: {text}"

    # every stored area is a solid fill in the painted picture kept in derived/
    painted = Image.open(case.root / "derived" / "redacted" / f"{row['sha256']}-0.png").convert("RGB")
    areas = redact.stored(case, row["id"], 0)
    assert {a.kind for a in areas} >= {"mobile", "name", "address", "id_card", "landline", "order_number"}
    for a in areas:
        x0, y0, x1, y1 = a.box
        box = (int(x0 * painted.width) + 1, int(y0 * painted.height) + 1,
               int(x1 * painted.width) - 1, int(y1 * painted.height) - 1)
        assert set(painted.crop(box).get_flattened_data()) == {redact.FILL}, a

    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["files"] if e["role"] == "image")
    assert entry["redacted"] is True and entry["source_sha256"] == row["sha256"] != entry["sha256"]
    assert packs.verify_pack(result.folder, manifest) == []
    text_file = (result.folder / "投诉内容.txt").read_text(encoding="utf-8")
    assert SECRETS["mobile"] not in text_file and SECRETS["id_card"] not in text_file

    # a box the user removes stays removed; one they draw is painted next time
    for a in areas:
        if a.kind == "order_number":
            redact.remove(case, a.id)
    redact.add(case, row["id"], (0.0, 0.9, 1.0, 1.0))
    again = packs.build_pack(case, tmp_path / "public2", "public", channels.channel("heimao"))
    assert again.folder != result.folder
    assert {a.kind for a in redact.stored(case, row["id"], 0)} >= {"manual"}
    assert "order_number" not in {a.kind for a in redact.stored(case, row["id"], 0)}


def test_exhibit_names_are_masked_in_public_captions_and_file_names(tmp_path, case, importer, monkeypatch):
    from tests.conftest import make_image

    monkeypatch.setattr(packs.Redactor, "_lines", lambda self, row, im, page: ([], im.size))
    make_image(tmp_path / "a.png", size=(400, 300))
    list(importer.import_paths([str(tmp_path / "a.png")]))
    row = case.exhibits()[0]
    case.db["exhibits"].update(row["id"], {"name": f"{SECRETS['name']}收货信息 {SECRETS['mobile']}"})
    case.db["case_info"].update(1, {"claimant_name": SECRETS["name"]})
    result = packs.build_pack(case, tmp_path / "public", "public", channels.channel("heimao"))
    (image,) = [f for f in result.files if f.role == "image"]
    for secret in (SECRETS["name"], SECRETS["mobile"]):
        assert secret not in image.file and secret not in image.name
    assert "收货信息" in image.file
    platform = packs.build_pack(case, tmp_path / "platform", "platform", channels.channel("jd"))
    assert SECRETS["name"] in [f for f in platform.files if f.role == "image"][0].name   # the platform knows the buyer
