"""Watch latency benchmark: files written into a watched folder at a steady rate, then a burst of 1,000.

Latency runs from the moment a file is closed to the moment its exhibit is committed. Reports p50/p95,
and counts of imported, missed and doubled files.

    python bench/watch_latency.py [--steady 60] [--rate 5] [--burst 1000] [--quiet 1.0] [--polling SECONDS]

Targets (issue 3): steady p95 <= quiet window + 0.5 s; burst: 1,000 imported, 0 missed, 0 twice.
"""
from __future__ import annotations

import argparse
import io
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image  # noqa: E402

from app.core.store import Case  # noqa: E402
from app.core.watch import WatchedFolder, Watcher  # noqa: E402


def screenshot_bytes(rng: random.Random, size=(1080, 2400)) -> bytes:
    im = Image.new("RGB", size, (245, 245, 245))
    im.paste(Image.frombytes("RGB", (size[0], 200), rng.randbytes(size[0] * 200 * 3)), (0, rng.randint(0, size[1] - 200)))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]




def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steady", type=int, default=60, help="files written at a steady rate")
    ap.add_argument("--rate", type=float, default=5.0, help="files per second in the steady phase")
    ap.add_argument("--burst", type=int, default=1000)
    ap.add_argument("--quiet", type=float, default=1.0)
    ap.add_argument("--polling", type=float, default=None)
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="eb-watch-"))
    folder = work / "DCIM"
    folder.mkdir()
    rng = random.Random(7)
    closed_at: dict[str, float] = {}
    committed: dict[str, list[float]] = {}
    not_imported: dict[str, str] = {}
    lock = threading.Lock()

    def on_outcome(outcome):
        t = time.perf_counter()
        with lock:
            if outcome.status == "imported":
                committed.setdefault(outcome.path, []).append(t)
            else:  # a second look at an already imported file would show up here
                not_imported[outcome.path] = outcome.status
                if outcome.path in committed:
                    committed[outcome.path].append(t)

    with Case.create(work / "case", "bench") as case:
        watcher = Watcher(case, [WatchedFolder(str(folder), quiet_window=args.quiet, polling_interval=args.polling)],
                          on_outcome=on_outcome)
        watcher.start()
        time.sleep(0.5)

        def write(i: int, data: bytes) -> None:
            path = folder / f"Screenshot_20250305-{i // 3600 % 24:02d}{i // 60 % 60:02d}{i % 60:02d}_{i:05d}.jpg"
            with open(path, "wb") as fh:
                fh.write(data)
            closed_at[str(path)] = time.perf_counter()

        def phase(label: str, indices: range, delay: float, payloads: list[bytes]) -> None:
            start = time.perf_counter()
            for n, i in enumerate(indices):
                write(i, payloads[n])
                if delay:
                    time.sleep(delay)
            written = time.perf_counter() - start
            paths = [p for p in closed_at if int(p.rsplit("_", 1)[1][:5]) in indices]
            deadline = time.perf_counter() + 120
            while time.perf_counter() < deadline:
                with lock:
                    if all(p in committed for p in paths):
                        break
                time.sleep(0.05)
            time.sleep(max(2.0, args.quiet * 2))  # a late second import would show up as doubled
            with lock:
                lat = [committed[p][0] - closed_at[p] for p in paths if p in committed]
                missed = sum(1 for p in paths if p not in committed)
                doubled = sum(1 for p in paths if len(committed.get(p, [])) > 1)
                other = sum(1 for p in paths if p in not_imported and p not in committed)
            print(f"{label}: {len(paths)} files written in {written:.1f} s; imported {len(lat)}, missed {missed}, "
                  f"doubled {doubled}, other outcomes {other}")
            if lat:
                print(f"  latency close -> commit: p50 {statistics.median(lat):.2f} s, p95 {pct(lat, 95):.2f} s, "
                      f"max {max(lat):.2f} s (quiet window {args.quiet:.1f} s, target p95 <= {args.quiet + 0.5:.1f} s)")

        steady_payloads = [screenshot_bytes(rng) for _ in range(args.steady)]
        burst_payloads = [screenshot_bytes(rng, (720, 1600)) for _ in range(args.burst)]
        mode = f"polling every {args.polling} s" if args.polling else "native events"
        print(f"watching {folder} ({mode})")
        phase(f"steady {args.rate:g}/s", range(0, args.steady), 1 / args.rate, steady_payloads)
        phase("burst", range(10000, 10000 + args.burst), 0, burst_payloads)
        watcher.stop()
        print(f"exhibits in case: {len(case.exhibits())}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
