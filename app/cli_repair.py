"""`repair CASE NEW_FOLDER`: rebuild a damaged case into a new one (the old case is only read)."""
from __future__ import annotations

from .core.messages import render


def add_parsers(sub) -> None:
    p = sub.add_parser("repair", help="rebuild a damaged case into a NEW case from its originals and what its "
                                      "database still holds (the old case is only read)")
    p.add_argument("case_dir")
    p.add_argument("new_dir", metavar="NEW_FOLDER")
    p.add_argument("--title", help="title of the new case (default: the old title, if it survives)")


def cmd_repair(args, lang) -> int:
    from .core.repair import repair

    report = repair(args.case_dir, args.new_dir, args.title)
    print(render("repair_done", lang, path=str(report.new_root), with_data=len(report.with_data),
                 without_data=len(report.without_data)))
    if report.without_data:
        print(render("repair_without_data", lang, n=len(report.without_data)))
    if report.rows_lost:
        print(render("repair_rows_lost", lang, n=report.rows_lost))
    for name in report.left_out:
        print(render("repair_left_out", lang, name=name))
    return 0 if not report.left_out and not report.rows_lost else 1


COMMANDS = {"repair": cmd_repair}
