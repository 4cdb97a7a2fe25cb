"""Export benchmark: 200 exhibits (JPEG and PNG phone screenshots, some long) exported as the court PDF,
against img2pdf on the same images, in the same run.

    python bench/export.py [--n 200] [--long-every 10]

Targets (issue 4): time <= 1.5x img2pdf; size <= 1.05x img2pdf's plus the index pages.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import img2pdf  # noqa: E402

from bench.synthetic import chat_screenshot  # noqa: E402

from app.core.export import export_court  # noqa: E402
from app.core.ingest import Importer  # noqa: E402
from app.core.store import Case  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--long-every", type=int, default=10, help="every k-th screenshot is 1080x6000")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eb-export-"))
    src = work / "src"
    src.mkdir()
    rng = random.Random(3)
    paths = []
    for i in range(args.n):
        im = chat_screenshot(rng, 6000 if i % args.long_every == args.long_every - 1 else 2400)
        if i % 2:
            path = src / f"Screenshot_20250305-1{i // 60 % 10}{i % 60:02d}00_{i:03d}.jpg"
            im.save(path, quality=88)
        else:
            path = src / f"Screenshot_20250305-1{i // 60 % 10}{i % 60:02d}00_{i:03d}.png"
            im.save(path, compress_level=6)
        paths.append(path)
    with Case.create(work / "case", "基准测试案件") as case:
        list(Importer(case, durable=False).import_paths(paths))
        order = [case.original_path(r["sha256"], r["ext"]) for r in case.exhibits()]
        start = time.perf_counter()
        with open(work / "img2pdf.pdf", "wb") as fh:
            fh.write(img2pdf.convert([str(p) for p in order]))
        t_img2pdf = time.perf_counter() - start
        start = time.perf_counter()
        result = export_court(case, work / "out" / "证据清单.pdf")
        t_ours = time.perf_counter() - start
    size_img2pdf = (work / "img2pdf.pdf").stat().st_size
    size_ours = result.pdf_path.stat().st_size
    exhibit_pages = sum(e["last_page"] - e["first_page"] + 1 for e in result.exhibits)
    own_pages = result.pages - exhibit_pages
    print(f"{args.n} exhibits ({sum(1 for p in paths if p.suffix == '.png')} PNG, "
          f"{sum(1 for p in paths if p.suffix == '.jpg')} JPEG, every {args.long_every}th 1080x6000)")
    print(f"img2pdf: {t_img2pdf:6.2f} s, {size_img2pdf / 1e6:7.2f} MB, {args.n} pages")
    print(f"ours:    {t_ours:6.2f} s, {size_ours / 1e6:7.2f} MB, {result.pages} pages "
          f"({exhibit_pages} exhibit pages, {own_pages} cover/index/appendix pages)")
    print(f"time ratio {t_ours / t_img2pdf:.2f}x (target <= 1.5x)")
    extra = size_ours - size_img2pdf
    print(f"size ratio {size_ours / size_img2pdf:.3f}x; ours - img2pdf = {extra / 1e3:.0f} kB for {own_pages} pages of "
          f"our own plus headers, stamps, page numbers and the embedded font subset "
          f"(target <= 1.05x + index pages)")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
