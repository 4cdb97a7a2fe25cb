"""The command line: the same core the GUI uses, for scripts and tests.

Exit codes: 0 success, 1 a problem was found, 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .core.labels import DEFAULT_CAUSE, exhibit_label
from .core.messages import CoreError, current_lang, human_size
from .core.store import original_relpath

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 on bad usage, as we want; say it in the user's language
        self.print_usage(sys.stderr)
        argv = sys.argv[1:]
        lang = argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else current_lang()
        if lang == "zh":
            self.exit(EXIT_USAGE, f"{self.prog}：命令用法不对（{message}）。运行 `python -m app --help` 查看用法。\n")
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="evidence-binder",
                     description="证据夹 Evidence Binder: collect, protect and number evidence for a refund dispute.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=["zh", "en"], help="language of messages (default: from the locale)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("new", help="create a case folder")
    p.add_argument("case_dir")
    p.add_argument("--title", required=True, help="case title, e.g. 电饭煲涂层脱落退货纠纷")

    p = sub.add_parser("import", help="import files and folders (recursive) into a case")
    p.add_argument("case_dir")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print one JSON object per file")

    p = sub.add_parser("list", help="list the exhibits of a case")
    p.add_argument("case_dir")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("watch", help="watch folders and import new evidence as it arrives (until Ctrl+C)")
    p.add_argument("case_dir")
    p.add_argument("folders", nargs="*", metavar="FOLDER",
                   help="folders to watch (remembered in the case); none: the case's saved folders")
    p.add_argument("--recursive", action="store_true", help="watch subfolders too")
    p.add_argument("--polling", type=float, metavar="SECONDS", help="poll every SECONDS instead of native events")
    p.add_argument("--quiet-window", type=float, default=1.0, metavar="SECONDS",
                   help="a file must be still this long before it is imported (default 1.0)")
    p.add_argument("--rescan", type=float, default=60.0, metavar="SECONDS", help="full rescan interval (default 60)")

    p = sub.add_parser("export", help="export the evidence list PDF with the originals beside it")
    p.add_argument("case_dir")
    p.add_argument("--profile", choices=["court", "platform", "complaint_12315", "public", "internet_court"],
                   default="court", help="court / mediation bundle (default), or a channel pack: platform appeal, "
                                         "12315 complaint, public complaint (redacted), internet court filing")
    p.add_argument("--out", metavar="FILE.pdf", help="where to write (default: CASE_DIR/exports/证据清单_DATE.pdf); "
                                                    "an existing file is never overwritten")
    p.add_argument("--claimant", help="提交人 on the cover (default: the case's claimant)")
    p.add_argument("--respondent", help="对方当事人 on the cover (default: the merchant)")
    p.add_argument("--cause", default=DEFAULT_CAUSE, help=f"案由 (default {DEFAULT_CAUSE})")
    p.add_argument("--json", action="store_true")
    from . import cli_packs
    cli_packs.add_arguments(p)

    p = sub.add_parser("renumber", help="number the exhibits by capture time (undated last, groups kept)")
    p.add_argument("case_dir")

    p = sub.add_parser("verify-export", help="check an export against its manifest")
    p.add_argument("target", metavar="FOLDER_OR_PDF")

    p = sub.add_parser("verify", help="check the database and re-hash every original")
    p.add_argument("case_dir")
    p.add_argument("--json", action="store_true")

    from . import cli_archive
    cli_archive.add_parsers(sub)
    from . import cli_dispute
    cli_dispute.add_parsers(sub)
    from . import cli_read
    cli_read.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or current_lang()
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args, lang)
    except CoreError as exc:
        print(exc.message(lang), file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("interrupted" if lang == "en" else "已中断", file=sys.stderr)
        return 130


def cmd_new(args, lang) -> int:
    from .core.store import Case

    with Case.create(args.case_dir, args.title) as case:
        print(("已创建案件：" if lang == "zh" else "created case: ") + str(case.root))
    return EXIT_OK


def cmd_import(args, lang) -> int:
    from .core.ingest import Importer, summarize
    from .core.store import Case

    outcomes = []
    with Case.open(args.case_dir) as case:
        importer = Importer(case, via="cli")
        for outcome in importer.import_paths(args.paths):
            outcomes.append(outcome)
            if args.json:
                print(json.dumps(outcome.to_json(lang), ensure_ascii=False), flush=True)
            else:
                print(_outcome_line(outcome, lang), flush=True)
    counts = summarize(outcomes)
    if not args.json:
        if lang == "zh":
            print(f"导入 {counts['imported']}，重复 {counts['duplicate']}，跳过 {counts['skipped']}，拒绝 {counts['refused']}")
        else:
            print(f"imported {counts['imported']}, duplicates {counts['duplicate']}, "
                  f"skipped {counts['skipped']}, refused {counts['refused']}")
    return EXIT_PROBLEM if counts["refused"] else EXIT_OK


_STATUS_WORDS = {"imported": ("已导入", "imported"), "duplicate": ("重复", "duplicate"),
                 "skipped": ("跳过", "skipped"), "refused": ("拒绝", "refused")}


def _outcome_line(outcome, lang) -> str:
    word = _STATUS_WORDS[outcome.status][0 if lang == "zh" else 1]
    parts = [f"[{word}]", outcome.path]
    if outcome.number is not None:
        parts.append(f"→ 证据{outcome.number}" if lang == "zh" else f"-> exhibit {outcome.number}")
    if outcome.exhibit_status and outcome.exhibit_status != "ok":
        parts.append(f"({outcome.exhibit_status})")
    message = outcome.message(lang)
    if message:
        parts.append("— " + message)
    return " ".join(parts)


def exhibit_json(row: dict, lang: str) -> dict:
    from .core.messages import render

    number = exhibit_label(row) if row.get("part") else row["number"]
    return {
        "number": number, "name": row["name"], "kind": row["kind"], "category": row["category"],
        "captured_at": row["captured_at"], "captured_at_source": row["captured_at_source"],
        "sha256": row["sha256"], "size": row["size"], "original_name": row["original_name"],
        "sources": [s["path"] for s in row["sources"]], "status": row["status"],
        "message": render(row["reason"], lang, **row["reason_params"]) if row["reason"] else "",
        "reason": row["reason"], "width": row["width"], "height": row["height"],
        "duration_s": row["duration_s"], "pages": row["pages"], "mime": row["mime"],
        "source_desc": row["source_desc"], "device": row["device"], "orientation": row["orientation"],
        "stored_as": original_relpath(row["sha256"], row["ext"]),
        "text": row.get("ocr_text"), "facts": _facts(row.get("facts_json")),
        "read_status": row.get("read_status"),
    }


def _facts(facts_json):
    from .core.read.facts import flat

    return flat(json.loads(facts_json) if facts_json else {})




def cmd_list(args, lang) -> int:
    from .core.capture import source_words
    from .core.classify import CATEGORY_ZH, KIND_ZH
    from .core.labels import STATUS_ZH
    from .core.store import Case

    with Case.open(args.case_dir, writable=False) as case:
        rows = [exhibit_json(r, lang) for r in case.exhibits()]
        title = case.info().get("title", "")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(title)
    zh = lang == "zh"
    for r in rows:
        when = r["captured_at"] or ("待定" if zh else "unknown")
        kind = KIND_ZH.get(r["kind"], r["kind"]) if zh else r["kind"]
        category = CATEGORY_ZH.get(r["category"], r["category"]) if zh else r["category"]
        source = source_words(r["captured_at_source"], lang)
        status = "" if r["status"] == "ok" else \
            f" [{STATUS_ZH.get(r['status'], r['status']) if zh else r['status']}] {r['message']}"
        print(f"{('证据' if zh else '#')}{r['number']:<4} {kind:<6} {category:<8} "
              f"{when} ({source}) {r['name']} — {r['original_name']}{status}")
    print(f"{len(rows)} {'件证据' if lang == 'zh' else 'exhibits'}")
    return EXIT_OK


def cmd_verify(args, lang) -> int:
    from .core.store import Case
    from .core.verify import verify_case

    with Case.open(args.case_dir, writable=False) as case:
        report = verify_case(case)
    if args.json:
        print(json.dumps({"ok": report.ok, "checked": report.checked, "bytes": report.bytes,
                          "problems": [{"code": p.code, "message": p.message(lang)} for p in report.problems]},
                         ensure_ascii=False, indent=1))
    else:
        for p in report.problems:
            print(("问题：" if lang == "zh" else "PROBLEM: ") + p.message(lang))
        if report.ok:
            print(f"完好：数据库完整，{report.checked} 个原件（{human_size(report.bytes)}）哈希一致" if lang == "zh"
                  else f"OK: database intact, {report.checked} originals ({human_size(report.bytes)}) match their SHA-256")
        else:
            print(f"发现 {len(report.problems)} 个问题" if lang == "zh" else f"{len(report.problems)} problem(s) found")
    return EXIT_OK if report.ok else EXIT_PROBLEM


def cmd_watch(args, lang) -> int:
    import signal
    import threading

    from .core.store import Case
    from .core.watch import WatchedFolder, Watcher, load_folders, save_folder

    if args.polling is not None and args.polling <= 0 or args.quiet_window < 0 or args.rescan <= 0:
        print("intervals must be positive" if lang == "en" else "时间间隔必须为正数", file=sys.stderr)
        return EXIT_USAGE
    stop = threading.Event()
    with Case.open(args.case_dir) as case:
        for folder in args.folders:
            save_folder(case, WatchedFolder(path=folder, recursive=args.recursive, polling_interval=args.polling,
                                            quiet_window=args.quiet_window))
        chosen = {str(Path(f).resolve()) for f in args.folders}
        folders = [f for f in load_folders(case) if not chosen or str(Path(f.path).resolve()) in chosen]
        if not folders:
            print("no folder to watch: name one" if lang == "en" else "没有要监视的文件夹，请指定一个", file=sys.stderr)
            return EXIT_USAGE

        def on_status(folder, mode, error):
            words = {"native": ("监视中", "watching"), "polling": ("轮询监视中", "watching by polling"),
                     "missing": ("文件夹不存在，等待它出现", "folder not found, waiting for it"),
                     "stopped": ("无法监视", "cannot watch")}[mode]
            text = words[0 if lang == "zh" else 1]
            print(f"[{text}] {folder.path}" + (f" — {error}" if error else ""), flush=True)

        watcher = Watcher(case, folders, on_outcome=lambda o: print(_outcome_line(o, lang), flush=True),
                          on_status=on_status, rescan_interval=args.rescan)
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        watcher.run_until(stop)
    print(f"已停止，本次导入 {watcher.imported_count} 个文件" if lang == "zh"
          else f"stopped; {watcher.imported_count} file(s) imported", flush=True)
    return EXIT_OK


def cmd_export(args, lang) -> int:
    from datetime import datetime

    from .core.export import ExportOptions, export_court
    from .core.store import Case

    if args.profile != "court":
        from .cli_packs import cmd_pack
        return cmd_pack(args, lang)
    with Case.open(args.case_dir) as case:
        if not case.exhibits():
            print("the case has no exhibits to export" if lang == "en" else "案件中还没有证据，无法导出", file=sys.stderr)
            return EXIT_PROBLEM
        out = Path(args.out) if args.out else case.root / "exports" / f"证据清单_{datetime.now():%Y%m%d}.pdf"
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        result = export_court(case, out, ExportOptions(profile=args.profile, claimant=args.claimant,
                                                       respondent=args.respondent, cause=args.cause))
    if args.json:
        print(json.dumps({"pdf": str(result.pdf_path), "folder": str(result.folder_path), "sha256": result.sha256,
                          "pages": result.pages, "exhibits": result.exhibits, "notices": result.notices},
                         ensure_ascii=False, indent=1))
        return EXIT_OK
    if lang == "zh":
        print(f"已导出：{result.pdf_path}（{result.pages} 页，{len(result.exhibits)} 项证据）")
        print(f"原件与清单：{result.folder_path}")
    else:
        print(f"exported: {result.pdf_path} ({result.pages} pages, {len(result.exhibits)} exhibits)")
        print(f"originals and manifest: {result.folder_path}")
    print(f"SHA-256: {result.sha256}")
    from .core.messages import render

    for notice in result.notices:
        print(("注意：" if lang == "zh" else "note: ") + render(notice["code"], lang, number=notice["number"]))
    return EXIT_OK


def cmd_renumber(args, lang) -> int:
    from .core import edit
    from .core.store import Case

    with Case.open(args.case_dir) as case:
        edit.renumber_by_time(case)
        n = len(case.exhibits())
    print(f"已按形成时间重新编号 {n} 项证据" if lang == "zh" else f"renumbered {n} exhibits by capture time")
    return EXIT_OK


def cmd_verify_export(args, lang) -> int:
    from .core.export import verify_export

    check = verify_export(args.target)
    for line in check.lines(lang):
        print(line)
    return EXIT_OK if check.ok else EXIT_PROBLEM


COMMANDS = {"renumber": cmd_renumber, "export": cmd_export, "verify-export": cmd_verify_export, "new": cmd_new, "import": cmd_import, "list": cmd_list, "verify": cmd_verify, "watch": cmd_watch}

from . import cli_archive as _cli_archive  # noqa: E402

COMMANDS.update(_cli_archive.COMMANDS)

from .cli_dispute import COMMANDS as _DISPUTE_COMMANDS  # noqa: E402

COMMANDS.update(_DISPUTE_COMMANDS)

from .cli_read import COMMANDS as _READ_COMMANDS  # noqa: E402

COMMANDS.update(_READ_COMMANDS)
