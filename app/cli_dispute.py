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
        print(f"compensation: {c.amount:.2f} yuan ({c.how})")
        print(f"basis: {c.law}")
        print("in addition to a refund of the price.")
    return EXIT_OK


COMMANDS = {"deadline": cmd_deadline, "compensation": cmd_compensation}
