"""Realistic cases for the channel packs on other platforms (issue 13): a Taobao, a Pinduoduo and a
Douyin dispute rendered with bench/screens.py, each with the buyer's name, phone and address on its
order page, a courier's phone on the logistics page, a refusal, a long chat, a payment and a photo.

    python bench/pack_cases.py OUT_DIR [--platforms taobao,pdd,douyin] [--read] [--packs] [--look]

--read reads every exhibit (OCR), --packs exports the platform and public packs and checks each
against its channel's limits, --look writes a small PNG of every pack image to OUT_DIR/look/ to view.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import screens  # noqa: E402

BUYER = ("李晓燕", "13957124680", "浙江省杭州市西湖区文三路 478 号华星时代广场 3 幢 1702 室")
PAY = {"taobao": screens.alipay_payment, "pdd": screens.wechat_payment, "douyin": screens.alipay_payment,
       "jd": screens.wechat_payment}
SHOP = {"taobao": "九阳官方旗舰店", "pdd": "优品家居专营店", "douyin": "小鹿生活小店", "jd": "禾丰小家电旗舰店"}


def files_for(platform: str, seed: int = 5) -> dict[str, object]:
    """File name -> (image or bytes, truth) of one dispute on `platform`."""
    rng = random.Random(seed)
    amount = {"taobao": "259.00", "pdd": "89.90", "douyin": "128.00", "jd": "399.00"}[platform]
    return {
        "Screenshot_20250410-203300.png": screens.order_page(platform, rng, shop=SHOP[platform], amount=amount,
                                                              receiver=BUYER),
        "Screenshot_20250410-203500.png": PAY[platform](rng, amount=amount),
        "Screenshot_20250415-103100.png": screens.refusal_chat(rng, shop=SHOP[platform]),
        "Screenshot_20250412-160200.png": screens.logistics_page(rng),
        "Screenshot_20250521-214000.png": screens.long_chat(rng),
        "Screenshot_20250305-144500.png": screens.aftersales_page(rng),
        "IMG_20250413_190211.jpg": screens.photo(rng),
    }


def build(out: Path, platform: str):
    """A case at out/<platform> holding the files (a fresh one each time)."""
    from app.core.ingest import Importer
    from app.core.store import Case

    src = out / f"{platform}-files"
    src.mkdir(parents=True, exist_ok=True)
    truths = {}
    for name, item in files_for(platform).items():
        screens.save(item, src / name)
        truths[name] = item[1]
    case = Case.create(out / platform, title=f"{platform} 退款纠纷")
    list(Importer(case).import_paths([str(src)]))
    case.db["case_info"].update(1, {"claimant_name": BUYER[0], "platform": platform})
    return case, truths


def check(result, ch) -> list[str]:
    """What in a pack breaks its channel's limits."""
    from PIL import Image

    problems = []
    images = [f for f in result.files if f.role == "image"]
    if ch.value("image_count") and len(images) > ch.value("image_count"):
        problems.append(f"{len(images)} images > {ch.value('image_count')}")
    total = 0
    for f in images:
        total += f.size
        if ch.value("image_bytes") and f.size > ch.value("image_bytes"):
            problems.append(f"{f.file}: {f.size} bytes")
        with Image.open(result.folder / f.file) as im:
            if max(im.size) > ch.value("image_max_side_px"):
                problems.append(f"{f.file}: {im.size}")
            if min(im.size) < ch.value("image_min_side_px"):
                problems.append(f"{f.file}: {im.size} under the minimum side")
            if im.getexif():
                problems.append(f"{f.file}: EXIF")
    if ch.value("total_bytes") and total > ch.value("total_bytes"):
        problems.append(f"total {total} > {ch.value('total_bytes')}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--platforms", default="taobao,pdd,douyin")
    ap.add_argument("--read", action="store_true")
    ap.add_argument("--packs", action="store_true")
    ap.add_argument("--look", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    from app.core.channels import channel
    from app.core.export.packs import build_pack

    report = {}
    for platform in args.platforms.split(","):
        case, truths = build(out, platform)
        if args.read:                            # as a user would: names and categories from the reading
            import subprocess

            case.close()
            subprocess.run([sys.executable, "-m", "app", "read", str(case.root)], check=True,
                           stdout=subprocess.DEVNULL)
            from app.core.store import Case

            case = Case.open(case.root)
        if args.packs:
            for profile, cid in (("platform", platform), ("public", "heimao")):
                ch = channel(cid)
                result = build_pack(case, out / f"{platform}-{profile}", profile, ch)
                problems = check(result, ch)
                report[f"{platform}-{profile}"] = {
                    "images": [f.file for f in result.files if f.role == "image"],
                    "bytes": sum(f.size for f in result.files), "problems": problems,
                    "left_out": [f"{i['exhibit']} {i['reason']}" for i in result.left_out],
                    "adjustments": list(result.adjustments)}
                if args.look:
                    from PIL import Image

                    look = out / "look"
                    look.mkdir(exist_ok=True)
                    for f in result.files:
                        if f.role == "image":
                            with Image.open(result.folder / f.file) as im:
                                im.thumbnail((900, 900))
                                im.save(look / f"{platform}-{profile}-{f.file.split('_')[0]}.png")
        case.close()
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if any(r["problems"] for r in report.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
