"""Every failure of a command is a clear message and an exit code, never a traceback.

run_safely() runs one command: the core's CoreError in the user's language; SQLite errors and file-system
errors (a full disk, no permission, a read-only folder) in words; output piped into `head` ends quietly;
anything unforeseen gets one line that names the log file holding the details. Library warnings
(Pillow's "Corrupt EXIF data" and the like) go to that log, not the terminal. Recovery done when a case
was opened (interrupted imports undone, files found in originals/ without a record) is said out loud.
"""
from __future__ import annotations

import errno
import logging
import os
import sqlite3
import sys
import traceback
from pathlib import Path

from .core.messages import CoreError, render

EXIT_PROBLEM = 1
log = logging.getLogger("evidence_binder")


def log_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("EvidenceBinder", "EvidenceBinder")) / "evidence-binder.log"


def setup_logging() -> Path | None:
    """Warnings and details to a log file; nothing from libraries on the terminal."""
    logging.captureWarnings(True)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        handler, path = logging.NullHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    if not any(getattr(h, "_evidence_binder", False) for h in root.handlers):
        handler._evidence_binder = True
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def say_recovery(lang: str):
    """A listener for store.recovery_listeners: what recovery did, on stderr."""
    def listener(case, report) -> None:
        if report.rolled_back:
            print(render("recovery_rolled_back", lang, n=len(report.rolled_back)), file=sys.stderr)
        if report.orphans:
            print(render("recovery_orphans", lang, n=len(report.orphans), path=str(case.root)), file=sys.stderr)
        if report.foreign_temp:
            print(render("recovery_foreign_temp", lang, n=len(report.foreign_temp)), file=sys.stderr)
    return listener


def os_message(exc: OSError, lang: str, case_dir: str | None) -> str:
    where = exc.filename or case_dir or ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return render("disk_full", lang, path=case_dir or where)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return render("io_no_permission", lang, path=where)
    if exc.errno == errno.ENOTDIR:
        return render("io_not_a_folder", lang, path=where)
    if exc.errno == errno.ENAMETOOLONG:
        return render("io_name_too_long", lang, path=where)
    if exc.errno == errno.ELOOP:
        return render("io_link_loop", lang, path=where)
    return render("io_error", lang, path=where, error=exc.strerror or type(exc).__name__)


def _quiet_stdout() -> None:
    """After a broken pipe: send what is left to nowhere, so Python's exit flush says nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run_safely(command, args, lang: str) -> int:
    from .core import store

    setup_logging()
    listener = say_recovery(lang)
    store.recovery_listeners.append(listener)
    case_dir = getattr(args, "case_dir", None)
    try:
        return command(args, lang)
    except CoreError as exc:
        print(exc.message(lang), file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("interrupted" if lang == "en" else "已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_PROBLEM
    except sqlite3.DatabaseError as exc:
        log.warning("database error: %s", traceback.format_exc())
        print(store.db_error(exc, Path(case_dir or ".")).message(lang), file=sys.stderr)
        return EXIT_PROBLEM
    except OSError as exc:
        log.warning("file-system error: %s", traceback.format_exc())
        print(os_message(exc, lang, case_dir), file=sys.stderr)
        return EXIT_PROBLEM
    except Exception as exc:  # the last net: one line for the user, the details in the log
        log.error("unexpected error: %s", traceback.format_exc())
        print(render("internal_error", lang, error=type(exc).__name__, log=str(log_path())), file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        store.recovery_listeners.remove(listener)
