"""Pack benchmark (issue 13): the platform pack and the public pack (with redaction) against the court
export, in one run: seconds and peak memory (RSS) of each, every export in a fresh process so the
peaks do not mask each other.

    python bench/packs.py [--n 200] [--memory-n 1000]

The OCR a public pack needs for pictures not read yet runs in the reading worker process (app/core/read/
worker.py), whose peak is printed beside the export's: it does not grow with the case either (one
picture at a time).

Targets: export memory does not grow with the case: court, platform and public exports of 1,000
exhibits each stay under 300 MB peak.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build_case(work: Path, n: int) -> Path:
    from bench.synthetic import chat_screenshot
    from PIL import ImageDraw

    from app.core.export.imaging import font
    from app.core.ingest import Importer
    from app.core.store import Case

    src = work / "src"
    src.mkdir(parents=True)
    rng = random.Random(5)
    paths = []
    f = font(40)
    for i in range(n):
        im = chat_screenshot(rng, 6000 if i % 10 == 9 else 2400)
        draw = ImageDraw.Draw(im)                    # some personal data for the public pack to find
        draw.rectangle((0, 100, 1080, 260), fill="white")
        draw.text((40, 110), f"收货人：王小明 1381234{i:04d}", fill="black", font=f)
        draw.text((40, 180), "收货地址：浙江省杭州市西湖区文三路123号", fill="black", font=f)
        path = src / f"Screenshot_20250305-1{i // 60 % 10}{i % 60:02d}00_{i:04d}.{'jpg' if i % 2 else 'png'}"
        im.save(path, quality=88) if i % 2 else im.save(path, compress_level=6)
        paths.append(path)
    case_dir = work / "case"
    with Case.create(case_dir, "基准测试案件", claimant_name="王小明", platform="京东") as case:
        list(Importer(case, durable=False).import_paths(paths))
    shutil.rmtree(src)
    return case_dir


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from app.core.store import Case
from app.core.channels import channel
mode, case_dir, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
with Case.open(case_dir) as case:
    start = time.perf_counter()
    if mode == "warm":                     # read the pictures the public pack will paint (as the app does after import)
        from app.core.export.packs import preview_pack
        from app.core.read import reader
        for row, page in preview_pack(case, "public", channel("heimao")).redact:
            if page == 0:
                reader.lines(case, row["id"])
        what = "OCR cache filled"
    elif mode == "court":
        from app.core.export import export_court
        r = export_court(case, out / "证据清单.pdf")
        what = f"{{r.pages}} pages"
    else:
        from app.core.export.packs import build_pack
        cid = {{"platform": "jd", "public": "heimao"}}[mode]
        r = build_pack(case, out / f"{{mode}}-{{time.time_ns()}}", mode, channel(cid))
        what = f"{{len(r.files)}} files, {{sum(f.redacted for f in r.files)}} redacted"
    seconds = time.perf_counter() - start
from app.core.read import worker             # the OCR worker process, if the export needed one
pid, worker_mb = worker.shared().pid, None
if pid:
    try:
        worker_mb = next(int(l.split()[1]) / 1024 for l in open(f"/proc/{{pid}}/status") if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
print(json.dumps({{"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "what": what, "worker_mb": worker_mb}}))
"""


def run(mode: str, case_dir: Path, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), mode, str(case_dir), str(out)],
                          capture_output=True, text=True, timeout=3600)
    if done.returncode:
        raise SystemExit(f"{mode} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--memory-n", type=int, default=1000, help="case size for the memory check (0: skip)")
    ap.add_argument("--modes", default="court,platform,public,warm,public",
                    help="court, platform, public; warm reads the public pack's pictures first (OCR cache), "
                         "so the public run after it shows the pack without the OCR engine loaded")
    args = ap.parse_args()
    print(f"load average before: {os.getloadavg()}")
    work = Path(tempfile.mkdtemp(prefix="eb-packs-"))
    try:
        for n in [args.n] + ([args.memory_n] if args.memory_n else []):
            t0 = time.perf_counter()
            case_dir = build_case(work / f"n{n}", n)
            print(f"\n{n} screenshots (1080x2400, every 10th 1080x6000), made and imported in "
                  f"{time.perf_counter() - t0:.0f} s")
            for mode in args.modes.split(","):
                r = run(mode, case_dir, work / f"n{n}" / "out")
                worker_mb = f", OCR worker {r['worker_mb']:.0f} MB" if r.get("worker_mb") else ""
                print(f"  {mode:9s} {r['seconds']:7.2f} s  peak {r['peak_mb']:6.0f} MB  ({r['what']}{worker_mb})"
                      + ("  [target < 300 MB]" if n >= 1000 else ""))
            shutil.rmtree(work / f"n{n}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
