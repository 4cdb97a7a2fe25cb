"""The packs generalise beyond JD: a Taobao, a Pinduoduo and a Douyin dispute (screens rendered by
bench/screens.py, as bench/pack_cases.py builds them) through the platform and the public pack, each
within its channel's limits; on the public pack the buyer's name, phone and address, the courier's
phone and the full order and waybill numbers are unreadable to the OCR engine."""
from __future__ import annotations

import json
import re

import pytest
from PIL import Image

from app.core import channels
from app.core.export import packs
from bench import pack_cases


@pytest.fixture(scope="module")
def ocr():
    from app.core.read import engine

    return engine.engine()


def _case(tmp_path, case, importer, platform, only=None):
    src = tmp_path / "src"
    src.mkdir()
    truths = {}
    for name, item in pack_cases.files_for(platform).items():
        if only and name not in only:
            continue
        pack_cases.screens.save(item, src / name)
        truths[name] = item[1]
    list(importer.import_paths([str(src)]))
    case.db["case_info"].update(1, {"claimant_name": pack_cases.BUYER[0], "platform": platform})
    return truths


@pytest.mark.parametrize("platform", ["taobao", "pdd", "douyin"])
def test_platform_and_public_packs_stay_within_their_channels_limits(tmp_path, case, importer, platform, monkeypatch):
    # limits only: no reading (the public pack then paints nothing; the next test reads)
    monkeypatch.setattr(packs.Redactor, "_lines", lambda self, row, im, page: ([], im.size))
    _case(tmp_path, case, importer, platform)
    for profile, cid in (("platform", platform), ("public", "heimao")):
        ch = channels.channel(cid)
        result = packs.build_pack(case, tmp_path / f"{platform}-{profile}", profile, ch)
        assert pack_cases.check(result, ch) == []
        images = [f for f in result.files if f.role == "image"]
        assert len(images) == ch.value("image_count")        # 7 exhibits: the pack is full
        assert {i["exhibit"] for i in result.left_out}            # and says what it left out
        for f in images:
            with Image.open(result.folder / f.file) as im:
                assert im.height <= 2.5 * im.width, (f.file, im.size)   # no sliver many screens tall
        manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
        assert packs.verify_pack(result.folder, manifest) == []


@pytest.mark.parametrize("platform", ["taobao", "pdd", "douyin"])
def test_public_pack_hides_the_buyer_on_every_platform(tmp_path, case, importer, platform, ocr):
    order, logistics = "Screenshot_20250410-203300.png", "Screenshot_20250412-160200.png"
    truths = _case(tmp_path, case, importer, platform, only={order, logistics} if platform == "pdd" else {order})
    result = packs.build_pack(case, tmp_path / "public", "public", channels.channel("heimao"))
    name, phone, address = pack_cases.BUYER
    secrets = [name, phone, address.replace(" ", "")[6:14], address.replace(" ", "")[-6:]]
    secrets += [truths[order]["order_numbers"][0].replace("-", "")]
    if logistics in truths:
        secrets += truths[logistics]["phones"] + truths[logistics]["waybills"]
    images = [f for f in result.files if f.role == "image"]
    assert len(images) == len(truths) and all(f.redacted for f in images)
    for f in images:
        with Image.open(result.folder / f.file) as im:
            text = re.sub(r"[\s-]+", "", "".join(ln.text for ln in ocr.read_image(im.convert("RGB"))))
        for secret in secrets:
            assert secret not in text, f"{secret} readable in {f.file}: {text}"
        if f.exhibit == str(next(r["number"] for r in case.exhibits() if r["original_name"] == order)):
            assert truths[order]["amounts"][0] in text                # the point stays readable
