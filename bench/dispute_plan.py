"""下一步 benchmark (issue 12): how long the plan and the seven texts take to recompute for a large case.
The panel recomputes on the case's database thread after every edit that changes the case's fields, events
or exhibits, so this is time the database thread is busy after each such edit.

    python bench/dispute_plan.py [--n 10000] [--rounds 5]

Prints the median and worst of `load` (one read of the case), `plan` and `texts` over the rounds, and the
machine load. Target: under 0.5 s in all at 10,000 exhibits on the 2-core machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from app.core import edit
    from app.core.dispute.known import load
    from app.core.dispute.plan import plan
    from app.core.dispute.texts import KINDS, draft
    from app.core.store import Case, insert_exhibit, now_iso

    with tempfile.TemporaryDirectory(prefix="eb-bench-") as tmp:
        case = Case.create(Path(tmp) / "c", "bench", platform="jd", received_on="2025-09-28", amount_paid="399",
                           order_number="312345678901", product_class="durable", demand="退货退款")
        cats = ["order", "payment", "chat", "product", "logistics", "refusal", "other"]
        rows = [{"number": i, "sha256": f"{i:064x}", "ext": "png", "size": 1, "kind": "screenshot",
                 "category": cats[i % len(cats)], "name": f"截图{i}", "original_name": f"{i}.png", "status": "ok",
                 "ocr_text": "订单详情 实付款 ¥399.00 订单编号 312345678901 " * 60, "created_at": now_iso()}
                for i in range(1, args.n + 1)]
        with case.db.atomic():
            for row in rows:
                insert_exhibit(case.db, row)
        for i in range(40):
            edit.add_event(case, ["联系客服", "商家拒绝", "发现问题", "12315投诉"][i % 4],
                           occurred_at=f"2025-10-{1 + i % 28:02d}T10:00:00+08:00")
        times = {"load": [], "plan": [], "texts": [], "total": []}
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            view = load(case)
            t1 = time.perf_counter()
            plan(view)
            t2 = time.perf_counter()
            for kind in KINDS:
                draft(view, kind)
            t3 = time.perf_counter()
            for key, value in (("load", t1 - t0), ("plan", t2 - t1), ("texts", t3 - t2), ("total", t3 - t0)):
                times[key].append(value)
        case.close()
    print(f"{args.n} exhibits, 40 events, {args.rounds} rounds; load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")
    for key, values in times.items():
        print(f"  {key:<6} median {statistics.median(values):.3f} s   worst {max(values):.3f} s")


if __name__ == "__main__":
    main()
