"""`python -m app` starts the GUI; `python -m app COMMAND ...` runs the command line."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--self-test"]:
        from .selftest import run
        return run()
    if not argv:
        from .ui.main import run_gui
        return run_gui()
    from .cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
