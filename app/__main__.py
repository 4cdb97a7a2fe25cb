"""`python -m app` starts the GUI; `python -m app COMMAND ...` runs the command line."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--read-worker"]:     # the OCR worker process (app/core/read/worker.py), started by the app
        from .core.read.worker import serve
        return serve()
    if argv == ["--self-test"]:
        from .selftest import run
        return run()
    from .cli_open import folder_argument, has_display, no_display_message

    folder = folder_argument(argv)
    if not argv or folder is not None:  # the window; a folder from the file manager opens in it
        if not has_display():
            print(no_display_message(), file=sys.stderr)
            return 1
        from .ui.app import run_gui
        return run_gui(open_path=folder)
    from .cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
