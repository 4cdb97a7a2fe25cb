"""The command line: the same core the GUI uses, for scripts and tests.

Exit codes: 0 success, 1 a problem was found, 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .core.labels import DEFAULT_CAUSE, STATUS_ZH, exhibit_label
from .core.messages import CoreError, current_lang, human_size, visible
from .core.store import original_relpath

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def lang_of(argv: list[str]) -> str:
    """The language a command line asks for: `--lang zh|en` anywhere, else the locale (zh_* is Chinese)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("zh", "en"):
            return argv[i + 1]
        if arg in ("--lang=zh", "--lang=en"):
            return arg.split("=", 1)[1]
    return current_lang()


# Every help text as (Chinese, English).
HELP = {
    "description": ("证据夹：收集、保全退款/售后纠纷的证据，并编号生成证据目录。",
                    "证据夹 Evidence Binder: collect, protect and number evidence for a refund dispute."),
    "epilog": ("语言：默认跟随系统区域设置（zh_* 为中文），也可用 --lang zh 或 --lang en 指定，或设置环境变量 "
               "EVIDENCE_BINDER_LANG=zh。运行 `COMMAND --help` 查看某个命令的用法。退出码：0 成功，1 发现问题，2 用法错误。",
               "Language: from the locale (zh_* is Chinese); choose with --lang zh or --lang en, or set "
               "EVIDENCE_BINDER_LANG=zh. Run `COMMAND --help` for one command. Exit codes: 0 success, 1 a problem "
               "was found, 2 bad usage."),
    "help": ("显示此帮助并退出", "show this help message and exit"),
    "version": ("显示版本号并退出", "show the version and exit"),
    "lang": ("提示语言：zh 中文，en 英文（默认跟随系统区域设置）", "language of messages (default: from the locale)"),
    "usage": ("用法：", "usage: "),
    "positionals": ("参数", "positional arguments"),
    "options": ("选项", "options"),
    "commands": ("命令", "commands"),
    "case_dir": ("案件文件夹", "the case folder"),
    "new": ("新建案件文件夹", "create a case folder"),
    "title": ("案件标题，例如 电饭煲涂层脱落退货纠纷", "case title, e.g. 电饭煲涂层脱落退货纠纷"),
    "import": ("导入文件和文件夹（含子文件夹），然后识别新证据中的文字和要点（OCR）",
               "import files and folders (recursive) into a case, then read the new exhibits (OCR)"),
    "import_epilog": ("导入后会逐个识别新导入的图片、截图、PDF 和录屏中的文字（每张截图约 1-3 秒），打印进度和读到的要点"
                      "（订单号、金额、时间……）及建议的名称、案件信息和事件；按 Ctrl+C 可中断读取，已导入的证据不受影响，"
                      "之后用 read 命令或打开窗口接着读。--no-read 或环境变量 EVIDENCE_BINDER_READING=0 只导入不读取。",
                      "After the import, the new pictures, screenshots, PDFs and screen recordings are read (OCR, about "
                      "1-3 s a screenshot), with a line per file and a summary of the facts found (order numbers, "
                      "amounts, times ...) and of the proposed names, case fields and events. Ctrl+C stops the reading, "
                      "never the import: `read` or the window goes on later. --no-read, or EVIDENCE_BINDER_READING=0 "
                      "in the environment, imports without reading."),
    "json_import": ("输出 JSON（每个文件一行，便于脚本处理）；读取进度改写到标准错误",
                    "print JSON (one line per file, for scripts); the reading's progress goes to stderr"),
    "no_read": ("只导入，不识别文字（之后可用 read 命令读取）", "import only, do not read (run `read` later)"),
    "no_read_watch": ("只导入，不识别新证据中的文字（默认导入后即读取；EVIDENCE_BINDER_READING=0 同此）",
                      "import only; by default each arrival is read (OCR) after its import (EVIDENCE_BINDER_READING=0 "
                      "does the same)"),
    "paths": ("要导入的文件或文件夹", "files or folders to import"),
    "json": ("输出 JSON（便于脚本处理）", "print JSON (for scripts)"),
    "list": ("列出案件中的证据", "list the exhibits of a case"),
    "watch": ("监视文件夹，新证据一到就导入并识别文字（按 Ctrl+C 停止）",
              "watch folders and import new evidence as it arrives, then read it (until Ctrl+C)"),
    "folders": ("要监视的文件夹（会保存在案件中）；不写则监视已保存的文件夹",
                "folders to watch (remembered in the case); none: the case's saved folders"),
    "recursive": ("同时监视子文件夹", "watch subfolders too"),
    "polling": ("每隔 SECONDS 秒轮询一次，代替系统通知", "poll every SECONDS instead of native events"),
    "quiet": ("文件静止这么多秒后才导入（默认 1.0）", "a file must be still this long before it is imported (default 1.0)"),
    "rescan": ("完整重新扫描的间隔秒数（默认 60）", "full rescan interval (default 60)"),
    "export": ("导出证据目录 PDF，原件放在旁边", "export the evidence list PDF with the originals beside it"),
    "profile": ("导出用途：court 法院/调解（默认），或渠道材料包：platform 平台申诉、complaint_12315 12315 投诉、"
                "public 公开投诉（已遮挡个人信息）、internet_court 互联网法院立案",
                "court / mediation bundle (default), or a channel pack: platform appeal, 12315 complaint, public "
                "complaint (redacted), internet court filing"),
    "out": ("输出文件（默认：CASE_DIR/exports/证据清单_日期.pdf）；不会覆盖已有文件",
            "where to write (default: CASE_DIR/exports/证据清单_DATE.pdf); an existing file is never overwritten"),
    "claimant": ("封面上的提交人（默认：案件中的申请人）", "提交人 on the cover (default: the case's claimant)"),
    "respondent": ("封面上的对方当事人（默认：商家）", "对方当事人 on the cover (default: the merchant)"),
    "cause": ("案由（默认 网络购物合同纠纷）", "案由 (default 网络购物合同纠纷)"),  # = labels.DEFAULT_CAUSE
    "paths_opt": ("是否在电子数据说明中写出来源路径（从导入的文件夹写起）；默认只有 court 写",
                  "list source paths (from the imported folder) in the appendix; default: only for court"),
    "renumber": ("按形成时间重新编号（时间待定的排最后，分组保持在一起）",
                 "number the exhibits by capture time (undated last, groups kept)"),
    "verify-export": ("按清单核对一份导出", "check an export against its manifest"),
    "target": ("导出的文件夹或 PDF", "the export's folder or PDF"),
    "verify": ("检查数据库并重新计算每个原件的哈希", "check the database and re-hash every original"),
    "self-test": ("检查本安装是否完整（不需要屏幕）", "check that this installation is whole (no screen needed)"),
}


