"""Ingest benchmark: N generated phone screenshots and photos (PNG and JPEG, 1080x2400) imported into
a new case, against the floor of `cp` + `sha256sum` of the same files, in the same run.

    python bench/ingest.py [--n 1000] [--keep DIR]

Target (issue 2): ingest <= 1.3x the floor.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image  # noqa: E402

from bench.synthetic import chat_screenshot  # noqa: E402

from app.core.ingest import Importer, summarize  # noqa: E402
from app.core.store import Case  # noqa: E402


def make_files(folder: Path, n: int) -> int:
    """Screenshot-like images: a status bar, bubbles of 'text', some photo noise. Returns total bytes."""
    rng = random.Random(42)
    noise = Image.frombytes("RGB", (1080, 600), rng.randbytes(1080 * 600 * 3))
    total = 0
    for i in range(n):
        im = chat_screenshot(rng)
        if i % 4 == 3:  # a product photo region
            im.paste(noise, (0, 1700))
        if i % 2:
            path = folder / f"Screenshot_20250305_{i // 60 % 24:02d}{i % 60:02d}{i % 60:02d}_com.jingdong.app.mall.jpg"
            path = path.with_name(f"{i:04d}_" + path.name)
            im.save(path, quality=90)
        else:
            path = folder / f"{i:04d}_Screenshot_20250305-{i // 60 % 24:02d}{i % 60:02d}{i % 60:02d}.png"
            im.save(path, compress_level=6)
        total += path.stat().st_size
    return total


def floor(src: Path, work: Path) -> float:
    dst = work / "floor"
    if dst.exists():
        shutil.rmtree(dst)
    start = time.perf_counter()
    subprocess.run(["cp", "-r", str(src), str(dst)], check=True)
    files = sorted(str(p) for p in dst.iterdir())
    for i in range(0, len(files), 500):  # xargs-style batches
        subprocess.run(["sha256sum", *files[i:i + 500]], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    shutil.rmtree(dst)
    return elapsed


def ingest(src: Path, work: Path, durable: bool) -> tuple[float, dict]:
    case_dir = work / f"case-{'durable' if durable else 'fast'}"
    if case_dir.exists():
        shutil.rmtree(case_dir)
    start = time.perf_counter()
    with Case.create(case_dir, "bench") as case:
        outcomes = list(Importer(case, via="bench", durable=durable).import_paths([src]))
    elapsed = time.perf_counter() - start
    return elapsed, summarize(outcomes)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temp folder, removed)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="eb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    src = work / "src"
    if not src.exists() or len(list(src.iterdir())) != args.n:
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir()
        t = time.perf_counter()
        size = make_files(src, args.n)
        print(f"generated {args.n} files, {size / 1e6:.1f} MB, in {time.perf_counter() - t:.1f} s")
    size = sum(p.stat().st_size for p in src.iterdir())
    for p in src.iterdir():  # warm the page cache for every contender alike
        p.read_bytes()
    # This machine's disk timings swing by +-40% from one run to the next, so each contender runs
    # `--rounds` times, interleaved, and the medians are compared.
    floors, durables, fasts = [], [], []
    counts = {}
    for _ in range(args.rounds):
        floors.append(floor(src, work))
        t, counts = ingest(src, work, durable=True)
        durables.append(t)
        fasts.append(ingest(src, work, durable=False)[0])
    base, t_durable, t_fast = (statistics.median(x) for x in (floors, durables, fasts))

    def runs(xs):
        return " / ".join(f"{x:.2f}" for x in xs)

    print(f"files: {args.n}, {size / 1e6:.1f} MB; imported {counts['imported']}, duplicates {counts['duplicate']}, "
          f"skipped {counts['skipped']}, refused {counts['refused']}; medians of {args.rounds} interleaved rounds")
    print(f"floor cp + sha256sum:                         {base:6.2f} s   (runs: {runs(floors)})")
    print(f"ingest, durable (one syncfs per batch of 64): {t_durable:6.2f} s   ratio {t_durable / base:.2f}x"
          f"   (runs: {runs(durables)})")
    print(f"ingest, no sync (like cp):                    {t_fast:6.2f} s   ratio {t_fast / base:.2f}x"
          f"   (runs: {runs(fasts)})")
    print(f"per file: {t_durable / args.n * 1000:.1f} ms durable, {t_fast / args.n * 1000:.1f} ms without sync")
    print("target: ingest <= 1.3x floor")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
