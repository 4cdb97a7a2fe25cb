"""A big case for the UI benchmarks: n exhibits that are real 1080x2400 phone screenshots.

Drawing and importing 10,000 full-size screenshots takes an hour on this machine, so: `real` distinct
chat screenshots are drawn and imported through the normal ingest (copy, hash, facts); the rest are
made by SQL from those rows, each with its own SHA-256 name, its original a hard link to one of the
real screenshots (same pixels, same bytes on disk), and capture times spread over a year. Every row
the window shows, every thumbnail it makes, is a real 1080x2400 PNG. Built once and kept under
/tmp/eb-ui-case-<n> (reused by later runs; delete it to rebuild).
"""
from __future__ import annotations

import hashlib
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def screenshots(folder: Path, count: int, seed: int = 7, start: int = 0) -> list[Path]:
    from bench.synthetic import chat_screenshot

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    base = datetime(2025, 3, 1, 9, 0)
    for i in range(start, start + count):
        when = base + timedelta(minutes=97 * i)
        path = folder / f"Screenshot_{when:%Y%m%d-%H%M%S}_{i:05d}.png"
        chat_screenshot(rng).save(path, optimize=False, compress_level=1)
        made.append(path)
    return made


def build(n: int = 10000, real: int = 60) -> Path:
    root = Path(f"/tmp/eb-ui-case-{n}")
    case_dir = root / "case"
    if (root / "done").exists():
        return case_dir
    import shutil

    from app.core.ingest import Importer
    from app.core.store import Case, insert_exhibit

    if root.exists():
        shutil.rmtree(root, ignore_errors=True)
    src = root / "src"
    screenshots(src, real)
    with Case.create(case_dir, "一万项证据的案件", platform="jd", ordered_on="2025-03-01",
                     received_on="2025-03-03") as case:
        list(Importer(case, durable=False).import_paths([src]))
        rows = case.exhibits()
        china = timezone(timedelta(hours=8))
        start = datetime(2025, 3, 1, 9, 0, tzinfo=china)
        with case.db.atomic():
            number = len(rows)
            for i in range(n - len(rows)):
                model = dict(rows[i % len(rows)])
                model.pop("id")
                model.pop("sources")
                model.pop("media")
                model.pop("reason_params")
                sha = hashlib.sha256(f"copy-{i}".encode()).hexdigest()
                number += 1
                when = start + timedelta(minutes=53 * i)
                model.update(sha256=sha, number=number, part=None, name=f"聊天记录截图 {i + 1}",
                             captured_at=when.isoformat(), original_name=f"Screenshot_{when:%Y%m%d-%H%M%S}.png",
                             media_json="{}", reason_params=None)
                exhibit_id = insert_exhibit(case.db, model)
                case.db.execute("INSERT INTO sources (exhibit_id, path, name, mtime, via, seen_at) "
                                "VALUES (?, ?, ?, NULL, 'bench', ?)",
                                [exhibit_id, f"/bench/{model['original_name']}", model["original_name"],
                                 when.isoformat()])
                target = case.original_path(sha, model["ext"])
                os.link(case.original_path(rows[i % len(rows)]["sha256"], model["ext"]), target)
    (root / "done").write_text("ok")
    return case_dir


if __name__ == "__main__":
    print(build(int(sys.argv[1]) if len(sys.argv) > 1 else 10000))
