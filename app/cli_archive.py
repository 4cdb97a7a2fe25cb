"""`archive` and `unarchive`: move a whole case between computers (app/core/archive.py)."""
from __future__ import annotations

import json

from .core.messages import human_size

EXIT_OK = 0


def add_parsers(sub) -> None:
    def h(zh: str, en: str) -> str:       # the parser's language (cli._Parser.lang)
        return zh if getattr(p, "lang", "en") == "zh" else en

    p = sub.add_parser("archive", help="pack a whole case into one zip to move it to another computer")
    p.add_argument("case_dir", help=h("案件文件夹", "the case folder"))
    p.add_argument("--out", required=True, metavar="FILE.zip",
                   help=h("要写入的 zip（不会覆盖已有文件）", "the zip to write (never overwritten)"))
    p.add_argument("--with-derived", action="store_true",
                   help=h("同时打包 derived/（缩略图、OCR 结果；随时可重建）",
                          "also pack derived/ (thumbnails, OCR); it can always be rebuilt"))
    p.add_argument("--json", action="store_true", help=h("输出 JSON", "print JSON"))

    p = sub.add_parser("unarchive", help="unpack a case zip into a new folder, checking every SHA-256")
    p.add_argument("zip", metavar="FILE.zip", help=h("案件 zip", "the case zip"))
    p.add_argument("dest", metavar="DEST_DIR", help=h("还不存在（或为空）的文件夹", "a folder that does not exist yet (or is empty)"))
    p.add_argument("--json", action="store_true", help=h("输出 JSON", "print JSON"))


def cmd_archive(args, lang) -> int:
    from .core.export.archive import archive

    result = archive(args.case_dir, args.out, with_derived=args.with_derived)
    if args.json:
        print(json.dumps({"archive": str(result.path), "files": result.files, "bytes": result.bytes,
                          "sha256": result.sha256}, ensure_ascii=False))
    elif lang == "zh":
        print(f"已打包：{result.path}（{result.files} 个文件，{human_size(result.bytes)}）")
        print(f"SHA-256: {result.sha256}")
    else:
        print(f"archived: {result.path} ({result.files} files, {human_size(result.bytes)})")
        print(f"SHA-256: {result.sha256}")
    return EXIT_OK


def cmd_unarchive(args, lang) -> int:
    from .core.export.archive import unarchive

    result = unarchive(args.zip, args.dest)
    if args.json:
        print(json.dumps({"case_dir": str(result.case_dir), "files": result.files, "bytes": result.bytes,
                          "exhibits": result.exhibits, "schema_version": result.migrated_from},
                         ensure_ascii=False))
    elif lang == "zh":
        print(f"已解包到：{result.case_dir}（{result.exhibits} 项证据，{result.files} 个文件，SHA-256 全部核对无误）")
    else:
        print(f"unpacked to: {result.case_dir} ({result.exhibits} exhibits, {result.files} files, "
              "every SHA-256 checked)")
    return EXIT_OK


COMMANDS = {"archive": cmd_archive, "unarchive": cmd_unarchive}
