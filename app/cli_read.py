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


# Words of the reading summary, per language (the fact keys are facts.FACT_KEYS)
FACT_LABELS = {"order_numbers": ("订单号", "order numbers"), "amounts": ("金额", "amounts"),
               "merchants": ("店铺/商家", "shops/merchants"), "dates": ("日期", "dates"), "datetimes": ("时间", "times"),
               "phones": ("电话", "phones"), "trade_numbers": ("交易单号", "trade numbers"),
               "waybills": ("运单号", "waybills"), "service_numbers": ("服务单号", "after-sales numbers"),
               "complaint_numbers": ("投诉编号", "complaint numbers"), "refusal_reasons": ("拒绝理由", "refusal reasons")}
_WORDS = {
    "read": ("读取", "read"), "exhibit": ("证据", "#"),
    "done": ("读取完成：{done}/{total}", "reading done: {done}/{total}"),
    "failed": ("，{n} 个出错", ", {n} failed"),
    "found": ("读到：{facts}", "found: {facts}"), "none": ("没有读到要点", "no facts found"),
    "proposed": ("建议：{names} 个名称，{fields} 项案件信息，{events} 个事件（在窗口的“读取结果”或用 events 命令确认）",
                 "proposed: {names} name(s), {fields} case field(s), {events} event(s) (confirm them in the window's "
                 "读取结果 panel or with `events`)"),
    "interrupted": ("读取已中断：{done}/{total}；导入的证据都已保存，稍后运行 read 命令或打开窗口会接着读",
                    "reading interrupted at {done}/{total}; everything imported is kept; `read` or the window "
                    "goes on from there"),
    "sep": ("，", ", "), "colon": (" ", " "),
}


def _w(key: str, lang: str) -> str:
    return _WORDS[key][0 if lang == "zh" else 1]


def reading_enabled() -> bool:
    """EVIDENCE_BINDER_READING=0 turns reading off (the GUI's background reader, and `import` without --no-read)."""
    import os

    return os.environ.get("EVIDENCE_BINDER_READING", "1") != "0"


def read_after_import(case, exhibit_ids, lang: str, out=None) -> int:
    """Read the exhibits an import added (number order), one progress line each on `out`, then a summary
    of what was found and proposed. Returns EXIT_PROBLEM when a file could not be read (it has its
    status; the import stands). Ctrl+C stops between files: what is imported stays, `read` goes on."""
    from .core.messages import render
    from .core.read import reader
    from .core.read.suggest import case_suggestions

    out = out or sys.stdout
    ids = [r[0] for r in case.db.execute(
        f"SELECT id FROM exhibits WHERE id IN ({','.join('?' * len(exhibit_ids))}) AND read_status IS NULL "
        "AND deleted_at IS NULL AND pending_tmp IS NULL ORDER BY number, COALESCE(part, 0), id",
        list(exhibit_ids))] if exhibit_ids else []
    if not ids:
        return EXIT_OK
    before_events = case.db.execute("SELECT COUNT(*) FROM events WHERE status = 'proposed'").fetchone()[0]
    before_fields = len(case_suggestions(case))
    counts = {k: 0 for k in FACT_LABELS}
    failed = names = done = 0
    try:
        for exhibit_id in ids:
            try:
                reading, facts = reader.read_one(case, exhibit_id)
            except LookupError:
                continue
            reader.save(case, exhibit_id, reading, facts)
            done += 1
            row = next(case.db.query("SELECT number, part, name, read_status, read_reason, suggested_json, facts_json "
                                     "FROM exhibits WHERE id = ?", [exhibit_id]))
            stored = json.loads(row["facts_json"] or "{}")   # with the times the capture time dated
            for key in counts:
                counts[key] += len(stored.get(key) or [])
            failed += row["read_status"] == "failed"
            names += "name" in json.loads(row["suggested_json"] or "{}")
            message = render(row["read_reason"], lang) if row["read_reason"] else ""
            print(f"[{_w('read', lang)} {done}/{len(ids)}] {_w('exhibit', lang)}{_number(row)} {row['name']}"
                  + (f" — {message}" if message else ""), file=out, flush=True)
    except KeyboardInterrupt:
        print(_w("interrupted", lang).format(done=done, total=len(ids)), file=out, flush=True)
        return 130
    print(_w("done", lang).format(done=done, total=len(ids)) + (_w("failed", lang).format(n=failed) if failed else ""),
          file=out)
    found = [f"{FACT_LABELS[k][0 if lang == 'zh' else 1]}{_w('colon', lang)}{n}" for k, n in counts.items() if n]
    print(_w("found", lang).format(facts=_w("sep", lang).join(found)) if found else _w("none", lang), file=out)
    events = case.db.execute("SELECT COUNT(*) FROM events WHERE status = 'proposed'").fetchone()[0] - before_events
    fields = len(case_suggestions(case)) - before_fields
    if names or fields or events:
        print(_w("proposed", lang).format(names=names, fields=max(fields, 0), events=max(events, 0)), file=out,
              flush=True)
    return EXIT_PROBLEM if failed else EXIT_OK


class ArrivalReader:
    """`watch` reads what arrives: a thread takes the exhibits the watcher imported, one at a time. Its
    database work (the row, the save) goes through `run_db`, the lock the watcher's transactions share;
    the OCR itself runs meanwhile (in the reading worker), so imports never wait for it."""

    def __init__(self, case, run_db, lang: str, out=None):
        import queue
        import threading

        self.case, self.run_db, self.lang, self.out = case, run_db, lang, out or sys.stdout
        self.queue: queue.Queue = queue.Queue()
        self.stop_event = threading.Event()
        self.done = self.failed = 0
        self.thread = threading.Thread(target=self._run, name="watch-reading", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def add(self, exhibit_id) -> None:
        if exhibit_id is not None:
            self.queue.put(exhibit_id)

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        self.queue.put(None)
        self.thread.join(timeout)

    def _run(self) -> None:
        from .core.messages import render
        from .core.read import reader

        while not self.stop_event.is_set():
            exhibit_id = self.queue.get()
            if exhibit_id is None or self.stop_event.is_set():
                return
            try:
                row = self.run_db(lambda: next(self.case.db.query(
                    "SELECT * FROM exhibits WHERE id = ? AND read_status IS NULL AND deleted_at IS NULL", [exhibit_id]),
                    None))
                if row is None:
                    continue
                reading, facts = reader.analyse(self.case, row, self.stop_event)
                if self.stop_event.is_set():
                    return
                self.run_db(lambda: reader.save(self.case, exhibit_id, reading, facts))
                after = self.run_db(lambda: next(self.case.db.query(
                    "SELECT number, part, name, read_status, read_reason FROM exhibits WHERE id = ?", [exhibit_id])))
            except Exception as exc:  # noqa: BLE001 - a stop mid-file (worker.Cancelled) or a fault: the file stays unread
                if self.stop_event.is_set():
                    return
                print(f"[{_w('read', self.lang)}] {_w('exhibit', self.lang)}? — {type(exc).__name__}: {exc}"[:300],
                      file=self.out, flush=True)
                continue
            self.done += 1
            self.failed += after["read_status"] == "failed"
            message = render(after["read_reason"], self.lang) if after["read_reason"] else ""
            print(f"[{_w('read', self.lang)}] {_w('exhibit', self.lang)}{_number(after)} {after['name']}"
                  + (f" — {message}" if message else ""), file=self.out, flush=True)


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
