"""`python -m app` starts the GUI; `python -m app COMMAND ...` runs the command line."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--self-test"]:
        from .selftest import run
        return run()
    if not argv:
        import os

        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                                                     or os.environ.get("QT_QPA_PLATFORM")):
            print("证据夹需要图形桌面才能打开窗口；没有桌面时可以用命令行，见 `python -m app --help`。\n"
                  "Evidence Binder needs a graphical desktop; without one, use the command line "
                  "(`python -m app --help`).", file=sys.stderr)
            return 1
        from .ui.main import run_gui
        return run_gui()
    from .cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
