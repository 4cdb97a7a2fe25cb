"""OCR benchmark: our settings against the engine's defaults, in the same run, interleaved.

    python -m bench.ocr [--n 50] [--long 3] [--gui 0]

Renders N app-like 1080x2400 screenshots (bench/screens.py: order pages of four platforms, WeChat and
Alipay records, refusal chat, logistics, after-sales, 12315 receipt) with known text, then reads each
with two worker processes, one per setting, taking turns (the order swaps every screenshot), so
machine load hits both alike. Prints per setting: median and mean seconds per screenshot, character
accuracy (characters of the drawn text found in order, whitespace ignored), the share of the
screenshots' facts found, and each worker's peak resident memory. --long adds 1080x5400 chats.
--gui N reads N screenshots with the app's background reader while a Qt timer on the GUI thread
measures its longest stall, once reading in a thread of the app's process (as before the reading
worker) and once in the reading worker process, each in a fresh process: seconds, the longest and the
99th-percentile stall beyond the 10 ms tick, the app process's peak memory and the worker's.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def worker(settings: str) -> None:
    """Read picture paths from stdin; answer one JSON line each: seconds, text, facts."""
    import resource

    from PIL import Image

    from app.core.read.engine import engine
    from app.core.read.facts import extract

    eng = engine(settings)
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        with Image.open(path) as im:
            im.load()
            t = time.perf_counter()
            lines = eng.read_image(im)
            dt = time.perf_counter() - t
        facts = extract(lines).to_json()
        rss = _peak_mb(os.getpid()) or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # see gui_run
        print(json.dumps({"s": dt, "text": "\n".join(l.text for l in lines), "facts": facts, "rss_mb": rss},
                         ensure_ascii=False), flush=True)


def char_accuracy(truth: str, found: str) -> float:
    a = "".join(truth.split())
    b = "".join(found.split())
    if not a:
        return 1.0
    matched = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched / len(a)


FACT_KEYS = ("order_numbers", "amounts", "merchants", "datetimes", "phones", "trade_numbers", "waybills",
             "service_numbers", "complaint_numbers", "refusal_reasons")


def facts_found(truth: dict, facts: dict) -> tuple[int, int]:
    want = got = 0
    for key in FACT_KEYS:
        values = [i["value"] for i in facts.get(key, [])]
        for expected in truth.get(key, []):
            want += 1
            got += any(expected in v for v in values) if key == "refusal_reasons" else expected in values
    return got, want


def start(settings: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bench.ocr", "--worker", settings], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, encoding="utf-8", bufsize=1)


def ask(proc: subprocess.Popen, path: Path) -> dict:
    proc.stdin.write(str(path) + "\n")
    proc.stdin.flush()
    return json.loads(proc.stdout.readline())


def compare(items, folder: Path, label: str) -> None:
    paths = []
    for i, (image, truth) in enumerate(items):
        path = folder / f"{label}{i:03d}.png"
        image.save(path)
        paths.append((path, truth))
    procs = {"default": start("default"), "tuned": start("tuned")}
    warm = paths[0][0]
    for proc in procs.values():       # model loading and the first run are not what we measure
        ask(proc, warm)
    results = {name: [] for name in procs}
    for i, (path, truth) in enumerate(paths):
        order = ("default", "tuned") if i % 2 == 0 else ("tuned", "default")
        for name in order:
            r = ask(procs[name], path)
            r["acc"] = char_accuracy(truth["text"], r["text"])
            r["facts_found"] = facts_found(truth, r["facts"])
            results[name].append(r)
    for proc in procs.values():
        proc.stdin.close()
        proc.wait()
    print(f"\n{label}: {len(paths)} pictures of {items[0][0].size[0]}x{items[0][0].size[1]}")
    print(f"{'settings':<9} {'median s':>9} {'mean s':>8} {'char acc':>9} {'facts':>9} {'peak MB':>8}")
    for name, rows in results.items():
        secs = [r["s"] for r in rows]
        acc = sum(r["acc"] for r in rows) / len(rows)
        got = sum(r["facts_found"][0] for r in rows)
        want = sum(r["facts_found"][1] for r in rows)
        peak = max(r["rss_mb"] for r in rows)
        print(f"{name:<9} {statistics.median(secs):>9.2f} {statistics.mean(secs):>8.2f} {acc:>9.2%} "
              f"{got:>4}/{want:<4} {peak:>8.0f}")


def gui_stalls(n: int, folder: Path) -> None:
    """The GUI-thread stall and memory while n screenshots are read in the background, reading in a
    thread of the window's process (before) and in the reading worker process (now), each in a fresh
    process, in one run."""
    pics = folder / "gui"
    pics.mkdir()
    from bench.screens import bench_set
    for i, (image, _) in enumerate(bench_set(n, seed=11)):
        image.save(pics / f"Screenshot_2025030{i % 9 + 1}-1{i % 6}0000_{i}.png")
    print(f"\nGUI thread while {n} screenshots are read in the background (10 ms timer):")
    print(f"{'reading in':<16} {'seconds':>8} {'ticks':>7} {'stall ms':>9} {'p99 ms':>7} {'app MB':>7} {'worker MB':>10}")
    for mode in ("thread", "process"):
        env = dict(os.environ, EVIDENCE_BINDER_OCR_PROCESS="0" if mode == "thread" else "1")
        out = subprocess.run([sys.executable, __file__, "--gui-run", str(pics), "--gui-case", str(folder / f"case-{mode}")],
                             env=env, capture_output=True, text=True)
        if out.returncode != 0:
            print(mode, "failed:", out.stderr[-2000:])
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        label = "app thread" if mode == "thread" else "worker process"
        print(f"{label:<16} {r['seconds']:>8.1f} {r['ticks']:>7} {r['worst']:>9} {r['p99']:>7} {r['app_mb']:>7.0f} "
              + (f"{r['worker_mb']:>10.0f}" if r['worker_mb'] is not None else f"{'-':>10}"))


def _peak_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def gui_run(pics: Path, root: Path) -> None:
    import resource
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from app.core.ingest import Importer
    from app.core.read import worker
    from app.core.store import Case
    from app.ui.reading import ReadingController

    app = QApplication.instance() or QApplication([])
    case = Case.create(root, "bench")
    list(Importer(case, via="cli").import_paths([str(pics)]))
    controller = ReadingController()
    clock, gaps = QElapsedTimer(), []
    clock.start()

    def tick():
        gaps.append(clock.restart() - 10)
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    done, worker_peak = [], [None]
    controller.finished.connect(lambda: done.append(1))

    def sample():
        pid = worker.shared().pid if not worker.in_process() else None
        if pid:
            peak = _peak_mb(pid)
            if peak:
                worker_peak[0] = max(worker_peak[0] or 0, peak)
    sampler = QTimer()
    sampler.timeout.connect(sample)
    sampler.start(500)
    t = time.perf_counter()
    controller.start(case)
    while not done:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - t
    sample()
    controller.shutdown()
    case.close()
    gaps.sort()
    print(json.dumps({"seconds": elapsed, "ticks": len(gaps), "worst": gaps[-1] if gaps else 0,
                      "p99": gaps[int(len(gaps) * 0.99)] if gaps else 0,
                      # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec, so a child
                      # would report this benchmark's own memory (200 pictures held) as its peak
                      "app_mb": _peak_mb(os.getpid()) or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_mb": worker_peak[0]}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--long", type=int, default=3)
    parser.add_argument("--gui", type=int, default=0)
    parser.add_argument("--gui-run")
    parser.add_argument("--gui-case")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.gui_run:
        gui_run(Path(args.gui_run), Path(args.gui_case))
        return
    import random

    from bench.screens import bench_set, long_chat

    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.n:
            compare(bench_set(args.n), folder, "screenshot")
        if args.long:
            compare([long_chat(random.Random(100 + i)) for i in range(args.long)], folder, "long")
        if args.gui:
            gui_stalls(args.gui, folder)
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
