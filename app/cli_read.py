"""CLI commands of the reading package: read, search, events (hooked into app/cli.py)."""
from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_PROBLEM = 0, 1


def add_parsers(sub) -> None:
    p = sub.add_parser("read", help="read the text and facts of every exhibit not read yet (OCR), then exit")
    p.add_argument("case_dir")
    p.add_argument("--json", action="store_true", help="print a JSON object")

    p = sub.add_parser("search", help="find exhibits by their text, name, purpose, notes or facts")
    p.add_argument("case_dir")
    p.add_argument("query")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("events", help="list the timeline's events (proposed ones too); accept or dismiss proposals")
    p.add_argument("case_dir")
    p.add_argument("--accept", type=int, nargs="+", metavar="ID", help="accept proposed events")
    p.add_argument("--dismiss", type=int, nargs="+", metavar="ID", help="dismiss proposed events (they never come back)")
    p.add_argument("--all", action="store_true", help="include dismissed proposals")
    p.add_argument("--json", action="store_true", help="print a JSON array")


def _number(row) -> str:
    return f"{row['number']}-{row['part']}" if row.get("part") else str(row["number"])


def cmd_read(args, lang) -> int:
    from .core.messages import render
    from .core.read import read_case
    from .core.read.facts import flat
    from .core.store import Case

    zh = lang == "zh"
    results = []
    with Case.open(args.case_dir) as case:
        def on_progress(p):
            if p.exhibit_id is None:
                return
            row = next(case.db.query("SELECT * FROM exhibits WHERE id = ?", [p.exhibit_id]))
            facts = flat(json.loads(row["facts_json"] or "{}"))
            item = {"number": _number(row), "name": row["name"], "status": row["read_status"],
                    "message": render(row["read_reason"], lang) if row["read_reason"] else "", "facts": facts}
            results.append(item)
            if not args.json:
                print(f"[{'读取' if zh else 'read'} {p.done}/{p.total}] {'证据' if zh else '#'}{item['number']} "
                      f"{item['name']}" + (f" — {item['message']}" if item["message"] else ""), flush=True)

        progress = read_case(case, on_progress)
        failed = [r for r in results if r["status"] == "failed"]
    if args.json:
        print(json.dumps({"read": len(results), "done": progress.done, "total": progress.total,
                          "failed": len(failed), "exhibits": results}, ensure_ascii=False, indent=1))
    else:
        print(f"读取完成：{progress.done}/{progress.total}" + (f"，{len(failed)} 个出错" if failed else "") if zh
              else f"reading done: {progress.done}/{progress.total}" + (f", {len(failed)} failed" if failed else ""))
    return EXIT_PROBLEM if failed else EXIT_OK


def cmd_search(args, lang) -> int:
    from .core.read import search
    from .core.store import Case

    with Case.open(args.case_dir, writable=False) as case:
        hits = search(case, args.query)
    rows = [{"number": f"{h.number}-{h.part}" if h.part else h.number, "name": h.name, "snippet": h.snippet,
             "field": h.column} for h in hits]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        zh = lang == "zh"
        for r in rows:
            print(f"{'证据' if zh else '#'}{r['number']:<4} {r['name']} — {r['snippet']}")
        print(f"找到 {len(rows)} 项证据" if zh else f"{len(rows)} exhibit(s) found")
    return EXIT_OK


_STATUS_ZH = {"proposed": "建议", "confirmed": "已确认", "dismissed": "已忽略"}


def cmd_events(args, lang) -> int:
    from .core import edit
    from .core.read import suggest
    from .core.store import Case

    zh = lang == "zh"
    writable = bool(args.accept or args.dismiss)
    with Case.open(args.case_dir, writable=writable) as case:
        known = {r[0] for r in case.db.execute("SELECT id FROM events")}
        for event_id in (args.accept or []) + (args.dismiss or []):
            if event_id not in known:
                print(f"没有编号为 {event_id} 的事件" if zh else f"no event with id {event_id}", file=sys.stderr)
                return EXIT_PROBLEM
        for event_id in args.accept or []:
            suggest.accept_event(case, event_id)
        for event_id in args.dismiss or []:
            suggest.dismiss_event(case, event_id)
        numbers = {r[0]: (f"{r[1]}-{r[2]}" if r[2] else r[1]) for r in
                   case.db.execute("SELECT id, number, part FROM exhibits WHERE deleted_at IS NULL")}
        rows = [{"id": e["id"], "type": e["type"], "title": e["title"], "when": e["occurred_at"],
                 "approximate": bool(e["approximate"]), "status": e["status"],
                 "exhibits": [numbers[i] for i in e["exhibit_ids"] if i in numbers]}
                for e in edit.events(case, include_dismissed=args.all)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    for r in rows:
        status = _STATUS_ZH[r["status"]] if zh else r["status"]
        exhibits = ", ".join(f"{'证据' if zh else '#'}{n}" for n in r["exhibits"])
        when = r["when"] or ("待定" if zh else "undated")
        print(f"[{r['id']}] {when} {r['type']} ({status})" + (f" — {exhibits}" if exhibits else ""))
    print(f"{len(rows)} 个事件" if zh else f"{len(rows)} event(s)")
    return EXIT_OK


COMMANDS = {"read": cmd_read, "search": cmd_search, "events": cmd_events}
