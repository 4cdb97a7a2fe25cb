"""UI open benchmark: a case of 10,000 exhibits; time from open to the first painted table, and peak memory.

    python bench/ui_open.py [--n 10000]

Targets (issue 5): < 1 s to the first painted table, < 300 MB peak.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_case(root: Path, n: int) -> None:
    """n small but real screenshots, imported through the normal ingest."""
    from PIL import Image

    from app.core.ingest import Importer
    from app.core.store import Case

    src = root / "src"
    src.mkdir(parents=True)
    for i in range(n):
        im = Image.new("RGB", (36, 80), ((i * 7) % 256, (i * 13) % 256, (i // 256) % 256))
        im.putpixel((i % 36, (i // 36) % 80), (255, 255, 255))
        im.save(src / f"Screenshot_2025{(i // 28 // 24) % 12 + 1:02d}{i // 24 % 28 + 1:02d}-{i % 24:02d}0000_{i:05d}.png")
    with Case.create(root / "case", "一万项证据的案件") as case:
        list(Importer(case, durable=False).import_paths([src]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eb-ui-"))
    t = time.perf_counter()
    build_case(work, args.n)
    print(f"built a case of {args.n} exhibits in {time.perf_counter() - t:.1f} s")

    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(work / "settings"))
    app = QApplication([])
    from app.ui.main import MainWindow

    window = MainWindow(library=work)
    window.show()
    app.processEvents()
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    painted = {}

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint and window.model.rowCount() > 0 and "t" not in painted:
                painted["t"] = time.perf_counter()
            return super().eventFilter(obj, event)  # not a bare False: PySide6 mis-counts it at exit

    watch = Watch()
    window.table.viewport().installEventFilter(watch)
    start = time.perf_counter()
    window.open_case(work / "case")
    deadline = start + 60
    while "t" not in painted and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    opened = painted.get("t", float("nan")) - start
    # scroll through the table and let thumbnails for the visible rows arrive
    for step in range(0, args.n, max(1, args.n // 20)):
        window.table.scrollTo(window.model.index(step, 0))
        app.processEvents()
    end = time.perf_counter() + 2
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows in the table: {window.model.rowCount()}")
    print(f"open -> first painted table: {opened * 1000:.0f} ms (target < 1000 ms)")
    print(f"peak memory (max RSS): {peak:.0f} MB, of which {base_rss:.0f} MB before opening the case "
          f"(target < 300 MB)")
    window.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    app.processEvents()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
