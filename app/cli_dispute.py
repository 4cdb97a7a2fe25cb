"""CLI commands of the dispute engine (issue 12): deadline, compensation, plan, draft."""
from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def add_parsers(sub) -> None:
    from .core.dispute.rules import RULE_IDS

    p = sub.add_parser("deadline", help="the last day of a legal period (民法典 arts. 201-204, official working days)")
    p.add_argument("rule", metavar="RULE", choices=RULE_IDS, help=" | ".join(RULE_IDS))
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="the day the period runs from")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("compensation", help="punitive compensation: 消法 55 (fraud) or 食品安全法 148 (food)")
    p.add_argument("--basis", required=True, choices=["fraud", "food"])
    p.add_argument("--price", required=True, metavar="YUAN")
    p.add_argument("--loss", metavar="YUAN", help="the loss (food only: 3x the loss when more than 10x the price)")
    p.add_argument("--json", action="store_true")

    from .core.dispute.texts import KINDS

    p = sub.add_parser("draft", help="a text ready to send, filled from the case (.txt or .docx)")
    p.add_argument("case_dir")
    p.add_argument("--kind", required=True, choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    p.add_argument("--format", choices=["txt", "docx"], help="txt (default) or docx")
    p.add_argument("--out", metavar="FILE", help="where to write (an existing file is never overwritten); "
                                                 "without it a txt is printed and a docx goes to CASE_DIR/exports/")
    p.add_argument("--json", action="store_true", help="print the text with its notes as JSON")

    p = sub.add_parser("info", help="show the case's fields, or set them (dates, amount, parties, stage)")
    p.add_argument("case_dir")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   help="e.g. received_on=2025-09-28, amount_paid=399, claimant_address=...; an empty value clears")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("plan", help="where the case stands: stage, deadlines, missing evidence, next steps, contacts")
    p.add_argument("case_dir")
    p.add_argument("--json", action="store_true")


def _refuse(exc, lang) -> int:
    print(exc.message(lang), file=sys.stderr)
    return EXIT_USAGE


def cmd_deadline(args, lang) -> int:
    from .core.dispute.errors import DisputeError
    from .core.dispute.rules import coverage_zh, deadline

    try:
        d = deadline(args.rule, args.start)
    except DisputeError as exc:
        return _refuse(exc, lang)
    if args.json:
        print(json.dumps(d.to_json(), ensure_ascii=False))
        return EXIT_OK
    r = d.rule
    est = ("（估算：" + coverage_zh() + "）") if d.estimated and lang == "zh" else \
        (" (estimated: no official holiday schedule for that year yet)" if d.estimated else "")
    moved = ""
    if d.moved_from:
        moved = (f"（{d.moved_from} 是休息日，顺延至下一个工作日）" if lang == "zh"
                 else f" ({d.moved_from} is a day off: moved to the next working day)")
    if lang == "zh":
        print(f"{r.name}：自 {d.start} 起 {r.length_zh}，截止 {d.due}{moved}{est}")
        print(f"依据：{r.basis}")
    else:
        print(f"{r.name_en}: {r.n} {r.unit.replace('_', ' ')} from {d.start}, due {d.due}{moved}{est}")
        print(f"basis: {r.basis}")
    return EXIT_OK


def cmd_compensation(args, lang) -> int:
    from .core.dispute.compensation import compensation
    from .core.dispute.errors import DisputeError

    try:
        c = compensation(args.basis, args.price, args.loss)
    except DisputeError as exc:
        return _refuse(exc, lang)
    if args.json:
        print(json.dumps(c.to_json(), ensure_ascii=False))
        return EXIT_OK
    if lang == "zh":
        print(f"可主张的赔偿：{c.amount:.2f} 元（{c.how}）")
        print(f"依据：{c.law}：{c.rule}")
        print("另可要求退还价款。")
    else:
        rule = {"fraud": "3 x the price, at least 500", "food": "10 x the price or 3 x the loss, the higher, at least 1,000"}
        print(f"compensation: {c.amount:.2f} yuan ({rule[c.basis]})")
        print(f"basis: {c.law}")
        print("in addition to a refund of the price.")
    return EXIT_OK


def cmd_plan(args, lang) -> int:
    from .core.dispute.known import load
    from .core.dispute.plan import plan
    from .core.store import Case

    with Case.open(args.case_dir, writable=False) as case:
        p = plan(load(case))
    if args.json:
        print(json.dumps(p.to_json(), ensure_ascii=False, indent=1))
        return EXIT_OK
    print(plan_text(p))
    return EXIT_OK