def _h(key: str, lang: str) -> str:
    zh, en = HELP[key]
    return zh if lang == "zh" else en


class _Formatter(argparse.HelpFormatter):
    lang = "en"

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix=_h("usage", self.lang) if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    lang = "en"

    def __init__(self, *args, **kwargs):
        lang = kwargs.pop("lang", None) or self.lang
        formatter = type("Formatter", (_Formatter,), {"lang": lang})
        kwargs.setdefault("formatter_class", formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.lang = lang
        self._positionals.title = _h("positionals", lang)
        self._optionals.title = _h("options", lang)
        self.add_argument("-h", "--help", action="help", help=_h("help", lang))

    def error(self, message):  # argparse exits 2 on bad usage, as we want; say it in the user's language
        self.print_usage(sys.stderr)
        if self.lang == "zh":
            self.exit(EXIT_USAGE, f"{self.prog}：命令用法不对（{_zh_usage_error(message)}）。"
                                  f"运行 `{self.prog} --help` 查看用法。\n")
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _zh_usage_error(message: str) -> str:
    """argparse's English complaint, said in Chinese (the argument names stay as typed)."""
    import re

    rules = [
        (r"the following arguments are required: (.+)", "缺少必填参数：{0}"),
        (r"argument (\S+): invalid choice: '?([^']*)'? \(choose from (.+)\)", "参数 {0} 的值 {1} 无效，可选：{2}"),
        (r"argument (\S+): invalid (\w+) value: '([^']*)'", "参数 {0} 的值 {2} 不是有效的数字"),
        (r"argument (\S+): expected one argument", "参数 {0} 后面需要一个值"),
        (r"unrecognized arguments: (.+)", "无法识别的参数：{0}"),
        (r"argument (\S+): (.+)", "参数 {0}：{1}"),
    ]
    for pattern, template in rules:
        m = re.fullmatch(pattern, message)
        if m:
            return template.format(*m.groups())
    return message


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    lang = lang or current_lang()
    parser = _Parser(prog="evidence-binder", description=_h("description", lang), epilog=_h("epilog", lang),
                     lang=lang)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help=_h("version", lang))
    parser.add_argument("--lang", choices=["zh", "en"], help=_h("lang", lang))
    parser.add_argument("--self-test", action="store_true", help=_h("self-test", lang))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_h("commands", lang),
                                parser_class=type("Sub", (_Parser,), {"lang": lang}))

    def command(name, key=None):
        p = sub.add_parser(name, help=_h(key or name, lang), description=_h(key or name, lang))
        return p

    def case_dir(p):
        p.add_argument("case_dir", metavar="CASE_DIR", help=_h("case_dir", lang))

    p = command("new")
    case_dir(p)
    p.add_argument("--title", required=True, help=_h("title", lang))

    p = command("import")
    case_dir(p)
    p.add_argument("paths", nargs="+", metavar="PATH", help=_h("paths", lang))
    p.add_argument("--json", action="store_true", help=_h("json_import", lang))
    p.add_argument("--no-read", action="store_true", help=_h("no_read", lang))
    p.epilog = _h("import_epilog", lang)

    p = command("list")
    case_dir(p)
    p.add_argument("--json", action="store_true", help=_h("json", lang))

    p = command("watch")
    case_dir(p)
    p.add_argument("folders", nargs="*", metavar="FOLDER", help=_h("folders", lang))
    p.add_argument("--recursive", action="store_true", help=_h("recursive", lang))
    p.add_argument("--polling", type=float, metavar="SECONDS", help=_h("polling", lang))
    p.add_argument("--quiet-window", type=float, default=1.0, metavar="SECONDS", help=_h("quiet", lang))
    p.add_argument("--rescan", type=float, default=60.0, metavar="SECONDS", help=_h("rescan", lang))
    p.add_argument("--no-read", action="store_true", help=_h("no_read_watch", lang))

    p = command("export")
    case_dir(p)
    p.add_argument("--profile", choices=["court", "platform", "complaint_12315", "public", "internet_court"],
                   default="court", help=_h("profile", lang))
    p.add_argument("--out", metavar="FILE.pdf", help=_h("out", lang))
    p.add_argument("--claimant", help=_h("claimant", lang))
    p.add_argument("--respondent", help=_h("respondent", lang))
    p.add_argument("--cause", default=DEFAULT_CAUSE, help=_h("cause", lang))
    p.add_argument("--paths", action=argparse.BooleanOptionalAction, default=None, help=_h("paths_opt", lang))
    p.add_argument("--json", action="store_true", help=_h("json", lang))
    from . import cli_packs
    cli_packs.add_arguments(p)

    p = command("renumber")
    case_dir(p)

    p = command("verify-export")
    p.add_argument("target", metavar="FOLDER_OR_PDF", help=_h("target", lang))

    p = command("verify")
    case_dir(p)
    p.add_argument("--json", action="store_true", help=_h("json", lang))

    from . import cli_archive
    cli_archive.add_parsers(sub)
    from . import cli_dispute
    cli_dispute.add_parsers(sub)
    from . import cli_read
    cli_read.add_parsers(sub)
    from . import cli_open
    cli_open.add_parsers(sub)
    from . import cli_repair
    cli_repair.add_parsers(sub)
    if lang == "zh":  # the command list in Chinese, for commands other modules add
        for action in sub._choices_actions:
            action.help = COMMAND_ZH.get(action.dest, action.help)
    return parser


