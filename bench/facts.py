"""Fact accuracy of reading on rendered screenshots: what was found of the truth, and what was invented.

    python -m bench.facts [--set unseen|test|both|heldout] [--cache DIR] [-v]

Renders the set (bench/screens.py), imports it into a temporary case and reads it the way the app does
(OCR, facts, proposals; capture times from the file names), then compares every exhibit's facts with its
truth: expected values found, values found that the truth does not hold ("invented"), platform, screen
kind and the proposed events. --cache keeps the OCR results between runs (derived/ocr by SHA-256), so
changing the rules and measuring again needs no OCR.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def compare(found: dict, truth: dict) -> dict:
    """{"expected", "found", "missed": [...], "invented": [...], "platform_ok", "screen_ok"} for one exhibit."""
    from app.core.read.facts import FACT_KEYS

    expected = found_n = 0
    missed, invented = [], []
    allowed_dates = set(truth.get("dates", [])) | {d[:10] for d in truth.get("datetimes", [])}
    for key in FACT_KEYS:
        values = [i["value"] for i in found.get(key, [])]
        want = truth.get(key, [])
        for value in want:
            expected += 1
            ok = any(value in v for v in values) if key == "refusal_reasons" else value in values
            found_n += ok
            if not ok:
                missed.append(f"{key} {value}")
        for value in values:
            if key == "refusal_reasons":
                ok = any(w in value or value in w for w in want)
            elif key == "dates":
                ok = value in allowed_dates
            else:
                ok = value in want
            if not ok:
                invented.append(f"{key} {value}")
    platform_ok = found.get("platform") == truth.get("platform") if "platform" in truth else True
    return {"expected": expected, "found": found_n, "missed": missed, "invented": invented,
            "platform_ok": platform_ok, "screen_ok": found.get("screen") == truth.get("screen")}


def run(items: dict, cache: Path | None, verbose: bool) -> dict:
    from app.core import edit
    from app.core.ingest import Importer
    from app.core.read import read_case
    from app.core.store import Case
    from bench import screens

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "phone"
        folder.mkdir()
        for name, item in items.items():
            screens.save(item, folder / name)
        with Case.create(Path(tmp) / "case", "事实准确率") as case:
            list(Importer(case, via="cli").import_paths([str(folder)]))
            ocr = case.root / "derived" / "ocr"
            if cache and cache.is_dir():
                shutil.copytree(cache, ocr, dirs_exist_ok=True)
            read_case(case)
            if cache:
                cache.mkdir(parents=True, exist_ok=True)
                shutil.copytree(ocr, cache, dirs_exist_ok=True)
            rows = {r["original_name"]: r for r in case.exhibits()}
            events = edit.events(case)
        totals = {"expected": 0, "found": 0, "invented": 0, "platform": 0, "screen": 0, "events": 0,
                  "events_found": 0, "screens": len(items)}
        by_id = {r["id"]: name for name, r in rows.items()}
        for name, (_, truth) in items.items():
            row = rows[name]
            facts = json.loads(row["facts_json"] or "{}")
            result = compare(facts, truth)
            shown = {(e["title"], e["occurred_at"]) for e in events if row["id"] in e["exhibit_ids"]}
            want_events = truth.get("events", {})
            missed_events = [f"{k} {v}" for k, v in want_events.items() if (k, v) not in shown]
            totals["expected"] += result["expected"]
            totals["found"] += result["found"]
            totals["invented"] += len(result["invented"])
            totals["platform"] += result["platform_ok"]
            totals["screen"] += result["screen_ok"]
            totals["events"] += len(want_events)
            totals["events_found"] += len(want_events) - len(missed_events)
            line = (f"{name[:58]:<58} facts {result['found']:>2}/{result['expected']:<2} invented "
                    f"{len(result['invented'])}  platform {'ok' if result['platform_ok'] else facts.get('platform')}  "
                    f"screen {'ok' if result['screen_ok'] else facts.get('screen')}  events "
                    f"{len(want_events) - len(missed_events)}/{len(want_events)}")
            print(line)
            if verbose:
                for m in result["missed"]:
                    print("    missed   ", m)
                for m in result["invented"]:
                    print("    invented ", m)
                for m in missed_events:
                    print("    no event ", m, "— proposed:", sorted(shown))
        del by_id
    print(f"TOTAL facts found {totals['found']}/{totals['expected']}, invented {totals['invented']}, platform "
          f"{totals['platform']}/{totals['screens']}, screen {totals['screen']}/{totals['screens']}, events "
          f"{totals['events_found']}/{totals['events']}")
    return totals


def main() -> None:
    from bench import screens

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["unseen", "test", "both", "heldout"], default="unseen")
    parser.add_argument("--cache", type=Path, help="keep OCR results here between runs")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what was missed and invented")
    args = parser.parse_args()
    items = {}
    if args.set in ("test", "both"):
        items.update(screens.test_set())
    if args.set in ("unseen", "both"):
        items.update(screens.unseen_set())
    if args.set == "heldout":
        items.update(screens.heldout_set())
    run(items, args.cache, args.verbose)


if __name__ == "__main__":
    main()
