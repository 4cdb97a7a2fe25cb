"""`python -m app open CASE_DIR`: the window, opened on that case (or saying on the welcome page why not)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .core.library import is_case_folder


def add_parsers(sub) -> None:
    p = sub.add_parser("open", help="open the window on a case folder (打开案件窗口)")
    p.add_argument("case_dir")


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def no_display_message() -> str:
    return ("证据夹需要图形桌面才能打开窗口；没有桌面时可以用命令行，见 `python -m app --help`。\n"
            "Evidence Binder needs a graphical desktop; without one, use the command line "
            "(`python -m app --help`).")


def cmd_open(args, lang) -> int:
    if not has_display():
        print(no_display_message(), file=sys.stderr)
        return 1
    from .ui.app import run_gui

    return run_gui(open_path=Path(args.case_dir))


def folder_argument(argv: list[str]) -> Path | None:
    """A single existing folder as the only argument: what a file manager passes the app ("Open with",
    or a folder dropped on the app's icon). It opens in the window (a non-case folder is explained there)."""
    if len(argv) == 1 and not argv[0].startswith("-") and Path(argv[0]).is_dir():
        return Path(argv[0])
    return None


COMMANDS = {"open": cmd_open}
__all__ = ["COMMANDS", "add_parsers", "folder_argument", "has_display", "is_case_folder", "no_display_message"]