COMMAND_ZH = {
    "archive": "把整个案件打包成一个 zip，便于转移到另一台电脑",
    "unarchive": "把案件 zip 解到新文件夹，并逐一核对 SHA-256",
    "deadline": "计算法定期限的最后一天（民法典第 201-204 条，按官方工作日）",
    "compensation": "计算惩罚性赔偿：消法第 55 条（欺诈）或食品安全法第 148 条（食品）",
    "draft": "按案件内容生成可直接发送的文书（.txt 或 .docx）",
    "plan": "案件进展：所处阶段、期限、缺少的证据、下一步和联系渠道",
    "read": "识别还没读过的证据中的文字和要点（OCR），完成后退出",
    "search": "按文字、名称、证明目的、备注或要点查找证据",
    "events": "列出时间线事件（含程序建议的）；采纳或忽略建议",
    "open": "打开窗口并显示这个案件",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(lang_of(argv))
    args = parser.parse_args(argv)
    lang = args.lang or current_lang()
    if args.self_test:
        from .selftest import run
        return run(lang)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    from .cli_safety import run_safely

    return run_safely(COMMANDS[args.command], args, lang)  # every failure a message and an exit code


def cmd_new(args, lang) -> int:
    from .core.store import Case

    with Case.create(args.case_dir, args.title) as case:
        print(("已创建案件：" if lang == "zh" else "created case: ") + str(case.root))
    return EXIT_OK


def cmd_import(args, lang) -> int:
    from .core.ingest import Importer, summarize
    from .core.store import Case

    from .cli_read import read_after_import, reading_enabled

    outcomes = []
    read_code = EXIT_OK
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
                print(f"导入 {counts['imported']}，重复 {counts['duplicate']}，跳过 {counts['skipped']}，拒绝 {counts['refused']}",
                      flush=True)
            else:
                print(f"imported {counts['imported']}, duplicates {counts['duplicate']}, "
                      f"skipped {counts['skipped']}, refused {counts['refused']}", flush=True)
        if not args.no_read and reading_enabled():   # as the window does: every new exhibit is read
            ids = [o.exhibit_id for o in outcomes if o.exhibit_id is not None and o.status in ("imported", "duplicate")]
            read_code = read_after_import(case, ids, lang, sys.stderr if args.json else sys.stdout)
    if read_code == 130:
        return read_code
    return EXIT_PROBLEM if counts["refused"] or read_code != EXIT_OK else EXIT_OK


_STATUS_WORDS = {"imported": ("已导入", "imported"), "duplicate": ("重复", "duplicate"),
                 "skipped": ("跳过", "skipped"), "refused": ("拒绝", "refused")}


def _outcome_line(outcome, lang) -> str:
    word = _STATUS_WORDS[outcome.status][0 if lang == "zh" else 1]
    parts = [f"[{word}]", outcome.path]
    if outcome.number is not None:
        parts.append(f"→ 证据{outcome.number}" if lang == "zh" else f"-> exhibit {outcome.number}")
    if outcome.exhibit_status and outcome.exhibit_status != "ok":
        parts.append(f"（{STATUS_ZH.get(outcome.exhibit_status, outcome.exhibit_status)}）" if lang == "zh"
                     else f"({outcome.exhibit_status})")
    message = outcome.message(lang)
    if message:
        parts.append("— " + message)
    return visible(" ".join(parts))  # one line per file, whatever its name holds


def exhibit_json(row: dict, lang: str) -> dict:
    from .core.messages import render

    return {  # number is always an integer; a grouped page's "14-1" is its label
        "number": row["number"], "part": row.get("part"), "label": exhibit_label(row), "name": row["name"],
        "kind": row["kind"], "category": row["category"],
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
    from .core.store import Case

    with Case.open(args.case_dir, writable=False) as case:
        rows = [exhibit_json(r, lang) for r in case.exhibits()]
        title = case.info().get("title", "")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(visible(title))
    zh = lang == "zh"
    for r in rows:
        when = r["captured_at"] or ("待定" if zh else "unknown")
        kind = KIND_ZH.get(r["kind"], r["kind"]) if zh else r["kind"]
        category = CATEGORY_ZH.get(r["category"], r["category"]) if zh else r["category"]
        source = source_words(r["captured_at_source"], lang)
        status = "" if r["status"] == "ok" else \
            f" [{STATUS_ZH.get(r['status'], r['status']) if zh else r['status']}] {r['message']}"
        print(visible(f"{('证据' if zh else '#')}{r['label']:<4} {kind:<6} {category:<8} "
                      f"{when} ({source}) {r['name']} — {r['original_name']}{status}"))
    print(f"共 {len(rows)} 项证据" if lang == "zh" else f"{len(rows)} exhibits")
    return EXIT_OK


def cmd_verify(args, lang) -> int:
    from .core.store import Case
    from .core.verify import verify_case

    from .core.store import writers_paused

    with Case.open(args.case_dir, writable=False) as case, writers_paused(case.root):  # not mid-import
        report = verify_case(case)
    if args.json:
        print(json.dumps({"ok": report.ok, "checked": report.checked, "bytes": report.bytes,
                          "problems": [{"code": p.code, "message": p.message(lang), "number": p.params.get("number"),
                                        "label": p.params.get("label"), "name": p.params.get("name")}
                                       for p in report.problems]},
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
        for f in folders:
            if f.paused and f.last_error:  # e.g. set up where the case was before: never watched by itself
                print(f"[{'已暂停' if lang == 'zh' else 'paused'}] {f.path} — {f.last_error}", file=sys.stderr)
        folders = [f for f in folders if not f.paused]
        if not folders:
            print("no folder to watch: name one" if lang == "en" else "没有要监视的文件夹，请指定一个", file=sys.stderr)
            return EXIT_USAGE

        def on_status(folder, mode, error):
            words = {"native": ("监视中", "watching"), "polling": ("轮询监视中", "watching by polling"),
                     "missing": ("文件夹不存在，等待它出现", "folder not found, waiting for it"),
                     "stopped": ("无法监视", "cannot watch")}[mode]
            text = words[0 if lang == "zh" else 1]
            print(f"[{text}] {folder.path}" + (f" — {error}" if error else ""), flush=True)

        from .cli_read import ArrivalReader, reading_enabled

        lock = threading.RLock()   # the watcher's transactions and the reader's take turns on the database

        def run_db(fn):
            with lock:
                return fn()

        arrivals = ArrivalReader(case, run_db, lang) if not args.no_read and reading_enabled() else None

        def on_outcome(outcome):
            print(_outcome_line(outcome, lang), flush=True)
            if arrivals is not None and outcome.status == "imported":
                arrivals.add(outcome.exhibit_id)

        watcher = Watcher(case, folders, on_outcome=on_outcome, on_status=on_status, rescan_interval=args.rescan,
                          run_db=run_db)
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        if arrivals is not None:
            arrivals.start()
        try:
            watcher.run_until(stop)
        finally:
            if arrivals is not None:
                arrivals.stop()
    print(f"已停止，本次导入 {watcher.imported_count} 个文件" if lang == "zh"
          else f"stopped; {watcher.imported_count} file(s) imported", flush=True)
    return EXIT_OK


def cmd_export(args, lang) -> int:
    from datetime import datetime

    from .core.messages import render

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
                                                       respondent=args.respondent, cause=args.cause,
                                                       include_paths=args.paths))
    if args.json:
        print(json.dumps({"pdf": str(result.pdf_path), "folder": str(result.folder_path), "sha256": result.sha256,
                          "pages": result.pages, "exhibits": result.exhibits,
                          "notices": [{**n, "message": render(n["code"], lang, number=n["number"])}
                                      for n in result.notices]},
                         ensure_ascii=False, indent=1))
        return EXIT_OK
    if lang == "zh":
        print(f"已导出：{result.pdf_path}（{result.pages} 页，{len(result.exhibits)} 项证据）")
        print(f"原件与清单：{result.folder_path}")
    else:
        print(f"exported: {result.pdf_path} ({result.pages} pages, {len(result.exhibits)} exhibits)")
        print(f"originals and manifest: {result.folder_path}")
    print(f"SHA-256: {result.sha256}")
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

from .cli_open import COMMANDS as _OPEN_COMMANDS  # noqa: E402

COMMANDS.update(_OPEN_COMMANDS)
from .cli_repair import COMMANDS as _REPAIR_COMMANDS  # noqa: E402

COMMANDS.update(_REPAIR_COMMANDS)