def cmd_info(args, lang) -> int:
    from .core import edit
    from .core.dispute.errors import DisputeError
    from .core.dispute.fields import check
    from .core.store import Case

    values = {}
    for item in args.set:
        field, sep, value = item.partition("=")
        if not sep:
            print(f"--set 需要 字段=值，例如 received_on=2025-09-28（收到的是 {item}）" if lang == "zh"
                  else f"--set takes FIELD=VALUE, e.g. received_on=2025-09-28 (got {item})", file=sys.stderr)
            return EXIT_USAGE
        try:
            values[field.strip()] = check(field.strip(), value)
        except DisputeError as exc:
            return _refuse(exc, lang)
    with Case.open(args.case_dir, writable=bool(values)) as case:
        if values:
            edit.update_case_info(case, **values)
        info = {k: v for k, v in case.info().items() if k not in ("id",)}
        from .core.read.suggest import case_suggestions
        proposals = case_suggestions(case)
        numbers = {r["id"]: r["number"] for r in case.db.query("SELECT id, number FROM exhibits")}
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=1))
    else:
        # the reader's proposals beside the empty fields they would fill, as a person reads them (not a JSON blob)
        for k, v in info.items():
            if k == "suggested_json":
                continue
            line = f"{k}: {'' if v is None else v}"
            if k in proposals and v in (None, ""):
                value = proposals[k]["value"]
                number = numbers.get(proposals[k].get("exhibit_id"))
                where = f"#{number}" if number else ""
                line += (f"（证据中读到：{value}{'，' + where if where else ''}；采用：--set {k}={value}）" if lang == "zh"
                         else f"(read from the evidence: {value}{', ' + where if where else ''}; "
                              f"to use it: --set {k}={value})")
            print(line)
    return EXIT_OK


def cmd_draft(args, lang) -> int:
    from pathlib import Path

    from .core.dispute.errors import DisputeError
    from .core.dispute.known import load
    from .core.dispute.output import default_path, save
    from .core.dispute.texts import draft
    from .core.store import Case

    with Case.open(args.case_dir, writable=False) as case:
        text = draft(load(case), args.kind)
        exports = case.root / "exports"
    fmt = args.format or (Path(args.out).suffix.lstrip(".").lower() if args.out else "txt") or "txt"
    if fmt not in ("txt", "docx"):
        fmt = "txt"
    if args.json and not args.out:
        print(json.dumps(text.to_json(), ensure_ascii=False, indent=1))
        return EXIT_OK
    if not args.out and fmt == "txt":
        print(text.render())
    else:
        try:
            out = save(text, Path(args.out) if args.out else default_path(exports, text, fmt), fmt)
        except DisputeError as exc:
            return _refuse(exc, lang)
        print(("已保存：" if lang == "zh" else "saved: ") + str(out))
    for note in text.notes:
        print(("注意：" if lang == "zh" else "note: ") + note, file=sys.stderr)
    return EXIT_OK


def plan_text(p) -> str:
    """The plan as a person reads it (Chinese: the texts and rules are Chinese)."""
    from .core.dispute.texts import KIND_ZH

    lines = [f"当前阶段：{p.stage_name}" + ("（您设定）" if p.stage_source == "user" else "（按时间线）"), "", "期限："]
    for cd in p.deadlines:
        d = cd.deadline
        left = d.days_left(p.today)
        when = f"还剩 {left} 天" if left > 0 else ("今天截止" if left == 0 else f"已过 {-left} 天")
        extra = "（估算）" if d.estimated else ""
        extra += "（起算日据证据识读，请核对）" if cd.start_source in ("proposed", "evidence") else ""
        lines.append(f"  {d.due}  {d.rule.name}  {when}{extra}  自{d.start}起{d.rule.length_zh}  {d.rule.basis}")
        if d.platform_until:
            lines.append(f"              平台按签收后 7×24 小时计：至 {d.platform_until:%Y-%m-%d %H:%M}")
    for c in p.cannot:
        lines.append(f"  无法计算：{c['name']}（需要{c['needs']}）")
    lines += ["", "证据清单："]
    for item in p.checklist:
        mark = "✓" if item.done else ("✗" if item.required else "○")
        lines.append(f"  {mark} {item.label}" + (f"（{'、'.join(item.by)}）" if item.by else
                                                 f"：{item.how}" if item.required else "（可选）"))
    lines += ["", "下一步："]
    for i, step in enumerate(p.next_steps, 1):
        lines.append(f"  {i}. {step['action']}" + (f"（截止 {step['by']}）" if step.get("by") else "")
                     + (f"  → 文书：{KIND_ZH[step['text']]}（draft --kind {step['text']}）" if step.get("text") else ""))
    lines += ["", "联系："]
    for c in p.contacts:
        lines.append(f"  {c.name} {c.reach} — {c.what}")
    if p.notes:
        lines += ["", "提示："] + [f"  · {n}" for n in p.notes]
    return "\n".join(lines)


COMMANDS = {"deadline": cmd_deadline, "compensation": cmd_compensation, "plan": cmd_plan, "draft": cmd_draft, "info": cmd_info}
